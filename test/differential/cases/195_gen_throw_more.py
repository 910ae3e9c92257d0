def thrower():
    yield 1
    yield 2
t = thrower()
next(t)
try:
    t.throw(KeyError("thrown in"))
except KeyError as e:
    print("propagated out:", repr(e))
print(next(t, "exhausted after throw"))
def returns_on_throw():
    try:
        yield "first"
    except ValueError:
        yield "handled, yielding again"
r = returns_on_throw()
print(next(r), r.throw(ValueError), next(r, "end"))
unstarted = thrower()
unstarted.close()
print(list(unstarted))
fresh = thrower()
try:
    fresh.throw(IndexError("before start"))
except IndexError as e:
    print("throw before start:", e)
def finally_gen():
    try:
        yield "x"
    finally:
        print("finally on close")
fg = finally_gen()
next(fg)
fg.close()
def gen_exit_value():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen, returning")
        return "ignored value"
ge = gen_exit_value()
next(ge)
print(ge.close())
def counting():
    n = 0
    while True:
        try:
            yield n
        except OverflowError:
            n = -100
        n += 1
cg = counting()
print(next(cg), next(cg), cg.throw(OverflowError), next(cg))
cg.close()
print(next(cg, "closed generator"))
