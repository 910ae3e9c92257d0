r = range(10)
print(r, len(r), r[0], r[-1], r[2:5], r[::-1], r[::3], list(r[1:8:2]))
print(range(5, 0, -1), list(range(5, 0, -1)), list(range(0, -10, -3)), list(range(3, 3)))
print(len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(0)), len(range(5, 2)))
print(5 in r, 10 in r, -1 in r, 3.0 in r, "a" in r, 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(list(reversed(range(4))), list(reversed(range(1, 10, 4))), r.index(7), range(0, 20, 5).index(15))
print(range(0, 3) == range(0, 3), range(0) == range(5, 2), range(0, 5, 2) == range(0, 6, 2), r == list(r))
print(range(1, 10, 2).count(3), range(1, 10, 2).count(4), r.start, r.stop, r.step, range(1, 9, 2).stop)
print(range(10 ** 20)[-1], len(range(10 ** 18)), 10 ** 19 in range(10 ** 20))
print(range(-5, 5)[::-2], range(10)[-3:], range(0, 100, 7)[3:6])
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    r.index(20)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(sum(range(101)), max(range(-3, 3)), list(map(str, range(3))), tuple(range(2)))
print(repr(range(0, 5, 1)), str(range(2, 8, 3)), bool(range(0)), bool(range(1)))
