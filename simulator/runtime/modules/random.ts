/**
 * The `random` module, bit-for-bit CPython 3.11: the Mersenne Twister of Modules/_randommodule.c
 * (init_genrand, init_by_array, genrand_uint32, random_seed, getrandbits, getstate/setstate) and
 * the distributions of Lib/random.py, written as the same sequence of draws so that a seeded
 * program prints what CPython prints. `seed(None)` (and an unseeded run) draws from the run's
 * seed instead of the OS (DESIGN.md §3: identical inputs give identical Reports).
 */
import { BinaryOp } from "../../python/opcodes";
import { defGetSet, defMethods } from "../../vm/define";
import {
  IndexErrorType,
  NotImplementedErrorType,
  overflowError,
  pyErr,
  TypeErrorType,
  typeError,
  valueError,
  ZeroDivisionErrorType,
} from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import {
  ByteArrayType,
  BytesType,
  FloatType,
  IntType,
  isInstance,
  None,
  nativeType,
  normInt,
  ObjectType,
  PyBaseException,
  PyBuiltin,
  PyByteArray,
  PyBytes,
  PyDict,
  PyFloat,
  PyList,
  PyObject,
  PyRange,
  PyTuple,
  PyType,
  RangeType,
  StrType,
  ListType,
  TupleType,
  toBig,
  typeOf,
  type KwArgs,
  type PyValue,
} from "../../vm/objects";
import { binaryOp } from "../../vm/operators";
import {
  callPy,
  getAttr,
  getItem,
  hash,
  index,
  len,
  lt,
  repr,
  richCompare,
  setItem,
  toArray,
  truthy,
} from "../../vm/protocol";
import { vm, type Vm } from "../../vm/vm";
import { floatMod, floatPow } from "../../vm/numbers";
import { pythonArgs, type PyParam } from "../../vm/define";
import { libmAcos, libmCos, libmExp, libmLog, libmPow, libmSin, toDouble } from "./math";

// ---------------------------------------------------------------- MT19937 (Modules/_randommodule.c)

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** The generator's state: 624 words and the index of the next one to temper (N: regenerate first). */
class Mt19937 {
  readonly mt = new Uint32Array(N);
  index = N + 1;

  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = Math.imul(1812433253, p) + i;
    }
    this.index = N;
  }

  /** init_by_array: `key` holds 32-bit words, least significant first. */
  initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (mt[i] ^ Math.imul(p, 1664525)) + key[j] + j; // Uint32Array wraps mod 2**32, as C's uint32_t
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (let k = N - 1; k > 0; k--) {
      const p = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (mt[i] ^ Math.imul(p, 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
  }

  genrandUint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random_random: a 53-bit float in [0, 1) from two words (genrand_res53). */
  random(): number {
    const a = this.genrandUint32() >>> 5;
    const b = this.genrandUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** getrandbits(k) for k >= 0: words fill the result from the least significant end; the last is shifted down. */
  getrandbits(k: number): number | bigint {
    if (k === 0) {
      return 0;
    }
    if (k <= 32) {
      return this.genrandUint32() >>> (32 - k);
    }
    if (k <= 53) {
      const lo = this.genrandUint32();
      return lo + (this.genrandUint32() >>> (64 - k)) * 4294967296;
    }
    let r = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32, shift += 32n) {
      let w = this.genrandUint32();
      if (left < 32) {
        w >>>= 32 - left;
      }
      r |= BigInt(w) << shift;
    }
    return normInt(r);
  }
}

/** The 32-bit words of a non-negative int, least significant first (at least one word), as random_seed splits its key. */
function words32(n: bigint): number[] {
  const out: number[] = [];
  do {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return out;
}

// ---------------------------------------------------------------- SHA-512 (FIPS 180-4), for str/bytes seeds

const MASK64 = (1n << 64n) - 1n;

/** floor(x ** (1/k)) for a non-negative bigint, by Newton's method. */
function iroot(x: bigint, k: bigint): bigint {
  if (x < 2n) {
    return x;
  }
  let r = 1n << (BigInt(x.toString(2).length) / k + 1n);
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) {
      return r;
    }
    r = next;
  }
}

const PRIMES: number[] = [];
for (let n = 2; PRIMES.length < 80; n++) {
  if (PRIMES.every((p) => n % p !== 0)) {
    PRIMES.push(n);
  }
}
// The standard's constants are the first 64 fraction bits of the cube roots (K) and square
// roots (H0) of the first primes; computing them exactly avoids a table of 88 literals.
const SHA_K = PRIMES.map((p) => iroot(BigInt(p) << 192n, 3n) & MASK64);
const SHA_H0 = PRIMES.slice(0, 8).map((p) => iroot(BigInt(p) << 128n, 2n) & MASK64);

const rotr = (x: bigint, n: bigint): bigint => ((x >> n) | (x << (64n - n))) & MASK64;

