# expect: deadlock
# allow: potential-deadlock
# explore: 10
# 34 with a sleep between the two acquisitions: the threads deadlock.
import threading
import time

a = threading.Lock()
b = threading.Lock()


def transfer_ab():
    with a:
        time.sleep(0.01)
        with b:
            print("a -> b")


def transfer_ba():
    with b:
        time.sleep(0.01)
        with a:
            print("b -> a")


t1 = threading.Thread(target=transfer_ab)
t2 = threading.Thread(target=transfer_ba)
t1.start()
t2.start()
t1.join()
t2.join()
