/**
 * The `heapq` module: the C core of Modules/_heapqmodule.c (siftdown/siftup with its exact
 * comparison order, so heaps have CPython's layout) and the pure-Python parts of
 * Lib/heapq.py (merge, nsmallest, nlargest) written as the same steps, with sorting, min and
 * max delegated to the builtins so every comparison is Python's.
 */
import { arity, builtin, noKwargs } from "../../vm/define";
import {
  AttributeErrorType,
  indexError,
  pyErr,
  RuntimeErrorType,
  TypeErrorType,
  typeError,
} from "../../vm/errors";
import { PyNativeIter } from "../../vm/iterators";
import { registerModule } from "../../vm/modules";
import {
  isInstance,
  ListType,
  None,
  ObjectType,
  PyBaseException,
  PyList,
  PyObject,
  PySlice,
  PyTuple,
  type KwArgs,
  type NativeFn,
  type PyValue,
} from "../../vm/objects";
import {
  callMethod,
  callPy,
  eq,
  getItem,
  iter,
  len,
  lt,
  next,
  richCompare,
  smallIndex,
  truthy,
  typeName,
} from "../../vm/protocol";
import { vm } from "../../vm/vm";
import { pythonArgs } from "../../vm/define";

type Less = (a: PyValue, b: PyValue) => boolean;

const minLess: Less = lt;
/** The max-heap functions compare with the operands swapped (siftdown_max / siftup_max). */
const maxLess: Less = (a, b) => lt(b, a);

function sizeChanged(): PyBaseException {
  return pyErr(RuntimeErrorType, "list changed size during iteration");
}

/** siftdown: moves heap[pos] up towards startpos while it is less than its parent. */
function siftdown(heap: PyList, startpos: number, pos: number, less: Less): void {
  const size = heap.items.length;
  if (pos >= size) {
    throw indexError("index out of range");
  }
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const arr = heap.items;
    const c = less(arr[pos], arr[parentpos]);
    if (size !== heap.items.length) {
      throw sizeChanged();
    }
    if (!c) {
      break;
    }
    const a = heap.items;
    const parent = a[parentpos];
    a[parentpos] = a[pos];
    a[pos] = parent;
    pos = parentpos;
  }
}

/** siftup: moves the smaller child up until a leaf, then siftdown from there (Knuth's bottom-up variant). */
function siftup(heap: PyList, pos: number, less: Less): void {
  const endpos = heap.items.length;
  const startpos = pos;
  if (pos >= endpos) {
    throw indexError("index out of range");
  }
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      // C compares arr[child] < arr[child+1] (max: arr[child+1] < arr[child]) and takes the right child unless true.
      const arr = heap.items;
      const c = less(arr[childpos], arr[childpos + 1]);
      if (!c) {
        childpos += 1;
      }
      if (endpos !== heap.items.length) {
        throw sizeChanged();
      }
    }
    const a = heap.items;
    const tmp = a[childpos];
    a[childpos] = a[pos];
    a[pos] = tmp;
    pos = childpos;
  }
  siftdown(heap, startpos, pos, less);
}

function asHeap(v: PyValue, what: string): PyList {
  if (!(v instanceof PyList) || !isInstance(v, ListType)) {
    throw typeError(`${what} must be list, not ${typeName(v)}`);
  }
  return v;
}

/** A METH_O function of _heapq. */
function fn1(name: string, f: (a: PyValue) => PyValue): NativeFn {
  return (args, kwargs) => {
    noKwargs(`_heapq.${name}`, kwargs);
    arity(`_heapq.${name}`, args.length, 1);
    return f(args[0]);
  };
}

/** A two-argument function of _heapq: "heappush expected 2 arguments, got 1". */
function fn2(name: string, f: (a: PyValue, b: PyValue) => PyValue): NativeFn {
  return (args, kwargs) => {
    noKwargs(`_heapq.${name}`, kwargs);
    arity(name, args.length, 2);
    return f(args[0], args[1]);
  };
}

function heappush(heap: PyList, item: PyValue, less: Less): void {
  heap.items.push(item);
  siftdown(heap, 0, heap.items.length - 1, less);
}

