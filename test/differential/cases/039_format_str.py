for s in ["", "a", "hello", "héllo", "中文"]:
    print("|".join(format(s, spec) for spec in ["", "s", "5", "<6", ">6", "^7", "*^7", ".2", "8.3", "-<4", "0>5"]))
print(format("x", "=>3"), format("ab", "=^6"))
try:
    format("abc", "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format("abc", "=5")
except ValueError as e:
    print("ValueError:", e)
try:
    format("abc", "+")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format([1], "d")
except TypeError as e:
    print("TypeError:", e)
print(format([1, 2]), format(None), format((1, "a")), format(True))
print(format(3, "") == str(3), format(3.0, "") == str(3.0), format("x") == "x")
print("{:>10}".format(str([1, 2])), "{!r:^12}".format("q"))
