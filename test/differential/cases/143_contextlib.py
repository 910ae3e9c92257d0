from contextlib import contextmanager, suppress
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("inside", t)
try:
    with tag("err"):
        raise ValueError("inside cm")
except ValueError as e:
    print("propagated:", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    {}["k"]
print("after swallow")
with suppress(ZeroDivisionError, IndexError):
    1 / 0
print("after suppress")
with tag("a") as a, tag("b") as b:
    with tag("c") as c:
        print([a, b, c])
@contextmanager
def counter():
    state = {"n": 0}
    yield state
    print("final count", state["n"])
with counter() as c:
    for _ in range(5):
        c["n"] += 1
def uses_decorator_form():
    with tag("fn"):
        return "returned"
print(uses_decorator_form())
