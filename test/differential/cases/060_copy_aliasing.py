def deep(x):
    if isinstance(x, list):
        return [deep(v) for v in x]
    if isinstance(x, dict):
        return {k: deep(v) for k, v in x.items()}
    return x
a = [1, [2, 3], {"k": [4]}]
b = a
c = a[:]
d = list(a)
e = a.copy()
f = deep(a)
a[0] = 100
a[1].append(99)
a[2]["k"].append(5)
print(a)
print(b, b is a)
print(c, c is a, c[1] is a[1])
print(d, e)
print(f, f[1] is a[1])
x = [[0] * 3 for _ in range(3)]
y = [[0] * 3] * 3
x[0][0] = 1
y[0][0] = 1
print(x, y)
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    lst.append("r")
    return lst
orig = [1]
res = mutate(orig)
print(orig, res)
t = (1, [2])
t2 = (t[0], list(t[1]))
t[1].append(3)
print(t, t2, tuple(t) is t, t[:] is t)
s = "abc"
s2 = s
s += "d"
print(s, s2)
l1 = [1]
l2 = l1
l1 += [2]
print(l1, l2, l1 is l2)
l1 = l1 + [3]
print(l1, l2, l1 is l2)
