/**
 * The Python front end against CPython 3.11 itself: every snippet below, and every seed of the
 * corpus, goes through simulator/python/parse.ts and through CPython's own parser
 * (py_ast_dump.py, one python3 process for all of them, converting `ast` to Interleave's
 * shape); the results must be equal: the whole tree with every span, or the SyntaxError's
 * type, message and span as `python3 file.py` reports them.
 *
 * Needs python3 3.11 (as in CI); without it the comparisons are skipped, saying so.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "../../simulator/python/parse";

/** Snippets are written raw: backslashes and line breaks as in the Python source. */
const py = String.raw;

const DUMP = join(__dirname, "py_ast_dump.py");
/** The seed corpus: the shared copy beside the repository, else the repository's own (test/corpus/seeds). */
const SHARED_SEEDS = join(__dirname, "../../../shared/corpus/seeds");
const SEEDS = existsSync(SHARED_SEEDS) ? SHARED_SEEDS : join(__dirname, "../corpus/seeds");

/** Why the CPython comparisons cannot run here, or null when python3 is 3.11. */
function pythonProblem(): string | null {
  try {
    const v = execFileSync("python3", ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).toString().trim();
    return v === "3.11" ? null : `python3 is ${v}, the parser is checked against CPython 3.11`;
  } catch {
    return "python3 is not available";
  }
}

/** Our result in the dump's JSON shape: bigints, bytes and non-finite floats as py_ast_dump.py writes them. */
function normalize(v: unknown): unknown {
  if (typeof v === "bigint") {
    return { bigint: v.toString() };
  }
  if (v instanceof Uint8Array) {
    return Buffer.from(v).toString("hex");
  }
  if (Array.isArray(v)) {
    return v.map(normalize);
  }
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = k === "float" && typeof x === "number" && !Number.isFinite(x) ? (Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf") : normalize(x);
    }
    return out;
  }
  return v;
}

function ours(source: string): unknown {
  const r = parse(source);
  if (r.ok) {
    return normalize({ module: r.module });
  }
  // `refused` is Interleave's own mark (the run is unsupported); the dump has no such field.
  const { refused: _refused, ...error } = r.error;
  return normalize({ error });
}

function cpython(sources: string[]): unknown[] {
  const out = execFileSync("python3", [DUMP, "--batch"], { input: JSON.stringify(sources), maxBuffer: 1 << 30 });
  return JSON.parse(out.toString()) as unknown[];
}

