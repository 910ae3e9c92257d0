/**
 * `list` (CPython 3.11's Objects/listobject.c), including a port of its sort (listsort: the
 * adaptive natural mergesort with galloping and the 3.11 "powersort" merge policy) so that
 * sort() makes the same `<` comparisons in the same order as CPython: user __lt__ methods see
 * the same calls, and a mixed list fails with the same "'<' not supported between ..." message.
 */
import { allocInstance } from "../call";
import { defMethods } from "../define";
import { indexError, typeError, TypeErrorType, valueError } from "../errors";
import { PyNativeIter } from "../iterators";
import {
  ListType,
  None,
  NotImplemented,
  PyBaseException,
  PyFloat,
  PyList,
  PySlice,
  PyTuple,
  PyType,
  TupleType,
  isInstance,
  type KwArgs,
  type PyValue,
} from "../objects";
import {
  callPy,
  eq,
  forEach,
  iter,
  lt,
  next,
  repr,
  reprEnter,
  reprLeave,
  truthy,
  typeName,
  type CompareKind,
} from "../protocol";
import { adjustSlice, isIndexLike } from "./slice";
import { defersTo, noArgs, oneArg, posOnly, repeatCount, ssizeArg, strCompare } from "./str";
import {
  compareSequences,
  joinReprs,
  repeatItems,
  searchRange,
  sliceItems,
  subscriptIndex,
  wrapperArity,
} from "./tuple";

function listSelf(v: PyValue | undefined, name: string): PyList {
  if (v instanceof PyList) {
    return v;
  }
  if (v === undefined) {
    throw typeError(`unbound method list.${name}() needs an argument`);
  }
  throw typeError(`descriptor '${name}' for 'list' objects doesn't apply to a '${typeName(v)}' object`);
}

// ---------------------------------------------------------------- helpers

/**
 * PySequence_Fast: the items of a list or tuple as they are, anything else iterated into a
 * fresh array; a non-iterable raises TypeError with `message`.
 */
function sequenceFast(v: PyValue, message: string): PyValue[] {
  if ((v instanceof PyList && v.cls === ListType) || (v instanceof PyTuple && v.cls === TupleType)) {
    return v.items;
  }
  let it: PyValue;
  try {
    it = iter(v);
  } catch (e) {
    if (e instanceof PyBaseException && isInstance(e, TypeErrorType)) {
      throw typeError(message);
    }
    throw e;
  }
  const out: PyValue[] = [];
  for (let x = next(it); x !== undefined; x = next(it)) {
    out.push(x);
  }
  return out;
}

/** items[lo:hi] = src in place (list_ass_slice's memmove dance; no spread, so any size works). */
function replaceRange(items: PyValue[], lo: number, hi: number, src: PyValue[]): void {
  const n = src.length;
  const d = n - (hi - lo);
  const len = items.length;
  if (d > 0) {
    items.length = len + d;
    for (let i = len - 1; i >= hi; i--) {
      items[i + d] = items[i];
    }
  } else if (d < 0) {
    for (let i = hi; i < len; i++) {
      items[i + d] = items[i];
    }
    items.length = len + d;
  }
  for (let k = 0; k < n; k++) {
    items[lo + k] = src[k];
  }
}

/** list.extend: lists and tuples are copied at once (self too, so `a.extend(a)` doubles); anything else appended as iterated. */
function listExtend(l: PyList, v: PyValue): void {
  if (v === l || (v instanceof PyList && v.cls === ListType) || (v instanceof PyTuple && v.cls === TupleType)) {
    const src = (v as PyList | PyTuple).items;
    const n = src.length;
    const items = l.items;
    for (let i = 0; i < n; i++) {
      items.push(src[i]);
    }
    return;
  }
  forEach(v, (x) => {
    l.items.push(x);
  });
}

function listRepr(l: PyList): string {
  if (l.items.length === 0) {
    return "[]";
  }
  if (!reprEnter(l)) {
    return "[...]";
  }
  try {
    return `[${joinReprs(l)}]`;
  } finally {
    reprLeave(l);
  }
}

