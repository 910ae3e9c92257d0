ba = bytearray(b"abc")
print(ba, repr(ba), len(ba), ba[0], ba[-1])
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
print(ba)
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 33)
ba.remove(ord("X"))
print(ba)
del ba[0]
del ba[::2]
print(ba, bytes(ba), ba.decode())
ba += b"!!"
print(ba, ba * 2, ba + b"?", b"?" + ba)
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray())
r = bytearray(b"hello")
r.reverse()
print(r, r.hex(), r.upper(), r.find(b"l"), b"l" in r, 111 in r)
print(r == b"olleh", bytearray(b"a") < bytearray(b"b"), r.count(b"l"))
r.clear()
print(r, len(r))
try:
    bytearray(b"x")[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    bytearray(b"x").append("y")
except TypeError as e:
    print("TypeError:", e)
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("TypeError:", e)
c = bytearray(b"copy")
d = c.copy()
d[0] = ord("C")
print(c, d, list(d), d[1:3], type(d[1:3]).__name__)
