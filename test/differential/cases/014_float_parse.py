print(float('  3.5 '), float('\n-2.25\t'), float('1_0.5'), float('1e3'), float('.5'), float('5.'))
print(float('inf'), float('-Infinity'), float('nan'), float('-nan'), float('+inF'), float('NaN'))
print(float('1e309'), float('-1e309'), float('1e-400'), float('0x10' if False else '16'))
print(float(3), float(True), float(-0), float(' -0 '))
for bad in ['abc', '', '1.2.3', '1e', 'inf inity', '1_', '0x1p3']:
    try:
        float(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    float(None)
except TypeError as e:
    print('TypeError:', e)
try:
    float([])
except TypeError as e:
    print('TypeError:', e)
for v in [1.0, 1.5, -2.0, 0.0, 1e300, float('inf'), float('nan')]:
    print(v, v.is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.5).as_integer_ratio())
print((3.7).__trunc__(), (3.7).__floor__(), (3.2).__ceil__(), (-3.7).__floor__())
print((2.5).real, (2.5).imag, (2.5).conjugate())
print(float(2 ** 60), float(-(2 ** 70)), float('1' * 30))