export function sha512(data: Uint8Array): Uint8Array {
  const bitLen = BigInt(data.length) * 8n;
  const padded = new Uint8Array(Math.ceil((data.length + 17) / 128) * 128);
  padded.set(data);
  padded[data.length] = 0x80;
  for (let i = 0; i < 16; i++) {
    padded[padded.length - 1 - i] = Number((bitLen >> BigInt(8 * i)) & 0xffn);
  }
  const h = SHA_H0.slice();
  const w: bigint[] = new Array(80);
  for (let off = 0; off < padded.length; off += 128) {
    for (let t = 0; t < 16; t++) {
      let v = 0n;
      for (let b = 0; b < 8; b++) {
        v = (v << 8n) | BigInt(padded[off + t * 8 + b]);
      }
      w[t] = v;
    }
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & MASK64;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & MASK64 & g);
      const t1 = (hh + S1 + ch + SHA_K[t] + w[t]) & MASK64;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & MASK64;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) & MASK64;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & MASK64;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) {
      h[i] = (h[i] + add[i]) & MASK64;
    }
  }
  const out = new Uint8Array(64);
  for (let i = 0; i < 8; i++) {
    for (let b = 0; b < 8; b++) {
      out[i * 8 + b] = Number((h[i] >> BigInt(56 - 8 * b)) & 0xffn);
    }
  }
  return out;
}

// ---------------------------------------------------------------- seeding

/** How many times this run has seeded from None (each gets a fresh, reproducible stream). */
const noneSeeds = new WeakMap<Vm, number>();

/**
 * random_seed (Modules/_randommodule.c) after Lib/random.py has turned str/bytes into an int.
 * None uses the run's seed: the first such seeding (the module's hidden instance) is exactly
 * `seed(<run seed>)`; later ones append a counter to the key.
 */
function seedState(mt: Mt19937, a: PyValue): void {
  if (a === None) {
    const run = vm();
    const count = noneSeeds.get(run) ?? 0;
    noneSeeds.set(run, count + 1);
    const key = words32(toBig(Math.abs(Math.trunc(run.seed))));
    mt.initByArray(count === 0 ? key : [...key, count]);
    return;
  }
  let n: bigint;
  if (typeof a === "number" || typeof a === "bigint" || typeof a === "boolean") {
    n = toBig(a);
    n = n < 0n ? -n : n;
  } else {
    n = BigInt.asUintN(64, BigInt(hash(a))); // (size_t)hash(a)
  }
  mt.initByArray(words32(n));
}

function bytesOf(v: PyValue): Uint8Array | undefined {
  if (typeof v === "string") {
    return new TextEncoder().encode(v);
  }
  if (v instanceof PyBytes) {
    return v.bytes;
  }
  if (v instanceof PyByteArray) {
    return Uint8Array.from(v.bytes);
  }
  return undefined;
}

function bytesToBig(b: Uint8Array): bigint {
  let n = 0n;
  for (const x of b) {
    n = (n << 8n) | BigInt(x);
  }
  return n;
}

/** Random.seed(a=None, version=2) of Lib/random.py. */
function seedRandom(self: PyRandom, a: PyValue, version: PyValue): void {
  const isText = typeof a === "string" || a instanceof PyBytes;
  if (versionIs(version, 1) && isText) {
    // Version 1: the narrow string hash of Python 2.x-era seeding.
    const s = typeof a === "string" ? Array.from(a).map((c) => c.codePointAt(0)!) : Array.from((a as PyBytes).bytes);
    let x = s.length ? BigInt(s[0]) << 7n : 0n;
    for (const c of s) {
      x = ((1000003n * x) ^ BigInt(c)) & MASK64;
    }
    x ^= BigInt(s.length);
    a = normInt(x === -1n ? -2n : x);
  } else if (versionIs(version, 2) && (isText || a instanceof PyByteArray)) {
    const b = bytesOf(a)!;
    const all = new Uint8Array(b.length + 64);
    all.set(b);
    all.set(sha512(b), b.length);
    a = normInt(bytesToBig(all));
  } else if (
    !(a === None || isInstance(a, IntType) || isInstance(a, FloatType) || isInstance(a, StrType) ||
      isInstance(a, BytesType) || isInstance(a, ByteArrayType))
  ) {
    throw typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  }
  seedState(self.mt, a);
  self.gaussNext = None;
}

const versionIs = (v: PyValue, n: number): boolean => (typeof v === "number" || typeof v === "boolean") && +v === n;

// ---------------------------------------------------------------- the Random class

/** An instance of random.Random: its own generator state and gauss()'s cached second value. */
export class PyRandom extends PyObject {
  readonly mt = new Mt19937();
  gaussNext: PyValue = None;
}

export const RandomType = nativeType("Random", ObjectType, (cls) => new PyRandom(cls));
RandomType.module = "random";
RandomType.instanceDict = true;
const SystemRandomType = nativeType("SystemRandom", RandomType);
SystemRandomType.module = "random";

const asRandom = (v: PyValue, name: string): PyRandom => {
  if (!(v instanceof PyRandom)) {
    throw typeError(`descriptor '${name}' for 'Random' objects doesn't apply to a '${typeOf(v).name}' object`);
  }
  return v;
};

