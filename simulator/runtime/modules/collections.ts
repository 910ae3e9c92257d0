/**
 * The `collections` module (CPython's Lib/collections/__init__.py and Modules/_collectionsmodule.c):
 * deque, defaultdict, Counter, OrderedDict, namedtuple and ChainMap.
 *
 * defaultdict, Counter and OrderedDict are dict subclasses: their instances are PyDicts (so
 * every dict method, `**d`, json and copy see a dict) and only what differs is defined here.
 * They are marked `heap` because protocol.ts takes its dict fast paths for non-heap dicts
 * (treating them as exact `dict`), and `d[k]` must reach dict's `__getitem__`, which calls
 * `__missing__` for subclasses.
 */
import { BinaryOp } from "../../python/opcodes";
import { currentTask } from "../../vm/interp";
import { arity, builtin, defGetSet, defMethod, defMethods, kwParams, nameList, noKwargs, plural, pythonArgs, type PyParam } from "../../vm/define";
import {
  attributeError,
  indexError,
  keyError,
  MemoryErrorType,
  NotImplementedErrorType,
  overflowError,
  pyErr,
  runtimeError,
  typeError,
  valueError,
} from "../../vm/errors";
import { PyNativeIter } from "../../vm/iterators";
import { registerModule } from "../../vm/modules";
import {
  DictType,
  EMPTY_TUPLE,
  isInstance,
  nativeType,
  None,
  NotImplemented,
  ObjectType,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyGetSet,
  PyList,
  PyObject,
  PyStaticMethod,
  PyTuple,
  PyType,
  TupleType,
  TypeType,
  typeOf,
  type KwArgs,
  type NativeFn,
  type PyValue,
} from "../../vm/objects";
import { binaryOp } from "../../vm/operators";
import {
  callMethod,
  callPy,
  compareResult,
  contains,
  eq,
  getAttr,
  getItem,
  index,
  iter,
  len,
  lt,
  next,
  repr,
  reprEnter,
  reprLeave,
  richCompare,
  setItem,
  str,
  toArray,
  truthy,
  typeName,
  type CompareKind,
} from "../../vm/protocol";
import { dictCopy } from "../../vm/types/dict";
import { sortValues } from "../../vm/types/list";

// ---------------------------------------------------------------- signatures of generated methods


/** A native stored as a static method (`__new__`), as CPython wraps it. */
const staticNative = (name: string, fn: NativeFn): PyStaticMethod => new PyStaticMethod(builtin(name, fn));
/** A native stored as a class method: called with the class first. */
const classNative = (name: string, fn: NativeFn): PyClassMethod => new PyClassMethod(builtin(name, fn));

/** The module of the code calling a native (CPython's `sys._getframe(1).f_globals['__name__']`). */
export function callerModule(): string {
  const name = currentTask().frame?.globals.getStr("__name__");
  return typeof name === "string" ? name : "__main__";
}

// ---------------------------------------------------------------- deque

/** A deque: items in order, oldest first. `state` counts mutations, for iterators. */
export class PyDeque extends PyObject {
  items: PyValue[] = [];
  maxlen: number | null = null;
  state = 0;
}

export const DequeType = nativeType("deque", ObjectType, (cls) => new PyDeque(cls));
DequeType.module = "collections";

function asDeque(v: PyValue, method: string): PyDeque {
  if (!(v instanceof PyDeque)) {
    throw typeError(`descriptor '${method}' for 'collections.deque' objects doesn't apply to a '${typeName(v)}' object`);
  }
  return v;
}

/** deque's maxlen argument: None or a non-negative int (deque_init). */
function toMaxlen(v: PyValue | undefined): number | null {
  if (v === undefined || v === None) {
    return null;
  }
  if (typeof v === "bigint") {
    throw overflowError("Python int too large to convert to C ssize_t");
  }
  if (typeof v !== "number" && typeof v !== "boolean") {
    throw typeError("an integer is required");
  }
  const n = +v;
  if (n < 0) {
    throw valueError("maxlen must be non-negative");
  }
  return n;
}

function dequeAppend(d: PyDeque, x: PyValue): void {
  d.state++;
  if (d.maxlen === 0) {
    return;
  }
  d.items.push(x);
  if (d.maxlen !== null && d.items.length > d.maxlen) {
    d.items.shift();
  }
}

function dequeAppendLeft(d: PyDeque, x: PyValue): void {
  d.state++;
  if (d.maxlen === 0) {
    return;
  }
  d.items.unshift(x);
  if (d.maxlen !== null && d.items.length > d.maxlen) {
    d.items.pop();
  }
}

/** extend/extendleft: a deque extended by itself iterates over a copy (deque_extend). */
function dequeExtend(d: PyDeque, iterable: PyValue, left: boolean): void {
  const items = iterable === d ? d.items.slice() : toArray(iterable);
  for (const x of items) {
    if (left) {
      dequeAppendLeft(d, x);
    } else {
      dequeAppend(d, x);
    }
  }
}

/** A new deque of the same type and maxlen (deque_copy: subclasses are called as `cls(d, maxlen)`). */
function dequeCopy(d: PyDeque): PyValue {
  if (d.cls === DequeType) {
    const c = new PyDeque(DequeType);
    c.items = d.items.slice();
    c.maxlen = d.maxlen;
    return c;
  }
  return callPy(d.cls, d.maxlen === null ? [d] : [d, d.maxlen]);
}

/** A deque position from an index argument: "sequence index must be integer, not 'slice'". */
function dequeIndex(d: PyDeque, k: PyValue): number {
  if (typeof k !== "number" && typeof k !== "bigint" && typeof k !== "boolean" && typeOf(k).lookup("__index__") === undefined) {
    throw typeError(`sequence index must be integer, not '${typeName(k)}'`);
  }
  const i = index(k);
  const n = d.items.length;
  const j = typeof i === "bigint" ? -1 : i < 0 ? i + n : i;
  if (j < 0 || j >= n) {
    throw indexError("deque index out of range");
  }
  return j;
}

function dequeIter(d: PyDeque, reversed: boolean): PyNativeIter {
  const state = d.state;
  const n = d.items.length;
  let i = 0;
  return new PyNativeIter(reversed ? "_collections._deque_reverse_iterator" : "_collections._deque_iterator", () => {
    if (d.state !== state) {
      throw runtimeError("deque mutated during iteration");
    }
    if (i >= n) {
      return undefined;
    }
    const v = reversed ? d.items[n - 1 - i] : d.items[i];
    i++;
    return v;
  });
}

