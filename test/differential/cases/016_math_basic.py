import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.isqrt(17), math.isqrt(10 ** 20))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.floor(5))
print(type(math.floor(2.5)).__name__, math.trunc(-3.9), math.trunc(3.9))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 50), math.gcd())
print(math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(0), math.factorial(10), math.factorial(20))
print(math.comb(10, 3), math.comb(52, 5), math.comb(5, 7), math.perm(5, 2), math.perm(5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 21)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.fabs(-4), math.fmod(-7, 2))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(2, 3, 6))
print(math.degrees(math.pi), math.radians(180))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    math.factorial(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    math.factorial(2.5)
except TypeError as e:
    print('TypeError:', e)
