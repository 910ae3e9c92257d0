/**
 * `dict` and its views (CPython 3.11's Objects/dictobject.c) over the insertion-ordered PyDict
 * of objects.ts: construction and update from mappings, pairs and keywords, `__missing__`
 * for subclasses, the `|` operators, iteration that detects resizing, and the keys/values/items
 * views with their set operations (whose results are sets built as CPython builds them).
 */
import { allocInstance } from "../call";
import { defMethods } from "../define";
import { keyError, runtimeError, typeError, TypeErrorType, valueError } from "../errors";
import { PyNativeIter } from "../iterators";
import {
  DictType,
  None,
  NotImplemented,
  ObjectType,
  PyBaseException,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyList,
  PyObject,
  PyTuple,
  PyType,
  TupleType,
  ListType,
  isInstance,
  nativeType,
  newTuple,
  type KwArgs,
  type PyValue,
} from "../objects";
import {
  callMethod,
  callPy,
  contains,
  eq,
  forEach,
  getAttrOpt,
  getItem,
  iter,
  len,
  next,
  repr,
  reprEnter,
  reprLeave,
  setItem,
  toArray,
  typeName,
  type CompareKind,
} from "../protocol";
import {
  PySet,
  SetType,
  newSet,
  setAddKey,
  setDifferenceUpdate,
  setIntersection,
  setSymmetricDifferenceUpdate,
  setUpdateInternal,
} from "./set";
import { noArgs, oneArg, posOnly } from "./str";
import { wrapperArity } from "./tuple";

function dictSelf(v: PyValue | undefined, name: string): PyDict {
  if (v instanceof PyDict) {
    return v;
  }
  if (v === undefined) {
    throw typeError(`unbound method dict.${name}() needs an argument`);
  }
  throw typeError(`descriptor '${name}' for 'dict' objects doesn't apply to a '${typeName(v)}' object`);
}

// ---------------------------------------------------------------- building and updating

/** Copies every entry of `b` into `a` (the slots directly: no per-entry allocation). */
function mergeEntries(a: PyDict, b: PyDict): void {
  for (let i = 0; i < b.slotCount; i++) {
    const k = b.slotKey(i);
    if (k !== undefined) {
      a.set(k, b.values[i]);
    }
  }
}

let dictIterFn: PyValue | undefined;

/**
 * PyDict_Merge(a, b): a dict whose iteration is dict's own is copied entry by entry (its
 * __getitem__ is not consulted, as in CPython); any other mapping gives its keys() (listed
 * first), then each value by subscription.
 */
export function dictMerge(a: PyDict, b: PyValue): void {
  dictIterFn ??= DictType.dict!.getStr("__iter__");
  if (b instanceof PyDict && (b.cls === DictType || b.cls.lookup("__iter__") === dictIterFn)) {
    mergeEntries(a, b);
    return;
  }
  const out = callMethod(b, "keys", []);
  let keys: PyValue[];
  if (out instanceof PyList && out.cls === ListType) {
    keys = out.items.slice();
  } else {
    let it: PyValue;
    try {
      it = iter(out);
    } catch (e) {
      if (e instanceof PyBaseException && isInstance(e, TypeErrorType)) {
        throw typeError(`${typeName(b)}.keys() returned a non-iterable (type ${typeName(out)})`);
      }
      throw e;
    }
    keys = toArray(it);
  }
  for (const k of keys) {
    a.set(k, getItem(b, k));
  }
}

