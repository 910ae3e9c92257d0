/**
 * int, bool and float semantics (vm/numbers.ts, vm/format.ts, vm/types/numeric.ts) against
 * CPython 3.11: every case below is also evaluated by ONE python3 process, and results must
 * be equal — floats bit for bit, errors by exception type and message.
 */
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { hasPython } from "./python3";
import "../../simulator/vm/load";
import { BinaryOp, UnaryOp } from "../../simulator/python/opcodes";
import { attributeError, Unsupported } from "../../simulator/vm/errors";
import { formatFloat, formatInt, parseSpec, percentFormatNumber } from "../../simulator/vm/format";
import {
  floatRepr,
  hashFloat,
  hashInt,
  numBinary,
  numCompare,
  numUnary,
} from "../../simulator/vm/numbers";
import {
  BoolType,
  FloatType,
  IntType,
  None,
  normInt,
  NotImplemented,
  PyBaseException,
  PyBuiltin,
  PyBytes,
  PyClassMethod,
  PyFloat,
  PyList,
  PyTuple,
  type PyType,
  type PyValue,
} from "../../simulator/vm/objects";
import "../../simulator/vm/types/numeric";


// ---------------------------------------------------------------- wire format shared with python3

/** Values as both sides write them: floats by their IEEE bits, ints as decimal strings. */
type Wire =
  | null
  | boolean
  | string
  | { f: string }
  | { i: string }
  | { t: Wire[] }
  | { l: Wire[] }
  | { y: string }
  | { ni: 1 };

/** What an evaluation produced: a value, an exception [type, message], or a complex number (Unsupported here). */
type Outcome = { v: Wire; cr?: Wire } | { e: [string, string] } | { c: 1 };

const view = new DataView(new ArrayBuffer(8));
function floatBits(x: number): string {
  if (Number.isNaN(x)) {
    return "nan";
  }
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}
function bitsFloat(h: string): number {
  if (h === "nan") {
    return NaN;
  }
  view.setBigUint64(0, BigInt(`0x${h}`));
  return view.getFloat64(0);
}

const F = (x: number): Wire => ({ f: floatBits(x) });
const I = (x: number | bigint): Wire => ({ i: String(x) });

function decode(w: Wire): PyValue {
  if (w === null) {
    return None;
  }
  if (typeof w === "boolean" || typeof w === "string") {
    return w;
  }
  if ("f" in w) {
    return new PyFloat(bitsFloat(w.f));
  }
  if ("i" in w) {
    return normInt(BigInt(w.i));
  }
  if ("t" in w) {
    return new PyTuple(w.t.map(decode));
  }
  if ("l" in w) {
    return new PyList(w.l.map(decode));
  }
  if ("ni" in w) {
    return NotImplemented;
  }
  return new PyBytes(Uint8Array.from(Buffer.from(w.y, "hex")));
}

function encode(v: PyValue): Wire {
  if (v === None) {
    return null;
  }
  if (v === NotImplemented) {
    return { ni: 1 };
  }
  if (typeof v === "boolean" || typeof v === "string") {
    return v;
  }
  if (typeof v === "number" || typeof v === "bigint") {
    if (typeof v === "number" && !Number.isSafeInteger(v)) {
      throw new Error(`not an int: ${v}`);
    }
    if (typeof v === "bigint" && v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n) {
      throw new Error(`int invariant broken: ${v}n is in the safe range`);
    }
    return I(v);
  }
  if (v instanceof PyFloat) {
    return F(v.v);
  }
  if (v instanceof PyTuple) {
    return { t: v.items.map(encode) };
  }
  if (v instanceof PyBytes) {
    return { y: Buffer.from(v.bytes).toString("hex") };
  }
  throw new Error(`cannot encode ${String(v)}`);
}

/** str(exception) for the builtin exceptions raised by native code. */
function excMessage(e: PyBaseException): string {
  const a = e.args.items;
  if (a.length === 0) {
    return "";
  }
  if (a.length === 1) {
    return typeof a[0] === "string" ? a[0] : String(a[0]);
  }
  return `(${a.map((x) => (typeof x === "string" ? `'${x}'` : String(x))).join(", ")})`;
}

function run(f: () => PyValue): Outcome {
  try {
    return { v: encode(f()) };
  } catch (e) {
    if (e instanceof PyBaseException) {
      return { e: [e.cls.name, excMessage(e)] };
    }
    if (e instanceof Unsupported && e.what === "complex numbers") {
      return { c: 1 };
    }
    throw e;
  }
}

