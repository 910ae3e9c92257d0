class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print(f"suppressed {et.__name__}: {ev}")
            return True
        return False
with Suppress(KeyError, IndexError):
    {}["missing"]
    print("not reached")
with Suppress(ZeroDivisionError):
    print("no error here")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)
class Transform:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is ValueError:
            raise RuntimeError("transformed") from ev
try:
    with Transform():
        raise ValueError("orig")
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
class Logger:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else "clean")
try:
    with Logger("outer"), Suppress(TypeError), Logger("inner"):
        raise TypeError("t")
    print("after with: TypeError swallowed in middle")
except TypeError:
    print("should not happen")
def gen_in_with():
    with Logger("gen"):
        yield 1
        yield 2
for v in gen_in_with():
    print("value", v)
with Suppress(Exception):
    with Logger("deep"):
        [][1]
print("end")
