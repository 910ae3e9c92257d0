# expect: clean
# Shared data written before the threads start and only read afterwards (start is a sync edge).
import threading

config = {"scale": 3, "offset": 1}
out = [0] * 4


def work(i):
    total = 0
    for k in range(100):
        total += k * config["scale"] + config["offset"]
    out[i] = total


config["scale"] += 1
threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out)
