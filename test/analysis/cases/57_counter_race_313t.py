# expect: race
# profile: 3.13t
# 03 on the free-threaded build: still a lost update (now with true parallelism).
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
