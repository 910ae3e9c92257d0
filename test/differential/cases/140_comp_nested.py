grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
transposed = [list(col) for col in zip(*[[1, 2, 3], [4, 5, 6]])]
print(transposed)
identity = [[1 if r == c else 0 for c in range(4)] for r in range(4)]
for row in identity:
    print(row)
board = [["." for _ in range(5)] for _ in range(3)]
board[1][2] = "#"
print("\n".join("".join(r) for r in board))
print([(a, b) for a in range(4) if a % 2 for b in range(a) if b])
print({k: [v for v in range(k)] for k in range(4)})
print(sorted({(min(a, b), max(a, b)) for a in range(3) for b in range(3) if a != b}))
mult = {(i, j): i * j for i in range(1, 4) for j in range(1, 4) if i <= j}
print(mult)
text = "the cat sat on the mat"
print({w: [i for i, x in enumerate(text.split()) if x == w] for w in text.split()})
chess = [f"{f}{r}" for r in range(8, 6, -1) for f in "abcd"]
print(chess)
print([[sum(row) for row in block] for block in [[[1, 2], [3]], [[4], [5, 6]]]])
print([x for x in [y * 2 for y in range(5)] if x > 2])
