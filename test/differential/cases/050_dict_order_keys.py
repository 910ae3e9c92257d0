d = {}
d["x"] = 1
d["y"] = 2
d["z"] = 3
print(d)
del d["x"]
d["x"] = 4
print(d, list(d))
d["y"] = 20
print(d)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {"a": 1} != {"a": 2})
grid = {(0, 0): "origin", (1, 2): "p", (-1, 0): "w"}
print(grid[(1, 2)], grid[0, 0], (-1, 0) in grid, sorted(grid))
k = {1: "int", 1.0: "float", True: "bool"}
print(k, len(k))
k2 = {True: "bool", 1: "int"}
print(k2)
print({0: "a", False: "b", 0.0: "c"})
fs = {frozenset([1, 2]): "fs"}
print(fs[frozenset([2, 1])], fs.get(frozenset([1])))
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    {}[{}] = 1
except TypeError as e:
    print("TypeError:", e)
n = {None: "none", (): "empty", "": "s", 0: "zero"}
print(n[None], n[()], n[""], n[0], n)
z = dict(zip(range(5), "abcde"))
print(z, {v: k for k, v in z.items()})
big = {i: i * i for i in range(20) if i % 3}
print(big)
print(list(big.items())[:3], next(iter(big)))
