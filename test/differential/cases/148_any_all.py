print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 1]), all([1, 0]))
print(any(x > 3 for x in range(5)), all(x < 5 for x in range(5)), all([[]]), any([[]]))
checked = []
def check(x):
    checked.append(x)
    return x > 2
print(any(check(x) for x in [1, 2, 3, 4, 5]), checked)
checked.clear()
print(all(check(x) for x in [3, 4, 1, 5]), checked)
checked.clear()
print(any(map(check, [5, 6])), checked)
words = ["apple", "Banana", "cherry"]
print(any(w[0].isupper() for w in words), all(w.isalpha() for w in words), all(len(w) > 4 for w in words))
print(any("an" in w for w in words), all(isinstance(w, str) for w in words))
grid = [[1, 2], [3, 0], [5, 6]]
print(all(all(row) for row in grid), any(all(row) for row in grid), [all(r) for r in grid])
print(any(iter([])), all(iter([])), any(x for x in "abc" if x == "z"))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
print(any(n > 10 for n in infinite()), all(n < 10 for n in infinite()))
