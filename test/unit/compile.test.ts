/**
 * The compiler (simulator/python/compile.ts) as CPython 3.11's: scope classification,
 * compile-time SyntaxErrors with their spans, the code shapes the VM relies on, and a verifier
 * that walks every path of every code object of every snippet and corpus program checking
 * stack depths, handler blocks, handled exceptions and jump targets against the stack
 * effects documented in opcodes.ts. When python3 3.11 is on the machine, cells, free
 * variables, local names, qualnames and the source span of every instruction that can raise
 * are also compared with the code objects CPython itself compiles.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CodeFlag, type CodeObject, type CompileResult, type Const } from "../../simulator/python/code";
import { compileModule } from "../../simulator/python/compile";
import { disassemble, instructionsOf } from "../../simulator/python/disasm";
import { Op } from "../../simulator/python/opcodes";
import { parse } from "../../simulator/python/parse";

// ---------------------------------------------------------------- helpers

function compile(src: string, filename = "snippet.py"): CompileResult {
  const r = parse(src);
  if (!r.ok) {
    throw new Error(`does not parse: ${r.error.message} (line ${r.error.line})`);
  }
  return compileModule(r.module, filename);
}

function codeOf(src: string): CodeObject {
  const c = compile(src);
  if (!c.ok) {
    throw new Error(`does not compile: ${JSON.stringify("error" in c ? c.error : c.unsupported)}`);
  }
  return c.code;
}

function isCode(k: Const): k is CodeObject {
  return k !== null && typeof k === "object" && "kind" in k && k.kind === "code";
}

/** The code object and all nested ones, depth first in constant order. */
function allCode(co: CodeObject): CodeObject[] {
  return [co, ...co.consts.filter(isCode).flatMap(allCode)];
}

function find(co: CodeObject, qualname: string): CodeObject {
  const found = allCode(co).find((c) => c.qualname === qualname);
  if (!found) {
    throw new Error(`no code object ${qualname} in ${allCode(co).map((c) => c.qualname).join(", ")}`);
  }
  return found;
}

/** Instructions whose argument means nothing. */
const NO_ARG = new Set([
  Op.NOP, Op.POP_TOP, Op.ROT_TWO, Op.ROT_THREE, Op.ROT_FOUR, Op.DUP_TOP, Op.DUP_TOP_TWO, Op.BINARY_SUBSCR,
  Op.STORE_SUBSCR, Op.DELETE_SUBSCR, Op.LIST_TO_TUPLE, Op.GET_ITER, Op.RETURN_VALUE, Op.LOAD_BUILD_CLASS,
  Op.SETUP_ANNOTATIONS, Op.LOAD_ASSERTION_ERROR, Op.POP_BLOCK, Op.POP_EXCEPT, Op.RERAISE, Op.BEFORE_WITH,
  Op.BEFORE_ASYNC_WITH, Op.WITH_NORMAL_EXIT, Op.WITH_EXC_EXIT, Op.GET_YIELD_FROM_ITER, Op.GET_AWAITABLE,
  Op.GET_AITER, Op.GET_ANEXT, Op.END_ASYNC_FOR, Op.IMPORT_STAR, Op.MAKE_FUNCTION, Op.FORMAT_VALUE,
]);

/** `OPNAME meaning`, or `OPNAME arg` when the argument is a plain number; jumps without their target. */
function ops(co: CodeObject): string[] {
  return instructionsOf(co).map((i) => {
    if (i.argRepr.startsWith("to ")) {
      return i.name;
    }
    if (i.argRepr) {
      return `${i.name} ${i.argRepr}`;
    }
    return NO_ARG.has(i.op) ? i.name : `${i.name} ${i.arg}`;
  });
}

function spanAt(co: CodeObject, i: number): [number, number, number, number] {
  const p = co.positions;
  return [p[4 * i], p[4 * i + 1], p[4 * i + 2], p[4 * i + 3]];
}

/** The span of the first instruction named `name` (and meaning `arg`, if given). */
function spanOf(co: CodeObject, name: string, arg?: string): [number, number, number, number] {
  const i = instructionsOf(co).findIndex((x) => x.name === name && (arg === undefined || x.argRepr === arg));
  if (i < 0) {
    throw new Error(`no ${name} ${arg ?? ""} in\n${disassemble(co)}`);
  }
  return spanAt(co, i);
}

// ---------------------------------------------------------------- the stack verifier

interface HandlerBlock {
  target: number;
  depth: number;
  handled: number;
}

interface FlowState {
  depth: number;
  blocks: HandlerBlock[];
  /** Exceptions being handled (the frame's handled stack). */
  handled: number;
}

const stateKey = (s: FlowState): string =>
  `${s.depth}/${s.handled}/${s.blocks.map((b) => `${b.target}:${b.depth}:${b.handled}`).join(",")}`;

/** Pops and pushes of the instructions that neither jump nor touch blocks. */
function simpleEffect(op: Op, arg: number): [number, number] | null {
  switch (op) {
    case Op.NOP:
    case Op.DELETE_FAST:
    case Op.DELETE_DEREF:
    case Op.DELETE_NAME:
    case Op.DELETE_GLOBAL:
    case Op.SETUP_ANNOTATIONS:
      return [0, 0];
    case Op.POP_TOP:
    case Op.STORE_FAST:
    case Op.STORE_DEREF:
    case Op.STORE_NAME:
    case Op.STORE_GLOBAL:
    case Op.DELETE_ATTR:
    case Op.IMPORT_STAR:
      return [1, 0];
    case Op.ROT_TWO:
      return [2, 2];
    case Op.ROT_THREE:
      return [3, 3];
    case Op.ROT_FOUR:
      return [4, 4];
    case Op.DUP_TOP:
      return [1, 2];
    case Op.DUP_TOP_TWO:
      return [2, 4];
    case Op.LOAD_CONST:
    case Op.LOAD_FAST:
    case Op.LOAD_DEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF:
    case Op.LOAD_NAME:
    case Op.LOAD_GLOBAL:
    case Op.LOAD_BUILD_CLASS:
    case Op.LOAD_ASSERTION_ERROR:
      return [0, 1];
    case Op.LOAD_ATTR:
    case Op.UNARY:
    case Op.LIST_TO_TUPLE:
    case Op.GET_ITER:
    case Op.WITH_NORMAL_EXIT:
    case Op.YIELD_VALUE:
    case Op.GET_YIELD_FROM_ITER:
    case Op.GET_AWAITABLE:
    case Op.GET_AITER:
      return [1, 1];
    case Op.STORE_ATTR:
    case Op.DELETE_SUBSCR:
      return [2, 0];
    case Op.LOAD_METHOD:
    case Op.BEFORE_WITH:
    case Op.BEFORE_ASYNC_WITH:
    case Op.GET_ANEXT:
    case Op.IMPORT_FROM:
      return [1, 2];
    case Op.CALL_METHOD:
      return [arg + 2, 1];
    case Op.CALL_METHOD_KW:
      return [arg + 3, 1];
    case Op.CALL:
      return [arg + 1, 1];
    case Op.CALL_KW:
      return [arg + 2, 1];
    case Op.CALL_EX:
      return [2 + (arg & 1), 1];
    case Op.BINARY:
    case Op.INPLACE:
    case Op.COMPARE:
    case Op.BINARY_SUBSCR:
    case Op.IMPORT_NAME:
      return [2, 1];
    case Op.STORE_SUBSCR:
      return [3, 0];
    case Op.BUILD_SLICE:
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
      return [arg, 1];
    case Op.BUILD_MAP:
      return [2 * arg, 1];
    case Op.FORMAT_VALUE:
      return [arg & 4 ? 2 : 1, 1];
    case Op.UNPACK_SEQUENCE:
      return [1, arg];
    case Op.UNPACK_EX:
      return [1, (arg & 0xff) + (arg >> 8) + 1];
    case Op.MAKE_FUNCTION:
      return [2 + (arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1), 1];
    case Op.WITH_EXC_EXIT:
      return [2, 3];
    default:
      return null;
  }
}

