# expect: clean
# Data passed only through a Queue: the producer builds a batch, hands it over and never
# touches it again; the consumer mutates it after get().
import queue
import threading

q = queue.Queue()


def producer():
    for n in range(5):
        batch = {"n": n, "items": []}
        for i in range(n):
            batch["items"].append(i)
        batch["n"] += 100
        q.put(batch)
    q.put(None)


def consumer(out):
    while True:
        batch = q.get()
        if batch is None:
            break
        batch["n"] += 1
        batch["items"][:] = [x * 2 for x in batch["items"]]
        out.append(batch)


out = []
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer, args=(out,))
p.start()
c.start()
p.join()
c.join()
for b in out:
    print(b["n"], b["items"])
