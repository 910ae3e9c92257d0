/**
 * The `dataclasses` module (CPython's Lib/dataclasses.py, 3.11): the decorator reads the
 * class's `__annotations__` in order (fields of dataclass bases first), and adds the
 * methods CPython generates — as natives here, with the messages CPython's generated code
 * gives (`Point.__init__() missing 1 required positional argument: 'y'`).
 *
 * A frozen class's `__setattr__`/`__delattr__` are the exception: attribute assignment only
 * dispatches to Python functions, so those two are Python (the module's Python part).
 */
import { arity, builtin, defMethods, kwParams, pythonArgs, type PyParam } from "../../vm/define";
import { AttributeErrorType, typeError, valueError } from "../../vm/errors";
import { registerPythonModule } from "../../vm/modules";
import {
  bumpTypeEpoch,
  DictType,
  isInstance,
  ListType,
  nativeType,
  None,
  NotImplemented,
  ObjectType,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyList,
  PyModule,
  PyObject,
  PyTuple,
  PyType,
  TupleType,
  TypeType,
  typeOf,
  type KwArgs,
  type NativeFn,
  type PyValue,
} from "../../vm/objects";
import {
  callMethod,
  callPy,
  genericSetAttr,
  getAttr,
  getAttrOpt,
  hash,
  repr,
  reprEnter,
  reprLeave,
  richCompare,
  setAttr,
  toArray,
  truthy,
  type CompareKind,
} from "../../vm/protocol";
import { qualifiedName } from "../../vm/types/object";
import { deepCopy } from "./copy";
import { mappingProxy } from "./types";
import { isClassVar } from "./typing";

// ---------------------------------------------------------------- sentinels and Field

const objectWithDict = (cls: PyType): PyObject => {
  const o = new PyObject(cls);
  o.dict = new PyDict();
  return o;
};

function sentinelType(name: string): PyType {
  const t = nativeType(name, ObjectType);
  t.module = "dataclasses";
  return t;
}

const MissingType = sentinelType("_MISSING_TYPE");
/** MISSING: "no default" (None is a valid default). */
export const MISSING = new PyObject(MissingType);
const KwOnlyType = sentinelType("_KW_ONLY_TYPE");
const KW_ONLY = new PyObject(KwOnlyType);
const HasDefaultFactoryType = sentinelType("_HAS_DEFAULT_FACTORY_CLASS");
defMethods(HasDefaultFactoryType, { __repr__: () => "<factory>" });
const HAS_DEFAULT_FACTORY = new PyObject(HasDefaultFactoryType);

/** _FIELD, _FIELD_CLASSVAR, _FIELD_INITVAR: the kinds of pseudo-fields; repr is the name. */
const FieldBaseType = sentinelType("_FIELD_BASE");
class PyFieldKind extends PyObject {
  constructor(public kindName: string) {
    super(FieldBaseType);
  }
}
defMethods(FieldBaseType, { __repr__: (args) => (args[0] as PyFieldKind).kindName });
const FIELD = new PyFieldKind("_FIELD");
const FIELD_CLASSVAR = new PyFieldKind("_FIELD_CLASSVAR");
const FIELD_INITVAR = new PyFieldKind("_FIELD_INITVAR");

export const FrozenInstanceErrorType = nativeType("FrozenInstanceError", AttributeErrorType);
FrozenInstanceErrorType.module = "dataclasses";

/** Field: its attributes live in its instance dict, as in CPython (programs read and set them). */
export const FieldType = nativeType("Field", ObjectType, objectWithDict);
FieldType.module = "dataclasses";
FieldType.instanceDict = true;

const FIELD_ATTRS = ["name", "type", "default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only"];

defMethods(FieldType, {
  __repr__: (args) => {
    const d = (args[0] as PyObject).dict!;
    const parts = FIELD_ATTRS.map((a) => `${a}=${repr(d.getStr(a) ?? None)}`);
    return `Field(${parts.join(",")},_field_type=${repr(d.getStr("_field_type") ?? None)})`;
  },
  __set_name__: (args) => {
    const dflt = (args[0] as PyObject).dict!.getStr("default");
    if (dflt !== undefined) {
      const setName = typeOf(dflt).lookup("__set_name__");
      if (setName !== undefined) {
        callPy(setName, [dflt, args[1], args[2]]);
      }
    }
    return None;
  },
});
FieldType.dict!.setStr("__class_getitem__", new PyClassMethod(builtin("__class_getitem__", (args) => args[0])));