/** Binds a method of Lib/random.py's Random (args[0] is self; CPython's counts include it). */
const bindMethod = (qualname: string, args: PyValue[], kwargs: KwArgs | null, params: PyParam[]): PyValue[] =>
  pythonArgs(qualname, args.slice(1), kwargs, params, 1);

/** For the C methods (random, getrandbits): "Random.random() takes no arguments (1 given)". */
function cArity(name: string, args: PyValue[], kwargs: KwArgs | null, n: number): void {
  if (kwargs !== null && kwargs.size > 0) {
    throw typeError(`Random.${name}() takes no keyword arguments`);
  }
  const given = args.length - 1;
  if (given !== n) {
    throw typeError(
      n === 0
        ? `Random.${name}() takes no arguments (${given} given)`
        : `Random.${name}() takes exactly one argument (${given} given)`,
    );
  }
}

// A subclass may override random() or getrandbits() (Random.__init_subclass__ then picks the
// matching _randbelow); the exact Random type takes the direct path to the generator.

/** self.random() */
function rnd(self: PyValue): number {
  if (self instanceof PyRandom && !self.cls.heap) {
    return self.mt.random();
  }
  return toDouble(callPy(getAttr(self, "random"), []));
}

function bitLength(n: number | bigint): number {
  if (typeof n === "number") {
    return n < 4294967296 ? 32 - Math.clz32(n) : n.toString(2).length;
  }
  return n.toString(2).length;
}

/** Random._randbelow_with_getrandbits(n) for n > 0. */
function randbelowWithBits(getrandbits: (k: number) => number | bigint, n: number | bigint): number | bigint {
  const k = bitLength(n);
  let r = getrandbits(k);
  while (typeof r === typeof n ? r >= n : toBig(r as number | bigint) >= toBig(n)) {
    r = getrandbits(k);
  }
  return r;
}

/** Random._randbelow_without_getrandbits(n), for subclasses that supply only random(). */
function randbelowWithoutBits(random: () => number, n: number | bigint): number | bigint {
  const maxsize = 2 ** 53;
  if (toBig(n) >= BigInt(maxsize)) {
    return normInt(BigInt(Math.floor(random() * Number(n))));
  }
  const nn = Number(n);
  const rem = maxsize % nn;
  const limit = (maxsize - rem) / maxsize;
  let r = random();
  while (r >= limit) {
    r = random();
  }
  return Math.floor(r * maxsize) % nn;
}

/** self._randbelow(n), with the choice Random.__init_subclass__ makes for subclasses. */
function randbelow(self: PyValue, n: number | bigint): number | bigint {
  const t = typeOf(self);
  if (self instanceof PyRandom && !t.heap) {
    return randbelowWithBits((k) => self.mt.getrandbits(k), n);
  }
  for (const c of t.mro) {
    const d = c.dict!;
    if (d.getStr("_randbelow") !== undefined) {
      if (c === RandomType && self instanceof PyRandom) {
        return randbelowWithBits((k) => self.mt.getrandbits(k), n);
      }
      return asInt(callPy(getAttr(self, "_randbelow"), [n]));
    }
    if (d.getStr("getrandbits") !== undefined) {
      const f = getAttr(self, "getrandbits");
      return randbelowWithBits((k) => asInt(callPy(f, [k])), n);
    }
    if (d.getStr("random") !== undefined) {
      const f = getAttr(self, "random");
      return randbelowWithoutBits(() => toDouble(callPy(f, [])), n);
    }
  }
  return randbelowWithBits((k) => asInt(callPy(getAttr(self, "getrandbits"), [k])), n);
}

function asInt(v: PyValue): number | bigint {
  return index(v);
}

/** `len(seq)` and `seq[i]` with a fast path for plain lists and tuples. */
const seqItem = (seq: PyValue, i: number | bigint): PyValue =>
  (seq instanceof PyList || seq instanceof PyTuple) && !seq.cls.heap && typeof i === "number"
    ? seq.items[i]
    : getItem(seq, i);

/** The operator.index of a randrange argument, or int() of an integral float (deprecated since 3.10, still accepted in 3.11). */
function rangeArg(v: PyValue, what: string): number | bigint {
  try {
    return index(v);
  } catch (e) {
    if (!(e instanceof PyBaseException) || !isInstance(e, TypeErrorType) || !(v instanceof PyFloat)) {
      throw e;
    }
    if (!Number.isInteger(v.v)) {
      throw valueError(`non-integer ${what} for randrange()`);
    }
    return normInt(BigInt(v.v));
  }
}

const SAFE = 2 ** 52;
const isSmall = (v: number | bigint): v is number => typeof v === "number" && Math.abs(v) < SAFE;