function listGetItem(l: PyList, k: PyValue): PyValue {
  const items = l.items;
  if (typeof k === "number") {
    const i = k < 0 ? k + items.length : k;
    if (i >= 0 && i < items.length) {
      return items[i];
    }
    throw indexError("list index out of range");
  }
  if (k instanceof PySlice) {
    const { start, step, count } = adjustSlice(k, items.length);
    return new PyList(count <= 0 ? [] : sliceItems(items, start, step, count));
  }
  if (isIndexLike(k)) {
    let i = subscriptIndex(k);
    if (i < 0) {
      i += items.length;
    }
    if (i >= 0 && i < items.length) {
      return items[i];
    }
    throw indexError("list index out of range");
  }
  throw typeError(`list indices must be integers or slices, not ${typeName(k)}`);
}

/** list_ass_subscript for `a[k] = v` (v defined) and `del a[k]` (v undefined). */
function listAssign(l: PyList, k: PyValue, v: PyValue | undefined): void {
  if (typeof k === "number" || (!(k instanceof PySlice) && isIndexLike(k))) {
    let i = typeof k === "number" ? k : subscriptIndex(k);
    const items = l.items;
    if (i < 0) {
      i += items.length;
    }
    if (!(i >= 0 && i < items.length)) {
      throw indexError("list assignment index out of range");
    }
    if (v === undefined) {
      items.splice(i, 1);
    } else {
      items[i] = v;
    }
    return;
  }
  if (!(k instanceof PySlice)) {
    throw typeError(`list indices must be integers or slices, not ${typeName(k)}`);
  }
  let { start, stop, step, count } = adjustSlice(k, l.items.length);
  if (step === 1) {
    // list_ass_slice: the replacement is materialized first, then the bounds are clamped to the current size.
    const src = v === undefined ? [] : v === l ? l.items.slice() : sequenceFast(v, "can only assign an iterable");
    const items = l.items;
    const len = items.length;
    let lo = start < 0 ? 0 : start > len ? len : start;
    let hi = stop < lo ? lo : stop > len ? len : stop;
    replaceRange(items, lo, hi, src);
    return;
  }
  if (v === undefined) {
    if (count <= 0) {
      return;
    }
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (count - 1) - 1;
      step = -step;
    }
    // Keep the items that are not on the stride, in place.
    const items = l.items;
    let w = start;
    let removed = 0;
    for (let i = start; i < items.length; i++) {
      if (removed < count && (i - start) % step === 0) {
        removed++;
      } else {
        items[w++] = items[i];
      }
    }
    items.length = w;
    return;
  }
  const seq = v === l ? l.items.slice() : sequenceFast(v, "must assign iterable to extended slice");
  if (seq.length !== count) {
    throw valueError(`attempt to assign sequence of size ${seq.length} to extended slice of size ${count}`);
  }
  const items = l.items;
  for (let i = 0, cur = start; i < count; i++, cur += step) {
    items[cur] = seq[i];
  }
}

function listCompare(args: PyValue[], op: CompareKind): PyValue {
  wrapperArity(args, 1);
  const v = listSelf(args[0], `__${op}__`);
  const w = args[1];
  if (!(w instanceof PyList)) {
    return NotImplemented;
  }
  return compareSequences(v, w, op, true);
}

function listRepeat(l: PyList, n: PyValue): PyValue {
  const count = repeatCount(n);
  if (count === undefined) {
    if (defersTo(n, "__rmul__")) {
      return NotImplemented;
    }
    throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  }
  return new PyList(repeatItems(l.items, count));
}

/** The iterator of a list: index-based, so items appended while iterating are seen; once exhausted it stays so. */
function listIterator(l: PyList): PyNativeIter {
  let i = 0;
  return new PyNativeIter("list_iterator", () => {
    if (i >= 0) {
      const items = l.items;
      if (i < items.length) {
        return items[i++];
      }
      i = -1;
    }
    return undefined;
  });
}

