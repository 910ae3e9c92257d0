words = ["apple", "banana", "cherry", "avocado", "blueberry", "cranberry", "apricot"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({len(w) for w in words}, sorted({len(w) for w in words}))
print({n % 5 for n in range(20)}, {n * n % 7 for n in range(10)})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
print({i: {j: i * j for j in range(3)} for i in range(3)})
print({(i, j): i + j for i in range(2) for j in range(2)})
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
squares = {x: x * x for x in range(6)}
print({k: v for k, v in squares.items() if v > 5}, sum(squares.values()))
print(dict(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1])))
print({x for x in [1, 2, 2, 3, 3, 3]} == {1, 2, 3}, len({(x, x) for x in range(4)}))
print({str(i): i for i in range(3)}, {True: 1, 1: 2}, {i % 2: i for i in range(5)})
