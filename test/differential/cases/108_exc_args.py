cases = [Exception(), Exception("one"), Exception("one", 2), Exception(None), ValueError(""), ValueError(1, [2]),
         KeyError("k"), KeyError(), KeyError("a", "b"), KeyError(0), IndexError("idx"), StopIteration(5),
         OSError(2, "No such file"), ZeroDivisionError("custom zde"), AssertionError(), UnicodeError("u"),
         SystemExit(3), KeyboardInterrupt(), NotImplementedError("nie"), RuntimeError("a\nb"), TypeError("it's")]
for e in cases:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
e = ValueError("a", "b")
e.args = ("replaced",)
print(e, repr(e))
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, OSError(2, "msg").errno, OSError(2, "msg").strerror)
print(str(KeyError("x")), str(KeyError("x", "y")), str(KeyError(("tuple",))))
err = RuntimeError("with note")
err.add_note("a note")
print(err.__notes__, str(err))
print(BaseException("base"), issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
