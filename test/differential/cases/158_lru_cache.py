from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
print(fib(30), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x
for v in [1, 2, 1, 3, 1, 2]:
    print(square(v))
print(square.cache_info())
@cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(20), fact.cache_info())
@lru_cache
def add(a, b=0):
    return a + b
print(add(1, 2), add(1, b=2), add(1, 2), add.cache_info())
@lru_cache(maxsize=None, typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(1.0), kind(True), kind.cache_info())
print(fib.__name__, fib.__wrapped__.__name__)
try:
    @lru_cache
    def takes_list(x):
        return x
    takes_list([1])
except TypeError as e:
    print("TypeError:", e)
