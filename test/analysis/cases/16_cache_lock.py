# expect: clean
# Fixed 15: the check and the insert happen under one Lock, so 7 is computed once.
import threading

cache = {}
computed = []
lock = threading.Lock()


def expensive(k):
    computed.append(k)
    return k * k


def lookup(k):
    with lock:
        if k not in cache:
            cache[k] = expensive(k)
        return cache[k]


threads = [threading.Thread(target=lookup, args=(7,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(cache[7], "computed", len(computed), "time(s)")
