# expect: race
# A ThreadPoolExecutor does not make shared state safe: `hits += 1` from pool workers.
from concurrent.futures import ThreadPoolExecutor

hits = 0


def handle(i):
    global hits
    for _ in range(100):
        hits += 1
    return i


with ThreadPoolExecutor(max_workers=3) as pool:
    list(pool.map(handle, range(6)))
print("hits", hits)
