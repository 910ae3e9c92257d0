class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def speak(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
    def __repr__(self):
        return f"Dog({self.name!r}, {self.age})"
d1 = Dog("Rex")
d2 = Dog("Fido", 5)
print(d1, d2, [d1, d2], d1.speak(), Dog.speak(d2))
print(d1.birthday().birthday().age, Dog.count, d1.count, d1.species)
d1.species = "wolf"
print(d1.species, d2.species, Dog.species)
Dog.species = "lupus"
print(d1.species, d2.species)
del d1.species
print(d1.species)
print(type(d1).__name__, type(d1) is Dog, isinstance(d1, Dog), Dog.__name__, Dog.__qualname__)
print(vars(d2), d2.__dict__, sorted(k for k in Dog.__dict__ if not k.startswith("__")))
print(hasattr(d1, "name"), hasattr(d1, "nope"), getattr(d1, "nope", "dflt"))
setattr(d1, "color", "brown")
print(d1.color, getattr(d1, "color"))
delattr(d1, "color")
print(hasattr(d1, "color"))
try:
    d1.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog()
except TypeError as e:
    print("TypeError:", e)
bound = d2.speak
print(bound(), bound.__self__ is d2, bound.__func__ is Dog.speak)
print(d1 == d1, d1 == Dog("Rex", 3), d1 != d2)
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, vars(e), Empty.__name__, Empty.__bases__, Empty.__doc__)
