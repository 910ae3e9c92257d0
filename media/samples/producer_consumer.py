# Producer/consumer: a producer puts work on a queue.Queue, two consumers take it off. The
# queue does the locking; a None per consumer tells it to stop.
import queue
import threading

q = queue.Queue(maxsize=4)


def producer():
    for item in range(10):
        q.put(item)
    for _ in range(2):
        q.put(None)


def consumer(name):
    while True:
        item = q.get()
        if item is None:
            break
        print(name, "got", item)


threads = [threading.Thread(target=producer)]
threads += [threading.Thread(target=consumer, args=(f"consumer-{i}",)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
