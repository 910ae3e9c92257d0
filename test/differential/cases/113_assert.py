def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, repr(e), e.args)
try:
    assert False
except AssertionError as e:
    print("bare:", repr(e), str(e) == "", e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
try:
    assert 1 == 2, ("tuple", "message")
except AssertionError as e:
    print(e.args, e)
assert True, "never"
assert 1, "never"
try:
    assert None, None
except AssertionError as e:
    print(repr(e), e.args)
calls = []
def msg():
    calls.append(1)
    return "lazy message"
assert True, msg()
print(calls)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, calls)
print(issubclass(AssertionError, Exception))
