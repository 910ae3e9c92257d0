x = "outer"
result = [x for x in range(3)]
print(x, result)
y = 10
print([y * i for i in range(3)])
class C:
    base = 10
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        scaled = [v * base for v in vals]
    except NameError as e:
        scaled = f"NameError: {e}"
    first_ok = [base + i for i in range(1)] if False else "skip"
    pairs = [(a, b) for a in vals for b in range(2)]
print(C.doubled, C.scaled, C.pairs[:3])
class D:
    n = 3
    gen_first_iter = [i for i in range(n)]
print(D.gen_first_iter)
def make():
    k = 5
    return [lambda: k * i for i in range(3)]
print([f() for f in make()])
def outer():
    total = 100
    return {i: total + i for i in range(3)}
print(outer())
i = "unchanged"
g = (i for i in range(3))
print(list(g), i)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
data = [[1, 2], [3, 4]]
flat = [n for sub in data for n in sub]
print(flat, "sub" in dir(), "n" in dir())
print([(lambda v: v + 1)(v) for v in range(3)])
cnt = 0
def bump():
    global cnt
    cnt += 1
    return cnt
print([bump() for _ in range(4)], cnt)
print([[j for j in range(i)] for i in range(4)])
