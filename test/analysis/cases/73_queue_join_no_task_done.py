# expect: hang
# q.join() waits for a task_done() per item, and the worker never calls it.
import queue
import threading

q = queue.Queue()
seen = []


def worker():
    while True:
        seen.append(q.get())


threading.Thread(target=worker, daemon=True).start()
for i in range(3):
    q.put(i)
q.join()
print("all done", seen)
