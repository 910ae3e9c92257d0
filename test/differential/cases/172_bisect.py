import bisect
a = [1, 3, 3, 3, 5, 8, 13]
for x in [0, 1, 3, 4, 13, 14]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 3, 2), bisect.bisect_left(a, 3, 0, 2), bisect.bisect_right(a, 3, hi=3))
s = []
for v in [5, 2, 8, 2, 9, 1]:
    bisect.insort(s, v)
    print(s)
bisect.insort_left(s, 5)
bisect.insort_right(s, 5)
print(s)
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(sc) for sc in [33, 99, 77, 70, 89, 90, 100, 60]])
records = [(1, "a"), (3, "c"), (5, "e")]
keys = [r[0] for r in records]
print(records[bisect.bisect_left(keys, 3)])
print(bisect.bisect_left(records, (3,)), bisect.bisect_right(records, (3, "z")))
words = ["apple", "Banana", "cherry"]
print(bisect.bisect_left(words, "banana", key=str.lower), bisect.bisect(["a", "c"], "b"))
def index_of(seq, x):
    i = bisect.bisect_left(seq, x)
    return i if i != len(seq) and seq[i] == x else -1
print(index_of(a, 5), index_of(a, 4), index_of(a, 100))
