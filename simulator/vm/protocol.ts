/**
 * The abstract object protocol (CPython's Objects/abstract.c and object.c): attribute access,
 * calls, truth, repr/str, hashing, equality and ordering, iteration, items and length. Every
 * builtin and module goes through these functions, so each Python rule lives in one place.
 *
 * Builtin types expose their behaviour as native dunder methods in their type dicts (so that
 * `list.__getitem__(x, 0)` and `super().__init__()` work); the functions here take exact-type
 * fast paths first and fall back to looking the dunder up on the type.
 */
import {
  attributeError,
  indexError,
  keyError,
  overflowError,
  StopIterationType,
  typeError,
  valueError,
} from "./errors";
import { callValue, runPending, resumeGeneratorSync } from "./call";
import {
  BoolType,
  bumpTypeEpoch,
  FloatType,
  IntType,
  isInstance,
  keyOps,
  NEEDS_HASH,
  None,
  NotImplemented,
  PyBaseException,
  PyBoxed,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyFloat,
  PyFunction,
  PyGetSet,
  PyList,
  PyMethod,
  PyModule,
  PyObject,
  PyProperty,
  PyStaticMethod,
  PySuper,
  PyTuple,
  PyType,
  StrType,
  typeOf,
  type KwArgs,
  type PyValue,
} from "./objects";
import { PyGenerator, PyNativeIter } from "./iterators";
import { floatRepr, hashFloat, hashInt, intEq, intRepr, numCompare } from "./numbers";
import { strRepr } from "./types/str";
import { ENTER } from "./sentinels";

// ---------------------------------------------------------------- calls

/** Calls any Python callable from TypeScript and returns its result (runs Python frames to completion). */
export function callPy(f: PyValue, args: PyValue[], kwargs: KwArgs | null = null): PyValue {
  const r = callValue(f, args, kwargs);
  return r === ENTER ? runPending() : r;
}

/** Looks a special method up on the type (not the instance, as CPython does) and calls it; undefined if the type lacks it. */
export function callDunder(o: PyValue, name: string, args: PyValue[]): PyValue | undefined {
  const m = typeOf(o).lookup(name);
  if (m === undefined || m === None) {
    return undefined;
  }
  return callPy(m, [o, ...args]);
}

export const typeName = (v: PyValue): string => typeOf(v).name;

// ---------------------------------------------------------------- attributes

const isDataDescriptor = (d: PyValue): boolean =>
  d instanceof PyProperty ||
  d instanceof PyGetSet ||
  (d instanceof PyObject && d.cls.heap && (d.cls.lookup("__set__") !== undefined || d.cls.lookup("__delete__") !== undefined));

/** "property 'x' of 'T' object has no setter" (CPython 3.11's property_descr_set). */
export function propertyMissing(p: PyProperty, obj: PyValue, what: string): PyBaseException {
  const fname = p.fget instanceof PyFunction ? p.fget.name : p.fset instanceof PyFunction ? p.fset.name : null;
  const who = `'${typeName(obj)}' object`;
  return attributeError(fname === null ? `property of ${who} has no ${what}` : `property '${fname}' of ${who} has no ${what}`);
}

/** Applies a descriptor found on the type of `obj` (functions bind, properties compute, ...). */
function bindDescriptor(d: PyValue, obj: PyValue, type: PyType): PyValue {
  if (d instanceof PyFunction) {
    return new PyMethod(d, obj);
  }
  if (d instanceof PyBuiltin) {
    return d.owner !== null && d.self === undefined ? new PyBuiltin(d.name, d.fn, d.owner, obj) : d;
  }
  if (d instanceof PyProperty) {
    if (d.fget === None) {
      throw propertyMissing(d, obj, "getter");
    }
    return callPy(d.fget, [obj]);
  }
  if (d instanceof PyGetSet) {
    return d.get(obj);
  }
  if (d instanceof PyClassMethod) {
    return new PyMethod(d.func, type);
  }
  if (d instanceof PyStaticMethod) {
    return d.func;
  }
  if (d instanceof PyObject && d.cls.heap) {
    const get = d.cls.lookup("__get__");
    if (get !== undefined) {
      return callPy(get, [d, obj, type]);
    }
  }
  return d;
}

