samples = ["123", "12.3", "abc", "Abc", "ABC", "abc123", "  ", "", "\t\n", "½", "²", "٣", "Ⅷ",
           "héllo", "中文", "_id", "2x", "x2", "class", "a b", "Hello World", "HELLO1", "hello!"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
          s.isidentifier(), s.isnumeric(), s.isdecimal(), s.istitle(), s.isprintable(), s.isascii())
for s in ["1_000", "-5", "+5", "0x1f", "1e5", "١٢٣", "x" * 3, "Ⅻ", "①", "\u00b3"]:
    print(repr(s), s.isdigit(), s.isnumeric(), s.isdecimal(), s.isalnum())
print("".isidentifier(), "_".isidentifier(), "__init__".isidentifier(), "é1".isidentifier(), "1é".isidentifier())
print("A1 B2".istitle(), "Aa Bb".istitle(), "AA".istitle(), "a".islower(), "1".islower(), "a1".islower())
print(" \t\n\r\x0b\x0c".isspace(), "\u3000".isspace(), "\u200b".isspace(), "\xa0".isspace())
print("abc".isprintable(), "a\tb".isprintable(), "\x7f".isprintable(), "é".isascii(), "".isascii())