/** The fields of a Field object the generated methods need, read once at decoration time. */
interface FieldInfo {
  name: string;
  type: PyValue;
  dflt: PyValue;
  factory: PyValue;
  init: boolean;
  repr: boolean;
  hash: PyValue;
  compare: boolean;
  kwOnly: boolean;
  kind: PyValue;
}

function fieldInfo(f: PyValue): FieldInfo {
  const a = (n: string): PyValue => getAttr(f, n);
  return {
    name: String(a("name")),
    type: a("type"),
    dflt: a("default"),
    factory: a("default_factory"),
    init: truthy(a("init")),
    repr: truthy(a("repr")),
    hash: a("hash"),
    compare: truthy(a("compare")),
    kwOnly: truthy(a("kw_only")),
    kind: a("_field_type"),
  };
}

/** field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING) */
function makeField(args: PyValue[], kwargs: KwArgs | null): PyObject {
  if (args.length) {
    throw typeError(`field() takes 0 positional arguments but ${args.length} ${args.length === 1 ? "was" : "were"} given`);
  }
  const names = ["default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only"];
  const [dflt, factory, init, rep, h, compare, metadata, kwOnly] = kwParams("field", [], kwargs, names, 0);
  if (dflt !== undefined && dflt !== MISSING && factory !== undefined && factory !== MISSING) {
    throw valueError("cannot specify both default and default_factory");
  }
  const f = objectWithDict(FieldType);
  const d = f.dict!;
  d.setStr("name", None);
  d.setStr("type", None);
  d.setStr("default", dflt ?? MISSING);
  d.setStr("default_factory", factory ?? MISSING);
  d.setStr("init", init ?? true);
  d.setStr("repr", rep ?? true);
  d.setStr("hash", h ?? None);
  d.setStr("compare", compare ?? true);
  d.setStr("metadata", mappingProxy(metadata === undefined || metadata === None ? new PyDict() : metadata));
  d.setStr("kw_only", kwOnly ?? MISSING);
  d.setStr("_field_type", None);
  return f;
}

// ---------------------------------------------------------------- InitVar

const InitVarType = nativeType("InitVar", ObjectType, objectWithDict);
InitVarType.module = "dataclasses";
InitVarType.instanceDict = true;
defMethods(InitVarType, {
  __init__: (args) => {
    arity("InitVar", args.length - 1, 1);
    (args[0] as PyObject).dict!.setStr("type", args[1]);
    return None;
  },
  __repr__: (args) => {
    const t = (args[0] as PyObject).dict!.getStr("type") ?? None;
    return `dataclasses.InitVar[${t instanceof PyType ? (t.module === "builtins" ? t.name : qualifiedName(t)) : repr(t)}]`;
  },
});
InitVarType.dict!.setStr("__class_getitem__", new PyClassMethod(builtin("__class_getitem__", (args) => callPy(InitVarType, [args[1]]))));

const isInitVar = (a: PyValue): boolean => a === InitVarType || isInstance(a, InitVarType);

// ---------------------------------------------------------------- the decorator

interface Options {
  init: boolean;
  repr: boolean;
  eq: boolean;
  order: boolean;
  unsafeHash: boolean;
  frozen: boolean;
  matchArgs: boolean;
  kwOnly: boolean;
  slots: boolean;
}

const DATACLASS_PARAMS = ["init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only", "slots", "weakref_slot"];

/** __dataclass_params__: the decorator's options as attributes (CPython's _DataclassParams). */
const ParamsType = nativeType("_DataclassParams", ObjectType, objectWithDict);
ParamsType.module = "dataclasses";
ParamsType.instanceDict = true;
defMethods(ParamsType, {
  __repr__: (args) => {
    const d = (args[0] as PyObject).dict!;
    const parts = ["init", "repr", "eq", "order", "unsafe_hash", "frozen"].map((k) => `${k}=${repr(d.getStr(k) ?? None)}`);
    return `_DataclassParams(${parts.join(",")})`;
  },
});

