/**
 * The container types — list, tuple, dict (and its views), set and frozenset, range, slice,
 * and the iterator classes enumerate/zip/map/filter/reversed — against CPython 3.11.
 * Each case is a Python snippet that computes `r`, run with the others in one python3 process,
 * and the same computation made here by calling the natives directly; the results (values,
 * iteration orders, or exception type and message) must be equal.
 */
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { hasPython } from "./python3";
import "../../simulator/vm/load";
import { BinaryOp } from "../../simulator/python/opcodes";
import { defMethod } from "../../simulator/vm/define";
import {
  DictType,
  ListType,
  None,
  ObjectType,
  PyBaseException,
  PyBuiltin,
  PyDict,
  PyFloat,
  PyList,
  PyObject,
  PyRange,
  PySlice,
  PyTuple,
  RangeType,
  SliceType,
  TupleType,
  nativeType,
  newTuple,
  normInt,
  typeOf,
  type KwArgs,
  type PyValue,
} from "../../simulator/vm/objects";
import { binaryOp, inplaceOp } from "../../simulator/vm/operators";
import {
  callMethod,
  callPy,
  contains,
  delItem,
  getAttr,
  getItem,
  hash,
  iter,
  len,
  next,
  repr,
  richCompare,
  setItem,
  str,
  toArray,
  typeName,
  type CompareKind,
} from "../../simulator/vm/protocol";
import { floatRepr } from "../../simulator/vm/numbers";
import { EnumerateType, FilterType, MapType, ReversedType, ZipType } from "../../simulator/vm/types/builtinIters";
import { sortValues } from "../../simulator/vm/types/list";
import { FrozenSetType, PySet, SetType, setFromConstants, setItems } from "../../simulator/vm/types/set";
import { defaultLimits, setVm, Vm } from "../../simulator/vm/vm";


// ---------------------------------------------------------------- the wire format shared with python3

/** Results as both sides write them: ints as numbers (or decimal strings past 2**53), containers tagged, sets in iteration order. */
type Wire =
  | null
  | boolean
  | number
  | string
  | { i: string }
  | { f: string }
  | { l: Wire[] }
  | { t: Wire[] }
  | { d: [Wire, Wire][] }
  | { s: Wire[] }
  | { fs: Wire[] }
  | { o: string }
  | { err: string; msg: string };

function encode(v: PyValue): Wire {
  if (typeof v === "boolean" || typeof v === "string") {
    return v;
  }
  if (typeof v === "number") {
    return v;
  }
  if (typeof v === "bigint") {
    return { i: v.toString() };
  }
  if (v === None) {
    return null;
  }
  if (v instanceof PyFloat) {
    return { f: floatRepr(v.v) };
  }
  if (v instanceof PyList && v.cls === ListType) {
    return { l: v.items.map(encode) };
  }
  if (v instanceof PyTuple && v.cls === TupleType) {
    return { t: v.items.map(encode) };
  }
  if (v instanceof PyDict && v.cls === DictType) {
    return { d: [...v.entries()].map(([k, x]): [Wire, Wire] => [encode(k), encode(x)]) };
  }
  if (v instanceof PySet && (v.cls === SetType || v.cls === FrozenSetType)) {
    return v.cls === SetType ? { s: setItems(v).map(encode) } : { fs: setItems(v).map(encode) };
  }
  return { o: repr(v) };
}

const DRIVER = String.raw`
import json, sys
from itertools import islice
def enc(v):
    if v is None or isinstance(v, (bool, str)): return v
    if type(v) is int: return v if abs(v) < 2**53 else {'i': str(v)}
    if type(v) is float: return {'f': repr(v)}
    if type(v) is list: return {'l': [enc(a) for a in v]}
    if type(v) is tuple: return {'t': [enc(a) for a in v]}
    if type(v) is dict: return {'d': [[enc(a), enc(b)] for a, b in v.items()]}
    if type(v) is set: return {'s': [enc(a) for a in v]}
    if type(v) is frozenset: return {'fs': [enc(a) for a in v]}
    return {'o': repr(v)}
LOG = []
class K:
    __slots__ = ('v', 'tag')
    def __init__(self, v, tag): self.v = v; self.tag = tag
    def __lt__(self, o):
        LOG.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self): return 'K(%r)' % self.v
def build(ops):
    s = set()
    for op, x in ops:
        if op == 0: s.add(x)
        else: s.discard(x)
    return s
def err(f):
    try: f()
    except Exception as e: return [type(e).__name__, str(e)]
    return None
out = []
for src in json.load(sys.stdin):
    g = {'K': K, 'LOG': LOG, 'build': build, 'err': err, 'islice': islice}
    LOG.clear()
    try:
        exec(src, g)
        out.append(enc(g['r']))
    except Exception as e:
        out.append({'err': type(e).__name__, 'msg': str(e)})
print(json.dumps(out))
`;

interface Case {
  py: string;
  ts: () => PyValue;
}

function outcomeHere(c: Case): Wire {
  try {
    return encode(c.ts());
  } catch (e) {
    if (e instanceof PyBaseException) {
      return { err: e.cls.name, msg: str(e) };
    }
    throw e;
  }
}

/** Runs every case on both sides; the mismatches, one line each (empty when all agree). */
function mismatches(cases: Case[]): string[] {
  const out = execFileSync("python3", ["-c", DRIVER], {
    input: JSON.stringify(cases.map((c) => c.py)),
    maxBuffer: 512 << 20,
  }).toString();
  const expected = JSON.parse(out) as Wire[];
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const here = JSON.stringify(outcomeHere(c));
    const there = JSON.stringify(expected[i]);
    if (here !== there) {
      bad.push(`${c.py}\n  python: ${there.slice(0, 400)}\n  here:   ${here.slice(0, 400)}`);
    }
  });
  return bad;
}

/** Asserts that every case agrees (listing the first disagreements). */
function agree(cases: Case[]): void {
  const bad = mismatches(cases);
  expect(bad.slice(0, 8).join("\n"), `${bad.length} of ${cases.length} cases differ`).toBe("");
}

// ---------------------------------------------------------------- values on both sides

/** A value spelled once, rendered as a Python literal and as a PyValue. */
type Spec = number | bigint | boolean | string | null | { f: number } | { t: Spec[] } | { l: Spec[] };

function lit(s: Spec): string {
  if (s === null) {
    return "None";
  }
  switch (typeof s) {
    case "number":
    case "bigint":
      return String(s);
    case "boolean":
      return s ? "True" : "False";
    case "string":
      return JSON.stringify(s);
  }
  if ("f" in s) {
    // 1e999 (not float('inf')) keeps displays of infinities constant, as the compiler folds them.
    return Number.isFinite(s.f) ? floatRepr(s.f) : Number.isNaN(s.f) ? "float('nan')" : s.f > 0 ? "1e999" : "-1e999";
  }
  if ("t" in s) {
    return s.t.length === 1 ? `(${lit(s.t[0])},)` : `(${s.t.map(lit).join(", ")})`;
  }
  return `[${s.l.map(lit).join(", ")}]`;
}

function val(s: Spec): PyValue {
  if (s === null) {
    return None;
  }
  switch (typeof s) {
    case "number":
    case "boolean":
    case "string":
      return s;
    case "bigint":
      return normInt(s);
  }
  if ("f" in s) {
    return new PyFloat(s.f);
  }
  if ("t" in s) {
    return newTuple(s.t.map(val));
  }
  return new PyList(s.l.map(val));
}

const L = (...xs: PyValue[]): PyList => new PyList(xs);
const T = (...xs: PyValue[]): PyTuple => newTuple(xs);
const F = (x: number): PyFloat => new PyFloat(x);
const call = (o: PyValue, name: string, ...args: PyValue[]): PyValue => callMethod(o, name, args);
const callKw = (o: PyValue, name: string, args: PyValue[], kw: Record<string, PyValue>): PyValue =>
  callMethod(o, name, args, new Map(Object.entries(kw)) as KwArgs);
const set = (...xs: PyValue[]): PySet => callPy(SetType, xs.length ? [L(...xs)] : []) as PySet;
const frozen = (...xs: PyValue[]): PySet => callPy(FrozenSetType, [L(...xs)]) as PySet;
const list = (v: PyValue): PyList => new PyList(toArray(v));
const slice = (a: PyValue, b: PyValue, c: PyValue = None): PySlice => new PySlice(a, b, c);
const fn = (name: string, f: (...a: PyValue[]) => PyValue): PyBuiltin => new PyBuiltin(name, (args) => f(...args));
const cmp = (a: PyValue, b: PyValue, op: CompareKind): PyValue => richCompare(a, b, op);
/** `[type, message]` of the exception f raises, or None (the driver's err()). */
function err(f: () => unknown): PyValue {
  try {
    f();
  } catch (e) {
    if (e instanceof PyBaseException) {
      return L(e.cls.name, str(e));
    }
    throw e;
  }
  return None;
}

