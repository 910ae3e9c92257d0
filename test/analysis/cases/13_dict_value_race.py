# expect: race
# Lost update on a dict value: `stats["hits"] += 1` (the read and the store are two steps).
import threading

stats = {"hits": 0}


def work():
    for _ in range(300):
        stats["hits"] += 1


threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(stats)
