pairs = [([1, 2, 3], [1, 2, 4]), ([1, 2], [1, 2, 0]), ([], [0]), ([2], [1, 9, 9]), ([1, 2], [1, 2]),
         ((1, "a"), (1, "b")), ((0,), (0.0,)), ([[1]], [[0, 5]]), ("abc", "abd"), ("", "a")]
for x, y in pairs:
    print(x, y, x < y, x <= y, x == y, x != y, x > y, x >= y)
try:
    [1, 2] < (1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError:", e)
print([1, "a"] < [2, 1], [1, 2] == (1, 2), [None] == [None], [1, [2]] < [1, [3]])
print((1, 2) == (1, 2.0), [float("nan")] < [1], max([(2, "a"), (2, "b"), (1, "z")]))
print(sorted([(1, "b"), (1, "a"), (0, "c")]), [3] * 2 > [3], (1, 2, 3) > (1, 2))
