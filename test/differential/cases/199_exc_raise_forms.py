class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise KeyError("inner")
    except (TypeError, ValueError):
        print("not matched")
except Exception as e:
    print("outer got", repr(e))
class Logger:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else "clean")
class FailEnter:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit never called")
try:
    with Logger("first"), FailEnter():
        print("body never runs")
except OSError as e:
    print("OSError:", e)
def raise_instance_or_class(kind):
    if kind == "class":
        raise ValueError
    if kind == "instance":
        raise ValueError("with message")
    if kind == "call-result":
        raise (lambda: KeyError("made by lambda"))()
    raise
for kind in ["class", "instance", "call-result", "bare-outside-handler"]:
    try:
        raise_instance_or_class(kind)
    except (ValueError, KeyError) as e:
        print(kind, "->", repr(e))
    except RuntimeError as e:
        print(kind, "-> RuntimeError:", e)