/** mulberry32: a small seeded generator (the cases are the same every run). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randInt = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** Kinds of set elements: each stresses a different part of the hash table (collisions, perturbation, big hashes). */
const ELEMENT_KINDS: ((r: () => number) => Spec)[] = [
  (r) => randInt(r, 0, 40),
  (r) => randInt(r, -1000, 1000),
  (r) => randInt(r, 0, 60) * 8,
  (r) => randInt(r, 0, 40) * 32 - 7,
  (r) => randInt(r, -(2 ** 40), 2 ** 40),
  (r) => (1n << BigInt(randInt(r, 53, 70))) + BigInt(randInt(r, -3, 3)) * (r() < 0.5 ? 1n : -1n),
  (r) => ({ f: randInt(r, -60, 60) / 4 }),
  (r) => ({ f: randInt(r, -30, 30) / 3 }),
  (r) => ({ t: [randInt(r, 0, 6), randInt(r, 0, 6)] }),
  (r) => (r() < 0.5 ? randInt(r, 0, 20) : { f: randInt(r, 0, 20) }),
  (r) => (r() < 0.2 ? r() < 0.5 : randInt(r, -3, 3)),
  (r) => ({ t: [randInt(r, -2, 2), { f: randInt(r, 0, 4) / 2 }, { t: [randInt(r, 0, 3)] }] }),
];

type SetOp = [0 | 1, Spec];

function randomSetOps(r: () => number, kind: (r: () => number) => Spec, n: number): SetOp[] {
  const ops: SetOp[] = [];
  const seen: Spec[] = [];
  for (let i = 0; i < n; i++) {
    if (seen.length > 0 && r() < 0.3) {
      ops.push([1, seen[randInt(r, 0, seen.length - 1)]]);
    } else {
      const x = kind(r);
      seen.push(x);
      ops.push([0, x]);
    }
  }
  return ops;
}

const opsLit = (ops: SetOp[]): string => `[${ops.map(([o, x]) => `(${o}, ${lit(x)})`).join(", ")}]`;

function build(ops: SetOp[]): PySet {
  const s = set();
  for (const [o, x] of ops) {
    call(s, o === 0 ? "add" : "discard", val(x));
  }
  return s;
}

beforeAll(() => {
  setVm(new Vm(defaultLimits, "", 0));
});

// ---------------------------------------------------------------- set and frozenset

describe.skipIf(!hasPython)("set and frozenset", () => {
  it("iterate in CPython's order through insertions, deletions and pops", () => {
    const cases: Case[] = [];
    for (let seed = 0; seed < 240; seed++) {
      const r = rng(seed);
      const kind = ELEMENT_KINDS[seed % ELEMENT_KINDS.length];
      const steps: [number, Spec][] = [];
      const n = randInt(r, 1, 150);
      const seen: Spec[] = [];
      for (let i = 0; i < n; i++) {
        const p = r();
        if (p < 0.55 || seen.length === 0) {
          const x = kind(r);
          seen.push(x);
          steps.push([0, x]);
        } else if (p < 0.8) {
          steps.push([1, seen[randInt(r, 0, seen.length - 1)]]);
        } else if (p < 0.9) {
          steps.push([2, null]);
        } else {
          steps.push([3, null]);
        }
      }
      cases.push({
        py: `s = set(); out = []
for op, x in [${steps.map(([o, x]) => `(${o}, ${lit(x)})`).join(", ")}]:
    if op == 0: s.add(x)
    elif op == 1: s.discard(x)
    elif op == 2: out.append(s.pop() if s else None)
    else: out.append(list(s))
out.append(list(s)); r = out`,
        ts: () => {
          const s = set();
          const out: PyValue[] = [];
          for (const [o, x] of steps) {
            if (o === 0) {
              call(s, "add", val(x));
            } else if (o === 1) {
              call(s, "discard", val(x));
            } else if (o === 2) {
              out.push(len(s) ? call(s, "pop") : None);
            } else {
              out.push(list(s));
            }
          }
          out.push(list(s));
          return new PyList(out);
        },
      });
    }
    for (const n of [0, 1, 5, 8, 19, 20, 50, 100, 1000]) {
      cases.push({ py: `r = list(set(range(${n})))`, ts: () => list(callPy(SetType, [callPy(RangeType, [n])])) });
      cases.push({
        py: `r = list(set(range(${n}, -${n * 7}, -7)))`,
        ts: () => list(callPy(SetType, [callPy(RangeType, [n, -n * 7, -7])])),
      });
      cases.push({
        py: `s = set(range(${n})); [s.discard(x) for x in range(0, ${n}, 3)]; s.update(range(${n}, ${2 * n})); r = list(s)`,
        ts: () => {
          const s = callPy(SetType, [callPy(RangeType, [n])]);
          for (let x = 0; x < n; x += 3) {
            call(s, "discard", x);
          }
          call(s, "update", callPy(RangeType, [n, 2 * n]));
          return list(s);
        },
      });
    }
    agree(cases);
  });

  it("gives set operations' results in CPython's order", () => {
    const cases: Case[] = [];
    for (let seed = 0; seed < 160; seed++) {
      const r = rng(1000 + seed);
      const kind = ELEMENT_KINDS[seed % ELEMENT_KINDS.length];
      const a = randomSetOps(r, kind, randInt(r, 0, 60));
      const b = randomSetOps(r, kind, randInt(r, 0, seed % 3 === 0 ? 300 : 60));
      const c = randomSetOps(r, kind, randInt(r, 0, 10));
      const blist = `[x for op, x in ${opsLit(b)} if op == 0]`;
      const bl = (): PyList => L(...b.filter(([o]) => o === 0).map(([, x]) => val(x)));
      const prelude = `A = build(${opsLit(a)}); B = build(${opsLit(b)}); C = build(${opsLit(c)}); BL = ${blist}`;
      const ops: [string, (A: PySet, B: PySet, C: PySet) => PyValue][] = [
        ["A | B", (A, B) => binaryOp(A, B, BinaryOp.Or)],
        ["A & B", (A, B) => binaryOp(A, B, BinaryOp.And)],
        ["B & A", (A, B) => binaryOp(B, A, BinaryOp.And)],
        ["A - B", (A, B) => binaryOp(A, B, BinaryOp.Sub)],
        ["B - A", (A, B) => binaryOp(B, A, BinaryOp.Sub)],
        ["A ^ B", (A, B) => binaryOp(A, B, BinaryOp.Xor)],
        ["A.union(B, C)", (A, B, C) => call(A, "union", B, C)],
        ["A.union(BL)", (A) => call(A, "union", bl())],
        ["A.intersection(BL)", (A) => call(A, "intersection", bl())],
        ["A.intersection(B, C)", (A, B, C) => call(A, "intersection", B, C)],
        ["A.difference(BL)", (A) => call(A, "difference", bl())],
        ["A.difference(B, C)", (A, B, C) => call(A, "difference", B, C)],
        ["A.symmetric_difference(BL)", (A) => call(A, "symmetric_difference", bl())],
        ["A.difference(dict.fromkeys(BL))", (A) => call(A, "difference", call(DictType, "fromkeys", bl()))],
        ["A.symmetric_difference(dict.fromkeys(BL))", (A) => call(A, "symmetric_difference", call(DictType, "fromkeys", bl()))],
        ["set(dict.fromkeys(BL))", () => callPy(SetType, [call(DictType, "fromkeys", bl())])],
        ["[A <= B, A < B, A == B, A != B, A >= B, A > B, A.isdisjoint(B), A.isdisjoint(BL), A.issubset(BL), A.issuperset(BL)]", (A, B) =>
          L(
            cmp(A, B, "le"),
            cmp(A, B, "lt"),
            cmp(A, B, "eq"),
            cmp(A, B, "ne"),
            cmp(A, B, "ge"),
            cmp(A, B, "gt"),
            call(A, "isdisjoint", B),
            call(A, "isdisjoint", bl()),
            call(A, "issubset", bl()),
            call(A, "issuperset", bl()),
          )],
        ["(A.__ior__(B), A)[1]", (A, B) => inplaceOp(A, B, BinaryOp.Or)],
        ["(A.__iand__(B), A)[1]", (A, B) => inplaceOp(A, B, BinaryOp.And)],
        ["(A.__isub__(B), A)[1]", (A, B) => inplaceOp(A, B, BinaryOp.Sub)],
        ["(A.__ixor__(B), A)[1]", (A, B) => inplaceOp(A, B, BinaryOp.Xor)],
        ["(A.intersection_update(BL, C), A)[1]", (A, _B, C) => (call(A, "intersection_update", bl(), C), A)],
        ["(A.difference_update(BL), A)[1]", (A) => (call(A, "difference_update", bl()), A)],
        ["(A.symmetric_difference_update(BL), A)[1]", (A) => (call(A, "symmetric_difference_update", bl()), A)],
        ["(A.update(BL, C), A)[1]", (A, _B, C) => (call(A, "update", bl(), C), A)],
        ["frozenset(A) | B", (A, B) => binaryOp(callPy(FrozenSetType, [A]), B, BinaryOp.Or)],
        ["B - frozenset(A)", (A, B) => binaryOp(B, callPy(FrozenSetType, [A]), BinaryOp.Sub)],
        ["A.copy()", (A) => call(A, "copy")],
        ["[A.pop() for _ in range(min(3, len(A)))] + [A]", (A) => {
          const out: PyValue[] = [];
          for (let i = 0, n = Math.min(3, len(A)); i < n; i++) {
            out.push(call(A, "pop"));
          }
          return L(...out, A);
        }],
        ["frozenset(A).__hash__()", (A) => call(callPy(FrozenSetType, [A]), "__hash__")],
        ["[frozenset(A) == frozenset(B), frozenset(A) == A, A == frozenset(A)]", (A, B) =>
          L(cmp(callPy(FrozenSetType, [A]), callPy(FrozenSetType, [B]), "eq"), cmp(callPy(FrozenSetType, [A]), A, "eq"), cmp(A, callPy(FrozenSetType, [A]), "eq"))],
      ];
      for (const [expr, f] of ops) {
        cases.push({ py: `${prelude}\nr = ${expr}`, ts: () => f(build(a), build(b), build(c)) });
      }
    }
    agree(cases);
  });

  it("lays out constant displays as CPython's frozenset constants do", () => {
    const cases: Case[] = [];
    for (let seed = 0; seed < 40; seed++) {
      const r = rng(5000 + seed);
      const kind = ELEMENT_KINDS[seed % 6];
      const items = Array.from({ length: randInt(r, 3, 20) }, () => kind(r));
      cases.push({ py: `r = list({${items.map(lit).join(", ")}})`, ts: () => list(setFromConstants(items.map(val))) });
    }
    agree(cases);
  });

  it("has CPython's reprs, hashes and errors", () => {
    const S = (...xs: PyValue[]): PySet => set(...xs);
    const cases: Case[] = [
      { py: "r = [repr(set()), repr(frozenset()), repr({1, 2}), repr(frozenset({1, 2})), repr({(1, 2), 3.5, -1}), repr(set([(1, 2), 3.5, -1]))]", ts: () =>
        L(repr(S()), repr(frozen()), repr(setFromConstants([1, 2])), repr(frozen(1, 2)), repr(setFromConstants([T(1, 2), F(3.5), -1])), repr(S(T(1, 2), F(3.5), -1))) },
      { py: "r = [frozenset().__hash__(), frozenset([1]).__hash__(), frozenset(range(100)).__hash__(), frozenset([-1, -2, 2**64, 0.5]).__hash__()]", ts: () =>
        L(call(frozen(), "__hash__"), call(frozen(1), "__hash__"), call(callPy(FrozenSetType, [callPy(RangeType, [100])]), "__hash__"), call(frozen(-1, -2, 2n ** 64n, F(0.5)), "__hash__")) },
      { py: "r = list({frozenset([1, 2]), frozenset([3]), frozenset(), frozenset([(1, 2)])})", ts: () => list(S(frozen(1, 2), frozen(3), frozen(), frozen(T(1, 2)))) },
      { py: "r = err(lambda: set().pop())", ts: () => err(() => call(S(), "pop")) },
      { py: "r = err(lambda: set().remove(5))", ts: () => err(() => call(S(), "remove", 5)) },
      { py: "r = err(lambda: set().remove((1, 2)))", ts: () => err(() => call(S(), "remove", T(1, 2))) },
      { py: "r = err(lambda: {[1]})", ts: () => err(() => S(L(1))) },
      { py: "r = err(lambda: set().add([1]))", ts: () => err(() => call(S(), "add", L(1))) },
      { py: "r = err(lambda: {1} | [2])", ts: () => err(() => binaryOp(S(1), L(2), BinaryOp.Or)) },
      { py: "r = err(lambda: set(1, 2))", ts: () => err(() => callPy(SetType, [1, 2])) },
      { py: "r = err(lambda: set(1))", ts: () => err(() => callPy(SetType, [1])) },
      { py: "r = err(lambda: set().add())", ts: () => err(() => call(S(), "add")) },
      { py: "r = err(lambda: frozenset().union(x=1))", ts: () => err(() => callKw(frozen(), "union", [], { x: 1 })) },
      { py: "r = err(lambda: hash({1}))", ts: () => err(() => hash(S(1))) },
      { py: "r = [{1, 2} in {frozenset([1, 2])}, {frozenset([1, 2])}.__contains__({1, 2})]", ts: () =>
        L(contains(S(frozen(1, 2)), S(1, 2)), call(S(frozen(1, 2)), "__contains__", S(1, 2))) },
      { py: "s = {frozenset([1, 2]), 3}; s.remove({1, 2}); s.discard({3}); r = s", ts: () => {
        const s = S(frozen(1, 2), 3);
        call(s, "remove", S(1, 2));
        call(s, "discard", S(3));
        return s;
      } },
      { py: "s = set(range(10)); it = iter(s); next(it); s.add(99); r = err(lambda: next(it))", ts: () => {
        const s = callPy(SetType, [callPy(RangeType, [10])]);
        const it = iter(s);
        next(it);
        call(s, "add", 99);
        return err(() => next(it));
      } },
      { py: "s = {1}; f = frozenset(s); r = [f is frozenset(f), type(s.copy()).__name__, frozenset(s).copy().__class__.__name__]", ts: () => {
        const f = callPy(FrozenSetType, [S(1)]);
        return L(callPy(FrozenSetType, [f]) === f, typeName(call(S(1), "copy")), typeName(call(f, "copy")));
      } },
      { py: "r = [1 in {1.0}, 1.0 in {True}, list({1, 1.0, True}), list({1.0, 1}), list({0.5, 2**61 - 1, 2**61, -2**61})]", ts: () =>
        L(contains(S(F(1)), 1), contains(S(true), F(1)), list(S(1, F(1), true)), list(S(F(1), 1)), list(S(F(0.5), 2n ** 61n - 1n, 2n ** 61n, -(2n ** 61n)))) },
    ];
    agree(cases);
  });
});

