def f1():
    try:
        return "try"
    finally:
        return "finally"
def f2():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed"
def f3():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("finally sets x =", x)
def f4():
    items = []
    try:
        items.append(1)
        return items
    finally:
        items.append(2)
def f5():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"
def f6():
    while True:
        try:
            return "from try"
        finally:
            print("cleanup before return")
print(f1(), f2(), f3(), f4(), f5(), f6())