/** Floats compare by bits, except that every NaN equals every NaN. */
function normalize(o: Outcome): Outcome {
  if ("v" in o) {
    return { v: normWire(o.v) };
  }
  if ("e" in o && o.e[0] === "OverflowError" && o.e[1] === "complex exponentiation") {
    return { c: 1 }; // a complex result either way
  }
  return o;
}
function normWire(w: Wire): Wire {
  if (w !== null && typeof w === "object") {
    if ("f" in w && Number.isNaN(bitsFloat(w.f))) {
      return { f: "nan" };
    }
    if ("t" in w) {
      return { t: w.t.map(normWire) };
    }
  }
  return w;
}

// ---------------------------------------------------------------- the oracle

const ORACLE = String.raw`
import json, struct, sys, operator, math, decimal
from fractions import Fraction
sys.set_int_max_str_digits(0)  # results travel as decimal strings

def dec(w):
    if w is None or isinstance(w, (bool, str)):
        return w
    if 'f' in w:
        return float('nan') if w['f'] == 'nan' else struct.unpack('>d', bytes.fromhex(w['f']))[0]
    if 'i' in w:
        return int(w['i'])
    if 't' in w:
        return tuple(dec(x) for x in w['t'])
    if 'l' in w:
        return [dec(x) for x in w['l']]
    return bytes.fromhex(w['y'])

def enc(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if v is NotImplemented:
        return {'ni': 1}
    if isinstance(v, int):
        return {'i': str(v)}
    if isinstance(v, float):
        return {'f': 'nan' if v != v else struct.pack('>d', v).hex()}
    if isinstance(v, tuple):
        return {'t': [enc(x) for x in v]}
    if isinstance(v, bytes):
        return {'y': v.hex()}
    raise TypeError(type(v))

TYPES = {'int': int, 'float': float, 'bool': bool}

def ev(c):
    k = c['k']
    a = [dec(x) for x in c.get('a', [])]
    if k == 'repr':
        return repr(a[0])
    if k == 'bin':
        return getattr(operator, c['op'])(a[0], a[1])
    if k == 'un':
        return getattr(operator, c['op'])(a[0])
    if k == 'cmp':
        return getattr(operator, c['op'])(a[0], a[1])
    if k == 'hash':
        return hash(a[0])
    if k == 'format':
        return format(a[0], c['spec'])
    if k == 'percent':
        return c['fmt'] % (a[0],)
    if k == 'call':
        kw = {n: dec(v) for n, v in c.get('kw', {}).items()}
        if c['name'] == '__new__':
            return TYPES[c['type']](*a, **kw)
        return getattr(TYPES[c['type']], c['name'])(*a, **kw)
    raise ValueError(k)

def correctly_rounded_pow(x, y):
    # glibc's pow is not correctly rounded in ~0.1% of cases (0.52 ulp): this is the exact answer.
    try:
        if y == int(y) and abs(y) <= 1100:
            return float(Fraction(x) ** int(y))
        if x > 0:
            with decimal.localcontext() as ctx:
                ctx.prec = 80
                return float(decimal.Decimal(x) ** decimal.Decimal(y))
    except (OverflowError, ZeroDivisionError, decimal.Overflow):
        pass
    return None

out = []
for c in json.load(sys.stdin):
    try:
        r = ev(c)
        if isinstance(r, complex):
            out.append({'c': 1})
            continue
        o = {'v': enc(r)}
        if c['k'] == 'bin' and c['op'] == 'pow' and isinstance(r, float) and math.isfinite(r) and r != 0:
            x, y = (float(dec(a)) for a in c['a'])
            cr = correctly_rounded_pow(x, y) if math.isfinite(x) and math.isfinite(y) else None
            if cr is not None and cr != r:
                o['cr'] = enc(cr)
        out.append(o)
    except Exception as e:
        out.append({'e': [type(e).__name__, str(e)]})
json.dump(out, sys.stdout)
`;

interface Case {
  k: "repr" | "bin" | "un" | "cmp" | "hash" | "format" | "percent" | "call";
  a: Wire[];
  op?: string;
  spec?: string;
  fmt?: string;
  type?: "int" | "float" | "bool";
  name?: string;
  kw?: Record<string, Wire>;
  /** The same evaluation on our side. */
  mine: () => PyValue;
  label: string;
}

const cases: Case[] = [];
const counts: string[] = [];
const misrounded: string[] = [];
let expected: Outcome[] = [];

function add(c: Case): void {
  cases.push(c);
}

