# expect: clean
# Waiting for an Event with a timeout in a loop (doing other work meanwhile) is fine.
import threading
import time

stop = threading.Event()
ticks = []


def heartbeat():
    while not stop.wait(0.01):
        ticks.append(1)
    print("heartbeat stopped")


t = threading.Thread(target=heartbeat)
t.start()
time.sleep(0.055)
stop.set()
t.join()
print("ticks > 0:", len(ticks) > 0)