/** Attribute lookup on a class object (`C.x`): the class's MRO first, then its metatype. */
function typeGetAttr(t: PyType, name: string): PyValue | undefined {
  const meta = t.cls;
  const metaAttr = meta.lookup(name);
  if (metaAttr !== undefined && isDataDescriptor(metaAttr)) {
    return bindDescriptor(metaAttr, t, meta);
  }
  const own = t.lookup(name);
  if (own !== undefined) {
    if (own instanceof PyClassMethod) {
      return new PyMethod(own.func, t);
    }
    if (own instanceof PyStaticMethod) {
      return own.func;
    }
    if (own instanceof PyObject && own.cls.heap && !(own instanceof PyType)) {
      const get = own.cls.lookup("__get__");
      if (get !== undefined) {
        return callPy(get, [own, None, t]);
      }
    }
    return own;
  }
  if (metaAttr !== undefined) {
    return bindDescriptor(metaAttr, t, meta);
  }
  return undefined;
}

/** Generic attribute lookup (object.__getattribute__), without __getattr__; undefined when missing. */
export function genericGetAttr(obj: PyValue, name: string): PyValue | undefined {
  if (obj instanceof PyType) {
    return typeGetAttr(obj, name);
  }
  const type = typeOf(obj);
  const d = type.lookup(name);
  if (d !== undefined && isDataDescriptor(d)) {
    return bindDescriptor(d, obj, type);
  }
  if (obj instanceof PyObject && obj.dict !== null) {
    const v = obj.dict.getStr(name);
    if (v !== undefined) {
      return v;
    }
  }
  if (d !== undefined) {
    return bindDescriptor(d, obj, type);
  }
  return undefined;
}

/** `getattr(obj, name)` without a default: undefined when the attribute does not exist (AttributeError swallowed). */
export function getAttrOpt(obj: PyValue, name: string): PyValue | undefined {
  try {
    return getAttr(obj, name);
  } catch (e) {
    if (e instanceof PyBaseException && isInstance(e, attributeErrorType())) {
      return undefined;
    }
    throw e;
  }
}

const attributeErrorType = (): PyType => attributeError("").cls;

export function noAttribute(obj: PyValue, name: string): PyBaseException {
  const e = attributeError(
    obj instanceof PyModule
      ? `module '${obj.name}' has no attribute '${name}'`
      : obj instanceof PyType
        ? `type object '${obj.name}' has no attribute '${name}'`
        : `'${typeName(obj)}' object has no attribute '${name}'`,
  );
  e.dict = new PyDict();
  e.dict.setStr("name", name);
  e.dict.setStr("obj", obj);
  return e;
}

/** `obj.name`: honours __getattribute__ and __getattr__ defined in Python. */
export function getAttr(obj: PyValue, name: string): PyValue {
  if (obj instanceof PySuper) {
    return superGetAttr(obj, name);
  }
  const type = typeOf(obj);
  if (type.heap) {
    const ga = type.lookup("__getattribute__");
    if (ga instanceof PyFunction) {
      return callPy(ga, [obj, name]);
    }
  }
  const v = genericGetAttr(obj, name);
  if (v !== undefined) {
    return v;
  }
  if (obj instanceof PyMethod) {
    return getAttr(obj.func, name); // a bound method shows its function's attributes
  }
  if (type.heap || obj instanceof PyModule) {
    const ga = obj instanceof PyModule ? obj.dict!.getStr("__getattr__") : type.lookup("__getattr__");
    if (ga !== undefined) {
      return obj instanceof PyModule ? callPy(ga, [name]) : callPy(ga, [obj, name]);
    }
  }
  throw noAttribute(obj, name);
}

/** `obj.name = v` (v undefined: `del obj.name`). */
export function setAttr(obj: PyValue, name: string, v: PyValue | undefined): void {
  const type = typeOf(obj);
  if (type.heap) {
    const sa = type.lookup(v === undefined ? "__delattr__" : "__setattr__");
    if (sa instanceof PyFunction) {
      callPy(sa, v === undefined ? [obj, name] : [obj, name, v]);
      return;
    }
  }
  genericSetAttr(obj, name, v);
}

