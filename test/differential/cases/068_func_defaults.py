def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("A"), greet("B", "Hi"), greet("C", punct="?"), greet(punct=".", name="D"))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_safe(1), append_safe(2))
counter = 10
def show(x=counter):
    return x
counter = 20
print(show(), counter)
def make_default():
    print("evaluating default")
    return 42
def uses(v=make_default()):
    return v
print("defined")
print(uses(), uses(1), uses())
def memo(n, cache={}):
    if n in cache:
        return cache[n]
    cache[n] = n * n
    return cache[n]
memo(3)
memo(4)
print(memo.__defaults__)
def kwdef(*, a=1, b):
    return a, b
print(kwdef(b=2), kwdef.__kwdefaults__)
print(greet.__defaults__, greet.__code__.co_argcount if hasattr(greet, "__code__") else "")