// ---------------------------------------------------------------- tuple

function randomTuple(r: () => number, depth: number): Spec {
  const n = randInt(r, 0, 5);
  const items: Spec[] = [];
  for (let i = 0; i < n; i++) {
    const p = r();
    if (p < 0.3) {
      items.push(randInt(r, -1000, 1000));
    } else if (p < 0.4) {
      items.push(randInt(r, -2, 2) === 0 ? -1 : randInt(r, -(2 ** 52), 2 ** 52));
    } else if (p < 0.5) {
      items.push((1n << BigInt(randInt(r, 53, 130))) * (r() < 0.5 ? -1n : 1n) + BigInt(randInt(r, -5, 5)));
    } else if (p < 0.65) {
      items.push({ f: [0.5, -0.0, 1e300, -2.5, Infinity, -Infinity, 1 / 3, 1e-310, 3.0][randInt(r, 0, 8)] });
    } else if (p < 0.75) {
      items.push(r() < 0.5);
    } else if (depth < 3) {
      items.push(randomTuple(r, depth + 1));
    } else {
      items.push(randInt(r, 0, 9));
    }
  }
  return { t: items };
}

describe.skipIf(!hasPython)("tuple", () => {
  it("hashes exactly as CPython 3.11 (xxHash)", () => {
    const cases: Case[] = [];
    for (let seed = 0; seed < 400; seed++) {
      const t = randomTuple(rng(seed), 0);
      cases.push({ py: `r = ${lit(t)}.__hash__()`, ts: () => call(val(t), "__hash__") });
    }
    for (let seed = 0; seed < 60; seed++) {
      const r = rng(900 + seed);
      const ts = Array.from({ length: randInt(r, 1, 40) }, () => randomTuple(r, 1));
      cases.push({ py: `r = list(set([${ts.map(lit).join(", ")}]))`, ts: () => list(set(...ts.map(val))) });
      cases.push({ py: `r = list({${ts.map(lit).join(", ")},})`, ts: () => list(setFromConstants(ts.map(val))) });
    }
    agree(cases);
  });

  it("compares, concatenates, repeats, indexes and searches as CPython", () => {
    const specs: Spec[] = [
      { t: [] },
      { t: [1] },
      { t: [1, 2] },
      { t: [1, 2, 3] },
      { t: [1, { f: 2 }, 3] },
      { t: [1, 2, { t: [3] }] },
      { t: [2] },
      { t: ["a", "b"] },
      { t: [1, "a"] },
    ];
    const cases: Case[] = [];
    for (const a of specs) {
      cases.push({ py: `r = [repr(${lit(a)}), len(${lit(a)}), ${lit(a)} * 2, 0 * ${lit(a)}, list(iter(${lit(a)}))]`, ts: () => {
        const t = val(a);
        return L(repr(t), len(t), binaryOp(t, 2, BinaryOp.Mul), binaryOp(0, t, BinaryOp.Mul), list(t));
      } });
      for (const b of specs) {
        for (const op of ["eq", "ne", "lt", "le", "gt", "ge"] as CompareKind[]) {
          const sym = { eq: "==", ne: "!=", lt: "<", le: "<=", gt: ">", ge: ">=" }[op];
          cases.push({ py: `r = err(lambda: ${lit(a)} ${sym} ${lit(b)}) or (${lit(a)} ${sym} ${lit(b)})`, ts: () => {
            const e = err(() => cmp(val(a), val(b), op));
            return e !== None ? e : cmp(val(a), val(b), op);
          } });
        }
        cases.push({ py: `r = ${lit(a)} + ${lit(b)}`, ts: () => binaryOp(val(a), val(b), BinaryOp.Add) });
      }
    }
    const t = T(1, 2, 3, 2, F(1));
    const tl = "(1, 2, 3, 2, 1.0)";
    cases.push(
      { py: `r = [${tl}.index(2), ${tl}.index(2, 2), ${tl}.index(1, -1), ${tl}.count(1), ${tl}.count(2), 2 in ${tl}, 5 in ${tl}]`, ts: () =>
        L(call(t, "index", 2), call(t, "index", 2, 2), call(t, "index", 1, -1), call(t, "count", 1), call(t, "count", 2), contains(t, 2), contains(t, 5)) },
      { py: `r = err(lambda: ${tl}.index(7))`, ts: () => err(() => call(t, "index", 7)) },
      { py: `r = err(lambda: ${tl}.index(2, 'a'))`, ts: () => err(() => call(t, "index", 2, "a")) },
      { py: `r = err(lambda: ${tl}[5])`, ts: () => err(() => getItem(t, 5)) },
      { py: `r = err(lambda: ${tl}['a'])`, ts: () => err(() => getItem(t, "a")) },
      { py: `r = err(lambda: ${tl}[2**70])`, ts: () => err(() => getItem(t, 2n ** 70n)) },
      { py: `r = err(lambda: ${tl} + [1])`, ts: () => err(() => binaryOp(t, L(1), BinaryOp.Add)) },
      { py: `r = err(lambda: ${tl} * 1.5)`, ts: () => err(() => binaryOp(t, F(1.5), BinaryOp.Mul)) },
      { py: `r = err(lambda: tuple(1, 2))`, ts: () => err(() => callPy(TupleType, [1, 2])) },
      { py: `r = err(lambda: tuple(x=1))`, ts: () => err(() => callPy(TupleType, [], new Map([["x", 1]]))) },
      { py: `t = ${tl}; r = [tuple(t) is t, t[:] is t, t[::-1], t[1:4:2], (t + ()) is t, (t * 1) is t, tuple([1, 2]), tuple(range(3))]`, ts: () =>
        L(callPy(TupleType, [t]) === t, getItem(t, slice(None, None)) === t, getItem(t, slice(None, None, -1)), getItem(t, slice(1, 4, 2)), binaryOp(t, T(), BinaryOp.Add) === t, binaryOp(t, 1, BinaryOp.Mul) === t, callPy(TupleType, [L(1, 2)]), callPy(TupleType, [callPy(RangeType, [3])])) },
    );
    agree(cases);
  });
});

