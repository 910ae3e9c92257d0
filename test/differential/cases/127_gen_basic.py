def count_up(n):
    print("  gen start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  gen end")
g = count_up(3)
print(type(g).__name__, g.__name__)
for v in g:
    print("loop got", v)
print(list(count_up(2)))
def squares():
    for i in range(1, 6):
        yield i * i
print(sum(squares()), max(squares()), list(squares())[::-1], 16 in squares())
def two_yields():
    x = yield 1
    print("x =", x)
    yield 2
t = two_yields()
print(next(t), next(t))
try:
    next(t)
except StopIteration as e:
    print("StopIteration", e.value)
def gen_with_return():
    yield "a"
    return "the result"
r = gen_with_return()
print(next(r))
try:
    next(r)
except StopIteration as e:
    print("return value:", e.value, e.args)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def empty():
    return
    yield
print(list(empty()), type(empty()).__name__)
def yield_expr_list():
    got = []
    while len(got) < 3:
        got.append((yield len(got)))
    return got
y = yield_expr_list()
print(next(y), y.send("a"), y.send("b"))
try:
    y.send("c")
except StopIteration as e:
    print(e.value)
