def documented(a, b=2):
    """This is the docstring.

    With more lines."""
    return a
def undocumented():
    pass
print(documented.__name__, documented.__qualname__, repr(documented.__doc__), undocumented.__doc__)
print(documented.__module__, documented.__defaults__, documented.__code__.co_varnames[:2])
documented.custom = "attr"
documented.counter = 0
documented.counter += 1
print(documented.custom, documented.counter, sorted(k for k in documented.__dict__))
class Outer:
    def method(self):
        def local():
            pass
        return local
    class Inner:
        def deep(self):
            pass
    @staticmethod
    def st():
        pass
print(Outer.method.__qualname__, Outer().method().__qualname__, Outer.Inner.deep.__qualname__)
print(Outer.Inner.__qualname__, Outer.st.__qualname__, Outer.__name__, Outer.Inner.__name__)
def factory():
    def made():
        pass
    return made
print(factory().__name__, factory().__qualname__, (lambda: 0).__qualname__)
print(len.__name__, print.__name__, type(len).__name__, type(documented).__name__)
documented.__name__ = "renamed"
print(documented.__name__, documented.__qualname__)
print(documented.__annotations__, (lambda x: x).__defaults__)
def annotated(x: int, y: "str" = "s") -> bool:
    return True
print(annotated.__annotations__)
print(Outer.method.__name__, Outer().method.__name__, Outer().method.__func__ is Outer.method)