/** object.__setattr__ / object.__delattr__. */
export function genericSetAttr(obj: PyValue, name: string, v: PyValue | undefined): void {
  if (obj instanceof PyType) {
    typeSetAttr(obj, name, v);
    return;
  }
  const type = typeOf(obj);
  const d = type.lookup(name);
  if (d !== undefined) {
    if (d instanceof PyProperty) {
      const f = v === undefined ? d.fdel : d.fset;
      if (f === None) {
        throw propertyMissing(d, obj, v === undefined ? "deleter" : "setter");
      }
      callPy(f, v === undefined ? [obj] : [obj, v]);
      return;
    }
    if (d instanceof PyGetSet) {
      if (d.set === null) {
        throw attributeError(`attribute '${name}' of '${type.name}' objects is not writable`);
      }
      d.set(obj, v);
      return;
    }
    if (d instanceof PyObject && d.cls.heap) {
      const m = d.cls.lookup(v === undefined ? "__delete__" : "__set__");
      if (m !== undefined) {
        callPy(m, v === undefined ? [d, obj] : [d, obj, v]);
        return;
      }
    }
  }
  if (obj instanceof PyObject && obj.dict === null && type.instanceDict && !type.heap) {
    obj.dict = new PyDict(); // builtin objects whose dict is made on demand (functions)
  }
  if (!(obj instanceof PyObject) || obj.dict === null) {
    if (d !== undefined || !(obj instanceof PyObject) || !type.heap) {
      throw attributeError(
        d === undefined
          ? `'${type.name}' object has no attribute '${name}'`
          : `'${type.name}' object attribute '${name}' is read-only`,
      );
    } else {
      throw attributeError(`'${type.name}' object has no attribute '${name}'`);
    }
  }
  if (type.slots !== null && !type.instanceDict && !type.slots.has(name)) {
    throw attributeError(`'${type.name}' object has no attribute '${name}'`);
  }
  if (v === undefined) {
    if (obj.dict!.delete(name) === undefined) {
      throw attributeError(`'${type.name}' object has no attribute '${name}'`);
    }
  } else {
    obj.dict!.setStr(name, v);
  }
}

function typeSetAttr(t: PyType, name: string, v: PyValue | undefined): void {
  if (!t.heap) {
    throw typeError(`cannot set '${name}' attribute of immutable type '${t.name}'`);
  }
  const metaD = t.cls.lookup(name);
  if (metaD instanceof PyGetSet && metaD.set !== null) {
    metaD.set(t, v);
    return;
  }
  if (v === undefined) {
    if (t.dict!.delete(name) === undefined) {
      throw attributeError(`type object '${t.name}' has no attribute '${name}'`);
    }
  } else {
    t.dict!.setStr(name, v);
  }
  bumpTypeEpoch();
}

let superGetAttr: (s: PySuper, name: string) => PyValue = () => None;
/** Installed by types/function.ts (super's lookup lives with the super type). */
export function setSuperGetAttr(f: (s: PySuper, name: string) => PyValue): void {
  superGetAttr = f;
}

/** The method `name` of `obj`, called with args (an ordinary attribute lookup, then a call). */
export function callMethod(obj: PyValue, name: string, args: PyValue[], kwargs: KwArgs | null = null): PyValue {
  return callPy(getAttr(obj, name), args, kwargs);
}

// ---------------------------------------------------------------- truth, repr, str

export function truthy(v: PyValue): boolean {
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0;
    case "string":
      return v.length !== 0;
    case "bigint":
      return true;
  }
  if (v === None) {
    return false;
  }
  if ((v instanceof PyList || v instanceof PyTuple) && !v.cls.heap) {
    return v.items.length !== 0;
  }
  if (v instanceof PyFloat) {
    return v.v !== 0;
  }
  if (v instanceof PyDict && !v.cls.heap) {
    return v.size !== 0;
  }
  const type = v.cls;
  const b = type.lookup("__bool__");
  if (b !== undefined && b !== None) {
    const r = callPy(b, [v]);
    if (typeof r !== "boolean") {
      throw typeError(`__bool__ should return bool, returned ${typeName(r)}`);
    }
    return r;
  }
  const l = type.lookup("__len__");
  if (l !== undefined && l !== None) {
    return checkedLen(callPy(l, [v])) !== 0;
  }
  return true;
}

