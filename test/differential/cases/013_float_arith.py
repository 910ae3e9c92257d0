print(7 / 2, -7 / 2, 1 / 3, 2 / 1, 0 / 5, -0 / 5, 0.0 / -5)
print(7.0 // 2, -7.0 // 2, 7.5 // 0.5, -0.5 // 1, 0.5 // -1)
print(7.0 % 2, -7.0 % 2, 7.0 % -2, 5.5 % 1.5, -5.5 % 1.5, 1e-20 % 1, -1e-20 % 1)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(1.0, 0.1))
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(2.0 ** 10, 2.0 ** -1, (-2.0) ** 3, 10.0 ** 20, 10.0 ** 16)
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0.0, 0.0)]:
    for op, fn in (('/', lambda x, y: x / y), ('//', lambda x, y: x // y), ('%', lambda x, y: x % y)):
        try:
            r = fn(a, b)
            print(op, r)
        except ZeroDivisionError as e:
            print(op, 'ZeroDivisionError:', e)
try:
    divmod(1.0, 0.0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
inf = float('inf')
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf, inf / inf)
print(inf // 1, inf % 2 if False else 'skip', 1 % inf, -1 % inf)
print(sum([0.1] * 10), 0.1 * 10)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(3.0 * 'ab'.__len__(), 2.5 + True, 1.5 - 3)
