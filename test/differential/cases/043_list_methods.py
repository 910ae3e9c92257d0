a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend("ab")
a.extend(range(2))
print(a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "penult")
a.insert(-100, "zero")
print(a)
a.remove(1)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(4), a.index(1), a.count(1), a.count("x"), a.index(9, 2), len(a))
b = a.copy()
b.clear()
print(a, b)
c = [5, 2, 8, 1]
c.reverse()
print(c, c[::-1], list(reversed(c)))
try:
    c.remove(100)
except ValueError as e:
    print("ValueError:", e)
try:
    c.index(100)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2][2]
except IndexError as e:
    print("IndexError:", e)
try:
    x = [1]
    x[5] = 0
except IndexError as e:
    print("IndexError:", e)
d = [1, 2] * 3
d += [7]
d *= 2
print(d, [0] * 0, [[]] * 2, [1, 2] + [3])
m = [[0] * 2] * 2
m[0][0] = 9
print(m)
print([1, 2, 3] == [1, 2, 3], [1, 2] != [2, 1], 2 in [1, 2], [1] in [[1]])
print(list(), list((1, 2)), list({1: 2}), list(range(3)), list("hi"))
