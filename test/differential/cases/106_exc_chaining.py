def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError(f"cannot convert {s!r}") from e
try:
    convert("abc")
except TypeError as e:
    print(repr(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))
    print(e.__suppress_context__, e.__cause__ is e.__context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no context") from None
except RuntimeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    raise ValueError("v") from KeyError("k")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise IndexError from ValueError
except IndexError as e:
    print(repr(e), repr(e.__cause__), type(e.__cause__).__name__)
def chain3():
    try:
        try:
            raise OSError("level 1")
        except OSError as a:
            raise LookupError("level 2") from a
    except LookupError as b:
        raise ArithmeticError("level 3")
try:
    chain3()
except ArithmeticError as e:
    c = e
    while c is not None:
        print(type(c).__name__, c, "cause" if c.__cause__ else ("context" if c.__context__ else "root"))
        c = c.__cause__ or c.__context__
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__)
