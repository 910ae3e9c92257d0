a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c)
print(callable(len), callable(a), callable(list), callable(lambda: 0), callable("s".upper))
print(repr("x"), repr(1.0), repr([1, "a"]), repr(None), repr(int), repr(len))
print(ascii("ünï"), ascii(["é"]), ascii(1))
print(type(1), type("s"), type([]), type(type), type(None), type(print))
print(type(1)(5), type("s")(5), type([])("ab"))
x = object()
print(type(x).__name__, isinstance(x, object), x == x, x != object())
print(dir([])[:3] == sorted(dir([]))[:3], "append" in dir([]), "__len__" in dir([]))
print(list(iter([1, 2])), next(iter("ab")), list(reversed([1, 2, 3])))
ns = {"k": 1}
print(vars().get("ns") is ns, "a" in globals(), globals()["a"] is a)
print(getattr(a, "count")(1), hasattr(a, "append"), hasattr(a, "bogus"))
print(slice(1, 5), slice(3), [0, 1, 2, 3, 4][slice(1, 4)])
print(isinstance(NotImplemented, object), Ellipsis, ... is Ellipsis, type(...).__name__)
print(bool(NotImplemented) if False else "skip", None.__class__.__name__)
print(all(callable(f) for f in [abs, min, max, sorted, enumerate, zip, map, filter, range]))
print(str(b"abc", "ascii"), str(123), str([1]), str(None), str(str))
def fn():
    """doc"""
print(fn.__doc__, fn.__name__, fn.__module__, __name__)
print(int.__name__, len.__name__, type.__name__, object.__name__)
print(list(map(ord, "abc")), "".join(map(chr, [72, 105])))
print(divmod(7, 2)[0], abs(-7) // 2, (7).__floordiv__(2), int.__floordiv__(7, 2))
