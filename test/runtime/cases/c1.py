import threading, time
t_start = time.monotonic()
cond = threading.Condition()
items = []
log = []
def consumer(i):
    with cond:
        ok = cond.wait_for(lambda: items, timeout=5)
        log.append((i, items.pop() if ok else None))
cs = [threading.Thread(target=consumer, args=(i,)) for i in range(3)]
for c in cs: c.start()
time.sleep(1)
with cond:
    items.extend([10, 20])
    cond.notify(2)
for c in cs: c.join()
print(sorted(log, key=lambda x: x[0] if x[1] is None else -1)[-1], len(log))
print(sorted(x[1] for x in log if x[1] is not None))
try:
    cond.notify()
except RuntimeError as e:
    print(e)
try:
    cond.wait()
except RuntimeError as e:
    print(e)
b = threading.Barrier(3, action=lambda: print("action"))
res = []
def bw(i):
    time.sleep(i * 0.1)
    res.append(b.wait())
ts = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res), b.n_waiting, b.broken)
b2 = threading.Barrier(2, timeout=0.5)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken", b2.broken)
fired = []
t = threading.Timer(5, lambda: fired.append(1))
t.start(); time.sleep(1); t.cancel(); t.join()
print(fired, round(time.monotonic() - t_start))
e = threading.Event()
print(e.is_set(), e.wait(0.1))
e.set(); print(e.wait(), e.is_set()); e.clear(); print(e.is_set())
s = threading.Semaphore(0)
print(s.acquire(timeout=0.2), s.acquire(blocking=False))
s.release(2); print(s.acquire(), s.acquire(), s.acquire(False))
loc = threading.local()
loc.v = "main"
def lw():
    print(hasattr(loc, "v"))
    loc.v = "thread"
t = threading.Thread(target=lw); t.start(); t.join()
print(loc.v)
class L(threading.local):
    def __init__(self, x):
        self.x = x
l2 = L(7)
def lw2():
    print("init per thread", l2.x)
t = threading.Thread(target=lw2); t.start(); t.join()
