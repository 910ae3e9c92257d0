class Thing:
    kind = "thing"
    def __init__(self):
        self.a = 1
        self.b = [2]
    def method(self):
        return "m"
t = Thing()
print(vars(t), t.__dict__ is vars(t), type(t).__name__, t.__class__.__name__, t.__class__ is Thing)
print(getattr(t, "a"), getattr(t, "kind"), getattr(t, "zzz", None), getattr(t, "method")())
setattr(t, "c", 3)
setattr(t, "with space", "odd")
print(vars(t), getattr(t, "with space"))
delattr(t, "with space")
print(hasattr(t, "c"), hasattr(t, "with space"), hasattr(Thing, "method"), hasattr(Thing, "a"))
try:
    getattr(t, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(t, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(t, 5)
except TypeError as e:
    print("TypeError:", e)
print([n for n in dir(t) if not n.startswith("__")])
print("method" in dir(Thing), "a" in dir(Thing), "__init__" in dir(t))
print(type(vars(Thing)).__name__, "kind" in vars(Thing))
for name in ["a", "b", "c"]:
    print(name, "=", getattr(t, name))
t.__dict__["d"] = "direct"
print(t.d)
print(sorted(vars(t).keys()), len(vars(t)))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(type(5).__name__, type("x").__name__, type([]).__name__, type(Thing.method).__name__, type(t.method).__name__)
print(getattr(str, "upper")("abc"), getattr("xy", "upper")(), getattr([], "__len__")())