// ---------------------------------------------------------------- list

const BOUNDS: (number | null)[] = [null, -7, -4, -1, 0, 1, 2, 4, 7];
const STEPS: (number | null)[] = [null, -3, -2, -1, 1, 2, 3];
const pyBound = (b: number | null): string => (b === null ? "" : String(b));
const tsBound = (b: number | null): PyValue => (b === null ? None : b);

describe.skipIf(!hasPython)("list", () => {
  it("slices (get, set and delete) with every sign of start, stop and step", () => {
    const cases: Case[] = [];
    for (let n = 0; n <= 6; n++) {
      const base = Array.from({ length: n }, (_, i) => i * 10);
      const baseLit = `[${base.join(", ")}]`;
      for (const lo of BOUNDS) {
        for (const hi of BOUNDS) {
          for (const st of STEPS) {
            const sl = `${pyBound(lo)}:${pyBound(hi)}${st === null ? "" : `:${st}`}`;
            const s = (): PySlice => slice(tsBound(lo), tsBound(hi), tsBound(st));
            const extended = st !== null && st !== 1;
            cases.push({
              py: `a = ${baseLit}; r = a[${sl}]`,
              ts: () => getItem(L(...base), s()),
            });
            cases.push({
              py: `a = ${baseLit}; del a[${sl}]; r = a`,
              ts: () => {
                const a = L(...base);
                delItem(a, s());
                return a;
              },
            });
            // Assignment: the right length for extended slices (plus one wrong length), two items otherwise.
            const count = len(getItem(L(...base), s()));
            const sizes = extended ? [count, count + 1] : [0, 2];
            for (const k of sizes) {
              const vals = Array.from({ length: k }, (_, i) => -(i + 1));
              cases.push({
                py: `a = ${baseLit}; a[${sl}] = iter([${vals.join(", ")}]); r = a`,
                ts: () => {
                  const a = L(...base);
                  setItem(a, s(), iter(L(...vals)));
                  return a;
                },
              });
            }
          }
        }
      }
    }
    cases.push(
      { py: "a = [1, 2, 3]; a[1:2] = a; r = a", ts: () => {
        const a = L(1, 2, 3);
        setItem(a, slice(1, 2), a);
        return a;
      } },
      { py: "a = [1, 2, 3]; a[::-1] = a; r = a", ts: () => {
        const a = L(1, 2, 3);
        setItem(a, slice(None, None, -1), a);
        return a;
      } },
      { py: "a = [1, 2, 3]; r = err(lambda: a.__setitem__(slice(None, None, 2), 5))", ts: () => err(() => setItem(L(1, 2, 3), slice(None, None, 2), 5)) },
      { py: "a = [1, 2, 3]; r = err(lambda: a.__setitem__(slice(None, None), 5))", ts: () => err(() => setItem(L(1, 2, 3), slice(None, None), 5)) },
      { py: "r = err(lambda: [1, 2][::0])", ts: () => err(() => getItem(L(1, 2), slice(None, None, 0))) },
      { py: "r = err(lambda: [1, 2]['a':])", ts: () => err(() => getItem(L(1, 2), slice("a", None))) },
      { py: "r = [[1, 2, 3][-10**30:10**30], [1, 2, 3][10**30::-1], [1, 2, 3][::-10**30]]", ts: () =>
        L(getItem(L(1, 2, 3), slice(-(10n ** 30n), 10n ** 30n)), getItem(L(1, 2, 3), slice(10n ** 30n, None, -1)), getItem(L(1, 2, 3), slice(None, None, -(10n ** 30n)))) },
      { py: "a = list(range(10)); a[2:8:2] = 'abc'; del a[::4]; r = a", ts: () => {
        const a = list(callPy(RangeType, [10]));
        setItem(a, slice(2, 8, 2), "abc");
        delItem(a, slice(None, None, 4));
        return a;
      } },
    );
    agree(cases);
  });

  it("mutates and searches as CPython", () => {
    const cases: Case[] = [
      { py: "a = [1, 2]; a.append(3); a.extend((4, 5)); a.extend(a); a.insert(0, 0); a.insert(-1, 9); a.insert(100, 7); a.insert(-100, -1); r = a", ts: () => {
        const a = L(1, 2);
        call(a, "append", 3);
        call(a, "extend", T(4, 5));
        call(a, "extend", a);
        call(a, "insert", 0, 0);
        call(a, "insert", -1, 9);
        call(a, "insert", 100, 7);
        call(a, "insert", -100, -1);
        return a;
      } },
      { py: "a = [3, 1, 3, 2.0, 2]; r = [a.index(3), a.index(3, 1), a.index(2), a.index(2, -2), a.count(3), a.count(2), a.pop(), a.pop(0), a.pop(-2), a, a.remove(3), a]", ts: () => {
        const a = L(3, 1, 3, F(2), 2);
        return L(call(a, "index", 3), call(a, "index", 3, 1), call(a, "index", 2), call(a, "index", 2, -2), call(a, "count", 3), call(a, "count", 2), call(a, "pop"), call(a, "pop", 0), call(a, "pop", -2), L(...a.items), call(a, "remove", 3), a);
      } },
      { py: "a = [1, 2, 3]; b = a.copy(); a.reverse(); b.clear(); r = [a, b, a * 2, 2 * a, a + [9], a * -1, [] * 5]", ts: () => {
        const a = L(1, 2, 3);
        const b = call(a, "copy");
        call(a, "reverse");
        call(b, "clear");
        return L(a, b, binaryOp(a, 2, BinaryOp.Mul), binaryOp(2, a, BinaryOp.Mul), binaryOp(a, L(9), BinaryOp.Add), binaryOp(a, -1, BinaryOp.Mul), binaryOp(L(), 5, BinaryOp.Mul));
      } },
      { py: "a = [1, 2]; b = a; a += range(3); a *= 2; r = [a is b, a]", ts: () => {
        const a = L(1, 2);
        const b = inplaceOp(inplaceOp(a, callPy(RangeType, [3]), BinaryOp.Add), 2, BinaryOp.Mul);
        return L(a === b, a);
      } },
      { py: "a = [1, 2]; a *= 0; r = a", ts: () => inplaceOp(L(1, 2), 0, BinaryOp.Mul) },
      { py: "a = [1, 2, 3]; it = iter(a); out = [next(it)]; a.append(4); out += list(it); a.append(5); out += list(it); r = out", ts: () => {
        const a = L(1, 2, 3);
        const it = iter(a);
        const out = [next(it)!];
        call(a, "append", 4);
        out.push(...toArray(it));
        call(a, "append", 5);
        out.push(...toArray(it));
        return L(...out);
      } },
      { py: "a = [1, 2, 3]; it = reversed(a); out = [next(it)]; a.pop(); a.pop(); out += list(it); r = [out, type(it).__name__, type(iter(a)).__name__]", ts: () => {
        const a = L(1, 2, 3);
        const it = call(a, "__reversed__");
        const out = [next(it)!];
        call(a, "pop");
        call(a, "pop");
        out.push(...toArray(it));
        return L(L(...out), typeName(it), typeName(iter(a)));
      } },
      { py: "r = [[1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [1, 2.0] == [1, 2], [] < [0], [2] > [1, 5], [1] != [1.0], [[1]] <= [[1]]]", ts: () =>
        L(cmp(L(1, 2), L(1, 2), "eq"), cmp(L(1, 2), L(1, 3), "lt"), cmp(L(1, 2), L(1, 2, 0), "lt"), cmp(L(1, F(2)), L(1, 2), "eq"), cmp(L(), L(0), "lt"), cmp(L(2), L(1, 5), "gt"), cmp(L(1), L(F(1)), "ne"), cmp(L(L(1)), L(L(1)), "le")) },
      { py: "r = list([1, 2]) == [1, 2] and [list('ab'), list(range(3)), list({1: 2}), list((1,)), 2 in [1, 2], 3 in [1, 2]]", ts: () =>
        L(callPy(ListType, ["ab"]), callPy(ListType, [callPy(RangeType, [3])]), callPy(ListType, [call(DictType, "fromkeys", L(1))]), callPy(ListType, [T(1)]), contains(L(1, 2), 2), contains(L(1, 2), 3)) },
    ];
    const errors: [string, () => unknown][] = [
      ["[].append()", () => call(L(), "append")],
      ["[].append(1, 2)", () => call(L(), "append", 1, 2)],
      ["[].pop(1, 2)", () => call(L(), "pop", 1, 2)],
      ["[].pop('a')", () => call(L(), "pop", "a")],
      ["[].pop()", () => call(L(), "pop")],
      ["[1].pop(5)", () => call(L(1), "pop", 5)],
      ["[].insert(1)", () => call(L(), "insert", 1)],
      ["[].index()", () => call(L(), "index")],
      ["[].index(1, 'a')", () => call(L(), "index", 1, "a")],
      ["[1, 2].index(3)", () => call(L(1, 2), "index", 3)],
      ["[1, 2].index('a')", () => call(L(1, 2), "index", "a")],
      ["[].remove(1)", () => call(L(), "remove", 1)],
      ["[].copy(1)", () => call(L(), "copy", 1)],
      ["[].sort(1)", () => call(L(), "sort", 1)],
      ["list(1, 2)", () => callPy(ListType, [1, 2])],
      ["list(1)", () => callPy(ListType, [1])],
      ["[][1]", () => getItem(L(), 1)],
      ["[1][2**70]", () => getItem(L(1), 2n ** 70n)],
      ["[1][2**60]", () => getItem(L(1), 2n ** 60n)],
      ["[][1.5]", () => getItem(L(), F(1.5))],
      ["[].__setitem__(0, 1)", () => setItem(L(), 0, 1)],
      ["[].__delitem__(0)", () => delItem(L(), 0)],
      ["[1] + (1,)", () => binaryOp(L(1), T(1), BinaryOp.Add)],
      ["[1] * 1.5", () => binaryOp(L(1), F(1.5), BinaryOp.Mul)],
      ["[1] * 2**70", () => binaryOp(L(1), 2n ** 70n, BinaryOp.Mul)],
      ["[].extend(1)", () => call(L(), "extend", 1)],
      ["[] < ()", () => cmp(L(), T(), "lt")],
      ["[1] < ['a']", () => cmp(L(1), L("a"), "lt")],
      ["hash([])", () => hash(L())],
    ];
    for (const [py, ts] of errors) {
      cases.push({ py: `r = err(lambda: ${py})`, ts: () => err(ts) });
    }
    agree(cases);
  });
});