/** Programs CPython accepts: every statement and expression form, literals, f-strings, targets. */
const VALID: string[] = [
  py`x = 1`,
  py`x = 0x1F + 0o17 + 0b101 + 1_000_000 + 0X_ff`,
  py`x = 9007199254740991
y = 9007199254740992
z = 123456789012345678901234567890
w = 0xFFFFFFFFFFFFFFFFFFFF`,
  py`a = 1.5; b = 1e5; c = 1.; d = .5; e = 1_0.0_1; f = 1E-3; g = 1e400; h = 0.0; i = 00.5; j = 0e0`,
  py`s = 'a' "b" '''c''' """d"""`,
  py`s = r'\n' R"\t" rb'\x00' Rb"x" bR'y' BR"z" u'u' U"U" b'\x41\n' B"q"`,
  py`s = "\n\t\\\'\"\x41\u00e9\U0001F600\101\0\7\a\b\f\v\r\q"`,
  py`s = "line \
continued"`,
  py`s = """multi
line
string"""
x = 1`,
  py`s = 'é' + "日本語" + '😀'`,
  py`b = b'abc' b"def"`,
  py`x = f"hello {name}!"`,
  py`x = f"{a!r} {b!s} {c!a} {d:>10} {e:{w}.{p}f} {{literal}} {f=} {g = } {h=!s} {i=:^5}"`,
  py`x = "plain" f"{y}" 'tail'`,
  py`x = f""
y = f"" ""
z = "" f"{1}"`,
  py`x = f'{x:{"a"}}' + f"{'b'!r}"`,
  py`x = rf"{a}\n" + fr'\d{b}' + Rf"{c}" + fR"{d}"`,
  py`x = f"""
{a
 + b}
  {c}"""`,
  py`x = f"{a['k']}" f"{b[1:2]}" f"{c(1, 2)}" f"{d, e}" f"{lambda: 1}" f"{ (yield) }"`,
  py`def f():
    return f"{(yield)}"`,
  py`x = f"{x:%Y-%m-%d}"`,
  py`x = f"{3.14:.2f}" f"{x!r:>{width}}" f"{'nested'!s:{fill}<{w}}"`,
  py`x = f"\n{a}\t{b}\\"`,
  py`print(f"{a=}", f"{b.c=}", f"{d[0] = !r}")`,
  py`x = f"é{y}ü{z}"`,
  py`x = ... ; y = Ellipsis; z = None; t = True; f = False`,
  py`a, b = b, a
(c, d), [e, *f] = g
*h, = i
[j] = k
x = y = z = 0`,
  py`a.b = 1
a[0] = 2
a.b.c[1:2] = 3
a().b = 4
a[1][2].c = 5`,
  py`x += 1; y -= 2; z *= 3; w /= 4; v //= 5; u %= 6; t **= 7; s >>= 8; r <<= 9; q &= 10; p |= 11; o ^= 12; n @= 13
a.b += 1
c[0] -= 1`,
  py`x: int
y: int = 1
(z): str = "a"
a.b: float = 1.0
c[0]: list
d: list[int] = []
e: "str" = yield_value`,
  py`del a
del a, b
del a.b, c[0], (d, e), [f, g]
del (a)
del (a,)`,
  py`assert x
assert x, "message"`,
  py`pass
break
continue`,
  py`import os
import os.path
import os.path as p, sys as s
from os import path
from os import path as p, sep
from os import (path, sep,)
from . import x
from .. import y
from ...a.b import c
from .... import d
from .mod import *`,
  py`global a, b
nonlocal c`,
  py`raise
raise E
raise E("x") from err
raise E from None`,
  py`return
return 1
return 1, 2
return *a, b`,
  py`if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2`,
  py`if a: pass
else: pass`,
  py`while x:
    x -= 1
else:
    done()`,
  py`for i in range(10):
    continue
else:
    pass
for a, b in pairs: pass
for (a, b), *c in x: pass
for [a, b] in x: pass
for x.y in z: pass
for x[0] in z: pass
for i, in z: pass`,
  py`try:
    a()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    pass
else:
    b()
finally:
    c()`,
  py`try:
    pass
finally:
    pass`,
  py`with open(f) as g:
    pass
with a, b as c, d() as (e, f):
    pass
with (open(a) as f, open(b) as g):
    pass
with (a, b):
    pass
with (a):
    pass
with (yield):
    pass
with a as b.c, d as e[0]:
    pass
with (a as b,):
    pass`,
  py`def f(): pass
def g(a, b=1, *args, c, d=2, **kwargs) -> int:
    return a
def h(a, /, b, *, c): pass
def i(a=1, /, b=2, *, c=3): pass
def j(*, a): pass
def k(**kw): pass
def l(a: int, b: "str" = "x", *c: int, d: float, **e: dict) -> None: pass
def m(a, /): pass
def n(a, b=1, /): pass
def o(*args: *Ts): pass`,
  py`@decorator
def f(): pass

@a.b.c
@d(1, x=2)
@e[0].f
@(lambda f: f)
class C(Base, metaclass=Meta, **kw):
    x = 1
    def method(self): return self`,
  py`class A: pass
class B(): pass
class C(object): pass
class D(*bases): pass`,
  py`async def f():
    await x
    async for a in b:
        pass
    async with c as d:
        pass
    async with (e as f, g):
        pass
    return [x async for x in y]`,
  py`lambda: 0
lambda x: x
lambda x, y=1, *a, z, w=2, **k: 0
lambda *, a: a
lambda a, /, b: 0
lambda *a: a
lambda **k: k
lambda a=1, /, b=2: 0`,
  py`x = a if b else c
x = a if b else c if d else e
x = (lambda: 1) if a else (lambda: 2)`,
  py`x = a < b <= c > d >= e == f != g
x = a in b
x = a not in b
x = a is b
x = a is not b
x = not a
x = a and b and c or d or not e
x = a or b and c`,
  py`x = a + b - c * d / e // f % g ** h @ i
x = -a + +b - ~c
x = a << b >> c & d | e ^ f
x = -a ** -b
x = a ** b ** c
x = (a + b) * c
x = await_ + 1`,
  py`x = f(a)(b)(c)
x = a.b.c.d
x = a[0][1:2][::3][1:2:3][:, 1][..., None]
x = a[1:2, 3]
x = a[b, c:d, *e]
x = a[()]
x = a[:]
x = a[::]
x = a[x:=1]
x = a[*b]`,
  py`f(*args, **kwargs)
f(a, *b, c, *d, e=1, **f, g=2)
f(x for x in y)
f((x for x in y), 1)
f(a=1, *b)
f(**a, b=1)
f(a, b,)
f()
f(x := 1)
f(a)[b](c)`,
  py`x = [1, 2, *a, 3]
x = (1, 2, *a)
x = {1, 2, *a}
x = {1: 2, **a, 3: 4}
x = ()
x = (1,)
x = []
x = {}
x = [*a]
x = *a, *b
x = 1,`,
  py`x = [i for i in range(10)]
x = [i for i in range(10) if i if i > 2]
x = [(i, j) for i in a for j in b if j]
x = {i for i in a}
x = {k: v for k, v in items}
x = (i for i in a)
x = [[j for j in i] for i in a]
x = [i async for i in a]
x = [y for x in a if (y := f(x))]
x = [*a, *b]
x = [a for a, *b in c]
x = [x for x in lambda: 1, 2]`,
  py`if (n := len(a)) > 10:
    pass
while chunk := f.read():
    pass
print(y := 1)
x = [y := 1, y ** 2]`,
  py`def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    await w
    z = yield *a, b
    (yield)`,
  py`x = 1 if True else 2; y = 3`,
  py`print >>f, x
print
exec`,
  py`x = (
    1,
    2,
)
y = [
    3
]
z = {
  'a': 1,  # comment
  'b': 2
}`,
  py`x = 1 \
    + 2 \
    + 3`,
  py`if x:
    # comment

    y = 1
        # weird comment
    z = 2`,
  "def f():\n\treturn 1",
  py`class A:
    def f(self):
        if x:
            return 1
        return 2


    def g(self):
        pass`,
  py`x = 1  # trailing comment
# final comment`,
  py`match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case {"x": x, **rest}:
        pass
    case 1 | 2 | 3:
        pass
    case -1:
        pass
    case 1+2j:
        pass
    case "a" "b":
        pass
    case None | True | False:
        pass
    case a.b.c:
        pass
    case (a, b, *c):
        pass
    case [1, _, *_] as whole if whole:
        pass
    case _:
        pass`,
  py`match = 1
case = 2
_ = 3
match(x)
match[x]
type = 4
print(match, case)`,
  py`match x, y:
    case a, b: pass`,
  py`x = yield_
async_ = 1
awaitable = 2`,
  py`é = 1
日本 = 2
ﬁ = 3`,
  py`x = 1if y else 2`,
  py`x = [1, 2,
  3, 4]; y = 5`,
  py`if True:
    pass
# trailing
    # indented trailing`,
  py`a = b = c
a, = b`,
  py`x = not not a
x = - - a
x = a if not b else c`,
  py`def f(a, b): return a + b
class C: x = 1; y = 2
for x in y: pass
while 0: pass
if 1: pass
with a: pass
try: pass
except: pass`,
  py`x = "a" \
    "b"`,
  py`@property
def x(self): return self._x
@x.setter
def x(self, v): self._x = v`,
  py`x = (1 +
     2 *
     3)`,
  py`x = a[
    1
]`,
  py``,
  py`# only a comment`,
  py`   `,
  py`x = 1
    

y = 2
`,
  py`x = 0`,
  py`x = 00`,
  py`x = 0_0`,
  py`x = 1_2_3`,
  py`x = 0b_1`,
  py`x = 0O777`,
  py`x = 0xDEADBEEF`,
  py`x = 1E+9`,
  py`x = 1_0e1_0`,
  py`x = 123456789.123456789e-300`,
  py`x = 2**53`,
  py`x = 18446744073709551616`,
  py`x = 0xFFFFFFFFFFFFFFFF`,
  py`x = b''`,
  py`x = b'\x00\xff\n\\'`,
  py`x = rb'\x00'`,
  py`x = b'\101\7'`,
  py`x = ''`,
  py`x = ''''''`,
  py`x = """a "quoted" 'word'"""`,
  py`x = 'it\'s'`,
  py`x = "tab\there"`,
  py`x = '\u00e9\U0001f600'`,
  py`x = f"{x}"`,
  py`x = f"{x!r}"`,
  py`x = f"{x!s:>{width}}"`,
  py`x = f"{x:{'>'}{10}}"`,
  py`x = f"{{}}"`,
  py`x = f"a{{b}}c{d}"`,
  py`x = f"{x=}"`,
  py`x = f"{x = !s}"`,
  py`x = f"{x=:.2f}"`,
  py`x = f"{3 + 4 = }"`,
  py`x = f"{'a' 'b'}"`,
  py`x = f"{[1, 2][0]}"`,
  py`x = f"{ {'a': 1}['a'] }"`,
  py`x = f"{(lambda: 1)()}"`,
  py`x = f"{x if y else z}"`,
  py`x = f"{a}{b}{c}"`,
  py`x = f"{a}" "b" f"{c}"`,
  py`x = "a" f"" "b"`,
  py`x = f"{x:}"`,
  py`x = f"{x!r:}"`,
  py`x = F"{x}" Rf"\d{y}"`,
  py`x = f'''{
x
}'''`,
  py`x = f"{x:{y}.{z}f}"`,
  py`x = f"{x:%H:%M}"`,
  py`x = f"{x!a}"`,
  py`x = f"{x:=^10}"`,
  py`print(f"{name!r} is {age} years old")`,
  py`x = f"{'nested ' f'{y}'}"`,
  py`import asyncio
async def main():
    await asyncio.sleep(1)
asyncio.run(main())`,
  py`import threading
lock = threading.Lock()
def worker():
    with lock:
        global counter
        counter += 1
t = threading.Thread(target=worker)
t.start(); t.join()`,
  py`def gen():
    x = yield
    while True:
        x = yield x * 2`,
  py`class C:
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): pass
    @property
    def p(self): return 1`,
  py`def f(*, a=1, b): pass`,
  py`def f(a, b=2, /, c=3, *d, e, f=4, **g): pass`,
  py`x = [a for b in c for a in b]`,
  py`x = {a: b for a, b in c.items() if a}`,
  py`x = (yield)`,
  py`x = a[1:2:3, ::, ...]`,
  py`x = a.b(c)[d].e`,
  py`del a[0], b.c`,
  py`a[b] += c`,
  py`a.b.c = d = e[f] = g`,
  py`x = not a == b`,
  py`x = a or not b and c`,
  py`x = ~a ** -b`,
  py`x = a @ b`,
  py`x = a // b % c`,
  py`x = (a, *b, c)`,
  py`x = [*a, *b]`,
  py`x = {**a, 'b': 1, **c}`,
  py`f(*a, *b, **c, **d)`,
  py`f(a)(b)(c)`,
  py`x = lambda: (yield)`,
  py`raise ValueError("bad") from None`,
  py`match x:
    case 1j: pass`,
];

