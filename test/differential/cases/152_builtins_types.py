print(int(), int("7"), int(7.99), int(-7.99), int("0b11", 0), int(True), int("  12  "))
print(float(), float("3"), float(3), float("-inf"), float(" 1e-3 "))
print(bool(), bool(1), bool([]), bool("False"))
print(str(), str(1), str(1.0), str([1, "a"]), str((1,)), str({1: "a"}), str(b"x"))
print(list(), list("ab"), list((1, 2)), list({1: "a", 2: "b"}), list(range(3)), list({5}))
print(tuple(), tuple("ab"), tuple([1, 2]), tuple({"k": 1}))
print(dict(), dict(a=1), dict([(1, 2), (3, 4)]), dict({"x": 1}, y=2), dict(zip("ab", "cd")))
print(set(), set("aab") == {"a", "b"}, set([3, 3, 1]), set(range(3)), frozenset([2, 1]))
print(type(5) is int, type("x") is str, type(5.0), type(True), type(None), type(type(5)))
print(bytes(2), bytes("ab", "ascii"), bytearray(b"x"), bytes([65, 66]))
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(list(range(3)) == [0, 1, 2], tuple([1]) == (1,), str(1) == "1", int("1") == 1)
print(sorted(set([3, 1, 2])), list(dict.fromkeys("hello")), "".join(dict.fromkeys("mississippi")))
print(type(int("5")).__name__, type(float("5")).__name__, type(str(5)).__name__)
print(int.__mro__, bool.__mro__)
print(isinstance([], list), list.__name__, list.__qualname__, type([]) == list)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    tuple(None)
except TypeError as e:
    print("TypeError:", e)
