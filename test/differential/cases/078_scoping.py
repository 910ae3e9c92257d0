x = "module"
def f():
    print("f sees", x)
def g():
    x = "g local"
    def h():
        print("h sees", x)
    h()
    f()
g()
class C:
    x = "class attr"
    y = x + " derived"
    def method(self):
        return x
    z = [x for _ in range(1)]
print(C.x, C.y, C().method(), C.z)
for loopvar in range(3):
    pass
print("loopvar after loop:", loopvar)
if True:
    block_var = "visible"
print(block_var)
try:
    raise ValueError("v")
except ValueError as err:
    saved = err
print("err" in dir(), type(saved).__name__)
def comp_scope():
    n = 10
    return [n * i for i in range(3)]
print(comp_scope())
i = "outer i"
squares = [i * i for i in range(4)]
print(i, squares)
def shadow_builtin():
    len = lambda s: "custom"
    return len("abc")
print(shadow_builtin(), len("abc"))
def param_shadow(print=None):
    return print
print(param_shadow("not the builtin"))
import builtins
print(builtins.len("xy"), hasattr(builtins, "print"))
