# expect: clean
# Fixed 38: an RLock may be acquired again by the thread that holds it.
import threading

lock = threading.RLock()
data = []


def add(x):
    with lock:
        data.append(x)


def add_twice(x):
    with lock:
        add(x)
        add(x)


t = threading.Thread(target=add_twice, args=(1,))
t.start()
t.join()
print(data)
