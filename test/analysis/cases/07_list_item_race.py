# expect: race
# Lost update on a list item: `counts[0] += 1`.
import threading

counts = [0, 0]


def work(i):
    for _ in range(300):
        counts[0] += 1
        counts[1] = i


threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts[0])
