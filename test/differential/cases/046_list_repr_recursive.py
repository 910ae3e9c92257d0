l = [1, 2]
l.append(l)
print(l)
print(repr(l), str(l), len(l), l[2] is l, l[2][2][0])
d = {"a": 1}
d["self"] = d
print(d)
m = [1]
n = [m]
m.append(n)
print(m, n)
t = ([],)
t[0].append(t)
print(t)
s = {"k": [1, {"j": (2, [3])}]}
print(s)
print([[], [[]], [[[]]]], [(), ((),), ((1,),)], [{}, {1: {}}])
print([None, True, 1.0, "s", b"b", (1,), [2], {3}, {4: 5}, frozenset([6]), range(3)])
print([1, 2] == [1, 2], l == l)
x = []
x.append(x)
x.append(x)
print(x)
from collections import OrderedDict, deque
dq = deque([1])
dq.append(dq)
print(dq)
