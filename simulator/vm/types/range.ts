/**
 * `range` (CPython 3.11's Objects/rangeobject.c). Bounds are Python ints (number, or bigint
 * beyond 2**53); the arithmetic takes a JS-number path whenever every value involved is a safe
 * integer, and bigints otherwise, so `range(10**30)` works and `range(10)` never allocates a bigint.
 */
import { defGetSet, defMethods } from "../define";
import { indexError, overflowError, typeError, valueError } from "../errors";
import { PyNativeIter, PyRangeIter } from "../iterators";
import { None, NotImplemented, PyRange, PySlice, RangeType, newTuple, normInt, toBig, type PyValue } from "../objects";
import { eq, forEach, index, repr, typeName } from "../protocol";
import { intEq } from "../numbers";
import { isIndexLike, sliceIndicesBig } from "./slice";
import { hash64, hashValue, u64, wrapperArity } from "./tuple";

type Int = number | bigint;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

/** floor(a / b) for non-negative safe integers, corrected for the rounding of the float division. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) {
    q--;
  } else if ((q + 1) * b <= a) {
    q++;
  }
  return q;
}

/** compute_range_length: the number of values, 0 for an empty range. */
export function rangeLength(r: PyRange): Int {
  const { start, stop, step } = r;
  if (typeof start === "number" && typeof stop === "number" && typeof step === "number") {
    const span = step > 0 ? stop - start : start - stop;
    if (span <= 0) {
      return 0;
    }
    if (span <= MAX_SAFE) {
      return floorDiv(span - 1, Math.abs(step)) + 1;
    }
  }
  const lo = toBig(start);
  const hi = toBig(stop);
  const st = toBig(step);
  const span = st > 0n ? hi - lo : lo - hi;
  if (span <= 0n) {
    return 0;
  }
  return normInt((span - 1n) / (st > 0n ? st : -st) + 1n);
}

/** compute_item: start + i * step (no bounds check). */
function itemAt(r: PyRange, i: Int): Int {
  if (typeof i === "number" && typeof r.start === "number" && typeof r.step === "number") {
    const off = i * r.step;
    const v = r.start + off;
    if (Math.abs(off) <= MAX_SAFE && Number.isSafeInteger(v)) {
      return v;
    }
  }
  return normInt(toBig(r.start) + toBig(i) * toBig(r.step));
}

const isZero = (v: Int): boolean => v === 0 || v === 0n;

/** range_contains_long: whether the int `ob` is one of the range's values. */
function containsInt(r: PyRange, ob: Int): boolean {
  const { start, stop, step } = r;
  if (typeof ob === "number" && typeof start === "number" && typeof stop === "number" && typeof step === "number") {
    if (step > 0 ? !(start <= ob && ob < stop) : !(stop < ob && ob <= start)) {
      return false;
    }
    const off = ob - start;
    if (Number.isSafeInteger(off)) {
      return off % step === 0;
    }
  }
  const o = toBig(ob);
  const lo = toBig(start);
  const hi = toBig(stop);
  const st = toBig(step);
  if (st > 0n ? !(lo <= o && o < hi) : !(hi < o && o <= lo)) {
    return false;
  }
  return (o - lo) % st === 0n;
}

/** An exact int (PyLong_CheckExact or bool): the fast paths of contains, index and count. */
const exactInt = (v: PyValue): v is number | bigint | boolean =>
  typeof v === "number" || typeof v === "bigint" || typeof v === "boolean";

const asInt = (v: number | bigint | boolean): Int => (typeof v === "boolean" ? +v : v);

const fitsLong = (v: Int): boolean => typeof v === "number" || (v >= LONG_MIN && v <= LONG_MAX);

/**
 * An iterator over `len` values from `start` by `step`. CPython names it range_iterator when
 * its values fit in a C long, longrange_iterator otherwise.
 */
function rangeIterator(start: Int, step: Int, len: Int, long: boolean): PyNativeIter {
  const name = long ? "longrange_iterator" : "range_iterator";
  // The number path only when every value it yields (up to start + (len-1)*step) is a safe integer.
  if (
    typeof start === "number" &&
    typeof step === "number" &&
    typeof len === "number" &&
    Math.abs(start) + Math.max(0, len - 1) * Math.abs(step) <= MAX_SAFE
  ) {
    return new PyRangeIter(start, step, len);
  }
  let cur = toBig(start);
  let n = toBig(len);
  const st = toBig(step);
  return new PyNativeIter(name, () => {
    if (n <= 0n) {
      return undefined;
    }
    n--;
    const v = cur;
    cur += st;
    return normInt(v);
  });
}

