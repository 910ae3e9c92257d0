# The primes check of the tutorials' is_prime, over every number below 60 000.
import math

def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, sqrt_n + 1, 2):
        if n % i == 0:
            return False
    return True

print(sum(1 for n in range(60000) if is_prime(n)))
