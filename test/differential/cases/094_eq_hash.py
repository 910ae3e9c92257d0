class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return f"Key({self.k})"
d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, Key(3) in d, len({Key(1), Key(1), Key(2)}))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(EqOnly.__hash__, EqOnly(1) == EqOnly(1))
try:
    {EqOnly(1): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    hash(EqOnly(2))
except TypeError as e:
    print("TypeError:", e)
try:
    set([EqOnly(3)])
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p = Plain()
print({p: "ok"}[p], p == p, p == Plain(), hash(p) == hash(p))
class Inherit(Key):
    pass
print({Inherit(5): 1}[Inherit(5)], Inherit(5) == Key(5))
class Explicit(EqOnly):
    __hash__ = object.__hash__
print(len({Explicit(1), Explicit(1)}))
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
print(hash(1) == 1, hash(-1), hash(-2), hash(0), hash((1, 2)) == hash((1, 2)), hash(True))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 20))
print(hash(1.0), hash(0.5), hash(-1.0), hash(()) == hash(()), hash(None) == hash(None))
class Cnt:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq called", self.v, o.v)
        return self.v == o.v
    def __hash__(self):
        return 7
s = {Cnt(1)}
print(Cnt(1) in s, Cnt(2) in s)
