class Ticket:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        print(f"  awaiting {self.label}: suspending")
        reply = yield f"need:{self.label}"
        print(f"  {self.label} resumed with {reply!r}")
        return f"{self.label}-done({reply})"
async def fetch(name):
    a = await Ticket(name + ".1")
    b = await Ticket(name + ".2")
    return [a, b]
async def main():
    first = await fetch("x")
    print("  main got", first)
    second = await fetch("y")
    return first + second
coro = main()
print(type(coro).__name__, coro.__name__)
step = 0
value = None
try:
    while True:
        request = coro.send(value)
        print("driver received", request)
        step += 1
        value = step * 100
except StopIteration as e:
    print("coroutine finished with", e.value)
async def simple():
    return 42
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("simple ->", e.value)
async def raises():
    await Ticket("r")
    raise ValueError("inside coroutine")
r = raises()
print(r.send(None))
try:
    r.send("go")
except ValueError as e:
    print("ValueError:", e)
c2 = simple()
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