/** Non-ASCII text, tabs, form feeds, CRLF, coding cookies, byte-order marks. */
const UNICODE: string[] = [
  py`x = "é" + f"{y}"`,
  py`é = "日本" ; ü = f"{é}{日本}"`,
  py`x = "😀" + y + f"😀{z}😀"`,
  py`x = "😀"; y = (1 +)`,
  py`s = "é`,
  py`x = "é" 1`,
  py`f"é{a b}"`,
  py`print "é"`,
  "x = 1\n\ty = 2",
  "x = (1,\n\t2)",
  "if x:\n\ty = 1",
  py`x = 1
y = 2
`,
  "x = 1 \f+ 2",
  "if x:\n\f    y = 1",
  py`x = f"""a
{b}
c{d!r:>{e}}"""`,
  py`x = (f"a"
     f"{b}"
     "c")`,
  py`x = f"{a}" f"{b:{c}}" "d"`,
  py`x = f"{a:{b}x}" f"y{c:z}"`,
  py`x = f"{'é'}" + f"{a:é}"`,
  py`x = f"{  a  }"`,
  py`x = f"{a   =   }"`,
  py`x = f"{a!r:}"`,
  py`x = f"{a:{b}}"`,
  py`def f():
    x = f"""
        {a}
    """`,
  py`x = f'{"""a"""}'`,
  py`x = f"{a['b']!r:>{c}}"`,
  py`x = f"{a}{{}}{b}"`,
  py`x = f"{{{a}}}"`,
  py`x = f"\{a}"`,
  py`x = f"\\{a}"`,
  py`x = rf"\{a}"`,
  py`x = f"a\
b{c}"`,
  py`x = f"{a:\n}"`,
  py`x = "\d \w"`,
  py`x = b"\d\xff\777"`,
  py`x = "\777"`,
  py`x = '\''`,
  py`x = "\
"`,
  py`x = u"abc"`,
  py`ü = 1; x = ü`,
  py`ｘ = 1`,
  py`x = 𝔘 + 1
`,
  py`# -*- coding: utf-8 -*-
x = "é" 1`,
  py`# -*- coding: utf-8 -*-
s"line \
continued"`,
  py`#!/usr/bin/env python
# coding=utf-8
x = "😀"; y = (1 +)`,
  py`x = 1  # coding: utf-8
y = "é" 2`,
  py`
# coding: utf-8
y = "é" 2`,
  py`# vim: set fileencoding=utf-8 :
print "é"`,
  py`# -*- coding: latin-1 -*-
x = 1 2`,
  py`# -*- coding: utf-8 -*-
x = 1
f = 3\
日本 = 2`,
  py`# -*- coding: utf-8 -*-
print 'a' + \
   'a very long string that goes past the first line'`,
  py`# -*- coding: utf-8 -*-
if x:
  é = 1
    y`,
  py`# -*- coding: utf-8 -*-
x = (é,`,
  py`# -*- coding: utf-8 -*-
f"{é b}"`,
  py`x = "é" 1`,
  py`s"line \
continued"`,
  py`x = "😀"; y = (1 +)`,
  py`if x:
  é = 1
    y`,
  py`é = (1,`,
  py`print "é"`,
  py`def f(é=1, b): pass
`,
  "﻿x = \"é\" 1\n",
  "﻿# -*- coding: utf-8 -*-\nx = (1 +)\n",
  "﻿s\"line \\\ncontinued\"\n",
  "﻿x = 1\n",
  "\fx = 1\n",
  "x = 1\u000b\n",
  "if x:\n\f    y\n",
  py`x = (1,
2)`,
  py`x = 1

y = 2`,
  py`#!/usr/bin/env python
# -*- coding: latin-1 -*-
x = 1
`,
  py`x = """a
b"""
`,
  py`x = 1 \
+ 2
`,
];

