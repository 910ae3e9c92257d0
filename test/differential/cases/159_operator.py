import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(-7, 3))
print(op.neg(5), op.pos(-5), op.abs(-3), op.pow(2, 5), op.not_(0), op.truth([]), op.invert(5))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 4), op.rshift(32, 2), op.concat([1], [2]))
print(op.contains([1, 2], 2), op.getitem("abc", 1), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.is_(None, None))
lst = [1, 2, 3]
op.setitem(lst, 0, 100)
op.delitem(lst, 1)
print(lst, op.iadd([1], [2]), op.index(7))
rows = [("bob", 25, "nyc"), ("ann", 31, "sf"), ("cat", 25, "la")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)(rows), itemgetter(0, 2)("abc"), itemgetter("k")({"k": "v"}), itemgetter(slice(1, None))("xyz"))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.inner = self
    def greet(self, greeting="hi"):
        return f"{greeting} {self.name}"
ps = [P("z", 3), P("a", 9), P("m", 1)]
print([p.name for p in sorted(ps, key=attrgetter("age"))], attrgetter("name", "age")(ps[0]), attrgetter("inner.inner.name")(ps[1]))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("greet", greeting="yo")(ps[2]))
print(list(map(methodcaller("strip"), [" a ", "b "])), list(map(itemgetter(0), ["xy", "zw"])))
from functools import reduce
print(reduce(op.mul, range(1, 8)), list(map(op.add, [1, 2], [10, 20])), sorted([3, -4, 1], key=op.neg))
print(itemgetter(1)([1, 2]), repr(itemgetter(1))[:19], op.length_hint([1, 2, 3]))