/** deque_richcompare: sequence comparison between two deques; NotImplemented otherwise. */
function dequeCompare(op: CompareKind): NativeFn {
  return (args) => {
    const a = asDeque(args[0], `__${op}__`);
    const b = args[1];
    if (!(b instanceof PyDeque)) {
      return NotImplemented;
    }
    const x = a.items.slice();
    const y = b.items.slice();
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) {
      if (!eq(x[i], y[i])) {
        if (op === "eq") {
          return false;
        }
        if (op === "ne") {
          return true;
        }
        return richCompare(x[i], y[i], op);
      }
    }
    return compareResult(x.length - y.length, op);
  };
}

function dequeRotate(d: PyDeque, n: number): void {
  const len = d.items.length;
  d.state++;
  if (len <= 1) {
    return;
  }
  const k = ((n % len) + len) % len;
  if (k !== 0) {
    d.items = [...d.items.slice(len - k), ...d.items.slice(0, len - k)];
  }
}

/** d * n (deque_repeat): with a maxlen only the last maxlen items of the repetition remain. */
function dequeRepeat(d: PyDeque, times: PyValue): PyDeque {
  const n = index(times);
  const src = d.items.slice();
  const count = typeof n === "bigint" ? (n > 0n ? Infinity : 0) : Math.max(0, n);
  const total = count * src.length;
  const keep = d.maxlen === null ? total : Math.min(total, d.maxlen);
  if (keep > 1 << 28) {
    throw pyErr(MemoryErrorType, "");
  }
  const out = new PyDeque(DequeType);
  out.maxlen = d.maxlen;
  const first = total - keep;
  for (let i = 0; i < keep; i++) {
    out.items.push(src[(first + i) % src.length]);
  }
  return out;
}

DequeType.dict!.setStr(
  "__new__",
  staticNative("__new__", (args) => {
    const cls = args[0];
    if (!(cls instanceof PyType) || !cls.isSubtypeOf(DequeType)) {
      throw typeError("deque.__new__(X): X is not a subtype of deque");
    }
    return new PyDeque(cls);
  }),
);

defMethods(DequeType, {
  __init__: (args, kwargs) => {
    const d = asDeque(args[0], "__init__");
    arity("deque", args.length - 1, 0, 2);
    const [iterable, maxlen] = kwParams("deque", args.slice(1), kwargs, ["iterable", "maxlen"]);
    d.maxlen = toMaxlen(maxlen);
    if (d.items.length) {
      d.items = [];
      d.state++;
    }
    if (iterable !== undefined) {
      dequeExtend(d, iterable, false);
    }
    return None;
  },
  append: (args) => {
    arity("deque.append", args.length - 1, 1);
    dequeAppend(asDeque(args[0], "append"), args[1]);
    return None;
  },
  appendleft: (args) => {
    arity("deque.appendleft", args.length - 1, 1);
    dequeAppendLeft(asDeque(args[0], "appendleft"), args[1]);
    return None;
  },
  pop: (args) => {
    arity("deque.pop", args.length - 1, 0);
    const d = asDeque(args[0], "pop");
    if (!d.items.length) {
      throw indexError("pop from an empty deque");
    }
    d.state++;
    return d.items.pop()!;
  },
  popleft: (args) => {
    arity("deque.popleft", args.length - 1, 0);
    const d = asDeque(args[0], "popleft");
    if (!d.items.length) {
      throw indexError("pop from an empty deque");
    }
    d.state++;
    return d.items.shift()!;
  },
  extend: (args) => {
    arity("deque.extend", args.length - 1, 1);
    dequeExtend(asDeque(args[0], "extend"), args[1], false);
    return None;
  },
  extendleft: (args) => {
    arity("deque.extendleft", args.length - 1, 1);
    dequeExtend(asDeque(args[0], "extendleft"), args[1], true);
    return None;
  },
  rotate: (args) => {
    arity("rotate", args.length - 1, 0, 1);
    const n = args.length > 1 ? index(args[1]) : 1;
    dequeRotate(asDeque(args[0], "rotate"), typeof n === "bigint" ? Number(n % BigInt(Math.max(1, len(args[0])))) : n);
    return None;
  },
  clear: (args) => {
    const d = asDeque(args[0], "clear");
    d.items = [];
    d.state++;
    return None;
  },
  count: (args) => {
    arity("deque.count", args.length - 1, 1);
    const d = asDeque(args[0], "count");
    const state = d.state;
    let n = 0;
    for (const x of d.items.slice()) {
      if (eq(x, args[1])) {
        n++;
      }
      if (d.state !== state) {
        throw runtimeError("deque mutated during iteration");
      }
    }
    return n;
  },
  index: (args) => {
    arity("index", args.length - 1, 1, 3);
    const d = asDeque(args[0], "index");
    const n = d.items.length;
    const clamp = (v: PyValue | undefined, dflt: number): number => {
      if (v === undefined) {
        return dflt;
      }
      const i = index(v);
      const k = typeof i === "bigint" ? (i < 0n ? -Infinity : Infinity) : i;
      return k < 0 ? Math.max(0, k + n) : Math.min(k, n);
    };
    const start = clamp(args[2], 0);
    const stop = clamp(args[3], n);
    const state = d.state;
    for (let i = start; i < stop && i < d.items.length; i++) {
      if (eq(d.items[i], args[1])) {
        return i;
      }
      if (d.state !== state) {
        throw runtimeError("deque mutated during iteration");
      }
    }
    throw valueError(`${repr(args[1])} is not in deque`);
  },
  insert: (args) => {
    arity("insert", args.length - 1, 2);
    const d = asDeque(args[0], "insert");
    if (d.maxlen !== null && d.items.length >= d.maxlen) {
      throw indexError("deque already at its maximum size");
    }
    const i = index(args[1]);
    const n = d.items.length;
    const k = typeof i === "bigint" ? (i < 0n ? 0 : n) : i < 0 ? Math.max(0, i + n) : Math.min(i, n);
    d.items.splice(k, 0, args[2]);
    d.state++;
    return None;
  },
  remove: (args) => {
    arity("deque.remove", args.length - 1, 1);
    const d = asDeque(args[0], "remove");
    for (let i = 0; i < d.items.length; i++) {
      if (eq(d.items[i], args[1])) {
        d.items.splice(i, 1);
        d.state++;
        return None;
      }
    }
    throw valueError(`${repr(args[1])} is not in deque`);
  },
  reverse: (args) => {
    const d = asDeque(args[0], "reverse");
    d.items.reverse();
    d.state++;
    return None;
  },
  copy: (args) => dequeCopy(asDeque(args[0], "copy")),
  __copy__: (args) => dequeCopy(asDeque(args[0], "__copy__")),
  __len__: (args) => asDeque(args[0], "__len__").items.length,
  __bool__: (args) => asDeque(args[0], "__bool__").items.length !== 0,
  __iter__: (args) => dequeIter(asDeque(args[0], "__iter__"), false),
  __reversed__: (args) => dequeIter(asDeque(args[0], "__reversed__"), true),
  __contains__: (args) => asDeque(args[0], "__contains__").items.some((x) => eq(x, args[1])),
  __getitem__: (args) => {
    const d = asDeque(args[0], "__getitem__");
    return d.items[dequeIndex(d, args[1])];
  },
  __setitem__: (args) => {
    const d = asDeque(args[0], "__setitem__");
    d.items[dequeIndex(d, args[1])] = args[2];
    return None;
  },
  __delitem__: (args) => {
    const d = asDeque(args[0], "__delitem__");
    d.items.splice(dequeIndex(d, args[1]), 1);
    d.state++;
    return None;
  },
  __repr__: (args) => {
    const d = asDeque(args[0], "__repr__");
    if (!reprEnter(d)) {
      return "[...]";
    }
    try {
      const body = repr(new PyList(d.items.slice()));
      const name = typeOf(d).name;
      return d.maxlen === null ? `${name}(${body})` : `${name}(${body}, maxlen=${d.maxlen})`;
    } finally {
      reprLeave(d);
    }
  },
  __add__: (args) => {
    const d = asDeque(args[0], "__add__");
    const other = args[1];
    if (!(other instanceof PyDeque)) {
      throw typeError(`can only concatenate deque (not "${typeName(other)}") to deque`);
    }
    const out = dequeCopy(d) as PyDeque;
    dequeExtend(out, other, false);
    return out;
  },
  __iadd__: (args) => {
    dequeExtend(asDeque(args[0], "__iadd__"), args[1], false);
    return args[0];
  },
  __mul__: (args) => dequeRepeat(asDeque(args[0], "__mul__"), args[1]),
  __rmul__: (args) => dequeRepeat(asDeque(args[0], "__rmul__"), args[1]),
  __imul__: (args) => {
    const d = asDeque(args[0], "__imul__");
    const r = dequeRepeat(d, args[1]);
    d.items = r.items;
    d.state++;
    return d;
  },
  __eq__: dequeCompare("eq"),
  __ne__: dequeCompare("ne"),
  __lt__: dequeCompare("lt"),
  __le__: dequeCompare("le"),
  __gt__: dequeCompare("gt"),
  __ge__: dequeCompare("ge"),
  __reduce__: (args) => {
    const d = asDeque(args[0], "__reduce__");
    return new PyTuple([typeOf(d), new PyTuple([EMPTY_TUPLE, d.maxlen ?? None]), None, dequeIter(d, false)]);
  },
});
DequeType.dict!.setStr("__hash__", None);
DequeType.dict!.setStr("__class_getitem__", classNative("__class_getitem__", (args) => args[0]));
defGetSet(DequeType, "maxlen", (d) => asDeque(d, "maxlen").maxlen ?? None);

