a = list(range(10))
print(a[2:5], a[::-1], a[::3], a[-3:], a[5:2:-1], a[100:], a[-100:2])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [100, 200]
print(b)
b[:] = [1, 2, 3]
print(b)
b[len(b):] = [4, 5]
print(b)
b[::2] = [0, 0, 0]
print(b)
c = list(range(10))
del c[::3]
print(c)
del c[1:3]
print(c)
del c[-1]
print(c)
c[1:4] = []
print(c)
d = list(range(6))
d[::-2] = "abc"
print(d)
try:
    d[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
e = [1, 2, 3]
e[1:2] = range(5)
print(e)
e[-2:] = "xy"
print(e)
f = [0, 1, 2, 3, 4, 5]
f[4:1:-1] = [40, 30, 20]
print(f)
g = list(range(5))
g[3:1] = [9]
print(g)
try:
    g[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    g[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
h = [1, 2, 3, 4]
del h[:]
print(h)
