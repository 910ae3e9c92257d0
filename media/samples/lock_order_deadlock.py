# Lock-order deadlock: one thread takes a then b, the other b then a. If each gets its first
# lock before the other's second, both wait forever. Taking locks in one global order fixes it.
import threading
import time

a = threading.Lock()
b = threading.Lock()


def transfer_ab():
    with a:
        time.sleep(0.01)
        with b:
            print("a -> b done")


def transfer_ba():
    with b:
        time.sleep(0.01)
        with a:
            print("b -> a done")


t1 = threading.Thread(target=transfer_ab)
t2 = threading.Thread(target=transfer_ba)
t1.start()
t2.start()
t1.join()
t2.join()
