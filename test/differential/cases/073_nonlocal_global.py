total = 0
def add_global(n):
    global total
    total += n
    return total
print(add_global(5), add_global(3), total)
def set_new_global():
    global brand_new
    brand_new = "created"
set_new_global()
print(brand_new)
x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)
print((lambda: x)())
def outer():
    a = 1
    def mid():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a *= 2
        inner()
        return a
    r = mid()
    return r, a
print(outer())
def unbound():
    try:
        print(total)
        total = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound()
def unbound_free():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    v = 1
    return inner()
print(unbound_free())
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
def del_local():
    q = 1
    del q
    return q
try:
    del_local()
except UnboundLocalError as e:
    print(e)
print("total" in globals(), "q" in globals(), sorted(k for k in globals() if not k.startswith("__"))[:4])
