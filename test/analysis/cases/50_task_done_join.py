# expect: clean
# explore: 30
# Producer/consumer with task_done()/join(): daemon workers, the main thread waits for the
# queue to be fully processed, then reads the results.
import queue
import threading

q = queue.Queue()
results = []
lock = threading.Lock()


def worker():
    while True:
        n = q.get()
        with lock:
            results.append(n * 2)
        q.task_done()


for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for n in range(20):
    q.put(n)
q.join()
print(len(results), sum(results))
