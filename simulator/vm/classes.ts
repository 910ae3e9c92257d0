/**
 * Class creation: `__build_class__` (runs the class body as a frame), `type(name, bases,
 * ns)`, the C3 method resolution order, __slots__, and the implicit rules CPython applies
 * when a class is made (__eq__ without __hash__ makes instances unhashable; __new__ is a
 * static method; __init_subclass__ and __class_getitem__ are class methods; __set_name__).
 */
import { enterFrame } from "./call";
import { typeError, Unsupported, valueError } from "./errors";
import { Frame, ReturnMode } from "./frame";
import {
  bumpTypeEpoch,
  BoolType,
  BytesType,
  FloatType,
  IntType,
  None,
  ObjectType,
  PyCell,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyGetSet,
  PyObject,
  PyStaticMethod,
  PyTuple,
  PyType,
  StrType,
  TypeType,
  typeOf,
  type KwArgs,
  type PyValue,
} from "./objects";
import { callPy, noAttribute, toArray, typeName } from "./protocol";

/** C3 linearization (Python 2.3's MRO), with CPython's error for inconsistent hierarchies. */
export function computeMro(t: PyType): PyType[] {
  const seqs: PyType[][] = [...t.bases.map((b) => [...b.mro]), [...t.bases]];
  const out: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length);
    if (!nonEmpty.length) {
      return out;
    }
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((s2) => s2.indexOf(head) > 0)) {
        cand = head;
        break;
      }
    }
    if (cand === null) {
      const names = [...new Set(nonEmpty.map((s) => s[0].name))].join(", ");
      throw typeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${names}`);
    }
    out.push(cand);
    for (const s of nonEmpty) {
      if (s[0] === cand) {
        s.shift();
      }
    }
  }
}

/** The metaclass to use: the most derived of the explicit one and the bases' (CPython's _PyType_CalculateMetaclass). */
function calculateMeta(meta: PyType, bases: PyType[]): PyType {
  let winner = meta;
  for (const b of bases) {
    const bm = typeOf(b);
    if (winner.isSubtypeOf(bm)) {
      continue;
    }
    if (bm.isSubtypeOf(winner)) {
      winner = bm;
      continue;
    }
    throw typeError(
      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
    );
  }
  return winner;
}

const UNSUBCLASSABLE_PRIMITIVES = new Set<PyType>([BytesType]);

/** The descriptor CPython makes for each name in __slots__: the value lives on the object, outside its __dict__. */
function slotMember(name: string): PyGetSet {
  return new PyGetSet(
    name,
    (o) => {
      const v = (o as PyObject).slotvals?.get(name);
      if (v === undefined) {
        throw noAttribute(o, name);
      }
      return v;
    },
    (o, v) => {
      const obj = o as PyObject;
      if (v !== undefined) {
        (obj.slotvals ??= new Map()).set(name, v);
      } else if (!obj.slotvals?.delete(name)) {
        throw noAttribute(o, name);
      }
    },
  );
}

/** type.__new__(meta, name, bases, ns): makes a class from a namespace. */
export function newClass(meta: PyType, name: string, basesIn: PyType[], ns: PyDict, kwargs: KwArgs | null): PyType {
  const bases = basesIn.length ? basesIn : [ObjectType];
  for (const b of bases) {
    if (b === BoolType) {
      throw typeError("type 'bool' is not an acceptable base type");
    }
    if (UNSUBCLASSABLE_PRIMITIVES.has(b.solid)) {
      throw new Unsupported(`subclassing the builtin type '${b.solid.name}'`);
    }
  }
  let solid = bases[0].solid;
  for (const b of bases) {
    if (b.solid !== ObjectType && solid !== ObjectType && b.solid !== solid && !b.solid.isSubtypeOf(solid)) {
      if (solid.isSubtypeOf(b.solid)) {
        continue;
      }
      throw typeError("multiple bases have instance lay-out conflict");
    }
    if (solid === ObjectType || b.solid.isSubtypeOf(solid)) {
      solid = b.solid;
    }
  }
  for (let i = 0; i < bases.length; i++) {
    if (bases.indexOf(bases[i]) !== i) {
      throw typeError(`duplicate base class ${bases[i].name}`);
    }
  }
  const t = new PyType(name, bases, meta, ns);
  t.heap = true;
  t.mro = computeMro(t);
  t.solid = solid;
  t.alloc = solid.alloc;
  const qual = ns.getStr("__qualname__");
  if (typeof qual === "string") {
    t.qualname = qual;
    ns.delete("__qualname__");
  }
  const mod = ns.getStr("__module__");
  if (typeof mod === "string") {
    t.module = mod;
  }
  // __slots__: instances of a class whose every heap ancestor declares slots get no __dict__.
  const slotsDecl = ns.getStr("__slots__");
  const inheritsDict = bases.some((b) => b.instanceDict);
  if (slotsDecl !== undefined) {
    const names = typeof slotsDecl === "string" ? [slotsDecl] : toArray(slotsDecl).map((s) => String(s));
    const slots = new Set<string>(names);
    for (const n of names) {
      if (n === "__dict__" || n === "__weakref__") {
        continue;
      }
      if (ns.getStr(n) !== undefined) {
        throw valueError(`'${n}' in __slots__ conflicts with class variable`);
      }
      ns.setStr(n, slotMember(n));
    }
    for (const b of bases) {
      if (b.slots) {
        for (const s of b.slots) {
          slots.add(s);
        }
      }
    }
    t.slots = slots;
    t.instanceDict = inheritsDict || slots.has("__dict__");
  } else {
    t.instanceDict = true;
  }
  if (ns.getStr("__eq__") !== undefined && ns.getStr("__hash__") === undefined) {
    ns.setStr("__hash__", None);
  }
  const newFn = ns.getStr("__new__");
  if (newFn instanceof PyFunction) {
    ns.setStr("__new__", new PyStaticMethod(newFn));
  }
  for (const n of ["__init_subclass__", "__class_getitem__"]) {
    const fn = ns.getStr(n);
    if (fn instanceof PyFunction) {
      ns.setStr(n, new PyClassMethod(fn));
    }
  }
  bumpTypeEpoch();
  for (const b of bases) {
    b.subclasses.push(t);
  }
  for (const [k, v] of [...ns.entries()]) {
    if (typeof k === "string" && typeof v === "object" && !(v instanceof PyType)) {
      const setName = typeOf(v).lookup("__set_name__");
      if (setName !== undefined) {
        callPy(setName, [v, t, k]);
      }
    }
  }
  // super(t, t).__init_subclass__(**kwargs)
  for (let i = 1; i < t.mro.length; i++) {
    const init = t.mro[i].dict!.getStr("__init_subclass__");
    if (init !== undefined) {
      const fn = init instanceof PyClassMethod ? init.func : init;
      callPy(fn, fn instanceof PyFunction ? [t] : [t], kwargs);
      break;
    }
  }
  return t;
}

/**
 * __build_class__(func, name, *bases, metaclass=None, **kwargs): runs the class body as a
 * frame (entered by the interpreter), then `finishClass` makes the class.
 */
export function buildClass(args: PyValue[], kwargs: KwArgs | null): PyValue {
  if (args.length < 2) {
    throw typeError("__build_class__: not enough arguments");
  }
  const func = args[0];
  const name = args[1];
  if (!(func instanceof PyFunction)) {
    throw typeError("__build_class__: func must be a function");
  }
  if (typeof name !== "string") {
    throw typeError("__build_class__: name is not a string");
  }
  const bases: PyType[] = [];
  for (const b of args.slice(2)) {
    if (!(b instanceof PyType)) {
      const mroEntries = typeOf(b).lookup("__mro_entries__");
      if (mroEntries !== undefined) {
        for (const e of toArray(callPy(mroEntries, [b, new PyTuple(args.slice(2))]))) {
          bases.push(e as PyType);
        }
        continue;
      }
      throw typeError(`bases must be types`);
    }
    bases.push(b);
  }
  let kw = kwargs;
  let meta: PyType = TypeType;
  const explicit = kw?.get("metaclass");
  if (explicit !== undefined) {
    kw = new Map(kw);
    kw.delete("metaclass");
    if (!(explicit instanceof PyType)) {
      throw new Unsupported("a metaclass that is not a class");
    }
    meta = explicit;
  }
  meta = calculateMeta(meta, bases);
  const ns = new PyDict();
  const frame = new Frame(func.code, func.globals, ns, func.consts);
  if (func.code.cellvars.length || func.code.freevars.length) {
    frame.cells = [...func.code.cellvars.map(() => new PyCell(undefined)), ...(func.closure ?? [])];
  }
  frame.returnMode = ReturnMode.ClassBody;
  frame.classInfo = { name, bases, meta, kwargs: kw && kw.size ? kw : null };
  return enterFrame(frame);
}

/** Makes the class once its body has run; `cell` is the body's `__class__` cell (or None). */
export function finishClass(frame: Frame, cell: PyValue): PyType {
  const info = frame.classInfo!;
  const ns = frame.localsDict!;
  let cls: PyValue;
  if (info.meta === TypeType) {
    cls = newClass(TypeType, info.name, info.bases, ns, info.kwargs);
  } else {
    cls = callPy(info.meta, [info.name, new PyTuple(info.bases), ns], info.kwargs);
  }
  if (cell instanceof PyCell) {
    cell.value = cls;
  }
  if (!(cls instanceof PyType)) {
    throw typeError(`metaclass returned ${typeName(cls)}, not a class`);
  }
  return cls;
}

/** type(name, bases, dict) called with three arguments (or a metaclass's super().__new__). */
export function typeNew(meta: PyType, name: PyValue, bases: PyValue, ns: PyValue, kwargs: KwArgs | null): PyType {
  if (typeof name !== "string" || !(bases instanceof PyTuple) || !(ns instanceof PyDict)) {
    throw typeError("type.__new__() argument 1 must be str, not " + typeName(name));
  }
  const copy = new PyDict();
  for (const [k, v] of ns.entries()) {
    copy.set(k, v);
  }
  if (copy.getStr("__module__") === undefined) {
    copy.setStr("__module__", "__main__");
  }
  return newClass(meta, name, bases.items as PyType[], copy, kwargs);
}
