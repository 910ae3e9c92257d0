# expect: clean
# An Event publishes data: the worker fills `result` then sets the event; the main thread
# waits for it before updating the result.
import threading

result = {"value": 0}
ready = threading.Event()


def worker():
    result["value"] = sum(range(100))
    ready.set()


t = threading.Thread(target=worker)
t.start()
ready.wait()
result["value"] += 1
t.join()
print(result["value"])