/** _get_field: the Field for one annotation (its default from the class body), classified. */
function getField(cls: PyType, name: string, type: PyValue, defaultKwOnly: boolean): PyObject {
  const classValue = cls.dict!.getStr(name) ?? MISSING;
  const f = classValue instanceof PyObject && classValue.cls === FieldType ? classValue : makeField([], new Map([["default", classValue]]));
  const d = f.dict!;
  d.setStr("name", name);
  d.setStr("type", type);
  let kind: PyValue = FIELD;
  if (isClassVar(type)) {
    kind = FIELD_CLASSVAR;
  } else if (isInitVar(type)) {
    kind = FIELD_INITVAR;
  }
  d.setStr("_field_type", kind);
  if (kind !== FIELD && d.getStr("default_factory") !== MISSING) {
    throw typeError(`field ${name} cannot have a default factory`);
  }
  if (kind === FIELD || kind === FIELD_INITVAR) {
    if (d.getStr("kw_only") === MISSING) {
      d.setStr("kw_only", defaultKwOnly);
    }
  } else if (d.getStr("kw_only") !== MISSING) {
    throw typeError(`field ${name} is a ClassVar but specifies kw_only`);
  }
  const dflt = d.getStr("default")!;
  if (kind === FIELD && dflt !== MISSING && typeOf(dflt).lookup("__hash__") === None) {
    throw valueError(`mutable default ${repr(typeOf(dflt))} for field ${name} is not allowed: use default_factory`);
  }
  return f;
}

/** _set_new_attribute: adds a method unless the class body defined one; true when it was already there. */
function setNewAttribute(cls: PyType, name: string, value: PyValue): boolean {
  if (cls.dict!.getStr(name) !== undefined) {
    return true;
  }
  cls.dict!.setStr(name, value);
  bumpTypeEpoch();
  return false;
}

const method = (cls: PyType, name: string, fn: NativeFn): PyBuiltin => new PyBuiltin(name, fn, cls);

const fieldValues = (self: PyValue, fields: FieldInfo[]): PyTuple => new PyTuple(fields.map((f) => getAttr(self, f.name)));

/** The __init__ CPython would generate (_init_fn / _field_init). */
function initMethod(cls: PyType, fields: FieldInfo[], opts: Options, hasPostInit: boolean): PyBuiltin {
  const params: PyParam[] = [];
  const initFields = fields.filter((f) => f.init);
  for (const kwOnly of [false, true]) {
    for (const f of initFields.filter((x) => x.kwOnly === kwOnly)) {
      const dflt = f.factory !== MISSING ? HAS_DEFAULT_FACTORY : f.dflt !== MISSING ? f.dflt : undefined;
      params.push({ name: f.name, def: dflt, kwOnly });
    }
  }
  const qualname = `${cls.qualname}.__init__`;
  return method(cls, "__init__", (args, kwargs) => {
    const self = args[0];
    const values = pythonArgs(qualname, args.slice(1), kwargs, params, 1);
    const given = new Map(params.map((p, i) => [p.name, values[i]]));
    const initVars: PyValue[] = [];
    for (const f of fields) {
      let value: PyValue | undefined;
      if (f.factory !== MISSING) {
        const v = f.init ? given.get(f.name)! : HAS_DEFAULT_FACTORY;
        value = v === HAS_DEFAULT_FACTORY ? callPy(f.factory, []) : v;
      } else if (f.init) {
        value = given.get(f.name);
      } else if (opts.slots && f.dflt !== MISSING) {
        value = f.dflt;
      }
      if (f.kind === FIELD_INITVAR) {
        initVars.push(value ?? None);
        continue;
      }
      if (value === undefined) {
        continue;
      }
      if (opts.frozen) {
        genericSetAttr(self, f.name, value);
      } else {
        setAttr(self, f.name, value);
      }
    }
    if (hasPostInit) {
      callMethod(self, "__post_init__", initVars);
    }
    return None;
  });
}

/** Comparison of same-class instances as tuples of their compared fields; NotImplemented otherwise. */
function compareMethod(cls: PyType, name: string, op: CompareKind, fields: FieldInfo[]): PyBuiltin {
  return method(cls, name, (args) => {
    const [self, other] = args;
    if (typeOf(other) !== typeOf(self)) {
      return NotImplemented;
    }
    return richCompare(fieldValues(self, fields), fieldValues(other, fields), op);
  });
}

