/**
 * `tuple` (CPython 3.11's Objects/tupleobject.c), and what every sequence type shares with it:
 * lexicographic comparison, subscript and search-bound arguments, repetition, and the 64-bit
 * hash arithmetic (tuple's xxHash-based hash; set.ts reuses it for its table and frozenset's hash).
 */
import { allocInstance } from "../call";
import { defMethods } from "../define";
import { indexError, typeError, valueError } from "../errors";
import { PyNativeIter } from "../iterators";
import {
  EMPTY_TUPLE,
  NotImplemented,
  ObjectType,
  PyBuiltin,
  PyFloat,
  PySlice,
  PyTuple,
  PyType,
  TupleType,
  newTuple,
  type KwArgs,
  type PyValue,
} from "../objects";
import {
  compareResult,
  eq,
  hash,
  index,
  repr,
  reprEnter,
  reprLeave,
  richCompare,
  toArray,
  typeName,
  type CompareKind,
} from "../protocol";
import { adjustSlice, isIndexLike } from "./slice";
import { checkSize, defersTo, oneArg, posOnly, repeatCount } from "./str";

// ---------------------------------------------------------------- 64-bit hash arithmetic

/**
 * The result register of the 64-bit helpers: Py_uhash_t as two unsigned 32-bit halves.
 * Hashing is hot (dict and set keys), so the helpers write here instead of allocating.
 */
export const u64 = { hi: 0, lo: 0 };

const TWO32 = 4294967296;