function heappop(heap: PyList, less: Less): PyValue {
  const n = heap.items.length;
  if (n === 0) {
    throw indexError("index out of range");
  }
  const lastelt = heap.items.pop()!;
  if (n === 1) {
    return lastelt;
  }
  const returnitem = heap.items[0];
  heap.items[0] = lastelt;
  siftup(heap, 0, less);
  return returnitem;
}

function heapreplace(heap: PyList, item: PyValue, less: Less): PyValue {
  if (heap.items.length === 0) {
    throw indexError("index out of range");
  }
  const returnitem = heap.items[0];
  heap.items[0] = item;
  siftup(heap, 0, less);
  return returnitem;
}

function heappushpop(heap: PyList, item: PyValue): PyValue {
  if (heap.items.length === 0) {
    return item;
  }
  if (!lt(heap.items[0], item)) {
    return item;
  }
  if (heap.items.length === 0) {
    throw indexError("index out of range");
  }
  const returnitem = heap.items[0];
  heap.items[0] = item;
  siftup(heap, 0, minLess);
  return returnitem;
}

/**
 * heapify: siftup from the last parent down to the root. (CPython uses a cache-friendly
 * traversal above 2500 items; it builds exactly the same heap with the same comparisons.)
 */
function heapify(heap: PyList, less: Less): void {
  for (let i = (heap.items.length >> 1) - 1; i >= 0; i--) {
    siftup(heap, i, less);
  }
}

// ---------------------------------------------------------------- Lib/heapq.py

function builtinFn(name: string): PyValue {
  return vm().builtins.getStr(name)!;
}

const kw = (entries: [string, PyValue][]): KwArgs => new Map(entries);

/** len(iterable), or undefined when it has none (TypeError / AttributeError), as nsmallest's try/except. */
function sizeOf(v: PyValue): number | undefined {
  try {
    return len(v);
  } catch (e) {
    if (e instanceof PyBaseException && (isInstance(e, TypeErrorType) || isInstance(e, AttributeErrorType))) {
      return undefined;
    }
    throw e;
  }
}

/** heapq.nsmallest(n, iterable, key=None) / nlargest, step for step as Lib/heapq.py. */
function nExtreme(largest: boolean, args: PyValue[], kwargs: KwArgs | null): PyValue {
  const name = largest ? "nlargest" : "nsmallest";
  const [n, iterable, key] = pythonArgs(name, args, kwargs, [{ name: "n" }, { name: "iterable" }, { name: "key", def: None }]);
  // Short-cut for n == 1: min() / max().
  if (eq(n, 1)) {
    const it = iter(iterable);
    const sentinel = new PyObject(ObjectType);
    const r = callPy(builtinFn(largest ? "max" : "min"), [it], kw([["default", sentinel], ["key", key]]));
    return new PyList(r === sentinel ? [] : [r]);
  }
  // When n >= size, sorted() is faster.
  const size = sizeOf(iterable);
  if (size !== undefined && truthy(richCompare(n, size, "ge"))) {
    const sorted = callPy(builtinFn("sorted"), [iterable], kw(largest ? [["key", key], ["reverse", true]] : [["key", key]]));
    return getItem(sorted, new PySlice(None, n, None));
  }
  const count = Math.max(0, smallIndex(n));
  const it = iter(iterable);
  const result = new PyList([]);
  // zip(range(n), it): the range comes first, so that no extra element is consumed.
  for (let i = 0; i < count; i++) {
    const elem = next(it);
    if (elem === undefined) {
      break;
    }
    const order = largest ? -i : i;
    result.items.push(new PyTuple(key === None ? [elem, order] : [callPy(key, [elem]), order, elem]));
  }
  if (result.items.length === 0) {
    return result;
  }
  // nsmallest keeps a max-heap of the n best so far; nlargest a min-heap.
  const less = largest ? minLess : maxLess;
  heapify(result, less);
  let top = (result.items[0] as PyTuple).items[0];
  let order = largest ? -count : count;
  for (let elem = next(it); elem !== undefined; elem = next(it)) {
    const k = key === None ? elem : callPy(key, [elem]);
    if (largest ? lt(top, k) : lt(k, top)) {
      heapreplace(result, new PyTuple(key === None ? [elem, order] : [k, order, elem]), less);
      top = (result.items[0] as PyTuple).items[0];
      order += largest ? -1 : 1;
    }
  }
  callMethod(result, "sort", [], largest ? kw([["reverse", true]]) : null);
  return new PyList(result.items.map((t) => (t as PyTuple).items[key === None ? 0 : 2]));
}

