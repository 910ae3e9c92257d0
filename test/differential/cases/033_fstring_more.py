class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __format__(self, spec):
        if spec == "polar":
            return "polar!"
        return format(str(self), spec)
p = Point(1, "two")
print(f"{p}", f"{p!r}", f"{p!s}", f"{p:polar}", f"[{p:>15}]")
print(f"{p=}", f"{p = !s}")
rows = [("alice", 93.5), ("bob", 7.25), ("carol", 100.0)]
for name, score in rows:
    print(f"{name:<8}|{score:>8.2f}|{score / 100:>7.1%}|")
width = 12
for i in range(3):
    print(f"{'row ' + str(i):{'^'}{width}}|")
val = -0.0
print(f"{val}", f"{val:.1f}", f"{val:z.1f}" if False else "z-skip", f"{-1e-9:.2f}")
print(f"{1/3:.3}", f"{2/3:.3g}", f"{100.0:.3}", f"{123456.0:.3}")
print(f"{12345:e}", f"{0.000123:E}", f"{255:08b}", f"{255:o}", f"{65:c}")
lst = ["x", "y"]
print(f"{lst!r}", f"{lst[0]!r:>4}", f"{'%s' % 'pct'}", f"{'{}'.format('fmt')}")
print(f"{'quote' if False else 'ok'}", f'{"dq"}', f"{'sq'}")
data = {"name": "N", "vals": [1, 2]}
print(f"{data['name']}-{data['vals'][1]}-{len(data)}")
print(f"{3.0:n} {1234567:n} {1.5e10:n}")
