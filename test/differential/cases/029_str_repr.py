strings = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "new\nline", "tab\there",
           "cr\rret", "nul\x00byte", "del\x7f", "bell\x07", "é", "中文", "😀", "\u200b", "\xa0",
           "\x80", "\ud800" if False else "ok", "\U0001f600x", "\\n", "", "'", '"', "\x1b[0m"]
for s in strings:
    print(repr(s), ascii(s), len(s))
print(strings[:4])
print(str(["a'b"]), str(("x",)), str({"k": "v\n"}))
print(repr(repr("x")), str(repr("x")))
print(f"{'tab':>5}|{chr(9)!r}|{chr(10)!a}")
print(repr('\'"'), repr("a'b\"c"), repr("\\'"))
print(repr("\u0085"), repr("\u00ad"), repr("\U0010ffff"), repr("\ufeff"), repr("\u2028"))
print(str(["tab\t", "é", "\x01"]), repr(("x", "'")), repr({"\n": "\r"}))
print(len(repr("\x00")), len(repr("é")), len(ascii("é")), repr("abc")[1:-1])
