def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("NUM", float(text) if "." in text else int(text)))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("KW" if word in ("let", "if", "else") else "NAME", word))
            i = j
        elif src.startswith(("==", "!=", "<=", ">="), i):
            tokens.append(("OP", src[i:i + 2]))
            i += 2
        elif ch in "+-*/()=<>;":
            tokens.append(("OP", ch))
            i += 1
        elif ch == '"':
            j = src.index('"', i + 1)
            tokens.append(("STR", src[i + 1:j]))
            i = j + 1
        else:
            raise SyntaxError(f"unexpected character {ch!r} at {i}")
    return tokens
for line in ['let x = 42 + y_1 * 3.5;', 'if (a >= b) x = "hi there" else y != .5', "n=(1+2)*3"]:
    for tok in tokenize(line):
        print(tok, end=" ")
    print()
try:
    tokenize("a = 1 @ 2")
except SyntaxError as e:
    print("SyntaxError:", e)
print(tokenize("x1 = 007 + 0.25 - y"), tokenize(""), tokenize("   "))
print(len(tokenize("a==b!=c<=d>=e<f>g")), [t for t in tokenize("a==b!=c<=d") if t[0] == "OP"])
