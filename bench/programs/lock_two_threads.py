# Two threads contend for one lock: 50 000 locked increments each (the same work as
# lock_one_thread.py). bench/run.mjs reports the two-thread / one-thread time ratio.
import threading

lock = threading.Lock()
count = 0

def work(n):
    global count
    for _ in range(n):
        with lock:
            count += 1

ts = [threading.Thread(target=work, args=(50000,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(count)