/** Python 2 code, as in the corpus: what CPython 3.11 says of it (some of it is valid Python 3). */
const PYTHON2: string[] = [
  py`print "hello %s" % name`,
  py`print >>sys.stderr, "error"`,
  py`print "a",`,
  py`print`,
  py`print x, y`,
  py`print("a"), "b"`,
  py`print ("a" % b)`,
  py`exec code in ns`,
  py`exec "x=1"`,
  py`raise ValueError, "bad"`,
  py`raise E, V, T`,
  "x = `y`",
  py`x = ur"abc"`,
  py`x = 0777L`,
  py`x = 10L`,
  py`x = 0xffL`,
  py`try:
    pass
except ValueError, e:
    print e`,
  py`def f((a, b)):
    pass`,
  py`lambda (a, b): a`,
  py`if d.has_key(k): print k`,
  py`import urllib2
response = urllib2.urlopen("http://x")
print response.read()`,
  py`class A:
    def f(self):
        print "in f"`,
  py`for i in xrange(10): print i`,
  py`x = u'abc'
print x`,
  py`def g():
    print "%d items" % len(x)
    return x`,
  py`print "a"; print "b"`,
  py`if True:
    print "yes"
else:
    print "no"`,
  py`while 1:
    print 'loop'
    break`,
  py`s = raw_input("> ")
print s`,
  py`print(1); print 2`,
  py`print -1`,
  py`print +1`,
  py`print (1), 2`,
  py`print not x`,
  py`print lambda: 1`,
  py`print yield`,
  py`print *a`,
  py`print **a`,
  py`print [1, 2]`,
  py`print {1: 2}`,
  py`print f(x)`,
  py`print.x`,
  py`print = 3`,
  py`print, x`,
  py`exec`,
  py`exec(code)`,
  py`exec code`,
  py`exec 1`,
  py`x = 1 <> 2`,
  py`def f():
    exec "x = 1" in globals()`,
  py`print "a" if x else "b"`,
  py`print "unterminated`,
  py`print "a" \
    "b"`,
  py`print ("a",
       "b"`,
  py`print "a" + \
    "a very long string that goes past the first line's end"
`,
];

