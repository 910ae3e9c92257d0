class Cat:
    def speak(self):
        return "meow"
class Dog:
    def speak(self):
        return "woof"
animals = {"cat": Cat, "dog": Dog}
for key in ["dog", "cat", "dog"]:
    cls = animals[key]
    print(key, cls.__name__, cls().speak())
def make(cls, *args):
    return cls(*args)
print(make(list, "abc"), make(dict, a=1) if False else make(dict), make(int, "12"), make(str, 5))
factories = [int, float, str, bool, list, tuple]
print([f("1") if f not in (list, tuple) else f("12") for f in factories])
def make_class(name, base=object):
    class Generated(base):
        label = name
        def who(self):
            return f"I am {self.label}"
    Generated.__name__ = name
    return Generated
X = make_class("X")
Y = make_class("Y", X)
print(X().who(), Y().who(), Y.__name__, issubclass(Y, X), Y.__mro__[1].__name__)
print(type(X) is type, X.__qualname__)
Cat.speak = lambda self: "purr"
print(Cat().speak())
Cat.extra = staticmethod(lambda: "static added")
print(Cat.extra(), Cat().extra())
obj = Dog()
obj.speak = lambda: "instance override"
print(obj.speak(), Dog().speak())
print(int is type(3), [type(x) for x in (1, "a")] == [int, str])
class Box:
    pass
boxes = [Box() for _ in range(3)]
for i, b in enumerate(boxes):
    b.n = i
print([b.n for b in boxes])
print(type("Q", (), {})().__class__.__name__, object.__name__, type.__name__)