/** Calls a native of int/float/bool the way Python would call `type.name(*args)`. */
function callNative(t: PyType, name: string, args: PyValue[], kw: Record<string, PyValue> | null = null): PyValue {
  const f = t.lookup(name);
  if (f === undefined) {
    throw attributeError(`type object '${t.name}' has no attribute '${name}'`);
  }
  const kwargs = kw === null ? null : new Map(Object.entries(kw));
  if (f instanceof PyClassMethod) {
    return (f.func as PyBuiltin).fn([t, ...args], kwargs);
  }
  if (name === "__new__") {
    return (f as PyBuiltin).fn([t, ...args], kwargs);
  }
  return (f as PyBuiltin).fn(args, kwargs);
}
const TYPE_OF = { int: IntType, float: FloatType, bool: BoolType };

function addCall(type: "int" | "float" | "bool", name: string, args: Wire[], kw: Record<string, Wire> | null = null): void {
  add({
    k: "call",
    type,
    name,
    a: args,
    kw: kw ?? undefined,
    label: `${type}.${name}(${JSON.stringify(args)}${kw ? ", " + JSON.stringify(kw) : ""})`,
    mine: () =>
      callNative(
        TYPE_OF[type],
        name,
        args.map(decode),
        kw === null ? null : Object.fromEntries(Object.entries(kw).map(([k, v]) => [k, decode(v)])),
      ),
  });
}

// ---------------------------------------------------------------- a seeded generator

