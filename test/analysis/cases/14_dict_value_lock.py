# expect: clean
# Fixed 13 with a Lock.
import threading

stats = {"hits": 0}
lock = threading.Lock()


def work():
    for _ in range(300):
        with lock:
            stats["hits"] += 1


threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(stats)
