# expect: race
# Lost update on an instance attribute: `self.value += 1`.
import threading


class Counter:
    def __init__(self):
        self.value = 0

    def increment(self):
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
