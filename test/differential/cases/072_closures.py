def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())
def make_multipliers():
    return [lambda x: x * i for i in range(4)]
print([m(2) for m in make_multipliers()])
def make_multipliers_fixed():
    return [(lambda i: lambda x: x * i)(i) for i in range(4)]
print([m(2) for m in make_multipliers_fixed()])
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
i = 99
print([f() for f in funcs])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def accumulator():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulator()
print(acc(1), acc(2), acc(3))
print(acc.__closure__ is not None, len(acc.__closure__), acc.__code__.co_freevars)
def bank(balance):
    def deposit(n):
        nonlocal balance
        balance += n
        return balance
    def get():
        return balance
    return deposit, get
dep, get = bank(10)
dep(5)
dep(7)
print(get())
