# expect: clean
# threading.local: each thread increments its own copy.
import threading

local = threading.local()
results = {}


def work(name):
    local.count = 0
    for _ in range(200):
        local.count += 1
    results[name] = local.count


threads = [threading.Thread(target=work, args=("t%d" % i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
