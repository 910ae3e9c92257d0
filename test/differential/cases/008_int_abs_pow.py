print(abs(-5), abs(5), abs(-5.5), abs(-0.0), abs(-(2 ** 100)))
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 1000007), pow(-3, 3, 7))
print(pow(2, -1), pow(2, -2), pow(-2, -3), 10 ** -3)
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, 0, 1))
print(0 ** 0, 0.0 ** 0, 2 ** 0.5, 4 ** 0.5, (-8) ** 2, -8 ** 2)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(2.0, 3), pow(2, 3.0), 9 ** 0.5)
print(pow(10, 20, 7), pow(123456789, 987654321, 10 ** 9 + 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)