/** inspect.formatannotation, for the generated __doc__. */
function formatAnnotation(a: PyValue): string {
  if (a instanceof PyType) {
    return a.module === "builtins" ? a.qualname : qualifiedName(a);
  }
  return repr(a);
}

/** `Point(x: int, y: int = 0)`: the class's signature, as CPython's generated docstring. */
function signatureDoc(cls: PyType, params: FieldInfo[]): string {
  const parts: string[] = [];
  let starred = false;
  for (const f of params) {
    if (f.kwOnly && !starred) {
      parts.push("*");
      starred = true;
    }
    let p = `${f.name}: ${formatAnnotation(f.type)}`;
    if (f.factory !== MISSING) {
      p += " = <factory>";
    } else if (f.dflt !== MISSING) {
      p += ` = ${repr(f.dflt)}`;
    }
    parts.push(p);
  }
  return `${cls.name}(${parts.join(", ")})`;
}

/**
 * _hash_action: what to do with __hash__ for (unsafe_hash, eq, frozen, has_explicit_hash):
 * "none" sets it to None, "add" generates it, "error" refuses to overwrite one.
 */
function hashAction(unsafeHash: boolean, eq: boolean, frozen: boolean, explicit: boolean): "none" | "add" | "error" | null {
  if (!unsafeHash) {
    if (!eq || explicit) {
      return null;
    }
    return frozen ? "add" : "none";
  }
  return explicit ? "error" : "add";
}

