square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(5), add(1), add(1, 2), (lambda: "no args")(), (lambda *a: sum(a))(1, 2, 3))
print(square.__name__, (lambda: 0).__name__, add.__defaults__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(sym, ops[sym](7, 3))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: len(p[1])))
print(list(map(lambda x: x ** 2, range(5))), list(filter(lambda s: "e" in s, ["a", "be", "ce", "d"])))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
curried = lambda a: lambda b: lambda c: a + b + c
print(curried(1)(2)(3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + i for i in range(3)]
print([a(10) for a in late])
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
print(type(square).__name__, callable(square))
