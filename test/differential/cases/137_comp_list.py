nums = [3, -1, 4, -1, 5, -9, 2, 6]
print([n * 2 for n in nums])
print([n for n in nums if n > 0])
print([n if n > 0 else 0 for n in nums])
print([abs(n) for n in nums if n % 2 == 0 if n != 4])
print([(i, c) for i, c in enumerate("abc")])
print([x + y for x in "ab" for y in "12"])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 1])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
words = ["Hello", "World", "Python", "is", "fun"]
print([w.lower() for w in words if len(w) > 2], [len(w) for w in words])
print([w[0] for w in words], "".join([w[-1] for w in words]))
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print([i for i in range(30) if all(i % d for d in range(2, i)) and i > 1])
print([[] for _ in range(3)], [None] * 2, [str(x) for x in (1.5, None, True)])
funcs = [lambda x, n=n: x ** n for n in range(4)]
print([f(2) for f in funcs])
print([y for x in [[1, 2], [3]] for y in x], [c for c in "hi" * 2])
