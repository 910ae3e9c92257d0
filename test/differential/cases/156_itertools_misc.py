from itertools import groupby, takewhile, dropwhile, zip_longest, starmap, tee, compress, filterfalse, pairwise, islice
data = "aaabbcaaad"
print([(k, len(list(g))) for k, g in groupby(data)])
print([(k, list(g)) for k, g in groupby([1, 2, 4, 5, 7, 8, 9], key=lambda x: x // 3)])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for key, group in groupby(sorted(words), key=lambda w: w[0]):
    print(key, list(group))
print([(k, list(g)) for k, g in groupby([])], [k for k, _ in groupby("aabbaa")])
gb = groupby("xxyy")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
print(list(takewhile(lambda x: x < 5, [1, 3, 6, 2, 1])), list(dropwhile(lambda x: x < 5, [1, 3, 6, 2, 1])))
print(list(takewhile(str.isalpha, "abc123def")), list(dropwhile(str.isspace, "   hi ")))
print(list(zip_longest("abcd", "xy")), list(zip_longest([1, 2], [3], fillvalue=0)), list(zip_longest()))
print(list(zip_longest("a", "bc", "def", fillvalue="-")))
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])), list(starmap(lambda a, b: a + b, zip("ab", "cd"))))
a, b = tee([1, 2, 3])
print(list(a), list(b))
x, y, z = tee(iter("abc"), 3)
print(next(x), next(x), next(y), list(z), list(x), list(y))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress(range(5), [True, False])))
print(list(filterfalse(lambda n: n % 3, range(10))), list(filterfalse(None, [0, 1, "", "x"])))
print(list(pairwise([1, 2, 4, 7])), list(pairwise("ab")), list(pairwise("a")), list(pairwise([])))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25])])
def run_lengths(s):
    return "".join(f"{k}{sum(1 for _ in g)}" for k, g in groupby(s))
print(run_lengths("wwwwaaadexxxxxx"))
print(list(islice(zip_longest(range(3), "ab", fillvalue=None), 5)))
