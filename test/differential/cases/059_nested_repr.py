data = {
    "name": "config",
    "values": [1, 2.5, None, True, "str", b"bytes"],
    "nested": {"t": (1,), "e": (), "l": [[], [{}]]},
    "set": {3, 1, 2},
    "fs": frozenset({7}),
    "empty_set": set(),
    "quote": "it's \"q\"",
    3: "int key",
    (1, 2): "tuple key",
    None: None,
}
print(data)
print(repr(data["values"]), str(data["nested"]))
print(list(data.items())[-3:])
print([data["quote"]], (data["quote"],), {data["quote"]: 1})
print([1.0, 1e100, -0.0, float("inf")], (float("nan"),), {1: 1e-10})
print([range(3), slice(1, 2), slice(None), Ellipsis, NotImplemented, ...])
print(type, int, list, type(None), type(...), dict.get is dict.get)
print([print, len])
class Named:
    def __repr__(self):
        return "Named()"
print([Named(), (Named(),), {"k": Named()}], {Named(): 1} if False else "skip")
