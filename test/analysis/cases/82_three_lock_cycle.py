# expect: potential-deadlock
# allow: deadlock
# Three threads, three locks, a cycle of orders: a->b, b->c, c->a.
import threading

a = threading.Lock()
b = threading.Lock()
c = threading.Lock()
log = []


def take(first, second, name):
    with first:
        with second:
            log.append(name)


ts = [
    threading.Thread(target=take, args=(a, b, "ab")),
    threading.Thread(target=take, args=(b, c, "bc")),
    threading.Thread(target=take, args=(c, a, "ca")),
]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(log))
