# A 10**6 summing loop.
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s

print(total(1000000))
