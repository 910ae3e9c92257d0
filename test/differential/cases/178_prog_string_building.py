s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
parts = []
for i in range(1, 6):
    parts.append("*" * i)
print("\n".join(parts))
for i in range(1, 6):
    print(" " * (5 - i) + "*" * (2 * i - 1))
table = ""
for i in range(1, 5):
    row = ""
    for j in range(1, 5):
        row += f"{i * j:4d}"
    table += row + "\n"
print(table, end="")
def fizzbuzz(n):
    out = []
    for i in range(1, n + 1):
        word = ""
        if i % 3 == 0:
            word += "Fizz"
        if i % 5 == 0:
            word += "Buzz"
        out.append(word or str(i))
    return ", ".join(out)
print(fizzbuzz(20))
def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    res = ""
    for v, sym in vals:
        while n >= v:
            res += sym
            n -= v
    return res
print([to_roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]])
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
print(rle("aaabccddddde"), rle(""), rle("x"))
box_w = 20
print("+" + "-" * box_w + "+")
for line in ["hello", "string building", "end"]:
    print("|" + line.center(box_w) + "|")
print("+" + "-" * box_w + "+")
print("".join(chr(ord("a") + (i * 7) % 26) for i in range(26)))
