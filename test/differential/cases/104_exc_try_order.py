def trial(kind):
    log = []
    try:
        log.append("try")
        errors = {"value": ValueError("bad value"), "key": KeyError("k"), "other": RuntimeError("other")}
        if kind in errors:
            raise errors[kind]
        log.append("try-end")
    except ValueError as e:
        log.append(f"except ValueError({e})")
    except KeyError as e:
        log.append(f"except KeyError({e})")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for kind in ["none", "value", "key"]:
    print(kind, trial(kind))
try:
    trial("other")
except RuntimeError as e:
    print("propagated:", e)
def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
def else_raises():
    try:
        pass
    except Exception:
        pass
    else:
        raise ValueError("from else")
    finally:
        print("finally runs")
try:
    else_raises()
except ValueError as e:
    print("caught", e)
try:
    raise ValueError("x")
except ValueError as err:
    print("bound inside handler:", repr(err))
try:
    err
except NameError as e:
    print("NameError:", e)
