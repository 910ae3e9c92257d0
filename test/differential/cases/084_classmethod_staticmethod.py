class Date:
    fmt = "{y:04d}-{m:02d}-{d:02d}"
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __str__(self):
        return self.fmt.format(y=self.y, m=self.m, d=self.d)
class USDate(Date):
    fmt = "{m:02d}/{d:02d}/{y:04d}"
d = Date.from_string("2024-2-9")
u = USDate.from_string("1999-12-31")
print(d, u, type(u).__name__, Date.is_leap(2000), Date.is_leap(1900), d.is_leap(2024))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(Date.from_string.__self__ is Date, USDate.from_string.__self__ is USDate)
class Registry:
    _items = []
    @classmethod
    def add(cls, item):
        cls._items.append(item)
        return len(cls._items)
    @classmethod
    def count(cls):
        return len(cls._items)
print(Registry.add("a"), Registry().add("b"), Registry.count())
class Util:
    @staticmethod
    def helper(x):
        return x * 2
    def use(self):
        return self.helper(5) + Util.helper(1)
print(Util.helper(3), Util().helper(4), Util().use())
class Shape:
    @classmethod
    def name(cls):
        return cls.__name__.lower()
class Circle(Shape):
    pass
print(Shape.name(), Circle.name(), Circle().name())
