values = [1, 1.0, True, "s", b"b", None, [1], (1,), {1: 1}, {1}, frozenset(), range(1), 2 ** 80, print, len, int]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (str, bytes)), isinstance(v, (list, tuple, set)))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool), type(True) is int)
print(issubclass(bool, int), issubclass(int, object), issubclass(bool, (str, int)), issubclass(int, int))
print(isinstance(int, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, (C, A)), isinstance(C(), (A, B)))
print(isinstance(None, type(None)), type(None).__name__, type(type).__name__, type(A).__name__)
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(1, (int, (str, float))), isinstance("x", ()), type(1) == int, type(1) in (int, float))
def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, str):
        return "string"
    if isinstance(x, (list, tuple)):
        return f"sequence of {len(x)}"
    return type(x).__name__
print([describe(x) for x in [True, 3, 2.5, "s", [1, 2], (), {}, None]])