let seed = 0x9e3779b9;
function rand32(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const randInt = (lo: number, hi: number): number => lo + (rand32() % (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[rand32() % xs.length];

/** A random double: raw bit patterns (any exponent), short decimals, or scaled fractions. */
function randomDouble(): number {
  switch (rand32() % 3) {
    case 0: {
      view.setUint32(0, rand32());
      view.setUint32(4, rand32());
      const x = view.getFloat64(0);
      return Number.isFinite(x) ? x : randomDouble();
    }
    case 1:
      return (randInt(-999999, 999999) / 10 ** randInt(0, 8)) * (rand32() % 5 === 0 ? 10 ** randInt(-30, 30) : 1);
    default:
      return (rand32() / 2 ** 32) * 10 ** randInt(-25, 25) * (rand32() % 2 ? -1 : 1);
  }
}

// ---------------------------------------------------------------- the cases

const EDGE_FLOATS = [
  0, -0, 1, -1, 0.1, 0.5, 1.5, 2.5, -2.5, 0.125, 2.675, 1 / 3, 100, 1e15, 1e16, 1e17, 123456789012345680, 9999999999999998,
  1e-4, 1e-5, 0.0001, 0.00001234, 1.5e-7, 1e22, 1e21, 1e300, 1e308, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
  2.225073858507201e-308, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, -(2 ** 70), 4.35, 0.3, 1e-320, Infinity, -Infinity, NaN,
  123.456, 1e-10, 9.5, 10.5, -0.5, 0.05, 1234567.891,
];

const INTS: (number | bigint)[] = [
  0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 255, -256, 1000, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 52, 2 ** 53 - 1,
  -(2 ** 53 - 1), 2n ** 53n, -(2n ** 53n), 2n ** 64n + 5n, -(3n ** 50n), 10n ** 30n, 2n ** 61n - 1n, 2n ** 61n, -(2n ** 61n), 2n ** 1100n,
];
const GRID_FLOATS = [0, -0, 0.5, -1.5, 3, 2.5, 7.25, -7.25, 1e16, 1e308, -1e-310, 1e-300, Infinity, -Infinity, NaN];

const w = (v: number | bigint | boolean): Wire => (typeof v === "boolean" ? v : I(v));
const GRID: Wire[] = [...INTS.map(w), true, false, ...GRID_FLOATS.map(F)];

const BIN_OPS: [string, BinaryOp][] = [
  ["add", BinaryOp.Add],
  ["sub", BinaryOp.Sub],
  ["mul", BinaryOp.Mul],
  ["truediv", BinaryOp.TrueDiv],
  ["floordiv", BinaryOp.FloorDiv],
  ["mod", BinaryOp.Mod],
  ["pow", BinaryOp.Pow],
  ["lshift", BinaryOp.LShift],
  ["rshift", BinaryOp.RShift],
  ["or_", BinaryOp.Or],
  ["xor", BinaryOp.Xor],
  ["and_", BinaryOp.And],
];

/** Magnitude of an int operand as a double (for skipping astronomically large results). */
function mag(x: Wire): number {
  if (x !== null && typeof x === "object" && "i" in x) {
    return Math.abs(Number(x.i));
  }
  return typeof x === "boolean" ? +x : 0;
}
const isIntWire = (x: Wire): boolean => typeof x === "boolean" || (x !== null && typeof x === "object" && "i" in x);

function buildCases(): void {
  // float repr: edge values and 2000 random doubles.
  const reprs = [...EDGE_FLOATS];
  for (let i = 0; i < 2000; i++) {
    reprs.push(randomDouble());
  }
  for (const x of reprs) {
    add({ k: "repr", a: [F(x)], label: `repr(${x})`, mine: () => floatRepr(x) });
    if (!Number.isNaN(x)) {
      add({ k: "hash", a: [F(x)], label: `hash(${x})`, mine: () => hashFloat(x) }); // NaN hashes by identity
    }
  }

  // Binary operators over the grid (astronomic powers and shifts left out: CPython would not finish either).
  for (const [name, op] of BIN_OPS) {
    for (const a of GRID) {
      for (const b of GRID) {
        if ((op === BinaryOp.Pow || op === BinaryOp.LShift) && isIntWire(a) && isIntWire(b) && mag(b) > 300) {
          continue;
        }
        add({ k: "bin", op: name, a: [a, b], label: `${name}(${JSON.stringify(a)}, ${JSON.stringify(b)})`, mine: () => {
          const r = numBinary(op, decode(a), decode(b));
          if (r === undefined) {
            throw new PyBaseExceptionStandIn(); // the caller raises "unsupported operand type(s)"
          }
          return r;
        } });
      }
    }
  }
  // Random int arithmetic around the safe-range boundary.
  for (let i = 0; i < 400; i++) {
    const big = (): bigint => BigInt(randInt(-(2 ** 30), 2 ** 30)) * BigInt(randInt(1, 2 ** 26)) + BigInt(randInt(-5, 5));
    const a = normInt(big());
    const b = normInt(i % 2 ? big() : BigInt(randInt(-1000, 1000)));
    for (const [name, op] of BIN_OPS) {
      if (op === BinaryOp.Pow || op === BinaryOp.LShift) {
        continue;
      }
      add({ k: "bin", op: name, a: [I(a), I(b)], label: `${name}(${a}, ${b})`, mine: () => numBinary(op, a, b)! });
    }
  }
  // Random float arithmetic, and pow (V8's Math.pow is not what glibc computes).
  for (let i = 0; i < 3000; i++) {
    const x = randomDouble();
    const y = i % 3 === 0 ? randomDouble() : i % 3 === 1 ? randInt(-400, 400) / pick([1, 2, 4, 8, 10, 3]) : (rand32() / 2 ** 32) * 40 - 20;
    const base = i % 2 ? Math.abs(x) : x;
    const names = i % 5 === 0 ? BIN_OPS.slice(0, 6) : [BIN_OPS[6]];
    for (const [name, op] of names) {
      add({ k: "bin", op: name, a: [F(base), F(y)], label: `${name}(${base}, ${y})`, mine: () => numBinary(op, new PyFloat(base), new PyFloat(y))! });
    }
  }
  for (let i = 0; i < 300; i++) {
    const x = randInt(-30, 30);
    const y = randInt(-70, 70);
    add({ k: "bin", op: "pow", a: [I(x), I(y)], label: `pow(${x}, ${y})`, mine: () => numBinary(BinaryOp.Pow, x, y)! });
  }
  // Big ints in every base, through int(str, base) and format().
  for (let i = 0; i < 300; i++) {
    const base = randInt(2, 36);
    const len = randInt(1, 60);
    let s = rand32() % 2 ? "-" : "";
    for (let j = 0; j < len; j++) {
      s += (rand32() % base).toString(36);
      if (j < len - 1 && rand32() % 9 === 0) {
        s += "_";
      }
    }
    addCall("int", "__new__", [s, I(base)]);
    const v = normInt(BigInt(randInt(-(2 ** 30), 2 ** 30)) ** BigInt(randInt(1, 4)));
    const sp = pick(["b", "o", "x", "X", "d", ",", "_x", "#_b", "+,d", "030_", "^40,"]);
    add({ k: "format", a: [I(v)], spec: sp, label: `format(${v}, '${sp}')`, mine: () => formatInt(v, sp) });
  }
  // Unary operators and comparisons.
  for (const [name, op] of [["neg", UnaryOp.Neg], ["pos", UnaryOp.Pos], ["invert", UnaryOp.Invert]] as const) {
    for (const a of GRID) {
      add({ k: "un", op: name, a: [a], label: `${name}(${JSON.stringify(a)})`, mine: () => {
        const r = numUnary(op, decode(a));
        if (r === undefined) {
          throw new PyBaseExceptionStandIn();
        }
        return r;
      } });
    }
  }
  for (const op of ["lt", "le", "eq", "ne", "gt", "ge"] as const) {
    for (const a of GRID) {
      for (const b of GRID) {
        add({ k: "cmp", op, a: [a, b], label: `${op}(${JSON.stringify(a)}, ${JSON.stringify(b)})`, mine: () => numCompare(decode(a), decode(b), op)! });
      }
    }
  }
  // int hashes.
  for (const v of [...INTS, -(2n ** 61n) + 1n, 2n ** 62n, -(2n ** 200n) - 1n, 12345678901234567890n]) {
    add({ k: "hash", a: [I(v)], label: `hash(${v})`, mine: () => hashInt(normInt(BigInt(v))) });
  }
  add({ k: "hash", a: [true], label: "hash(True)", mine: () => hashInt(true) });

  // Parsing through the constructors (messages included).
  const floatStrings = [
    "1.5", " 1.5 ", "\t-2.5e3\n", "1_000.5", "1__0", "_1", "1_", "1_.5", "1._5", "1e1_0", "inf", "-INF", "+Infinity", "nan",
    "-nan", "NaN", "infinit", "1e", "e5", ".", "1.", ".5", "-.5e-3", "0x10", "", "  ", "1e500", "-1e-500", "١٢٣.٥", "12\u00a0",
    "1.5j", "++1", "1 2", "0.1", "2.675", "9007199254740993", "1e-320", "in_f",
  ];
  for (const s of floatStrings) {
    addCall("float", "__new__", [s]);
  }
  const intStrings: [string, number | null][] = [
    ["12", null], [" -1_000 ", null], ["1_", null], ["1__0", null], ["_1", null], ["0x1f", 16], ["0x1f", 0], ["0X_1F", 0],
    ["0x_1f", 16], ["010", 0], ["00", 0], ["0_0", 0], ["0b101", 0], ["0B101", 2], ["0o17", 8], ["017", 8], ["0x", 16], ["z", 36],
    ["Z", 36], ["zz", 35], ["", null], ["+", null], ["-0", null], ["١٢٣", null], ["1.5", null], ["99999999999999999999999", null],
    ["-123456789012345678901234567890", 10], ["7fffffffffffffffffff", 16], ["1010101010101010101010101010101010101010101010101010101", 2],
    ["zzzzzzzzzzzzzzzzzz", 36], ["0b1", 16], ["12", 3], ["\u3000 42 \u00a0", null],
  ];
  for (const [s, base] of intStrings) {
    addCall("int", "__new__", base === null ? [s] : [s, I(base)]);
  }
  addCall("int", "__new__", [I(5), I(16)]);
  addCall("int", "__new__", ["5", I(1)]);
  addCall("int", "__new__", ["5", I(37)]);
  addCall("int", "__new__", [F(-3.9)]);
  addCall("int", "__new__", [F(1e30)]);
  addCall("int", "__new__", [F(NaN)]);
  addCall("int", "__new__", [F(-Infinity)]);
  addCall("int", "__new__", [true]);
  addCall("int", "__new__", []);
  addCall("int", "__new__", [{ y: "3132" }]);
  addCall("int", "__new__", [{ y: "78" }]);
  addCall("int", "__new__", [null]);
  addCall("int", "__new__", [], { base: I(10) });
  addCall("int", "__new__", ["11"], { base: I(2) });
  addCall("int", "__new__", ["11"], { x: I(2) });
  addCall("float", "__new__", [I(2n ** 1100n)]);
  addCall("float", "__new__", [I(2n ** 60n + 1n)]);
  addCall("float", "__new__", [null]);
  addCall("float", "__new__", [{ y: "312e35" }]);
  addCall("float", "__new__", [{ y: "78" }]);
  addCall("float", "__new__", []);
  addCall("bool", "__new__", [F(0)]);
  addCall("bool", "__new__", [I(2n ** 70n)]);
  addCall("bool", "__new__", [""]);
  addCall("bool", "__new__", []);

  // round().
  const roundFloats = [...EDGE_FLOATS, 0.285, 1.005, 2.345, -2.675, 5e-5, 1234.5, 0.5e-300];
  for (let i = 0; i < 300; i++) {
    roundFloats.push(randomDouble());
  }
  for (const x of roundFloats) {
    addCall("float", "__round__", [F(x)]);
    for (const nd of [0, 1, 2, 3, -1, -2, 5, 17, 300, 400, -305, -400]) {
      addCall("float", "__round__", [F(x), I(nd)]);
    }
  }
  for (const v of [...INTS, 15, 25, -15, -25, 12345, 150, 250, 5n * 10n ** 30n, 15n * 10n ** 29n]) {
    for (const nd of [0, 3, -1, -2, -5, -31, -50]) {
      addCall("int", "__round__", [I(v), I(nd)]);
    }
    addCall("int", "__round__", [I(v)]);
  }
  addCall("float", "__round__", [F(1.5), null]);
  addCall("float", "__round__", [F(1.5), F(1)]);
  addCall("int", "__round__", [I(5), null]);

  // Dunders and methods.
  const HUGE = I(2n ** 64n + 1n);
  const some: Wire[] = [I(0), I(7), I(-7), HUGE, true, F(2.5), F(-0), F(NaN), F(Infinity), F(-7.75), "x"];
  for (const a of some) {
    for (const b of some) {
      for (const t of ["int", "float"] as const) {
        for (const m of ["__add__", "__rsub__", "__truediv__", "__rfloordiv__", "__mod__", "__divmod__", "__rdivmod__", "__pow__", "__rpow__", "__eq__", "__lt__"]) {
          if (!(m.includes("pow") && (a === HUGE || b === HUGE))) {
            addCall(t, m, [a, b]); // (a huge power would not finish in CPython either)
          }
        }
      }
      addCall("int", "__and__", [a, b]);
      addCall("bool", "__and__", [a, b]);
      addCall("bool", "__ror__", [a, b]);
      if (b !== HUGE) {
        addCall("int", "__lshift__", [a, b]);
      }
    }
    for (const t of ["int", "float"] as const) {
      for (const m of ["__neg__", "__pos__", "__abs__", "__invert__", "__bool__", "__int__", "__float__", "__index__", "__trunc__", "__floor__", "__ceil__", "__hash__", "__repr__", "conjugate", "as_integer_ratio", "is_integer", "bit_length", "bit_count", "hex"]) {
        if (!(m === "__hash__" && a !== null && typeof a === "object" && "f" in a && a.f === "nan")) {
          addCall(t, m, [a]); // (NaN hashes by identity)
        }
      }
    }
    addCall("bool", "__repr__", [a]);
  }
  addCall("int", "__add__", [I(1)]);
  addCall("int", "__add__", [I(1), I(2), I(3)]);
  addCall("int", "__neg__", [I(1), I(2)]);
  for (const [a, b, m] of [
    [2, 10, 1000], [2, -1, 7], [2, -1, 4], [3, 200, -7], [-3, 5, 7], [5, 0, 1], [5, 3, 0], [12345678901234, 98765, 1000000007],
  ]) {
    addCall("int", "__pow__", [I(a), I(b), I(m)]);
  }
  addCall("int", "__pow__", [I(2n ** 80n), I(-3), I(2n ** 70n + 1n)]);
  addCall("int", "__pow__", [I(2), F(3), I(5)]);
  addCall("float", "__pow__", [F(2), I(3), I(5)]);
  addCall("float", "__pow__", [F(2), I(3), null]);
  addCall("int", "__pow__", [I(2), I(3), null]);
  for (const [v, n, order, signed] of [
    [5, 2, "big", false], [5, 2, "little", true], [-1, 1, "big", true], [128, 1, "big", true], [-129, 1, "big", true],
    [-5, 1, "big", false], [500, 1, "big", false], [0, 0, "big", false], [1, 0, "big", false], [5, -1, "big", false],
    [5, 1, "mid", false], [2 ** 52 + 3, 9, "little", false],
  ] as const) {
    addCall("int", "to_bytes", [I(v), I(n), order], { signed });
  }
  addCall("int", "to_bytes", [I(5)]);
  addCall("int", "to_bytes", [I(5), I(1), I(5)]);
  addCall("int", "to_bytes", [I(5), I(2), "big", true]);
  for (const [hex, order, signed] of [
    ["0100", "little", false], ["ff", "big", true], ["", "big", false], ["80000000000000000001", "big", true], ["fffe", "little", true],
  ] as const) {
    addCall("int", "from_bytes", [{ y: hex }, order], { signed });
    addCall("bool", "from_bytes", [{ y: hex }, order]);
  }
  addCall("int", "from_bytes", [{ y: "01" }, I(5)]);
  addCall("int", "from_bytes", ["ab"]);
  addCall("int", "from_bytes", [{ l: [I(1), I(2)] }]);
  addCall("int", "from_bytes", [{ l: [I(1), I(256)] }]);
  for (const s of ["0x1.8p1", " -0x1.8p-1 ", "inf", "-nan", "0x.8", "1", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x1p1024", "0x1.fffffffffffff8p1023",
    "0x1.fffffffffffff7p1023", "zz", "0x", "0x1p", "0X1P+3", "0x123456789abcdef0123p-10", "0x0p99999", "0x1p-99999"]) {
    addCall("float", "fromhex", [s]);
  }
  for (const x of [5e-324, 1e308, -0.5, 1 / 3, 2.5e-310]) {
    addCall("float", "hex", [F(x)]);
  }

  // format(): int and float over a seeded sample of the spec grid.
  const aligns = ["", "<", ">", "^", "=", "*<", "*>", "*^", "0=", "0<", "x="];
  const signs = ["", "+", "-", " "];
  const widths = ["", "1", "8", "13", "25"];
  const groups = ["", "", ",", "_"];
  const precs = ["", "", ".0", ".1", ".3", ".12", ".20"];
  const intTypes = ["", "", "d", "b", "o", "x", "X", "n", "c", "e", "E", "f", "F", "g", "G", "%", "s", "q"];
  const floatTypes = ["", "", "e", "E", "f", "F", "g", "G", "n", "%", "d", "x"];
  const spec = (types: string[]): string =>
    pick(aligns) + pick(signs) + (rand32() % 6 === 0 ? "z" : "") + (rand32() % 4 === 0 ? "#" : "") + (rand32() % 4 === 0 ? "0" : "") +
    pick(widths) + pick(groups) + pick(precs) + pick(types);
  const fmtInts: (number | bigint | boolean)[] = [0, 1, -1, 42, -42, 255, 65, 1234567, -1234567, 2 ** 53 - 1, 10n ** 25n, -(2n ** 70n), true, false, 0x1f600];
  const fmtFloats = [0, -0, 1, -1, 0.1, 1.5, -2.5, 1234567.891, 1e16, 1e-5, 1e-7, 123456789.0, 1e300, 5e-324, 0.125, 2.675, -0.0004, Infinity, -Infinity, NaN, 99.99999];
  for (let i = 0; i < 2500; i++) {
    const sInt = spec(intTypes);
    const v = pick(fmtInts);
    add({ k: "format", a: [w(v)], spec: sInt, label: `format(${v}, '${sInt}')`, mine: () => formatInt(v, sInt) });
    const sFloat = spec(floatTypes);
    const x = rand32() % 3 === 0 ? randomDouble() : pick(fmtFloats);
    add({ k: "format", a: [F(x)], spec: sFloat, label: `format(${x}, '${sFloat}')`, mine: () => formatFloat(x, sFloat) });
  }
  for (const s of ["abc", ".", ",_", "_,", "9".repeat(30), "=10s", "010,", "0=10,", "^#10x", "#b", "_b", "_X", ",x", ",c", "+c", "#c", ".2c", "z", "0>10", ">010", "\u{1F600}^9", ".1%", "n", "10n", ",n", "z.1f"]) {
    for (const v of [1234, -5, 0x1f600]) {
      add({ k: "format", a: [I(v)], spec: s, label: `format(${v}, '${s}')`, mine: () => formatInt(v, s) });
    }
    for (const x of [1234.5, -0.0001, Infinity]) {
      add({ k: "format", a: [F(x)], spec: s, label: `format(${x}, '${s}')`, mine: () => formatFloat(x, s) });
    }
  }

  // Exact ties in fixed-point rounding (half to even on the binary value).
  for (const x of [0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.625, 1.0625, 1e20 + 2 ** 17, 0.25, 12.5, 5e-324]) {
    for (const sp of [".0f", ".1f", ".2f", ".3f", ".4f", ".0e", ".1e", ".1g", ".2g", ".0%", "g"]) {
      add({ k: "format", a: [F(x)], spec: sp, label: `format(${x}, '${sp}')`, mine: () => formatFloat(x, sp) });
    }
  }

  // %-formatting of numbers.
  const pvals: Wire[] = [I(0), I(42), I(-42), I(255), I(10n ** 22n), true, F(3.14159), F(-0.05), F(2.5), F(1e20), F(-0), F(NaN), F(Infinity), "x", "ab", I(0x1f600), I(-1)];
  for (let i = 0; i < 2500; i++) {
    const flags = { minus: rand32() % 4 === 0, plus: rand32() % 4 === 0, space: rand32() % 4 === 0, alt: rand32() % 3 === 0, zero: rand32() % 3 === 0 };
    const width = rand32() % 2 ? null : randInt(0, 12);
    const prec = rand32() % 2 ? null : randInt(0, 8);
    const conv = pick(["d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "c"]);
    const fmt =
      "%" + (flags.minus ? "-" : "") + (flags.plus ? "+" : "") + (flags.space ? " " : "") + (flags.alt ? "#" : "") + (flags.zero ? "0" : "") +
      (width === null ? "" : String(width)) + (prec === null ? "" : "." + prec) + conv;
    const v = pick(pvals);
    add({ k: "percent", a: [v], fmt, label: `'${fmt}' % ${JSON.stringify(v)}`, mine: () => percentFormatNumber(decode(v), conv, flags, width, prec) });
  }
}

/** numUnary's undefined (e.g. ~float) stands for CPython's "bad operand type" TypeError; only the type is compared. */
class PyBaseExceptionStandIn extends Error {}

// ---------------------------------------------------------------- running

describe.skipIf(!hasPython)("int, bool and float against python3 3.11", () => {
  beforeAll(() => {
    buildCases();
    const wire = cases.map(({ mine: _m, label: _l, ...c }) => c);
    const out = execFileSync("python3", ["-c", ORACLE], { input: JSON.stringify(wire), maxBuffer: 256 << 20, timeout: 120_000 }).toString();
    expected = JSON.parse(out) as Outcome[];
  });

  const check = (kinds: Case["k"][]): void => {
    let n = 0;
    const failures: string[] = [];
    cases.forEach((c, i) => {
      if (!kinds.includes(c.k)) {
        return;
      }
      n++;
      let got: Outcome;
      try {
        got = run(c.mine);
      } catch (e) {
        if (e instanceof PyBaseExceptionStandIn) {
          const exp = expected[i];
          if (!("e" in exp && exp.e[0] === "TypeError")) {
            failures.push(`${c.label}: expected ${JSON.stringify(exp)}, got TypeError`);
          }
          return;
        }
        failures.push(`${c.label}: threw ${String(e)}`);
        return;
      }
      const raw = expected[i];
      if ("v" in raw && raw.cr !== undefined && JSON.stringify(normalize(got)) === JSON.stringify({ v: raw.cr })) {
        misrounded.push(c.label); // we are right and glibc's pow is 1 ulp off: accepted, and counted
        return;
      }
      const exp = normalize(raw); // (drops cr)
      if (JSON.stringify(normalize(got)) !== JSON.stringify(exp)) {
        failures.push(`${c.label}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(normalize(got))}`);
      }
    });
    expect(n).toBeGreaterThan(0);
    counts.push(`${kinds.join(",")}: ${n}`);
    expect(failures.slice(0, 40)).toEqual([]);
  };

  it("repr(float) of edge values and 2000 random doubles", () => check(["repr"]));
  it("hash of ints and floats", () => check(["hash"]));
  it("binary operators over the int/bool/float grid", () => check(["bin"]));
  it("unary operators", () => check(["un"]));
  it("comparisons, exact across int and float", () => check(["cmp"]));
  it("constructors, round, dunders and methods", () => check(["call"]));
  it("format() of ints and floats over the spec grid", () => check(["format"]));
  it("%-formatting of numbers", () => check(["percent"]));
  it("case counts", () => {
    console.log(counts.join("; "));
    console.log(`pow results where glibc is not correctly rounded and we are: ${misrounded.length} (${misrounded.slice(0, 5).join("; ")})`);
    expect(misrounded.length).toBeLessThan(20);
  });
});

describe("parseSpec", () => {
  it("returns a plain object with the caller's default alignment left open", () => {
    expect(parseSpec("*^+#012,.3f", "float")).toEqual({
      fill: "*",
      align: "^",
      sign: "+",
      noNegZero: false,
      alternate: true,
      zero: false,
      width: 12,
      grouping: ",",
      precision: 3,
      type: "f",
    });
    const s = parseSpec("05");
    expect([s.fill, s.align, s.zero, s.width, s.type]).toEqual(["0", "", true, 5, "s"]);
  });
});
