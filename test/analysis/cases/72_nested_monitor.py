# expect: deadlock|hang
# Nested monitor lockout: the consumer waits on the Condition while still holding `outer`,
# which the producer needs before it can notify.
import threading
import time

outer = threading.Lock()
cond = threading.Condition()
items = []


def consumer():
    with outer:
        with cond:
            while not items:
                cond.wait()
            print("got", items.pop())


def producer():
    time.sleep(0.01)
    with outer:
        with cond:
            items.append(1)
            cond.notify()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
c.join()
p.join()
