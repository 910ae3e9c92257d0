def gen():
    yield 1
    yield 2
    raise ValueError("from generator")
    yield 3
g = gen()
try:
    for x in g:
        print("got", x)
except ValueError as e:
    print("caught:", e)
print(list(g), next(g, "exhausted"))
def stop_inside():
    yield 1
    raise StopIteration("explicit")
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def cleanup():
    try:
        yield "a"
        yield "b"
    finally:
        print("generator finally")
for v in cleanup():
    print(v)
    break
print("after break")
def handles():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            print("generator handled", repr(e))
h = handles()
next(h)
print(h.throw(KeyError("k")))
try:
    h.throw(ValueError("unhandled"))
except ValueError as e:
    print("escaped:", e)
print(next(h, "closed"))
def bad_gen():
    yield 1 / 0
try:
    next(bad_gen())
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
def lazy():
    print("started")
    yield
gen_obj = lazy()
print("created, not started")
next(gen_obj)
try:
    next(gen_obj)
except StopIteration:
    print("StopIteration at end")