/**
 * Follows every path through `co` from its first instruction. Each instruction must be reached
 * with one and the same state (stack depth, handler blocks, handled exceptions); the stack
 * never goes negative; collection ops reach an existing collection; jumps land on instructions;
 * RETURN_VALUE leaves exactly the value and no block or handled exception behind; control
 * never runs off the end. Returns the problems found.
 */
function verify(co: CodeObject): string[] {
  const problems: string[] = [];
  const n = co.code.length >> 1;
  const seen = new Map<number, string>();
  const work: [number, FlowState][] = [[0, { depth: 0, blocks: [], handled: 0 }]];
  const fail = (pc: number, msg: string): void => {
    problems.push(`${co.qualname} @${pc}: ${msg}`);
  };
  while (work.length && problems.length < 5) {
    const [pc, s] = work.pop()!;
    if (pc < 0 || pc >= n) {
      fail(pc, "control reaches outside the code");
      continue;
    }
    const key = stateKey(s);
    const before = seen.get(pc);
    if (before !== undefined) {
      if (before !== key) {
        fail(pc, `reached with state ${key} and ${before}`);
      }
      continue;
    }
    seen.set(pc, key);
    const op = co.code[2 * pc] as Op;
    const arg = co.code[2 * pc + 1];
    const need = (k: number): boolean => {
      if (s.depth < k) {
        fail(pc, `needs ${k} stack items, has ${s.depth}`);
        return false;
      }
      return true;
    };
    const go = (to: number, st: FlowState): void => {
      work.push([to, st]);
    };
    const withDepth = (d: number): FlowState => ({ ...s, depth: d });
    const simple = simpleEffect(op, arg);
    if (simple !== null) {
      if (need(simple[0])) {
        go(pc + 1, withDepth(s.depth - simple[0] + simple[1]));
      }
      continue;
    }
    switch (op) {
      case Op.LIST_APPEND:
      case Op.SET_ADD:
      case Op.LIST_EXTEND:
      case Op.SET_UPDATE:
      case Op.DICT_UPDATE:
        if (need(1) && need(arg + 1)) {
          go(pc + 1, withDepth(s.depth - 1));
        }
        break;
      case Op.DICT_MERGE:
        if (need(arg + 3)) {
          go(pc + 1, withDepth(s.depth - 1));
        }
        break;
      case Op.MAP_ADD:
        if (need(arg + 2)) {
          go(pc + 1, withDepth(s.depth - 2));
        }
        break;
      case Op.JUMP:
        go(arg, s);
        break;
      case Op.POP_JUMP_IF_FALSE:
      case Op.POP_JUMP_IF_TRUE:
      case Op.JUMP_IF_NOT_EXC_MATCH:
        if (need(1)) {
          go(arg, withDepth(s.depth - 1));
          go(pc + 1, withDepth(s.depth - 1));
        }
        break;
      case Op.JUMP_IF_FALSE_OR_POP:
      case Op.JUMP_IF_TRUE_OR_POP:
        if (need(1)) {
          go(arg, s);
          go(pc + 1, withDepth(s.depth - 1));
        }
        break;
      case Op.FOR_ITER:
        if (need(1)) {
          go(arg, withDepth(s.depth - 1));
          go(pc + 1, withDepth(s.depth + 1));
        }
        break;
      case Op.SEND:
        if (need(2)) {
          go(arg, withDepth(s.depth - 1));
          go(pc + 1, s);
        }
        break;
      case Op.SETUP_HANDLER:
      case Op.SETUP_WITH: {
        const depth = op === Op.SETUP_WITH ? s.depth - 1 : s.depth;
        if (need(op === Op.SETUP_WITH ? 1 : 0)) {
          go(arg, { depth: depth + 1, blocks: s.blocks, handled: s.handled + 1 });
          go(pc + 1, { ...s, blocks: [...s.blocks, { target: arg, depth, handled: s.handled }] });
        }
        break;
      }
      case Op.POP_BLOCK:
        if (s.blocks.length === 0) {
          fail(pc, "POP_BLOCK without a block");
        } else {
          go(pc + 1, { ...s, blocks: s.blocks.slice(0, -1) });
        }
        break;
      case Op.POP_EXCEPT:
        if (s.handled === 0) {
          fail(pc, "POP_EXCEPT without a handled exception");
        } else {
          go(pc + 1, { ...s, handled: s.handled - 1 });
        }
        break;
      case Op.END_ASYNC_FOR:
        if (need(2)) {
          if (s.handled === 0) {
            fail(pc, "END_ASYNC_FOR without a handled exception");
          }
          go(pc + 1, { ...s, depth: s.depth - 2, handled: s.handled - 1 });
        }
        break;
      case Op.RETURN_VALUE:
        if (s.depth !== 1 || s.blocks.length !== 0 || s.handled !== 0) {
          fail(pc, `RETURN_VALUE in state ${key} (expected 1//)`);
        }
        break;
      case Op.RAISE_VARARGS:
        need(arg);
        break;
      case Op.RERAISE:
        need(1);
        break;
      default:
        fail(pc, `unknown opcode ${op}`);
    }
  }
  return problems;
}

function verifyAll(co: CodeObject): string[] {
  return allCode(co).flatMap(verify);
}

// ---------------------------------------------------------------- snippets

/** Programs covering every construct the compiler handles; each must compile and verify. */
const SNIPPETS: Record<string, string> = {
  closures: `
def outer(a, b=2, *args, c, d=4, **kw):
    """doc"""
    e = a + b
    def inner(f):
        nonlocal e
        e += f
        return e + c
    g = lambda q: q * a
    return inner, g
`,
  classes: `
class C(Base, metaclass=Meta, flag=True):
    """class doc"""
    attr: int = 1
    other: str
    __private = 2
    def method(self, x):
        return super().method(x) + self.__private
    @staticmethod
    def s(*a, **k):
        return __class__
    class Inner:
        def m(self):
            return __class__
@dec1
@dec2(arg)
class D(*bases, **kw):
    pass
`,
  generators: `
def gen():
    x = yield 1
    y = yield
    z = yield from other()
    return x
g = (x * 2 for x in range(10) if x)
`,
  asyncs: `
async def coro(a):
    b = await a
    async with a as c, b as d:
        return c
    async for i in a:
        if i:
            break
        continue
    else:
        pass
    return [j async for j in a if await j]
async def agen():
    yield 1
    async with x:
        yield 2
`,
  comprehensions: `
def comps(xs):
    a = [x for x in xs if x if x > 1]
    b = {x for x in xs for y in x}
    c = {x: y for x, y in xs}
    d = (x * y for x in xs for y in [x])
    e = [y := x for x in xs]
    f = [[i * j for j in range(i)] for i in xs]
    return a, b, c, d, e, f, y
`,
  displaysAndTargets: `
def f2():
    global gg
    gg = 1
    del gg
    xs = [1, 2, 3, 4]
    ys = [*xs, 5]
    zs = (*xs, 5)
    s = {*xs}
    m = {**{}, 'k': 1, **{}}
    xs[1:2] = ys[::2]
    xs[1:2, 3] = 0
    del xs[0], ys[1:], zs.a
    a, *b, c = xs
    [p, q] = 1, 2
    p, q = q, p
    p, q, r = r, q, p
    x.a, x.b = x.b, x.a
    t = a if b else c
    w = a < b < c
    return f"{a}{b!r:>{c}}" f"{t=}", "%s-%r" % (a, b)
print(*args, **kwargs)
print(1, *a, 2, *b, k=1, **c, j=2)
obj.m(1, k=2)
obj.m(*a)
obj.m(**k)
x.y.z = 3
x[1] += 2
x.a -= 1
y //= 4
assert x, "msg"
assert y
`,
  loopsAndExceptions: `
def f1(xs):
    for x in xs:
        try:
            if x:
                return x
            elif x > 3:
                break
            else:
                continue
        finally:
            print("fin")
    else:
        return None
    while True:
        try:
            pass
        except ValueError as e:
            return e
        except (TypeError, KeyError):
            break
        except:
            raise
        else:
            continue
        finally:
            return 5
    with open(f) as g, open(h):
        return g.read()
def f2():
    try:
        1 / 0
    except ZeroDivisionError as e:
        try:
            raise ValueError from e
        finally:
            del e
    while x:
        with lock:
            if y:
                break
            continue
    try:
        pass
    finally:
        for i in range(3):
            if i:
                break
            continue
        else:
            return 1
`,
  unwinding: `
def r1():
    for i in x:
        with a:
            try:
                for j in y:
                    try:
                        return i + j
                    except E as e:
                        return e
                    finally:
                        if j:
                            continue
                        break
            finally:
                return 7
def r2():
    try:
        raise X
    except X as e:
        for k in e:
            return k
    finally:
        try:
            return 1
        finally:
            pass
def r3():
    while 1:
        try:
            try:
                break
            finally:
                continue
        except:
            return 2
async def r4():
    async for a in b:
        async with c as d:
            try:
                return await d
            finally:
                break
`,
  imports: `
import os.path
import a.b.c as d
from . import x
from ..m import y as z, w
from m import *
def imp():
    import json
    from json import loads as l
    return json, l
`,
  scoping: `
class K:
    x = 1
    def m(self):
        return x
    y = [x for _ in range(3)]
    z = (lambda: x)()
def outer():
    x = 1
    class K2:
        x = 2
        def m(self):
            return x
        def n(self):
            nonlocal x
            x = 3
        y = x
    def g():
        return K2
    return g
def shadow(a):
    def inner():
        return a
    a = 2
    del a
    return inner
`,
  misc: `
class Node:
    __slots__ = ("value", "__next")
    def __init__(self, value: int, nxt: "Node | None" = None) -> None:
        self.value, self.__next = value, nxt
    def walk(self):
        node = self
        while node is not None and not node.value in (0, None):
            yield node.value
            node = node.__next
def f(xs, *, key=lambda v: v, **kw):
    total = sum(x for x in xs if x > 0)
    pairs = {k: v for k, v in [(1, 2)]}
    first, *rest = sorted(xs, key=key, reverse=kw.get("rev", False))
    assert first <= total, "%s > %r" % (first, total)
    msg = f"{first!r:>{len(rest)}} {total:.2f} {'x' * 3}"
    return (first, rest, pairs, msg) if total else None
`,
  futureAnnotations: `
from __future__ import annotations
x: list[int] = []
class P:
    y: dict[str, "P"] | None = None
`,
};

