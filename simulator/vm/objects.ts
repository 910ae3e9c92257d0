/**
 * The Python object model.
 *
 * Representation (chosen for the hot loop: the commonest values are JS primitives, so
 * counters, indices and strings never allocate):
 * - int  → JS `number` when |n| ≤ 2**53 - 1, else `bigint` (invariant: a bigint is never in the safe range);
 * - bool → JS `boolean`;  str → JS `string`;
 * - everything else → an instance of PyObject (float is PyFloat, so `1.0` and `1` stay apart).
 * JS `undefined` is never a Python value: it means "unbound" in locals and "missing" in lookups.
 */
import type { CodeObject } from "../python/code";
import type { Frame } from "./frame";

export type PyValue = number | bigint | boolean | string | PyObject;

/** Keyword arguments passed to native code, in call order. */
export type KwArgs = Map<string, PyValue>;

/** A builtin implemented in TypeScript. Methods receive `self` as args[0]. */
export type NativeFn = (args: PyValue[], kwargs: KwArgs | null) => PyValue;

/** Any Python object that is not an int, bool or str. */
export class PyObject {
  /** The instance `__dict__`, for objects that have one. */
  dict: PyDict | null = null;
  /** Values of __slots__ attributes (only on instances of classes with slots). */
  declare slotvals?: Map<string, PyValue>;
  constructor(public cls: PyType) {}
}

/** Bumped whenever any class's namespace changes, to invalidate the per-type lookup caches. */
let typeEpoch = 0;
export const bumpTypeEpoch = (): void => {
  typeEpoch++;
};

/** A class: builtin (methods in TypeScript) or defined by the program. */
export class PyType extends PyObject {
  /** Method resolution order, starting with this type (C3 linearization). */
  mro: PyType[] = [];
  /** The nearest builtin ancestor that fixes the JS layout of instances (object, list, dict, BaseException, ...). */
  solid: PyType;
  /** Creates a bare instance of this type (or a subtype), before __init__. */
  alloc: ((cls: PyType) => PyObject) | null = null;
  /** Whether instances get a `__dict__` (false for builtins and for classes with __slots__). */
  instanceDict = false;
  /** Names allowed by __slots__ (null: no __slots__ along the MRO). */
  slots: Set<string> | null = null;
  /** True for classes defined in Python code (their dict may hold Python functions). */
  heap = false;
  /** Classes that name this one as a base, in creation order (type.__subclasses__()). */
  subclasses: PyType[] = [];
  /** int and str: their native methods take PyBoxed arguments as plain values. */
  unboxes = false;
  qualname: string;
  module = "builtins";
  private cache = new Map<string, PyValue | null>();
  private cacheEpoch = -1;

  constructor(
    public name: string,
    public bases: PyType[],
    metatype: PyType | null,
    ns?: PyDict,
  ) {
    super(metatype ?? (null as unknown as PyType));
    this.dict = ns ?? new PyDict();
    this.qualname = name;
    this.solid = bases.length ? bases[0].solid : this;
  }

  /** Finds `name` along the MRO without invoking descriptors; undefined if absent. */
  lookup(name: string): PyValue | undefined {
    if (this.cacheEpoch !== typeEpoch) {
      this.cache.clear();
      this.cacheEpoch = typeEpoch;
    }
    const hit = this.cache.get(name);
    if (hit !== undefined) {
      return hit === null ? undefined : hit;
    }
    let found: PyValue | undefined;
    for (const t of this.mro) {
      found = t.dict!.getStr(name);
      if (found !== undefined) {
        break;
      }
    }
    this.cache.set(name, found === undefined ? null : found);
    return found;
  }

  isSubtypeOf(other: PyType): boolean {
    return this === other || this.mro.includes(other);
  }
}

/**
 * An instance of a program-defined subclass of int or str: the value plus the class (and its
 * instance dict). Methods of int and str receive the plain value (see callValue).
 */
export class PyBoxed extends PyObject {
  constructor(
    cls: PyType,
    public value: number | bigint | string,
  ) {
    super(cls);
  }
}

/** `float`. */
export class PyFloat extends PyObject {
  constructor(public v: number) {
    super(FloatType);
  }
}

export class PyList extends PyObject {
  constructor(
    public items: PyValue[],
    cls: PyType = ListType,
  ) {
    super(cls);
  }
}

export class PyTuple extends PyObject {
  constructor(
    public items: PyValue[],
    cls: PyType = TupleType,
  ) {
    super(cls);
  }
}

export class PyBytes extends PyObject {
  constructor(
    public bytes: Uint8Array,
    cls: PyType = BytesType,
  ) {
    super(cls);
  }
}

export class PyByteArray extends PyObject {
  constructor(
    public bytes: number[],
    cls: PyType = ByteArrayType,
  ) {
    super(cls);
  }
}

