from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, repr(p), p.x, p[1], p[-1], len(p), tuple(p), list(p))
x, y = p
print(x, y, p == (3, 4), p == Point(3, 4), isinstance(p, tuple), p + (5,))
print(p._replace(x=10), p._asdict(), Point._fields, Point._make([7, 8]))
Person = namedtuple("Person", "name age city", defaults=["Paris"])
print(Person("Ann", 30), Person("Bob", 25, "Rome"), Person._field_defaults)
print(Person(age=5, name="Kid"))
try:
    Person("X")
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
R = namedtuple("R", "a, b", rename=False)
print(R(1, 2), R._fields, type(p).__name__, Point.__name__)
Bad = namedtuple("Bad", ["ok", "def", "_x"], rename=True)
print(Bad._fields)
class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
v = Vec(3, 4)
print(v, v.norm(), v + Vec(1, 1), sorted([Vec(2, 1), Vec(1, 5), Vec(1, 2)]))
print(max(Point(1, 9), Point(2, 0)), dict(p._asdict()), {p: "hashable"})
Emp = namedtuple("Emp", "name salary", defaults=[100])
print(Emp("z"), Emp("w", 5)._replace(salary=6), Emp._fields, Emp("q") < Emp("r"))
