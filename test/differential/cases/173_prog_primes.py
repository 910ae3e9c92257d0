def is_prime(n):
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0:
        return False
    i = 3
    while i * i <= n:
        if n % i == 0:
            return False
        i += 2
    return True
numbers = [0, 1, 2, 3, 4, 17, 18, 19, 97, 100, 7919, 7921, 104729, 2 ** 31 - 1]
for n in numbers:
    print(f"{n:>10} is {'prime' if is_prime(n) else 'not prime'}")
def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = [False] * len(flags[i * i::i])
    return [i for i, f in enumerate(flags) if f]
primes = sieve(200)
print(len(primes), primes[-5:])
print(primes == [n for n in range(201) if is_prime(n)])
def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
for n in [12, 97, 360, 1001, 2 ** 10, 600851475143]:
    print(n, "=", " * ".join(map(str, factorize(n))))
twins = [(p, p + 2) for p in primes if p + 2 in primes]
print(twins[:8])
goldbach = {n: next((p, n - p) for p in primes if is_prime(n - p)) for n in range(4, 30, 2)}
print(goldbach)
