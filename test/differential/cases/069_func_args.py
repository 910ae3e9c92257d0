def f(a, b, /, c, d=4, *args, e, f=6, **kwargs):
    return f"a={a} b={b} c={c} d={d} args={args} e={e} f={f} kwargs={kwargs}"
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5, d=44))
print(f(1, 2, 3, 4, 5, 6, e=7, g=8, a=9))
def kwonly(*, x, y=2):
    return x, y
print(kwonly(x=1), kwonly(y=3, x=4))
def varargs(*args):
    return len(args), args
print(varargs(), varargs(1), varargs(*range(4)))
def kwargs_only(**kw):
    return sorted(kw.items())
print(kwargs_only(), kwargs_only(b=2, a=1))
def posonly(x, y=10, /):
    return x + y
print(posonly(1), posonly(1, 2))
def mixed(a, *rest, key=None, **opts):
    return a, rest, key, opts
print(mixed(1), mixed(1, 2, 3, key="k", z=0))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
def same_name(x, /, **kw):
    return x, kw
print(same_name(1, x=2))
lam = lambda a, *b, c=3, **d: (a, b, c, d)
print(lam(1), lam(1, 2, c=4, e=5))
