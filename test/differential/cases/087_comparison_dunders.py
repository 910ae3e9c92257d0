import functools
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2"), a != b)
class Money:
    def __init__(self, c):
        self.c = c
    def __lt__(self, o):
        print(f"lt {self.c} {o.c}")
        return self.c < o.c
    def __gt__(self, o):
        print(f"gt {self.c} {o.c}")
        return self.c > o.c
m1, m2 = Money(1), Money(2)
print(m1 < m2)
print(m1 > m2)
try:
    m1 <= m2
except TypeError as e:
    print("TypeError:", e)
class Weird:
    def __eq__(self, o):
        return "truthy string"
print(Weird() == 1, Weird() != 1, bool(Weird() == 1))
class Right:
    def __gt__(self, o):
        return "Right.__gt__ reflected"
print(5 < Right())
class AlwaysEq:
    def __eq__(self, o):
        return True
print(AlwaysEq() in [1, 2], [1, AlwaysEq()] == [1, 99], AlwaysEq() == None)
print(1 == AlwaysEq(), None == AlwaysEq())