/** Random.randrange(start, stop=None, step=1). `stepGiven` tells `step is not _ONE`. */
function randrange(self: PyValue, start: PyValue, stop: PyValue, step: PyValue, stepGiven: boolean): PyValue {
  const istart = rangeArg(start, "arg 1");
  if (stop === None) {
    if (stepGiven) {
      throw typeError("Missing a non-None stop argument");
    }
    if (istart > 0) {
      return randbelow(self, istart);
    }
    throw valueError("empty range for randrange()");
  }
  const istop = rangeArg(stop, "stop");
  const istep = stepGiven ? rangeArg(step, "step") : 1;
  if (isSmall(istart) && isSmall(istop) && isSmall(istep)) {
    const width = istop - istart;
    if (istep === 1) {
      if (width > 0) {
        return istart + (randbelow(self, width) as number);
      }
      throw valueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    let n: number;
    if (istep > 0) {
      n = Math.floor((width + istep - 1) / istep);
    } else if (istep < 0) {
      n = Math.floor((width + istep + 1) / istep);
    } else {
      throw valueError("zero step for randrange()");
    }
    if (n <= 0) {
      throw valueError("empty range for randrange()");
    }
    return istart + istep * (randbelow(self, n) as number);
  }
  const bs = toBig(istart);
  const width = toBig(istop) - bs;
  const st = toBig(istep);
  if (st === 1n) {
    if (width > 0n) {
      return normInt(bs + toBig(randbelow(self, normInt(width))));
    }
    throw valueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
  }
  let n: bigint;
  if (st > 0n) {
    n = floorDiv(width + st - 1n, st);
  } else if (st < 0n) {
    n = floorDiv(width + st + 1n, st);
  } else {
    throw valueError("zero step for randrange()");
  }
  if (n <= 0n) {
    throw valueError("empty range for randrange()");
  }
  return normInt(bs + st * toBig(randbelow(self, normInt(n))));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** isinstance(population, collections.abc.Sequence), for the builtin sequences and registered classes. */
function isSequence(v: PyValue): boolean {
  if (typeof v === "string") {
    return true;
  }
  const t = typeOf(v);
  for (const c of t.mro) {
    if (c === ListType || c === TupleType || c === RangeType || c === StrType || c === BytesType || c === ByteArrayType) {
      return true;
    }
    if ((c.name === "Sequence" || c.name === "MutableSequence") && c.module === "collections.abc") {
      return true;
    }
    if (c.name === "deque" && c.module === "collections") {
      return true;
    }
  }
  return false;
}

const add = (a: PyValue, b: PyValue): PyValue => binaryOp(a, b, BinaryOp.Add);
const sub = (a: PyValue, b: PyValue): PyValue => binaryOp(a, b, BinaryOp.Sub);
const mul = (a: PyValue, b: PyValue): PyValue => binaryOp(a, b, BinaryOp.Mul);
const div = (a: PyValue, b: PyValue): PyValue => binaryOp(a, b, BinaryOp.TrueDiv);
const f = (v: number): PyFloat => new PyFloat(v);

/** itertools.accumulate(xs) with Python addition, as a JS array. */
function accumulate(xs: PyValue): PyValue[] {
  const out: PyValue[] = [];
  for (const x of toArray(xs)) {
    out.push(out.length ? add(out[out.length - 1], x) : x);
  }
  return out;
}

/** bisect.bisect_right(a, x, lo, hi) on a JS array. */
function bisectRight(a: PyValue[], x: PyValue, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lt(x, a[mid])) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

/** Random.sample(population, k, *, counts=None) — the 3.11 algorithm, pool or selected-set by setsize. */
function sample(self: PyValue, population: PyValue, kv: PyValue, counts: PyValue): PyValue {
  if (!isSequence(population)) {
    throw typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
  }
  const n = len(population);
  if (counts !== None) {
    const cum = accumulate(counts);
    if (cum.length !== n) {
      throw valueError("The number of counts does not match the population");
    }
    const total = cum.pop()!;
    if (!isInstance(total, IntType)) {
      throw typeError("Counts must be integers");
    }
    if (!lt(0, total)) {
      throw valueError("Total of counts must be greater than zero");
    }
    const selections = sample(self, new PyRange(0, total as number | bigint, 1), kv, None) as PyList;
    return new PyList(selections.items.map((s) => seqItem(population, bisectRight(cum, s, 0, cum.length))));
  }
  const kBig = index(kv);
  if (kBig < 0 || kBig > n) {
    throw valueError("Sample larger than population or is negative");
  }
  const k = Number(kBig);
  const result: PyValue[] = new Array(k);
  let setsize = 21; // size of a small set minus size of an empty list
  if (k > 5) {
    setsize += 4 ** Math.ceil(libmLog(k * 3) / libmLog(4)); // table size for big sets
  }
  if (n <= setsize) {
    // An n-length list is smaller than a k-length set. Invariant: non-selected at pool[0 : n-i].
    const pool = toArray(population);
    for (let i = 0; i < k; i++) {
      const j = randbelow(self, n - i) as number;
      result[i] = pool[j];
      pool[j] = pool[n - i - 1];
    }
  } else {
    const selected = new Set<number>();
    for (let i = 0; i < k; i++) {
      let j = randbelow(self, n) as number;
      while (selected.has(j)) {
        j = randbelow(self, n) as number;
      }
      selected.add(j);
      result[i] = seqItem(population, j);
    }
  }
  return new PyList(result);
}

/** Random.choices(population, weights=None, *, cum_weights=None, k=1). */
function choices(self: PyValue, population: PyValue, weights: PyValue, cumWeights: PyValue, kv: PyValue): PyValue {
  const n = len(population);
  const k = Math.max(0, Number(index(kv)));
  const out: PyValue[] = [];
  if (cumWeights === None) {
    if (weights === None) {
      for (let i = 0; i < k; i++) {
        out.push(seqItem(population, Math.floor(rnd(self) * n)));
      }
      return new PyList(out);
    }
    try {
      cumWeights = new PyList(accumulate(weights));
    } catch (e) {
      if (e instanceof PyBaseException && isInstance(e, TypeErrorType) && isInstance(weights, IntType)) {
        throw typeError(`The number of choices must be a keyword argument: k=${repr(weights)}`);
      }
      throw e;
    }
  } else if (weights !== None) {
    throw typeError("Cannot specify both weights and cumulative weights");
  }
  const cum = toArray(cumWeights);
  if (cum.length !== n) {
    throw valueError("The number of weights does not match the population");
  }
  if (cum.length === 0) {
    throw pyErr(IndexErrorType, "list index out of range");
  }
  const total = add(cum[cum.length - 1], f(0));
  const t = toDouble(total);
  if (t <= 0.0) {
    throw valueError("Total of weights must be greater than zero");
  }
  if (!Number.isFinite(t)) {
    throw valueError("Total of weights must be finite");
  }
  const hi = n - 1;
  for (let i = 0; i < k; i++) {
    out.push(seqItem(population, bisectRight(cum, mul(f(rnd(self)), total), 0, hi)));
  }
  return new PyList(out);
}

/** Random.shuffle(x): Fisher-Yates from the end, swapping through __getitem__/__setitem__. */
function shuffle(self: PyValue, x: PyValue): PyValue {
  const plain = x instanceof PyList && !x.cls.heap;
  for (let i = len(x) - 1; i >= 1; i--) {
    const j = randbelow(self, i + 1) as number;
    if (plain) {
      const items = (x as PyList).items;
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    } else {
      const a = getItem(x, j);
      const b = getItem(x, i);
      setItem(x, i, a);
      setItem(x, j, b);
    }
  }
  return None;
}

const NV_MAGICCONST = (4 * libmExp(-0.5)) / Math.sqrt(2.0);
const LOG4 = libmLog(4.0);
const SG_MAGICCONST = 1.0 + libmLog(4.5);
const TWOPI = 2 * Math.PI;

/** A log that raises like math.log (Lib/random.py calls math.log). */
function mlog(x: number): number {
  if (x <= 0 || Number.isNaN(x)) {
    if (Number.isNaN(x)) {
      return x;
    }
    throw valueError("math domain error");
  }
  return libmLog(x);
}

/** float ** float: C's pow for a positive finite base (as float_pow calls it), float_pow's own rules otherwise. */
function fpow(x: number, y: number): number {
  return x > 0 && Number.isFinite(x) && Number.isFinite(y) ? libmPow(x, y) : floatPow(x, y);
}

function fdiv(a: number, b: number): number {
  if (b === 0) {
    throw pyErr(ZeroDivisionErrorType, "float division by zero");
  }
  return a / b;
}

function normalvariate(self: PyValue, mu: PyValue, sigma: PyValue): PyValue {
  let z: number;
  for (;;) {
    const u1 = rnd(self);
    const u2 = 1.0 - rnd(self);
    z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
    const zz = (z * z) / 4.0;
    if (zz <= -mlog(u2)) {
      break;
    }
  }
  return add(mu, mul(f(z), sigma));
}

function gauss(self: PyValue, mu: PyValue, sigma: PyValue): PyValue {
  let z = gaussNextOf(self);
  setGaussNext(self, None);
  if (z === None) {
    const x2pi = rnd(self) * TWOPI;
    const g2rad = Math.sqrt(-2.0 * mlog(1.0 - rnd(self)));
    z = f(libmCos(x2pi) * g2rad);
    setGaussNext(self, f(libmSin(x2pi) * g2rad));
  }
  return add(mu, mul(z, sigma));
}

// gauss_next is an instance attribute in Lib/random.py; PyRandom keeps it in a field exposed as one.
function gaussNextOf(self: PyValue): PyValue {
  return asRandom(self, "gauss").gaussNext;
}

function setGaussNext(self: PyValue, v: PyValue): void {
  asRandom(self, "gauss").gaussNext = v;
}

function gammavariate(self: PyValue, alphaV: PyValue, betaV: PyValue): PyValue {
  const alpha = toDouble(alphaV);
  const beta = toDouble(betaV);
  if (alpha <= 0.0 || beta <= 0.0) {
    throw valueError("gammavariate: alpha and beta must be > 0.0");
  }
  if (alpha > 1.0) {
    // R.C.H. Cheng, "The generation of Gamma variables with non-integral shape parameters", 1977.
    const ainv = Math.sqrt(2.0 * alpha - 1.0);
    const bbb = alpha - LOG4;
    const ccc = alpha + ainv;
    for (;;) {
      const u1 = rnd(self);
      if (!(1e-7 < u1 && u1 < 0.9999999)) {
        continue;
      }
      const u2 = 1.0 - rnd(self);
      const v = mlog(u1 / (1.0 - u1)) / ainv;
      const x = alpha * libmExp(v);
      const z = u1 * u1 * u2;
      const r = bbb + ccc * v - x;
      if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= mlog(z)) {
        return f(x * beta);
      }
    }
  }
  if (alpha === 1.0) {
    return f(-mlog(1.0 - rnd(self)) * beta);
  }
  // ALGORITHM GS of Statistical Computing - Kennedy & Gentle.
  let x: number;
  for (;;) {
    const u = rnd(self);
    const b = (Math.E + alpha) / Math.E;
    const p = b * u;
    if (p <= 1.0) {
      x = fpow(p, 1.0 / alpha);
    } else {
      x = -mlog((b - p) / alpha);
    }
    const u1 = rnd(self);
    if (p > 1.0) {
      if (u1 <= fpow(x, alpha - 1.0)) {
        break;
      }
    } else if (u1 <= libmExp(-x)) {
      break;
    }
  }
  return f(x * beta);
}

function vonmisesvariate(self: PyValue, muV: PyValue, kappaV: PyValue): PyValue {
  const mu = toDouble(muV);
  const kappa = toDouble(kappaV);
  if (kappa <= 1e-6) {
    return f(TWOPI * rnd(self));
  }
  const s = 0.5 / kappa;
  const r = s + Math.sqrt(1.0 + s * s);
  let z: number;
  for (;;) {
    const u1 = rnd(self);
    z = libmCos(Math.PI * u1);
    const d = z / (r + z);
    const u2 = rnd(self);
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * libmExp(d)) {
      break;
    }
  }
  const q = 1.0 / r;
  const ff = (q + z) / (1.0 + q * z);
  const u3 = rnd(self);
  const theta = u3 > 0.5 ? floatMod(mu + libmAcos(ff), TWOPI) : floatMod(mu - libmAcos(ff), TWOPI);
  return f(theta);
}

