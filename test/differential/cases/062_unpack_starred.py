a, *b, c = range(6)
print(a, b, c)
*init, last = [1, 2, 3]
print(init, last)
first, *rest = "hello"
print(first, rest)
x, *y = [1]
print(x, y)
*z, = (1, 2)
print(z)
a, *b, c, d = 1, 2, 3
print(a, b, c, d)
(h, *t), u = [1, 2, 3], 4
print(h, t, u)
for head, *tail in [(1, 2, 3), (4,), ("a", "b")]:
    print(head, tail)
l1, l2 = [1, 2], [3]
print([*l1, *l2, *"ab", *range(2)])
print((*l1, 0), {*l1, *l2}, [*[], *()])
d1, d2 = {"a": 1}, {"b": 2, "a": 3}
print({**d1, **d2}, {**d2, "c": 4}, dict(**d1))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c, d = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = None
except TypeError as e:
    print("TypeError:", e)
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
