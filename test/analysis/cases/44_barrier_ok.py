# expect: clean
# explore: 30
# Fixed 42/43: as many parties as threads; phase 2 reads what phase 1 wrote.
import threading

N = 3
barrier = threading.Barrier(N)
partial = [0] * N
totals = [0] * N


def worker(i):
    partial[i] = (i + 1) * 10
    barrier.wait()
    totals[i] = sum(partial)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(totals)