/** PyDict_MergeFromSeq2: an iterable of key/value pairs. */
function mergeFromPairs(d: PyDict, seq: PyValue): void {
  const it = iter(seq);
  for (let i = 0; ; i++) {
    const item = next(it);
    if (item === undefined) {
      return;
    }
    let pair: PyValue[];
    if ((item instanceof PyList && item.cls === ListType) || (item instanceof PyTuple && item.cls === TupleType)) {
      pair = item.items;
    } else {
      try {
        pair = toArray(item);
      } catch (e) {
        if (e instanceof PyBaseException && isInstance(e, TypeErrorType)) {
          throw typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
        }
        throw e;
      }
    }
    if (pair.length !== 2) {
      throw valueError(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    }
    d.set(pair[0], pair[1]);
  }
}

/** dict_update_arg: an exact dict, anything with a `keys` attribute (a mapping), or pairs. */
export function dictUpdateArg(d: PyDict, arg: PyValue): void {
  if (arg instanceof PyDict && arg.cls === DictType) {
    mergeEntries(d, arg);
    return;
  }
  if (getAttrOpt(arg, "keys") !== undefined) {
    dictMerge(d, arg);
    return;
  }
  mergeFromPairs(d, arg);
}

/** dict_update_common: `dict(arg, **kw)` and `d.update(arg, **kw)`. */
function updateCommon(d: PyDict, args: PyValue[], kwargs: KwArgs | null, name: string): void {
  if (args.length > 2) {
    throw typeError(`${name} expected at most 1 argument, got ${args.length - 1}`);
  }
  if (args.length === 2) {
    dictUpdateArg(d, args[1]);
  }
  if (kwargs !== null) {
    for (const [k, v] of kwargs) {
      d.set(k, v);
    }
  }
}

/** PyDict_Copy: always an exact dict. */
export function dictCopy(d: PyDict): PyDict {
  const out = new PyDict();
  mergeEntries(out, d);
  return out;
}

// ---------------------------------------------------------------- iteration

const enum Kind {
  Keys,
  Values,
  Items,
}

const ITER_NAMES = ["dict_keyiterator", "dict_valueiterator", "dict_itemiterator"];
const REVERSE_ITER_NAMES = ["dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"];

function entryAt(d: PyDict, i: number, kind: Kind): PyValue {
  const k = d.slotKey(i)!;
  return kind === Kind.Keys ? k : kind === Kind.Values ? d.values[i] : newTuple([k, d.values[i]]);
}

/** dictiter_iternext*: a size change raises (and keeps raising); a key found past the expected count raises once. */
function dictIterator(d: PyDict, kind: Kind): PyNativeIter {
  let used = d.size;
  let remaining = d.size;
  let pos = 0;
  return new PyNativeIter(ITER_NAMES[kind], () => {
    if (pos < 0) {
      return undefined;
    }
    if (used !== d.size) {
      used = -1;
      throw runtimeError("dictionary changed size during iteration");
    }
    const n = d.slotCount;
    let i = pos;
    while (i < n && d.slotKey(i) === undefined) {
      i++;
    }
    if (i >= n) {
      pos = -1;
      return undefined;
    }
    if (remaining === 0) {
      pos = -1;
      throw runtimeError("dictionary keys changed during iteration");
    }
    pos = i + 1;
    remaining--;
    return entryAt(d, i, kind);
  });
}

function dictReverseIterator(d: PyDict, kind: Kind): PyNativeIter {
  let used = d.size;
  let pos = d.slotCount - 1;
  return new PyNativeIter(REVERSE_ITER_NAMES[kind], () => {
    if (pos < 0) {
      return undefined;
    }
    if (used !== d.size) {
      used = -1;
      throw runtimeError("dictionary changed size during iteration");
    }
    let i = Math.min(pos, d.slotCount - 1);
    while (i >= 0 && d.slotKey(i) === undefined) {
      i--;
    }
    pos = i - 1;
    return i < 0 ? undefined : entryAt(d, i, kind);
  });
}

// ---------------------------------------------------------------- dict

function dictRepr(d: PyDict): string {
  if (!reprEnter(d)) {
    return "{...}";
  }
  try {
    if (d.size === 0) {
      return "{}";
    }
    let out = "{";
    let first = true;
    for (let i = 0; i < d.slotCount; i++) {
      const k = d.slotKey(i);
      if (k === undefined) {
        continue;
      }
      const v = d.values[i];
      if (!first) {
        out += ", ";
      }
      first = false;
      out += repr(k) + ": " + repr(v);
    }
    return out + "}";
  } finally {
    reprLeave(d);
  }
}

/** dict_equal: same size, and every key of `a` maps to an equal value in `b`. */
function dictEqual(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) {
    return false;
  }
  for (let i = 0; i < a.slotCount; i++) {
    const k = a.slotKey(i);
    if (k === undefined) {
      continue;
    }
    const av = a.values[i];
    const bv = b.get(k);
    if (bv === undefined || !eq(av, bv)) {
      return false;
    }
  }
  return true;
}

