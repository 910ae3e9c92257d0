f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, frozenset(), frozenset(range(3)))
print(f | {9}, f & {1, 7}, f - {1}, type(f | {9}).__name__, type({9} | f).__name__)
d = {f: "value", frozenset(): "empty"}
print(d[frozenset([1, 2, 3])], d[frozenset()])
print(f == {1, 2, 3}, hash(f) == hash(frozenset([1, 2, 3])), f.issubset(range(5)))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
s = {frozenset([1]), frozenset([1]), frozenset([1, 2])}
print(len(s), sorted(len(x) for x in s))
groups = {}
for pair in [(1, 2), (2, 1), (3, 4), (4, 3), (1, 2)]:
    key = frozenset(pair)
    groups[key] = groups.get(key, 0) + 1
print(sorted((sorted(k), v) for k, v in groups.items()))
print(frozenset([frozenset([1])]), f.copy() is f, f.union([5]), f.symmetric_difference([1, 5]))
