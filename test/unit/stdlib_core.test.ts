/**
 * The core library modules (random, math, itertools, functools, operator, heapq, bisect)
 * against CPython 3.11: the same calls are made here and in one `python3` process, and the
 * results (floats compared bit for bit, errors by type and message) must be equal.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hasPython, python } from "./python3";
import "../../simulator/vm/load";
import { makeBuiltins } from "../../simulator/vm/builtins";
import { instantiateModule } from "../../simulator/vm/modules";
import {
  None,
  PyBaseException,
  PyByteArray,
  PyBytes,
  PyFloat,
  PyList,
  PyModule,
  PyRange,
  PyTuple,
  normInt,
  typeOf,
  type KwArgs,
  type PyValue,
} from "../../simulator/vm/objects";
import { callPy, getAttr, next, repr, str } from "../../simulator/vm/protocol";
import { defaultLimits, setVm, Vm } from "../../simulator/vm/vm";



let machine: Vm;
beforeEach(() => {
  machine = new Vm(defaultLimits, "", 0);
  setVm(machine);
  machine.builtins = makeBuiltins();
});

/** The module as this run imports it (created on first use, once per run). */
function mod(name: string): PyModule {
  return machine.modules.get(name) ?? instantiateModule(name, (fresh) => machine.modules.set(name, fresh))!;
}

const attr = (modName: string, name: string): PyValue => mod(modName).dict!.getStr(name)!;

// ---------------------------------------------------------------- the wire format shared with python3

/** A value as both sides write it: floats by their bits, ints as decimal strings, containers tagged. */
type Wire =
  | null
  | boolean
  | string
  | { f: string }
  | { i: string }
  | { l: Wire[] }
  | { t: Wire[] }
  | { b: string }
  | { fn: string }
  | { range: number[] }
  | { iter: Wire[] }
  | { repr: string };

const view = new DataView(new ArrayBuffer(8));
const floatBits = (x: number): string => {
  if (Number.isNaN(x)) {
    return "nan";
  }
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
};
const bitsFloat = (h: string): number => {
  if (h === "nan") {
    return NaN;
  }
  view.setBigUint64(0, BigInt(`0x${h}`));
  return view.getFloat64(0);
};

const F = (x: number): Wire => ({ f: floatBits(x) });
const I = (x: number | bigint): Wire => ({ i: String(x) });
const Lw = (...xs: Wire[]): Wire => ({ l: xs });
const Tw = (...xs: Wire[]): Wire => ({ t: xs });
const fnRef = (name: string): Wire => ({ fn: name });

function decode(w: Wire): PyValue {
  if (w === null) {
    return None;
  }
  if (typeof w === "boolean" || typeof w === "string") {
    return w;
  }
  if ("f" in w) {
    return new PyFloat(w.f === "nan" ? NaN : bitsFloat(w.f));
  }
  if ("i" in w) {
    return normInt(BigInt(w.i));
  }
  if ("l" in w) {
    return new PyList(w.l.map(decode));
  }
  if ("t" in w) {
    return new PyTuple(w.t.map(decode));
  }
  if ("b" in w) {
    return new PyBytes(Uint8Array.from(Buffer.from(w.b, "hex")));
  }
  if ("fn" in w) {
    const dot = w.fn.lastIndexOf(".");
    return attr(w.fn.slice(0, dot), w.fn.slice(dot + 1));
  }
  if ("range" in w) {
    const [a, b, c] = w.range;
    return new PyRange(a, b, c ?? 1);
  }
  throw new Error(`cannot decode ${JSON.stringify(w)}`);
}

function encode(v: PyValue): Wire {
  if (typeof v === "boolean" || typeof v === "string") {
    return v;
  }
  if (typeof v === "number" || typeof v === "bigint") {
    return I(v);
  }
  if (v === None) {
    return null;
  }
  if (v instanceof PyFloat) {
    return F(v.v);
  }
  if (v instanceof PyList) {
    return { l: v.items.map(encode) };
  }
  if (v instanceof PyTuple) {
    return { t: v.items.map(encode) };
  }
  if (v instanceof PyBytes || v instanceof PyByteArray) {
    return { b: Buffer.from(v instanceof PyBytes ? v.bytes : Uint8Array.from(v.bytes)).toString("hex") };
  }
  if (typeOf(v).lookup("__next__") !== undefined) {
    const items: Wire[] = [];
    for (let i = 0; i < 50; i++) {
      const x = next(v);
      if (x === undefined) {
        break;
      }
      items.push(encode(x));
    }
    return { iter: items };
  }
  return { repr: repr(v) };
}

/** `type(e).__name__ + ': ' + str(e)`, as the python3 side reports errors. */
const errorText = (e: unknown): string => {
  if (e instanceof PyBaseException) {
    return `${e.cls.name}: ${str(e)}`;
  }
  throw e;
};

/** Runs test code, turning an escaping Python exception into a readable Error (vitest cannot print PyObjects). */
function py<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof PyBaseException) {
      throw new Error(`uncaught Python exception ${errorText(e)}`);
    }
    throw e;
  }
}

/** `it` for bodies that call into the VM. */
const pit = (name: string, body: () => void): void => {
  it(name, () => py(body));
};

/** One call of a module function, made identically on both sides. */
interface Case {
  mod: string;
  fn: string;
  args: Wire[];
  kw?: Record<string, Wire>;
  /** Compare repr(result) instead of the value. */
  repr?: boolean;
  /** Also compare the arguments afterwards (for functions that mutate them). */
  mut?: boolean;
}

interface Outcome {
  r?: Wire | string;
  args?: Wire[];
  err?: string;
}

const PY_DRIVER = String.raw`
import sys, json, struct, importlib, itertools, math
def dec(v):
    if isinstance(v, dict):
        if 'f' in v: return float('nan') if v['f'] == 'nan' else struct.unpack('>d', bytes.fromhex(v['f']))[0]
        if 'i' in v: return int(v['i'])
        if 'l' in v: return [dec(x) for x in v['l']]
        if 't' in v: return tuple(dec(x) for x in v['t'])
        if 'b' in v: return bytes.fromhex(v['b'])
        if 'fn' in v:
            m, n = v['fn'].rsplit('.', 1)
            return getattr(importlib.import_module(m), n)
        if 'range' in v: return range(*v['range'])
    return v
def enc(v):
    if isinstance(v, bool) or v is None or isinstance(v, str): return v
    if isinstance(v, int): return {'i': str(v)}
    if isinstance(v, float): return {'f': 'nan' if v != v else struct.pack('>d', v).hex()}
    if isinstance(v, list): return {'l': [enc(x) for x in v]}
    if isinstance(v, tuple): return {'t': [enc(x) for x in v]}
    if isinstance(v, (bytes, bytearray)): return {'b': bytes(v).hex()}
    if hasattr(v, '__next__'): return {'iter': [enc(x) for x in itertools.islice(v, 50)]}
    return {'repr': repr(v)}
out = []
for c in json.loads(sys.stdin.read()):
    args = [dec(a) for a in c['args']]
    kw = {k: dec(v) for k, v in c.get('kw', {}).items()}
    try:
        r = getattr(importlib.import_module(c['mod']), c['fn'])(*args, **kw)
        o = {'r': repr(r) if c.get('repr') else enc(r)}
        if c.get('mut'): o['args'] = [enc(a) for a in args]
    except Exception as e:
        o = {'err': type(e).__name__ + ': ' + str(e)}
    out.append(o)
print(json.dumps(out))
`;