// ---------------------------------------------------------------- dict subclasses

/** The dict method `name` (dict's own, not an override), for `super().name(...)` calls. */
function dictMethod(name: string): PyValue {
  const m = DictType.lookup(name);
  if (m === undefined) {
    throw new Error(`dict.${name} is missing`);
  }
  return m;
}

/** A dict subclass implemented here (instances are PyDicts of the subclass). */
function dictSubclass(name: string): PyType {
  const t = nativeType(name, DictType, (cls) => new PyDict(cls));
  t.module = "collections";
  t.heap = true;
  return t;
}

// ---------------------------------------------------------------- defaultdict

/** A defaultdict: a dict plus the factory called for missing keys. */
export class PyDefaultDict extends PyDict {
  factory: PyValue = None;
}

export const DefaultDictType = nativeType("defaultdict", DictType, (cls) => new PyDefaultDict(cls));
DefaultDictType.module = "collections";
DefaultDictType.heap = true;

function asDefaultDict(v: PyValue): PyDefaultDict {
  if (!(v instanceof PyDefaultDict)) {
    throw typeError(`descriptor requires a 'collections.defaultdict' object but received a '${typeName(v)}'`);
  }
  return v;
}

const isCallable = (v: PyValue): boolean => typeof v === "object" && typeOf(v).lookup("__call__") !== undefined;

function defaultDictCopy(d: PyDefaultDict): PyValue {
  return callPy(typeOf(d), [d.factory, d]);
}

DefaultDictType.dict!.setStr(
  "__new__",
  staticNative("__new__", (args) => new PyDefaultDict(args[0] as PyType)),
);