/** Random.getstate(): (VERSION, 624 words + index, gauss_next). */
function getstate(self: PyRandom): PyValue {
  const items: PyValue[] = Array.from(self.mt.mt);
  items.push(self.mt.index);
  return new PyTuple([3, new PyTuple(items), self.gaussNext]);
}

/** Random.setstate(state) for versions 3 and 2 (random_setstate validates the inner tuple). */
function setstate(self: PyRandom, state: PyValue): void {
  const version = state instanceof PyTuple ? (state.items[0] ?? getItem(state, 0)) : getItem(state, 0);
  if (versionIs(version, 3) || versionIs(version, 2)) {
    const parts = toArray(state);
    if (parts.length !== 3) {
      throw valueError(`${parts.length > 3 ? "too many values to unpack (expected 3)" : `not enough values to unpack (expected 3, got ${parts.length})`}`);
    }
    let inner = parts[1];
    if (versionIs(version, 2)) {
      inner = new PyTuple(toArray(inner).map((x) => normInt(((toBig(index(x)) % 2n ** 32n) + 2n ** 32n) % 2n ** 32n)));
    }
    if (!(inner instanceof PyTuple)) {
      throw typeError("state vector must be a tuple");
    }
    if (inner.items.length !== N + 1) {
      throw valueError("state vector is the wrong size");
    }
    const words = inner.items.slice(0, N).map((x) => {
      const v = toBig(index(x));
      if (v < 0n) {
        throw overflowError("can't convert negative int to unsigned");
      }
      if (v > 0xffffffffn) {
        throw overflowError("Python int too large to convert to C unsigned long");
      }
      return Number(v);
    });
    const idx = toBig(index(inner.items[N]));
    if (idx < 0n || idx > BigInt(N)) {
      throw valueError("invalid state");
    }
    self.mt.mt.set(words);
    self.mt.index = Number(idx);
    self.gaussNext = parts[2];
    return;
  }
  throw valueError(
    `state with version ${repr(version)} passed to Random.setstate() of version 3`,
  );
}

