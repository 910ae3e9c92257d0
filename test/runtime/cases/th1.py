import threading, time
def f(n):
    time.sleep(n)
t = threading.Thread(target=f, args=(2,), name="worker")
print(repr(t))
t.start()
t.join(0.5)
print(t.is_alive(), t.name, t.daemon)
t.join()
print(t.is_alive(), repr(t).startswith("<Thread(worker, stopped"))
try:
    t.start()
except RuntimeError as e:
    print(e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print(e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)
l = threading.Lock()
print(l.acquire(), l.acquire(False), l.acquire(timeout=0.25), l.locked())
l.release()
try:
    l.release()
except RuntimeError as e:
    print(e)
try:
    l.acquire(False, 1)
except ValueError as e:
    print(e)
r = threading.RLock()
try:
    r.release()
except RuntimeError as e:
    print(e)
class Worker(threading.Thread):
    def __init__(self, k):
        super().__init__()
        self.k = k
    def run(self):
        print("worker", self.k, self.name)
ws = [Worker(i) for i in range(2)]
for w in ws: w.start()
for w in ws: w.join()
b = threading.BoundedSemaphore(1)
try:
    b.release()
except ValueError as e:
    print(e)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.get_ident() == threading.main_thread().ident)
def boom():
    raise KeyError("k")
t = threading.Thread(target=boom, name="B")
t.start(); t.join()
print("after", threading.active_count())
