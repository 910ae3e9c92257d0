def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    if n == 2:
        raise IndexError("two")
    if n == 3:
        raise ZeroDivisionError("three")
    if n == 4:
        raise SystemExit("four")
    return n
for n in range(6):
    try:
        print("result", risky(n))
    except (ValueError, KeyError) as e:
        print("tuple handler:", type(e).__name__, e)
    except LookupError as e:
        print("base class handler:", type(e).__name__, e)
    except ArithmeticError:
        print("arith handler without name")
    except:
        print("bare except caught something")
errors = (TypeError, ValueError)
try:
    int("q")
except errors as e:
    print("dynamic tuple:", e)
def reraiser():
    try:
        [][0]
    except IndexError:
        print("logging, then re-raise")
        raise
try:
    reraiser()
except IndexError as e:
    print("re-raised:", e)
try:
    try:
        raise ValueError("orig")
    except ValueError as e:
        raise e
except ValueError as e2:
    print("raise e:", e2)
try:
    raise TypeError
except TypeError as e:
    print("class raised:", repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
