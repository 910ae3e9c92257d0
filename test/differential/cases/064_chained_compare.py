x = 5
print(1 < x < 10, 1 < x > 3, 1 < x < 3, x == 5 == 5.0, 1 <= x <= 5 < 6)
print(0 < x != 5, 3 < 4 < 5 < 6 < 7, 3 < 4 > 2 < 1)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) != v(1), calls)
print(1 in [1, 2] in [[1, 2]], "a" in "abc" == True)
a = b = [1]
c = [1]
print(a is b, a is c, a == c, a is not c, a is b is not c)
print(None is None, None == None, None is not False, not None)
val = None
print(val is None, val is not None, [] is not None, x is not None)
print((1 < 2) < 3, 1 < (2 < 3), (5 > 4) == True)
print(1 < 2 == 2 > 1, "b" > "a" < "c", [] < [1] < [1, 0])
print(not 1 == 2, not (1 == 2), (not 1) == 2)
