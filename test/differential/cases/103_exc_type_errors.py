n = None
five, abc, one = 5, "abc", [1]
tests = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: 1 - "a",
    lambda: "a" * "b",
    lambda: [] * [],
    lambda: {} + {},
    lambda: n + 1,
    lambda: 1 < "a",
    lambda: [] > {},
    lambda: -"a",
    lambda: ~1.5,
    lambda: len(5),
    lambda: n[0],
    lambda: five[0],
    lambda: {}[[]],
    lambda: abc[1.5],
    lambda: one[None],
    lambda: n(),
    lambda: hash([]),
    lambda: iter(n),
    lambda: sum(["a", "b"]),
    lambda: sorted([1, None]),
    lambda: "x".join([1]),
    lambda: int([1]),
    lambda: b"a" + "b",
    lambda: "%d" % "s",
    lambda: divmod("a", 1),
    lambda: pow("a", 2),
    lambda: abs(n),
    lambda: round("1.5"),
    lambda: 2 ** "x",
    lambda: {1, 2} + {3},
    lambda: 3 @ 4,
    lambda: "abc".startswith(1),
    lambda: (1, 2).append(3),
    lambda: object().x,
]
for t in tests:
    try:
        t()
        print("no error")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