const FLOAT0 = f(0.0);
const FLOAT1 = f(1.0);

defMethods(RandomType, {
  __new__: (args) => {
    const cls = args[0] as PyType;
    const o = new PyRandom(cls);
    if (cls.instanceDict) {
      o.dict = new PyDict();
    }
    // Until __init__ seeds it, the state is a fixed one (CPython seeds here too; __init__ reseeds).
    o.mt.initGenrand(19650218);
    return o;
  },
  __init__: (args, kwargs) => {
    const [x] = bindMethod("Random.__init__", args, kwargs, [{ name: "x", def: None }]);
    const self = args[0];
    if (self instanceof PyRandom && !self.cls.heap) {
      seedRandom(self, x, 2);
    } else {
      callPy(getAttr(self, "seed"), [x]);
    }
    setGaussNext(self, None);
    return None;
  },
  seed: (args, kwargs) => {
    const self = asRandom(args[0], "seed");
    if (self.cls.isSubtypeOf(SystemRandomType)) {
      return None; // SystemRandom.seed: "Stub method. Not used for a system random number generator."
    }
    const [a, version] = bindMethod("Random.seed", args, kwargs, [
      { name: "a", def: None },
      { name: "version", def: 2 },
    ]);
    seedRandom(self, a, version);
    return None;
  },
  random: (args, kwargs) => {
    cArity("random", args, kwargs, 0);
    return f(asRandom(args[0], "random").mt.random());
  },
  getrandbits: (args, kwargs) => {
    cArity("getrandbits", args, kwargs, 1);
    const self = asRandom(args[0], "getrandbits");
    const k = index(args[1]);
    if (k < 0) {
      throw valueError("number of bits must be non-negative");
    }
    return self.mt.getrandbits(Number(k));
  },
  getstate: (args, kwargs) => {
    bindMethod("Random.getstate", args, kwargs, []);
    const self = asRandom(args[0], "getstate");
    if (self.cls.isSubtypeOf(SystemRandomType)) {
      throw pyErr(NotImplementedErrorType, "System entropy source does not have state.");
    }
    return getstate(self);
  },
  setstate: (args, kwargs) => {
    const [state] = bindMethod("Random.setstate", args, kwargs, [{ name: "state" }]);
    const self = asRandom(args[0], "setstate");
    if (self.cls.isSubtypeOf(SystemRandomType)) {
      throw pyErr(NotImplementedErrorType, "System entropy source does not have state.");
    }
    setstate(self, state);
    return None;
  },
  _randbelow: (args, kwargs) => {
    const [n] = bindMethod("Random._randbelow_with_getrandbits", args, kwargs, [{ name: "n" }]);
    const self = asRandom(args[0], "_randbelow");
    return randbelowWithBits((k) => self.mt.getrandbits(k), index(n));
  },
  randbytes: (args, kwargs) => {
    const [nv] = bindMethod("Random.randbytes", args, kwargs, [{ name: "n" }]);
    const n = Number(index(nv));
    if (n < 0) {
      throw valueError("number of bits must be non-negative");
    }
    const self = args[0];
    const bits = toBig(
      self instanceof PyRandom && !self.cls.heap ? self.mt.getrandbits(n * 8) : index(callPy(getAttr(self, "getrandbits"), [n * 8])),
    );
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = Number((bits >> BigInt(8 * i)) & 0xffn);
    }
    return new PyBytes(out);
  },
  randrange: (args, kwargs) => {
    const [start, stop, step] = bindMethod("Random.randrange", args, kwargs, [
      { name: "start" },
      { name: "stop", def: None },
      { name: "step", def: ONE },
    ]);
    return randrange(args[0], start, stop, step, step !== ONE);
  },
  randint: (args, kwargs) => {
    const [a, b] = bindMethod("Random.randint", args, kwargs, [{ name: "a" }, { name: "b" }]);
    return randrange(args[0], a, add(b, 1), 1, false);
  },
  choice: (args, kwargs) => {
    const [seq] = bindMethod("Random.choice", args, kwargs, [{ name: "seq" }]);
    const n = len(seq);
    if (n === 0) {
      throw pyErr(IndexErrorType, "Cannot choose from an empty sequence");
    }
    return seqItem(seq, randbelow(args[0], n));
  },
  shuffle: (args, kwargs) => {
    const [x] = bindMethod("Random.shuffle", args, kwargs, [{ name: "x" }]);
    return shuffle(args[0], x);
  },
  sample: (args, kwargs) => {
    const [population, k, counts] = bindMethod("Random.sample", args, kwargs, [
      { name: "population" },
      { name: "k" },
      { name: "counts", def: None, kwOnly: true },
    ]);
    return sample(args[0], population, k, counts);
  },
  choices: (args, kwargs) => {
    const [population, weights, cumWeights, k] = bindMethod("Random.choices", args, kwargs, [
      { name: "population" },
      { name: "weights", def: None },
      { name: "cum_weights", def: None, kwOnly: true },
      { name: "k", def: 1, kwOnly: true },
    ]);
    return choices(args[0], population, weights, cumWeights, k);
  },
  uniform: (args, kwargs) => {
    const [a, b] = bindMethod("Random.uniform", args, kwargs, [{ name: "a" }, { name: "b" }]);
    return add(a, mul(sub(b, a), f(rnd(args[0]))));
  },
  triangular: (args, kwargs) => {
    let [low, high, mode] = bindMethod("Random.triangular", args, kwargs, [
      { name: "low", def: FLOAT0 },
      { name: "high", def: FLOAT1 },
      { name: "mode", def: None },
    ]);
    let u = rnd(args[0]);
    let c: PyValue;
    try {
      c = mode === None ? f(0.5) : div(sub(mode, low), sub(high, low));
    } catch (e) {
      if (e instanceof PyBaseException && isInstance(e, ZeroDivisionErrorType)) {
        return low;
      }
      throw e;
    }
    if (truthy(richCompare(f(u), c, "gt"))) {
      u = 1.0 - u;
      c = sub(f(1.0), c);
      [low, high] = [high, low];
    }
    return add(low, mul(sub(high, low), f(Math.sqrt(toDouble(mul(f(u), c))))));
  },
  normalvariate: (args, kwargs) => {
    const [mu, sigma] = bindMethod("Random.normalvariate", args, kwargs, [
      { name: "mu", def: FLOAT0 },
      { name: "sigma", def: FLOAT1 },
    ]);
    return normalvariate(args[0], mu, sigma);
  },
  gauss: (args, kwargs) => {
    const [mu, sigma] = bindMethod("Random.gauss", args, kwargs, [
      { name: "mu", def: FLOAT0 },
      { name: "sigma", def: FLOAT1 },
    ]);
    return gauss(args[0], mu, sigma);
  },
  lognormvariate: (args, kwargs) => {
    const [mu, sigma] = bindMethod("Random.lognormvariate", args, kwargs, [{ name: "mu" }, { name: "sigma" }]);
    const v = toDouble(normalvariate(args[0], mu, sigma));
    const r = libmExp(v);
    if (!Number.isFinite(r) && Number.isFinite(v)) {
      throw overflowError("math range error");
    }
    return f(r);
  },
  expovariate: (args, kwargs) => {
    const [lambd] = bindMethod("Random.expovariate", args, kwargs, [{ name: "lambd" }]);
    return div(f(-mlog(1.0 - rnd(args[0]))), lambd);
  },
  vonmisesvariate: (args, kwargs) => {
    const [mu, kappa] = bindMethod("Random.vonmisesvariate", args, kwargs, [{ name: "mu" }, { name: "kappa" }]);
    return vonmisesvariate(args[0], mu, kappa);
  },
  gammavariate: (args, kwargs) => {
    const [alpha, beta] = bindMethod("Random.gammavariate", args, kwargs, [{ name: "alpha" }, { name: "beta" }]);
    return gammavariate(args[0], alpha, beta);
  },
  betavariate: (args, kwargs) => {
    const [alpha, beta] = bindMethod("Random.betavariate", args, kwargs, [{ name: "alpha" }, { name: "beta" }]);
    const y = gammavariate(args[0], alpha, f(1.0)) as PyFloat;
    if (y.v !== 0) {
      return f(y.v / (y.v + (gammavariate(args[0], beta, f(1.0)) as PyFloat).v));
    }
    return f(0.0);
  },
  paretovariate: (args, kwargs) => {
    const [alpha] = bindMethod("Random.paretovariate", args, kwargs, [{ name: "alpha" }]);
    const u = 1.0 - rnd(args[0]);
    return f(fpow(u, fdiv(-1.0, toDouble(alpha))));
  },
  weibullvariate: (args, kwargs) => {
    const [alpha, beta] = bindMethod("Random.weibullvariate", args, kwargs, [{ name: "alpha" }, { name: "beta" }]);
    const u = 1.0 - rnd(args[0]);
    return mul(alpha, f(fpow(-mlog(u), fdiv(1.0, toDouble(beta)))));
  },
});

