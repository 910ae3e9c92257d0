d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
print(d1 | d2, d2 | d1, {**d1, **d2}, {**d2, **d1}, {**d1, "b": 0, **{"z": 9}})
d3 = d1.copy()
d3 |= d2
print(d3, d1)
d3 |= [("q", 1)]
print(d3)
try:
    d1 | [("q", 1)]
except TypeError as e:
    print("TypeError:", e)
def f(**kw):
    return kw
print(f(**d1, c=5), f(**d1, **{"x": 1}))
try:
    f(**d1, a=10)
except TypeError as e:
    print("TypeError:", e)
merged = {}
for part in ({"k": 1}, {"k": 2, "j": 3}, {"j": 4}):
    merged.update(part)
print(merged)
nested = {"a": {"x": 1}, "b": [1, 2]}
shallow = dict(nested)
shallow["a"]["x"] = 99
print(nested, shallow is nested, shallow == nested)
