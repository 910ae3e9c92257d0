name, n, pi = "Ada", 42, 3.14159265
print(f"{name} {n} {pi}")
print(f"{name!r} {name!s} {'é'!a} {'é'!r}")
print(f"{n=} {pi=:.2f} {name = }")
print(f"{n + 1 = }", f"{len(name)=}")
w, p = 10, 3
print(f"[{pi:{w}.{p}f}]", f"[{pi:<{w}.{p}}]", f"[{name:^{w}}]")
d = {"a": 1, "key": "v"}
print(f"{d['a']} {d['key']!r} {d}")
items = [1, 2, 3]
print(f"{items[0]} {items[-1]} {items[1:]} {sum(items)}")
print(f"{'nested' + ' ' + 'expr'} {n * 2:05d} {n:#x} {n:b}")
print(f"{{braces}} {{{n}}}")
print(f"{3 if n > 10 else 4} {[x * 2 for x in items]}")
print(f"{n:>6}|{n:<6}|{n:^6}|{n:+}|{-n:+}")
print(f"{pi:.0f} {pi:e} {pi:g} {pi:%} {1e20:g} {1e-5:g}")
print(f"{'a' 'b'}", f"{name}" f"{n}", f"""{name
}""")
x = 7
print(f"{x!r:>5}", f"{str(x):*<4}", f"{x:{'>'}{w}}")
print(f"{None} {True} {[1, 'a']} {(1,)} {1.0}")
import math
print(f"{math.pi:.10f} {math.e!r}")
print(f"{n:,} {10**9:_} {1234567.891:,.2f}")
