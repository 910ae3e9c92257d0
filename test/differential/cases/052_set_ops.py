a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8], (9,)), a.intersection(range(3)), a.difference([1], [2]))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, {9} <= a)
print({1, 2}.issubset(a), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint({10}))
print(sorted(a | b), len(a & b), 3 in a, 7 not in a)
print(set(), set([3, 1, 2]), set(range(5)), set((1, 1, 2)), {0, False, 0.0})
print({i % 3 for i in range(10)}, {-1, -2, 3}, {10, 20, 5})
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print({1, 2} == {2, 1}, {1} == frozenset([1]), {1, 2, 3} - {2} == {1, 3})
print(sorted({x * x for x in range(-3, 4)}))