function dictCompare(args: PyValue[], op: CompareKind): PyValue {
  wrapperArity(args, 1);
  const a = dictSelf(args[0], `__${op}__`);
  const b = args[1];
  if (!(b instanceof PyDict)) {
    return NotImplemented;
  }
  return dictEqual(a, b) === (op === "eq");
}

/** dict_or: `a | b` as a copy of `a` (an exact dict) updated from `b`. */
function dictOr(a: PyValue, b: PyValue): PyValue {
  if (!(a instanceof PyDict) || !(b instanceof PyDict)) {
    return NotImplemented;
  }
  const out = dictCopy(a);
  dictUpdateArg(out, b);
  return out;
}

function dictNew(args: PyValue[]): PyValue {
  const cls = args[0];
  if (!(cls instanceof PyType)) {
    throw typeError(`dict.__new__(X): X is not a type object (${cls === undefined ? "NoneType" : typeName(cls)})`);
  }
  if (!cls.isSubtypeOf(DictType)) {
    throw typeError(`dict.__new__(${cls.name}): ${cls.name} is not a subtype of dict`);
  }
  return allocInstance(cls);
}

defMethods(DictType, {
  __new__: dictNew,
  __init__: (args, kwargs) => {
    updateCommon(dictSelf(args[0], "__init__"), args, kwargs, "dict");
    return None;
  },
  __len__: (args) => {
    wrapperArity(args, 0);
    return dictSelf(args[0], "__len__").size;
  },
  __getitem__: (args, kwargs) => {
    const d = dictSelf(args[0], "__getitem__");
    oneArg("dict", "__getitem__", args.length - 1, kwargs);
    const v = d.get(args[1]);
    if (v !== undefined) {
      return v;
    }
    if (d.cls !== DictType) {
      const missing = d.cls.lookup("__missing__");
      if (missing !== undefined && missing !== None) {
        return callPy(missing, [d, args[1]]);
      }
    }
    throw keyError(args[1]);
  },
  __setitem__: (args) => {
    wrapperArity(args, 2);
    dictSelf(args[0], "__setitem__").set(args[1], args[2]);
    return None;
  },
  __delitem__: (args) => {
    wrapperArity(args, 1);
    if (dictSelf(args[0], "__delitem__").delete(args[1]) === undefined) {
      throw keyError(args[1]);
    }
    return None;
  },
  __contains__: (args, kwargs) => {
    const d = dictSelf(args[0], "__contains__");
    oneArg("dict", "__contains__", args.length - 1, kwargs);
    return d.has(args[1]);
  },
  __iter__: (args) => {
    wrapperArity(args, 0);
    return dictIterator(dictSelf(args[0], "__iter__"), Kind.Keys);
  },
  __reversed__: (args, kwargs) => {
    const d = dictSelf(args[0], "__reversed__");
    noArgs("dict", "__reversed__", args.length - 1, kwargs);
    return dictReverseIterator(d, Kind.Keys);
  },
  __eq__: (args) => dictCompare(args, "eq"),
  __ne__: (args) => dictCompare(args, "ne"),
  __repr__: (args) => {
    wrapperArity(args, 0);
    return dictRepr(dictSelf(args[0], "__repr__"));
  },
  __or__: (args) => {
    wrapperArity(args, 1);
    return dictOr(args[0], args[1]);
  },
  __ror__: (args) => {
    wrapperArity(args, 1);
    return dictOr(args[1], args[0]);
  },
  __ior__: (args) => {
    wrapperArity(args, 1);
    const d = dictSelf(args[0], "__ior__");
    dictUpdateArg(d, args[1]);
    return d;
  },
  get: (args, kwargs) => {
    const d = dictSelf(args[0], "get");
    posOnly("dict", "get", args.length - 1, kwargs, 1, 2);
    const v = d.get(args[1]);
    return v !== undefined ? v : args.length > 2 ? args[2] : None;
  },
  setdefault: (args, kwargs) => {
    const d = dictSelf(args[0], "setdefault");
    posOnly("dict", "setdefault", args.length - 1, kwargs, 1, 2);
    const v = d.get(args[1]);
    if (v !== undefined) {
      return v;
    }
    const dflt = args.length > 2 ? args[2] : None;
    d.set(args[1], dflt);
    return dflt;
  },
  pop: (args, kwargs) => {
    const d = dictSelf(args[0], "pop");
    posOnly("dict", "pop", args.length - 1, kwargs, 1, 2);
    // _PyDict_Pop: an empty dict answers without hashing the key.
    const v = d.size === 0 ? undefined : d.delete(args[1]);
    if (v !== undefined) {
      return v;
    }
    if (args.length > 2) {
      return args[2];
    }
    throw keyError(args[1]);
  },
  popitem: (args, kwargs) => {
    const d = dictSelf(args[0], "popitem");
    noArgs("dict", "popitem", args.length - 1, kwargs);
    if (d.size === 0) {
      throw keyError("popitem(): dictionary is empty");
    }
    let i = d.slotCount - 1;
    while (d.slotKey(i) === undefined) {
      i--;
    }
    const k = d.slotKey(i)!;
    const v = d.values[i];
    const before = d.slotCount;
    d.delete(k);
    if (d.slotCount === before) {
      // Drop the dead tail so that draining a dict with popitem() stays linear (every slot from i on is deleted).
      d.keys.length = i;
      d.values.length = i;
    }
    return newTuple([k, v]);
  },
  keys: (args, kwargs) => {
    const d = dictSelf(args[0], "keys");
    noArgs("dict", "keys", args.length - 1, kwargs);
    return new PyDictView(DictKeysType, d);
  },
  values: (args, kwargs) => {
    const d = dictSelf(args[0], "values");
    noArgs("dict", "values", args.length - 1, kwargs);
    return new PyDictView(DictValuesType, d);
  },
  items: (args, kwargs) => {
    const d = dictSelf(args[0], "items");
    noArgs("dict", "items", args.length - 1, kwargs);
    return new PyDictView(DictItemsType, d);
  },
  update: (args, kwargs) => {
    updateCommon(dictSelf(args[0], "update"), args, kwargs, "update");
    return None;
  },
  copy: (args, kwargs) => {
    const d = dictSelf(args[0], "copy");
    noArgs("dict", "copy", args.length - 1, kwargs);
    return dictCopy(d);
  },
  clear: (args, kwargs) => {
    const d = dictSelf(args[0], "clear");
    noArgs("dict", "clear", args.length - 1, kwargs);
    d.clear();
    return None;
  },
});
DictType.dict!.setStr("__hash__", None);

