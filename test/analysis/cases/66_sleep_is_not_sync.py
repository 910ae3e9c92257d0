# expect: race
# Broken 65: a sleep instead of the Event. The worker usually finishes first, but nothing
# orders its write before the main thread's read-modify-write.
import threading
import time

result = {"value": 0}


def worker():
    result["value"] = sum(range(100))


t = threading.Thread(target=worker)
t.start()
time.sleep(0.01)
result["value"] += 1
t.join()
print(result["value"])
