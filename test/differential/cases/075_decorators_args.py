import functools
def repeat(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def roll(x):
    return x * 2
print(roll(4), roll.__name__)
def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper
@count_calls
def ping():
    return "pong"
for _ in range(4):
    ping()
print(ping.calls, ping.__name__)
def optional_args(func=None, *, prefix=">"):
    if func is None:
        return lambda f: optional_args(f, prefix=prefix)
    @functools.wraps(func)
    def wrapper(*a):
        return prefix + func(*a)
    return wrapper
@optional_args
def a():
    return "a"
@optional_args(prefix="#")
def b():
    return "b"
print(a(), b(), a.__name__, b.__name__)
def validate(**types):
    def deco(f):
        def w(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs[k], t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return f(**kwargs)
        return w
    return deco
@validate(n=int, s=str)
def fmt(n, s):
    return s * n
print(fmt(n=2, s="ab"))
try:
    fmt(n="2", s="ab")
except TypeError as e:
    print("TypeError:", e)
