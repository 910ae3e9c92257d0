# expect: clean
# Each thread's `count` is a local variable that happens to share the global's name.
import threading

count = 0
results = []


def work():
    count = 0
    for _ in range(200):
        count += 1
    results.append(count)


threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(count, results)