function forward(r: PyRange): PyNativeIter {
  const len = rangeLength(r);
  let long = !fitsLong(r.start) || !fitsLong(r.stop) || !fitsLong(r.step) || !fitsLong(len);
  if (!long && typeof len === "bigint") {
    const st = toBig(r.step);
    const hi = toBig(r.stop);
    long = st > 0n ? hi > LONG_MAX - (st - 1n) : hi < LONG_MIN + (-1n - st);
  }
  return rangeIterator(r.start, r.step, len, long);
}

/** range_reverse: range(start + (n-1)*step, start - step, -step). */
function reverse(r: PyRange): PyNativeIter {
  const len = rangeLength(r);
  if (typeof len === "number" && typeof r.start === "number" && typeof r.step === "number") {
    const last = len === 0 ? r.start : itemAt(r, len - 1);
    if (typeof last === "number" && Number.isSafeInteger(r.start - r.step)) {
      return rangeIterator(last, -r.step, len, false);
    }
  }
  const st = toBig(r.step);
  const lo = toBig(r.start);
  const n = toBig(len);
  const long = ![lo, toBig(r.stop), st, -st, lo - st, n].every((v) => v >= LONG_MIN && v <= LONG_MAX);
  return rangeIterator(normInt(n === 0n ? lo : lo + (n - 1n) * st), normInt(-st), normInt(n), long);
}

function rangeSelf(v: PyValue | undefined, name: string): PyRange {
  if (v instanceof PyRange) {
    return v;
  }
  throw typeError(`descriptor '${name}' for 'range' objects doesn't apply to a '${v === undefined ? "NoneType" : typeName(v)}' object`);
}

function getItem(r: PyRange, k: PyValue): PyValue {
  if (k instanceof PySlice) {
    const [start, stop, step] = sliceIndicesBig(k, toBig(rangeLength(r)));
    const rs = toBig(r.start);
    const rst = toBig(r.step);
    return new PyRange(normInt(rs + start * rst), normInt(rs + stop * rst), normInt(step * rst));
  }
  if (!isIndexLike(k)) {
    throw typeError(`range indices must be integers or slices, not ${typeName(k)}`);
  }
  const len = rangeLength(r);
  let i = index(k);
  if (typeof i === "number" && typeof len === "number") {
    if (i < 0) {
      i += len;
    }
    if (i < 0 || i >= len) {
      throw indexError("range object index out of range");
    }
    return itemAt(r, i);
  }
  let b = toBig(i);
  if (b < 0n) {
    b += toBig(len);
  }
  if (b < 0n || b >= toBig(len)) {
    throw indexError("range object index out of range");
  }
  return itemAt(r, normInt(b));
}

/** range_equals: equal as sequences (same length, first value and — past one value — step). */
function rangeEquals(a: PyRange, b: PyRange): boolean {
  if (a === b) {
    return true;
  }
  const len = rangeLength(a);
  if (!intEq(len, rangeLength(b))) {
    return false;
  }
  if (isZero(len)) {
    return true;
  }
  if (!intEq(a.start, b.start)) {
    return false;
  }
  if (len === 1) {
    return true;
  }
  return intEq(a.step, b.step);
}

/** _PySequence_IterSearch: the generic search for values that are not exact ints. */
function iterSearch(r: PyRange, ob: PyValue, stopAtFirst: boolean): { count: number; first: number } {
  let count = 0;
  let first = -1;
  let i = 0;
  forEach(r, (x) => {
    if (eq(x, ob)) {
      count++;
      if (first < 0) {
        first = i;
      }
      if (stopAtFirst) {
        return true;
      }
    }
    i++;
    return false;
  });
  return { count, first };
}

/** range(stop), range(start, stop[, step]) — every argument through __index__. */
function rangeNew(args: PyValue[], kwargs: Map<string, PyValue> | null): PyValue {
  if (kwargs !== null && kwargs.size > 0) {
    throw typeError("range() takes no keyword arguments");
  }
  const n = args.length - 1;
  if (n === 0) {
    throw typeError("range expected at least 1 argument, got 0");
  }
  if (n > 3) {
    throw typeError(`range expected at most 3 arguments, got ${n}`);
  }
  if (n === 1) {
    return new PyRange(0, index(args[1]), 1);
  }
  const start = index(args[1]);
  const stop = index(args[2]);
  let step: Int = 1;
  if (n === 3 && args[3] !== None) {
    step = index(args[3]);
    if (isZero(step)) {
      throw valueError("range() arg 3 must not be zero");
    }
  }
  return new PyRange(start, stop, step);
}

