# expect: race
# Broken fix of 03: each thread creates its own Lock, so the lock protects nothing.
import threading

counter = 0


def work():
    global counter
    lock = threading.Lock()
    for _ in range(250):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
