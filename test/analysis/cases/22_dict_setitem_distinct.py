# expect: clean
# `d[k] = v` with a distinct key per thread: each store is atomic and touches its own key.
import threading

results = {}


def work(i):
    results[i] = sum(range(i * 100))


threads = [threading.Thread(target=work, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