function runHere(c: Case): Outcome {
  const args = c.args.map(decode);
  const kw: KwArgs | null = c.kw ? new Map(Object.entries(c.kw).map(([k, v]) => [k, decode(v)])) : null;
  try {
    const r = callPy(attr(c.mod, c.fn), args, kw);
    const o: Outcome = { r: c.repr ? repr(r) : encode(r) };
    if (c.mut) {
      o.args = args.map(encode);
    }
    return o;
  } catch (e) {
    return { err: errorText(e) };
  }
}

function runPython(cases: Case[]): Outcome[] {
  return JSON.parse(python(PY_DRIVER, JSON.stringify(cases))) as Outcome[];
}

/** Runs every case on both sides; returns the cases whose outcomes differ. */
function differences(cases: Case[]): { c: Case; ours: Outcome; cpython: Outcome }[] {
  const expected = runPython(cases);
  const out: { c: Case; ours: Outcome; cpython: Outcome }[] = [];
  cases.forEach((c, i) => {
    const ours = runHere(c);
    if (JSON.stringify(ours) !== JSON.stringify(expected[i])) {
      out.push({ c, ours, cpython: expected[i] });
    }
  });
  return out;
}

const call = (modName: string, fn: string, args: Wire[], kw?: Record<string, Wire>): Case => ({ mod: modName, fn, args, kw });

/** A deterministic stream of doubles for the input grids (a 64-bit LCG; no Math.random in the simulator's tests). */
function lcgFloats(n: number, lo: number, hi: number, seed: bigint): number[] {
  let s = seed;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
    out.push(lo + (hi - lo) * (Number(s >> 11n) / 2 ** 53));
  }
  return out;
}

// ---------------------------------------------------------------- random

const RANDOM_REF = String.raw`
import random, json, struct
def enc(v):
    if isinstance(v, bool) or v is None or isinstance(v, str): return v
    if isinstance(v, int): return {'i': str(v)}
    if isinstance(v, float): return {'f': struct.pack('>d', v).hex()}
    if isinstance(v, (list, tuple)): return [enc(x) for x in v]
    if isinstance(v, bytes): return {'b': v.hex()}
    raise TypeError(type(v))
SEEDS = [0, 1, 2, 42, 12345, 2**32-1, 2**32, 2**64+5, -7, 2**100+3, True, 1.5, 0.1, -2.5, 1e300,
         "", "hello", "a"*200, "héllo ✓", b"abc", bytearray(b"xyz")]
out = []
for s in SEEDS:
    r = random.Random(s)
    res = []
    res.append([r.random() for _ in range(5)])
    res.append([r.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 53, 54, 64, 100, 1000]])
    res.append([r.randrange(10), r.randrange(3, 1000, 7), r.randrange(-50, 50), r.randrange(2**70),
                r.randrange(100, 0, -3), r.randrange(2**53 + 10), r.randrange(-2**60, 2**60, 2**40 + 1)])
    res.append([r.randint(1, 6) for _ in range(10)])
    pop = ["a", "b", "c", "d", "e"]
    res.append(r.choice(pop))
    res.append(r.choice("xyz"))
    res.append(r.choices(pop, k=5))
    res.append(r.choices(pop, [1, 2, 3, 4, 5], k=5))
    res.append(r.choices(pop, cum_weights=[1, 1.5, 7, 8, 20], k=5))
    l = list(range(20)); r.shuffle(l); res.append(l)
    res.append(r.sample(range(100), 10))
    res.append(r.sample(range(1000), 50))
    res.append(r.sample(pop, 3, counts=[1, 2, 3, 1, 1]))
    res.append(r.sample(list(range(30)), 30))
    res.append([r.uniform(1, 5), r.uniform(2.5, -1)])
    res.append([r.triangular(), r.triangular(0, 10, 3), r.triangular(1, 1)])
    res.append([r.gauss() for _ in range(5)])
    res.append([r.gauss(10, 2) for _ in range(3)])
    res.append([r.normalvariate() for _ in range(3)])
    res.append([r.expovariate(1.5), r.expovariate(3)])
    res.append([r.gammavariate(0.5, 1), r.gammavariate(1, 2), r.gammavariate(3.5, 1)])
    res.append([r.betavariate(2, 3), r.vonmisesvariate(1, 2), r.paretovariate(2.5), r.weibullvariate(1.5, 2),
                r.lognormvariate(0, 1)])
    res.append(r.randbytes(7))
    st = r.getstate()
    res.append([st[0], list(st[1][:3]), st[1][-1], st[2]])
    res.append(r.random())
    out.append(res)
m = []
random.seed(7)
m += [random.random(), random.randint(1, 100), random.choice("xyz")]
random.seed("7"); m.append(random.random())
random.seed(7, version=1); m.append(random.random())
random.seed("abc", version=1); m.append(random.random())
r = random.Random(99)
st = r.getstate(); a = [r.random(), r.gauss()]; r.setstate(st); m.append([r.random(), r.gauss()] == a)
out.append(m)
print(json.dumps([[enc(x) for x in row] for row in out]))
`;

type RandomResults = unknown[][];

