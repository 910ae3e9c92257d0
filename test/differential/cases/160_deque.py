from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
print(d, d.count(7), d.index(7), 8 in d, list(reversed(d)))
d.remove(7)
d.insert(1, "ins")
print(d)
d.reverse()
print(d, d.copy() == d, d.copy() is d)
d.clear()
print(d, len(d), bool(d))
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
    print(list(last3), last3.maxlen)
last3.appendleft(99)
print(last3)
last3.extend("ab")
print(last3)
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque().popleft()
except IndexError as e:
    print("IndexError:", e)
q = deque()
for task in ["a", "b", "c"]:
    q.append(task)
while q:
    print("processing", q.popleft())
print(deque("hello", maxlen=2), deque(range(3)) + deque([9]), deque([1]) * 3, deque() == deque([]))
d2 = deque([1, 2, 3])
d2[1] = 20
del d2[0]
print(d2, deque([[1], 2]), repr(deque([], maxlen=5)))