defMethods(RangeType, {
  __new__: rangeNew,
  __len__: (args) => {
    wrapperArity(args, 0);
    const len = rangeLength(rangeSelf(args[0], "__len__"));
    if (typeof len === "bigint" && len > LONG_MAX) {
      throw overflowError("Python int too large to convert to C ssize_t");
    }
    return len;
  },
  __bool__: (args) => {
    wrapperArity(args, 0);
    return !isZero(rangeLength(rangeSelf(args[0], "__bool__")));
  },
  __getitem__: (args) => {
    wrapperArity(args, 1);
    return getItem(rangeSelf(args[0], "__getitem__"), args[1]);
  },
  __contains__: (args) => {
    wrapperArity(args, 1);
    const r = rangeSelf(args[0], "__contains__");
    const ob = args[1];
    return exactInt(ob) ? containsInt(r, asInt(ob)) : iterSearch(r, ob, true).count > 0;
  },
  __iter__: (args) => {
    wrapperArity(args, 0);
    return forward(rangeSelf(args[0], "__iter__"));
  },
  __reversed__: (args) => {
    wrapperArity(args, 0);
    return reverse(rangeSelf(args[0], "__reversed__"));
  },
  __eq__: (args) => {
    wrapperArity(args, 1);
    const a = rangeSelf(args[0], "__eq__");
    return args[1] instanceof PyRange ? rangeEquals(a, args[1]) : NotImplemented;
  },
  __ne__: (args) => {
    wrapperArity(args, 1);
    const a = rangeSelf(args[0], "__ne__");
    return args[1] instanceof PyRange ? !rangeEquals(a, args[1]) : NotImplemented;
  },
  /** range_hash: hash((len, None, None)), hash((1, start, None)) or hash((len, start, step)). */
  __hash__: (args) => {
    wrapperArity(args, 0);
    const r = rangeSelf(args[0], "__hash__");
    const len = rangeLength(r);
    hash64(isZero(len) ? newTuple([len, None, None]) : newTuple([len, r.start, len === 1 ? None : r.step]));
    return hashValue(u64.hi, u64.lo);
  },
  __repr__: (args) => {
    wrapperArity(args, 0);
    const r = rangeSelf(args[0], "__repr__");
    return intEq(r.step, 1) ? `range(${repr(r.start)}, ${repr(r.stop)})` : `range(${repr(r.start)}, ${repr(r.stop)}, ${repr(r.step)})`;
  },
  __reduce__: (args) => {
    const r = rangeSelf(args[0], "__reduce__");
    return newTuple([RangeType, newTuple([r.start, r.stop, r.step])]);
  },
  count: (args) => {
    const r = rangeSelf(args[0], "count");
    if (args.length !== 2) {
      throw typeError(`range.count() takes exactly one argument (${args.length - 1} given)`);
    }
    const ob = args[1];
    if (exactInt(ob)) {
      return containsInt(r, asInt(ob)) ? 1 : 0;
    }
    return iterSearch(r, ob, false).count;
  },
  index: (args) => {
    const r = rangeSelf(args[0], "index");
    if (args.length !== 2) {
      throw typeError(`range.index() takes exactly one argument (${args.length - 1} given)`);
    }
    const ob = args[1];
    if (exactInt(ob)) {
      const v = asInt(ob);
      if (!containsInt(r, v)) {
        throw valueError(`${repr(ob)} is not in range`);
      }
      if (typeof v === "number" && typeof r.start === "number" && typeof r.step === "number") {
        return (v - r.start) / r.step;
      }
      return normInt((toBig(v) - toBig(r.start)) / toBig(r.step));
    }
    const { first } = iterSearch(r, ob, true);
    if (first < 0) {
      throw valueError("sequence.index(x): x not in sequence");
    }
    return first;
  },
});
defGetSet(RangeType, "start", (r) => rangeSelf(r, "start").start);
defGetSet(RangeType, "stop", (r) => rangeSelf(r, "stop").stop);
defGetSet(RangeType, "step", (r) => rangeSelf(r, "step").step);
