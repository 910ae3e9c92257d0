def normalize(weights):
    s = sum(weights)
    assert s > 0, f"weights must sum to a positive number, got {s}"
    return [w / s for w in weights]

cases = [[1, 1, 2], [0.5, 0.5], [3]]
for c in cases:
    print(c, "->", normalize(c))
print(normalize([1, 2, 3, 4]))
print(normalize([0, 0]))
print("unreachable")