/** DictType once it exists; the dicts made before it, to be given their class then. */
let dictTypeOrNull: PyType | null = null;
const earlyDicts: PyDict[] = [];

/** Slot marker for a deleted dict entry (keeps insertion order without shifting). */
const DELETED: unique symbol = Symbol("deleted");

/**
 * `dict`: insertion-ordered. Keys that equal by value in Python and have a JS primitive form
 * (str, int, bool, integral float) are indexed by that form in a JS Map, so `d[1]`, `d[1.0]`
 * and `d[True]` find one entry; objects with identity equality are indexed by the object;
 * the rest (tuples, frozensets, fractional floats, objects defining __eq__/__hash__) go
 * through Python hashing and equality. `keyOps` is supplied by protocol.ts (it needs
 * hashing and equality, which need the VM).
 */
export class PyDict extends PyObject {
  keys: (PyValue | typeof DELETED)[] = [];
  values: PyValue[] = [];
  /** primitive key or identity object → slot */
  private index = new Map<unknown, number>();
  /** Python hash → slots, for keys compared with Python equality */
  private hashed: Map<number | bigint, number[]> | null = null;
  size = 0;

  constructor(cls?: PyType) {
    // The first types (object, type, ...) get their namespaces before `dict` exists: those
    // dicts are given their class once DictType is made (see below).
    super(cls ?? dictTypeOrNull!);
    if (dictTypeOrNull === null) {
      earlyDicts.push(this);
    }
  }

  /** Fast path for string keys (namespaces, attribute dicts, kwargs). */
  getStr(key: string): PyValue | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.values[i];
  }

  setStr(key: string, value: PyValue): void {
    const i = this.index.get(key);
    if (i !== undefined) {
      this.values[i] = value;
      return;
    }
    this.index.set(key, this.keys.length);
    this.keys.push(key);
    this.values.push(value);
    this.size++;
  }

  private findSlot(key: PyValue): number | undefined {
    const k = keyOps.primitive(key);
    if (k !== NEEDS_HASH) {
      return this.index.get(k);
    }
    if (this.hashed === null) {
      keyOps.hash(key); // unhashable keys raise even on lookups
      return undefined;
    }
    const slots = this.hashed.get(keyOps.hash(key));
    if (slots) {
      for (const s of slots) {
        const k2 = this.keys[s];
        if (k2 !== DELETED && (k2 === key || keyOps.eq(k2, key))) {
          return s;
        }
      }
    }
    return undefined;
  }

  get(key: PyValue): PyValue | undefined {
    if (typeof key === "string") {
      return this.getStr(key);
    }
    const s = this.findSlot(key);
    return s === undefined ? undefined : this.values[s];
  }

  has(key: PyValue): boolean {
    return this.get(key) !== undefined;
  }

  set(key: PyValue, value: PyValue): void {
    if (typeof key === "string") {
      this.setStr(key, value);
      return;
    }
    const k = keyOps.primitive(key);
    if (k !== NEEDS_HASH) {
      const i = this.index.get(k);
      if (i !== undefined) {
        this.values[i] = value;
        return;
      }
      this.index.set(k, this.keys.length);
    } else {
      const s = this.findSlot(key);
      if (s !== undefined) {
        this.values[s] = value;
        return;
      }
      const h = keyOps.hash(key);
      this.hashed ??= new Map();
      const slots = this.hashed.get(h);
      if (slots) {
        slots.push(this.keys.length);
      } else {
        this.hashed.set(h, [this.keys.length]);
      }
    }
    this.keys.push(key);
    this.values.push(value);
    this.size++;
  }

  /** Removes `key`; returns its value, or undefined when absent. */
  delete(key: PyValue): PyValue | undefined {
    const k = keyOps.primitive(key);
    let slot: number | undefined;
    if (k !== NEEDS_HASH) {
      slot = this.index.get(k);
      if (slot !== undefined) {
        this.index.delete(k);
      }
    } else {
      slot = this.findSlot(key);
      if (slot !== undefined) {
        const slots = this.hashed!.get(keyOps.hash(key))!;
        slots.splice(slots.indexOf(slot), 1);
      }
    }
    if (slot === undefined) {
      return undefined;
    }
    const v = this.values[slot];
    this.keys[slot] = DELETED;
    this.size--;
    if (this.keys.length > 32 && this.size < this.keys.length / 2) {
      this.compact();
    }
    return v;
  }

  clear(): void {
    this.keys = [];
    this.values = [];
    this.index.clear();
    this.hashed = null;
    this.size = 0;
  }

  private compact(): void {
    const keys = this.keys;
    const values = this.values;
    this.clear();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== DELETED) {
        this.set(k, values[i]);
      }
    }
  }

  /** Live entries in insertion order. Callers must not mutate the dict while iterating. */
  *entries(): IterableIterator<[PyValue, PyValue]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k !== DELETED) {
        yield [k, this.values[i]];
      }
    }
  }

  keyList(): PyValue[] {
    const out: PyValue[] = [];
    for (const k of this.keys) {
      if (k !== DELETED) {
        out.push(k);
      }
    }
    return out;
  }

  /** Slot-level access for iterators that must detect mutation: the key at slot i, or undefined if deleted. */
  slotKey(i: number): PyValue | undefined {
    const k = this.keys[i];
    return k === DELETED ? undefined : k;
  }

  get slotCount(): number {
    return this.keys.length;
  }
}

