# expect: deadlock
# A non-reentrant Lock acquired twice by the same thread: it waits for itself forever.
import threading

lock = threading.Lock()
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
