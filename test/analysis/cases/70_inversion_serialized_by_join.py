# expect: clean
# The two lock orders of 34 in threads that never overlap: the second starts after the
# first is joined, so no deadlock is possible.
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
t1.start()
t1.join()
t2 = threading.Thread(target=two)
t2.start()
t2.join()
print(log)