function listReverseIterator(l: PyList): PyNativeIter {
  let i = l.items.length - 1;
  return new PyNativeIter("list_reverseiterator", () => {
    const items = l.items;
    if (i >= 0 && i < items.length) {
      return items[i--];
    }
    i = -1;
    return undefined;
  });
}

// ---------------------------------------------------------------- the type

defMethods(ListType, {
  __new__: (args) => {
    const cls = args[0];
    if (!(cls instanceof PyType)) {
      throw typeError(`list.__new__(X): X is not a type object (${cls === undefined ? "NoneType" : typeName(cls)})`);
    }
    if (!cls.isSubtypeOf(ListType)) {
      throw typeError(`list.__new__(${cls.name}): ${cls.name} is not a subtype of list`);
    }
    return allocInstance(cls);
  },
  __init__: (args, kwargs) => {
    const l = listSelf(args[0], "__init__");
    if (kwargs !== null && kwargs.size > 0 && (l.cls === ListType || l.cls.lookup("__new__") === ListType.dict!.getStr("__new__"))) {
      throw typeError("list() takes no keyword arguments");
    }
    if (args.length > 2) {
      throw typeError(`list expected at most 1 argument, got ${args.length - 1}`);
    }
    l.items.length = 0;
    if (args.length === 2) {
      listExtend(l, args[1]);
    }
    return None;
  },
  __len__: (args) => {
    wrapperArity(args, 0);
    return listSelf(args[0], "__len__").items.length;
  },
  __getitem__: (args, kwargs) => {
    const l = listSelf(args[0], "__getitem__");
    oneArg("list", "__getitem__", args.length - 1, kwargs);
    return listGetItem(l, args[1]);
  },
  __setitem__: (args) => {
    wrapperArity(args, 2);
    listAssign(listSelf(args[0], "__setitem__"), args[1], args[2]);
    return None;
  },
  __delitem__: (args) => {
    wrapperArity(args, 1);
    listAssign(listSelf(args[0], "__delitem__"), args[1], undefined);
    return None;
  },
  __contains__: (args) => {
    wrapperArity(args, 1);
    const l = listSelf(args[0], "__contains__");
    const x = args[1];
    for (let i = 0; i < l.items.length; i++) {
      if (eq(l.items[i], x)) {
        return true;
      }
    }
    return false;
  },
  __iter__: (args) => {
    wrapperArity(args, 0);
    return listIterator(listSelf(args[0], "__iter__"));
  },
  __reversed__: (args, kwargs) => {
    const l = listSelf(args[0], "__reversed__");
    noArgs("list", "__reversed__", args.length - 1, kwargs);
    return listReverseIterator(l);
  },
  __add__: (args) => {
    wrapperArity(args, 1);
    const a = listSelf(args[0], "__add__");
    const b = args[1];
    if (!(b instanceof PyList)) {
      if (defersTo(b, "__radd__")) {
        return NotImplemented;
      }
      throw typeError(`can only concatenate list (not "${typeName(b)}") to list`);
    }
    return new PyList(a.items.concat(b.items));
  },
  __iadd__: (args) => {
    wrapperArity(args, 1);
    const l = listSelf(args[0], "__iadd__");
    listExtend(l, args[1]);
    return l;
  },
  __mul__: (args) => {
    wrapperArity(args, 1);
    return listRepeat(listSelf(args[0], "__mul__"), args[1]);
  },
  __rmul__: (args) => {
    wrapperArity(args, 1);
    return listRepeat(listSelf(args[0], "__rmul__"), args[1]);
  },
  __imul__: (args) => {
    wrapperArity(args, 1);
    const l = listSelf(args[0], "__imul__");
    const n = args[1];
    const count = repeatCount(n);
    if (count === undefined) {
      if (defersTo(n, "__rmul__")) {
        return NotImplemented;
      }
      throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
    }
    const items = l.items;
    if (count <= 0) {
      items.length = 0;
    } else if (count > 1 && items.length > 0) {
      const rep = repeatItems(items, count);
      for (let i = items.length; i < rep.length; i++) {
        items.push(rep[i]);
      }
    }
    return l;
  },
  __eq__: (args) => listCompare(args, "eq"),
  __ne__: (args) => listCompare(args, "ne"),
  __lt__: (args) => listCompare(args, "lt"),
  __le__: (args) => listCompare(args, "le"),
  __gt__: (args) => listCompare(args, "gt"),
  __ge__: (args) => listCompare(args, "ge"),
  __repr__: (args) => {
    wrapperArity(args, 0);
    return listRepr(listSelf(args[0], "__repr__"));
  },
  append: (args, kwargs) => {
    const l = listSelf(args[0], "append");
    oneArg("list", "append", args.length - 1, kwargs);
    l.items.push(args[1]);
    return None;
  },
  extend: (args, kwargs) => {
    const l = listSelf(args[0], "extend");
    oneArg("list", "extend", args.length - 1, kwargs);
    listExtend(l, args[1]);
    return None;
  },
  insert: (args, kwargs) => {
    const l = listSelf(args[0], "insert");
    posOnly("list", "insert", args.length - 1, kwargs, 2, 2);
    const items = l.items;
    let where = ssizeArg(args[1]);
    const n = items.length;
    if (where < 0) {
      where = Math.max(0, where + n);
    }
    if (where >= n) {
      items.push(args[2]);
    } else {
      items.splice(where, 0, args[2]);
    }
    return None;
  },
  remove: (args, kwargs) => {
    const l = listSelf(args[0], "remove");
    oneArg("list", "remove", args.length - 1, kwargs);
    for (let i = 0; i < l.items.length; i++) {
      if (eq(l.items[i], args[1])) {
        l.items.splice(i, 1);
        return None;
      }
    }
    throw valueError("list.remove(x): x not in list");
  },
  pop: (args, kwargs) => {
    const l = listSelf(args[0], "pop");
    posOnly("list", "pop", args.length - 1, kwargs, 0, 1);
    let i = args.length > 1 ? ssizeArg(args[1]) : -1;
    const items = l.items;
    if (items.length === 0) {
      throw indexError("pop from empty list");
    }
    if (i < 0) {
      i += items.length;
    }
    if (!(i >= 0 && i < items.length)) {
      throw indexError("pop index out of range");
    }
    if (i === items.length - 1) {
      return items.pop()!;
    }
    return items.splice(i, 1)[0];
  },
  index: (args, kwargs) => {
    const l = listSelf(args[0], "index");
    posOnly("list", "index", args.length - 1, kwargs, 1, 3);
    const [start, stop] = searchRange(args, l.items.length);
    for (let i = start; i < stop && i < l.items.length; i++) {
      if (eq(l.items[i], args[1])) {
        return i;
      }
    }
    throw valueError(`${repr(args[1])} is not in list`);
  },
  count: (args, kwargs) => {
    const l = listSelf(args[0], "count");
    oneArg("list", "count", args.length - 1, kwargs);
    let n = 0;
    for (let i = 0; i < l.items.length; i++) {
      if (eq(l.items[i], args[1])) {
        n++;
      }
    }
    return n;
  },
  sort: (args, kwargs) => listSort(listSelf(args[0], "sort"), args.length - 1, kwargs),
  reverse: (args, kwargs) => {
    const l = listSelf(args[0], "reverse");
    noArgs("list", "reverse", args.length - 1, kwargs);
    l.items.reverse();
    return None;
  },
  copy: (args, kwargs) => {
    const l = listSelf(args[0], "copy");
    noArgs("list", "copy", args.length - 1, kwargs);
    return new PyList(l.items.slice());
  },
  clear: (args, kwargs) => {
    const l = listSelf(args[0], "clear");
    noArgs("list", "clear", args.length - 1, kwargs);
    l.items.length = 0;
    return None;
  },
});
ListType.dict!.setStr("__hash__", None);

