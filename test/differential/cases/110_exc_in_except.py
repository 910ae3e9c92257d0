def handler_fails():
    try:
        1 / 0
    except ZeroDivisionError:
        return undefined_variable
try:
    handler_fails()
except NameError as e:
    print("NameError:", e, "| context:", repr(e.__context__))
def finally_fails():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("from finally")
try:
    finally_fails()
except KeyError as e:
    print("KeyError:", e, "| context:", repr(e.__context__))
def nested_handlers():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            print("inner context:", repr(b.__context__))
        print("a still bound:", repr(a))
        return "done"
print(nested_handlers())
try:
    try:
        raise OSError("disk")
    except OSError as e:
        raise RuntimeError("wrapped") from e
    finally:
        print("finally during propagation")
except RuntimeError as e:
    print("outer:", e, "<-", e.__cause__)
def exc_in_else():
    try:
        x = 1
    except Exception:
        pass
    else:
        return {}["else-key"]
try:
    exc_in_else()
except KeyError as e:
    print("KeyError from else:", e, e.__context__)
try:
    try:
        raise ValueError("original")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
except ValueError as e:
    print("bare raise re-raised:", repr(e))
