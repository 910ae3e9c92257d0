# expect: potential-deadlock
# allow: deadlock
# Two locks taken in opposite orders by two threads, nothing in between: this run may not
# deadlock, but the inversion is there (a GIL switch between the acquisitions deadlocks).
import threading

a = threading.Lock()
b = threading.Lock()
log = []


def one():
    with a:
        with b:
            log.append("one")


def two():
    with b:
        with a:
            log.append("two")


t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
t1.join()
t2.join()
print(sorted(log))
