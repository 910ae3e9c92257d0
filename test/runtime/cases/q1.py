import threading, queue, time
q = queue.Queue(maxsize=2)
def producer():
    for i in range(5):
        q.put(i)
        log.append((round(time.monotonic() - t0, 1), "put %d" % i))
    q.put(None)
def consumer():
    while True:
        time.sleep(1)
        x = q.get()
        q.task_done()
        if x is None:
            break
        log.append((round(time.monotonic() - t0, 1), "got %d" % x))
t0 = time.monotonic()
log = []
a = threading.Thread(target=producer); b = threading.Thread(target=consumer)
a.start(); b.start()
q.join()
a.join(); b.join()
print(sorted(log))
print("qsize", q.qsize(), q.empty(), q.full())
try:
    q.get(timeout=0.5)
except queue.Empty:
    print("Empty after", round(time.monotonic() - t0, 1))
try:
    q.get(timeout=-1)
except ValueError as e:
    print(e)
q2 = queue.Queue(1)
q2.put_nowait("a")
try:
    q2.put_nowait("b")
except queue.Full:
    print("Full")
try:
    q2.task_done(); q2.task_done()
except ValueError as e:
    print(e)
pq = queue.PriorityQueue()
for x in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(x)
print([pq.get()[1] for _ in range(3)])
lq = queue.LifoQueue()
for x in "abc":
    lq.put(x)
print("".join(lq.get() for _ in range(3)))
sq = queue.SimpleQueue()
sq.put(1); sq.put(2)
print(sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.1)
except queue.Empty:
    print("SimpleQueue Empty")
