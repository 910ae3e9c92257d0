print(True + True, True * 10, True - False, -True, +False)
print(True / 2, True // 2, True % 2, True ** 10)
print(sum([True, False, True, True]))
print(True == 1, False == 0, (True is True) == 1, True + 0.5)
print(isinstance(True, int), type(True + True).__name__)
print(str(True), repr(False), int(True), float(False))
print(True & 3, True | 2, True << 4)
print(bool(0), bool(-1), bool(0.0), bool(''), bool(' '), bool([]), bool([0]))
print([1, 2, 3][True], 'abc'[False])
print(max(True, 0), min(False, -1))
d = {}
d[1] = 'int'
d[True] = 'bool'
print(d)
print(hash(True), hash(False))
print(True > False, False < -0.5)
print(divmod(True, True))
print(abs(True), abs(-True))
