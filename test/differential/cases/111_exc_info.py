import sys
print(sys.exc_info())
try:
    raise ValueError("info")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t, t.__name__, repr(v), tb is not None, type(tb).__name__)
    print(sys.exception() is v if hasattr(sys, "exception") else "no sys.exception")
print(sys.exc_info())
try:
    1 / 0
except ZeroDivisionError as e:
    print(e.__traceback__ is not None, e.__traceback__.tb_lineno, e.with_traceback(None) is e)
def inner():
    raise KeyError("deep")
def outer():
    inner()
try:
    outer()
except KeyError as e:
    print(repr(e), e.__traceback__ is not None, sys.exc_info()[1] is e)
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError:
            print("innermost:", sys.exc_info()[0].__name__)
        print("restored:", sys.exc_info()[0].__name__)
except Exception:
    pass
print("after:", sys.exc_info()[0])
def handler_info():
    try:
        raise LookupError("in function")
    except LookupError:
        return sys.exc_info()[1]
caught = handler_info()
print(repr(caught), caught.__traceback__ is not None, sys.exc_info()[1])