/** list.sort(*, key=None, reverse=False): the list is empty while it is sorted, as in CPython. */
function listSort(l: PyList, positional: number, kwargs: KwArgs | null): PyValue {
  if (positional > 0) {
    throw typeError("sort() takes no positional arguments");
  }
  let key: PyValue | null = null;
  let reverse = false;
  if (kwargs !== null) {
    if (kwargs.size > 2) {
      throw typeError(`sort() takes at most 2 keyword arguments (${kwargs.size} given)`);
    }
    for (const [k, v] of kwargs) {
      if (k === "key") {
        key = v === None ? null : v;
      } else if (k === "reverse") {
        reverse = truthy(ssizeArg(v));
      } else {
        throw typeError(`'${k}' is an invalid keyword argument for sort()`);
      }
    }
  }
  const items = l.items;
  const emptied: PyValue[] = [];
  l.items = emptied;
  let failure: unknown = undefined;
  try {
    sortValues(items, key, reverse);
  } catch (e) {
    failure = e;
  }
  const modified = l.items !== emptied || emptied.length !== 0;
  l.items = items;
  if (failure !== undefined) {
    throw failure;
  }
  if (modified) {
    throw valueError("list modified during sort");
  }
  return None;
}

// ---------------------------------------------------------------- listsort

/**
 * Sorts `items` in place, stably, as CPython's list.sort does (also the engine of sorted()):
 * keys computed once each, in order; a reverse sort reverses, sorts, and reverses back so
 * that equal items keep their order.
 */
