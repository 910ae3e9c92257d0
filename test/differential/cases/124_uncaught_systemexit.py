import sys

def main(args):
    print("main called with", args)
    if not args:
        print("usage: prog ARG", file=sys.stderr)
        sys.exit(3)
    return 0

try:
    sys.exit("message exit is caught here")
except SystemExit as e:
    print("caught SystemExit:", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit with code", e.code)
main([])
print("not reached")
