a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12)
print(-1 & 0xff, -256 & 0xff, -1 >> 5, -17 >> 2, -17 << 3)
print(1 << 100, (1 << 100) >> 99, (1 << 100) >> 200)
print(-(1 << 100) >> 3)
print((2 ** 100 + 12345) & 0xffff, (2 ** 100) | 1, (2 ** 100) ^ (2 ** 99))
print(~(2 ** 100))
print(-(2 ** 100) & (2 ** 101 - 1))
for n in (0, 1, 5, 255, 256, -1, -256, 2 ** 64):
    print(n, n.bit_length(), bin(n))
print(True & False, True | False, True ^ True, ~True)
x = 0
for i in range(0, 16, 3):
    x |= 1 << i
print(x, bin(x))
x &= ~(1 << 3)
print(x, bin(x))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 & 1
except TypeError as e:
    print("TypeError:", e)