defMethods(DefaultDictType, {
  __init__: (args, kwargs) => {
    const d = asDefaultDict(args[0]);
    let rest = args.slice(1);
    if (rest.length) {
      const f = rest[0];
      if (f !== None && !isCallable(f)) {
        throw typeError("first argument must be callable or None");
      }
      d.factory = f;
      rest = rest.slice(1);
    }
    return callPy(dictMethod("__init__"), [d, ...rest], kwargs);
  },
  __missing__: (args) => {
    const d = asDefaultDict(args[0]);
    arity("__missing__", args.length - 1, 1);
    if (d.factory === None) {
      throw keyError(args[1]);
    }
    const v = callPy(d.factory, []);
    setItem(d, args[1], v);
    return v;
  },
  __repr__: (args) => {
    const d = asDefaultDict(args[0]);
    let factory: string;
    if (d.factory === None) {
      factory = "None";
    } else if (d.factory instanceof PyObject && !reprEnter(d.factory)) {
      factory = "...";
    } else {
      try {
        factory = repr(d.factory);
      } finally {
        if (d.factory instanceof PyObject) {
          reprLeave(d.factory);
        }
      }
    }
    return `${typeOf(d).name}(${factory}, ${callPy(dictMethod("__repr__"), [d]) as string})`;
  },
  copy: (args) => defaultDictCopy(asDefaultDict(args[0])),
  __copy__: (args) => defaultDictCopy(asDefaultDict(args[0])),
  __reduce__: (args) => {
    const d = asDefaultDict(args[0]);
    const factoryArgs = d.factory === None ? EMPTY_TUPLE : new PyTuple([d.factory]);
    return new PyTuple([typeOf(d), factoryArgs, None, None, iter(callMethod(d, "items", []))]);
  },
  __or__: (args) => {
    const d = asDefaultDict(args[0]);
    if (!isInstance(args[1], DictType)) {
      return NotImplemented;
    }
    const out = defaultDictCopy(d);
    callPy(dictMethod("update"), [out, args[1]]);
    return out;
  },
  __ror__: (args) => {
    const d = asDefaultDict(args[0]);
    if (!isInstance(args[1], DictType)) {
      return NotImplemented;
    }
    const out = callPy(typeOf(d), [d.factory, args[1]]);
    callPy(dictMethod("update"), [out, d]);
    return out;
  },
});
defGetSet(
  DefaultDictType,
  "default_factory",
  (d) => asDefaultDict(d).factory,
  (d, v) => {
    asDefaultDict(d).factory = v ?? None;
  },
);

// ---------------------------------------------------------------- Counter

export const CounterType = dictSubclass("Counter");

const add = (a: PyValue, b: PyValue): PyValue => binaryOp(a, b, BinaryOp.Add);
const sub = (a: PyValue, b: PyValue): PyValue => binaryOp(a, b, BinaryOp.Sub);
const gt = (a: PyValue, b: PyValue): boolean => truthy(richCompare(a, b, "gt"));
const isCounter = (v: PyValue): v is PyDict => v instanceof PyDict && isInstance(v, CounterType);

/** `self[k]` for a Counter (0 for missing keys, through `__missing__` for subclasses). */
const counterGet = (c: PyDict, k: PyValue): PyValue => (c.cls === CounterType ? (c.get(k) ?? 0) : getItem(c, k));
/** `self.get(k, 0)`: dict.get, without `__missing__`. */
const getOr0 = (c: PyDict, k: PyValue): PyValue => c.get(k) ?? 0;
const counterSet = (c: PyDict, k: PyValue, v: PyValue): void => {
  if (c.cls === CounterType) {
    c.set(k, v);
  } else {
    setItem(c, k, v);
  }
};

/**
 * Counter.update / subtract (Lib/collections/__init__.py): a mapping adds (or subtracts) its
 * counts; any other iterable counts its elements (_count_elements); keywords last.
 */
function counterAccumulate(c: PyDict, iterable: PyValue | undefined, kwargs: KwArgs | null, sign: 1 | -1): void {
  if (iterable !== undefined && iterable !== None) {
    if (iterable instanceof PyDict) {
      if (sign === 1 && c.size === 0 && !isCounter(iterable)) {
        callPy(dictMethod("update"), [c, iterable]);
      } else if (sign === 1 && c.size === 0) {
        for (const [k, v] of iterable.entries()) {
          counterSet(c, k, v);
        }
      } else {
        for (const [k, v] of [...iterable.entries()]) {
          counterSet(c, k, sign === 1 ? add(v, getOr0(c, k)) : sub(getOr0(c, k), v));
        }
      }
    } else {
      const it = iter(iterable);
      for (let x = next(it); x !== undefined; x = next(it)) {
        counterSet(c, x, sign === 1 ? add(getOr0(c, x), 1) : sub(getOr0(c, x), 1));
      }
    }
  }
  if (kwargs !== null && kwargs.size) {
    const kw = new PyDict();
    for (const [k, v] of kwargs) {
      kw.setStr(k, v);
    }
    counterAccumulate(c, kw, null, sign);
  }
}

function asCounter(v: PyValue): PyDict {
  if (!isCounter(v)) {
    throw typeError(`descriptor requires a 'collections.Counter' object but received a '${typeName(v)}'`);
  }
  return v;
}

/** itemgetter(1): a pair's count, most_common's sort key. */
const countOf = builtin("itemgetter", (args) => (args[0] as PyTuple).items[1]);

/**
 * most_common(n): `sorted(items, key=itemgetter(1), reverse=True)[:n]` (heapq.nlargest is
 * documented equal to it): counts descending, ties in insertion order.
 */
function mostCommon(c: PyDict, n: PyValue): PyValue[] {
  const items: PyValue[] = [...c.entries()].map(([k, v]) => new PyTuple([k, v]));
  sortValues(items, countOf, true);
  if (n === None) {
    return items;
  }
  const k = index(n);
  const count = typeof k === "bigint" ? (k > 0n ? Infinity : 0) : k;
  return count <= 0 ? [] : items.slice(0, count);
}

/** The binary operators of Counter: a fresh Counter, positive counts only. */
function counterBinary(combine: (a: PyValue, b: PyValue) => PyValue, fromOther: (count: PyValue) => PyValue | null): NativeFn {
  return (args) => {
    const self = asCounter(args[0]);
    const other = args[1];
    if (!isCounter(other)) {
      return NotImplemented;
    }
    const result = new PyDict(CounterType);
    for (const [elem, count] of self.entries()) {
      const v = combine(count, counterGet(other, elem));
      if (gt(v, 0)) {
        result.set(elem, v);
      }
    }
    for (const [elem, count] of other.entries()) {
      if (!self.has(elem)) {
        const v = fromOther(count);
        if (v !== null) {
          result.set(elem, v);
        }
      }
    }
    return result;
  };
}

/** _keep_positive: drops the non-positive counts in place and returns self. */
function keepPositive(c: PyDict): PyDict {
  for (const [k, v] of [...c.entries()]) {
    if (!gt(v, 0)) {
      c.delete(k);
    }
  }
  return c;
}

/** Counter's rich comparisons (3.10+): every key of either side compared with `self[e] op other[e]`. */
function counterCompare(op: "eq" | "le" | "ge"): (a: PyDict, b: PyDict) => boolean {
  return (a, b) => {
    for (const c of [a, b]) {
      for (const e of [...c.keyList()]) {
        if (!truthy(richCompare(counterGet(a, e), counterGet(b, e), op))) {
          return false;
        }
      }
    }
    return true;
  };
}

