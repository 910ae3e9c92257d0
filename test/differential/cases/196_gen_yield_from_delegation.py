def averager():
    total, n = 0, 0
    while True:
        v = yield
        if v is None:
            return total / n
        total, n = total + v, n + 1
def grouper(results, key):
    while True:
        results[key] = yield from averager()
results = {}
for key, vals in [("a", [1, 2, 3]), ("b", [10, 20])]:
    grp = grouper(results, key)
    next(grp)
    for v in vals:
        grp.send(v)
    grp.send(None)
print(results)
def gen_a():
    got = yield "a1"
    yield f"a2 got {got}"
    return "A"
def gen_b():
    yield "b1"
    return "B"
def combined():
    ra = yield from gen_a()
    rb = yield from gen_b()
    yield f"results {ra} {rb}"
c = combined()
print(next(c), c.send("sent"), next(c), next(c), next(c, "end"))
def depth_counter(n):
    if n == 0:
        return 0
    sub = yield from depth_counter(n - 1)
    yield n
    return sub + n
dc = depth_counter(4)
vals = []
try:
    while True:
        vals.append(next(dc))
except StopIteration as e:
    print(vals, "sum", e.value)
def reraiser():
    yield from iter([1, 2])
    yield from range(3, 5)
    yield from "xy"
print(list(reraiser()))
