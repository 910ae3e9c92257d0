# expect: clean
# Fixed 07: the increment of the list item is under a Lock.
import threading

counts = [0, 0]
lock = threading.Lock()


def work(i):
    for _ in range(300):
        with lock:
            counts[0] += 1
        counts[1] = i


threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts[0])