const counterEq = counterCompare("eq");
const counterLe = counterCompare("le");
const counterGe = counterCompare("ge");

function counterCmp(f: (a: PyDict, b: PyDict) => boolean): NativeFn {
  return (args) => {
    const a = asCounter(args[0]);
    return isCounter(args[1]) ? f(a, args[1]) : NotImplemented;
  };
}

defMethods(CounterType, {
  __init__: (args, kwargs) => {
    arity("Counter", args.length - 1, 0, 1);
    callMethod(args[0], "update", args.slice(1, 2), kwargs);
    return None;
  },
  __missing__: () => 0,
  total: (args) => {
    let t: PyValue = 0;
    for (const [, v] of asCounter(args[0]).entries()) {
      t = add(t, v);
    }
    return t;
  },
  most_common: (args, kwargs) => {
    const [n] = kwParams("most_common", args.slice(1), kwargs, ["n"]);
    return new PyList(mostCommon(asCounter(args[0]), n ?? None));
  },
  elements: (args) => {
    const pairs = [...asCounter(args[0]).entries()];
    let i = 0;
    let left = 0;
    return new PyNativeIter("itertools.chain", () => {
      while (left <= 0) {
        if (i >= pairs.length) {
          return undefined;
        }
        const c = pairs[i][1];
        if (typeof c !== "number" && typeof c !== "bigint" && typeof c !== "boolean") {
          throw typeError(`'${typeName(c)}' object cannot be interpreted as an integer`);
        }
        left = Number(c);
        i++;
      }
      left--;
      return pairs[i - 1][0];
    });
  },
  update: (args, kwargs) => {
    arity("update", args.length - 1, 0, 1);
    counterAccumulate(asCounter(args[0]), args[1], kwargs, 1);
    return None;
  },
  subtract: (args, kwargs) => {
    arity("subtract", args.length - 1, 0, 1);
    counterAccumulate(asCounter(args[0]), args[1], kwargs, -1);
    return None;
  },
  copy: (args) => callPy(typeOf(args[0]), [args[0]]),
  __copy__: (args) => callPy(typeOf(args[0]), [args[0]]),
  __reduce__: (args) => new PyTuple([typeOf(args[0]), new PyTuple([dictCopy(asCounter(args[0]))])]),
  __delitem__: (args) => {
    const c = asCounter(args[0]);
    if (c.has(args[1])) {
      callPy(dictMethod("__delitem__"), [c, args[1]]);
    }
    return None;
  },
  __repr__: (args) => {
    const c = asCounter(args[0]);
    const name = typeOf(c).name;
    if (c.size === 0) {
      return `${name}()`;
    }
    let d: PyDict;
    try {
      d = new PyDict();
      for (const t of mostCommon(c, None)) {
        const [k, v] = (t as PyTuple).items;
        d.set(k, v);
      }
    } catch (e) {
      if (!(e instanceof PyObject) || !isInstance(e, typeError("").cls)) {
        throw e;
      }
      d = dictCopy(c);
    }
    return `${name}(${repr(d)})`;
  },
  __eq__: counterCmp(counterEq),
  __ne__: counterCmp((a, b) => !counterEq(a, b)),
  __le__: counterCmp(counterLe),
  __lt__: counterCmp((a, b) => counterLe(a, b) && !counterEq(a, b)),
  __ge__: counterCmp(counterGe),
  __gt__: counterCmp((a, b) => counterGe(a, b) && !counterEq(a, b)),
  __add__: counterBinary(add, (c) => (gt(c, 0) ? c : null)),
  __sub__: counterBinary(sub, (c) => (lt(c, 0) ? sub(0, c) : null)),
  __or__: counterBinary(
    (a, b) => (lt(a, b) ? b : a),
    (c) => (gt(c, 0) ? c : null),
  ),
  __and__: counterBinary(
    (a, b) => (lt(a, b) ? a : b),
    () => null,
  ),
  __pos__: (args) => {
    const result = new PyDict(CounterType);
    for (const [k, v] of asCounter(args[0]).entries()) {
      if (gt(v, 0)) {
        result.set(k, v);
      }
    }
    return result;
  },
  __neg__: (args) => {
    const result = new PyDict(CounterType);
    for (const [k, v] of asCounter(args[0]).entries()) {
      if (lt(v, 0)) {
        result.set(k, sub(0, v));
      }
    }
    return result;
  },
  __iadd__: (args) => {
    const c = asCounter(args[0]);
    if (!isCounter(args[1])) {
      return NotImplemented;
    }
    for (const [k, v] of [...args[1].entries()]) {
      counterSet(c, k, add(counterGet(c, k), v));
    }
    return keepPositive(c);
  },
  __isub__: (args) => {
    const c = asCounter(args[0]);
    if (!isCounter(args[1])) {
      return NotImplemented;
    }
    for (const [k, v] of [...args[1].entries()]) {
      counterSet(c, k, sub(counterGet(c, k), v));
    }
    return keepPositive(c);
  },
  __ior__: (args) => {
    const c = asCounter(args[0]);
    if (!isCounter(args[1])) {
      return NotImplemented;
    }
    for (const [k, v] of [...args[1].entries()]) {
      if (gt(v, counterGet(c, k))) {
        counterSet(c, k, v);
      }
    }
    return keepPositive(c);
  },
  __iand__: (args) => {
    const c = asCounter(args[0]);
    const other = args[1];
    if (!isCounter(other)) {
      return NotImplemented;
    }
    for (const [k, v] of [...c.entries()]) {
      const o = counterGet(other, k);
      if (lt(o, v)) {
        counterSet(c, k, o);
      }
    }
    return keepPositive(c);
  },
});
CounterType.dict!.setStr(
  "fromkeys",
  classNative("fromkeys", () => {
    throw pyErr(NotImplementedErrorType, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
  }),
);

// ---------------------------------------------------------------- OrderedDict

export const OrderedDictType = dictSubclass("OrderedDict");

function asOrderedDict(v: PyValue): PyDict {
  if (!(v instanceof PyDict) || !isInstance(v, OrderedDictType)) {
    throw typeError(`descriptor requires a 'collections.OrderedDict' object but received a '${typeName(v)}'`);
  }
  return v;
}

/** OrderedDict == OrderedDict is order-sensitive; against any other mapping it is dict equality (odict_richcompare). */
function odictEquals(a: PyDict, b: PyValue): PyValue {
  const r = callPy(dictMethod("__eq__"), [a, b]);
  if (r === NotImplemented || !truthy(r) || !(b instanceof PyDict) || !isInstance(b, OrderedDictType)) {
    return r;
  }
  const ka = a.keyList();
  const kb = b.keyList();
  return ka.every((k, i) => eq(k, kb[i]));
}

defMethods(OrderedDictType, {
  __init__: (args, kwargs) => {
    arity("OrderedDict", args.length - 1, 0, 1);
    return callPy(dictMethod("update"), [asOrderedDict(args[0]), ...args.slice(1)], kwargs);
  },
  move_to_end: (args, kwargs) => {
    const d = asOrderedDict(args[0]);
    const [key, last] = kwParams("move_to_end", args.slice(1), kwargs, ["key", "last"]);
    if (key === undefined) {
      throw typeError("OrderedDict.move_to_end() missing required argument 'key' (pos 1)");
    }
    const v = d.get(key);
    if (v === undefined) {
      throw keyError(key);
    }
    if (last === undefined || truthy(last)) {
      d.delete(key);
      d.set(key, v);
    } else {
      const rest = [...d.entries()].filter(([k]) => k !== key && !eq(k, key));
      const storedKey = d.keyList().find((k) => k === key || eq(k, key))!;
      d.clear();
      d.set(storedKey, v);
      for (const [k, x] of rest) {
        d.set(k, x);
      }
    }
    return None;
  },
  popitem: (args, kwargs) => {
    const d = asOrderedDict(args[0]);
    const [last] = kwParams("popitem", args.slice(1), kwargs, ["last"]);
    if (d.size === 0) {
      throw keyError("dictionary is empty");
    }
    const keys = d.keyList();
    const k = last === undefined || truthy(last) ? keys[keys.length - 1] : keys[0];
    const v = d.delete(k)!;
    return new PyTuple([k, v]);
  },
  __repr__: (args) => {
    const d = asOrderedDict(args[0]);
    const name = typeOf(d).name;
    if (!reprEnter(d)) {
      return "...";
    }
    try {
      if (d.size === 0) {
        return `${name}()`;
      }
      return `${name}(${repr(new PyList([...d.entries()].map(([k, v]) => new PyTuple([k, v]))))})`;
    } finally {
      reprLeave(d);
    }
  },
  __eq__: (args) => odictEquals(asOrderedDict(args[0]), args[1]),
  __ne__: (args) => {
    const r = odictEquals(asOrderedDict(args[0]), args[1]);
    return r === NotImplemented ? r : !truthy(r);
  },
  copy: (args) => callPy(typeOf(args[0]), [args[0]]),
  __copy__: (args) => callPy(typeOf(args[0]), [args[0]]),
  __reversed__: (args) => {
    const keys = asOrderedDict(args[0]).keyList().reverse();
    let i = 0;
    return new PyNativeIter("odict_iterator", () => (i < keys.length ? keys[i++] : undefined));
  },
  __reduce__: (args) => {
    const d = asOrderedDict(args[0]);
    return new PyTuple([typeOf(d), EMPTY_TUPLE, d.dict ?? None, None, iter(callMethod(d, "items", []))]);
  },
  __or__: (args) => {
    if (!isInstance(args[1], DictType)) {
      return NotImplemented;
    }
    const out = callPy(typeOf(args[0]), [args[0]]);
    callPy(dictMethod("update"), [out, args[1]]);
    return out;
  },
  __ror__: (args) => {
    if (!isInstance(args[1], DictType)) {
      return NotImplemented;
    }
    const out = callPy(typeOf(args[0]), [args[1]]);
    callPy(dictMethod("update"), [out, args[0]]);
    return out;
  },
});

// ---------------------------------------------------------------- namedtuple

const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** str.isidentifier (PEP 3131's XID_Start XID_Continue*, approximated with Unicode categories). */
export const isIdentifier = (s: string): boolean => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s);
export const isKeyword = (s: string): boolean => KEYWORDS.has(s);

function asTuple(v: PyValue): PyTuple {
  if (!(v instanceof PyTuple)) {
    throw typeError(`descriptor requires a 'tuple' object but received a '${typeName(v)}'`);
  }
  return v;
}

/** A read-only attribute reading item i of a tuple (namedtuple's _tuplegetter, struct sequences' members). */
function tupleGetter(name: string, i: number): PyGetSet {
  return new PyGetSet(
    name,
    (self) => {
      const items = asTuple(self).items;
      if (i >= items.length) {
        throw indexError("tuple index out of range");
      }
      return items[i];
    },
    (_self, v) => {
      throw attributeError(v === undefined ? "can't delete attribute" : "can't set attribute");
    },
  );
}

/** A tuple subclass with named fields: the class namedtuple() returns (Lib/collections/__init__.py). */
export function makeNamedTuple(typename: string, fields: string[], defaults: PyValue[], module: string): PyType {
  const t = new PyType(typename, [TupleType], TypeType);
  t.mro = [t, TupleType, ObjectType];
  t.alloc = TupleType.alloc;
  t.heap = true;
  t.slots = new Set();
  t.module = module;
  const ns = t.dict!;
  const params: PyParam[] = fields.map((name, i) => {
    const d = i - (fields.length - defaults.length);
    return d >= 0 ? { name, def: defaults[d] } : { name };
  });
  const fieldDefaults = new PyDict();
  params.forEach((p) => {
    if (p.def !== undefined) {
      fieldDefaults.setStr(p.name, p.def);
    }
  });
  const fieldsTuple = new PyTuple(fields.slice());
  ns.setStr("__module__", module);
  ns.setStr("__doc__", `${typename}(${fields.join(", ")})`);
  ns.setStr("__slots__", EMPTY_TUPLE);
  ns.setStr("_fields", fieldsTuple);
  ns.setStr("_field_defaults", fieldDefaults);
  ns.setStr("__match_args__", fieldsTuple);
  const newFn = builtin("__new__", (args, kwargs) => {
    const cls = args[0];
    if (!(cls instanceof PyType) || !cls.isSubtypeOf(t)) {
      throw typeError(`tuple.__new__(X): X is not a subtype of tuple`);
    }
    return new PyTuple(pythonArgs(`${typename}.__new__`, args.slice(1), kwargs, params, 1), cls);
  });
  ns.setStr("__new__", new PyStaticMethod(newFn));
  ns.setStr(
    "_make",
    classNative("_make", (args) => {
      const items = toArray(args[1]);
      if (items.length !== fields.length) {
        throw typeError(`Expected ${fields.length} arguments, got ${items.length}`);
      }
      return new PyTuple(items, args[0] as PyType);
    }),
  );
  const method = (name: string, fn: NativeFn): void => {
    ns.setStr(name, new PyBuiltin(name, fn, t));
  };
  method("_replace", (args, kwargs) => {
    noPositional("_replace", args);
    const self = asTuple(args[0]);
    const changes = new Map(kwargs ?? []);
    const values = fields.map((f, i) => {
      const v = changes.get(f);
      changes.delete(f);
      return v ?? self.items[i];
    });
    if (changes.size) {
      throw valueError(`Got unexpected field names: ${repr(new PyList([...changes.keys()]))}`);
    }
    return callPy(getAttr(self, "_make"), [new PyList(values)]);
  });
  method("__repr__", (args) => {
    const self = asTuple(args[0]);
    if (!reprEnter(self)) {
      return "...";
    }
    try {
      return `${typeOf(self).name}(${fields.map((f, i) => `${f}=${repr(self.items[i])}`).join(", ")})`;
    } finally {
      reprLeave(self);
    }
  });
  method("_asdict", (args) => {
    const self = asTuple(args[0]);
    const d = new PyDict();
    fields.forEach((f, i) => d.setStr(f, self.items[i]));
    return d;
  });
  method("__getnewargs__", (args) => new PyTuple(asTuple(args[0]).items.slice()));
  fields.forEach((f, i) => ns.setStr(f, tupleGetter(f, i)));
  return t;
}

function noPositional(name: string, args: PyValue[]): void {
  if (args.length > 1) {
    throw typeError(`${name}() takes 1 positional argument but ${args.length} were given`);
  }
}

/** namedtuple(typename, field_names, *, rename=False, defaults=None, module=None) */
function namedtuple(args: PyValue[], kwargs: KwArgs | null): PyValue {
  const [typenameArg, fieldNamesArg, rename, defaultsArg, moduleArg] = kwParams(
    "namedtuple",
    args,
    kwargs,
    ["typename", "field_names", "rename", "defaults", "module"],
    2,
  );
  if (typenameArg === undefined || fieldNamesArg === undefined) {
    const missing = [typenameArg === undefined ? "typename" : null, fieldNamesArg === undefined ? "field_names" : null]
      .filter((x): x is string => x !== null);
    throw typeError(`namedtuple() missing ${plural(missing.length, "required positional argument")}: ${nameList(missing)}`);
  }
  const typename = str(typenameArg);
  const names =
    typeof fieldNamesArg === "string"
      ? fieldNamesArg.replace(/,/g, " ").split(/\s+/).filter((s) => s.length)
      : toArray(fieldNamesArg).map((v) => str(v));
  const doRename = rename !== undefined && truthy(rename);
  if (doRename) {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (!isIdentifier(name) || isKeyword(name) || name.startsWith("_") || seen.has(name)) {
        names[i] = `_${i}`;
      }
      seen.add(name);
    });
  }
  for (const name of [typename, ...names]) {
    if (!isIdentifier(name)) {
      throw valueError(`Type names and field names must be valid identifiers: ${repr(name)}`);
    }
    if (isKeyword(name)) {
      throw valueError(`Type names and field names cannot be a keyword: ${repr(name)}`);
    }
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (name.startsWith("_") && !doRename) {
      throw valueError(`Field names cannot start with an underscore: ${repr(name)}`);
    }
    if (seen.has(name)) {
      throw valueError(`Encountered duplicate field name: ${repr(name)}`);
    }
    seen.add(name);
  }
  const defaults = defaultsArg === undefined || defaultsArg === None ? [] : toArray(defaultsArg);
  if (defaults.length > names.length) {
    throw typeError("Got more default values than field names");
  }
  const module = moduleArg === undefined || moduleArg === None ? callerModule() : str(moduleArg);
  return makeNamedTuple(typename, names, defaults, module);
}