function checkedLen(r: PyValue): number {
  if (typeof r === "bigint") {
    throw overflowError("cannot fit 'int' into an index-sized integer");
  }
  return checkedBigLen(r) as number;
}

/** A __len__ result as the builtin len() accepts it: up to sys.maxsize, past JS's safe integers. */
function checkedBigLen(r: PyValue): number | bigint {
  if (typeof r === "boolean") {
    return +r;
  }
  if (typeof r === "bigint") {
    if (r > 0x7fffffffffffffffn || r < -0x8000000000000000n) {
      throw overflowError("cannot fit 'int' into an index-sized integer");
    }
    if (r < 0n) {
      throw valueError("__len__() should return >= 0");
    }
    return r;
  }
  if (typeof r !== "number") {
    throw typeError(`'${typeName(r)}' object cannot be interpreted as an integer`);
  }
  if (r < 0) {
    throw valueError("__len__() should return >= 0");
  }
  return r;
}

/** Guards repr() of containers that contain themselves (`[[...]]`), as CPython's Py_ReprEnter. */
const reprActive = new Set<PyObject>();

export function reprEnter(o: PyObject): boolean {
  if (reprActive.has(o)) {
    return false;
  }
  reprActive.add(o);
  return true;
}

export function reprLeave(o: PyObject): void {
  reprActive.delete(o);
}

export function repr(v: PyValue): string {
  switch (typeof v) {
    case "string":
      return strRepr(v);
    case "number":
      return String(v);
    case "bigint":
      return intRepr(v);
    case "boolean":
      return v ? "True" : "False";
  }
  if (v instanceof PyFloat) {
    return floatRepr(v.v);
  }
  const r = callDunder(v, "__repr__", []);
  if (typeof r !== "string") {
    throw typeError(`__repr__ returned non-string (type ${typeName(r ?? None)})`);
  }
  return r;
}

/** ascii(v): repr with every non-ASCII character escaped (\xhh, \uhhhh, \Uhhhhhhhh). */
export function ascii(v: PyValue): string {
  const r = repr(v);
  let out = "";
  for (const ch of r) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      out += ch;
    } else if (c < 0x100) {
      out += "\\x" + c.toString(16).padStart(2, "0");
    } else if (c < 0x10000) {
      out += "\\u" + c.toString(16).padStart(4, "0");
    } else {
      out += "\\U" + c.toString(16).padStart(8, "0");
    }
  }
  return out;
}

export function str(v: PyValue): string {
  if (typeof v === "string") {
    return v;
  }
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" || v instanceof PyFloat) {
    return repr(v);
  }
  const r = callDunder(v, "__str__", []);
  if (typeof r !== "string") {
    throw typeError(`__str__ returned non-string (type ${typeName(r ?? None)})`);
  }
  return r;
}

// ---------------------------------------------------------------- hashing and comparison

export function hash(v: PyValue): number | bigint {
  switch (typeof v) {
    case "number":
    case "bigint":
      return hashInt(v);
    case "boolean":
      return +v;
    case "string":
      return hashStr(v);
  }
  if (v instanceof PyFloat) {
    return hashFloat(v.v);
  }
  const h = v.cls.lookup("__hash__");
  if (h === undefined || h === None) {
    throw typeError(`unhashable type: '${v.cls.name}'`);
  }
  const r = callPy(h, [v]);
  if (typeof r === "number") {
    return r === -1 ? -2 : r;
  }
  if (typeof r === "bigint" || typeof r === "boolean") {
    return hashInt(r);
  }
  throw typeError("__hash__ method should return an integer");
}

/**
 * str hash: deterministic (FNV-1a folded to 32 bits). CPython randomizes it per process,
 * so no program can depend on its value or on the iteration order of sets of strings.
 */
function hashStr(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h === -1 ? -2 : h;
}

