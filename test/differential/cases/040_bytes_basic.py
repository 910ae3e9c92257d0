b = b"hello"
print(b, repr(b), len(b), b[0], b[-1], b[1:3], b[::-1], type(b[0]).__name__)
print(b"a'b", b'a"b', b"a'\"b", b"\x00\x01\x7f\x80\xff", b"\t\n\r\\", b"")
print(bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), bytes("é", "utf-8"), bytes())
print(b"ab" + b"cd", b"ab" * 3, b"l" in b, 108 in b, b"ell" in b, b"x" not in b)
print(list(b"abc"), tuple(b"\x01\x02"), [c for c in b"hi"], sum(b"\x01\x02\x03"))
print(b.hex(), b"\xde\xad\xbe\xef".hex(), bytes.fromhex("de ad be ef"), b"\x01\x02".hex("-"))
print(b == b"hello", b < b"help", b"a" < b"b", b"" < b"\x00", b == "hello")
print(b.upper(), b.title(), b.replace(b"l", b"L"), b.find(b"l"), b.count(b"l"), b.index(b"o"))
print(b"a,b,,c".split(b","), b"  x y ".split(), b"-".join([b"a", b"b"]), b.startswith(b"he"))
print(b.decode(), b.decode("ascii"), str(b, "utf-8"), b"\xc3\xa9".decode("utf-8"))
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"abc".center(7, b"*"), b"12".zfill(5))
print(b.isalpha(), b"123".isdigit(), b"Ab".isupper(), b"  ".isspace())
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b[10]
except IndexError as e:
    print("IndexError:", e)
print(bytes(b"copy"), bytes((1, 2)), b"%d-%s" % (5, b"x"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
