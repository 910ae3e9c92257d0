# expect: clean
# profile: 3.13t
# 04 on the free-threaded build: the Lock still makes the increment safe.
import threading

counter = 0
lock = threading.Lock()


def work():
    global counter
    for _ in range(250):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