/** `match` statements: only the subject and the case bodies are kept, but patterns are checked. */
const MATCH: string[] = [
  py`match x:
    case 1:
        pass`,
  py`match x:
    case [1, 2, *rest]:
        pass
    case (a, b):
        pass
    case {"k": v, 1: w, **kw}:
        pass
    case Point(x=1, y=2) | Point(0, 0):
        pass
    case str() | bytes():
        pass
    case [Point(x=0, y=0), *_]:
        pass
    case -1 | 1.5 | -2j | 1 + 2j | -1 - 2j:
        pass
    case "a" | b"b" | f"c":
        pass
    case a.b.c | d.e:
        pass
    case (1 as one) | (2 as two):
        pass
    case [a, (b, c)] if a > b:
        pass
    case {**rest}:
        pass
    case {}:
        pass
    case []:
        pass
    case ():
        pass
    case x if x:
        pass
    case _:
        pass`,
  py`match x, y:
    case a, b:
        pass`,
  py`match *x, y:
    case _: pass`,
  py`match (x):
    case (1): pass`,
  py`match x:
    case 1 as _: pass`,
  py`match x:
    case 1 as a.b: pass`,
  py`match x:
    case C(a=1, b): pass`,
  py`match x:
    case C(1, a=2, 3): pass`,
  py`match x:
    case 1j + 1: pass`,
  py`match x:
    case 1 + 1: pass`,
  py`match x:
    case a + 1: pass`,
  py`match x:
    case {1: a, b}: pass`,
  py`match x:
    case 1
        pass`,
  py`match x:
    case 1:
    pass`,
  py`match x
    case 1: pass`,
  py`match x:
pass`,
  py`match x:
    pass`,
  py`match x:
    case f(): pass`,
  py`match x:
    case a.b(): pass`,
  py`match x:
    case *a: pass`,
  py`match x:
    case [*a, *b]: pass`,
  py`match x:
    case {**a, **b}: pass`,
  py`match x:
    case -a: pass`,
  py`match x:
    case (a: pass`,
  py`match x:
    case [a]
        pass`,
  py`match x:
    case a if: pass`,
  py`match x:
    case a, *b: pass`,
  py`match x:
    case a | b as c, d: pass`,
  py`match(x):
    case 1: pass`,
  py`match = 1
match.x = 2
match[0] = 3
print(match)`,
  py`match x:
    case 0b101 | 0o7 | 0x1F: pass
`,
];

/** Accepted by CPython, refused by Interleave (complex numbers, except*): the dump gives the same refusal. */
const REFUSED: string[] = [
  py`try:
    pass
except* ValueError:
    pass`,
  py`x = 1j`,
  py`x = 2 + 3J`,
];

