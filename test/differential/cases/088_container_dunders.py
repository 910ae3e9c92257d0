class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        print("getitem", i)
        return self.items[i]
    def __setitem__(self, i, v):
        print("setitem", i, v)
        self.items[i] = v
    def __delitem__(self, i):
        print("delitem", i)
        del self.items[i]
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
    def __repr__(self):
        return f"Bag{self.items}"
b = Bag(1, 2, 3)
print(len(b), b[0], b[-1], b[0:2])
b[1] = 20
del b[0]
print(b, 20 in b, 5 in b, 5 not in b)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])
for x in Seq():
    print("iter", x)
class Rev:
    def __init__(self, data):
        self.data = data
    def __reversed__(self):
        return iter(self.data[::-1] + ["(rev)"])
    def __iter__(self):
        return iter(self.data)
    def __bool__(self):
        return bool(self.data)
print(list(reversed(Rev([1, 2, 3]))), list(Rev([1, 2])), bool(Rev([])), bool(Rev([0])))
class Matrix:
    def __getitem__(self, key):
        return f"key={key!r}"
m = Matrix()
print(m[1, 2], m[1:2], m[::2, 3], m["k"], m[...], m[:, 1])
try:
    len(Matrix())
except TypeError as e:
    print("TypeError:", e)
try:
    Matrix()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
