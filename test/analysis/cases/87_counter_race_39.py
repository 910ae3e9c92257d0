# expect: race
# profile: 3.9
# 03 under Python 3.9 (a GIL switch can fall inside `counter += 1`).
import threading

counter = 0


def work():
    global counter
    for _ in range(250):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
