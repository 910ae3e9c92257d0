n = 1000
print(n.bit_length(), (255).bit_count(), (-255).bit_count())
print(n.to_bytes(2, 'big'), n.to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x03\xe8', 'big'), int.from_bytes(b'\xe8\x03', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'', 'big'))
print((10).as_integer_ratio(), (7).numerator, (7).denominator, (7).real, (7).imag)
print((5).conjugate(), int.__name__, (3).__add__(4), (3).__sub__(10), (3).__mul__(2))
print((3).__truediv__(2), (7).__floordiv__(2), (7).__mod__(3), (2).__pow__(5))
print((5).__neg__(), (5).__abs__(), (5).__bool__(), (0).__bool__())
print((3).__eq__(3), (3).__lt__(4), (3).__add__('x'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError:', e)
print(int.__add__(2, 3), int.__mro__)
print(isinstance(5, (int, float)), issubclass(bool, int))
print((12).__index__(), [10, 20, 30][(1).__index__()])
print((-17).__divmod__(5), (17).__rdivmod__(5))
