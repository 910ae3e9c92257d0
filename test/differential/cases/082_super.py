class Base:
    def __init__(self, value):
        self.value = value
        print("Base.__init__", value)
    def greet(self):
        return "Base greet"
    @classmethod
    def create(cls):
        return f"create {cls.__name__}"
class Mid(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra
        print("Mid.__init__", extra)
    def greet(self):
        return "Mid+" + super().greet()
    @classmethod
    def create(cls):
        return "Mid:" + super().create()
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__(1, 2)
        print("Leaf.__init__")
    def greet(self):
        return "Leaf+" + super(Leaf, self).greet()
    def skip(self):
        return super(Mid, self).greet()
leaf = Leaf()
print(leaf.value, leaf.extra, leaf.greet(), leaf.skip())
print(Leaf.create(), Mid.create())
class Logged(dict):
    def __setitem__(self, k, v):
        print(f"set {k}={v}")
        super().__setitem__(k, v)
lg = Logged()
lg["a"] = 1
lg["b"] = 2
print(lg, len(lg), isinstance(lg, dict))
class MyList(list):
    def append(self, item):
        super().append(item * 2)
ml = MyList([1])
ml.append(5)
ml.extend([7])
print(ml, type(ml).__name__, ml + [0], type(ml + [0]).__name__)
class Str(str):
    def shout(self):
        return self.upper() + "!"
s = Str("hey")
print(s.shout(), s + "x", len(s), repr(s), isinstance(s, str))
class Num(int):
    def __repr__(self):
        return f"Num({int(self)})"
n = Num(5)
print(n, repr(n), n + 1, type(n + 1).__name__, [n])
