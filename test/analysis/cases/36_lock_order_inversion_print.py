# expect: deadlock
# allow: potential-deadlock
# explore: 10
# 34 with a print between the two acquisitions: a write to the terminal hands the GIL
# over, and the schedules deadlock (CPython 3.11 deadlocks too).
import threading

a = threading.Lock()
b = threading.Lock()


def one():
    with a:
        print("one has a")
        with b:
            pass


def two():
    with b:
        print("two has b")
        with a:
            pass


t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
t1.join()
t2.join()
print("done")
