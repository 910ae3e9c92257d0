import sys

def risky():
    return [1, 2, 3][5]

def handler():
    try:
        risky()
    except IndexError as first:
        print("handling", repr(first))
        try:
            None.append(1)
        except AttributeError as second:
            raise RuntimeError("giving up") from second

print("begin")
sys.stdout.flush()
handler()