/** Syntax errors: type, message and span as CPython 3.11.7 reports them. */
const ERRORS: string[] = [
  py`def f(x):
  return x
 y = 1`,
  py`for x in range(3):
print(x)`,
  py`while True:
    pass
  else:
    pass`,
  py`try:
x = 1
except:
    pass`,
  py`try:
    x = 1
except:
pass`,
  py`try:
    x = 1
finally:
pass`,
  py`with open(x) as f:
pass`,
  py`if x:
    pass
elif y:
pass`,
  py`if x:
    pass
else:
pass`,
  py`async def f():
pass`,
  py`class A(B):
pass`,
  py`def f()
    pass`,
  py`class A
    pass`,
  py`while x
    pass`,
  py`elif x:
    pass`,
  py`x = [1, 2, 3
print(x)`,
  py`x = {'a': 1
y = 2`,
  py`foo(a, b`,
  py`print("hello"`,
  py`x = (1, 2]`,
  py`x = [1, 2)`,
  py`x = (1,
  2]`,
  py`x = 1]`,
  py`x = }`,
  py`s = "abc
t = 1`,
  py`s = '''abc`,
  py`s = f"abc`,
  py`s = b'abc`,
  py`x = 1 2`,
  py`x = [1 2]`,
  py`f(a b)`,
  py`x = a b c`,
  py`print "a", "b"`,
  py`print x, y`,
  py`print 'hello world'`,
  py`exec "x = 1" in ns`,
  py`if x:
    print "yes"`,
  py`def f():
    print "in f"`,
  py`x = 1
print "x is", x
y = (`,
  py`import urllib2
print urllib2.urlopen(url).read()`,
  py`print
print "a"`,
  py`except Exception, e:
    pass`,
  py`try:
    pass
except (A, B), e:
    pass`,
  py`try:
    pass
except A, B:
    pass`,
  py`raise E, "msg"`,
  py`x = 0777`,
  py`x = 0o778`,
  py`x = 1.2.3`,
  py`x = 1e+`,
  py`x = 0x_`,
  py`x = 1_000_`,
  py`x = 12abc`,
  py`x = 0b2`,
  py`x = 5j`,
  py`x = 1 + 2J`,
  py`def f(x=1j): pass`,
  py`x = f"{1j}"`,
  py`x = 1j
y = = 2`,
  py`a = b = = c`,
  py`a + 1 = 2`,
  py`f() += 1`,
  py`(a, b) += 1`,
  py`None = 1`,
  py`x.None = 1`,
  py`def None(): pass`,
  py`class True: pass`,
  py`import True`,
  py`a, b += 1`,
  py`[a, b]: int`,
  py`f(x) = 1`,
  py`a if b else c = 1`,
  py`lambda: 1 = 1`,
  py`del 1`,
  py`del a + b`,
  py`del *a`,
  py`for a + b in c: pass`,
  py`for f() in x: pass`,
  py`[x for 1 in y]`,
  py`with a as f(): pass`,
  py`x = yield = 1`,
  py`x = (yield) = 1`,
  py`def f(a=1, b):
    pass`,
  py`def f(a, a=1, b):
    pass`,
  py`lambda a=1, b: 0`,
  py`def f(*a, *b): pass`,
  py`def f(**a, **b): pass`,
  py`def f(**a, *b): pass`,
  py`def f(*a=1): pass`,
  py`def f(**a=1): pass`,
  py`def f(a, *, b, /): pass`,
  py`def f(a=): pass`,
  py`def f((a, b)): pass`,
  py`lambda (a, b): 0`,
  py`def f(a, /, /): pass`,
  py`def f(/, a): pass`,
  py`def f(a=1, /, *): pass`,
  py`def f(a, b=1 /, *): pass`,
  py`lambda *: 0`,
  py`f(a=1, a)`,
  py`f(x for x in y, z for z in w)`,
  py`f(a, b for b in c)`,
  py`f(a=x for x in y)`,
  py`f(1=2)`,
  py`f(a.b=1)`,
  py`f(True=1)`,
  py`f(**a, *b)`,
  py`x = [*a for a in b]`,
  py`x = {*a for a in b}`,
  py`x = (*a for a in b)`,
  py`x = {**a for a in b}`,
  py`x = [a, b for a in c]`,
  py`x = {a, b for a in c}`,
  py`x = [a, for a in c]`,
  py`x = {1: 2, 3}`,
  py`x = {1: 2, 3:}`,
  py`x = {1:}`,
  py`x = {1: *a}`,
  py`x = {1: 2, 3: *a}`,
  py`x = {**a: 1}`,
  py`(*a)`,
  py`(**a)`,
  py`print(*a)`,
  py`x = *a`,
  py`*a = 1`,
  py`a := 1`,
  py`(a.b := 1)`,
  py`(a[0] := 1)`,
  py`((a, b) := 1)`,
  py`if x = 1:
    pass`,
  py`while x = 1:
    pass`,
  py`f(x = 1 for x in y)`,
  py`x = 1 if y`,
  py`x = 1 if y else`,
  py`x = not`,
  py`x = a.`,
  py`x = a.1`,
  py`x = a..b`,
  py`import a.`,
  py`from . import`,
  py`from a import b,`,
  py`from a import (b`,
  py`import (a)`,
  py`from a import *, b`,
  py`global`,
  py`nonlocal x,`,
  py`assert`,
  py`raise from x`,
  py`return return`,
  py`try:
    pass`,
  py`try:
    pass
else:
    pass`,
  py`try:
    pass
except:
    pass
except* E:
    pass`,
  py`try:
    pass
except* E:
    pass
except:
    pass`,
  py`try:
    pass
except* E:
    pass`,
  py`try:
    pass
except*:
    pass`,
  py`try:
    pass
except E
    pass`,
  py`try:
    pass
except
    pass`,
  py`with a as b
    pass`,
  py`with (a as b, c as d)
    pass`,
  py`for x in y
    pass`,
  py`for x y:
    pass`,
  py`for in y:
    pass`,
  py`if x
    pass
elif y
    pass`,
  py`class A(x for x in y): pass`,
  py`class A(:
    pass`,
  py`def f(:
    pass`,
  py`def f(a b): pass`,
  py`def f`,
  py`def (): pass`,
  py`def f(a, b) -> : pass`,
  py`@
def f(): pass`,
  py`@f
x = 1`,
  "x = `a`",
  py`if a <> b: pass`,
  py`x = 1 ! 2`,
  py`x = a!`,
  py`x = $a`,
  py`x = a?`,
  py`x = 1 ;; y = 2`,
  py`;`,
  py`x = 1 +  # comment`,
  py`x = (1 +  # comment`,
  py`x = "\x"`,
  py`x = "\x4"`,
  py`x = "\u00"`,
  py`x = "\U0000000"`,
  py`x = "\U11111111"`,
  py`x = b"\x"`,
  py`x = b"é"`,
  py`x = "a" b"b"`,
  py`x = b"a" "b"`,
  py`x = b"a" f"b"`,
  py`x = f"{}"`,
  py`x = f"{ }"`,
  py`x = f"{!r}"`,
  py`x = f"{:x}"`,
  py`x = f"{=}"`,
  py`x = f"{a!}"`,
  py`x = f"{a!x}"`,
  py`x = f"{a"`,
  py`x = f"{a:"`,
  py`x = f"{a!r"`,
  py`x = f"}"`,
  py`x = f"{a}}"`,
  py`x = f"{a b}"`,
  py`x = f"{a +}"`,
  py`x = f"{a:{b:{c}}}"`,
  py`x = f"{#}"`,
  py`x = f"{a#}"`,
  py`x = f"{\n}"`,
  py`x = f"{a[}"`,
  py`x = f"{a)}"`,
  py`x = f"{a(}"`,
  py`x = f"{'a}"`,
  py`x = f"{yield}"`,
  py`x = f"{a:=1}"`,
  py`x = f"{(a:=1)}"`,
  py`x = f"{a!r=}"`,
  py`x = f"{*a}"`,
  py`x = f"{a=!}"`,
  py`x = f"""{
a b}"""`,
  py`x = 1; f"{a b}"`,
  py`f"{1_}"`,
  py`f"{a!r:{b c}}"`,
  "x = \"\\",
  py`x = 1 \ 2`,
  "x = 1 \\",
  "\\",
  py`x = 1
\ y = 2`,
  "if x:\n\ta\n        b",
  "if x:\n        a\n\tb",
  "if x:\n    a\n\tb",
  py`  x = 1
y = 2`,
  py`x = 1
  y = 2`,
  py`def f():
    x = 1
      y = 2`,
  py`def f():
    x = (1,
  2)
    y = 3
      z = 4`,
  py`if x:
    pass
  pass`,
  py`class A:
    def f(self):
        pass
   def g(self):
        pass`,
  py`x = 1
    # comment
  y = 2`,
  py`x = €`,
  py`x€ = 1`,
  py`x = a · b`,
  py`x = 1 # ok
y = ⁿ`,
  py`x = "abc"def`,
  py`x = 'a' 'b' c`,
  py`f"a" x`,
  py`x = [1, 2 3]`,
  py`x = {a b}`,
  py`x = {a: b c}`,
  py`foo(1, 2 3, 4)`,
  py`print(a b, c)`,
  py`x = (a b)`,
  py`x = (yield a b)`,
  py`match x:
case 1: pass`,
  py`match x:
    case 1:
    pass`,
  py`match x
    case 1: pass`,
  py`match x:
    case 1 as _: pass`,
  py`match x:
    case 1 as 2: pass`,
  py`match x:
    case C(a=1, 2): pass`,
  py`match x:
    case 1j + 1: pass`,
  py`match x:
    case 1 + 1: pass
`,
  py`print "hello"`,
  py`x = 1
print "hello", x`,
  py`exec "code"`,
  py`  x = 1`,
  py`if x:
pass`,
  py`if x:
        a
    b`,
  py`x = (1,
y = 2`,
  py`x = (1,`,
  py`x = 1)`,
  py`s = 'abc`,
  py`s = """abc
def`,
  py`if x
  pass`,
  py`x = = 1`,
  py`print 'a' % x`,
  py`try:
  pass
except Exception, e:
  pass`,
  py`1 = x`,
  py`f() = 1`,
  py`x = [1, 2
y = 3`,
  py`for x in y
  pass`,
  py`def f():
return 1`,
  py`class A:
x = 1`,
  py`while x:`,
  py`x = = 1
s = 'abc`,
  py`x = (1]`,
  py`x = 1 +`,
  py`foo(`,
  py`def f(x):
    return x
  y = 2`,
  py`x = 08`,
  py`x = 1_`,
  py`x = 0x`,
  py`x = 1e`,
  py`x = 1abc`,
  py`a b`,
  py`x = 'a' 'b`,
  py`x = $`,
  py`x = ?`,
  py`x = a \ b`,
  py`with open(x) as f
  pass`,
  py`else:
  pass`,
  py`def f(:
  pass
`,
  py`def f():
    x = 1
  # comment
    return x
y = (`,
  py`x = 1 # c
  y`,
  py`x = [1,
  2`,
  py`if x:
    pass
  else:
    pass`,
  py`x = 'abc\
def`,
  py`x = "a"  "b`,
  py`print x`,
  py`print`,
  py`exec`,
  py`print >>f, x`,
  py`x = 1
    y = 2`,
  py`class A:
    def f(self):
        pass
     x = 1`,
  py`x = 1 +
y = (`,
  py`a = 1
b = 'x
c = (`,
  py`f(a=1, b)`,
  py`f(**a, b)`,
  py`f(x for x in y, 1)`,
  py`f(1, x for x in y)`,
  py`f(a for a in b for b in c)`,
  py`x = yield = 3`,
  py`del f()`,
  py`del (a, 1)`,
  py`for 1 in x: pass`,
  py`with a as 1: pass`,
  py`(a, b): int = 1`,
  py`a, b: int`,
  py`a.b += 1
x += 1
[a] += 1`,
  py`lambda: (yield)
def f(a=1, b): pass`,
  py`def f(*): pass`,
  py`def f(*, **k): pass`,
  py`def f(**k, a): pass`,
  py`def f(a, /, b, /): pass`,
  py`def f(/): pass`,
  py`import a.b as c, d
from . import (x, y,)
from .. import z
from ...m.n import *
from x import a,`,
  py`if x = 1: pass`,
  py`if x == 1 pass`,
  py`a = 1 if b else`,
  py`True = 1`,
  py`x = [a for a in b if]`,
  py`def f(x):
    nonlocal`,
  py`x = 0b12`,
  py`x = 0o8`,
  py`x = 0b`,
  py`x = 1__0`,
  py`x = 1.e5j`,
  py`x = 1.5_`,
  py`x = 5 if`,
  py`  # only comment
x = 1`,
  py`x = (1 +
     2) +`,
  py`match x:
    case 1:
        pass
    case [a, *b] if a > 0:
        pass`,
  py`x = 1
if x:
    y = 2
     z = 3
`,
  py`f(**abc, *b)`,
  py`f(x, **abc, *bcd)`,
  py`f(x, **abc, *bcd, e)
`,
  py`f(**a, *bcd)`,
  py`f(**a,  *  bcd)`,
  py`f(**a, *)`,
  py`f(**a, * )`,
  py`x = "\N"`,
  py`x = "ab\Nq"`,
  py`x = "\N{"`,
  py`x = "\N{}"`,
  py`x = "é\N{abc"`,
  py`x = f"\N"`,
];

