names = ["ZeroDivisionError", "OverflowError", "KeyError", "IndexError", "ValueError", "UnicodeDecodeError",
         "TypeError", "AttributeError", "NameError", "UnboundLocalError", "StopIteration", "RuntimeError",
         "RecursionError", "NotImplementedError", "FileNotFoundError", "PermissionError", "TimeoutError",
         "ModuleNotFoundError", "KeyboardInterrupt", "SystemExit", "GeneratorExit", "AssertionError",
         "LookupError", "ArithmeticError", "OSError", "ImportError", "EOFError", "StopAsyncIteration",
         "BrokenPipeError", "ConnectionRefusedError", "IsADirectoryError", "FloatingPointError", "MemoryError"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    chain = [c.__name__ for c in cls.__mro__]
    print(n, "->", " > ".join(chain[1:]))
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(UnicodeDecodeError, ValueError), issubclass(KeyboardInterrupt, Exception))
try:
    {}["x"]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    1 / 0
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__)
try:
    raise FileNotFoundError(2, "missing", "f.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