/** u64 = a * b mod 2**64 (size_t multiplication), from 16-bit partial products. */
export function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const carry = (((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff)) >>> 16;
  const high = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + carry;
  u64.lo = Math.imul(aLo, bLo) >>> 0;
  u64.hi = (high + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
}

/** Splits a Python hash value (a Py_hash_t, as number or bigint) into u64. */
export function splitHash(h: number | bigint): void {
  if (typeof h === "number") {
    u64.lo = h >>> 0; // ToUint32 is exact modular reduction for safe integers
    u64.hi = Math.floor(h / TWO32) >>> 0;
  } else {
    u64.lo = Number(BigInt.asUintN(32, h));
    u64.hi = Number(BigInt.asUintN(32, h >> 32n));
  }
}

/** The Python int of a Py_hash_t given as unsigned halves (signed, as hash() returns it). */
export function hashValue(hi: number, lo: number): number | bigint {
  const shi = hi | 0;
  const v = shi * TWO32 + lo;
  return Number.isSafeInteger(v) ? v : (BigInt(shi) << 32n) + BigInt(lo);
}

/**
 * hash(v) into u64, without the bigint round trip for ints and exact tuples. A native
 * `__hash__` (tuple, frozenset, range, object) already returns a Py_hash_t, which is used
 * as it is (slot_tp_hash keeps any value that fits in Py_hash_t).
 */
export function hash64(v: PyValue): void {
  if (typeof v === "number") {
    splitHash(v === -1 ? -2 : v);
  } else if (v instanceof PyTuple && v.cls === TupleType) {
    tupleHash64(v.items);
  } else if (typeof v === "object" && !(v instanceof PyFloat)) {
    const m = v.cls.lookup("__hash__");
    if (m instanceof PyBuiltin && m.self === undefined) {
      const r = m.fn([v], null);
      if (typeof r === "number" || typeof r === "bigint") {
        splitHash(r);
        return;
      }
    }
    splitHash(hash(v));
  } else {
    splitHash(hash(v));
  }
}

// xxHash primes of tupleobject.c (64-bit build): _PyHASH_XXPRIME_1, _2, _5.
const P1_HI = 0x9e3779b1;
const P1_LO = 0x85ebca87;
const P2_HI = 0xc2b2ae3d;
const P2_LO = 0x27d4eb4f;
const P5_HI = 0x27d4eb2f;
const P5_LO = 0x165667c5;

/** tuplehash (3.8+): an xxHash-like mix of the items' hashes, into u64. */
function tupleHash64(items: PyValue[]): void {
  let accHi = P5_HI;
  let accLo = P5_LO;
  for (let i = 0; i < items.length; i++) {
    hash64(items[i]);
    mul64(u64.hi, u64.lo, P2_HI, P2_LO); // lane * XXPRIME_2
    const lo = accLo + u64.lo;
    accHi = (accHi + u64.hi + (lo > 0xffffffff ? 1 : 0)) >>> 0;
    accLo = lo >>> 0;
    const rHi = ((accHi << 31) | (accLo >>> 1)) >>> 0; // rotate left 31
    const rLo = ((accLo << 31) | (accHi >>> 1)) >>> 0;
    mul64(rHi, rLo, P1_HI, P1_LO);
    accHi = u64.hi;
    accLo = u64.lo;
  }
  // acc += len ^ (XXPRIME_5 ^ 3527539): keeps hash(()) at its historical value.
  const addLo = (P5_LO ^ 3527539 ^ items.length) >>> 0;
  const lo = accLo + addLo;
  accHi = (accHi + P5_HI + (lo > 0xffffffff ? 1 : 0)) >>> 0;
  accLo = lo >>> 0;
  if (accHi === 0xffffffff && accLo === 0xffffffff) {
    accHi = 0;
    accLo = 1546275796;
  }
  u64.hi = accHi;
  u64.lo = accLo;
}

// ---------------------------------------------------------------- what sequences share

/** Anything with an `items` array (list and tuple): read afresh, since comparisons may run code that mutates a list. */
interface ItemsHolder {
  items: PyValue[];
}

/**
 * list_richcompare / tuplerichcompare: find the first index where the items differ (by ==),
 * then compare lengths or that pair with the requested operator. `lengthShortcut` is the
 * list-only early answer for ==/!= on different lengths.
 */
export function compareSequences(v: ItemsHolder, w: ItemsHolder, op: CompareKind, lengthShortcut: boolean): PyValue {
  if (lengthShortcut && v.items.length !== w.items.length && (op === "eq" || op === "ne")) {
    return op === "ne";
  }
  let i = 0;
  for (; i < v.items.length && i < w.items.length; i++) {
    const a = v.items[i];
    const b = w.items[i];
    if (a !== b && !eq(a, b)) {
      break;
    }
  }
  const vl = v.items.length;
  const wl = w.items.length;
  if (i >= vl || i >= wl) {
    return compareResult(vl - wl, op);
  }
  if (op === "eq") {
    return false;
  }
  if (op === "ne") {
    return true;
  }
  return richCompare(v.items[i], w.items[i], op);
}

const SSIZE_MAX = 9223372036854775807n;

/**
 * PyNumber_AsSsize_t(k, IndexError) for a subscript already known to be an integer: ints past
 * Py_ssize_t raise "cannot fit 'int' into an index-sized integer"; ints past 2**53 (out of range
 * of any list) come back as ±Infinity so the caller's bounds check fails with its own message.
 */
export function subscriptIndex(k: PyValue): number {
  const i = index(k);
  if (typeof i === "number") {
    return i;
  }
  if (i > SSIZE_MAX || i < -SSIZE_MAX - 1n) {
    throw indexError("cannot fit 'int' into an index-sized integer");
  }
  return i > 0n ? Infinity : -Infinity;
}

/** A start/stop argument of index() (`_PyEval_SliceIndexNotNone`): huge ints clamp. */
export function searchBound(v: PyValue): number {
  if (typeof v === "number") {
    return v;
  }
  if (!isIndexLike(v)) {
    throw typeError("slice indices must be integers or have an __index__ method");
  }
  const i = index(v);
  return typeof i === "bigint" ? (i > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : i;
}

/** The [start, stop) a sequence's index(value, start, stop) searches, clamped like list_index_impl. */
export function searchRange(args: PyValue[], length: number): [number, number] {
  let start = args.length > 2 ? searchBound(args[2]) : 0;
  let stop = args.length > 3 ? searchBound(args[3]) : Number.MAX_SAFE_INTEGER;
  if (start < 0) {
    start = Math.max(0, start + length);
  }
  if (stop < 0) {
    stop = Math.max(0, stop + length);
  }
  return [start, stop];
}

/** The items of `items * n` (n already clamped by the caller to a non-negative count). */
export function repeatItems(items: PyValue[], n: number): PyValue[] {
  const len = items.length;
  if (n <= 0 || len === 0) {
    return [];
  }
  checkSize(len * n);
  const out = new Array<PyValue>(len * n);
  for (let k = 0, o = 0; k < n; k++) {
    for (let i = 0; i < len; i++) {
      out[o++] = items[i];
    }
  }
  return out;
}

/** The items a slice of `items` selects (list_subscript / tuplesubscript). */
export function sliceItems(items: PyValue[], start: number, step: number, count: number): PyValue[] {
  if (step === 1) {
    return items.slice(start, start + count);
  }
  const out = new Array<PyValue>(count);
  for (let i = 0, cur = start; i < count; i++, cur += step) {
    out[i] = items[cur];
  }
  return out;
}

/** `repr()` of each item, joined by ", " (the live length is re-read: repr may mutate a list). */
export function joinReprs(holder: ItemsHolder): string {
  let out = "";
  for (let i = 0; i < holder.items.length; i++) {
    if (i > 0) {
      out += ", ";
    }
    out += repr(holder.items[i]);
  }
  return out;
}

/** A builtin method's wrong-arity error for slot wrappers (`list.__len__([], 1)`). */
export function wrapperArity(args: PyValue[], n: number): void {
  if (args.length !== n + 1) {
    throw typeError(`expected ${n} argument${n === 1 ? "" : "s"}, got ${Math.max(0, args.length - 1)}`);
  }
}

// ---------------------------------------------------------------- tuple

function tupleSelf(v: PyValue | undefined, name: string): PyTuple {
  if (v instanceof PyTuple) {
    return v;
  }
  if (v === undefined) {
    throw typeError(`unbound method tuple.${name}() needs an argument`);
  }
  throw typeError(`descriptor '${name}' for 'tuple' objects doesn't apply to a '${typeName(v)}' object`);
}

let objectInit: PyValue | undefined;

/** tuple.__new__(cls, iterable=()) (tuple_new_impl): `tuple(t)` is `t` for an exact tuple. */
function tupleNew(args: PyValue[], kwargs: KwArgs | null): PyValue {
  const cls = args[0];
  if (!(cls instanceof PyType)) {
    throw typeError(`tuple.__new__(X): X is not a type object (${typeName(cls)})`);
  }
  if (!cls.isSubtypeOf(TupleType)) {
    throw typeError(`tuple.__new__(${cls.name}): ${cls.name} is not a subtype of tuple`);
  }
  objectInit ??= ObjectType.dict!.getStr("__init__");
  if (kwargs !== null && kwargs.size > 0 && (cls === TupleType || cls.lookup("__init__") === objectInit)) {
    throw typeError("tuple() takes no keyword arguments");
  }
  if (args.length > 2) {
    throw typeError(`tuple expected at most 1 argument, got ${args.length - 1}`);
  }
  const src = args[1];
  if (cls === TupleType) {
    if (src === undefined) {
      return EMPTY_TUPLE;
    }
    if (src instanceof PyTuple && src.cls === TupleType) {
      return src;
    }
    return newTuple(toArray(src));
  }
  const items = src === undefined ? [] : toArray(src);
  const t = allocInstance(cls) as PyTuple;
  t.items = items;
  return t;
}

function tupleGetItem(t: PyTuple, k: PyValue): PyValue {
  const items = t.items;
  if (typeof k === "number") {
    const i = k < 0 ? k + items.length : k;
    if (i >= 0 && i < items.length) {
      return items[i];
    }
    throw indexError("tuple index out of range");
  }
  if (k instanceof PySlice) {
    const { start, step, count } = adjustSlice(k, items.length);
    if (count <= 0) {
      return EMPTY_TUPLE;
    }
    if (start === 0 && step === 1 && count === items.length && t.cls === TupleType) {
      return t;
    }
    return newTuple(sliceItems(items, start, step, count));
  }
  if (isIndexLike(k)) {
    let i = subscriptIndex(k);
    if (i < 0) {
      i += items.length;
    }
    if (i >= 0 && i < items.length) {
      return items[i];
    }
    throw indexError("tuple index out of range");
  }
  throw typeError(`tuple indices must be integers or slices, not ${typeName(k)}`);
}

function tupleRepr(t: PyTuple): string {
  const n = t.items.length;
  if (n === 0) {
    return "()";
  }
  if (!reprEnter(t)) {
    return "(...)";
  }
  try {
    return n === 1 ? `(${repr(t.items[0])},)` : `(${joinReprs(t)})`;
  } finally {
    reprLeave(t);
  }
}

function tupleCompare(args: PyValue[], op: CompareKind): PyValue {
  wrapperArity(args, 1);
  const v = tupleSelf(args[0], `__${op}__`);
  const w = args[1];
  if (!(w instanceof PyTuple)) {
    return NotImplemented;
  }
  return compareSequences(v, w, op, false);
}

function tupleRepeat(t: PyTuple, n: PyValue): PyValue {
  const count = repeatCount(n);
  if (count === undefined) {
    if (defersTo(n, "__rmul__")) {
      return NotImplemented;
    }
    throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  }
  if ((t.items.length === 0 || count === 1) && t.cls === TupleType) {
    return t;
  }
  return newTuple(repeatItems(t.items, count));
}

defMethods(TupleType, {
  __new__: tupleNew,
  __len__: (args) => {
    wrapperArity(args, 0);
    return tupleSelf(args[0], "__len__").items.length;
  },
  __getitem__: (args) => {
    wrapperArity(args, 1);
    return tupleGetItem(tupleSelf(args[0], "__getitem__"), args[1]);
  },
  __contains__: (args) => {
    wrapperArity(args, 1);
    const items = tupleSelf(args[0], "__contains__").items;
    const x = args[1];
    for (let i = 0; i < items.length; i++) {
      if (eq(items[i], x)) {
        return true;
      }
    }
    return false;
  },
  __iter__: (args) => {
    wrapperArity(args, 0);
    const items = tupleSelf(args[0], "__iter__").items;
    let i = 0;
    return new PyNativeIter("tuple_iterator", () => (i < items.length ? items[i++] : undefined));
  },
  __add__: (args) => {
    wrapperArity(args, 1);
    const a = tupleSelf(args[0], "__add__");
    const b = args[1];
    if (!(b instanceof PyTuple)) {
      if (defersTo(b, "__radd__")) {
        return NotImplemented;
      }
      throw typeError(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
    }
    if (b.items.length === 0 && a.cls === TupleType) {
      return a;
    }
    if (a.items.length === 0 && b.cls === TupleType) {
      return b;
    }
    return newTuple(a.items.concat(b.items));
  },
  __mul__: (args) => {
    wrapperArity(args, 1);
    return tupleRepeat(tupleSelf(args[0], "__mul__"), args[1]);
  },
  __rmul__: (args) => {
    wrapperArity(args, 1);
    return tupleRepeat(tupleSelf(args[0], "__rmul__"), args[1]);
  },
  __eq__: (args) => tupleCompare(args, "eq"),
  __ne__: (args) => tupleCompare(args, "ne"),
  __lt__: (args) => tupleCompare(args, "lt"),
  __le__: (args) => tupleCompare(args, "le"),
  __gt__: (args) => tupleCompare(args, "gt"),
  __ge__: (args) => tupleCompare(args, "ge"),
  __hash__: (args) => {
    wrapperArity(args, 0);
    tupleHash64(tupleSelf(args[0], "__hash__").items);
    return hashValue(u64.hi, u64.lo);
  },
  __repr__: (args) => {
    wrapperArity(args, 0);
    return tupleRepr(tupleSelf(args[0], "__repr__"));
  },
  index: (args, kwargs) => {
    const t = tupleSelf(args[0], "index");
    posOnly("tuple", "index", args.length - 1, kwargs, 1, 3);
    const [start, stop] = searchRange(args, t.items.length);
    for (let i = start; i < stop && i < t.items.length; i++) {
      if (eq(t.items[i], args[1])) {
        return i;
      }
    }
    throw valueError("tuple.index(x): x not in tuple");
  },
  count: (args, kwargs) => {
    const t = tupleSelf(args[0], "count");
    oneArg("tuple", "count", args.length - 1, kwargs);
    let n = 0;
    for (const x of t.items) {
      if (eq(x, args[1])) {
        n++;
      }
    }
    return n;
  },
});
