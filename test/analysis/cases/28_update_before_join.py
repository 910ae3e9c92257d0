# expect: race
# Broken 27: the main thread updates the counter before joining the worker.
import threading

counter = 0


def work():
    global counter
    for _ in range(500):
        counter += 1


t = threading.Thread(target=work)
t.start()
counter += 1000
t.join()
print(counter)
