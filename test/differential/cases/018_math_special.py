import math
inf, nan = math.inf, math.nan
print(math.isnan(nan), math.isnan(1.0), math.isinf(inf), math.isinf(-inf), math.isinf(1e308))
print(inf > 1e308, -inf < -1e308, inf + inf, inf - inf, math.isnan(inf * 0))
print(math.floor(-0.5), math.ceil(-0.5), math.copysign(1, -0.0), math.copysign(1, 0.0))
print(math.trunc(2.999), math.trunc(-2.999), int(math.trunc(1e20)))
print(math.fsum([0.1, 0.2, 0.3]), 0.1 + 0.2 + 0.3)
print(math.fsum([1e-16] * 10 + [1.0]), sum([1e-16] * 10 + [1.0]))
print(math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.remainder(7, 2), math.remainder(-7, 2))
print(math.comb(100, 50), math.perm(10, 10))
try:
    math.floor(inf)
except OverflowError as e:
    print('OverflowError:', e)
try:
    math.floor(nan)
except ValueError as e:
    print('ValueError:', e)
try:
    math.comb(-1, 2)
except ValueError as e:
    print('ValueError:', e)
print(math.dist((0, 0), (3, 4)), math.isqrt(0), math.gcd(7, 0))
print(max(math.nan, 1), max(1, math.nan), min(math.inf, 5))
