import json
data = {"name": "Ann", "age": 31, "tags": ["a", "b"], "active": True, "spouse": None, "score": 9.5,
        "nested": {"x": [1, {"y": []}], "z": {}}, "unicode": "é中😀", "quote": "say \"hi\"\n"}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent=4, ensure_ascii=False))
print(json.dumps([1, 2, {"a": 1}], separators=(",", ":")))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(", ", ": "), indent=None))
print(json.dumps("é"), json.dumps("é", ensure_ascii=False), json.dumps("\x00\t\u2028"))
print(json.dumps(1.0), json.dumps(1e100), json.dumps(0.1), json.dumps(-0.0), json.dumps(10 ** 20))
print(json.dumps(float("inf")), json.dumps(float("nan")), json.dumps((1, 2)), json.dumps([]), json.dumps({}))
print(json.dumps({1: "int key", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps([[]], indent=2), json.dumps({}, indent=2), json.dumps([1], indent=0))
print(json.dumps({"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True))
print(json.dumps([1, 2], indent="\t"))
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
class P:
    def __init__(self):
        self.x = 1
print(json.dumps(P(), default=lambda o: vars(o)), json.dumps({"k": P()}, default=lambda o: "custom"))
