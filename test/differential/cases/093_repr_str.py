class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "StrOnly-str"
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, s)
print(str(b), repr(b), str(r), repr(r), str(s))
print([b, r], (b,), {"k": b}, {b: 1} == {b: 1})
print(f"{b} {b!r} {r} {s}", "%s %r" % (b, b), "{} {!r}".format(b, b))
print(repr(s).startswith("<__main__.StrOnly object at 0x"), str([s]).startswith("[<__main__.StrOnly object"))
print(repr(object()).startswith("<object object at 0x"))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"{type(self).__name__}(x={self.x!r}, y={self.y!r})"
class Point3(Point):
    pass
print(Point(1, "a"), Point3(0.5, None), [Point(1, 2)])
class Nested:
    def __init__(self, child=None):
        self.child = child
    def __repr__(self):
        return f"Nested({self.child!r})"
print(Nested(Nested(Nested())))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
print(repr(Both), str(ReprOnly), Both.__name__)
print(ascii(Point("é", 1)), format(b), format(r, ""))
