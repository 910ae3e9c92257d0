class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache), type(fib).__name__)

class Trace:
    depth = 0
    def __init__(self, func):
        self.func = func
        self.__name__ = func.__name__
    def __call__(self, *args):
        print("  " * Trace.depth + f"{self.__name__}{args}")
        Trace.depth += 1
        try:
            return self.func(*args)
        finally:
            Trace.depth -= 1
@Trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(4), fact.__name__)
class method_logger:
    def __init__(self, func):
        self.func = func
    def __get__(self, obj, objtype=None):
        def bound(*args):
            print(f"calling {self.func.__name__} on {type(obj).__name__}")
            return self.func(obj, *args)
        return bound
class Calc:
    @method_logger
    def double(self, x):
        return 2 * x
print(Calc().double(21))