defGetSet(
  RandomType,
  "gauss_next",
  (self) => (self as PyRandom).gaussNext,
  (self, v) => {
    (self as PyRandom).gaussNext = v ?? None;
  },
);
RandomType.dict!.setStr("VERSION", 3);

/** The `_ONE` sentinel: randrange tells "step not given" from an explicit 1 by identity. */
const ONE: PyValue = new PyObject(ObjectType);

/** The names Lib/random.py binds to its hidden instance `_inst`. */
const BOUND = [
  "seed", "random", "uniform", "triangular", "randint", "choice", "randrange", "sample", "shuffle", "choices",
  "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate", "gammavariate", "gauss", "betavariate",
  "paretovariate", "weibullvariate", "getstate", "setstate", "getrandbits", "randbytes",
];

registerModule("random", (m) => {
  const d = m.dict!;
  d.setStr("Random", RandomType);
  d.setStr("SystemRandom", SystemRandomType);
  const inst = callPy(RandomType, []) as PyRandom;
  d.setStr("_inst", inst);
  for (const name of BOUND) {
    const fn = RandomType.dict!.getStr(name) as PyBuiltin;
    d.setStr(name, new PyBuiltin(name, fn.fn, RandomType, inst));
  }
  d.setStr("NV_MAGICCONST", f(NV_MAGICCONST));
  d.setStr("LOG4", f(LOG4));
  d.setStr("SG_MAGICCONST", f(SG_MAGICCONST));
  d.setStr("TWOPI", f(TWOPI));
  d.setStr("BPF", 53);
  d.setStr("RECIP_BPF", f(2 ** -53));
  d.setStr(
    "__all__",
    new PyList(
      [
        "Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate", "gammavariate", "gauss",
        "getrandbits", "getstate", "lognormvariate", "normalvariate", "paretovariate", "randbytes", "randint",
        "random", "randrange", "sample", "seed", "setstate", "shuffle", "triangular", "uniform",
        "vonmisesvariate", "weibullvariate",
      ],
    ),
  );
});
