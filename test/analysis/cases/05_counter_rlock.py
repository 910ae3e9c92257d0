# expect: clean
# Fixed 03 with an RLock, taken re-entrantly by a helper.
import threading

counter = 0
lock = threading.RLock()


def bump():
    global counter
    with lock:
        counter += 1


def work():
    for _ in range(250):
        with lock:
            bump()


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter)
