import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.version_info[0] == 3, sys.version_info >= (3, 8))
print(sys.version_info.major, sys.version_info[:1], sys.version_info[:2] == (3, 11))
print(isinstance(sys.argv, list), len(sys.argv) >= 1, isinstance(sys.argv[0], str))
print(sys.getrecursionlimit(), isinstance(sys.path, list), "sys" in sys.modules)
n = sys.stdout.write("direct write\n")
print(n)
sys.stderr.write("to stderr via write\n")
sys.stdout.write("no newline, ")
sys.stdout.write("then newline\n")
sys.stdout.flush()
sys.stderr.write("second stderr line\n")
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.exc_info() == (None, None, None), callable(sys.exit), sys.maxunicode)
print("line via print", file=sys.stdout)
print("line via print to stderr", file=sys.stderr)
out = sys.stdout
out.write("alias write\n")
print(sys.modules[__name__].__name__, __name__)
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit code", e.code, repr(e))
