# expect: clean
# Fixed 09: the object guards its attribute with its own Lock.
import threading


class Counter:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            self.value += 1


c = Counter()


def work():
    for _ in range(300):
        c.increment()


threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(c.value)
