# expect: clean
# explore: 30
# A semaphore lets at most two of six workers in at once; the bookkeeping is under a Lock.
import threading
import time

slots = threading.Semaphore(2)
lock = threading.Lock()
active = 0
peak = 0


def worker(i):
    global active, peak
    with slots:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.01)
        with lock:
            active -= 1


threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak", peak, "active", active)
