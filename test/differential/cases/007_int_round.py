for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005]:
    print(x, round(x), round(x, 2), round(x, 1))
print(round(2.675, 2), round(2.665, 2), round(0.125, 2), round(0.375, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(1234.5678, -2), round(1234.5678, 3), round(1234.5678, 0))
print(round(7), round(-7, 3), round(15, -1), round(25, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 1)).__name__)
print(round(123456789012345678901234567890, -10))
print(round(1e300, 2), round(-0.0), round(-0.4))
print(round(5e-324, 400) == 5e-324)
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError:', e)
print(round(float('inf'), 2), round(float('nan'), 2))