/** dict.fromkeys(iterable, value=None): `cls()` filled by item assignment (directly for an exact dict). */
DictType.dict!.setStr(
  "fromkeys",
  new PyClassMethod(
    new PyBuiltin(
      "fromkeys",
      (args, kwargs) => {
        posOnly("dict", "fromkeys", args.length - 1, kwargs, 1, 2);
        const value = args.length > 2 ? args[2] : None;
        const d = callPy(args[0], []);
        if (d instanceof PyDict && d.cls === DictType) {
          forEach(args[1], (k) => {
            d.set(k, value);
          });
        } else {
          forEach(args[1], (k) => {
            setItem(d, k, value);
          });
        }
        return d;
      },
      DictType,
    ),
  ),
);

// ---------------------------------------------------------------- views

/** A live view of a dict's keys, values or items (the kind is the view's type). */
export class PyDictView extends PyObject {
  constructor(
    cls: PyType,
    readonly mapping: PyDict,
  ) {
    super(cls);
  }
}

export const DictKeysType = nativeType("dict_keys", ObjectType);
export const DictValuesType = nativeType("dict_values", ObjectType);
export const DictItemsType = nativeType("dict_items", ObjectType);

const KIND_OF = new Map<PyType, Kind>([
  [DictKeysType, Kind.Keys],
  [DictValuesType, Kind.Values],
  [DictItemsType, Kind.Items],
]);