// ---------------------------------------------------------------- struct sequences

/** A struct sequence instance: a tuple plus its attribute-only fields (tm_zone, tm_gmtoff). */
class PyStructSeq extends PyTuple {
  extra: PyValue[] = [];
}

/**
 * A struct sequence type (CPython's Objects/structseq.c: sys.version_info, time.struct_time,
 * os.stat_result): a tuple subclass whose first `nSeq` fields are the tuple's items and the
 * rest are attributes only. `fullName` is the repr's prefix (`time.struct_time`).
 */
export function structSequence(fullName: string, fields: string[], nSeq: number = fields.length): PyType {
  const dot = fullName.lastIndexOf(".");
  const t = nativeType(fullName.slice(dot + 1), TupleType, (cls) => new PyStructSeq([], cls));
  t.module = dot < 0 ? "builtins" : fullName.slice(0, dot);
  const seqFields = fields.slice(0, nSeq);
  seqFields.forEach((f, i) => t.dict!.setStr(f, tupleGetter(f, i)));
  fields.slice(nSeq).forEach((f, i) =>
    defGetSet(t, f, (self) => (self instanceof PyStructSeq ? (self.extra[i] ?? None) : None)),
  );
  t.dict!.setStr("n_sequence_fields", nSeq);
  t.dict!.setStr("n_fields", fields.length);
  t.dict!.setStr("n_unnamed_fields", 0);
  t.dict!.setStr("__match_args__", new PyTuple(seqFields));
  t.dict!.setStr(
    "__new__",
    staticNative("__new__", (args, kwargs) => {
      noKwargs(fullName, kwargs);
      arity(fullName, args.length - 1, 1);
      const items = toArray(args[1]);
      if (items.length < nSeq) {
        throw typeError(`${fullName}() takes an at least ${nSeq}-sequence (${items.length}-sequence given)`);
      }
      if (items.length > fields.length) {
        throw typeError(`${fullName}() takes an at most ${fields.length}-sequence (${items.length}-sequence given)`);
      }
      return structSeqValue(args[0] as PyType, items);
    }),
  );
  defMethod(t, "__repr__", (args) => {
    const self = asTuple(args[0]);
    return `${fullName}(${seqFields.map((f, i) => `${f}=${repr(self.items[i])}`).join(", ")})`;
  });
  defMethod(t, "__reduce__", (args) => new PyTuple([t, new PyTuple([new PyTuple(asTuple(args[0]).items.slice())])]));
  return t;
}

