import functools
data = [5, 3, 8, 0, 7, 1]
it = iter(data)
reader = iter(lambda: next(it), 0)
print(list(reader), list(it))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
chunks = iter(["ab", "cd", "", "ef"])
print(list(iter(chunks.__next__, "")))
print(next(iter([]), "default"), next(iter([1]), "default"), next(iter("x")))
empty = iter(())
print(next(empty, None), next(empty, None))
try:
    next(empty)
except StopIteration:
    print("StopIteration from next without default")
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
it2 = iter(range(3))
for x in it2:
    print("x", x, "peek", next(it2, "end"))
nums = iter(range(10))
pairs = list(zip(nums, nums))
print(pairs)
stack = [1, 2, 3]
print(list(iter(stack.pop, 1)), stack)
blocks = [b"abc", b"de", b""]
pos = iter(blocks)
print(list(iter(functools.partial(next, pos), b"")))
