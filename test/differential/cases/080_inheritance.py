class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}({self.name}): {self.speak()}"
class Dog(Animal):
    sound = "woof"
class Cat(Animal):
    sound = "meow"
    def speak(self):
        return super().speak() + " (purr)"
class Kitten(Cat):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def describe(self):
        return super().describe() + f" age {self.age}"
for a in [Animal("generic"), Dog("rex"), Cat("tom"), Kitten("kit", 1)]:
    print(a.describe())
print(issubclass(Kitten, Animal), issubclass(Dog, Cat), isinstance(Kitten("k", 2), Cat))
print(Kitten.__bases__, Kitten.__mro__)
print([c.__name__ for c in Kitten.mro()], Animal.__subclasses__())
print(Kitten.__base__.__name__, object.__bases__, issubclass(Animal, object))
class Base:
    def hook(self):
        return "base hook"
    def run(self):
        return "run -> " + self.hook()
class Derived(Base):
    def hook(self):
        return "derived hook"
print(Base().run(), Derived().run())
class Counter:
    instances = []
    def __init__(self):
        self.instances.append(self)
class SubCounter(Counter):
    pass
Counter()
SubCounter()
print(len(Counter.instances), SubCounter.instances is Counter.instances)
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
for s in [Sq(3), Shape()]:
    try:
        print(s.area())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