/** An instance of a struct sequence type from all its field values (missing attribute-only fields are None). */
export function structSeqValue(cls: PyType, values: PyValue[]): PyTuple {
  const nSeq = cls.dict!.getStr("n_sequence_fields") as number;
  const t = new PyStructSeq(values.slice(0, nSeq), cls);
  t.extra = values.slice(nSeq);
  return t;
}

// ---------------------------------------------------------------- ChainMap

/** ChainMap(*maps): a view of several mappings, looked up in order; writes go to the first. */
export const ChainMapType = nativeType("ChainMap", ObjectType, (cls) => {
  const o = new PyObject(cls);
  o.dict = new PyDict();
  return o;
});
ChainMapType.module = "collections";
ChainMapType.instanceDict = true;

const chainMaps = (self: PyValue): PyValue[] => {
  const maps = getAttr(self, "maps");
  if (!(maps instanceof PyList)) {
    throw typeError("ChainMap.maps must be a list");
  }
  return maps.items;
};

/** The keys of a ChainMap in CPython's order: a dict filled from the last map to the first. */
function chainKeys(self: PyValue): PyValue[] {
  const d = new PyDict();
  for (const m of chainMaps(self).slice().reverse()) {
    for (const k of toArray(m)) {
      d.set(k, None);
    }
  }
  return d.keyList();
}

