words = ["hello", "HELLO", "hello world", "hELLO wORLD", "it's a dog's life", "ß", "ǅ", "123abc", "o'neil mc-donald", ""]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print("Straße".upper(), "Straße".casefold(), "STRASSE".lower() == "Straße".casefold())
print("İ".lower(), len("İ".lower()), "ﬁ".upper())
print("ΣΑΣ".lower(), "όσος".upper())
print("abc".upper().isupper(), "ABC".lower().islower(), "Hello World".istitle(), "Hello world".istitle())
print("hello_world-foo bar.baz".title(), "x1y2z3".title(), "ALL CAPS here".capitalize())
print("MiXeD".swapcase().swapcase(), "ǆungla".capitalize(), "ß".capitalize(), "ﬀ".lower(), "ﬀ".upper())
for word in ["python", "PYTHON", "PyThOn", "3rd place", "o'clock"]:
    print(f"{word!r:>12} -> {word.capitalize()!r:<12} {word.title()!r}")
print([w.upper() for w in "a b c".split()], "-".join(c.upper() if i % 2 else c for i, c in enumerate("alternating")))
print("abc".upper() == "ABC", "ABC".lower() == "abc", "Hello".lower().islower(), "".upper() == "")