/** Marker returned by keyOps.primitive for keys that need Python hashing. */
export const NEEDS_HASH: unique symbol = Symbol("needs-hash");

/** Hashing hooks for PyDict and PySet, installed by protocol.ts. */
export const keyOps = {
  primitive: (_k: PyValue): unknown => NEEDS_HASH,
  hash: (_k: PyValue): number | bigint => 0,
  eq: (_a: PyValue, _b: PyValue): boolean => false,
};

export class PyCell extends PyObject {
  constructor(public value: PyValue | undefined) {
    super(CellType);
  }
}

/** A function defined in Python. */
export class PyFunction extends PyObject {
  name: string;
  qualname: string;
  doc: PyValue;
  module: PyValue;
  /** The code's constants as Python values (shared by every function made from this code). */
  consts: PyValue[] = [];
  constructor(
    public code: CodeObject,
    public globals: PyDict,
    public defaults: PyValue[],
    public kwdefaults: PyDict | null,
    public closure: PyCell[] | null,
    qualname: string,
  ) {
    super(FunctionType);
    this.name = code.name;
    this.qualname = qualname;
    this.doc = code.doc ?? None;
    this.module = globals.getStr("__name__") ?? None;
  }
}

/** A function implemented in TypeScript. */
export class PyBuiltin extends PyObject {
  constructor(
    public name: string,
    public fn: NativeFn,
    /** For methods: the type that defines it (repr: `<method 'append' of 'list' objects>`). */
    public owner: PyType | null = null,
    /** For bound builtin methods (`[].append`): the receiver, passed as args[0]. */
    public self: PyValue | undefined = undefined,
  ) {
    super(BuiltinFunctionType);
  }
}

/** A Python function bound to an instance (`obj.method`). */
export class PyMethod extends PyObject {
  constructor(
    public func: PyValue,
    public self: PyValue,
  ) {
    super(MethodType);
  }
}

export class PyModule extends PyObject {
  constructor(public name: string) {
    super(ModuleType);
    this.dict = new PyDict();
    this.dict.setStr("__name__", name);
  }
}

export class PySlice extends PyObject {
  constructor(
    public start: PyValue,
    public stop: PyValue,
    public step: PyValue,
  ) {
    super(SliceType);
  }
}

export class PyRange extends PyObject {
  constructor(
    public start: number | bigint,
    public stop: number | bigint,
    public step: number | bigint,
  ) {
    super(RangeType);
  }
}

/** property(fget, fset, fdel, doc) */
export class PyProperty extends PyObject {
  constructor(
    public fget: PyValue,
    public fset: PyValue,
    public fdel: PyValue,
    public doc: PyValue,
  ) {
    super(PropertyType);
  }
}

export class PyClassMethod extends PyObject {
  constructor(public func: PyValue) {
    super(ClassMethodType);
  }
}

export class PyStaticMethod extends PyObject {
  constructor(public func: PyValue) {
    super(StaticMethodType);
  }
}

/** A computed attribute implemented in TypeScript (`__name__`, `__dict__`, `args`, ...). */
export class PyGetSet extends PyObject {
  constructor(
    public name: string,
    public get: (self: PyValue) => PyValue,
    public set: ((self: PyValue, v: PyValue | undefined) => void) | null = null,
  ) {
    super(GetSetType);
  }
}

/** One line of a traceback: the code being run and the instruction that raised or called. */
export interface TracebackEntry {
  code: CodeObject;
  pc: number;
  /** The frame (its namespaces feed NameError's "Did you mean" suggestion). */
  frame: Frame;
}

export class PyBaseException extends PyObject {
  args: PyTuple = EMPTY_TUPLE;
  /** Set when raised anew (not re-raised): the interpreter then records __context__ and a traceback entry. */
  fresh = true;
  /** Frames the exception passed through, innermost last (CPython's tb chain order). */
  traceback: TracebackEntry[] = [];
  cause: PyValue = None;
  context: PyValue = None;
  suppressContext = false;
}

// ---------------------------------------------------------------- the core types

