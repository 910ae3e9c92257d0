# expect: hang
# A Barrier for three parties, but only two threads ever arrive.
import threading

barrier = threading.Barrier(3)


def worker(i):
    print("worker", i, "waiting")
    barrier.wait()
    print("worker", i, "passed")


threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
