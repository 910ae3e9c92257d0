nums = [3, -7, 2, 9, -1]
print(min(nums), max(nums), min(3, 1, 2), max("abc", "abd"), min("hello"), max([1.5, 2, True]))
print(min(nums, key=abs), max(nums, key=abs), max(nums, key=lambda x: -x), min([], default="none"))
print(max([], default=0), max([[1, 2], [3]], key=len), min("apple", "fig", "banana", key=len))
print(max([(1, "b"), (1, "a"), (0, "z")]), min({"x": 3, "y": 1}, key={"x": 3, "y": 1}.get))
print(max([2, 5, 5, 1], key=lambda x: x // 2), min([4, 5, 2, 3], key=lambda x: x // 2))
print(max(range(10), key=lambda x: x % 4), min(iter([5, 4, 6])))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    min(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)
words = ["pear", "fig", "plum", "kiwi"]
print(max(words, key=len), min(words, key=len), sorted(words, key=len)[-1])
