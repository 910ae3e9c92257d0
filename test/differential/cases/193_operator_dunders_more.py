class Only:
    def __add__(self, o):
        return "Only.__add__"
o = Only()
t = o
t += 1
print(t)
class Bits:
    def __init__(self, v): self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __repr__(self): return f"Bits({self.v:04b})"
print(Bits(12) & Bits(10), Bits(12) | Bits(10), Bits(12) ^ Bits(10), Bits(3) << 2, Bits(12) >> 2)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.extend(other if isinstance(other, list) else [other])
        return self
    def __isub__(self, other):
        self.items.remove(other)
        return self
    def __imul__(self, n):
        self.items = self.items * n
        return self
a = Acc()
alias = a
a += 1
a += [2, 3]
a -= 2
a *= 2
print(a.items, a is alias)
class Rev:
    def __rsub__(self, o):
        return f"Rev.__rsub__({o!r})"
    def __rtruediv__(self, o):
        return f"Rev.__rtruediv__({o!r})"
    def __rpow__(self, o):
        return f"Rev.__rpow__({o!r})"
print(10 - Rev(), 1.5 / Rev(), 2 ** Rev(), "s" - Rev())
class Sub(int):
    def __radd__(self, o):
        return "Sub.__radd__ wins"
print(1 + Sub(2), Sub(2) + 1)