function chainLookup(self: PyValue, key: PyValue): PyValue | undefined {
  for (const m of chainMaps(self)) {
    if (contains(m, key)) {
      return getItem(m, key);
    }
  }
  return undefined;
}

defMethods(ChainMapType, {
  __init__: (args, kwargs) => {
    noKwargs("ChainMap", kwargs);
    const maps = args.length > 1 ? args.slice(1) : [new PyDict()];
    args[0] instanceof PyObject && args[0].dict!.setStr("maps", new PyList(maps));
    return None;
  },
  __getitem__: (args) => {
    const v = chainLookup(args[0], args[1]);
    if (v !== undefined) {
      return v;
    }
    return callMethod(args[0], "__missing__", [args[1]]);
  },
  __missing__: (args) => {
    throw keyError(args[1]);
  },
  get: (args) => {
    arity("get", args.length - 1, 1, 2);
    return chainLookup(args[0], args[1]) ?? args[2] ?? None;
  },
  __setitem__: (args) => {
    setItem(chainMaps(args[0])[0], args[1], args[2]);
    return None;
  },
  __delitem__: (args) => {
    const first = chainMaps(args[0])[0];
    if (!contains(first, args[1])) {
      throw keyError(`Key not found in the first mapping: ${repr(args[1])}`);
    }
    callMethod(first, "__delitem__", [args[1]]);
    return None;
  },
  __len__: (args) => chainKeys(args[0]).length,
  __iter__: (args) => iter(new PyList(chainKeys(args[0]))),
  __contains__: (args) => chainMaps(args[0]).some((m) => contains(m, args[1])),
  __bool__: (args) => chainMaps(args[0]).some((m) => truthy(m)),
  keys: (args) => new PyList(chainKeys(args[0])),
  values: (args) => new PyList(chainKeys(args[0]).map((k) => chainLookup(args[0], k)!)),
  items: (args) => new PyList(chainKeys(args[0]).map((k) => new PyTuple([k, chainLookup(args[0], k)!]))),
  __repr__: (args) => {
    const self = args[0] as PyObject;
    if (!reprEnter(self)) {
      return "...";
    }
    try {
      return `${typeOf(self).name}(${chainMaps(self).map((m) => repr(m)).join(", ")})`;
    } finally {
      reprLeave(self);
    }
  },
  new_child: (args, kwargs) => {
    const [m] = kwParams("new_child", args.slice(1), null, ["m"]);
    let child: PyValue = m === undefined || m === None ? new PyDict() : m;
    if (kwargs && kwargs.size) {
      child = child instanceof PyDict ? child : callPy(DictType, [child]);
      for (const [k, v] of kwargs) {
        setItem(child, k, v);
      }
    }
    return callPy(typeOf(args[0]), [child, ...chainMaps(args[0])]);
  },
  copy: (args) => {
    const [first, ...rest] = chainMaps(args[0]);
    return callPy(typeOf(args[0]), [callMethod(first, "copy", []), ...rest]);
  },
  pop: (args) => {
    arity("pop", args.length - 1, 1, 2);
    const first = chainMaps(args[0])[0];
    if (contains(first, args[1])) {
      return callMethod(first, "pop", [args[1]]);
    }
    if (args.length > 2) {
      return args[2];
    }
    throw keyError(`Key not found in the first mapping: ${repr(args[1])}`);
  },
  __eq__: (args) => {
    const other = args[1];
    const mine = new PyDict();
    for (const k of chainKeys(args[0])) {
      mine.set(k, chainLookup(args[0], k)!);
    }
    return richCompare(mine, isInstance(other, ChainMapType) ? callPy(DictType, [other]) : other, "eq");
  },
});
defGetSet(ChainMapType, "parents", (self) => callPy(typeOf(self), chainMaps(self).slice(1)));
ChainMapType.dict!.setStr("__hash__", None);

// ---------------------------------------------------------------- the module

registerModule("collections", (m) => {
  const d = m.dict!;
  d.setStr("deque", DequeType);
  d.setStr("defaultdict", DefaultDictType);
  d.setStr("Counter", CounterType);
  d.setStr("OrderedDict", OrderedDictType);
  d.setStr("ChainMap", ChainMapType);
  d.setStr("namedtuple", builtin("namedtuple", namedtuple));
  d.setStr(
    "__all__",
    new PyList(["ChainMap", "Counter", "OrderedDict", "defaultdict", "deque", "namedtuple"]),
  );
});

