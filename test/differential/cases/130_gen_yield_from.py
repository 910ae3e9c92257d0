def inner():
    x = yield "inner-1"
    print("inner received", x)
    yield "inner-2"
    return "inner-result"
def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer-done"
    return "outer-result"
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("outer returned", e.value)
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [], [[6]]])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", [1, 2], range(3), (x for x in "yz"))))
def delegate_throw():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "inner handled"
def wrapper():
    yield from delegate_throw()
    yield "wrapper end"
w = wrapper()
print(next(w), w.throw(ValueError("x")), next(w))
def sub():
    try:
        yield "s"
    finally:
        print("sub finally on close")
def main():
    yield from sub()
m = main()
next(m)
m.close()
def tree(n, depth=0):
    yield "  " * depth + str(n)
    for c in range(n):
        yield from tree(c, depth + 1)
print("\n".join(tree(3)))
