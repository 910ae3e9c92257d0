TEXT = ("Python is an easy to learn, powerful programming language. It has efficient high-level "
        "data structures and a simple but effective approach to object-oriented programming.")
def wrap(text, width):
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]
for width in (30, 45):
    print(f"--- width {width} ---")
    lines = wrap(TEXT, width)
    for line in lines[:-1]:
        print("|" + justify(line, width) + "|")
    print("|" + lines[-1].ljust(width) + "|")
print(max(map(len, wrap(TEXT, 20))), len(wrap(TEXT, 20)), wrap("", 10), wrap("supercalifragilistic", 5))
def center_block(lines, width):
    return [line.center(width, ".") for line in lines]
for line in center_block(wrap("the end of the wrapped text demo", 12), 16):
    print(line)