// ---------------------------------------------------------------- scopes

describe("scopes", () => {
  it("puts captured locals in cells and reads them through free variables", () => {
    const co = codeOf(`
def f(a, b):
    x = 1
    def g():
        return x + a
    return g
`);
    const f = find(co, "f");
    const g = find(co, "f.<locals>.g");
    expect(f.varnames).toEqual(["a", "b", "g"]);
    expect(f.cellvars).toEqual(["a", "x"]);
    expect(f.cell2arg).toEqual([0, -1]);
    expect(g.freevars).toEqual(["a", "x"]);
    expect(ops(g)).toEqual(["LOAD_DEREF x", "LOAD_DEREF a", "BINARY +", "RETURN_VALUE"]);
    expect(ops(f)).toContain("LOAD_CLOSURE a");
    expect(ops(f)).toContain("STORE_DEREF x");
    expect(ops(f)).toContain("MAKE_FUNCTION closure");
  });

  it("uses FAST for locals, GLOBAL for implicit and declared globals, NAME at module level", () => {
    const co = codeOf(`
y = 0
def f(a):
    global y
    y = a
    b = len(a)
    return b
`);
    expect(ops(find(co, "f"))).toEqual([
      "LOAD_FAST a",
      "STORE_GLOBAL y",
      "LOAD_GLOBAL len",
      "LOAD_FAST a",
      "CALL 1",
      "STORE_FAST b",
      "LOAD_FAST b",
      "RETURN_VALUE",
    ]);
    // A name declared global in any function is global in the module's own table too.
    expect(ops(co)[1]).toBe("STORE_GLOBAL y");
  });

  it("hides class bodies from the functions nested in them", () => {
    const co = codeOf(`
class C:
    x = 1
    def m(self):
        return x
    y = [x for _ in range(3)]
`);
    expect(ops(find(co, "C.m"))).toContain("LOAD_GLOBAL x");
    expect(ops(find(co, "C.<listcomp>"))).toContain("LOAD_GLOBAL x");
    expect(ops(find(co, "C"))).toContain("STORE_NAME x");
  });

  it("reads a free variable in a class body with LOAD_CLASSDEREF", () => {
    const co = codeOf(`
def f():
    x = 1
    class C:
        y = x
        def m(self):
            return x
    return C
`);
    const c = find(co, "f.<locals>.C");
    expect(c.freevars).toEqual(["x"]);
    expect(ops(c)).toContain("LOAD_CLASSDEREF x");
    expect(ops(find(co, "f.<locals>.C.m"))).toContain("LOAD_DEREF x");
  });

  it("lets a class attribute and a method's free variable share a name", () => {
    const co = codeOf(`
def f():
    x = 1
    class C:
        x = 2
        def m(self):
            return x
    return C
`);
    const c = find(co, "f.<locals>.C");
    expect(c.freevars).toEqual(["x"]);
    expect(ops(c)).toContain("STORE_NAME x");
    expect(ops(c)).toContain("LOAD_CLOSURE x");
  });

  it("binds nonlocal names in the enclosing function", () => {
    const co = codeOf(`
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
`);
    expect(find(co, "counter").cellvars).toEqual(["n"]);
    expect(ops(find(co, "counter.<locals>.inc"))).toEqual([
      "LOAD_DEREF n",
      "LOAD_CONST 1",
      "INPLACE +=",
      "STORE_DEREF n",
      "LOAD_DEREF n",
      "RETURN_VALUE",
    ]);
  });

  it("gives methods using super() a __class__ cell filled by the class body", () => {
    const co = codeOf(`
class C(B):
    def m(self):
        return super().m()
`);
    const c = find(co, "C");
    expect(c.cellvars).toEqual(["__class__"]);
    expect(ops(c).slice(-2)).toEqual(["LOAD_CLOSURE __class__", "RETURN_VALUE"]);
    const m = find(co, "C.m");
    expect(m.freevars).toEqual(["__class__"]);
    expect(ops(m).slice(0, 4)).toEqual(["LOAD_GLOBAL super", "CALL 0", "LOAD_METHOD m", "CALL_METHOD 0"]);
    const plain = find(codeOf("class D:\n    def m(self):\n        return 1\n"), "D");
    expect(plain.cellvars).toEqual([]);
    expect(ops(plain).slice(-2)).toEqual(["LOAD_CONST None", "RETURN_VALUE"]);
  });

  it("compiles comprehensions as functions of the first iterator", () => {
    const co = codeOf(`
def f(xs, k):
    return [x * k for x in xs if x]
`);
    expect(ops(find(co, "f"))).toEqual([
      "LOAD_CLOSURE k",
      "BUILD_TUPLE 1",
      "LOAD_CONST <code object <listcomp>, file \"snippet.py\", line 3>",
      "LOAD_CONST 'f.<locals>.<listcomp>'",
      "MAKE_FUNCTION closure",
      "LOAD_FAST xs",
      "GET_ITER",
      "CALL 1",
      "RETURN_VALUE",
    ]);
    const lc = find(co, "f.<locals>.<listcomp>");
    expect(lc.argcount).toBe(1);
    expect(lc.varnames).toEqual([".0", "x"]);
    expect(lc.freevars).toEqual(["k"]);
    expect(ops(lc)).toEqual([
      "BUILD_LIST 0",
      "LOAD_FAST .0",
      "FOR_ITER",
      "STORE_FAST x",
      "LOAD_FAST x",
      "POP_JUMP_IF_FALSE",
      "LOAD_FAST x",
      "LOAD_DEREF k",
      "BINARY *",
      "LIST_APPEND 2",
      "JUMP",
      "RETURN_VALUE",
    ]);
  });

  it("binds a walrus inside a comprehension in the enclosing scope", () => {
    const inFunction = codeOf("def f(xs):\n    [y := x for x in xs]\n    return y\n");
    expect(find(inFunction, "f").cellvars).toEqual(["y"]);
    expect(ops(find(inFunction, "f.<locals>.<listcomp>"))).toContain("STORE_DEREF y");
    const atModule = codeOf("[y := x for x in xs]\nprint(y)\n");
    expect(ops(find(atModule, "<listcomp>"))).toContain("STORE_GLOBAL y");
    expect(ops(atModule)).toContain("LOAD_GLOBAL y");
  });

  it("mangles private names inside classes", () => {
    const co = codeOf(`
class _C:
    __x = 1
    __dunder__ = 2
    def __m(self):
        return self.__x + __y + self.__dunder__
`);
    expect(find(co, "_C").names).toContain("_C__x");
    expect(find(co, "_C").names).toContain("__dunder__");
    expect(ops(find(co, "_C")).slice(-5, -3)).toEqual(["LOAD_CONST '_C.__m'", "MAKE_FUNCTION"]);
    expect(ops(find(co, "_C")).at(-3)).toBe("STORE_NAME _C__m");
    const m = find(co, "_C.__m");
    expect(m.name).toBe("__m");
    expect(ops(m)).toContain("LOAD_ATTR _C__x");
    expect(ops(m)).toContain("LOAD_GLOBAL _C__y");
    expect(ops(m)).toContain("LOAD_ATTR __dunder__");
  });

  it("names code objects as CPython's __qualname__", () => {
    const co = codeOf(`
def f():
    def g():
        return lambda: [x for x in y]
    class C:
        def m(self): pass
    global h
    def h(): pass
class D:
    def n(self):
        return (z for z in w)
`);
    expect(allCode(co).map((c) => c.qualname)).toEqual([
      "<module>",
      "f",
      "f.<locals>.g",
      "f.<locals>.g.<locals>.<lambda>",
      "f.<locals>.g.<locals>.<lambda>.<locals>.<listcomp>",
      "f.<locals>.C",
      "f.<locals>.C.m",
      "h",
      "D",
      "D.n",
      "D.n.<locals>.<genexpr>",
    ]);
  });

  it("orders parameters as CPython: positional, keyword-only, *args, **kwargs, then locals", () => {
    const h = find(codeOf("def h(a, /, b=1, *c, d, e=2, **k):\n    z = 1\n"), "h");
    expect(h.varnames).toEqual(["a", "b", "d", "e", "c", "k", "z"]);
    expect([h.argcount, h.posonlyargcount, h.kwonlyargcount]).toEqual([2, 1, 2]);
    expect(h.flags & (CodeFlag.VarArgs | CodeFlag.VarKeywords)).toBe(CodeFlag.VarArgs | CodeFlag.VarKeywords);
  });
});

