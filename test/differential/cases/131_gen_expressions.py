g = (x * x for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
print(list((x, y) for x in range(3) for y in range(x)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -1]), sorted((c for c in "hello"), reverse=True))
print(",".join(str(n) for n in range(5)), dict((k, len(k)) for k in ["aa", "b"]))
evaluated = []
def src():
    for i in range(3):
        evaluated.append(i)
        yield i
lazy = (i * 10 for i in src())
print(evaluated)
print(next(lazy), evaluated)
print(list(lazy), evaluated)
x = 10
gen = (x + i for i in range(3))
x = 20
print(list(gen))
items = [1, 2, 3]
gen2 = (i for i in items)
items = [7, 8, 9]
print(list(gen2))
nested = ((i, j) for i in range(2) for j in (i * 10, i * 20))
print(list(nested))
total = 0
for v in (n ** 2 for n in range(100) if n % 7 == 0):
    total += v
print(total)
print(min((abs(v - 7), v) for v in [1, 5, 9, 12]))
print(tuple(c.upper() for c in "abc"), set(n % 3 for n in range(10)))
