nums = [5, 2, 9, 1, 5, 6, -3, 0]
print(sorted(nums), sorted(nums, reverse=True), nums)
nums.sort()
print(nums)
nums.sort(key=lambda x: abs(x - 4))
print(nums)
words = ["banana", "Apple", "cherry", "apple", "date", "Fig", "elderberry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a"), (2, "c")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
recs = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
by_name = sorted(recs)
by_age = sorted(by_name, key=lambda r: r[1])
print(by_age)
print(sorted("hello world"), sorted({3: "a", 1: "b"}), sorted((3.5, 1, 2)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, None].sort()
except TypeError as e:
    print("TypeError:", e)
ls = [3, 1, 2]
r = ls.sort()
print(r, ls)
print(sorted([[2, 1], [1, 2], [1], []]), sorted([True, 0, -1, 0.5]))
print(sorted(range(10), key=lambda x: x % 3))
