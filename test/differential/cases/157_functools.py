from functools import reduce, partial, wraps, total_ordering, cmp_to_key
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6)), reduce(operator.add, [], 0))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []), reduce(max, [3, 9, 2]), reduce(operator.add, ["a", "b"], "z"))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
pow2 = partial(pow, 2)
base2 = partial(int, base=2)
print(pow2(10), base2("1010"), base2("11", base=10), pow2.func is pow, pow2.args, base2.keywords)
def greet(greeting, name, punct="."):
    return f"{greeting}, {name}{punct}"
hello = partial(greet, "Hello")
print(hello("Ann"), hello("Bob", punct="!"), partial(greet, punct="?")("Hi", "Cy"))
nested = partial(partial(greet, "Yo"), punct="~")
print(nested("Dee"), nested.args, nested.keywords)
def deco(f):
    @wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w
@deco
def documented(x):
    """Docs here."""
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(5))
@total_ordering
class Money:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"${self.v}"
print(Money(1) <= Money(2), Money(3) > Money(2), Money(2) >= Money(2), sorted([Money(3), Money(1)]))
def by_length_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=cmp_to_key(by_length_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