function viewSelf(v: PyValue | undefined, type: PyType, name: string): PyDictView {
  if (v instanceof PyDictView && v.cls === type) {
    return v;
  }
  throw typeError(`descriptor '${name}' for '${type.name}' objects doesn't apply to a '${v === undefined ? "NoneType" : typeName(v)}' object`);
}

/** PyDictViewSet_Check: keys and items views behave as sets. */
const isSetView = (v: PyValue): v is PyDictView =>
  v instanceof PyDictView && (v.cls === DictKeysType || v.cls === DictItemsType);

/** dictitems_contains: (key, value) whose key maps to an equal value. */
function itemsContain(d: PyDict, x: PyValue): boolean {
  if (!(x instanceof PyTuple) || x.items.length !== 2) {
    return false;
  }
  const v = d.get(x.items[0]);
  return v !== undefined && eq(v, x.items[1]);
}

function viewContains(view: PyDictView, x: PyValue): boolean {
  return view.cls === DictKeysType ? view.mapping.has(x) : itemsContain(view.mapping, x);
}

/** dictviews_to_set: the left operand of a view's set operation as a new set. */
function viewToSet(v: PyValue): PySet {
  if (v instanceof PyDictView && v.cls === DictKeysType && v.mapping.cls === DictType) {
    return newSet(v.mapping);
  }
  return newSet(v);
}

/** _PyDictView_Intersect: iterates the smaller operand, testing membership in the view. */
function viewIntersect(a: PyValue, b: PyValue): PyValue {
  let self = a;
  let other = b;
  if (!isSetView(self)) {
    self = b;
    other = a;
  }
  const view = self as PyDictView;
  const lenSelf = view.mapping.size;
  if (other instanceof PySet && other.cls === SetType && lenSelf <= other.used) {
    return setIntersection(other, view);
  }
  let probe = view;
  if (isSetView(other) && other.mapping.size > lenSelf) {
    probe = other;
    other = view;
  }
  const result = newSet();
  forEach(other, (x) => {
    if (viewContains(probe, x)) {
      setAddKey(result, x);
    }
  });
  return result;
}

/** dictitems_xor: the (key, value) pairs in exactly one of two items views. */
function itemsXor(a: PyDictView, b: PyDictView): PyValue {
  const temp = dictCopy(a.mapping);
  const result = newSet();
  const d2 = b.mapping;
  for (let i = 0; i < d2.slotCount; i++) {
    const k = d2.slotKey(i);
    if (k === undefined) {
      continue;
    }
    const v2 = d2.values[i];
    const v1 = temp.get(k);
    if (v1 !== undefined && eq(v1, v2)) {
      temp.delete(k);
    } else {
      setAddKey(result, newTuple([k, v2]));
    }
  }
  setUpdateInternal(result, new PyDictView(DictItemsType, temp));
  return result;
}

function viewXor(a: PyValue, b: PyValue): PyValue {
  if (a instanceof PyDictView && a.cls === DictItemsType && b instanceof PyDictView && b.cls === DictItemsType) {
    return itemsXor(a, b);
  }
  const result = viewToSet(a);
  setSymmetricDifferenceUpdate(result, b);
  return result;
}

