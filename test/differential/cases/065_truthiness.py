values = [0, 1, -1, 0.0, -0.0, 0.1, float("nan"), "", " ", "0", [], [0], (), (None,), {}, {0: 0},
          set(), {0}, frozenset(), None, True, False, range(0), range(1), b"", b"\x00", bytearray(),
          2 ** 100, 0 * 2 ** 100]
for v in values:
    print(repr(v), bool(v), not v, "T" if v else "F")
class Empty:
    pass
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class WithBool:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(Empty()), bool(WithLen(0)), bool(WithLen(3)), bool(WithBool()))
print(bool(Empty), bool(print), bool(int), bool(lambda: 0))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print("ValueError:", e)
if WithLen(2) and not WithLen(0):
    print("len-based truth works")
n = 3
while n:
    print("n =", n)
    n -= 1
