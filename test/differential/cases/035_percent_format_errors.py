cases = [
    ("%d", ("x",)),
    ("%s %s", ("a",)),
    ("%s", ("a", "b")),
    ("%(k)s", {"z": 1}),
    ("%z", (1,)),
    ("%c", ("ab",)),
    ("%d", (None,)),
    ("%x", (1.5,)),
    ("%(k)s %s", {"k": 1}),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except TypeError as e:
        print("TypeError:", e)
    except ValueError as e:
        print("ValueError:", e)
    except KeyError as e:
        print("KeyError:", e)
print("%s" % {"k": 1}, "%s" % [()], "no args" % ())
try:
    print("abc" % 5)
except TypeError as e:
    print("TypeError:", e)
print("%s" % b"bytes", "%r" % 1.0, "%s" % 1e16)
