# expect: clean
# Fixed 15 without a lock: dict.setdefault is one atomic operation under the GIL.
import threading

cache = {}


def lookup(k, name):
    return cache.setdefault(k, name)


threads = [threading.Thread(target=lookup, args=("key", "t%d" % i)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(cache))
