data = [1, 5, 12, 7, 30, 2]
if (n := len(data)) > 5:
    print(f"long list: {n}")
print([y for x in data if (y := x * 2) > 10])
print(y)
it = iter(data)
total = 0
while (val := next(it, None)) is not None:
    total += val
print(total, val)
print([(last := v) for v in range(3)], last)
results = [r for v in data if (r := v % 5)]
print(results)
for v in data:
    kind = "big" if v > 10 else "medium" if v > 4 else "small"
    print(v, kind)
x = 0
print("zero" if x == 0 else "nonzero", ("a" if x else "b") + "!")
print((lambda q: "even" if q % 2 == 0 else "odd")(7))
def f():
    if (m := 3) and (k := m + 1):
        return m, k
print(f())
print((w := 10) + w, w)
stack = [1, 2, 3]
out = []
while stack and (top := stack.pop()) != 1:
    out.append(top)
print(out, stack, top)