/** Creates a builtin type. Its MRO is computed from single inheritance. */
export function nativeType(name: string, base: PyType | null, alloc?: (cls: PyType) => PyObject): PyType {
  const t = new PyType(name, base ? [base] : [], TypeType);
  t.mro = [t, ...(base ? base.mro : [])];
  if (alloc) {
    t.alloc = alloc;
    t.solid = t;
  } else if (base) {
    t.alloc = base.alloc;
  }
  return t;
}

export const ObjectType: PyType = new PyType("object", [], null);
ObjectType.mro = [ObjectType];
ObjectType.alloc = (cls) => new PyObject(cls);
export const TypeType: PyType = new PyType("type", [ObjectType], null);
TypeType.mro = [TypeType, ObjectType];
ObjectType.cls = TypeType;
TypeType.cls = TypeType;

export const NoneType = nativeType("NoneType", ObjectType);
export const None: PyObject = new PyObject(NoneType);
export const NotImplementedType = nativeType("NotImplementedType", ObjectType);
export const NotImplemented: PyObject = new PyObject(NotImplementedType);
export const EllipsisType = nativeType("ellipsis", ObjectType);
export const Ellipsis: PyObject = new PyObject(EllipsisType);

export const IntType = nativeType("int", ObjectType);
export const BoolType = nativeType("bool", IntType);
export const FloatType = nativeType("float", ObjectType);
export const StrType = nativeType("str", ObjectType);
export const BytesType = nativeType("bytes", ObjectType, (cls) => new PyBytes(new Uint8Array(0), cls));
export const ByteArrayType = nativeType("bytearray", ObjectType, (cls) => new PyByteArray([], cls));
export const ListType = nativeType("list", ObjectType, (cls) => new PyList([], cls));
export const TupleType = nativeType("tuple", ObjectType, (cls) => new PyTuple([], cls));
export const DictType = nativeType("dict", ObjectType, (cls) => new PyDict(cls));
dictTypeOrNull = DictType;
for (const d of earlyDicts.splice(0)) {
  d.cls = DictType;
}
export const CellType = nativeType("cell", ObjectType);
export const FunctionType = nativeType("function", ObjectType);
export const BuiltinFunctionType = nativeType("builtin_function_or_method", ObjectType);
export const MethodType = nativeType("method", ObjectType);
export const ModuleType = nativeType("module", ObjectType);
export const SliceType = nativeType("slice", ObjectType);
export const RangeType = nativeType("range", ObjectType);
export const PropertyType = nativeType("property", ObjectType, (cls) => new PyProperty(None, None, None, None));
PropertyType.cls = TypeType;
export const ClassMethodType = nativeType("classmethod", ObjectType, (cls) => new PyClassMethod(None));
export const StaticMethodType = nativeType("staticmethod", ObjectType, (cls) => new PyStaticMethod(None));
export const GetSetType = nativeType("getset_descriptor", ObjectType);
export const BaseExceptionType = nativeType("BaseException", ObjectType, (cls) => new PyBaseException(cls));

export const EMPTY_TUPLE = new PyTuple([]);
export const SuperType = nativeType("super", ObjectType);

/** super(type, obj): attribute lookups start after `type` in obj's MRO (types/function.ts). */
export class PySuper extends PyObject {
  constructor(
    public thisType: PyType,
    public obj: PyValue,
    public objType: PyType,
  ) {
    super(SuperType);
  }
}
export const CodeType = nativeType("code", ObjectType);

/** A code object as a Python value (a constant of its enclosing code, consumed by MAKE_FUNCTION). */
export class PyCode extends PyObject {
  constructor(public code: CodeObject) {
    super(CodeType);
  }
}

/** The type of any value (`type(v)`). */
export function typeOf(v: PyValue): PyType {
  switch (typeof v) {
    case "number":
    case "bigint":
      return IntType;
    case "string":
      return StrType;
    case "boolean":
      return BoolType;
    default:
      return v.cls;
  }
}

/** isinstance(v, t) by the MRO (no __instancecheck__). */
export function isInstance(v: PyValue, t: PyType): boolean {
  const vt = typeOf(v);
  return vt === t || vt.mro.includes(t);
}

export const isInt = (v: PyValue): v is number | bigint | boolean =>
  typeof v === "number" || typeof v === "bigint" || typeof v === "boolean";

/** Normalizes a bigint result to the int invariant (number when safe). */
export function normInt(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/** A Python int as a bigint (for mixed-size arithmetic). */
export function toBig(v: number | bigint | boolean): bigint {
  return typeof v === "bigint" ? v : BigInt(typeof v === "boolean" ? +v : v);
}

export const newFloat = (v: number): PyFloat => new PyFloat(v);
export const newTuple = (items: PyValue[]): PyTuple => (items.length === 0 ? EMPTY_TUPLE : new PyTuple(items));
export const pyBool = (b: boolean): boolean => b;