export function sortValues(items: PyValue[], key: PyValue | null, reverse: boolean): void {
  const n = items.length;
  let keys = items;
  let values: PyValue[] | null = null;
  if (key !== null) {
    keys = new Array<PyValue>(n);
    for (let i = 0; i < n; i++) {
      keys[i] = callPy(key, [items[i]]);
    }
    values = items;
  }
  if (n < 2) {
    return;
  }
  if (reverse) {
    keys.reverse();
    values?.reverse();
  }
  try {
    new MergeState(keys, values, chooseLess(keys)).sort();
  } finally {
    if (reverse) {
      items.reverse();
    }
  }
}

type Less = (a: PyValue, b: PyValue) => boolean;

const numberLess: Less = (a, b) => (a as number) < (b as number);
const floatLess: Less = (a, b) => (a as PyFloat).v < (b as PyFloat).v;
const strLess: Less = (a, b) => strCompare(a as string, b as string) < 0;
const anyLess: Less = (a, b) => (typeof a === "string" && typeof b === "string" ? strCompare(a, b) < 0 : lt(a, b));

/**
 * The pre-sort check's choice of comparison: homogeneous ints, floats or strs compare
 * directly (no user code can run, so skipping the protocol changes nothing observable).
 */
function chooseLess(keys: PyValue[]): Less {
  const first = keys[0];
  if (typeof first === "number") {
    return keys.every((k) => typeof k === "number") ? numberLess : anyLess;
  }
  if (typeof first === "string") {
    return keys.every((k) => typeof k === "string") ? strLess : anyLess;
  }
  if (first instanceof PyFloat && first.cls.heap === false) {
    return keys.every((k) => k instanceof PyFloat && k.cls.heap === false) ? floatLess : anyLess;
  }
  return anyLess;
}

const MIN_GALLOP = 7;

/** merge_compute_minrun: n if n < 64, else a k in [32, 64] such that n/k is just under a power of 2. */
function minRunLength(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n = Math.floor(n / 2);
  }
  return n + r;
}

/** powerloop: the depth of the node between two adjacent runs in the conceptual merge tree (powersort). */
function powerLoop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a *= 2;
    b *= 2;
  }
  return result;
}

/**
 * One sort in progress (CPython's MergeState): `keys` is sorted, `values` (when a key function
 * is used) moves in step with it. Index arithmetic stands in for C's pointers; an exception
 * from a comparison leaves both arrays a permutation of their input, as in CPython.
 */
class MergeState {
  minGallop = MIN_GALLOP;
  /** Temp storage for merges (the `a` slice). */
  tmpKeys: PyValue[] = [];
  tmpValues: PyValue[] = [];
  /** The stack of pending runs. */
  runBase: number[] = [];
  runLen: number[] = [];
  runPower: number[] = [];
  n = 0;

