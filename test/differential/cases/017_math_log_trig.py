import math
print(math.log(math.e), math.log(1), math.log(100, 10), math.log(8, 2), math.log(2))
print(math.log2(1024), math.log2(3), math.log10(1000), math.log10(2), math.log1p(0))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(10), math.expm1(0))
print(math.sin(0), math.sin(math.pi / 2), math.cos(0), math.cos(math.pi), math.tan(0))
print(math.sin(math.pi), math.cos(math.pi / 2), math.tan(math.pi / 4))
print(math.atan2(1, 1), math.asin(1), math.acos(0), math.atan(1))
print(math.sinh(0), math.cosh(0), math.tanh(1))
print(math.log(2 ** 1000), math.log10(10 ** 100), math.log2(2 ** 200))
for x in [0.5, 1, 2, 10, 123.456]:
    print(x, round(math.log(x), 6), round(math.sqrt(x), 6), round(math.exp(x / 10), 6))
try:
    math.log(0)
except ValueError as e:
    print('ValueError:', e)
try:
    math.log(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError:', e)
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(0, 0))
