texts = ["hello", "héllo", "中文字", "emoji 😀", "mix é中😀"]
for t in texts:
    enc = t.encode("utf-8")
    print(len(t), len(enc), enc, enc.decode("utf-8"), enc.hex())
print("abc".encode(), "é".encode("utf-16"), "é".encode("latin-1"))
data = "café".encode()
print(data[:3], data[3:], data[3:4])
try:
    data[:4].decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(data[:4].decode(errors="replace"), data[:4].decode(errors="ignore"))
print(bytes([0xe4, 0xb8, 0xad]).decode(), bytearray("ü", "utf-8").decode())
print(b"\xf0\x9f\x98\x80".decode(), len(b"\xf0\x9f\x98\x80".decode()))
print(ascii(b"\x80".decode("latin-1")), "ÿ".encode("latin-1"), b"A\x00B".decode())
print(int.from_bytes("é".encode(), "big"), list("é".encode()))
