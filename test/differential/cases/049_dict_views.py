d = {"one": 1, "two": 2, "three": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), "one" in k, 3 in v, ("two", 2) in it)
d["four"] = 4
print(list(k), list(v), list(it))
del d["one"]
print(k, sorted(v))
print(k & {"two", "x"} == {"two"}, sorted(k | {"z"}), sorted(k - {"two"}))
print(d.keys() == {"two", "three", "four"}, list(reversed(d.keys())), list(reversed(d.items())))
for key, val in d.items():
    print(key, val)
try:
    for key in d:
        d["five"] = 5
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(d))
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
print(dict(d.items()) == d, list(iter(d)), list(map(len, d)))
m = {1: "a", 2: "b"}
print(m.items() ^ {(1, "a"), (3, "c")} == {(2, "b"), (3, "c")})
