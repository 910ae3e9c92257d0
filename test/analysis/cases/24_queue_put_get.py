# expect: clean
# queue.Queue put/get from several producers and one consumer: no lock needed.
import queue
import threading

q = queue.Queue()


def produce(base):
    for i in range(50):
        q.put(base + i)


producers = [threading.Thread(target=produce, args=(k * 1000,)) for k in range(3)]
for t in producers:
    t.start()
total = 0
for _ in range(150):
    total += q.get()
for t in producers:
    t.join()
print(total)
