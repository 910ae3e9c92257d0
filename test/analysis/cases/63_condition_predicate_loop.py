# expect: clean
# explore: 30
# The classic correct Condition pattern: `while not items: cond.wait()`.
import threading

cond = threading.Condition()
items = []
got = []


def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            got.append(items.pop(0))


def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(got)
