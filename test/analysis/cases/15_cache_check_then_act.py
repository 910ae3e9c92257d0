# expect: race
# Check-then-act on a dict key: two threads both miss and both compute.
import threading

cache = {}
computed = []


def expensive(k):
    computed.append(k)
    return k * k


def lookup(k):
    if k not in cache:
        cache[k] = expensive(k)
    return cache[k]


threads = [threading.Thread(target=lookup, args=(7,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(cache[7])