/**
 * heapq.merge(*iterables, key=None, reverse=False): a lazy merge of sorted inputs, as the
 * generator in Lib/heapq.py. Heap entries are lists [sort value, order, value, iterator]:
 * the unique `order` settles ties, so comparisons never reach the last two items.
 */
function merge(args: PyValue[], kwargs: KwArgs | null): PyValue {
  let key: PyValue = None;
  let reverse = false;
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k === "key") {
        key = v;
      } else if (k === "reverse") {
        reverse = truthy(v);
      } else {
        throw typeError(`merge() got an unexpected keyword argument '${k}'`);
      }
    }
  }
  const less = reverse ? maxLess : minLess;
  const direction = reverse ? -1 : 1;
  const h = new PyList([]);
  let state: "start" | "yielded" | "advance" | "single" | "done" = "start";
  let single: PyValue = None;
  const step = (): PyValue | undefined => {
    for (;;) {
      switch (state) {
        case "start":
          args.forEach((iterable, order) => {
            const it = iter(iterable);
            const value = next(it);
            if (value !== undefined) {
              h.items.push(new PyList([key === None ? value : callPy(key, [value]), order * direction, value, it]));
            }
          });
          heapify(h, less);
          state = "advance";
          break;
        case "yielded": {
          // Advance the iterator whose value was just yielded.
          const s = h.items[0] as PyList;
          const value = next(s.items[3]);
          if (value === undefined) {
            heappop(h, less);
          } else {
            s.items[0] = key === None ? value : callPy(key, [value]);
            s.items[2] = value;
            heapreplace(h, s, less);
          }
          state = "advance";
          break;
        }
        case "advance":
          if (h.items.length > 1) {
            state = "yielded";
            return (h.items[0] as PyList).items[2];
          }
          if (h.items.length === 1) {
            // Only one input left: yield its current value, then the rest of it.
            const s = h.items[0] as PyList;
            single = s.items[3];
            state = "single";
            return s.items[2];
          }
          state = "done";
          return undefined;
        case "single": {
          const v = next(single);
          if (v === undefined) {
            state = "done";
          }
          return v;
        }
        case "done":
          return undefined;
      }
    }
  };
  return new PyNativeIter("generator", () => {
    try {
      return step();
    } catch (e) {
      state = "done"; // a generator that raised is finished
      throw e;
    }
  });
}

registerModule("heapq", (m) => {
  const d = m.dict!;
  const def = (name: string, f: NativeFn): void => d.setStr(name, builtin(name, f));
  def("heappush", fn2("heappush", (h, item) => {
    heappush(asHeap(h, "heappush() argument 1"), item, minLess);
    return None;
  }));
  def("heappop", fn1("heappop", (h) => heappop(asHeap(h, "heappop() argument"), minLess)));
  def("heapify", fn1("heapify", (h) => {
    heapify(asHeap(h, "heapify() argument"), minLess);
    return None;
  }));
  def("heapreplace", fn2("heapreplace", (h, item) => heapreplace(asHeap(h, "heapreplace() argument 1"), item, minLess)));
  def("heappushpop", fn2("heappushpop", (h, item) => heappushpop(asHeap(h, "heappushpop() argument 1"), item)));
  def("_heappop_max", fn1("_heappop_max", (h) => heappop(asHeap(h, "_heappop_max() argument"), maxLess)));
  def("_heapify_max", fn1("_heapify_max", (h) => {
    heapify(asHeap(h, "_heapify_max() argument"), maxLess);
    return None;
  }));
  def("_heapreplace_max", fn2("_heapreplace_max", (h, item) =>
    heapreplace(asHeap(h, "_heapreplace_max() argument 1"), item, maxLess)));
  def("nlargest", (args, kwargs) => nExtreme(true, args, kwargs));
  def("nsmallest", (args, kwargs) => nExtreme(false, args, kwargs));
  def("merge", merge);
  d.setStr("__all__", new PyList(["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest", "heappushpop"]));
});