/** _process_class */
function processClass(cls: PyType, opts: Options, module: PyModule): PyType {
  const fields = new Map<string, PyObject>();
  let hasDataclassBases = false;
  let anyFrozenBase = false;
  for (const b of [...cls.mro].slice(1).reverse()) {
    const baseFields = b.dict!.getStr("__dataclass_fields__");
    if (baseFields instanceof PyDict) {
      hasDataclassBases = true;
      for (const [, f] of baseFields.entries()) {
        fields.set(String(getAttr(f, "name")), f as PyObject);
      }
      const params = b.dict!.getStr("__dataclass_params__");
      if (params !== undefined && truthy(getAttr(params, "frozen"))) {
        anyFrozenBase = true;
      }
    }
  }
  const annotationsValue = cls.dict!.getStr("__annotations__");
  const annotations = annotationsValue instanceof PyDict ? annotationsValue : new PyDict();
  const clsFields: PyObject[] = [];
  let kwOnly = opts.kwOnly;
  let kwOnlySeen = false;
  for (const [k, type] of annotations.entries()) {
    const name = String(k);
    if (type === KW_ONLY || (typeof type === "string" && /^(dataclasses\.)?KW_ONLY$/.test(type))) {
      if (kwOnlySeen) {
        throw typeError(`${repr(name)} is KW_ONLY, but KW_ONLY has already been specified`);
      }
      kwOnlySeen = true;
      kwOnly = true;
    } else {
      clsFields.push(getField(cls, name, type, kwOnly));
    }
  }
  for (const f of clsFields) {
    const name = String(getAttr(f, "name"));
    fields.set(name, f);
    const classValue = cls.dict!.getStr(name);
    if (classValue instanceof PyObject && classValue.cls === FieldType) {
      const dflt = getAttr(f, "default");
      if (dflt === MISSING) {
        cls.dict!.delete(name);
      } else {
        cls.dict!.setStr(name, dflt);
      }
      bumpTypeEpoch();
    }
  }
  for (const [k, v] of cls.dict!.entries()) {
    if (v instanceof PyObject && v.cls === FieldType && !annotations.has(k)) {
      throw typeError(`${repr(k)} is a field but has no type annotation`);
    }
  }
  if (hasDataclassBases) {
    if (anyFrozenBase && !opts.frozen) {
      throw typeError("cannot inherit non-frozen dataclass from a frozen one");
    }
    if (!anyFrozenBase && opts.frozen) {
      throw typeError("cannot inherit frozen dataclass from a non-frozen one");
    }
  }
  const fieldsDict = new PyDict();
  for (const [name, f] of fields) {
    fieldsDict.setStr(name, f);
  }
  cls.dict!.setStr("__dataclass_fields__", fieldsDict);
  const params = objectWithDict(ParamsType);
  for (const [k, v] of [
    ["init", opts.init],
    ["repr", opts.repr],
    ["eq", opts.eq],
    ["order", opts.order],
    ["unsafe_hash", opts.unsafeHash],
    ["frozen", opts.frozen],
  ] as const) {
    params.dict!.setStr(k, v);
  }
  cls.dict!.setStr("__dataclass_params__", params);
  bumpTypeEpoch();

  const classHash = cls.dict!.getStr("__hash__");
  const hasExplicitHash = !(classHash === undefined || (classHash === None && cls.dict!.getStr("__eq__") !== undefined));
  if (opts.order && !opts.eq) {
    throw valueError("eq must be true if order is true");
  }
  const infos = [...fields.values()].map(fieldInfo);
  const initInfos = infos.filter((f) => f.kind === FIELD || f.kind === FIELD_INITVAR);
  const stdInit = initInfos.filter((f) => f.init && !f.kwOnly);
  const kwInit = initInfos.filter((f) => f.init && f.kwOnly);
  if (opts.init) {
    let seenDefault = false;
    for (const f of stdInit) {
      if (f.dflt !== MISSING || f.factory !== MISSING) {
        seenDefault = true;
      } else if (seenDefault) {
        throw typeError(`non-default argument ${repr(f.name)} follows default argument`);
      }
    }
    setNewAttribute(cls, "__init__", initMethod(cls, initInfos, opts, getAttrOpt(cls, "__post_init__") !== undefined));
  }
  const fieldList = infos.filter((f) => f.kind === FIELD);
  if (opts.repr) {
    const shown = fieldList.filter((f) => f.repr);
    setNewAttribute(
      cls,
      "__repr__",
      method(cls, "__repr__", (args) => {
        const self = args[0];
        if (!(self instanceof PyObject) || !reprEnter(self)) {
          return "...";
        }
        try {
          const parts = shown.map((f) => `${f.name}=${repr(getAttr(self, f.name))}`);
          return `${typeOf(self).qualname}(${parts.join(", ")})`;
        } finally {
          reprLeave(self);
        }
      }),
    );
  }
  const compared = fieldList.filter((f) => f.compare);
  if (opts.eq) {
    setNewAttribute(cls, "__eq__", compareMethod(cls, "__eq__", "eq", compared));
  }
  if (opts.order) {
    for (const [name, op] of [
      ["__lt__", "lt"],
      ["__le__", "le"],
      ["__gt__", "gt"],
      ["__ge__", "ge"],
    ] as const) {
      if (setNewAttribute(cls, name, compareMethod(cls, name, op, compared))) {
        throw typeError(`Cannot overwrite attribute ${name} in class ${cls.name}. Consider using functools.total_ordering`);
      }
    }
  }
  if (opts.frozen) {
    const make = module.dict!.getStr("_frozen_get_del_attr")!;
    const [setattr, delattr] = toArray(callPy(make, [cls, new PyTuple(fieldList.map((f) => f.name))]));
    for (const [name, fn] of [
      ["__setattr__", setattr],
      ["__delattr__", delattr],
    ] as const) {
      if (setNewAttribute(cls, name, fn)) {
        throw typeError(`Cannot overwrite attribute ${name} in class ${cls.name}`);
      }
    }
  }
  const action = hashAction(opts.unsafeHash, opts.eq, opts.frozen, hasExplicitHash);
  if (action === "error") {
    throw typeError(`Cannot overwrite attribute __hash__ in class ${cls.name}`);
  }
  if (action !== null) {
    const hashed = fieldList.filter((f) => (f.hash === None ? f.compare : truthy(f.hash)));
    cls.dict!.setStr("__hash__", action === "none" ? None : method(cls, "__hash__", (args) => hash(fieldValues(args[0], hashed))));
    bumpTypeEpoch();
  }
  const doc = cls.dict!.getStr("__doc__");
  if (doc === undefined || doc === None || doc === "") {
    cls.dict!.setStr("__doc__", signatureDoc(cls, [...stdInit, ...kwInit]));
  }
  if (opts.matchArgs) {
    setNewAttribute(cls, "__match_args__", new PyTuple(stdInit.map((f) => f.name)));
  }
  if (opts.slots) {
    if (cls.dict!.getStr("__slots__") !== undefined) {
      throw typeError(`${cls.name} already specifies __slots__`);
    }
    const names = fieldList.map((f) => f.name);
    cls.dict!.setStr("__slots__", new PyTuple(names));
    cls.slots = new Set([...(cls.slots ?? []), ...names]);
    cls.instanceDict = cls.bases.some((b) => b.instanceDict && b !== ObjectType);
    bumpTypeEpoch();
  }
  return cls;
}

