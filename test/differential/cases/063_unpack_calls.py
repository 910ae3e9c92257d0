def f(a, b, c=3, *args, d=4, **kwargs):
    return (a, b, c, args, d, kwargs)
args = (1, 2)
kwargs = {"d": 40, "e": 50}
print(f(*args))
print(f(*args, **kwargs))
print(f(*[1, 2, 3, 4, 5], d=6))
print(f(1, *[2], *(3, 4), x=1, **{"y": 2}))
print(f(**{"a": "A", "b": "B"}))
print(f(*"xy", **dict(c="C")))
def g(*a, **k):
    return a, k
print(g(), g(1), g(k=1), g(*range(3), **{}))
print(max(*[3, 9, 2]), print(*[1, 2, 3], sep="-"))
print(*"abc")
print(*[1, 2], *[3], sep=", ", end="!\n")
def pos(a, b, /, c):
    return a, b, c
print(pos(*(1, 2), c=3), pos(1, *(2, 3)))
try:
    pos(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, **{1: 2})
except TypeError as e:
    print("TypeError:", e)
pairs = [(1, 2), (3, 4)]
print([x + y for x, y in pairs], list(zip(*pairs)), dict(pairs))
