for n in [0, 1, 7, 8, 15, 16, 255, 256, 4095, -1, -8, -255, -256, 2 ** 70, -(2 ** 70)]:
    print(n, hex(n), oct(n), bin(n))
print(hex(True), oct(False))
print(format(-255, 'x'), format(-255, '#x'), format(255, '#X'))
print('%x %X %o %#x %#o' % (-255, 255, -8, 255, 8))
print(int(hex(-12345), 16), int(oct(-12345), 8), int(bin(-12345), 2))
try:
    hex(1.5)
except TypeError as e:
    print('TypeError:', e)
