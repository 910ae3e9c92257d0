d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"], len(d))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("a"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
print(d)
print(d.popitem(), d)
cp = d.copy()
cp["new"] = 1
print(d, cp)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
print(dict(a=1, b=2), dict([("k", "v")]), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])))
print(list(d.keys()), list(d.values()), list(d.items()))
print("b" in d, "zz" in d, 2 in d.values(), ("c", 3) in d.items())
d.clear()
print(d, len(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}[(1, "t")]
except KeyError as e:
    print("KeyError:", e)
del cp["b"]
print(cp)
try:
    del cp["nope"]
except KeyError as err:
    print("KeyError:", err)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
