import functools
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper
def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"-> {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"<- {func.__name__} = {result!r}")
        return result
    return wrapper
@shout
def hello(name):
    """Say hello."""
    return f"hello {name}"
@trace
def add(a, b):
    """Add two numbers."""
    return a + b
print(hello("bob"), hello.__name__, hello.__doc__)
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(10, 20))
@trace
@shout
def stacked(x):
    return x
print(stacked("q"))
def order(tag):
    def deco(f):
        print("decorating with", tag)
        def w():
            return f"{tag}({f()})"
        return w
    return deco
@order("outer")
@order("inner")
def base():
    return "base"
print(base())
def register(registry):
    def deco(f):
        registry[f.__name__] = f
        return f
    return deco
REG = {}
@register(REG)
def one():
    return 1
@register(REG)
def two():
    return 2
print(sorted(REG), REG["two"]())
print(add.__qualname__, hello.__qualname__)