// ---------------------------------------------------------------- sorting

class KObj extends PyObject {
  constructor(
    readonly v: number,
    readonly tag: number,
  ) {
    super(KType);
  }
}
const KType = nativeType("K", ObjectType);
let sortLog: PyValue[] = [];
defMethod(KType, "__lt__", (args) => {
  const a = args[0] as KObj;
  const b = args[1] as KObj;
  sortLog.push(T(a.v, b.v));
  return a.v < b.v;
});

const PATTERNS: [string, (n: number, r: () => number) => number[]][] = [
  ["random", (n, r) => Array.from({ length: n }, () => randInt(r, 0, n))],
  ["few", (n, r) => Array.from({ length: n }, () => randInt(r, 0, 3))],
  ["sorted", (n) => Array.from({ length: n }, (_, i) => i)],
  ["reversed", (n) => Array.from({ length: n }, (_, i) => n - i)],
  ["sawtooth", (n) => Array.from({ length: n }, (_, i) => i % 37)],
  ["organ", (n) => Array.from({ length: n }, (_, i) => Math.min(i, n - i))],
  ["nearly", (n, r) => {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let k = 0; k < 3 && n > 1; k++) {
      const i = randInt(r, 0, n - 1);
      const j = randInt(r, 0, n - 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }],
  ["runs", (n, r) => {
    const a: number[] = [];
    while (a.length < n) {
      const start = randInt(r, 0, 1000);
      const up = r() < 0.5;
      for (let k = randInt(r, 1, 80); k > 0 && a.length < n; k--) {
        a.push(up ? start + k * 0 + a.length : start - a.length);
      }
    }
    return a;
  }],
];

describe.skipIf(!hasPython)("sort", () => {
  it("makes CPython's comparisons in CPython's order, stably, forward and reversed", () => {
    const cases: Case[] = [];
    let seed = 0;
    for (const n of [0, 1, 2, 3, 7, 31, 32, 63, 64, 65, 100, 200, 777, 2100]) {
      for (const [name, gen] of PATTERNS) {
        for (const reverse of [false, true]) {
          for (const keyed of n > 200 ? [false] : [false, true]) {
            const vs = gen(n, rng(seed++));
            const rev = reverse ? "True" : "False";
            const py = keyed
              ? `KS = [K(v, i) for i, v in enumerate(${JSON.stringify(vs)})]; a = list(range(${n})); a.sort(key=lambda i: KS[i], reverse=${rev}); r = [LOG, a]`
              : `a = [K(v, i) for i, v in enumerate(${JSON.stringify(vs)})]; a.sort(reverse=${rev}); r = [LOG, [k.tag for k in a]]`;
            cases.push({
              py: `# ${name}\n${py}`,
              ts: () => {
                sortLog = [];
                const ks = vs.map((v, i) => new KObj(v, i));
                if (keyed) {
                  const a = L(...vs.map((_, i) => i));
                  callKw(a, "sort", [], { key: fn("key", (i) => ks[i as number]), reverse });
                  return L(L(...sortLog), a);
                }
                const a = L(...ks);
                callKw(a, "sort", [], { reverse });
                return L(L(...sortLog), L(...a.items.map((k) => (k as KObj).tag)));
              },
            });
          }
        }
      }
    }
    agree(cases);
  });

  it("sorts plain values, reports failures and guards the list", () => {
    const cases: Case[] = [];
    for (let seed = 0; seed < 40; seed++) {
      const r = rng(7000 + seed);
      const kind = ELEMENT_KINDS[[0, 1, 4, 5, 6, 8, 11][seed % 7]];
      const items = Array.from({ length: randInt(r, 0, 300) }, () => kind(r));
      for (const reverse of [false, true]) {
        cases.push({
          py: `a = [${items.map(lit).join(", ")}]; a.sort(reverse=${reverse ? "True" : "False"}); r = a`,
          ts: () => {
            const a = L(...items.map(val));
            callKw(a, "sort", [], { reverse });
            return a;
          },
        });
      }
    }
    cases.push(
      { py: "r = sorted(['b', 'a', '\\U0001f600', '\\uffff', 'ab', ''])", ts: () => {
        const a = ["b", "a", "\u{1f600}", "\uffff", "ab", ""];
        sortValues(a, null, false);
        return L(...a);
      } },
      { py: "a = [(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y')]; a.sort(key=lambda p: p[0], reverse=True); r = a", ts: () => {
        const a = L(T(1, "b"), T(0, "z"), T(1, "a"), T(0, "y"));
        callKw(a, "sort", [], { key: fn("k", (p) => (p as PyTuple).items[0]), reverse: true });
        return a;
      } },
      { py: "r = err(lambda: [3, 1, 'x', 2].sort())", ts: () => err(() => call(L(3, 1, "x", 2), "sort")) },
      { py: "r = err(lambda: [1, 'a'].sort())", ts: () => err(() => call(L(1, "a"), "sort")) },
      { py: "r = err(lambda: [None, 1.5, 2].sort())", ts: () => err(() => call(L(None, F(1.5), 2), "sort")) },
      { py: "a = [5, 3, 1]; r = [err(lambda: a.sort(key=lambda x: (a.append(x), x)[1])), a]", ts: () => {
        const a = L(5, 3, 1);
        const e = err(() => callKw(a, "sort", [], { key: fn("k", (x) => (call(a, "append", x), x)) }));
        return L(e, a);
      } },
      { py: "a = [5, 3, 1]; r = [err(lambda: a.sort(key=lambda x: len(a))), a]", ts: () => {
        const a = L(5, 3, 1);
        return L(err(() => callKw(a, "sort", [], { key: fn("k", () => len(a)) })), a);
      } },
      { py: "r = err(lambda: [].sort(foo=1))", ts: () => err(() => callKw(L(), "sort", [], { foo: 1 })) },
      { py: "r = err(lambda: [].sort(key=None, reverse=False, x=1))", ts: () => err(() => callKw(L(), "sort", [], { key: None, reverse: false, x: 1 })) },
    );
    agree(cases);
  });
});

// ---------------------------------------------------------------- dict

describe.skipIf(!hasPython)("dict", () => {
  it("keeps insertion order through deletions, reinsertions and pops", () => {
    const cases: Case[] = [];
    for (let seed = 0; seed < 120; seed++) {
      const r = rng(3000 + seed);
      const keyOf = (): Spec => (seed % 3 === 0 ? { t: [randInt(r, 0, 4), randInt(r, 0, 4)] } : seed % 3 === 1 ? randInt(r, -20, 20) : `k${randInt(r, 0, 30)}`);
      const steps: [number, Spec, number][] = [];
      for (let i = randInt(r, 1, 200); i > 0; i--) {
        steps.push([randInt(r, 0, 9), keyOf(), randInt(r, 0, 99)]);
      }
      cases.push({
        py: `d = {}; out = []
for op, k, v in [${steps.map(([o, k, v]) => `(${o}, ${lit(k)}, ${v})`).join(", ")}]:
    if op <= 3: d[k] = v
    elif op == 4: d.pop(k, None)
    elif op == 5:
        if k in d: del d[k]
    elif op == 6:
        if d: out.append(d.popitem())
    elif op == 7: out.append(d.setdefault(k, v))
    elif op == 8: d.update([(k, v)], z=v)
    else: out.append(list(d.items()))
out.append(d); r = out`,
        ts: () => {
          const d = callPy(DictType, []) as PyDict;
          const out: PyValue[] = [];
          for (const [o, ks, v] of steps) {
            const k = val(ks);
            if (o <= 3) {
              setItem(d, k, v);
            } else if (o === 4) {
              call(d, "pop", k, None);
            } else if (o === 5) {
              if (contains(d, k)) {
                delItem(d, k);
              }
            } else if (o === 6) {
              if (len(d)) {
                out.push(call(d, "popitem"));
              }
            } else if (o === 7) {
              out.push(call(d, "setdefault", k, v));
            } else if (o === 8) {
              callKw(d, "update", [L(T(k, v))], { z: v });
            } else if (o === 9) {
              out.push(list(call(d, "items")));
            }
          }
          out.push(d);
          return new PyList(out);
        },
      });
    }
    agree(cases);
  });

  it("builds, merges, compares and iterates as CPython", () => {
    const d = (...kv: [PyValue, PyValue][]): PyDict => {
      const out = new PyDict();
      for (const [k, v] of kv) {
        out.set(k, v);
      }
      return out;
    };
    const cases: Case[] = [
      { py: "r = [dict(), dict([(1, 2), [3, 4], 'ab']), dict({1: 2}, x=3), dict(zip('ab', 'cd')), dict(a=1, b=2), dict.fromkeys('abc'), dict.fromkeys(range(3), 0)]", ts: () =>
        L(callPy(DictType, []), callPy(DictType, [L(T(1, 2), L(3, 4), "ab")]), callPy(DictType, [d([1, 2])], new Map([["x", 3]])), callPy(DictType, [callPy(ZipType, ["ab", "cd"])]), callPy(DictType, [], new Map<string, PyValue>([["a", 1], ["b", 2]])), call(DictType, "fromkeys", "abc"), call(DictType, "fromkeys", callPy(RangeType, [3]), 0)) },
      { py: "a = {1: 2, 3: 4}; b = {3: 5, 6: 7}; c = a.copy(); c |= [(8, 9)]; r = [a | b, b | a, c, a == {3: 4, 1: 2}, a != b, {1: [1]} == {1: [1]}, {1: 1} == {1: 1.0}, {1: 2} == {2: 2}]", ts: () => {
        const a = d([1, 2], [3, 4]);
        const b = d([3, 5], [6, 7]);
        const c = call(a, "copy");
        inplaceOp(c, L(T(8, 9)), BinaryOp.Or);
        return L(binaryOp(a, b, BinaryOp.Or), binaryOp(b, a, BinaryOp.Or), c, cmp(a, d([3, 4], [1, 2]), "eq"), cmp(a, b, "ne"), cmp(d([1, L(1)]), d([1, L(1)]), "eq"), cmp(d([1, 1]), d([1, F(1)]), "eq"), cmp(d([1, 2]), d([2, 2]), "eq"));
      } },
      { py: "a = {1: 'x', 2: 'y', 3: 'z'}; r = [list(a), list(reversed(a)), list(a.values()), list(reversed(a.items())), a.get(2), a.get(9), a.get(9, 0), len(a), 2 in a, 9 in a]", ts: () => {
        const a = d([1, "x"], [2, "y"], [3, "z"]);
        return L(list(a), list(call(a, "__reversed__")), list(call(a, "values")), list(call(call(a, "items"), "__reversed__")), call(a, "get", 2), call(a, "get", 9), call(a, "get", 9, 0), len(a), contains(a, 2), contains(a, 9));
      } },
      { py: "a = {1: 2}; it = iter(a); a[3] = 4; r = [err(lambda: next(it)), err(lambda: next(it))]", ts: () => {
        const a = d([1, 2]);
        const it = iter(a);
        setItem(a, 3, 4);
        return L(err(() => next(it)), err(() => next(it)));
      } },
      { py: "a = {1: 2, 3: 4}; it = iter(a); next(it); del a[1]; a[5] = 6; r = [err(lambda: next(it)), list(it)]", ts: () => {
        const a = d([1, 2], [3, 4]);
        const it = iter(a);
        next(it);
        delItem(a, 1);
        setItem(a, 5, 6);
        return L(err(() => next(it)), list(it));
      } },
      { py: "r = [type(iter({})).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(reversed({})).__name__, type({}.keys()).__name__]", ts: () => {
        const a = d();
        return L(typeName(iter(a)), typeName(iter(call(a, "values"))), typeName(iter(call(a, "items"))), typeName(call(a, "__reversed__")), typeName(call(a, "keys")));
      } },
    ];
    const errors: [string, () => unknown][] = [
      ["{}[1]", () => getItem(d(), 1)],
      ["{}[[1]]", () => getItem(d(), L(1))],
      ["{}.__getitem__((1, 2))", () => call(d(), "__getitem__", T(1, 2))],
      ["{}.get()", () => call(d(), "get")],
      ["{}.get(1, 2, 3)", () => call(d(), "get", 1, 2, 3)],
      ["{}.get(key=1)", () => callKw(d(), "get", [], { key: 1 })],
      ["{}.pop()", () => call(d(), "pop")],
      ["{}.pop(1)", () => call(d(), "pop", 1)],
      ["{}.pop([])", () => call(d(), "pop", L())],
      ["{1: 2}.pop([])", () => call(d([1, 2]), "pop", L())],
      ["{}.popitem()", () => call(d(), "popitem")],
      ["{}.keys(1)", () => call(d(), "keys", 1)],
      ["dict(1, 2)", () => callPy(DictType, [1, 2])],
      ["dict(1)", () => callPy(DictType, [1])],
      ["dict([(1, 2, 3)])", () => callPy(DictType, [L(T(1, 2, 3))])],
      ["dict([1])", () => callPy(DictType, [L(1)])],
      ["dict(['abc'])", () => callPy(DictType, [L("abc")])],
      ["{}.update(1, 2)", () => call(d(), "update", 1, 2)],
      ["dict.fromkeys()", () => call(DictType, "fromkeys")],
      ["{} | 1", () => binaryOp(d(), 1, BinaryOp.Or)],
      ["{} | [(1, 2)]", () => binaryOp(d(), L(T(1, 2)), BinaryOp.Or)],
      ["{} < {}", () => cmp(d(), d(), "lt")],
      ["hash({})", () => hash(d())],
      ["{}.setdefault()", () => call(d(), "setdefault")],
      ["del {}['a']", () => delItem(d(), "a")],
    ];
    for (const [py, ts] of errors) {
      cases.push({ py: `r = err(lambda: ${py.startsWith("del ") ? `{}.__delitem__('a')` : py})`, ts: () => err(ts) });
    }
    agree(cases);
  });

  it("gives views' set operations and comparisons CPython's results", () => {
    const cases: Case[] = [];
    for (let seed = 0; seed < 80; seed++) {
      const r = rng(4000 + seed);
      const kv = (): [number, number][] => Array.from({ length: randInt(r, 0, 25) }, () => [randInt(r, -15, 15) * (seed % 2 ? 8 : 1), randInt(r, 0, 2)]);
      const a = kv();
      const b = kv();
      const s = Array.from({ length: randInt(r, 0, 20) }, () => randInt(r, -15, 15) * (seed % 2 ? 8 : 1));
      const mk = (pairs: [number, number][]): PyDict => {
        const out = new PyDict();
        for (const [k, v] of pairs) {
          out.set(k, v);
        }
        return out;
      };
      const dl = (pairs: [number, number][]): string => `dict([${pairs.map(([k, v]) => `(${k}, ${v})`).join(", ")}])`;
      const prelude = `a = ${dl(a)}; b = ${dl(b)}; s = set([${s.join(", ")}]); sl = [${s.join(", ")}]`;
      const exprs: [string, (A: PyDict, B: PyDict, S: PySet, SL: PyList) => PyValue][] = [
        ["a.keys() & b.keys()", (A, B) => binaryOp(call(A, "keys"), call(B, "keys"), BinaryOp.And)],
        ["a.keys() & s", (A, _B, S) => binaryOp(call(A, "keys"), S, BinaryOp.And)],
        ["s & a.keys()", (A, _B, S) => binaryOp(S, call(A, "keys"), BinaryOp.And)],
        ["a.keys() & sl", (A, _B, _S, SL) => binaryOp(call(A, "keys"), SL, BinaryOp.And)],
        ["a.keys() | b.keys()", (A, B) => binaryOp(call(A, "keys"), call(B, "keys"), BinaryOp.Or)],
        ["sl | a.keys()", (A, _B, _S, SL) => binaryOp(SL, call(A, "keys"), BinaryOp.Or)],
        ["a.keys() - s", (A, _B, S) => binaryOp(call(A, "keys"), S, BinaryOp.Sub)],
        ["s - a.keys()", (A, _B, S) => binaryOp(S, call(A, "keys"), BinaryOp.Sub)],
        ["a.keys() ^ sl", (A, _B, _S, SL) => binaryOp(call(A, "keys"), SL, BinaryOp.Xor)],
        ["a.items() ^ b.items()", (A, B) => binaryOp(call(A, "items"), call(B, "items"), BinaryOp.Xor)],
        ["a.items() & b.items()", (A, B) => binaryOp(call(A, "items"), call(B, "items"), BinaryOp.And)],
        ["a.items() - b.items()", (A, B) => binaryOp(call(A, "items"), call(B, "items"), BinaryOp.Sub)],
        ["a.items() | b.items()", (A, B) => binaryOp(call(A, "items"), call(B, "items"), BinaryOp.Or)],
        ["[a.keys() == s, a.keys() <= s, a.keys() < b.keys(), a.keys() >= b.keys(), a.items() == b.items(), a.keys() == sl, a.keys().isdisjoint(s), a.items().isdisjoint(b.items()), (1, 0) in a.items(), 3 in a.keys()]", (A, B, S, SL) =>
          L(cmp(call(A, "keys"), S, "eq"), cmp(call(A, "keys"), S, "le"), cmp(call(A, "keys"), call(B, "keys"), "lt"), cmp(call(A, "keys"), call(B, "keys"), "ge"), cmp(call(A, "items"), call(B, "items"), "eq"), cmp(call(A, "keys"), SL, "eq"), call(call(A, "keys"), "isdisjoint", S), call(call(A, "items"), "isdisjoint", call(B, "items")), contains(call(A, "items"), T(1, 0)), contains(call(A, "keys"), 3))],
        ["[repr(a.keys()), repr(a.values()), repr(a.items())]", (A) => L(repr(call(A, "keys")), repr(call(A, "values")), repr(call(A, "items")))],
      ];
      for (const [expr, f] of exprs) {
        cases.push({ py: `${prelude}\nr = ${expr}`, ts: () => f(mk(a), mk(b), set(...s), L(...s)) });
      }
    }
    cases.push(
      { py: "r = err(lambda: {}.keys() < 1)", ts: () => err(() => cmp(call(new PyDict(), "keys"), 1, "lt")) },
      { py: "r = err(lambda: hash({}.keys()))", ts: () => err(() => hash(call(new PyDict(), "keys"))) },
      { py: "r = err(lambda: {1: 2}.items() | 1)", ts: () => err(() => binaryOp(call(new PyDict(), "items"), 1, BinaryOp.Or)) },
    );
    agree(cases);
  });
});

// ---------------------------------------------------------------- repr of nested and recursive structures

describe.skipIf(!hasPython)("repr", () => {
  it("writes nested and self-containing containers as CPython", () => {
    const cases: Case[] = [
      { py: "r = repr([1, [2, (3,)], {4: [5]}, {6}, frozenset(), (), (7,), [], {}, 'x', None, 1.5, True, range(3), slice(1, 2)])", ts: () => {
        const dd = new PyDict();
        dd.set(4, L(5));
        return repr(L(1, L(2, T(3)), dd, set(6), frozen(), T(), T(7), L(), new PyDict(), "x", None, F(1.5), true, callPy(RangeType, [3]), slice(1, 2)));
      } },
      { py: "a = [1]; a.append(a); b = {'k': a}; b['self'] = b; t = (a, b); r = [repr(a), repr(b), repr(t), repr([t, t])]", ts: () => {
        const a = L(1);
        call(a, "append", a);
        const b = new PyDict();
        b.set("k", a);
        b.set("self", b);
        const t = T(a, b);
        return L(repr(a), repr(b), repr(t), repr(L(t, t)));
      } },
      { py: "d = {}; d[1] = d.values(); d[2] = d.keys(); d[3] = d.items(); r = [repr(d[1]), repr(d), repr(d[2])]", ts: () => {
        const d = new PyDict();
        d.set(1, call(d, "values"));
        d.set(2, call(d, "keys"));
        d.set(3, call(d, "items"));
        return L(repr(d.get(1)!), repr(d), repr(d.get(2)!));
      } },
      { py: "a = []; t = (a,); a.append(t); r = [repr(a), repr(t)]", ts: () => {
        const a = L();
        const t = T(a);
        call(a, "append", t);
        return L(repr(a), repr(t));
      } },
    ];
    agree(cases);
  });
});

// ---------------------------------------------------------------- range and slice

const RANGES: [number | bigint, number | bigint, number | bigint][] = [
  [0, 0, 1],
  [0, 10, 1],
  [0, 10, 3],
  [10, 0, -1],
  [10, 0, -3],
  [-5, 5, 2],
  [5, -5, -2],
  [0, 1, 1],
  [3, 3, 1],
  [3, 4, 5],
  [0, -10, 1],
  [-3, -30, -4],
  [0, 2n ** 64n, 1],
  [-(2n ** 70n), 2n ** 70n, 3n ** 20n],
  [2n ** 63n - 5n, 2n ** 63n + 5n, 2],
  [2 ** 53 - 5, 2 ** 53 + 5, 1],
  [-(2 ** 53), 2 ** 53, 2 ** 52],
  [2 ** 52, -(2 ** 52), -(2 ** 50)],
];

describe.skipIf(!hasPython)("range and slice", () => {
  it("computes lengths, items, slices, searches and iteration as CPython", () => {
    const cases: Case[] = [];
    const probes: (number | bigint)[] = [0, 1, 2, 3, 9, 10, -1, -3, -5, -30, 5, 2 ** 53 - 1, 2n ** 63n - 3n, 2n ** 64n - 1n];
    for (const [a, b, c] of RANGES) {
      const rl = `range(${a}, ${b}, ${c})`;
      const rg = (): PyRange => callPy(RangeType, [normInt(BigInt(a)), normInt(BigInt(b)), normInt(BigInt(c))]) as PyRange;
      cases.push({ py: `r = err(lambda: len(${rl})) or len(${rl})`, ts: () => {
        const e = err(() => call(rg(), "__len__"));
        return e !== None ? e : call(rg(), "__len__");
      } });
      cases.push({ py: `r = [repr(${rl}), bool(${rl}), list(islice(iter(${rl}), 12)), list(islice(reversed(${rl}), 12)), type(iter(${rl})).__name__, type(reversed(${rl})).__name__]`, ts: () => {
        const take = (it: PyValue): PyList => {
          const out: PyValue[] = [];
          for (let x = next(it); x !== undefined && out.length < 12; x = next(it)) {
            out.push(x);
          }
          return L(...out);
        };
        return L(repr(rg()), call(rg(), "__bool__"), take(iter(rg())), take(call(rg(), "__reversed__")), typeName(iter(rg())), typeName(call(rg(), "__reversed__")));
      } });
      for (const i of [0, 1, -1, 2, -2, 5, 100, -100, 2n ** 64n]) {
        cases.push({ py: `r = err(lambda: ${rl}[${i}]) or ${rl}[${i}]`, ts: () => {
          const e = err(() => getItem(rg(), normInt(BigInt(i))));
          return e !== None ? e : getItem(rg(), normInt(BigInt(i)));
        } });
      }
      for (const [lo, hi, st] of [[null, null, -1], [1, -1, null], [-3, null, 2], [null, 5, 3], [10, 0, -4], [2 ** 40, -(2 ** 40), -7]] as (number | null)[][]) {
        cases.push({ py: `r = repr(${rl}[${pyBound(lo)}:${pyBound(hi)}:${pyBound(st)}])`, ts: () => repr(getItem(rg(), slice(tsBound(lo), tsBound(hi), tsBound(st)))) });
      }
      for (const x of probes) {
        cases.push({ py: `r = [${x} in ${rl}, ${rl}.count(${x}), err(lambda: ${rl}.index(${x})) or ${rl}.index(${x})]`, ts: () => {
          const v = normInt(BigInt(x));
          const e = err(() => call(rg(), "index", v));
          return L(contains(rg(), v), call(rg(), "count", v), e !== None ? e : call(rg(), "index", v));
        } });
      }
      // Non-ints are searched by iteration (in CPython too): only for short ranges.
      if ([a, b].every((x) => typeof x === "number" && Math.abs(x) < 1000)) {
        cases.push({ py: `r = [1.0 in ${rl}, ${rl}.count(2.0), err(lambda: ${rl}.index('a')), True in ${rl}]`, ts: () =>
          L(contains(rg(), F(1)), call(rg(), "count", F(2)), err(() => call(rg(), "index", "a")), contains(rg(), true)) });
      }
      for (const [a2, b2, c2] of RANGES.slice(0, 12)) {
        cases.push({ py: `r = [${rl} == range(${a2}, ${b2}, ${c2}), ${rl} != range(${a2}, ${b2}, ${c2})]`, ts: () => {
          const o = callPy(RangeType, [a2, b2, c2]);
          return L(cmp(rg(), o, "eq"), cmp(rg(), o, "ne"));
        } });
      }
    }
    for (const [a, b, c] of [[0, 10, 1], [0, 10, 3], [5, 100, 7], [10, 0, -2], [2n ** 64n, 0, -(2n ** 60n)]] as (number | bigint)[][]) {
      cases.push({ py: `r = range(${a}, ${b}, ${c}).__hash__()`, ts: () => call(callPy(RangeType, [a, b, c]), "__hash__") });
    }
    cases.push({ py: "r = [range(0) == range(5, 5), range(1, 2, 3) == range(1, 5, 9), range(3).start, range(1, 9, 2).step, range(4).stop]", ts: () =>
      L(cmp(callPy(RangeType, [0]), callPy(RangeType, [5, 5]), "eq"), cmp(callPy(RangeType, [1, 2, 3]), callPy(RangeType, [1, 5, 9]), "eq"), getAttr(callPy(RangeType, [3]), "start"), getAttr(callPy(RangeType, [1, 9, 2]), "step"), getAttr(callPy(RangeType, [4]), "stop")) });
    const errors: [string, () => unknown][] = [
      ["range()", () => callPy(RangeType, [])],
      ["range(1, 2, 3, 4)", () => callPy(RangeType, [1, 2, 3, 4])],
      ["range(x=1)", () => callPy(RangeType, [], new Map([["x", 1]]))],
      ["range(1.5)", () => callPy(RangeType, [F(1.5)])],
      ["range(1, 2, 0)", () => callPy(RangeType, [1, 2, 0])],
      ["range(3)['a']", () => getItem(callPy(RangeType, [3]), "a")],
      ["range(3)[::0]", () => getItem(callPy(RangeType, [3]), slice(None, None, 0))],
      ["range(3) < range(4)", () => cmp(callPy(RangeType, [3]), callPy(RangeType, [4]), "lt")],
      ["slice()", () => callPy(SliceType, [])],
      ["slice(1, 2, 3, 4)", () => callPy(SliceType, [1, 2, 3, 4])],
      ["slice(x=1)", () => callPy(SliceType, [], new Map([["x", 1]]))],
      ["hash(slice(1))", () => hash(slice(None, 1))],
      ["slice(1).indices(-1)", () => call(slice(None, 1), "indices", -1)],
      ["slice('a').indices(3)", () => call(slice(None, "a"), "indices", 3)],
      ["slice(1, 2, 0).indices(3)", () => call(slice(1, 2, 0), "indices", 3)],
    ];
    for (const [py, ts] of errors) {
      cases.push({ py: `r = err(lambda: ${py})`, ts: () => err(ts) });
    }
    const bound = (x: number | bigint | null): PyValue => (x === null ? None : normInt(BigInt(x)));
    for (const s of [[null, null, null], [1, null, null], [-3, 10, 2], [null, null, -1], [10, -10, -3], [2n ** 60n, -(2n ** 60n), 7]] as (number | bigint | null)[][]) {
      const sl = `slice(${s.map((x) => (x === null ? "None" : String(x))).join(", ")})`;
      const mk = (): PySlice => slice(bound(s[0]), bound(s[1]), bound(s[2]));
      for (const n of [0n, 1n, 5n, 2n ** 62n]) {
        cases.push({ py: `r = ${sl}.indices(${n})`, ts: () => call(mk(), "indices", normInt(n)) });
      }
      cases.push({ py: `r = [repr(${sl}), ${sl} == slice(1, None), ${sl} < slice(2, 0), ${sl}.start, ${sl}.stop, ${sl}.step]`, ts: () =>
        L(repr(mk()), cmp(mk(), slice(1, None), "eq"), cmp(mk(), slice(2, 0), "lt"), getAttr(mk(), "start"), getAttr(mk(), "stop"), getAttr(mk(), "step")) });
    }
    agree(cases);
  });
});

// ---------------------------------------------------------------- enumerate, zip, map, filter, reversed

describe.skipIf(!hasPython)("iterator classes", () => {
  it("iterate and fail as CPython", () => {
    const sq = fn("sq", (x) => binaryOp(x, x, BinaryOp.Mul));
    const add = fn("add", (x, y) => binaryOp(x, y, BinaryOp.Add));
    const cases: Case[] = [
      { py: "r = [list(enumerate('abc')), list(enumerate([5, 6], 10)), list(enumerate([1], start=2**60)), list(enumerate([], -1)), type(enumerate([])).__name__]", ts: () =>
        L(list(callPy(EnumerateType, ["abc"])), list(callPy(EnumerateType, [L(5, 6), 10])), list(callPy(EnumerateType, [L(1)], new Map([["start", normInt(2n ** 60n)]]))), list(callPy(EnumerateType, [L(), -1])), typeName(callPy(EnumerateType, [L()]))) },
      { py: "r = [list(zip()), list(zip('ab', range(5))), list(zip([1, 2], 'xy', strict=True)), type(zip()).__name__]", ts: () =>
        L(list(callPy(ZipType, [])), list(callPy(ZipType, ["ab", callPy(RangeType, [5])])), list(callPy(ZipType, [L(1, 2), "xy"], new Map([["strict", true]]))), typeName(callPy(ZipType, []))) },
      { py: "sq = lambda x: x * x; add = lambda x, y: x + y; r = [list(map(sq, range(4))), list(map(add, [1, 2, 3], (10, 20))), type(map(sq, [])).__name__]", ts: () =>
        L(list(callPy(MapType, [sq, callPy(RangeType, [4])])), list(callPy(MapType, [add, L(1, 2, 3), T(10, 20)])), typeName(callPy(MapType, [sq, L()]))) },
      { py: "r = [list(filter(None, [0, 1, '', 'a', None, 2.0])), list(filter(bool, [0, 3])), list(filter(lambda x: x * x, [0, 1, -1])), type(filter(None, [])).__name__]", ts: () =>
        L(list(callPy(FilterType, [None, L(0, 1, "", "a", None, F(2))])), list(callPy(FilterType, [getBool(), L(0, 3)])), list(callPy(FilterType, [sq, L(0, 1, -1)])), typeName(callPy(FilterType, [None, L()]))) },
      { py: "r = [list(reversed('abc')), list(reversed((1, 2))), list(reversed([1, 2])), list(reversed(range(3))), list(reversed({1: 2, 3: 4})), type(reversed('ab')).__name__, type(reversed([])).__name__]", ts: () => {
        const d = new PyDict();
        d.set(1, 2);
        d.set(3, 4);
        return L(list(callPy(ReversedType, ["abc"])), list(callPy(ReversedType, [T(1, 2)])), list(callPy(ReversedType, [L(1, 2)])), list(callPy(ReversedType, [callPy(RangeType, [3])])), list(callPy(ReversedType, [d])), typeName(callPy(ReversedType, ["ab"])), typeName(callPy(ReversedType, [L()])));
      } },
    ];
    const errors: [string, () => unknown][] = [
      ["enumerate()", () => callPy(EnumerateType, [])],
      ["enumerate(1)", () => callPy(EnumerateType, [1])],
      ["enumerate([], 'a')", () => callPy(EnumerateType, [L(), "a"])],
      ["enumerate([], x=1)", () => callPy(EnumerateType, [L()], new Map([["x", 1]]))],
      ["enumerate([], 1, 2)", () => callPy(EnumerateType, [L(), 1, 2])],
      ["zip(1)", () => callPy(ZipType, [1])],
      ["zip([], x=1)", () => callPy(ZipType, [L()], new Map([["x", 1]]))],
      ["list(zip([1], [1, 2], strict=True))", () => list(callPy(ZipType, [L(1), L(1, 2)], new Map([["strict", true]])))],
      ["list(zip([1, 2], [1], strict=True))", () => list(callPy(ZipType, [L(1, 2), L(1)], new Map([["strict", true]])))],
      ["list(zip([1, 2], [1, 2], [1], strict=True))", () => list(callPy(ZipType, [L(1, 2), L(1, 2), L(1)], new Map([["strict", true]])))],
      ["list(zip([1], [1], [1, 2], strict=True))", () => list(callPy(ZipType, [L(1), L(1), L(1, 2)], new Map([["strict", true]])))],
      ["map(len)", () => callPy(MapType, [sq])],
      ["map(len, [], x=1)", () => callPy(MapType, [sq, L()], new Map([["x", 1]]))],
      ["filter(len)", () => callPy(FilterType, [sq])],
      ["filter(len, [], x=1)", () => callPy(FilterType, [sq, L()], new Map([["x", 1]]))],
      ["reversed()", () => callPy(ReversedType, [])],
      ["reversed(1)", () => callPy(ReversedType, [1])],
      ["reversed({1})", () => callPy(ReversedType, [set(1)])],
      ["reversed([], 1)", () => callPy(ReversedType, [L(), 1])],
    ];
    for (const [py, ts] of errors) {
      cases.push({ py: `r = err(lambda: ${py})`, ts: () => err(ts) });
    }
    agree(cases);
  });
});

function getBool(): PyValue {
  return typeOf(true);
}
