class Config:
    defaults = {"debug": False}
    tags = []
    version = 1
    def __init__(self):
        self.tags.append("shared!")
        self.version += 1
a, b = Config(), Config()
print(Config.tags, a.tags is b.tags, a.version, Config.version, vars(a))
a.defaults["debug"] = True
print(b.defaults, Config.defaults)
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
p.x = 10
print(p.x, p.y, Point.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class P3(Point):
    __slots__ = ("z",)
q = P3(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    q.w = 4
except AttributeError as e:
    print("AttributeError:", e)
class Partial:
    __slots__ = ("a",)
pp = Partial()
try:
    pp.a
except AttributeError as e:
    print("AttributeError:", e)
class NoSlots(Point):
    pass
ns = NoSlots(0, 0)
ns.anything = "ok"
print(ns.anything, vars(ns))
class Const:
    PI = 3.14
    @classmethod
    def change(cls):
        cls.PI = 3
c = Const()
c.change()
print(Const.PI, c.PI)
c.PI = "inst"
print(Const.PI, c.PI, Const.__dict__["PI"])
