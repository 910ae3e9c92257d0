from itertools import islice, count, takewhile
def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(islice(primes(), 20)))
print(list(islice(naturals(), 5, 15, 3)))
print(list(takewhile(lambda x: x < 30, (n * n for n in naturals()))))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:15], len(list(collatz(27))))
def cycle_of(seq):
    while True:
        yield from seq
print(list(islice(cycle_of("abc"), 8)))
gen = primes()
print(next(gen), next(gen), next(gen))
print(list(islice(gen, 3)))
print(next(gen))
def triangle():
    row = [1]
    while True:
        yield row
        row = [a + b for a, b in zip([0] + row, row + [0])]
for r in islice(triangle(), 7):
    print(" ".join(map(str, r)).center(30))
evens = (n for n in count(0, 2))
print([next(evens) for _ in range(5)])
