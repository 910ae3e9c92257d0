# expect: race
# One thread increments under the lock, the other forgets it: the lock protects nothing.
import threading

counter = 0
lock = threading.Lock()


def careful():
    global counter
    for _ in range(300):
        with lock:
            counter += 1


def careless():
    global counter
    for _ in range(300):
        counter += 1


t1 = threading.Thread(target=careful)
t2 = threading.Thread(target=careless)
t1.start()
t2.start()
t1.join()
t2.join()
print("counter =", counter)
