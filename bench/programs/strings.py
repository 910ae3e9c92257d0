# String building: concatenation in a loop, formatting, join and split.
def build(n):
    s = ""
    for i in range(n):
        s += str(i)
    parts = []
    for i in range(n):
        parts.append(f"{i}:{i * i}")
    joined = ",".join(parts)
    return len(s), len(joined.split(","))

print(build(100000))
