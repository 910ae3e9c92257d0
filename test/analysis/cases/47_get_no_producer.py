# expect: hang
# A consumer waits on q.get() but nobody ever puts anything (the producer was never started).
import queue
import threading

q = queue.Queue()


def producer():
    for i in range(3):
        q.put(i)


def consumer():
    item = q.get()
    print("got", item)


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
c.start()
c.join()
