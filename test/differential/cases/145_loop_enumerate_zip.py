fruits = ["apple", "banana", "cherry"]
for i, f in enumerate(fruits):
    print(i, f)
for i, f in enumerate(fruits, start=1):
    print(i, f)
print(list(enumerate("ab", 10)), list(enumerate([], 5)), list(enumerate(range(3), -1)))
prices = [1.5, 0.25]
print(list(zip(fruits, prices)), list(zip(fruits, prices, "xyz")), list(zip()), list(zip("a")))
for name, price in zip(fruits, prices):
    print(f"{name}: {price}")
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(dict(zip("abc", range(3))), list(zip(range(5), range(5, 0, -1))))
print(list(reversed(fruits)), list(reversed(range(1, 10, 3))), list(reversed("abc")), list(reversed((1, 2))))
for i in range(10, 0, -3):
    print(i, end=",")
print()
for i in range(0, 1):
    print("single", i)
for i in range(5, 5):
    print("never")
e = enumerate("xyz")
print(next(e), next(e), list(e))
z = zip(count_it := iter([1, 2, 3]), "ab")
print(list(z), next(count_it, "consumed"))
print(type(enumerate([])).__name__, type(zip()).__name__, type(reversed([])).__name__)
d = {"b": 1, "a": 2}
print(list(reversed(d)), list(enumerate(d)))
