def f(a, b):
    return a + b
def g(a, b=2, *, c):
    return a
def h(x, /, y):
    return x
class K:
    def m(self, a):
        return a
none_v, int_v, str_v = None, 5, "s"
attempts = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, z=3),
    lambda: f(1, a=2),
    lambda: g(1),
    lambda: g(1, 2, 3),
    lambda: g(),
    lambda: h(x=1, y=2),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(),
    lambda: (lambda: 0)(1),
    lambda: (lambda x: 0)(),
    lambda: len(),
    lambda: len([], []),
    lambda: abs(x=1),
    lambda: f(*[1, 2, 3, 4]),
    lambda: "abc".split(1),
    lambda: int("5", base=1, x=2),
    lambda: dict(1),
    lambda: none_v(),
    lambda: int_v(),
    lambda: str_v(),
]
for attempt in attempts:
    try:
        attempt()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
    except ValueError as e:
        print("ValueError:", e)
def many(a, b, c, d):
    pass
for call in [lambda: many(1), lambda: many(1, 2), lambda: many(), lambda: many(1, 2, 3, 4, 5, 6)]:
    try:
        call()
    except TypeError as e:
        print(e)
