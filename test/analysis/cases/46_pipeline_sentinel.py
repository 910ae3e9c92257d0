# expect: clean
# explore: 30
# A three-stage queue pipeline; a None sentinel shuts each stage down.
import queue
import threading

raw = queue.Queue()
squared = queue.Queue()
results = []


def source():
    for i in range(1, 11):
        raw.put(i)
    raw.put(None)


def square():
    while True:
        x = raw.get()
        if x is None:
            squared.put(None)
            break
        squared.put(x * x)


def sink():
    while True:
        x = squared.get()
        if x is None:
            break
        results.append(x)


stages = [threading.Thread(target=f) for f in (source, square, sink)]
for t in stages:
    t.start()
for t in stages:
    t.join()
print(sum(results), len(results))
