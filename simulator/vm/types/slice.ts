/**
 * The `slice` type (CPython 3.11's Objects/sliceobject.c). The index arithmetic of sequences
 * lives in ../slice.ts; here are the type's methods, the check that gives CPython's message
 * for non-integer bounds, and the arbitrary-precision form range() and slice.indices() need.
 */
import { defGetSet, defMethods } from "../define";
import { typeError, valueError } from "../errors";
import { None, NotImplemented, PySlice, SliceType, newTuple, normInt, toBig, type PyValue } from "../objects";
import { index, repr, richCompare, typeName, type CompareKind } from "../protocol";
import { sliceIndices, type SliceRange } from "../slice";

/** Whether `k` is an integer for indexing purposes (`_PyIndex_Check`): int, bool, or a class with __index__. */
export function isIndexLike(k: PyValue): boolean {
  if (typeof k === "number" || typeof k === "bigint" || typeof k === "boolean") {
    return true;
  }
  if (typeof k === "string") {
    return false;
  }
  const m = k.cls.lookup("__index__");
  return m !== undefined && m !== None;
}

const BAD_BOUND = "slice indices must be integers or None or have an __index__ method";

const okBound = (v: PyValue): boolean => v === None || typeof v === "number" || isIndexLike(v);

/** PySlice_Unpack + PySlice_AdjustIndices for a sequence of `length` items, with CPython's TypeError for bad bounds. */
export function adjustSlice(s: PySlice, length: number): SliceRange {
  if (!okBound(s.start) || !okBound(s.stop) || !okBound(s.step)) {
    throw typeError(BAD_BOUND);
  }
  return sliceIndices(s, length);
}

function boundValue(v: PyValue): bigint {
  if (!isIndexLike(v)) {
    throw typeError(BAD_BOUND);
  }
  return toBig(index(v));
}

/** _PySlice_GetLongIndices: [start, stop, step] for a sequence of `length` items, in arbitrary precision. */
export function sliceIndicesBig(s: PySlice, length: bigint): [bigint, bigint, bigint] {
  let step = 1n;
  if (s.step !== None) {
    step = boundValue(s.step);
    if (step === 0n) {
      throw valueError("slice step cannot be zero");
    }
  }
  const negative = step < 0n;
  const lower = negative ? -1n : 0n;
  const upper = negative ? length - 1n : length;
  const clamp = (v: PyValue, dflt: bigint): bigint => {
    if (v === None) {
      return dflt;
    }
    let x = boundValue(v);
    if (x < 0n) {
      x += length;
      if (x < lower) {
        x = lower;
      }
    } else if (x > upper) {
      x = upper;
    }
    return x;
  };
  const start = clamp(s.start, negative ? upper : lower);
  const stop = clamp(s.stop, negative ? lower : upper);
  return [start, stop, step];
}

function sliceSelf(v: PyValue | undefined, name: string): PySlice {
  if (v instanceof PySlice) {
    return v;
  }
  throw typeError(`descriptor '${name}' for 'slice' objects doesn't apply to a '${v === undefined ? "NoneType" : typeName(v)}' object`);
}

/** slice_richcompare: slices compare as the tuples (start, stop, step). */
function sliceCompare(args: PyValue[], op: CompareKind): PyValue {
  const v = sliceSelf(args[0], `__${op}__`);
  const w = args[1];
  if (!(w instanceof PySlice)) {
    return NotImplemented;
  }
  if (v === w) {
    return op === "eq" || op === "le" || op === "ge";
  }
  return richCompare(newTuple([v.start, v.stop, v.step]), newTuple([w.start, w.stop, w.step]), op);
}

defMethods(SliceType, {
  __new__: (args, kwargs) => {
    if (kwargs !== null && kwargs.size > 0) {
      throw typeError("slice() takes no keyword arguments");
    }
    const n = args.length - 1;
    if (n < 1) {
      throw typeError(`slice expected at least 1 argument, got ${n}`);
    }
    if (n > 3) {
      throw typeError(`slice expected at most 3 arguments, got ${n}`);
    }
    return n === 1 ? new PySlice(None, args[1], None) : new PySlice(args[1], args[2], n === 3 ? args[3] : None);
  },
  __repr__: (args) => {
    const s = sliceSelf(args[0], "__repr__");
    return `slice(${repr(s.start)}, ${repr(s.stop)}, ${repr(s.step)})`;
  },
  __eq__: (args) => sliceCompare(args, "eq"),
  __ne__: (args) => sliceCompare(args, "ne"),
  __lt__: (args) => sliceCompare(args, "lt"),
  __le__: (args) => sliceCompare(args, "le"),
  __gt__: (args) => sliceCompare(args, "gt"),
  __ge__: (args) => sliceCompare(args, "ge"),
  indices: (args) => {
    const s = sliceSelf(args[0], "indices");
    if (args.length !== 2) {
      throw typeError(`slice.indices() takes exactly one argument (${args.length - 1} given)`);
    }
    const length = toBig(index(args[1]));
    if (length < 0n) {
      throw valueError("length should not be negative");
    }
    const [start, stop, step] = sliceIndicesBig(s, length);
    return newTuple([normInt(start), normInt(stop), normInt(step)]);
  },
  __reduce__: (args) => {
    const s = sliceSelf(args[0], "__reduce__");
    return newTuple([SliceType, newTuple([s.start, s.stop, s.step])]);
  },
});
// Slices are unhashable in 3.11 (hashable from 3.12).
SliceType.dict!.setStr("__hash__", None);
defGetSet(SliceType, "start", (s) => sliceSelf(s, "start").start);
defGetSet(SliceType, "stop", (s) => sliceSelf(s, "stop").stop);
defGetSet(SliceType, "step", (s) => sliceSelf(s, "step").step);