function ourRandomResults(): RandomResults {
  const R = attr("random", "Random");
  const seeds: PyValue[] = [
    0, 1, 2, 42, 12345, 2 ** 32 - 1, 2 ** 32, 2n ** 64n + 5n, -7, 2n ** 100n + 3n, true, new PyFloat(1.5),
    new PyFloat(0.1), new PyFloat(-2.5), new PyFloat(1e300), "", "hello", "a".repeat(200), "héllo ✓",
    new PyBytes(new TextEncoder().encode("abc")), new PyByteArray([120, 121, 122]),
  ];
  const plain = (v: PyValue): unknown => {
    const w = encode(v);
    const strip = (x: Wire): unknown =>
      x !== null && typeof x === "object" && ("l" in x || "t" in x) ? ("l" in x ? x.l : (x as { t: Wire[] }).t).map(strip) : x;
    return strip(w);
  };
  const kw = (o: Record<string, PyValue>): KwArgs => new Map(Object.entries(o));
  const f = (x: number): PyFloat => new PyFloat(x);
  const list = (xs: PyValue[]): PyList => new PyList(xs);
  const out: RandomResults = [];
  for (const seed of seeds) {
    const r = callPy(R, [seed]);
    const c = (name: string, args: PyValue[] = [], k: KwArgs | null = null): PyValue => callPy(getAttr(r, name), args, k);
    const times = (n: number, g: () => PyValue): unknown[] => Array.from({ length: n }, () => plain(g()));
    const pop = (): PyList => list(["a", "b", "c", "d", "e"]);
    const res: unknown[] = [];
    /** Records one entry; a Python exception is recorded as its text, so later entries still compare. */
    const rec = (f: () => unknown): void => {
      try {
        res.push(f());
      } catch (e) {
        res.push(errorText(e));
      }
    };
    rec(() => times(5, () => c("random")));
    rec(() => [0, 1, 5, 31, 32, 33, 53, 54, 64, 100, 1000].map((k) => plain(c("getrandbits", [k]))));
    rec(() => 
      [
        c("randrange", [10]),
        c("randrange", [3, 1000, 7]),
        c("randrange", [-50, 50]),
        c("randrange", [2n ** 70n]),
        c("randrange", [100, 0, -3]),
        c("randrange", [2 ** 53 + 10]),
        c("randrange", [-(2n ** 60n), 2n ** 60n, 2 ** 40 + 1]),
      ].map(plain),
    );
    rec(() => times(10, () => c("randint", [1, 6])));
    rec(() => plain(c("choice", [pop()])));
    rec(() => plain(c("choice", ["xyz"])));
    rec(() => plain(c("choices", [pop()], kw({ k: 5 }))));
    rec(() => plain(c("choices", [pop(), list([1, 2, 3, 4, 5])], kw({ k: 5 }))));
    rec(() => plain(c("choices", [pop()], kw({ cum_weights: list([1, f(1.5), 7, 8, 20]), k: 5 }))));
    rec(() => {
      const l = list(Array.from({ length: 20 }, (_, i) => i));
      c("shuffle", [l]);
      return plain(l);
    });
    rec(() => plain(c("sample", [new PyRange(0, 100, 1), 10])));
    rec(() => plain(c("sample", [new PyRange(0, 1000, 1), 50])));
    rec(() => plain(c("sample", [pop(), 3], kw({ counts: list([1, 2, 3, 1, 1]) }))));
    rec(() => plain(c("sample", [list(Array.from({ length: 30 }, (_, i) => i)), 30])));
    rec(() => [c("uniform", [1, 5]), c("uniform", [f(2.5), -1])].map(plain));
    rec(() => [c("triangular"), c("triangular", [0, 10, 3]), c("triangular", [1, 1])].map(plain));
    rec(() => times(5, () => c("gauss")));
    rec(() => times(3, () => c("gauss", [10, 2])));
    rec(() => times(3, () => c("normalvariate")));
    rec(() => [c("expovariate", [f(1.5)]), c("expovariate", [3])].map(plain));
    rec(() => [c("gammavariate", [f(0.5), 1]), c("gammavariate", [1, 2]), c("gammavariate", [f(3.5), 1])].map(plain));
    rec(() => 
      [
        c("betavariate", [2, 3]),
        c("vonmisesvariate", [1, 2]),
        c("paretovariate", [f(2.5)]),
        c("weibullvariate", [f(1.5), 2]),
        c("lognormvariate", [0, 1]),
      ].map(plain),
    );
    rec(() => plain(c("randbytes", [7])));
    rec(() => {
      const st = c("getstate") as PyTuple;
      const inner = st.items[1] as PyTuple;
      return [plain(st.items[0]), inner.items.slice(0, 3).map(plain), plain(inner.items[624]), plain(st.items[2])];
    });
    rec(() => plain(c("random")));
    out.push(res);
  }
  const M = (name: string, args: PyValue[] = [], k: KwArgs | null = null): PyValue => callPy(attr("random", name), args, k);
  const m: unknown[] = [];
  M("seed", [7]);
  m.push(plain(M("random")), plain(M("randint", [1, 100])), plain(M("choice", ["xyz"])));
  M("seed", ["7"]);
  m.push(plain(M("random")));
  M("seed", [7], kw({ version: 1 }));
  m.push(plain(M("random")));
  M("seed", ["abc"], kw({ version: 1 }));
  m.push(plain(M("random")));
  const r = callPy(R, [99]);
  const st = callPy(getAttr(r, "getstate"), []);
  const a = [callPy(getAttr(r, "random"), []), callPy(getAttr(r, "gauss"), [])].map(plain);
  callPy(getAttr(r, "setstate"), [st]);
  const b = [callPy(getAttr(r, "random"), []), callPy(getAttr(r, "gauss"), [])].map(plain);
  m.push(JSON.stringify(a) === JSON.stringify(b));
  out.push(m);
  return out;
}

describe.skipIf(!hasPython)("random matches CPython 3.11", () => {
  let expected: RandomResults;
  let ours: RandomResults;
  beforeAll(() => {
    expected = JSON.parse(python(RANDOM_REF)) as RandomResults;
  });
  beforeEach(() => {
    ours ??= py(ourRandomResults);
  });

  const LABELS = [
    "random()", "getrandbits", "randrange", "randint", "choice", "choice(str)", "choices", "choices(weights)",
    "choices(cum_weights)", "shuffle", "sample(range(100))", "sample(range(1000)) (set path)", "sample(counts=)",
    "sample(all)", "uniform", "triangular", "gauss", "gauss(mu, sigma)", "normalvariate", "expovariate",
    "gammavariate", "beta/vonmises/pareto/weibull/lognorm", "randbytes", "getstate", "random() after all",
  ];
  for (let s = 0; s < 21; s++) {
    pit(`Random(seed #${s}): every function's sequence`, () => {
      LABELS.forEach((label, j) => {
        expect(ours[s][j], `${label}`).toEqual(expected[s][j]);
      });
    });
  }
  pit("module-level functions, seed(str), version=1 seeds, getstate/setstate", () => {
    expect(ours[21]).toEqual(expected[21]);
  });
});

