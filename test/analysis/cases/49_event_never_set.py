# expect: hang
# Workers wait for a start signal that nobody sends.
import threading

start = threading.Event()


def worker(i):
    start.wait()
    print("worker", i, "started")


threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
