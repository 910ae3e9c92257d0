# expect: clean
# list.append from many threads is atomic under the GIL: no update is lost.
import threading

items = []


def work(i):
    for j in range(100):
        items.append((i, j))


threads = [threading.Thread(target=work, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(items))
