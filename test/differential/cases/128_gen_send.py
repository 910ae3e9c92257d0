def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
for v in [10, 20, 5]:
    print("running", acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
def averager():
    total, count, avg = 0.0, 0, None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(x) for x in [10, 30, 50, 5]])
g = accumulator()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
def echo():
    received = None
    while True:
        received = yield f"echo: {received}"
e = echo()
print(e.send(None), e.send("hi"), e.send([1, 2]), next(e))
def running_max():
    best = None
    while True:
        x = yield best
        if best is None or x > best:
            best = x
rm = running_max()
rm.send(None)
print([rm.send(x) for x in [3, 1, 4, 1, 5, 9, 2, 6]])
