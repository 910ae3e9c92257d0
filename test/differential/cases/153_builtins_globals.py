module_var = 123
def func():
    local_var = 1
    return sorted(locals())
print(func())
g = globals()
print("module_var" in g, "func" in g, g["module_var"], g["__name__"])
print(sorted(k for k in g if not k.startswith("_")))
g["injected"] = "via globals"
print(injected)
def dynamic_read(name):
    return globals().get(name, "missing")
print(dynamic_read("module_var"), dynamic_read("nope"))
def lots(a, b=2, *args, **kw):
    x = a + b
    return locals()
print(lots(1), lots(1, 3, 4, k=5))
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
import sys
mod = sys.modules[__name__]
print(mod.module_var, getattr(mod, "func").__name__)
exec_result = {}
print(isinstance(globals(), dict), type(locals()).__name__)
class K:
    a = 1
    b = sorted(locals())
print(K.b)
