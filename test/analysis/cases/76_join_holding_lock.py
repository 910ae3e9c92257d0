# expect: deadlock
# The main thread joins a worker while holding the lock the worker needs.
import threading

lock = threading.Lock()
log = []


def worker():
    with lock:
        log.append("worker")


with lock:
    t = threading.Thread(target=worker)
    t.start()
    t.join()
print(log)
