class Dynamic:
    existing = "real"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return f"generated {name[5:]}"
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dynamic()
print(d.existing, d.auto_thing, getattr(d, "auto_x"), hasattr(d, "nope"), getattr(d, "nope", 0))
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)
class Tracked:
    def __init__(self):
        self.__dict__["log"] = []
    def __getattribute__(self, name):
        if name != "log" and not name.startswith("__"):
            object.__getattribute__(self, "log").append(f"get {name}")
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(f"set {name}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)
t = Tracked()
t.a = 1
t.b = t.a + 1
del t.a
print(t.b, t.log)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
class Obj:
    pass
o = Obj()
p = Proxy(o)
p.x = 42
print(o.x, p.x, list(vars(p)), vars(o))
class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
try:
    ReadOnly().x = 1
except AttributeError as e:
    print("AttributeError:", e)
class Fallback:
    x = 1
    def __getattr__(self, name):
        return "fallback:" + name
f = Fallback()
print(f.x, f.y, f.__class__.__name__)
