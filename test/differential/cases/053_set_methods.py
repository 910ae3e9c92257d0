s = {5, 3}
s.add(1)
s.add(3)
print(s, len(s))
s.discard(5)
s.discard(100)
print(s)
s.remove(1)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
s.update([7, 8], {9}, range(2))
print(s, sorted(s))
p = {4, 2, 6}
print(p.pop(), p)
q = set()
try:
    q.pop()
except KeyError as e:
    print("KeyError:", e)
r = {1, 2, 3, 4, 5}
r -= {1}
r &= {2, 3, 4, 9}
r |= {10}
r ^= {3, 11}
print(r)
r.intersection_update([2, 10, 11, 12])
print(r)
r.difference_update([2])
r.symmetric_difference_update({10, 20})
print(r)
c = r.copy()
c.add(99)
r.clear()
print(r, c)
seen = set()
out = []
for x in [3, 1, 3, 2, 1, 5, 2]:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out, sorted(seen))
print(set([1, 2, 3]) - set([2]), list({8, 1, 4}), {1, 2}.union())
