# expect: clean
# Fixed 61: each task returns its count and the main thread adds the results
# (future.result() orders the task before the read).
from concurrent.futures import ThreadPoolExecutor


def handle(i):
    n = 0
    for _ in range(100):
        n += 1
    return n


hits = 0
with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(handle, i) for i in range(6)]
    for f in futures:
        hits += f.result()
print("hits", hits)
