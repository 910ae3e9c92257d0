class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for i in range(self.ticks):
            yield ("tick", i)
        return self.ticks
async def task(name, ticks):
    print(f"{name} start")
    got = await Sleep(ticks)
    print(f"{name} slept {got}")
    return name.upper()
def run_all(coros):
    results = {}
    queue = list(coros.items())
    while queue:
        name, co = queue.pop(0)
        try:
            signal = co.send(None)
            print(f"  scheduler: {name} yielded {signal}")
            queue.append((name, co))
        except StopIteration as e:
            results[name] = e.value
    return results
print(run_all({"a": task("a", 2), "b": task("b", 1), "c": task("c", 0)}))
async def add_async(x, y):
    await Sleep(1)
    return x + y
async def compute():
    total = 0
    for i in range(3):
        total += await add_async(total, i)
    return total
co = compute()
n = 0
try:
    while True:
        co.send(None)
        n += 1
except StopIteration as e:
    print("compute ->", e.value, "after", n, "suspensions")
class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False
async def use_cm():
    async with AsyncCM() as r:
        print("using", r)
    return "cm done"
try:
    use_cm().send(None)
except StopIteration as e:
    print(e.value)