function allContainedIn(self: PyValue, other: PyValue): boolean {
  let ok = true;
  forEach(self, (x) => {
    if (!contains(other, x)) {
      ok = false;
      return true;
    }
    return false;
  });
  return ok;
}

/** dictview_richcompare: set comparisons against sets and other set-like views. */
function viewCompare(args: PyValue[], op: CompareKind): PyValue {
  wrapperArity(args, 1);
  const self = args[0];
  const other = args[1];
  if (!(other instanceof PySet) && !isSetView(other)) {
    return NotImplemented;
  }
  const ls = len(self);
  const lo = len(other);
  switch (op) {
    case "eq":
      return ls === lo && allContainedIn(self, other);
    case "ne":
      return !(ls === lo && allContainedIn(self, other));
    case "lt":
      return ls < lo && allContainedIn(self, other);
    case "le":
      return ls <= lo && allContainedIn(self, other);
    case "gt":
      return ls > lo && allContainedIn(other, self);
    case "ge":
      return ls >= lo && allContainedIn(other, self);
  }
}

function viewRepr(view: PyDictView): string {
  if (!reprEnter(view)) {
    return "...";
  }
  try {
    return `${view.cls.name}(${repr(new PyList(toArray(view)))})`;
  } finally {
    reprLeave(view);
  }
}

for (const type of [DictKeysType, DictValuesType, DictItemsType]) {
  const kind = KIND_OF.get(type)!;
  defMethods(type, {
    __len__: (args) => viewSelf(args[0], type, "__len__").mapping.size,
    __iter__: (args) => dictIterator(viewSelf(args[0], type, "__iter__").mapping, kind),
    __reversed__: (args) => dictReverseIterator(viewSelf(args[0], type, "__reversed__").mapping, kind),
    __repr__: (args) => viewRepr(viewSelf(args[0], type, "__repr__")),
  });
}

for (const type of [DictKeysType, DictItemsType]) {
  defMethods(type, {
    __contains__: (args) => {
      wrapperArity(args, 1);
      return viewContains(viewSelf(args[0], type, "__contains__"), args[1]);
    },
    __eq__: (args) => viewCompare(args, "eq"),
    __ne__: (args) => viewCompare(args, "ne"),
    __lt__: (args) => viewCompare(args, "lt"),
    __le__: (args) => viewCompare(args, "le"),
    __gt__: (args) => viewCompare(args, "gt"),
    __ge__: (args) => viewCompare(args, "ge"),
    // The number slots take either operand order: `__rsub__(view, x)` is x - view.
    __sub__: (args) => {
      const r = viewToSet(args[0]);
      setDifferenceUpdate(r, args[1]);
      return r;
    },
    __rsub__: (args) => {
      const r = viewToSet(args[1]);
      setDifferenceUpdate(r, args[0]);
      return r;
    },
    __or__: (args) => {
      const r = viewToSet(args[0]);
      setUpdateInternal(r, args[1]);
      return r;
    },
    __ror__: (args) => {
      const r = viewToSet(args[1]);
      setUpdateInternal(r, args[0]);
      return r;
    },
    __and__: (args) => viewIntersect(args[0], args[1]),
    __rand__: (args) => viewIntersect(args[1], args[0]),
    __xor__: (args) => viewXor(args[0], args[1]),
    __rxor__: (args) => viewXor(args[1], args[0]),
    isdisjoint: (args, kwargs) => {
      const view = viewSelf(args[0], type, "isdisjoint");
      oneArg(type.name, "isdisjoint", args.length - 1, kwargs);
      let self: PyValue = view;
      let other = args[1];
      if (self === other) {
        return view.mapping.size === 0;
      }
      if (other instanceof PySet || isSetView(other)) {
        if (len(other) > view.mapping.size) {
          self = other;
          other = view;
        }
      }
      let disjoint = true;
      forEach(other, (x) => {
        if (contains(self, x)) {
          disjoint = false;
          return true;
        }
        return false;
      });
      return disjoint;
    },
  });
  type.dict!.setStr("__hash__", None);
}
