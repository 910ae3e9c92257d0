import math
none = None
def import_missing():
    import no_such_module_xyz
tests = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: {"a": 1}["b"],
    lambda: {}[("t", 1)],
    lambda: {}[None],
    lambda: [1, 2, 3][10],
    lambda: (1,)[5],
    lambda: "abc"[9],
    lambda: int("x"),
    lambda: int("4.5"),
    lambda: float("y"),
    lambda: none.x,
    lambda: "s".nope,
    lambda: [].nope,
    lambda: undefined_thing,
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: next(iter([])),
    lambda: [1].index(2),
    lambda: "abc".index("z"),
    lambda: chr(-5),
    lambda: int.nope,
    lambda: math.nope,
    import_missing,
    lambda: (1).__class__.__name__.nope,
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)