const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".py"))
  .sort();
const problem = pythonProblem();

describe("parse() against CPython 3.11", () => {
  if (problem !== null) {
    it.skip(`skipped: ${problem}`, () => {});
    return;
  }
  const groups: [string, string[]][] = [
    ["valid", VALID],
    ["unicode, whitespace and encodings", UNICODE],
    ["Python 2 code", PYTHON2],
    ["match statements", MATCH],
    [
      "huge numbers",
      ["x = " + "1".repeat(4300), "x = " + "1".repeat(4301), "x = 0x" + "f".repeat(5000), "x = 1_" + "0".repeat(4300), "x = " + "1".repeat(5000) + ".5"],
    ],
    ["refused by Interleave", REFUSED],
    ["syntax errors", ERRORS],
  ];
  const seeds = seedFiles.map((f) => readFileSync(join(SEEDS, f), "utf8"));
  let expected: unknown[] = [];
  beforeAll(() => {
    expected = cpython([...groups.flatMap(([, cases]) => cases), ...seeds]);
  });
  let index = 0;
  for (const [name, cases] of groups) {
    const base = index;
    index += cases.length;
    describe(name, () => {
      cases.forEach((source, i) => {
        it(`${JSON.stringify(source).slice(0, 70)}`, () => {
          expect(ours(source)).toEqual(expected[base + i]);
        });
      });
    });
  }
  const seedBase = index;
  describe("corpus seeds", () => {
    seedFiles.forEach((file, i) => {
      it(file, () => {
        expect(ours(seeds[i])).toEqual(expected[seedBase + i]);
      });
    });
    it("s002_01 is Python 2: the print statement's SyntaxError, on CPython's line", () => {
      const i = seedFiles.indexOf("s002_01_coroutine_decorator_producer.py");
      const r = parse(seeds[i]);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.type).toBe("SyntaxError");
        expect(r.error.message).toBe("Missing parentheses in call to 'print'. Did you mean print(...)?");
        expect(r.error.line).toBe((expected[seedBase + i] as { error: { line: number } }).error.line);
      }
    });
  });
});