  constructor(
    readonly keys: PyValue[],
    readonly values: PyValue[] | null,
    readonly less: Less,
  ) {}

  sort(): void {
    const keys = this.keys;
    let remaining = keys.length;
    const minrun = minRunLength(remaining);
    let lo = 0;
    do {
      let [n, descending] = this.countRun(lo, lo + remaining);
      if (descending) {
        this.reverseRange(lo, lo + n);
      }
      if (n < minrun) {
        const force = remaining <= minrun ? remaining : minrun;
        this.binarySort(lo, lo + force, lo + n);
        n = force;
      }
      this.foundNewRun(n);
      this.runBase[this.n] = lo;
      this.runLen[this.n] = n;
      this.runPower[this.n] = 0;
      this.n++;
      lo += n;
      remaining -= n;
    } while (remaining);
    this.forceCollapse();
  }

  private move(dst: number, src: number): void {
    this.keys[dst] = this.keys[src];
    if (this.values !== null) {
      this.values[dst] = this.values[src];
    }
  }

  private reverseRange(lo: number, hi: number): void {
    const keys = this.keys;
    const values = this.values;
    for (let i = lo, j = hi - 1; i < j; i++, j--) {
      const k = keys[i];
      keys[i] = keys[j];
      keys[j] = k;
      if (values !== null) {
        const v = values[i];
        values[i] = values[j];
        values[j] = v;
      }
    }
  }

  /** binarysort: [lo, hi) sorted by binary insertion, given [lo, start) already sorted. */
  private binarySort(lo: number, hi: number, start: number): void {
    const keys = this.keys;
    const values = this.values;
    if (lo === start) {
      ++start;
    }
    for (; start < hi; ++start) {
      let l = lo;
      let r = start;
      const pivot = keys[r];
      do {
        const p = l + ((r - l) >> 1);
        if (this.less(pivot, keys[p])) {
          r = p;
        } else {
          l = p + 1;
        }
      } while (l < r);
      for (let p = start; p > l; --p) {
        keys[p] = keys[p - 1];
      }
      keys[l] = pivot;
      if (values !== null) {
        const pv = values[start];
        for (let p = start; p > l; --p) {
          values[p] = values[p - 1];
        }
        values[l] = pv;
      }
    }
  }

