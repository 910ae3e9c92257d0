class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}", exc_type.__name__ if exc_type else None, repr(exc), tb is not None)
        return self.suppress
with Resource("a") as val:
    print("inside with", val)
with Resource("b", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with Resource("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with Resource("outer") as o, Resource("inner") as i:
    print("both", o, i)
def early():
    with Resource("ret"):
        return "returned value"
print(early())
for n in range(3):
    with Resource(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("body", n)
class NoEnter:
    pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError:", e)
class ExitOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit args", a[0].__name__ if a[0] else a)
        return False
try:
    with ExitOnly():
        1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
