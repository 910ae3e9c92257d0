# expect: clean
# Fixed 76: release the lock before joining.
import threading

lock = threading.Lock()
log = []


def worker():
    with lock:
        log.append("worker")


with lock:
    t = threading.Thread(target=worker)
    t.start()
    log.append("main")
t.join()
print(log)
