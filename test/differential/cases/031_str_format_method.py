print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{0}{0}{1}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=30), "{0[1]} {0[0]}".format(["x", "y"]))
print("{d[key]} {d[0]}".format(d={"key": "v", 0: "zero"}))
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(3, 4)
print("{p.x},{p.y}".format(p=p), "{0.x}".format(p))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"))
print("{{literal}} {}".format(1), "{:{}}".format("w", 5) + "|")
print("{:.{prec}f}".format(3.14159, prec=2), "{0:{1}{2}}".format(42, ">", 6))
print("{:,}".format(1234567), "{:08.3f}".format(-3.14159), "{:x}".format(255))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
print("{0!r:>10}".format("q"), "{:*^11}".format(" mid "))
print("{}".format(None), "{}".format([1, "a"]), "{}".format((1,)))
print(str.format("{}-{}", 1, 2), "{:%}".format(0.25), "{:e}".format(12345.678))
