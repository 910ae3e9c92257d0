# expect: potential-deadlock
# allow: deadlock
# RLocks do not help against opposite orders in two threads.
import threading

a = threading.RLock()
b = threading.RLock()
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
