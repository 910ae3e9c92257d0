def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("NUM", float(text) if "." in text else int(text)))
            i = j
        else:
            tokens.append(("OP", ch))
            i += 1
    return tokens

def evaluate(tokens):
    pos = 0
    def peek():
        return tokens[pos][1] if pos < len(tokens) else None
    def advance():
        nonlocal pos
        pos += 1
        return tokens[pos - 1][1]
    def expr():
        v = term()
        while peek() in ("+", "-"):
            v = v + term() if advance() == "+" else v - term()
        return v
    def term():
        v = factor()
        while peek() in ("*", "/"):
            v = v * factor() if advance() == "*" else v / factor()
        return v
    def factor():
        t = advance()
        if t == "(":
            v = expr()
            advance()
            return v
        if t == "-":
            return -factor()
        return t
    return expr()
for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "-(2 + 3) * -2", "2 * 3.5 + .5"]:
    print(e, "=", evaluate(tokenize(e)))

for bad in ["1 / 0", "2 * (3 + 4"]:
    try:
        print(bad, "=", evaluate(tokenize(bad)))
    except (ZeroDivisionError, IndexError) as e:
        print(bad, "->", type(e).__name__, e)
print(evaluate(tokenize("2 * 2 * 2 * 2 - 1 - 1")), evaluate(tokenize("((7))")), evaluate(tokenize("--3")))