describe("random without python3", () => {
  pit("seeds from the run's seed when unseeded, and Random instances are independent", () => {
    const a = callPy(attr("random", "random"), []) as PyFloat;
    machine = new Vm(defaultLimits, "", 0);
    setVm(machine);
    const b = callPy(attr("random", "random"), []) as PyFloat;
    expect(a.v).toBe(b.v); // a new run with the same seed starts the same way
    // An unseeded run behaves as if seeded with its run seed.
    const seeded = callPy(attr("random", "Random"), [0]);
    expect((callPy(getAttr(seeded, "random"), []) as PyFloat).v).toBe(a.v);
    // Random(7).random() is CPython's value.
    expect((callPy(getAttr(callPy(attr("random", "Random"), [7]), "random"), []) as PyFloat).v).toBe(0.32383276483316237);
  });

  pit("raises CPython's errors", () => {
    const r = callPy(attr("random", "Random"), [1]);
    const err = (name: string, args: PyValue[]): string => {
      try {
        callPy(getAttr(r, name), args);
        return "no error";
      } catch (e) {
        return errorText(e);
      }
    };
    expect(err("choice", [new PyList([])])).toBe("IndexError: Cannot choose from an empty sequence");
    expect(err("randrange", [0])).toBe("ValueError: empty range for randrange()");
    expect(err("randrange", [5, 2])).toBe("ValueError: empty range for randrange() (5, 2, -3)");
    expect(err("randrange", [1, 5, 0])).toBe("ValueError: zero step for randrange()");
    expect(err("getrandbits", [-1])).toBe("ValueError: number of bits must be non-negative");
    expect(err("randint", [1])).toBe("TypeError: Random.randint() missing 1 required positional argument: 'b'");
    expect(err("random", [1])).toBe("TypeError: Random.random() takes no arguments (1 given)");
    expect(err("seed", [new PyList([1])])).toBe(
      "TypeError: The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
    );
  });

  it("computes SHA-512 (str and bytes seeds)", async () => {
    const { sha512 } = await import("../../simulator/runtime/modules/random");
    const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
    expect(hex(sha512(new TextEncoder().encode("abc")))).toBe(
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
    expect(hex(sha512(new Uint8Array(0)))).toBe(
      "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    );
    expect(hex(sha512(new Uint8Array(200).fill(97)))).toBe(
      "4b11459c33f52a22ee8236782714c150a3b2c60994e9acee17fe68947a3e6789f31e7668394592da7bef827cddca88c4e6f86e4df7ed1ae6cba71f3e98faee9f",
    );
  });
});

// ---------------------------------------------------------------- math

const GRID = [
  0, -0, 0.5, 1, -1, 2, 3, 10, 100, -3.7, 1e-10, 1e10, 1e300, -1e300, 0.1, 0.7, 0.99, 1.5, 2.5, 22.5, 700, 710,
  -745.5, Infinity, -Infinity, NaN, 5e-324, 2 ** 53, 0.3, 1e-300, 123.456, -0.5, 1e22, 0.25, 4, 1e-5,
];
const INT_ARGS: Wire[] = [I(0), I(7), I(-7), I(10n ** 20n), I(2n ** 1000n), I(1), true];
const UNARY = [
  "sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
  "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt", "fabs", "degrees", "radians", "floor", "ceil", "trunc", "gamma",
  "lgamma", "erf", "erfc", "isfinite", "isinf", "isnan", "frexp", "modf", "ulp", "factorial", "isqrt",
];

describe.skipIf(!hasPython)("math matches CPython 3.11", () => {
  pit("one-argument functions over a grid of floats, ints and bad types", () => {
    const cases: Case[] = [];
    for (const name of UNARY) {
      for (const x of GRID) {
        cases.push(call("math", name, [F(x)]));
      }
      for (const a of INT_ARGS) {
        cases.push(call("math", name, [a]));
      }
      cases.push(call("math", name, ["x"]), call("math", name, []), call("math", name, [F(1), F(2)]));
    }
    expect(differences(cases)).toEqual([]);
  });

  pit("libm functions on 500 pseudo-random arguments each: at most 1 ulp apart, almost always equal", () => {
    const xs = [...lcgFloats(200, -10, 10, 1n), ...lcgFloats(150, 0, 1, 2n), ...lcgFloats(150, 0, 700, 3n)];
    const names = [
      "exp", "log", "sin", "cos", "tan", "atan", "asin", "acos", "sinh", "cosh", "tanh", "asinh", "acosh", "log10",
      "log2", "log1p", "expm1", "cbrt", "sqrt", "atanh", "erf", "erfc",
    ];
    const cases = names.flatMap((n) => xs.map((x) => call("math", n, [F(x)])));
    const pairs = lcgFloats(400, 0, 20, 4n);
    for (let i = 0; i < pairs.length; i += 2) {
      cases.push(call("math", "pow", [F(pairs[i]), F(pairs[i + 1] - 10)]));
      cases.push(call("math", "atan2", [F(pairs[i] - 10), F(pairs[i + 1] - 10)]));
      cases.push(call("math", "hypot", [F(pairs[i]), F(pairs[i + 1])]));
    }
    const expected = runPython(cases);
    let unequal = 0;
    cases.forEach((c, i) => {
      const ours = runHere(c);
      const want = expected[i];
      if (JSON.stringify(ours) === JSON.stringify(want)) {
        return;
      }
      unequal++;
      const a = bitsFloat((ours.r as { f: string }).f);
      const b = bitsFloat((want.r as { f: string }).f);
      expect(Math.abs(a - b), `${c.fn}(${c.args.map((x) => bitsFloat((x as { f: string }).f)).join(", ")})`).toBeLessThanOrEqual(
        Math.abs(b) * 2 ** -52,
      );
    });
    expect(unequal / cases.length).toBeLessThan(0.005);
  });

  pit("two-argument and variadic functions", () => {
    const small = [0, -0, 0.5, 1, -1, 2, 3, -3.7, 10, 1e300, Infinity, -Infinity, NaN, 0.1, 1e-300];
    const cases: Case[] = [];
    for (const name of ["pow", "atan2", "copysign", "fmod", "remainder", "nextafter", "hypot", "log", "dist"]) {
      for (const x of small) {
        for (const y of small) {
          cases.push(name === "dist" ? call("math", name, [Tw(F(x), F(1)), Tw(F(0), F(y))]) : call("math", name, [F(x), F(y)]));
        }
      }
      cases.push(call("math", name, [F(1)]), call("math", name, ["a", F(1)]));
    }
    for (const x of small) {
      for (const n of [0, 1, -1, 5, 1024, -1074, -1075, 2000, -2000]) {
        cases.push(call("math", "ldexp", [F(x), I(n)]));
      }
      cases.push(call("math", "ldexp", [F(x), F(1.5)]));
      cases.push(call("math", "hypot", [F(x), F(3), F(4)]), call("math", "hypot", [F(x)]));
      cases.push(call("math", "isclose", [F(x), F(1)]), call("math", "isclose", [F(x), F(1)], { rel_tol: F(1), abs_tol: F(0.1) }));
    }
    cases.push(
      call("math", "hypot", []),
      call("math", "log", [I(2n ** 2000n)]),
      call("math", "log", [I(10n ** 400n), I(10)]),
      call("math", "log2", [I(2n ** 2000n)]),
      call("math", "log10", [I(10n ** 400n)]),
      call("math", "log", [I(0)]),
      call("math", "log", [I(-5)]),
      call("math", "log", [F(5), I(1)]),
      call("math", "log", []),
      call("math", "isclose", [F(1)]),
      call("math", "isclose", [F(1), F(1), F(1)]),
      call("math", "isclose", [F(1), F(1)], { rel_tol: F(-1) }),
      call("math", "isclose", [F(1), F(1)], { foo: F(1) }),
      call("math", "dist", [Lw(F(1)), Lw(F(1), F(2))]),
      call("math", "dist", [Lw(I(1), I(2), I(3)), Tw(I(4), I(5), I(6))]),
      call("math", "dist", [I(1), I(2)]),
      call("math", "sqrt", [I(10n ** 400n)]),
    );
    expect(differences(cases)).toEqual([]);
  });

  pit("integer functions: factorial, gcd, lcm, comb, perm, isqrt, prod", () => {
    const cases: Case[] = [];
    for (let n = 0; n <= 30; n++) {
      cases.push(call("math", "factorial", [I(n)]), call("math", "isqrt", [I(n * n + n)]));
    }
    cases.push(
      call("math", "factorial", [I(100)]),
      call("math", "factorial", [I(1000)]),
      call("math", "factorial", [I(-1)]),
      call("math", "factorial", [F(2)]),
      call("math", "isqrt", [I(2n ** 200n + 12345n)]),
      call("math", "isqrt", [I(10n ** 50n)]),
      call("math", "isqrt", [I(2n ** 64n - 1n)]),
      call("math", "isqrt", [I(-1)]),
      call("math", "isqrt", [F(4)]),
      call("math", "gcd", []),
      call("math", "gcd", [I(-12)]),
      call("math", "gcd", [I(12), I(18)]),
      call("math", "gcd", [I(-12), I(18), I(27)]),
      call("math", "gcd", [I(0), I(0)]),
      call("math", "gcd", [I(2n ** 100n), I(6n ** 50n)]),
      call("math", "gcd", [I(1), F(1.5)]),
      call("math", "gcd", [true, I(4)]),
      call("math", "lcm", []),
      call("math", "lcm", [I(-4), I(6)]),
      call("math", "lcm", [I(4), I(6), I(10)]),
      call("math", "lcm", [I(0), I(5)]),
      call("math", "lcm", [I(2n ** 70n), I(3n ** 40n)]),
      call("math", "perm", [I(5)]),
      call("math", "perm", [I(5), null]),
      call("math", "perm", [I(1), I(2), I(3)]),
      call("math", "perm", [I(-1)]),
      call("math", "comb", [I(1)]),
      call("math", "comb", [I(-1), I(2)]),
      call("math", "comb", [I(3), I(-2)]),
      call("math", "comb", [I(10n ** 20n), I(3)]),
      call("math", "comb", [I(1000), I(500)]),
      call("math", "perm", [I(100), I(30)]),
      call("math", "prod", [Lw(I(1), I(2), I(3), I(4))]),
      call("math", "prod", [Lw(I(2), F(1.5))], { start: I(3) }),
      call("math", "prod", [Lw()]),
      call("math", "prod", [Lw(I(2n ** 40n), I(2n ** 40n))]),
      call("math", "prod", []),
      call("math", "prod", [Lw(I(1)), I(2)]),
      call("math", "prod", [Lw(I(1))], { begin: I(2) }),
      call("math", "prod", [Lw("a", I(3))]),
    );
    for (let n = 0; n <= 12; n++) {
      for (let k = 0; k <= 13; k++) {
        cases.push(call("math", "comb", [I(n), I(k)]), call("math", "perm", [I(n), I(k)]));
      }
    }
    expect(differences(cases)).toEqual([]);
  });

  pit("fsum is exact, with CPython's special values and errors", () => {
    const lists: Wire[][] = [
      [],
      Array(10).fill(F(0.1)),
      [F(1e100), F(1.0), F(-1e100), F(1e-100), F(1e50), F(-1.0), F(-1e50)],
      [F(1e308), F(1e308)],
      [F(Infinity), F(-Infinity)],
      [F(Infinity), F(1)],
      [F(NaN), F(1)],
      [F(1e-16), F(1), F(1e16)],
      [I(1), I(2), true],
      ["a"],
      lcgFloats(100, -1e10, 1e10, 9n).map(F),
      [F(2 ** 53), F(1), F(1), F(1)],
    ];
    expect(differences(lists.map((l) => call("math", "fsum", [{ l }])))).toEqual([]);
  });

  pit("constants", () => {
    for (const [n, v] of [["pi", Math.PI], ["e", Math.E], ["tau", 2 * Math.PI]] as const) {
      expect((attr("math", n) as PyFloat).v).toBe(v);
    }
  });
});

// ---------------------------------------------------------------- itertools

describe.skipIf(!hasPython)("itertools matches CPython 3.11", () => {
  pit("the iterators, their arguments and their errors", () => {
    const abc = "abcdef";
    const nums = Lw(I(1), I(2), I(3), I(4), I(5));
    const cases: Case[] = [
      call("itertools", "count", []),
      call("itertools", "count", [I(5)]),
      call("itertools", "count", [I(5), I(-2)]),
      call("itertools", "count", [F(1.5), F(0.25)]),
      call("itertools", "count", [I(2n ** 70n)]),
      call("itertools", "count", [], { start: I(1), step: I(2) }),
      call("itertools", "count", ["a"]),
      call("itertools", "count", [I(1), "a"]),
      call("itertools", "cycle", [abc]),
      call("itertools", "cycle", [Lw()]),
      call("itertools", "cycle", [I(1)]),
      call("itertools", "cycle", []),
      call("itertools", "repeat", ["x"]),
      call("itertools", "repeat", ["x", I(3)]),
      call("itertools", "repeat", ["x", I(-3)]),
      call("itertools", "repeat", [], { object: I(1), times: I(2) }),
      call("itertools", "repeat", []),
      call("itertools", "accumulate", [nums]),
      call("itertools", "accumulate", [nums, fnRef("operator.mul")]),
      call("itertools", "accumulate", [nums], { initial: I(100) }),
      call("itertools", "accumulate", [Lw()], { initial: I(100) }),
      call("itertools", "accumulate", [Lw(F(0.1), F(0.2), F(0.3))]),
      call("itertools", "accumulate", [nums, null, null]),
      call("itertools", "accumulate", [nums], { foo: I(1) }),
      call("itertools", "chain", [abc, nums, Lw()]),
      call("itertools", "chain", []),
      call("itertools", "chain", [I(1)]),
      call("itertools", "compress", [abc, Lw(I(1), I(0), true, false, I(1))]),
      call("itertools", "compress", [abc]),
      call("itertools", "dropwhile", [fnRef("operator.not_"), Lw(I(0), I(0), I(1), I(0), I(2))]),
      call("itertools", "takewhile", [fnRef("operator.truth"), Lw(I(3), I(1), I(0), I(5))]),
      call("itertools", "filterfalse", [null, Lw(I(0), I(1), "", I(2), null)]),
      call("itertools", "filterfalse", [fnRef("operator.not_"), Lw(I(0), I(1), "", I(2))]),
      call("itertools", "dropwhile", [null]),
      call("itertools", "groupby", ["aaabbcaa"]),
      call("itertools", "groupby", [Lw(I(1), I(1), I(2), I(3), I(3), I(3))]),
      call("itertools", "groupby", [Lw(I(-1), I(1), I(2), I(-2))], { key: fnRef("operator.abs") }),
      call("itertools", "groupby", []),
      call("itertools", "groupby", [Lw(I(1))], { key: null, x: I(1) }),
      call("itertools", "islice", [abc, I(2)]),
      call("itertools", "islice", [abc, I(1), I(5)]),
      call("itertools", "islice", [abc, I(0), null, I(2)]),
      call("itertools", "islice", [abc, null]),
      call("itertools", "islice", [abc, I(10), I(20)]),
      call("itertools", "islice", [abc, I(2n ** 80n)]),
      call("itertools", "islice", [abc]),
      call("itertools", "islice", [abc, "a"]),
      call("itertools", "islice", [abc, I(-1)]),
      call("itertools", "islice", [abc, I(-5)]),
      call("itertools", "islice", [abc, I(-1), I(2)]),
      call("itertools", "islice", [abc, I(0), I(1), I(0)]),
      call("itertools", "islice", [abc, I(1), I(2), I(3), I(4)]),
      call("itertools", "islice", [abc], { stop: I(1) }),
      call("itertools", "islice", [I(1), I(2)]),
      call("itertools", "pairwise", [abc]),
      call("itertools", "pairwise", ["a"]),
      call("itertools", "pairwise", []),
      call("itertools", "starmap", [fnRef("operator.pow"), Lw(Tw(I(2), I(5)), Lw(I(3), I(2)), Tw(I(10), I(3)))]),
      call("itertools", "starmap", [fnRef("operator.pow"), Lw(I(1))]),
      call("itertools", "starmap", [fnRef("operator.pow")]),
      call("itertools", "tee", [abc]),
      call("itertools", "tee", [abc, I(3)]),
      call("itertools", "tee", [abc, I(0)]),
      call("itertools", "tee", [abc, I(-1)]),
      call("itertools", "tee", []),
      call("itertools", "zip_longest", [abc, "xy", nums]),
      call("itertools", "zip_longest", ["ab", "c"], { fillvalue: "-" }),
      call("itertools", "zip_longest", []),
      call("itertools", "zip_longest", ["a"], { foo: I(1) }),
      call("itertools", "product", ["ab", Lw(I(1), I(2), I(3))]),
      call("itertools", "product", ["ab"], { repeat: I(3) }),
      call("itertools", "product", []),
      call("itertools", "product", ["ab", ""]),
      call("itertools", "product", ["ab"], { repeat: I(0) }),
      call("itertools", "product", ["ab"], { repeat: I(-1) }),
      call("itertools", "product", ["ab"], { foo: I(1) }),
      call("itertools", "permutations", ["abcd"]),
      call("itertools", "permutations", ["abcd", I(2)]),
      call("itertools", "permutations", ["abc", I(0)]),
      call("itertools", "permutations", ["abc", I(4)]),
      call("itertools", "permutations", ["", I(0)]),
      call("itertools", "permutations", ["abc", I(-1)]),
      call("itertools", "combinations", ["abcde", I(3)]),
      call("itertools", "combinations", ["abc", I(0)]),
      call("itertools", "combinations", ["abc", I(4)]),
      call("itertools", "combinations", ["abc"]),
      call("itertools", "combinations_with_replacement", ["abc", I(2)]),
      call("itertools", "combinations_with_replacement", ["", I(2)]),
      call("itertools", "combinations_with_replacement", ["", I(0)]),
      call("itertools", "combinations_with_replacement", [Lw(I(1), I(2)), I(3)]),
    ];
    expect(differences(cases)).toEqual([]);
  });

  pit("reprs and type names", () => {
    const cases: Case[] = [
      { ...call("itertools", "count", []), repr: true },
      { ...call("itertools", "count", [I(5)]), repr: true },
      { ...call("itertools", "count", [I(5), I(2)]), repr: true },
      { ...call("itertools", "count", [F(1.5), F(0.5)]), repr: true },
      { ...call("itertools", "count", [I(0), F(1.0)]), repr: true },
      { ...call("itertools", "repeat", ["a"]), repr: true },
      { ...call("itertools", "repeat", [I(10), I(3)]), repr: true },
      { ...call("itertools", "repeat", [I(10), I(-3)]), repr: true },
    ];
    expect(differences(cases)).toEqual([]);
    const made: [string, PyValue[], string][] = [
      ["count", [], "count"],
      ["cycle", [new PyList([])], "cycle"],
      ["repeat", [1], "repeat"],
      ["chain", [], "chain"],
      ["islice", [new PyList([]), 1], "islice"],
      ["groupby", [new PyList([])], "groupby"],
      ["product", [], "product"],
      ["zip_longest", [], "zip_longest"],
    ];
    for (const [name, args, typeName] of made) {
      expect(typeOf(callPy(attr("itertools", name), args)).name).toBe(typeName);
    }
    const tees = callPy(attr("itertools", "tee"), [new PyList([1])]) as PyTuple;
    expect(typeOf(tees.items[0]).name).toBe("_tee");
    expect(repr(attr("itertools", "count"))).toBe("<class 'itertools.count'>");
  });

  pit("are lazy: infinite inputs work and a later group empties the previous grouper", () => {
    const count = callPy(attr("itertools", "count"), []);
    const sliced = callPy(attr("itertools", "islice"), [count, 1000000, 1000003]);
    expect(encode(sliced)).toEqual({ iter: [I(1000000), I(1000001), I(1000002)] });
    const g = callPy(attr("itertools", "groupby"), ["aabbb"]);
    const first = next(g) as PyTuple;
    const second = next(g) as PyTuple;
    expect(encode(first.items[1])).toEqual({ iter: [] });
    expect(encode(second.items[1])).toEqual({ iter: ["b", "b", "b"] });
    const [t1, t2] = (callPy(attr("itertools", "tee"), [callPy(attr("itertools", "count"), [])]) as PyTuple).items;
    expect([next(t1), next(t1), next(t2), next(t1), next(t2)]).toEqual([0, 1, 0, 2, 1]);
  });
});

// ---------------------------------------------------------------- functools and operator

describe.skipIf(!hasPython)("functools and operator match CPython 3.11", () => {
  pit("reduce, partial, cmp_to_key-free behaviours", () => {
    const nums = Lw(I(1), I(2), I(3), I(4));
    const cases: Case[] = [
      call("functools", "reduce", [fnRef("operator.add"), nums]),
      call("functools", "reduce", [fnRef("operator.add"), nums, I(100)]),
      call("functools", "reduce", [fnRef("operator.add"), Lw()]),
      call("functools", "reduce", [fnRef("operator.add"), Lw(), "x"]),
      call("functools", "reduce", [fnRef("operator.mul"), Lw(I(2n ** 40n), I(2n ** 40n))]),
      call("functools", "reduce", [fnRef("operator.add")]),
      call("functools", "reduce", [fnRef("operator.add"), nums], { initial: I(1) }),
      call("functools", "partial", []),
      call("functools", "partial", [I(1)]),
    ];
    expect(differences(cases)).toEqual([]);
    const p = callPy(attr("functools", "partial"), [attr("operator", "sub"), 10]);
    expect(callPy(p, [3])).toBe(7);
    expect(encode(getAttr(p, "args"))).toEqual(Tw(I(10)));
    const pp = callPy(attr("functools", "partial"), [p]);
    expect(getAttr(pp, "func")).toBe(attr("operator", "sub")); // a partial of a partial is flattened
    expect(repr(p)).toBe("functools.partial(<built-in function sub>, 10)");
  });

  pit("lru_cache counts hits and misses; cache_info's repr is CPython's", () => {
    const lru = callPy(attr("functools", "lru_cache"), [], new Map([["maxsize", 2]]));
    const cached = callPy(lru, [attr("operator", "neg")]);
    for (const x of [1, 2, 1, 3, 1, 2, 2]) {
      callPy(cached, [x]);
    }
    expect(repr(callPy(getAttr(cached, "cache_info"), []))).toBe("CacheInfo(hits=3, misses=4, maxsize=2, currsize=2)");
    callPy(getAttr(cached, "cache_clear"), []);
    expect(repr(callPy(getAttr(cached, "cache_info"), []))).toBe("CacheInfo(hits=0, misses=0, maxsize=2, currsize=0)");
    const unbounded = callPy(attr("functools", "cache"), [attr("operator", "neg")]);
    callPy(unbounded, [5]);
    callPy(unbounded, [5]);
    expect(repr(callPy(getAttr(unbounded, "cache_info"), []))).toBe("CacheInfo(hits=1, misses=1, maxsize=None, currsize=1)");
    expect(getAttr(unbounded, "__wrapped__")).toBe(attr("operator", "neg"));
    expect(getAttr(unbounded, "__name__")).toBe("neg");
  });

  pit("operator functions and getters", () => {
    const cases: Case[] = [];
    for (const [name, args] of [
      ["add", [I(1), F(2.5)]], ["sub", [I(1), I(3)]], ["mul", ["ab", I(3)]], ["truediv", [I(7), I(2)]],
      ["floordiv", [I(-7), I(2)]], ["mod", [I(-7), I(3)]], ["pow", [I(2), I(100)]], ["neg", [I(5)]], ["pos", [F(-0.0)]],
      ["abs", [I(-3)]], ["abs", ["a"]], ["not_", [Lw()]], ["truth", ["x"]], ["eq", [I(1), F(1)]], ["ne", [I(1), I(2)]],
      ["lt", [I(1), "a"]], ["le", ["a", "b"]], ["gt", [Tw(I(1), I(2)), Tw(I(1),)]], ["ge", [I(3), I(3)]],
      ["and_", [I(12), I(10)]], ["or_", [I(12), I(10)]], ["xor", [I(12), I(10)]], ["invert", [I(5)]], ["inv", [I(5)]],
      ["lshift", [I(1), I(70)]], ["rshift", [I(-16), I(2)]], ["concat", [Lw(I(1)), Lw(I(2))]], ["concat", [I(1), I(2)]],
      ["concat", ["a", I(1)]], ["contains", [Lw(I(1), I(2)), I(2)]], ["getitem", [Lw(I(1), I(2)), I(-1)]],
      ["index", [true]], ["index", [F(1.5)]], ["is_", [null, null]], ["is_not", [I(1), null]], ["countOf", [Lw(I(1), I(1), F(1)), I(1)]],
      ["indexOf", [Lw(I(1), I(2)), I(3)]], ["length_hint", [Lw(I(1), I(2))]], ["length_hint", [I(5)]], ["length_hint", [I(5), "x"]],
      ["iadd", [Lw(I(1)), Lw(I(2))]], ["ipow", [I(2), I(3)]], ["iconcat", [I(1), Lw(I(2))]], ["matmul", [I(1), I(2)]],
      ["add", [I(1)]], ["not_", []], ["neg", [I(1)]], ["__add__", [I(1), I(2)]], ["__not__", [I(0)]],
    ] as [string, Wire[]][]) {
      cases.push(call("operator", name, args));
    }
    cases.push(
      { ...call("operator", "itemgetter", [I(1)]), repr: true },
      { ...call("operator", "itemgetter", [I(1), "a"]), repr: true },
      { ...call("operator", "attrgetter", ["a.b", "c"]), repr: true },
      { ...call("operator", "methodcaller", ["f", I(1)], { x: I(2) }), repr: true },
      call("operator", "itemgetter", []),
      call("operator", "attrgetter", [I(1)]),
      call("operator", "methodcaller", []),
      call("operator", "methodcaller", [I(1)]),
    );
    expect(differences(cases)).toEqual([]);
    const ig = callPy(attr("operator", "itemgetter"), [1, 0]);
    expect(encode(callPy(ig, ["ab"]))).toEqual(Tw("b", "a"));
    const ag = callPy(attr("operator", "attrgetter"), ["real"]);
    expect(callPy(ag, [5])).toBe(5);
    const mc = callPy(attr("operator", "methodcaller"), ["bit_length"]);
    expect(callPy(mc, [255])).toBe(8);
  });
});

// ---------------------------------------------------------------- heapq and bisect

describe.skipIf(!hasPython)("heapq and bisect match CPython 3.11", () => {
  const ints = (n: number, seed: bigint): Wire[] => lcgFloats(n, 0, 50, seed).map((x) => I(Math.floor(x)));

  pit("heap layouts after heapify, heappush, heappop, heapreplace, heappushpop", () => {
    const cases: Case[] = [];
    for (let s = 1n; s <= 12n; s++) {
      const data = ints(Number(s) * 7, s);
      cases.push({ ...call("heapq", "heapify", [{ l: data }]), mut: true });
      cases.push({ ...call("heapq", "_heapify_max", [{ l: data }]), mut: true });
      cases.push({ ...call("heapq", "heappush", [{ l: data }, I(-1)]), mut: true });
      cases.push({ ...call("heapq", "heappop", [{ l: data }]), mut: true });
      cases.push({ ...call("heapq", "heapreplace", [{ l: data }, I(25)]), mut: true });
      cases.push({ ...call("heapq", "heappushpop", [{ l: data }, I(25)]), mut: true });
      cases.push(call("heapq", "nlargest", [I(3), { l: data }]));
      cases.push(call("heapq", "nsmallest", [I(4), { l: data }]));
      cases.push(call("heapq", "nsmallest", [I(4), { l: data }], { key: fnRef("operator.neg") }));
      cases.push(call("heapq", "nlargest", [I(1), { l: data }]));
      cases.push(call("heapq", "nlargest", [I(100), { l: data }]));
      cases.push(call("heapq", "merge", [{ l: data.slice(0, 5) }, { l: ints(6, s + 100n) }]));
    }
    cases.push(
      call("heapq", "heappop", [Lw()]),
      call("heapq", "heappop", [I(1)]),
      call("heapq", "heapify", [I(1)]),
      call("heapq", "heappush", [I(1), I(2)]),
      call("heapq", "heappush", [Lw()]),
      call("heapq", "heapreplace", [Lw(), I(1)]),
      call("heapq", "heappushpop", [Lw(), I(1)]),
      call("heapq", "nlargest", [I(2)]),
      call("heapq", "nsmallest", [I(0), Lw(I(1))]),
      call("heapq", "merge", [Lw(I(1), I(4), I(9)), Lw(I(2), I(3)), Lw(), Lw(I(10))]),
      call("heapq", "merge", [Lw(I(9), I(4), I(1)), Lw(I(3), I(2))], { reverse: true }),
      call("heapq", "merge", [Lw(I(1), I(-4)), Lw(I(-2), I(3))], { key: fnRef("operator.abs") }),
      call("heapq", "merge", []),
    );
    expect(differences(cases)).toEqual([]);
  });

  pit("bisect and insort with lo, hi and key", () => {
    const sorted = { l: [1, 2, 2, 2, 3, 5, 8, 8, 13].map(I) };
    const cases: Case[] = [];
    for (const fn of ["bisect_left", "bisect_right", "bisect", "insort_left", "insort_right", "insort"]) {
      for (const x of [0, 1, 2, 4, 8, 13, 20]) {
        cases.push({ ...call("bisect", fn, [sorted, I(x)]), mut: true });
        cases.push({ ...call("bisect", fn, [sorted, I(x), I(2), I(6)]), mut: true });
        cases.push({ ...call("bisect", fn, [sorted, I(-x)], { key: fnRef("operator.neg") }), mut: fn.startsWith("bisect") });
      }
      cases.push(call("bisect", fn, []), call("bisect", fn, [sorted]), call("bisect", fn, [sorted, I(1), I(-1)]));
      cases.push(call("bisect", fn, [sorted, I(1), I(0), null, null]), call("bisect", fn, [sorted, I(1)], { foo: I(1) }));
      cases.push(call("bisect", fn, [sorted, I(1)], { x: I(2) }), call("bisect", fn, [sorted, I(1), F(1.5)]));
      cases.push(call("bisect", fn, [I(5), I(1)]), call("bisect", fn, [sorted, I(1)], { hi: I(50) }));
    }
    expect(differences(cases)).toEqual([]);
  });
});

// ---------------------------------------------------------------- whole programs

/** Programs that use the modules with Python callbacks, subclasses and decorators; stdout must be CPython's. */
const PROGRAMS: Record<string, string> = {
  "random: seeded module functions and a Random subclass": `
import random
random.seed(2024)
print(random.random(), random.randint(1, 10), random.randrange(0, 100, 5))
print(random.choice(["red", "green", "blue"]), random.sample(range(20), 4))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(round(random.gauss(0, 1), 12), random.uniform(1, 2))
print(random.choices("abc", weights=[5, 1, 1], k=6))
class Fixed(random.Random):
    def random(self):
        return 0.5
f = Fixed(1)
print(f.random(), f.choice([10, 20, 30, 40]), f.uniform(0, 10))
class Bits(random.Random):
    def getrandbits(self, k):
        return 1
print(Bits().randrange(100))
r1, r2 = random.Random(5), random.Random(5)
print([r1.random() == r2.random() for _ in range(3)])
st = random.getstate(); a = random.random(); random.setstate(st); print(a == random.random())
random.seed("seed string"); print(random.random())
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
`,
  "math: results printed through repr and str": `
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.log(10), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(1), math.cos(1), math.tan(1), math.atan2(1, -1), math.hypot(3, 4), math.hypot(1, 2, 3))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7), type(math.floor(2.0)))
print(math.factorial(25), math.comb(52, 5), math.perm(10, 3), math.gcd(48, 36, 60), math.lcm(4, 6, 15))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod(range(1, 11)), math.isqrt(10**20 + 1))
print(math.isclose(0.1 + 0.2, 0.3), math.copysign(3, -0.0), math.fmod(-7, 3), math.remainder(7, 3))
print(math.frexp(1536.0), math.ldexp(0.75, 11), math.modf(-3.25), math.degrees(math.pi), math.radians(180))
print(math.dist((0, 0), (3, 4)), math.gamma(5), math.lgamma(10), math.erf(0.5), math.erfc(0.5))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-3), lambda: math.exp(1000)):
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class Meters:
    def __init__(self, v): self.v = v
    def __float__(self): return float(self.v)
    def __floor__(self): return "floored"
print(math.sqrt(Meters(16)), math.floor(Meters(1.5)))
`,
  "itertools with lambdas, infinite inputs and groupby": `
import itertools as it
print(list(it.islice(it.count(10, 3), 5)), next(it.cycle("xy")), list(it.repeat("z", 3)))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(it.takewhile(lambda x: x < 4, it.count())), list(it.dropwhile(lambda x: x < 4, range(7))))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.starmap(lambda a, b: a - b, [(5, 2), (9, 4)])))
for key, group in it.groupby(sorted("mississippi")):
    print(key, list(group), end="; ")
print()
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print([(k, len(list(g))) for k, g in it.groupby(words, key=lambda w: w[0])])
groups = it.groupby("aabbbc")
k1, g1 = next(groups); k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
a, b = it.tee(x * x for x in range(5))
print(list(a), list(b))
print(list(it.pairwise("abcd")), list(it.zip_longest([1, 2, 3], "ab", fillvalue=None)))
print(list(it.product("ab", repeat=2)), list(it.permutations(range(3))), list(it.combinations("abcd", 2)))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.chain.from_iterable(["ab", "cd"])))
print(repr(it.count(5)), repr(it.repeat(1, 2)), type(it.chain()).__name__, type(it.groupby("a")).__name__)
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(it.islice(it.compress(naturals(), it.cycle([1, 0, 0])), 4)))
class Countdown(it.count):
    pass
print(type(Countdown(3)).__name__, next(Countdown(3)))
`,
  "functools: decorators, caches, ordering and keys": `
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.lru_cache
def square(x):
    return x * x
print([square(i % 3) for i in range(6)], square.cache_info(), square.__name__)
@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info().misses)
def shout(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    return wrapper
@shout
def greet(name):
    "Say hello."
    return "hello " + name
print(greet("ada"), greet.__name__, greet.__doc__, greet.__wrapped__("bob"))
base2 = functools.partial(int, base=2)
print(base2("1011"), base2.func is int, base2.args, base2.keywords)
add3 = functools.partial(lambda a, b, c: a + b + c, 1, 2)
print(add3(3), functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4]), functools.reduce(max, [], 0))
@functools.total_ordering
class Version:
    def __init__(self, *parts): self.parts = parts
    def __eq__(self, other): return self.parts == other.parts
    def __lt__(self, other): return self.parts < other.parts
    def __repr__(self): return "v" + ".".join(map(str, self.parts))
vs = [Version(1, 2), Version(1, 10), Version(0, 9)]
print(sorted(vs), Version(1, 2) >= Version(1, 1), Version(1, 2) <= Version(1, 2), Version(2) > Version(1, 9))
def by_length_then_alpha(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
print(sorted(["pear", "fig", "apple", "kiwi"], key=functools.cmp_to_key(by_length_then_alpha)))
class Circle:
    def __init__(self, r): self.r = r; self.computed = 0
    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, c.computed)
class Calc:
    @functools.lru_cache(maxsize=2)
    def double(self, x):
        return 2 * x
calc = Calc()
print(calc.double(4), calc.double(4), Calc.double.cache_info())
@functools.singledispatch
def describe(x):
    return "thing"
@describe.register(int)
def _(x):
    return "int " + str(x)
@describe.register
def _(x: list):
    return "list of " + str(len(x))
print(describe(3), describe(True), describe([1, 2]), describe("s"), describe.dispatch(bool).__name__)
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
`,
  "operator, heapq and bisect on records": `
import operator, heapq, bisect
rows = [("bob", 3, 9.5), ("amy", 1, 7.25), ("cat", 2, 9.5)]
print(sorted(rows, key=operator.itemgetter(2, 0)), list(map(operator.itemgetter(1), rows)))
class P:
    def __init__(self, name, box): self.name = name; self.box = box
class Box:
    def __init__(self, size): self.size = size
ps = [P("x", Box(3)), P("y", Box(1))]
print([p.name for p in sorted(ps, key=operator.attrgetter("box.size"))], operator.attrgetter("name", "box.size")(ps[0]))
print(operator.methodcaller("split", "-", 1)("a-b-c"), operator.itemgetter(slice(1, 3))("hello"))
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.contains([1, 2], 2), operator.truth([]))
print(repr(operator.itemgetter(1)), repr(operator.attrgetter("a.b")), repr(operator.methodcaller("f", 1, k=2)))
heap = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(heap, x)
print(heap, heapq.heappop(heap), heap)
tasks = [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]
heapq.heapify(tasks)
print(tasks, [heapq.heappop(tasks)[1] for _ in range(4)])
print(heapq.nlargest(3, [4, 1, 7, 3, 9, 2]), heapq.nsmallest(2, ["kiwi", "fig", "banana"], key=len))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])), list(heapq.merge(["b", "dd"], ["aaa"], key=len)))
print(heapq.heappushpop([1, 5, 9], 3), heapq.heapreplace([1, 5, 9], 7))
grades = [60, 70, 80, 90]
print([("FDCBA"[bisect.bisect(grades, s)]) for s in [33, 60, 75, 95]])
arr = [1, 3, 3, 5]
bisect.insort(arr, 3); bisect.insort_left(arr, 0); bisect.insort(arr, 6, lo=2)
print(arr, bisect.bisect_left(arr, 3), bisect.bisect_right(arr, 3, 0, 3))
people = [("ann", 25), ("bo", 31), ("cy", 47)]
print(bisect.bisect_left(people, 31, key=lambda p: p[1]))
bisect.insort(people, ("dee", 35), key=lambda p: p[1])
print(people)
`,
  "errors surface with CPython's messages": `
import itertools, functools, heapq, bisect, math, random
calls = [
    lambda: itertools.islice("abc", -1), lambda: itertools.count("a"), lambda: heapq.heappop([]),
    lambda: bisect.bisect([1], 1, -1), lambda: math.gcd(1.5), lambda: random.randrange(5, 2),
    lambda: functools.partial(3), lambda: itertools.combinations("ab"), lambda: math.comb(-1, 2),
    lambda: random.sample({1, 2}, 1), lambda: itertools.product("ab", repeat=-1),
]
for call in calls:
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
`,
};

describe.skipIf(!hasPython)("whole programs print what CPython prints", () => {
  let runSource: (source: string, options?: { seed?: number }) => { stdout: string; stderr: string; exitCode: number | null };
  let expected: Record<string, { stdout: string; stderr: string }>;
  beforeAll(async () => {
    ({ runSource } = await import("../../simulator/run"));
    const runner = String.raw`
import sys, json, io, contextlib, traceback
out = {}
for name, src in json.loads(sys.stdin.read()).items():
    buf, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            exec(compile(src, "main.py", "exec"), {"__name__": "__main__"})
        except Exception as e:
            err.write(type(e).__name__ + ": " + str(e) + "\n")
    out[name] = {"stdout": buf.getvalue(), "stderr": err.getvalue()}
print(json.dumps(out))
`;
    expected = JSON.parse(python(runner, JSON.stringify(PROGRAMS)));
  });

  for (const [name, source] of Object.entries(PROGRAMS)) {
    it(name, () => {
      const r = runSource(source);
      expect(r.stdout).toBe(expected[name].stdout);
      const lastLine = r.stderr.trimEnd().split("\n").pop() ?? "";
      expect(lastLine ? `${lastLine}\n` : "").toBe(expected[name].stderr);
    });
  }
});