function dataclassOptions(kwargs: KwArgs | null): Options {
  const v = kwParams("dataclass", [], kwargs, DATACLASS_PARAMS, 0);
  const flag = (i: number, dflt: boolean): boolean => (v[i] === undefined ? dflt : truthy(v[i]!));
  return {
    init: flag(0, true),
    repr: flag(1, true),
    eq: flag(2, true),
    order: flag(3, false),
    unsafeHash: flag(4, false),
    frozen: flag(5, false),
    matchArgs: flag(6, true),
    kwOnly: flag(7, false),
    slots: flag(8, false),
  };
}

// ---------------------------------------------------------------- the helper functions

const dataclassFields = (v: PyValue): PyDict | undefined => {
  const t = v instanceof PyType ? v : typeOf(v);
  const f = t.lookup("__dataclass_fields__");
  return f instanceof PyDict ? f : undefined;
};

const isDataclassInstance = (v: PyValue): boolean => !(v instanceof PyType) && dataclassFields(v) !== undefined;

/** The real fields (not ClassVar or InitVar pseudo-fields), in order. */
function realFields(v: PyValue): PyValue[] {
  const fields = dataclassFields(v);
  if (fields === undefined) {
    throw typeError("must be called with a dataclass type or instance");
  }
  return [...fields.entries()].map(([, f]) => f).filter((f) => getAttr(f, "_field_type") === FIELD);
}

/** _asdict_inner / _astuple_inner: dataclasses, namedtuples, lists, tuples and dicts recursively; deep copies of the rest. */
function convert(obj: PyValue, factory: PyValue, asDict: boolean, memo: PyDict): PyValue {
  if (isDataclassInstance(obj)) {
    const items = realFields(obj).map((f) => {
      const name = String(getAttr(f, "name"));
      const value = convert(getAttr(obj, name), factory, asDict, memo);
      return asDict ? new PyTuple([name, value]) : value;
    });
    return callPy(factory, [new PyList(items)]);
  }
  const t = typeOf(obj);
  if (obj instanceof PyTuple && isInstance(obj, TupleType) && getAttrOpt(obj, "_fields") !== undefined) {
    return callPy(t, obj.items.map((v) => convert(v, factory, asDict, memo)));
  }
  if ((obj instanceof PyList && isInstance(obj, ListType)) || (obj instanceof PyTuple && isInstance(obj, TupleType))) {
    return callPy(t, [new PyList(obj.items.map((v) => convert(v, factory, asDict, memo)))]);
  }
  if (obj instanceof PyDict && isInstance(obj, DictType)) {
    const pairs = [...obj.entries()].map(
      ([k, v]) => new PyTuple([convert(k, factory, asDict, memo), convert(v, factory, asDict, memo)]),
    );
    return callPy(t, [new PyList(pairs)]);
  }
  return deepCopy(obj, memo);
}

function asdict(args: PyValue[], kwargs: KwArgs | null, asDict: boolean): PyValue {
  const name = asDict ? "asdict" : "astuple";
  const [obj, factory] = kwParams(name, args.slice(0, 1), kwargs, ["obj", asDict ? "dict_factory" : "tuple_factory"], 1);
  if (obj === undefined || !isDataclassInstance(obj)) {
    throw typeError(`${name}() should be called on dataclass instances`);
  }
  return convert(obj, factory ?? (asDict ? DictType : TupleType), asDict, new PyDict());
}

