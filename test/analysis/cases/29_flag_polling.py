# expect: race
# severity: warning
# Flag polling: the worker spins on a global `done` instead of waiting on an Event.
import threading
import time

done = False


def worker():
    spins = 0
    while not done:
        spins += 1
        time.sleep(0.001)
    print("worker saw done")


t = threading.Thread(target=worker)
t.start()
time.sleep(0.02)
done = True
t.join()
print("main finished")
