# expect: clean
# explore: 30
# Fixed 40: wait_for re-checks the predicate, so a notify before the wait is not lost.
import threading
import time

cond = threading.Condition()
items = []


def consumer():
    time.sleep(0.05)
    with cond:
        cond.wait_for(lambda: len(items) > 0)
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
