print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0))
print(int(' 42 '), int('\t-17\n'), int('+5'))
print(int('1_000'), int('1_000_000'), int('0b1_0', 0))
print(int('777', 8), int('0o777', 0), int('101', 2), int('-101', 2))
print(int('z', 36), int('Zz', 36), int('10', 3))
print(int(3.9), int(-3.9), int(True), int(-0.0))
print(int('0'), int('-0'), int('000123'))
print(int('12345678901234567890123456789'))
for bad in ['x', '1.5', '', ' ', '1__0', '_1', '0x10', '12a']:
    try:
        int(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    int('9', 8)
except ValueError as e:
    print('ValueError:', e)
try:
    int('10', 1)
except ValueError as e:
    print('ValueError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError:', e)
print(int(), float(), str(), bool())
