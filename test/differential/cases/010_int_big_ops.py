def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f50 = fact(50)
print(f50)
print(f50 // fact(48), f50 % 1000003)
print(str(f50).count('0'), len(str(f50)))
print(float(2 ** 1000) > 1e300)
try:
    float(2 ** 1024)
except OverflowError as e:
    print('OverflowError:', e)
try:
    2.0 ** 10000
except OverflowError as e:
    print('OverflowError:', e)
print(2 ** 1023 * 1.0 == float(2 ** 1023))
x = 1
for i in range(1, 40):
    x = x * 31 + i
print(x)
print(x % 2 ** 32, x >> 64, x.bit_length())
print(-x // 3, -x % 3)
print((10 ** 40 + 1) / 10 ** 40)
print(10 ** 40 // 3.0)
print(int(10 ** 40 / 7))
print(divmod(10 ** 50, 7 ** 20))
print(max(2 ** 100, 2.0 ** 100, key=lambda v: v), 2 ** 100 == 2.0 ** 100)
print(2 ** 100 < 2 ** 100 + 1 < float('inf'))
print(-(2 ** 63), 2 ** 63 - 1, -(2 ** 63) - 1)