describe("parse() on its own", () => {
  it("gives ints beyond 2**53 - 1 as bigint, floats as {float}, bytes as Uint8Array", () => {
    const r = parse("a = 9007199254740991\nb = 9007199254740992\nc = 1.0\nd = b'\\x00A'\ne = ...\n");
    expect(r.ok).toBe(true);
    if (r.ok) {
      const values = r.module.body.map((s) => (s.kind === "Assign" && s.value.kind === "Constant" ? s.value.value : undefined));
      expect(values[0]).toBe(9007199254740991);
      expect(values[1]).toBe(9007199254740992n);
      expect(values[2]).toEqual({ float: 1 });
      expect(values[3]).toEqual({ bytes: new Uint8Array([0, 65]) });
      expect(values[4]).toEqual({ ellipsis: true });
    }
  });

  it("refuses complex literals and except* with an Interleave message", () => {
    const c = parse("x = 1\ny = 2 + 3j\n");
    expect(c).toEqual({
      ok: false,
      error: { type: "SyntaxError", message: "complex numbers are not supported by Interleave", line: 2, col: 8, endLine: 2, endCol: 10, refused: true },
    });
    const s = parse("try:\n    pass\nexcept* E:\n    pass\n");
    expect(s.ok).toBe(false);
    if (!s.ok) {
      expect(s.error.message).toBe("except* (exception groups) is not supported by Interleave");
      expect(s.error.line).toBe(3);
    }
  });

  it("prefers a real syntax error to a refusal", () => {
    const r = parse("x = 1j\ny = = 2\n");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe("invalid syntax");
      expect(r.error.line).toBe(2);
    }
  });

  it("refuses \\N{...} escapes, which need the Unicode name database", () => {
    for (const src of [py`x = "\N{BULLET}"`, py`x = f"\N{BULLET} {y}"`]) {
      const r = parse(src);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toBe("\\N{...} escapes are not supported by Interleave");
      }
    }
  });

  it("keeps CPython's f-string spans: parts span the whole literal, expressions their own text", () => {
    const r = parse('x = f"a{b!r:>{w}}" "c"\n');
    expect(r.ok).toBe(true);
    if (r.ok && r.module.body[0].kind === "Assign") {
      const js = r.module.body[0].value;
      expect(js.kind).toBe("JoinedStr");
      if (js.kind === "JoinedStr") {
        expect(js.values.map((v) => [v.kind, v.col, v.endCol])).toEqual([
          ["Constant", 4, 22],
          ["FormattedValue", 4, 22],
          ["Constant", 4, 22],
        ]);
        const fv = js.values[1];
        if (fv.kind === "FormattedValue") {
          expect(fv.value).toMatchObject({ kind: "Name", id: "b", col: 8, endCol: 9 });
          expect(fv.conversion).toBe(114);
          expect(fv.formatSpec?.values[1]).toMatchObject({ kind: "FormattedValue", value: { id: "w", col: 14 } });
        }
      }
    }
  });

  it("reports NUL bytes as python3 does for a file", () => {
    expect(parse("x = 1\ny = 2\0\n")).toEqual({
      ok: false,
      error: { type: "SyntaxError", message: "source code cannot contain null bytes", line: 2, col: -1, endLine: 2, endCol: -1 },
    });
  });

  it("parses a 1000-line program well under 100 ms", () => {
    const texts = seedFiles
      .filter((f) => f !== "s002_01_coroutine_decorator_producer.py")
      .map((f) => readFileSync(join(SEEDS, f), "utf8"));
    // Whole seed files, one after another, until the program has 1000 lines.
    let program = "";
    for (let i = 0; program.split("\n").length < 1000; i++) {
      program += texts[i % texts.length] + "\n";
    }
    parse(program);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = parse(program);
      times.push(performance.now() - t0);
      expect(r.ok).toBe(true);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(100);
  });
});
