a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
i, (j, (k, l)) = 1, (2, (3, 4))
print(i, j, k, l)
for idx, (key, val) in enumerate({"a": 1, "b": 2}.items()):
    print(idx, key, val)
for (u, v), w in [((1, 2), 3), ((4, 5), 6)]:
    print(u + v + w)
d = {}
d["k"], d["j"] = 5, 6
lst = [0, 0, 0]
lst[0], lst[2] = "first", "third"
print(d, lst)
s = t = 7
print(s, t)
aa = bb = []
aa.append(1)
print(aa, bb)
first, second = range(2)
print(first, second)
one, = [1]
print(one)
[only] = "x"
print(only)
c1, c2 = {"k1": 1, "k2": 2}
print(c1, c2)
n1, n2 = n2, n1 = 1, 2
print(n1, n2)
ii = 0
items = [10, 20, 30]
ii, items[ii] = 1, 99
print(ii, items)
