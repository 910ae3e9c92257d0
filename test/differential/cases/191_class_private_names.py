class Secret:
    __hidden = "class private"
    def __init__(self):
        self.__value = 42
        self._protected = "by convention"
        self.__dunder__ = "not mangled"
    def reveal(self):
        return self.__value, self.__hidden
    def __private_method(self):
        return "private method"
    def call_private(self):
        return self.__private_method()
s = Secret()
print(s.reveal(), s.call_private(), s._protected, s.__dunder__)
print(sorted(vars(s)))
print(s._Secret__value, s._Secret__private_method(), Secret._Secret__hidden)
try:
    s.__value
except AttributeError as e:
    print("AttributeError:", e)
class Child(Secret):
    def __init__(self):
        super().__init__()
        self.__value = "child's own"
    def both(self):
        return self.__value, self._Secret__value
c = Child()
print(c.both(), sorted(vars(c)))
print(c.reveal())
class _Leading:
    def __method(self):
        return "leading underscore class"
    def run(self):
        return self.__method()
print(_Leading().run(), [n for n in dir(_Leading) if "method" in n])
class A:
    def __init__(self):
        self.__x = 1
    def getx(self):
        return getattr(self, "__x", "getattr does not mangle")
print(A().getx(), getattr(A(), "_A__x"))