  /** count_run: length of the run at lo (ascending, or strictly descending). */
  private countRun(lo: number, hi: number): [number, boolean] {
    const keys = this.keys;
    ++lo;
    if (lo === hi) {
      return [1, false];
    }
    let n = 2;
    if (this.less(keys[lo], keys[lo - 1])) {
      for (lo = lo + 1; lo < hi; ++lo, ++n) {
        if (!this.less(keys[lo], keys[lo - 1])) {
          break;
        }
      }
      return [n, true];
    }
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      if (this.less(keys[lo], keys[lo - 1])) {
        break;
      }
    }
    return [n, false];
  }

  /** gallop_left over a[base .. base+n): the k with a[k-1] < key <= a[k]. */
  private gallopLeft(key: PyValue, a: PyValue[], base: number, n: number, hint: number): number {
    let lastofs = 0;
    let ofs = 1;
    if (this.less(a[base + hint], key)) {
      const maxofs = n - hint;
      while (ofs < maxofs) {
        if (this.less(a[base + hint + ofs], key)) {
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        } else {
          break;
        }
      }
      if (ofs > maxofs) {
        ofs = maxofs;
      }
      lastofs += hint;
      ofs += hint;
    } else {
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (this.less(a[base + hint - ofs], key)) {
          break;
        }
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) {
        ofs = maxofs;
      }
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    ++lastofs;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (this.less(a[base + m], key)) {
        lastofs = m + 1;
      } else {
        ofs = m;
      }
    }
    return ofs;
  }

  /** gallop_right over a[base .. base+n): the k with a[k-1] <= key < a[k]. */
  private gallopRight(key: PyValue, a: PyValue[], base: number, n: number, hint: number): number {
    let lastofs = 0;
    let ofs = 1;
    if (this.less(key, a[base + hint])) {
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (this.less(key, a[base + hint - ofs])) {
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        } else {
          break;
        }
      }
      if (ofs > maxofs) {
        ofs = maxofs;
      }
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      const maxofs = n - hint;
      while (ofs < maxofs) {
        if (this.less(key, a[base + hint + ofs])) {
          break;
        }
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) {
        ofs = maxofs;
      }
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (this.less(key, a[base + m])) {
        ofs = m;
      } else {
        lastofs = m + 1;
      }
    }
    return ofs;
  }

  /** Copies the A run (or B run) into the temp arrays. */
  private toTemp(from: number, n: number): void {
    const tk = this.tmpKeys;
    const keys = this.keys;
    tk.length = n;
    for (let i = 0; i < n; i++) {
      tk[i] = keys[from + i];
    }
    if (this.values !== null) {
      const tv = this.tmpValues;
      const values = this.values;
      tv.length = n;
      for (let i = 0; i < n; i++) {
        tv[i] = values[from + i];
      }
    }
  }

  private fromTemp(dst: number, src: number): void {
    this.keys[dst] = this.tmpKeys[src];
    if (this.values !== null) {
      this.values[dst] = this.tmpValues[src];
    }
  }

  /** merge_lo: merges A = [ssa, ssa+na) and B = [ssb, ssb+nb) with A (the shorter) in temp storage. */
  private mergeLo(ssa: number, na: number, ssb: number, nb: number): void {
    const keys = this.keys;
    const tk = this.tmpKeys;
    this.toTemp(ssa, na);
    let dest = ssa;
    let pa = 0;
    let pb = ssb;
    this.move(dest++, pb++);
    --nb;
    let copyB = false;
    try {
      if (nb === 0) {
        return;
      }
      if (na === 1) {
        copyB = true;
        return;
      }
      let minGallop = this.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (this.less(keys[pb], tk[pa])) {
            this.move(dest++, pb++);
            ++bcount;
            acount = 0;
            --nb;
            if (nb === 0) {
              return;
            }
            if (bcount >= minGallop) {
              break;
            }
          } else {
            this.fromTemp(dest++, pa++);
            ++acount;
            bcount = 0;
            --na;
            if (na === 1) {
              copyB = true;
              return;
            }
            if (acount >= minGallop) {
              break;
            }
          }
        }
        ++minGallop;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = this.gallopRight(keys[pb], tk, pa, na, 0);
          acount = k;
          if (k) {
            for (let i = 0; i < k; i++) {
              this.fromTemp(dest++, pa++);
            }
            na -= k;
            if (na === 1) {
              copyB = true;
              return;
            }
            if (na === 0) {
              return;
            }
          }
          this.move(dest++, pb++);
          --nb;
          if (nb === 0) {
            return;
          }
          k = this.gallopLeft(tk[pa], keys, pb, nb, 0);
          bcount = k;
          if (k) {
            for (let i = 0; i < k; i++) {
              this.move(dest++, pb++);
            }
            nb -= k;
            if (nb === 0) {
              return;
            }
          }
          this.fromTemp(dest++, pa++);
          --na;
          if (na === 1) {
            copyB = true;
            return;
          }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++minGallop;
        this.minGallop = minGallop;
      }
    } finally {
      if (copyB) {
        // The last element of A belongs at the end of the merge.
        for (let i = 0; i < nb; i++) {
          this.move(dest + i, pb + i);
        }
        this.fromTemp(dest + nb, pa);
      } else {
        // Success, or a comparison raised: what is left of A fills the gap.
        for (let i = 0; i < na; i++) {
          this.fromTemp(dest + i, pa + i);
        }
      }
    }
  }

  /** merge_hi: merges A = [ssa, ssa+na) and B = [ssb, ssb+nb) with B (the shorter) in temp storage, from the right. */
  private mergeHi(ssa: number, na: number, ssb: number, nb: number): void {
    const keys = this.keys;
    const tk = this.tmpKeys;
    this.toTemp(ssb, nb);
    const basea = ssa;
    let dest = ssb + nb - 1;
    let pb = nb - 1;
    let pa = ssa + na - 1;
    this.move(dest--, pa--);
    --na;
    let copyA = false;
    try {
      if (na === 0) {
        return;
      }
      if (nb === 1) {
        copyA = true;
        return;
      }
      let minGallop = this.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (this.less(tk[pb], keys[pa])) {
            this.move(dest--, pa--);
            ++acount;
            bcount = 0;
            --na;
            if (na === 0) {
              return;
            }
            if (acount >= minGallop) {
              break;
            }
          } else {
            this.fromTemp(dest--, pb--);
            ++bcount;
            acount = 0;
            --nb;
            if (nb === 1) {
              copyA = true;
              return;
            }
            if (bcount >= minGallop) {
              break;
            }
          }
        }
        ++minGallop;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = this.gallopRight(tk[pb], keys, basea, na, na - 1);
          k = na - k;
          acount = k;
          if (k) {
            dest -= k;
            pa -= k;
            for (let i = k; i >= 1; i--) {
              this.move(dest + i, pa + i);
            }
            na -= k;
            if (na === 0) {
              return;
            }
          }
          this.fromTemp(dest--, pb--);
          --nb;
          if (nb === 1) {
            copyA = true;
            return;
          }
          k = this.gallopLeft(keys[pa], tk, 0, nb, nb - 1);
          k = nb - k;
          bcount = k;
          if (k) {
            dest -= k;
            pb -= k;
            for (let i = 1; i <= k; i++) {
              this.fromTemp(dest + i, pb + i);
            }
            nb -= k;
            if (nb === 1) {
              copyA = true;
              return;
            }
            if (nb === 0) {
              return;
            }
          }
          this.move(dest--, pa--);
          --na;
          if (na === 0) {
            return;
          }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++minGallop;
        this.minGallop = minGallop;
      }
    } finally {
      if (copyA) {
        // The first element of B belongs at the front of the merge.
        for (let i = 0; i < na; i++) {
          this.move(dest - i, pa - i);
        }
        this.fromTemp(dest - na, pb);
      } else {
        for (let i = 0; i < nb; i++) {
          this.fromTemp(dest - (nb - 1) + i, i);
        }
      }
    }
  }

  /** merge_at: merges the runs at stack indices i and i+1. */
  private mergeAt(i: number): void {
    let ssa = this.runBase[i];
    let na = this.runLen[i];
    const ssb = this.runBase[i + 1];
    let nb = this.runLen[i + 1];
    this.runLen[i] = na + nb;
    if (i === this.n - 3) {
      this.runBase[i + 1] = this.runBase[i + 2];
      this.runLen[i + 1] = this.runLen[i + 2];
      this.runPower[i + 1] = this.runPower[i + 2];
    }
    --this.n;
    const keys = this.keys;
    const k = this.gallopRight(keys[ssb], keys, ssa, na, 0);
    ssa += k;
    na -= k;
    if (na === 0) {
      return;
    }
    nb = this.gallopLeft(keys[ssa + na - 1], keys, ssb, nb, nb - 1);
    if (nb <= 0) {
      return;
    }
    if (na <= nb) {
      this.mergeLo(ssa, na, ssb, nb);
    } else {
      this.mergeHi(ssa, na, ssb, nb);
    }
  }

  /** found_new_run: powersort's policy — merge runs of greater power than the new boundary. */
  private foundNewRun(n2: number): void {
    if (this.n === 0) {
      return;
    }
    const top = this.n - 1;
    const power = powerLoop(this.runBase[top], this.runLen[top], n2, this.keys.length);
    while (this.n > 1 && this.runPower[this.n - 2] > power) {
      this.mergeAt(this.n - 2);
    }
    this.runPower[this.n - 1] = power;
  }

  private forceCollapse(): void {
    while (this.n > 1) {
      let n = this.n - 2;
      if (n > 0 && this.runLen[n - 1] < this.runLen[n + 1]) {
        --n;
      }
      this.mergeAt(n);
    }
  }
}