// ---------------------------------------------------------------- errors

describe("compile-time errors", () => {
  // Message and span as CPython 3.11 reports them (offsets made 0-based, as the AST's).
  const cases: [string, string, number, number, number, number][] = [
    ["return", "'return' outside function", 1, 0, 1, 6],
    ["class C:\n  return 1", "'return' outside function", 2, 2, 2, 10],
    ["yield 1", "'yield' outside function", 1, 0, 1, 7],
    ["class C:\n  x = yield", "'yield' outside function", 2, 6, 2, 11],
    ["await x", "'await' outside function", 1, 0, 1, 7],
    ["def f():\n  await x", "'await' outside async function", 2, 2, 2, 9],
    ["break", "'break' outside loop", 1, 0, 1, 5],
    ["for x in y:\n  def f():\n    continue", "'continue' not properly in loop", 3, 4, 3, 12],
    ["nonlocal x", "nonlocal declaration not allowed at module level", 1, 0, 1, 10],
    ["def f():\n  nonlocal y", "no binding for nonlocal 'y' found", 2, 2, 2, 12],
    ["def f(x):\n  global x", "name 'x' is parameter and global", 2, 2, 2, 10],
    ["def f():\n  x = 1\n  global x", "name 'x' is assigned to before global declaration", 3, 2, 3, 10],
    ["def f():\n  print(x)\n  global x", "name 'x' is used prior to global declaration", 3, 2, 3, 10],
    ["def f():\n  x: int\n  global x", "annotated name 'x' can't be global", 3, 2, 3, 10],
    ["def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 9, 1, 10],
    ["lambda a, a: 1", "duplicate argument 'a' in function definition", 1, 10, 1, 11],
    ["def f():\n  [(yield x) for x in y]", "'yield' inside list comprehension", 2, 4, 2, 11],
    ["def f():\n  {(yield x) for x in y}", "'yield' inside set comprehension", 2, 4, 2, 11],
    ["def f():\n  ((yield x) for x in y)", "'yield' inside generator expression", 2, 4, 2, 11],
    ["def f():\n  yield from x\nasync def g():\n  yield from x", "'yield from' inside async function", 4, 2, 4, 14],
    ["async def f():\n  yield 1\n  return 2", "'return' with value in async generator", 3, 2, 3, 10],
    ["def f():\n  return [x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 2, 9, 2, 29],
    ["def f():\n  async for x in y: pass", "'async for' outside async function", 2, 2, 2, 24],
    ["def f():\n  async with x: pass", "'async with' outside async function", 2, 2, 2, 20],
    ["class C:\n  [y := 1 for x in z]", "assignment expression within a comprehension cannot be used in a class body", 2, 3, 2, 4],
    ["[x for x in (y := [1])]", "assignment expression cannot be used in a comprehension iterable expression", 1, 13, 1, 21],
    ["[i := 0 for i in y]", "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 1, 1, 2],
    ["def f():\n  from m import *", "import * only allowed at module level", 2, 16, 2, 17],
    ["a, *b, *c = d", "multiple starred expressions in assignment", 1, 0, 1, 9],
    ["*a = b", "starred assignment target must be in a list or tuple", 1, 0, 1, 2],
    ["x = *a", "can't use starred expression here", 1, 4, 1, 6],
    ["f(a=1, a=2)", "keyword argument repeated: a", 1, 7, 1, 10],
    ["o.m(a=1, a=2)", "keyword argument repeated: a", 1, 9, 1, 12],
    ["try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "default 'except:' must be last", 3, 0, 4, 6],
    ["x=1\nfrom __future__ import annotations", "from __future__ imports must occur at the beginning of the file", 2, 0, 2, 34],
  ];
  for (const [src, message, line, col, endLine, endCol] of cases) {
    it(`${JSON.stringify(src)} → ${message}`, () => {
      const r = compile(src);
      expect(r.ok).toBe(false);
      if (!r.ok && "error" in r) {
        expect(r.error).toEqual({ type: "SyntaxError", message, line, col, endLine, endCol });
      } else {
        throw new Error(`expected a SyntaxError, got ${JSON.stringify(r)}`);
      }
    });
  }

  it("checks __future__ features", () => {
    for (const [src, message] of [
      ["from __future__ import braces", "not a chance"],
      ["from __future__ import nope", "future feature nope is not defined"],
    ]) {
      const r = compile(src);
      expect(!r.ok && "error" in r && r.error.message).toBe(message);
    }
    expect(compile('"""doc"""\nfrom __future__ import annotations\nx: int = 1\n').ok).toBe(true);
  });

  it("accepts what CPython accepts", () => {
    for (const src of [
      "class C:\n  def f(self):\n    nonlocal __class__",
      "async def f():\n  return [x async for x in y]",
      "async def f():\n  return [await x for x in y]",
      "def f():\n  return (await x for x in y)",
      "for x in y:\n  try:\n    pass\n  finally:\n    break",
      "print(*a)",
    ]) {
      expect(compile(src).ok, src).toBe(true);
    }
  });

  it("refuses the match statement as unsupported", () => {
    const r = compile("x = 1\nmatch x:\n    case 1:\n        pass\n");
    expect(r).toMatchObject({ ok: false, unsupported: { what: "the match statement", line: 2, col: 0 } });
  });
});

// ---------------------------------------------------------------- code shapes

describe("code shapes", () => {
  it("calls methods with LOAD_METHOD, other callables with CALL, and unpacking with CALL_EX", () => {
    expect(ops(codeOf("o.m(1, k=2)"))).toEqual([
      "LOAD_NAME o",
      "LOAD_METHOD m",
      "LOAD_CONST 1",
      "LOAD_CONST 2",
      "LOAD_CONST ('k',)",
      "CALL_METHOD_KW 2",
      "POP_TOP",
      "LOAD_CONST None",
      "RETURN_VALUE",
    ]);
    expect(ops(codeOf("f(a, b=c)")).slice(0, 5)).toEqual(["LOAD_NAME f", "LOAD_NAME a", "LOAD_NAME c", "LOAD_CONST ('b',)", "CALL_KW 2"]);
    expect(ops(codeOf("f(*a)")).slice(0, 3)).toEqual(["LOAD_NAME f", "LOAD_NAME a", "CALL_EX 0"]);
    expect(ops(codeOf("f(1, *a, k=2, **m)")).slice(0, 13)).toEqual([
      "LOAD_NAME f",
      "LOAD_CONST 1",
      "BUILD_LIST 1",
      "LOAD_NAME a",
      "LIST_EXTEND 1",
      "LIST_TO_TUPLE",
      "LOAD_CONST 'k'",
      "LOAD_CONST 2",
      "BUILD_MAP 1",
      "LOAD_NAME m",
      "DICT_MERGE 1",
      "CALL_EX 1",
      "POP_TOP",
    ]);
    // A call on an imported module is an attribute load and a call, as in CPython.
    expect(ops(codeOf("import time\ntime.sleep(1)")).slice(4, 8)).toEqual([
      "LOAD_NAME time",
      "LOAD_ATTR sleep",
      "LOAD_CONST 1",
      "CALL 1",
    ]);
  });

  it("builds classes with __build_class__", () => {
    const co = codeOf("class C(A, metaclass=M):\n    '''doc'''\n    x: int = 1\n");
    expect(ops(co).slice(0, 9)).toEqual([
      "LOAD_BUILD_CLASS",
      "LOAD_CONST <code object C, file \"snippet.py\", line 1>",
      "LOAD_CONST 'C'",
      "MAKE_FUNCTION",
      "LOAD_CONST 'C'",
      "LOAD_NAME A",
      "LOAD_NAME M",
      "LOAD_CONST ('metaclass',)",
      "CALL_KW 4",
    ]);
    const c = find(co, "C");
    expect(c.argcount).toBe(0);
    expect(c.doc).toBe("doc");
    expect(ops(c)).toEqual([
      "LOAD_NAME __name__",
      "STORE_NAME __module__",
      "LOAD_CONST 'C'",
      "STORE_NAME __qualname__",
      "SETUP_ANNOTATIONS",
      "LOAD_CONST 'doc'",
      "STORE_NAME __doc__",
      "LOAD_CONST 1",
      "STORE_NAME x",
      "LOAD_NAME int",
      "LOAD_NAME __annotations__",
      "LOAD_CONST 'x'",
      "STORE_SUBSCR",
      "LOAD_CONST None",
      "RETURN_VALUE",
    ]);
  });

  it("evaluates decorators first and applies them innermost first", () => {
    const co = codeOf("@a\n@b(1)\ndef f(x=1, *, y=2): pass\n");
    expect(ops(co).slice(0, 12)).toEqual([
      "LOAD_NAME a",
      "LOAD_NAME b",
      "LOAD_CONST 1",
      "CALL 1",
      "LOAD_CONST (1,)",
      "LOAD_CONST 'y'",
      "LOAD_CONST 2",
      "BUILD_MAP 1",
      "LOAD_CONST <code object f, file \"snippet.py\", line 1>",
      "LOAD_CONST 'f'",
      "MAKE_FUNCTION defaults, kwdefaults",
      "CALL 1",
    ]);
    expect(ops(co).slice(12, 14)).toEqual(["CALL 1", "STORE_NAME f"]);
    expect(find(co, "f").firstLine).toBe(1);
  });

  it("compiles imports as CPython 3.11", () => {
    expect(ops(codeOf("import a.b.c")).slice(0, 4)).toEqual(["LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b.c", "STORE_NAME a"]);
    expect(ops(codeOf("import a.b.c as d")).slice(2, 9)).toEqual([
      "IMPORT_NAME a.b.c",
      "IMPORT_FROM b",
      "ROT_TWO",
      "POP_TOP",
      "IMPORT_FROM c",
      "STORE_NAME d",
      "POP_TOP",
    ]);
    expect(ops(codeOf("from .m import x as y, z")).slice(0, 8)).toEqual([
      "LOAD_CONST 1",
      "LOAD_CONST ('x', 'z')",
      "IMPORT_NAME m",
      "IMPORT_FROM x",
      "STORE_NAME y",
      "IMPORT_FROM z",
      "STORE_NAME z",
      "POP_TOP",
    ]);
    expect(ops(codeOf("from m import *")).slice(0, 4)).toEqual(["LOAD_CONST 0", "LOAD_CONST ('*',)", "IMPORT_NAME m", "IMPORT_STAR"]);
  });

  it("compiles assignments, augmented assignments and deletions", () => {
    expect(ops(codeOf("a = b = c")).slice(0, 4)).toEqual(["LOAD_NAME c", "DUP_TOP", "STORE_NAME a", "STORE_NAME b"]);
    expect(ops(codeOf("a, *b, c = d")).slice(0, 5)).toEqual(["LOAD_NAME d", "UNPACK_EX 1, 1", "STORE_NAME a", "STORE_NAME b", "STORE_NAME c"]);
    expect(ops(codeOf("a.b += 1")).slice(0, 7)).toEqual([
      "LOAD_NAME a",
      "DUP_TOP",
      "LOAD_ATTR b",
      "LOAD_CONST 1",
      "INPLACE +=",
      "ROT_TWO",
      "STORE_ATTR b",
    ]);
    expect(ops(codeOf("a[i] *= 2")).slice(0, 8)).toEqual([
      "LOAD_NAME a",
      "LOAD_NAME i",
      "DUP_TOP_TWO",
      "BINARY_SUBSCR",
      "LOAD_CONST 2",
      "INPLACE *=",
      "ROT_THREE",
      "STORE_SUBSCR",
    ]);
    expect(ops(codeOf("del a, b.c, d[e]")).slice(0, 6)).toEqual([
      "DELETE_NAME a",
      "LOAD_NAME b",
      "DELETE_ATTR c",
      "LOAD_NAME d",
      "LOAD_NAME e",
      "DELETE_SUBSCR",
    ]);
    expect(ops(find(codeOf("def f(p, q):\n    p, q = q, p\n"), "f")).slice(0, 4)).toEqual([
      "LOAD_FAST q",
      "LOAD_FAST p",
      "STORE_FAST q",
      "STORE_FAST p",
    ]);
    expect(ops(codeOf("p, q = q, p")).slice(0, 5)).toEqual(["LOAD_NAME q", "LOAD_NAME p", "ROT_TWO", "STORE_NAME p", "STORE_NAME q"]);
  });

  it("compiles expressions: boolean operators, chained comparisons, slices, f-strings, constants", () => {
    expect(ops(codeOf("x = a and b or c")).slice(0, 5)).toEqual([
      "LOAD_NAME a",
      "JUMP_IF_FALSE_OR_POP",
      "LOAD_NAME b",
      "JUMP_IF_TRUE_OR_POP",
      "LOAD_NAME c",
    ]);
    expect(ops(codeOf("x = a < b < c")).slice(0, 11)).toEqual([
      "LOAD_NAME a",
      "LOAD_NAME b",
      "DUP_TOP",
      "ROT_THREE",
      "COMPARE <",
      "JUMP_IF_FALSE_OR_POP",
      "LOAD_NAME c",
      "COMPARE <",
      "JUMP",
      "ROT_TWO",
      "POP_TOP",
    ]);
    expect(ops(codeOf("x = a[1:2, ::3]")).slice(0, 9)).toEqual([
      "LOAD_NAME a",
      "LOAD_CONST 1",
      "LOAD_CONST 2",
      "BUILD_SLICE 2",
      "LOAD_CONST None",
      "LOAD_CONST None",
      "LOAD_CONST 3",
      "BUILD_SLICE 3",
      "BUILD_TUPLE 2",
    ]);
    expect(ops(codeOf("x = f'a{b!r:>{w}}c{d}'")).slice(0, 10)).toEqual([
      "LOAD_CONST 'a'",
      "LOAD_NAME b",
      "LOAD_CONST '>'",
      "LOAD_NAME w",
      "FORMAT_VALUE",
      "BUILD_STRING 2",
      "FORMAT_VALUE repr, with format",
      "LOAD_CONST 'c'",
      "LOAD_NAME d",
      "FORMAT_VALUE",
    ]);
    expect(ops(codeOf("x = '%s and %r' % (a, b)")).slice(0, 6)).toEqual([
      "LOAD_NAME a",
      "FORMAT_VALUE str",
      "LOAD_CONST ' and '",
      "LOAD_NAME b",
      "FORMAT_VALUE repr",
      "BUILD_STRING 3",
    ]);
    expect(ops(codeOf("x = (1, -2, (3.0, 'a'), 2 ** 10, '-' * 3, not 1)"))[0]).toBe("LOAD_CONST (1, -2, (3.0, 'a'), 1024, '---', False)");
    expect(ops(codeOf("x = [1, 2, 3]")).slice(0, 3)).toEqual(["BUILD_LIST 0", "LOAD_CONST (1, 2, 3)", "LIST_EXTEND 1"]);
    expect(ops(codeOf("x = {**a, 'k': v}")).slice(0, 6)).toEqual([
      "BUILD_MAP 0",
      "LOAD_NAME a",
      "DICT_UPDATE 1",
      "LOAD_CONST 'k'",
      "LOAD_NAME v",
      "BUILD_MAP 1",
    ]);
  });

  it("keeps 1, 1.0, True, 0.0 and -0.0 apart in the constant table", () => {
    const co = codeOf("a = 1\nb = 1.0\nc = True\nd = 1\ne = 0.0\nf = -0.0\n");
    expect(co.consts).toEqual([1, { float: 1 }, true, { float: 0 }, { float: -0 }, null]);
    expect(Object.is((co.consts[4] as { float: number }).float, -0)).toBe(true);
  });

  it("compiles each nested definition once, even where its code is emitted twice", () => {
    const co = find(codeOf("def f(y):\n    while any(x for x in y):\n        pass\n    try:\n        pass\n    finally:\n        def g(): pass\n"), "f");
    expect(co.consts.filter(isCode).map((k) => k.name)).toEqual(["<genexpr>", "g"]);
    expect(ops(co).filter((o) => o.startsWith("LOAD_CONST <code")).length).toBe(4);
    // Only dead code loads a trailing constant: it is dropped (trim_unused_consts).
    const dead = find(codeOf("def h():\n    return 1\n    def unreachable(): pass\n"), "h");
    expect(dead.consts.filter(isCode)).toEqual([]);
    expect(ops(dead)).toEqual(["LOAD_CONST 1", "RETURN_VALUE"]);
  });

  it("marks generators, coroutines and async generators", () => {
    const co = codeOf(`
def g(): yield
async def c(): await x
async def ag(): yield
def plain(): return (x for x in y)
def cb(): return lambda: (yield)
`);
    expect(find(co, "g").flags & CodeFlag.Generator).toBeTruthy();
    expect(find(co, "c").flags & CodeFlag.Coroutine).toBeTruthy();
    expect(find(co, "ag").flags & CodeFlag.AsyncGenerator).toBeTruthy();
    expect(find(co, "plain").flags & (CodeFlag.Generator | CodeFlag.Coroutine)).toBe(0);
    expect(find(co, "plain.<locals>.<genexpr>").flags & CodeFlag.Generator).toBeTruthy();
    expect(find(co, "cb").flags & CodeFlag.Generator).toBe(0);
    expect(find(co, "cb.<locals>.<lambda>").flags & CodeFlag.Generator).toBeTruthy();
  });

  it("keeps docstrings and ends every body with a return", () => {
    const co = codeOf('"""mod"""\ndef f():\n    "fdoc"\n    x = 1\n');
    expect(co.doc).toBe("mod");
    expect(ops(co).slice(0, 2)).toEqual(["LOAD_CONST 'mod'", "STORE_NAME __doc__"]);
    const f = find(co, "f");
    expect(f.doc).toBe("fdoc");
    expect(ops(f)).toEqual(["LOAD_CONST 1", "STORE_FAST x", "LOAD_CONST None", "RETURN_VALUE"]);
  });

  it("stores annotations only in module and class bodies", () => {
    const mod = ops(codeOf("x: int = 1\ny: str\nz.a: int = 2\n"));
    expect(mod[0]).toBe("SETUP_ANNOTATIONS");
    expect(mod.slice(1, 7)).toEqual(["LOAD_CONST 1", "STORE_NAME x", "LOAD_NAME int", "LOAD_NAME __annotations__", "LOAD_CONST 'x'", "STORE_SUBSCR"]);
    const f = find(codeOf("def f(a: int) -> str:\n    b: int = 1\n    c: undefined\n"), "f");
    expect(ops(f)).toEqual(["LOAD_CONST 1", "STORE_FAST b", "LOAD_CONST None", "RETURN_VALUE"]);
    const fut = ops(codeOf("from __future__ import annotations\nx: list[int] | None = None\n"));
    expect(fut).toContain("LOAD_CONST 'list[int] | None'");
  });

  it("compiles try/except as the block model says", () => {
    expect(ops(codeOf("try:\n    f()\nexcept E as e:\n    g(e)\n"))).toEqual([
      "SETUP_HANDLER",
      "LOAD_NAME f",
      "CALL 0",
      "POP_TOP",
      "POP_BLOCK",
      "JUMP",
      "LOAD_NAME E",
      "JUMP_IF_NOT_EXC_MATCH",
      "STORE_NAME e",
      "SETUP_HANDLER",
      "LOAD_NAME g",
      "LOAD_NAME e",
      "CALL 1",
      "POP_TOP",
      "POP_BLOCK",
      "POP_EXCEPT",
      "LOAD_CONST None",
      "STORE_NAME e",
      "DELETE_NAME e",
      "JUMP",
      "LOAD_CONST None",
      "STORE_NAME e",
      "DELETE_NAME e",
      "RERAISE",
      "RERAISE",
      "LOAD_CONST None",
      "RETURN_VALUE",
    ]);
  });

  it("compiles with as the block model says", () => {
    expect(ops(codeOf("with a as b:\n    c()\n"))).toEqual([
      "LOAD_NAME a",
      "BEFORE_WITH",
      "SETUP_WITH",
      "STORE_NAME b",
      "LOAD_NAME c",
      "CALL 0",
      "POP_TOP",
      "POP_BLOCK",
      "WITH_NORMAL_EXIT",
      "POP_TOP",
      "JUMP",
      "WITH_EXC_EXIT",
      "POP_JUMP_IF_TRUE",
      "RERAISE",
      "POP_TOP",
      "POP_TOP",
      "POP_EXCEPT",
      "LOAD_CONST None",
      "RETURN_VALUE",
    ]);
  });

  it("runs finally bodies and __exit__ inline when return, break or continue leaves them", () => {
    const f = find(codeOf("def f():\n    with a:\n        try:\n            return g()\n        finally:\n            h()\n"), "f");
    expect(ops(f).slice(0, 14)).toEqual([
      "LOAD_GLOBAL a",
      "BEFORE_WITH",
      "SETUP_WITH",
      "POP_TOP",
      "SETUP_HANDLER",
      "LOAD_GLOBAL g",
      "CALL 0",
      "POP_BLOCK",
      "LOAD_GLOBAL h",
      "CALL 0",
      "POP_TOP",
      "POP_BLOCK",
      "ROT_TWO",
      "WITH_NORMAL_EXIT",
    ]);
    expect(ops(f).slice(14, 16)).toEqual(["POP_TOP", "RETURN_VALUE"]);
    const loop = find(codeOf("def f(xs):\n    for x in xs:\n        try:\n            break\n        except E as e:\n            continue\n"), "f");
    expect(ops(loop).slice(0, 8)).toEqual(["LOAD_FAST xs", "GET_ITER", "FOR_ITER", "STORE_FAST x", "SETUP_HANDLER", "POP_BLOCK", "POP_TOP", "JUMP"]);
    // continue in the named handler: pop the cleanup block, the handled exception, clear the name.
    expect(ops(loop).slice(11, 18)).toEqual(["SETUP_HANDLER", "POP_BLOCK", "POP_EXCEPT", "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "JUMP"]);
  });
});

// ---------------------------------------------------------------- positions

describe("positions", () => {
  it("locates calls, attributes, subscripts, operators and stores as CPython does", () => {
    const co = codeOf("x = obj.meth(a, b)\ny = (obj\n     .meth(a))\nz = a[1] + b.c\n");
    expect(spanOf(co, "LOAD_METHOD")).toEqual([1, 4, 1, 12]);
    expect(spanOf(co, "CALL_METHOD")).toEqual([1, 4, 1, 18]);
    expect(spanOf(co, "STORE_NAME", "x")).toEqual([1, 0, 1, 1]);
    const second = instructionsOf(co).findIndex((i, k) => i.name === "LOAD_METHOD" && k > 3);
    expect(spanAt(co, second)).toEqual([3, 6, 3, 10]);
    expect(spanAt(co, second + 2)).toEqual([3, 6, 3, 13]);
    expect(spanOf(co, "BINARY_SUBSCR")).toEqual([4, 4, 4, 8]);
    expect(spanOf(co, "LOAD_ATTR", "c")).toEqual([4, 11, 4, 14]);
    expect(spanOf(co, "BINARY")).toEqual([4, 4, 4, 14]);
  });

  it("leaves the location at a tested comparison, as CPython 3.11 does", () => {
    const f = find(codeOf("def f(x):\n    assert x > 0, 'm'\n"), "f");
    expect(spanOf(f, "LOAD_ASSERTION_ERROR")).toEqual([2, 11, 2, 16]);
    expect(spanOf(f, "RAISE_VARARGS")).toEqual([2, 11, 2, 16]);
    const g = find(codeOf("def g(x):\n    assert x, 'm'\n"), "g");
    expect(spanOf(g, "RAISE_VARARGS")).toEqual([2, 4, 2, 17]);
  });

  it("locates decorator calls at the decorator and raise at the statement", () => {
    const co = codeOf("@deco\ndef g(x):\n    raise ValueError(x)\n");
    expect(spanOf(co, "CALL")).toEqual([1, 1, 1, 5]);
    expect(spanOf(co, "MAKE_FUNCTION")).toEqual([2, 0, 3, 23]);
    const g = find(co, "g");
    expect(spanOf(g, "CALL")).toEqual([3, 10, 3, 23]);
    expect(spanOf(g, "RAISE_VARARGS")).toEqual([3, 4, 3, 23]);
  });
});

// ---------------------------------------------------------------- the verifier over everything

function corpusFiles(): string[] {
  const dirs = [join(__dirname, "../corpus/seeds"), join(__dirname, "../differential/cases")];
  return dirs.filter(existsSync).flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith(".py"))
      .sort()
      .map((f) => join(d, f)),
  );
}

describe("stack verifier", () => {
  it("rejects broken code", () => {
    const co = codeOf("x = 1");
    const broken = (words: number[]): string => verify({ ...co, code: Int32Array.from(words) })[0] ?? "";
    expect(broken([Op.POP_TOP, 0, Op.RETURN_VALUE, 0])).toMatch(/needs 1 stack items/);
    expect(broken([Op.LOAD_CONST, 0, Op.JUMP, 7])).toMatch(/outside the code/);
    expect(broken([Op.LOAD_CONST, 0])).toMatch(/outside the code/);
    expect(broken([Op.SETUP_HANDLER, 3, Op.LOAD_CONST, 0, Op.RETURN_VALUE, 0, Op.RERAISE, 0])).toMatch(/RETURN_VALUE in state/);
    expect(broken([Op.POP_EXCEPT, 0, Op.LOAD_CONST, 0, Op.RETURN_VALUE, 0])).toMatch(/without a handled exception/);
    expect(
      broken([Op.LOAD_CONST, 0, Op.POP_JUMP_IF_FALSE, 4, Op.LOAD_CONST, 0, Op.JUMP, 4, Op.RETURN_VALUE, 0]),
    ).toMatch(/reached with state/);
  });

  for (const [name, src] of Object.entries(SNIPPETS)) {
    it(`verifies every code object of the ${name} snippet`, () => {
      expect(verifyAll(codeOf(src))).toEqual([]);
    });
  }

  it("verifies every corpus program that parses", () => {
    let compiled = 0;
    for (const file of corpusFiles()) {
      const r = parse(readFileSync(file, "utf8"));
      if (!r.ok) {
        continue;
      }
      const c = compileModule(r.module, file);
      if (!c.ok) {
        expect("unsupported" in c, `${file}: ${JSON.stringify(c)}`).toBe(true);
        continue;
      }
      expect(verifyAll(c.code), file).toEqual([]);
      compiled++;
    }
    expect(compiled).toBeGreaterThan(50);
  });
});

// ---------------------------------------------------------------- against CPython itself

/** Dumps CPython's code objects: for each, in constant order, the names and every instruction with its span (UTF-16 columns). */
const CPYTHON_DUMP = String.raw`
import dis, json, sys, types
def utf16_col(line, col):
    if line is None or col is None or line - 1 >= len(lines): return col
    b = lines[line - 1].encode("utf-8")[:col].decode("utf-8", "replace")
    return sum(2 if ord(c) > 0xFFFF else 1 for c in b)
def walk(co):
    ins = []
    for i in dis.get_instructions(co):
        if i.opname == "CACHE": continue
        p = i.positions
        arg = ("const:" + repr(i.argval)) if i.opname == "LOAD_CONST" else ("oparg:" + str(i.arg)) if i.opname == "CALL" else i.argval if isinstance(i.argval, str) else None
        ins.append([i.opname, arg, p.lineno, utf16_col(p.lineno, p.col_offset), p.end_lineno, utf16_col(p.end_lineno, p.end_col_offset)])
    return {"qualname": co.co_qualname, "cellvars": list(co.co_cellvars), "freevars": list(co.co_freevars), "varnames": list(co.co_varnames), "ins": ins, "children": [walk(k) for k in co.co_consts if isinstance(k, types.CodeType)]}
out = []
for src in json.load(sys.stdin):
    lines = src.split("\n")
    try:
        out.append(walk(compile(src, "x.py", "exec")))
    except SyntaxError:
        out.append(None)
json.dump(out, sys.stdout)
`;

interface CPythonCode {
  qualname: string;
  cellvars: string[];
  freevars: string[];
  varnames: string[];
  ins: [string, string | null, number | null, number | null, number | null, number | null][];
  children: CPythonCode[];
}

function hasPython311(): boolean {
  try {
    return execFileSync("python3", ["-c", "import sys; print(sys.version_info[:2] == (3, 11))"]).toString().trim() === "True";
  } catch {
    return false;
  }
}

const NAMED = new Set([
  "LOAD_NAME",
  "STORE_NAME",
  "DELETE_NAME",
  "LOAD_GLOBAL",
  "STORE_GLOBAL",
  "DELETE_GLOBAL",
  "LOAD_FAST",
  "STORE_FAST",
  "DELETE_FAST",
  "LOAD_DEREF",
  "STORE_DEREF",
  "DELETE_DEREF",
  "LOAD_CLASSDEREF",
  "LOAD_CLOSURE",
  "LOAD_ATTR",
  "STORE_ATTR",
  "DELETE_ATTR",
  "LOAD_METHOD",
  "IMPORT_NAME",
  "IMPORT_FROM",
]);
const SAME = new Set([
  "BINARY_SUBSCR",
  "STORE_SUBSCR",
  "DELETE_SUBSCR",
  "UNPACK_SEQUENCE",
  "UNPACK_EX",
  "GET_ITER",
  "FOR_ITER",
  "GET_AITER",
  "GET_ANEXT",
  "END_ASYNC_FOR",
  "RAISE_VARARGS",
  "IMPORT_STAR",
  "MAKE_FUNCTION",
  "FORMAT_VALUE",
  "BUILD_STRING",
  "YIELD_VALUE",
  "GET_AWAITABLE",
  "GET_YIELD_FROM_ITER",
  "BEFORE_WITH",
  "BEFORE_ASYNC_WITH",
  "LOAD_BUILD_CLASS",
  "BUILD_SLICE",
  "LOAD_ASSERTION_ERROR",
  "SETUP_ANNOTATIONS",
]);

/** Both instruction sets mapped onto the instructions they share (the ones that can raise or bind). */
function canonical(name: string, cpython: boolean): string | null {
  if (NAMED.has(name) || SAME.has(name)) {
    return name;
  }
  if (cpython) {
    return name === "CALL"
      ? "CALL"
      : name === "CALL_FUNCTION_EX"
        ? "CALL_EX"
        : name === "BINARY_OP"
          ? "BINARY"
          : ["COMPARE_OP", "IS_OP", "CONTAINS_OP"].includes(name)
            ? "COMPARE"
            : name.startsWith("UNARY_")
              ? "UNARY"
              : null;
  }
  return ["CALL", "CALL_KW", "CALL_METHOD", "CALL_METHOD_KW"].includes(name)
    ? "CALL"
    : name === "CALL_EX"
      ? "CALL_EX"
      : name === "BINARY" || name === "INPLACE"
        ? "BINARY"
        : name === "COMPARE" || name === "UNARY"
          ? name
          : null;
}

type Row = [string, string | null, number[] | null];

function cpythonRows(co: CPythonCode): Row[] {
  const rows: Row[] = [];
  co.ins.forEach(([name, arg, l, c, el, ec], k) => {
    const prev = (j: number): CPythonCode["ins"][number] | undefined => co.ins[k - j];
    // CPython calls __exit__(None, None, None) with CALL 2 (its self is on the stack); we have WITH_NORMAL_EXIT.
    if (name === "CALL" && arg === "oparg:2" && prev(1)?.[0] === "PRECALL" && [2, 3, 4].every((j) => prev(j)?.[1] === "const:None")) {
      return;
    }
    // CPython 3.11 fuses `x is None` and a jump into POP_JUMP_IF_(NOT_)NONE; we compare and jump.
    if (/^POP_JUMP_(FORWARD_|BACKWARD_)?IF_(NOT_)?NONE$/.test(name)) {
      rows.push(["COMPARE", null, null]);
      return;
    }
    // CPython also stores the class cell as __classcell__; our __build_class__ takes it from the return value.
    if (name === "STORE_NAME" && arg === "__classcell__") {
      return;
    }
    const canon = canonical(name, true);
    if (canon !== null) {
      rows.push([canon, NAMED.has(canon) ? arg : null, l === null ? null : [l, c!, el!, ec!]]);
    }
  });
  return withoutNameClears(rows);
}

/**
 * Drops each `STORE name; DELETE name` pair: the `name = None; del name` ending an
 * `except E as name` handler is artificial code that CPython's flow-graph pass may duplicate.
 */
function withoutNameClears(rows: Row[]): Row[] {
  return rows.filter((r, i) => {
    const clearsNext = r[0].startsWith("STORE_") && rows[i + 1]?.[0] === r[0].replace("STORE_", "DELETE_") && rows[i + 1][1] === r[1];
    const clearedByPrev = r[0].startsWith("DELETE_") && rows[i - 1]?.[0] === r[0].replace("DELETE_", "STORE_") && rows[i - 1][1] === r[1];
    return !clearsNext && !clearedByPrev;
  });
}

function ourRows(co: CodeObject): Row[] {
  const rows: Row[] = [];
  const ins = instructionsOf(co);
  let closureStart = -1;
  let segment: [number, number] = [-1, -1];
  ins.forEach((i, k) => {
    // Parameter annotations are evaluated after MAKE_FUNCTION and stored with STORE_ATTR
    // (CPython evaluates them before the closure and passes them to MAKE_FUNCTION).
    if (i.name === "STORE_ATTR" && i.argRepr === "__annotations__" && ins[k - 1]?.name === "ROT_TWO") {
      rows.push(...rows.splice(segment[0], segment[1] - segment[0]));
      return;
    }
    if (i.name === "LOAD_CLOSURE" && ins[k - 1]?.name !== "LOAD_CLOSURE") {
      closureStart = rows.length;
    }
    if (i.name === "MAKE_FUNCTION") {
      const withClosure = ins[k - 3]?.name === "BUILD_TUPLE" && ins[k - 4]?.name === "LOAD_CLOSURE";
      segment = [withClosure ? closureStart : rows.length, rows.length + 1];
    }
    const canon = canonical(i.name, false);
    if (canon !== null) {
      rows.push([canon, NAMED.has(canon) ? i.argRepr : null, spanAt(co, k)]);
    }
  });
  return withoutNameClears(rows);
}

/** Differences between our code object tree and CPython's. */
function compareWithCPython(ours: CodeObject, theirs: CPythonCode): string[] {
  const where = ours.qualname;
  const problems: string[] = [];
  if (ours.qualname !== theirs.qualname) {
    problems.push(`qualname ${ours.qualname} vs CPython's ${theirs.qualname}`);
  }
  for (const field of ["cellvars", "freevars", "varnames"] as const) {
    if (JSON.stringify(ours[field]) !== JSON.stringify(theirs[field])) {
      problems.push(`${where}: ${field} ${JSON.stringify(ours[field])} vs CPython's ${JSON.stringify(theirs[field])}`);
    }
  }
  const a = ourRows(ours);
  const b = cpythonRows(theirs);
  const shape = (rows: Row[]): string => rows.map((r) => `${r[0]} ${r[1] ?? ""}`).join("\n");
  if (shape(a) !== shape(b)) {
    problems.push(`${where}: instructions differ:\nours:\n${shape(a)}\nCPython:\n${shape(b)}`);
  } else {
    a.forEach((r, i) => {
      const theirSpan = b[i][2];
      if (theirSpan !== null && JSON.stringify(r[2]) !== JSON.stringify(theirSpan)) {
        problems.push(`${where}: ${r[0]} ${r[1] ?? ""} at ${JSON.stringify(r[2])}, CPython ${JSON.stringify(theirSpan)}`);
      }
    });
  }
  const kids = ours.consts.filter(isCode);
  if (kids.length !== theirs.children.length) {
    problems.push(`${where}: ${kids.length} nested code objects, CPython ${theirs.children.length}`);
  }
  kids.forEach((k, i) => {
    if (theirs.children[i]) {
      problems.push(...compareWithCPython(k, theirs.children[i]));
    }
  });
  return problems;
}

describe.skipIf(!hasPython311())("against CPython 3.11's code objects", () => {
  it("has the same scopes, names and instruction spans for every snippet and corpus program", () => {
    const sources = [
      ...Object.values(SNIPPETS).filter((s) => !s.includes("__future__")),
      ...corpusFiles().map((f) => readFileSync(f, "utf8")),
    ];
    const dumped = JSON.parse(
      execFileSync("python3", ["-c", CPYTHON_DUMP], { input: JSON.stringify(sources), maxBuffer: 1 << 28 }).toString(),
    ) as (CPythonCode | null)[];
    let compared = 0;
    const problems: string[] = [];
    sources.forEach((src, i) => {
      const theirs = dumped[i];
      const r = parse(src);
      if (theirs === null || !r.ok) {
        return;
      }
      const c = compileModule(r.module, "x.py");
      if (!c.ok) {
        return;
      }
      compared++;
      problems.push(...compareWithCPython(c.code, theirs).map((p) => `source #${i}: ${p}`));
    });
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(50);
  });
});