/** Rich comparison (`a op b` for the six ordering/equality ops) with CPython's reflected-operand rules. */
export function richCompare(a: PyValue, b: PyValue, op: CompareKind): PyValue {
  const n = numCompare(a, b, op);
  if (n !== undefined) {
    return n;
  }
  if (typeof a === "string" && typeof b === "string") {
    return compareResult(a < b ? -1 : a > b ? 1 : 0, op);
  }
  const ta = typeOf(a);
  const tb = typeOf(b);
  const name = DUNDER[op];
  const reflected = DUNDER[SWAP[op]];
  let checkedReflected = false;
  if (ta !== tb && tb.isSubtypeOf(ta)) {
    const m = tb.lookup(reflected);
    if (m !== undefined && m !== None) {
      checkedReflected = true;
      const r = callPy(m, [b, a]);
      if (r !== NotImplemented) {
        return r;
      }
    }
  }
  const m = ta.lookup(name);
  if (m !== undefined && m !== None) {
    const r = callPy(m, [a, b]);
    if (r !== NotImplemented) {
      return r;
    }
  }
  if (!checkedReflected) {
    const m2 = tb.lookup(reflected);
    if (m2 !== undefined && m2 !== None) {
      const r = callPy(m2, [b, a]);
      if (r !== NotImplemented) {
        return r;
      }
    }
  }
  if (op === "eq") {
    return a === b;
  }
  if (op === "ne") {
    return a !== b;
  }
  throw typeError(`'${SYMBOL[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

export type CompareKind = "lt" | "le" | "eq" | "ne" | "gt" | "ge";
const DUNDER: Record<CompareKind, string> = {
  lt: "__lt__",
  le: "__le__",
  eq: "__eq__",
  ne: "__ne__",
  gt: "__gt__",
  ge: "__ge__",
};
const SWAP: Record<CompareKind, CompareKind> = { lt: "gt", le: "ge", eq: "eq", ne: "ne", gt: "lt", ge: "le" };
const SYMBOL: Record<CompareKind, string> = { lt: "<", le: "<=", eq: "==", ne: "!=", gt: ">", ge: ">=" };

export function compareResult(c: number, op: CompareKind): boolean {
  switch (op) {
    case "lt":
      return c < 0;
    case "le":
      return c <= 0;
    case "eq":
      return c === 0;
    case "ne":
      return c !== 0;
    case "gt":
      return c > 0;
    case "ge":
      return c >= 0;
  }
}

/** `a == b` as a JS boolean (identity implies equality, as in CPython's containers). */
export function eq(a: PyValue, b: PyValue): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a === "string" || typeof b === "string") {
    return false; // a str equals only an identical str (checked above)
  }
  if ((typeof a === "number" || typeof a === "bigint") && (typeof b === "number" || typeof b === "bigint")) {
    return intEq(a, b);
  }
  return truthy(richCompare(a, b, "eq"));
}

/** `a < b` as a JS boolean (used by sorting, min, max, bisect). */
export function lt(a: PyValue, b: PyValue): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return a < b;
  }
  if (typeof a === "string" && typeof b === "string") {
    return a < b;
  }
  return truthy(richCompare(a, b, "lt"));
}

// Dict and set keys: their primitive form (see PyDict).
keyOps.primitive = (k: PyValue): unknown => {
  switch (typeof k) {
    case "string":
    case "number":
      return k;
    case "boolean":
      return +k;
    case "bigint":
      return k;
  }
  if (k instanceof PyFloat) {
    const v = k.v;
    if (Number.isInteger(v)) {
      return Number.isSafeInteger(v) ? (v === 0 ? 0 : v) : BigInt(v);
    }
    return Number.isNaN(v) ? k : v;
  }
  if (k === None) {
    return k;
  }
  const t = k.cls;
  if (t === IntType || t === StrType || t === BoolType || t === FloatType) {
    return NEEDS_HASH;
  }
  if (k instanceof PyBoxed) {
    const base = typeOf(k.value);
    return t.lookup("__eq__") === base.lookup("__eq__") && t.lookup("__hash__") === base.lookup("__hash__")
      ? k.value
      : NEEDS_HASH;
  }
  if (k instanceof PyTuple || (t.lookup("__eq__") !== objectEq() || t.lookup("__hash__") !== objectHash())) {
    return NEEDS_HASH;
  }
  return k;
};
keyOps.hash = hash;
keyOps.eq = eq;

let objectEqCache: PyValue | undefined;
let objectHashCache: PyValue | undefined;
const objectEq = (): PyValue | undefined => (objectEqCache ??= objectTypeLookup("__eq__"));
const objectHash = (): PyValue | undefined => (objectHashCache ??= objectTypeLookup("__hash__"));
let objectTypeLookup: (name: string) => PyValue | undefined = () => undefined;
/** Installed by the builtin `object` type's module once its dunders exist. */
export function setObjectLookup(f: (name: string) => PyValue | undefined): void {
  objectTypeLookup = f;
  objectEqCache = undefined;
  objectHashCache = undefined;
}

// ---------------------------------------------------------------- iteration

/** `iter(v)`. */
export function iter(v: PyValue): PyValue {
  if (v instanceof PyNativeIter || v instanceof PyGenerator) {
    return v;
  }
  const m = typeOf(v).lookup("__iter__");
  if (m !== undefined && m !== None) {
    const it = callPy(m, [v]);
    if (typeOf(it).lookup("__next__") === undefined) {
      throw typeError(`iter() returned non-iterator of type '${typeName(it)}'`);
    }
    return it;
  }
  const gi = typeOf(v).lookup("__getitem__");
  if (gi !== undefined && gi !== None && !(v instanceof PyDict)) {
    let i = 0;
    return new PyNativeIter("iterator", () => {
      try {
        return callPy(gi, [v, i++]);
      } catch (e) {
        if (e instanceof PyBaseException && (isInstance(e, indexError("").cls) || isInstance(e, StopIterationType))) {
          return undefined;
        }
        throw e;
      }
    });
  }
  throw typeError(`'${typeName(v)}' object is not iterable`);
}

/** `next(it)`, with exhaustion as undefined instead of StopIteration. */
export function next(it: PyValue): PyValue | undefined {
  if (it instanceof PyNativeIter) {
    return it.next();
  }
  if (it instanceof PyGenerator) {
    return resumeGeneratorSync(it, None);
  }
  const m = typeOf(it).lookup("__next__");
  if (m === undefined) {
    throw typeError(`'${typeName(it)}' object is not an iterator`);
  }
  try {
    return callPy(m, [it]);
  } catch (e) {
    if (e instanceof PyBaseException && isInstance(e, StopIterationType)) {
      return undefined;
    }
    throw e;
  }
}

/** All items of an iterable, as a JS array (a fresh array; list and tuple are copied). */
export function toArray(v: PyValue): PyValue[] {
  if ((v instanceof PyList || v instanceof PyTuple) && !v.cls.heap) {
    return v.items.slice();
  }
  if (typeof v === "string") {
    return Array.from(v);
  }
  const it = iter(v);
  const out: PyValue[] = [];
  for (let x = next(it); x !== undefined; x = next(it)) {
    out.push(x);
  }
  return out;
}

/** Calls f on each item of an iterable; stops early when f returns true. */
export function forEach(v: PyValue, f: (x: PyValue) => boolean | void): void {
  if ((v instanceof PyList || v instanceof PyTuple) && !v.cls.heap) {
    for (let i = 0; i < v.items.length; i++) {
      if (f(v.items[i]) === true) {
        return;
      }
    }
    return;
  }
  const it = iter(v);
  for (let x = next(it); x !== undefined; x = next(it)) {
    if (f(x) === true) {
      return;
    }
  }
}

// ---------------------------------------------------------------- items and length

export function len(v: PyValue): number {
  if (typeof v === "string") {
    return strLen(v);
  }
  if ((v instanceof PyList || v instanceof PyTuple) && !v.cls.heap) {
    return v.items.length;
  }
  if (v instanceof PyDict && !v.cls.heap) {
    return v.size;
  }
  const m = typeOf(v).lookup("__len__");
  if (m === undefined || m === None) {
    throw typeError(`object of type '${typeName(v)}' has no len()`);
  }
  return checkedLen(callPy(m, [v]));
}

/** The builtin `len(v)`: like len(), but a length past 2**53 (a huge range) is a bigint. */
export function builtinLen(v: PyValue): number | bigint {
  if (typeof v === "string" || ((v instanceof PyList || v instanceof PyTuple || v instanceof PyDict) && !v.cls.heap)) {
    return len(v);
  }
  const m = typeOf(v).lookup("__len__");
  if (m === undefined || m === None) {
    throw typeError(`object of type '${typeName(v)}' has no len()`);
  }
  return checkedBigLen(callPy(m, [v]));
}


/** Length of a str in code points (Python counts code points, JS counts UTF-16 units). */
export function strLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      n--;
      i++;
    }
  }
  return n;
}

export function getItem(o: PyValue, k: PyValue): PyValue {
  if (o instanceof PyDict && !o.cls.heap) {
    const v = o.get(k);
    if (v === undefined) {
      throw keyError(k);
    }
    return v;
  }
  const m = typeOf(o).lookup("__getitem__");
  if (m !== undefined && m !== None) {
    return callPy(m, [o, k]);
  }
  if (o instanceof PyType) {
    const cg = genericGetAttr(o, "__class_getitem__");
    if (cg !== undefined) {
      return callPy(cg, [k]);
    }
    return o; // `list[int]` in annotations: generic aliases are not modelled; the class stands in.
  }
  throw typeError(`'${typeName(o)}' object is not subscriptable`);
}

export function setItem(o: PyValue, k: PyValue, v: PyValue): void {
  if (o instanceof PyDict && !o.cls.heap) {
    o.set(k, v);
    return;
  }
  const m = typeOf(o).lookup("__setitem__");
  if (m === undefined || m === None) {
    throw typeError(`'${typeName(o)}' object does not support item assignment`);
  }
  callPy(m, [o, k, v]);
}

export function delItem(o: PyValue, k: PyValue): void {
  const m = typeOf(o).lookup("__delitem__");
  if (m === undefined || m === None) {
    throw typeError(`'${typeName(o)}' object does not support item deletion`);
  }
  callPy(m, [o, k]);
}

/** `k in o`. */
export function contains(o: PyValue, k: PyValue): boolean {
  if (typeof o === "string") {
    const ks = k instanceof PyBoxed ? k.value : k;
    if (typeof ks !== "string") {
      throw typeError(`'in <string>' requires string as left operand, not ${typeName(k)}`);
    }
    return o.includes(ks);
  }
  if (o instanceof PyDict && !o.cls.heap) {
    return o.has(k);
  }
  const m = typeOf(o).lookup("__contains__");
  if (m !== undefined && m !== None) {
    return truthy(callPy(m, [o, k]));
  }
  let found = false;
  const t = typeOf(o);
  if (t.lookup("__iter__") === undefined && t.lookup("__getitem__") === undefined) {
    throw typeError(`argument of type '${t.name}' is not iterable`);
  }
  forEach(o, (x) => (found = eq(x, k)));
  return found;
}

/** An index argument (`__index__`): ints and bools, or objects defining __index__. */
export function index(v: PyValue): number | bigint {
  if (typeof v === "number" || typeof v === "bigint") {
    return v;
  }
  if (typeof v === "boolean") {
    return +v;
  }
  const m = typeOf(v).lookup("__index__");
  if (m !== undefined && m !== None) {
    const r = callPy(m, [v]);
    if (typeof r === "number" || typeof r === "bigint") {
      return r;
    }
  }
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** A JS number index (OverflowError beyond the safe range). */
export function smallIndex(v: PyValue): number {
  const i = index(v);
  if (typeof i === "bigint") {
    throw overflowError(`cannot fit 'int' into an index-sized integer`);
  }
  return i;
}

/** Whether `v` can be iterated (has __iter__, or the old __getitem__ protocol). */
export function isIterable(v: PyValue): boolean {
  if (typeof v === "string" || ((v instanceof PyList || v instanceof PyTuple || v instanceof PyDict) && !v.cls.heap)) {
    return true;
  }
  const t = typeOf(v);
  const it = t.lookup("__iter__");
  if (it !== undefined) {
    return it !== None;
  }
  const gi = t.lookup("__getitem__");
  return gi !== undefined && gi !== None;
}
