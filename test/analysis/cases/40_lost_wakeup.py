# expect: hang
# Lost wake-up: the producer notifies before the consumer waits, and the consumer waits
# without checking a predicate, so it sleeps forever.
import threading
import time

cond = threading.Condition()
items = []


def consumer():
    time.sleep(0.05)
    with cond:
        cond.wait()
        print("got", items.pop())


def producer():
    with cond:
        items.append(42)
        cond.notify()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
