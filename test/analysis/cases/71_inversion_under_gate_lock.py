# expect: clean
# explore: 30
# The opposite orders of 34, but both under a common outer lock `gate`: only one thread
# can be inside at a time, so the inversion cannot deadlock.
import threading
import time

gate = threading.Lock()
a = threading.Lock()
b = threading.Lock()
log = []


def one():
    with gate:
        with a:
            time.sleep(0.001)
            with b:
                log.append("one")


def two():
    with gate:
        with b:
            time.sleep(0.001)
            with a:
                log.append("two")


t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
t1.join()
t2.join()
print(sorted(log))
