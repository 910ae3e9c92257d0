import string
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b c", "-"))
t = string.Template("Hello $name, you owe $$${amount}!")
print(t.substitute(name="Ann", amount=5), t.safe_substitute(name="Bob"))
try:
    t.substitute(name="X")
except KeyError as e:
    print("KeyError:", e)
print(string.Template("${x}y $x").substitute({"x": 1}))
def caesar(text, shift):
    lower = string.ascii_lowercase
    table = str.maketrans(lower, lower[shift:] + lower[:shift])
    return text.translate(table)
print(caesar("hello world", 3), caesar(caesar("hello world", 3), -3))
print(sum(c in string.punctuation for c in "Hi! How's it going?"))
print("".join(c for c in "a1b2c3" if c in string.digits))
