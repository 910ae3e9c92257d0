# expect: clean
# join is a sync edge: the main thread updates the counter only after joining the worker.
import threading

counter = 0


def work():
    global counter
    for _ in range(500):
        counter += 1


t = threading.Thread(target=work)
t.start()
t.join()
counter += 1000
print(counter)