function replace(args: PyValue[], kwargs: KwArgs | null): PyValue {
  if (args.length !== 1) {
    throw typeError(`replace() takes 1 positional argument but ${args.length} were given`);
  }
  const obj = args[0];
  const fields = dataclassFields(obj);
  if (fields === undefined || obj instanceof PyType) {
    throw typeError("replace() should be called on dataclass instances");
  }
  const changes: KwArgs = new Map(kwargs ?? []);
  for (const [, f] of fields.entries()) {
    const info = fieldInfo(f);
    if (info.kind === FIELD_CLASSVAR) {
      continue;
    }
    if (!info.init) {
      if (changes.has(info.name)) {
        throw valueError(`field ${info.name} is declared with init=False, it cannot be specified with replace()`);
      }
      continue;
    }
    if (!changes.has(info.name)) {
      if (info.kind === FIELD_INITVAR && info.dflt === MISSING) {
        throw valueError(`InitVar ${repr(info.name)} must be specified with replace()`);
      }
      changes.set(info.name, getAttr(obj, info.name));
    }
  }
  return callPy(typeOf(obj), [], changes);
}

/** make_dataclass(cls_name, fields, *, bases=(), namespace=None, **options) */
function makeDataclass(args: PyValue[], kwargs: KwArgs | null, module: PyModule): PyValue {
  const own = new Map(kwargs ?? []);
  const [bases, namespace] = [own.get("bases"), own.get("namespace")];
  own.delete("bases");
  own.delete("namespace");
  const [clsName, fieldSpecs] = args;
  if (typeof clsName !== "string" || fieldSpecs === undefined) {
    throw typeError("make_dataclass() missing required arguments 'cls_name' and 'fields'");
  }
  const ns = new PyDict();
  if (namespace instanceof PyDict) {
    for (const [k, v] of namespace.entries()) {
      ns.set(k, v);
    }
  }
  const annotations = new PyDict();
  for (const spec of toArray(fieldSpecs)) {
    if (typeof spec === "string") {
      annotations.setStr(spec, "typing.Any");
      continue;
    }
    const parts = toArray(spec);
    annotations.setStr(String(parts[0]), parts[1] ?? "typing.Any");
    if (parts.length > 2) {
      ns.setStr(String(parts[0]), parts[2]);
    }
  }
  ns.setStr("__annotations__", annotations);
  const cls = callPy(TypeType, [clsName, bases instanceof PyTuple ? bases : new PyTuple([]), ns]) as PyType;
  return processClass(cls, dataclassOptions(own), module);
}

// ---------------------------------------------------------------- the module

const FROZEN_SOURCE = `
def _frozen_get_del_attr(cls, fields):
    def __setattr__(self, name, value):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = f"{cls.__qualname__}.__setattr__"
    __delattr__.__qualname__ = f"{cls.__qualname__}.__delattr__"
    return __setattr__, __delattr__
`;

registerPythonModule("dataclasses", FROZEN_SOURCE, (m) => {
  const d = m.dict!;
  const def = (name: string, fn: NativeFn): void => {
    d.setStr(name, builtin(name, fn));
  };
  def("dataclass", (args, kwargs) => {
    if (args.length > 1) {
      throw typeError(`dataclass() takes from 0 to 1 positional arguments but ${args.length} were given`);
    }
    const opts = dataclassOptions(kwargs);
    const wrap = (cls: PyValue): PyValue => {
      if (!(cls instanceof PyType)) {
        throw typeError(`${repr(cls)} is not a class`);
      }
      return processClass(cls, opts, m);
    };
    if (args.length === 0 || args[0] === None) {
      return builtin("wrap", (a) => {
        arity("wrap", a.length, 1);
        return wrap(a[0]);
      });
    }
    return wrap(args[0]);
  });
  def("field", makeField);
  def("fields", (args) => {
    arity("fields", args.length, 1);
    return new PyTuple(realFields(args[0]));
  });
  def("asdict", (args, kwargs) => asdict(args, kwargs, true));
  def("astuple", (args, kwargs) => asdict(args, kwargs, false));
  def("replace", replace);
  def("is_dataclass", (args) => {
    arity("is_dataclass", args.length, 1);
    return dataclassFields(args[0]) !== undefined;
  });
  def("make_dataclass", (args, kwargs) => makeDataclass(args, kwargs, m));
  d.setStr("Field", FieldType);
  d.setStr("FrozenInstanceError", FrozenInstanceErrorType);
  d.setStr("InitVar", InitVarType);
  d.setStr("MISSING", MISSING);
  d.setStr("KW_ONLY", KW_ONLY);
  d.setStr(
    "__all__",
    new PyList(
      ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"],
    ),
  );
});
