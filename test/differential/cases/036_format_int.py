specs = ["", "d", "5d", "<5d", ">5d", "^5d", "=5d", "*^7d", "+d", "-d", " d", "05d", "+05d",
         ",", "_", "10,", "b", "#b", "o", "#o", "x", "#x", "X", "#X", "_x", "#010x", "_b",
         "c", "n", "e", ".2e", "f", ".2f", "g", "%", ".1%", "E", "G", "F", "s" if False else "d"]
for v in [0, 7, -7, 255, 1234567, -1234567]:
    out = []
    for s in specs:
        if s == "c" and not 0 <= v < 0x110000:
            out.append("-")
            continue
        out.append(format(v, s))
    print("|".join(out))
print(format(2 ** 70, ","), format(-(2 ** 70), "_x"), format(10 ** 20, "e"))
print(format(True, "d"), format(True, ""), format(False, ">5"), format(True, "x"))
try:
    format(5, "s")
except ValueError as e:
    print("ValueError:", e)
try:
    format(5, ".2d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(5, ",b")
except ValueError as e:
    print("ValueError:", e)
