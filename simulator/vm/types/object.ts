/**
 * `object`, `type`, and the small singleton types (NoneType, NotImplementedType, ellipsis):
 * the dunders every class inherits, and the attributes of classes themselves.
 */
import { arity, defGetSet, defMethods } from "../define";
import { allocInstance, callType } from "../call";
import { typeNew } from "../classes";
import { attributeError, typeError } from "../errors";
import {
  EllipsisType,
  None,
  NoneType,
  NotImplemented,
  NotImplementedType,
  ObjectType,
  PyBuiltin,
  PyClassMethod,
  PyDict,
  PyList,
  PyObject,
  PyTuple,
  PyType,
  TypeType,
  bumpTypeEpoch,
  typeOf,
  type PyValue,
} from "../objects";
import { genericGetAttr, genericSetAttr, noAttribute, repr, richCompare, setObjectLookup, str, truthy } from "../protocol";
import { objectId } from "../identity";

/** `module.QualName` for reprs of classes and instances (builtins print without the module). */
export function qualifiedName(t: PyType): string {
  return t.module === "builtins" ? t.qualname : `${t.module}.${t.qualname}`;
}

const hex = (n: number): string => "0x" + n.toString(16).padStart(12, "0");

/** `<__main__.C object at 0x...>` */
export function defaultRepr(o: PyValue): string {
  return `<${qualifiedName(typeOf(o))} object at ${hex(objectId(o))}>`;
}

const objectNew = new PyBuiltin(
  "__new__",
  (args) => {
    const cls = args[0];
    if (!(cls instanceof PyType)) {
      throw typeError(`object.__new__(X): X is not a type object (${typeOf(cls).name})`);
    }
    return allocInstance(cls);
  },
  ObjectType,
);
ObjectType.dict!.setStr("__new__", objectNew);

defMethods(ObjectType, {
  __init__: () => None,
  __repr__: (args) => defaultRepr(args[0]),
  __str__: (args) => repr(args[0]),
  __eq__: (args) => (args[0] === args[1] ? true : NotImplemented),
  __ne__: (args) => {
    const r = richCompare(args[0], args[1], "eq");
    return r === NotImplemented ? NotImplemented : !truthy(r);
  },
  __hash__: (args) => Math.floor(objectId(args[0]) / 16),
  __format__: (args) => {
    const spec = args[1];
    if (typeof spec !== "string") {
      throw typeError(`__format__() argument must be str, not ${typeOf(spec).name}`);
    }
    if (spec !== "") {
      throw typeError(`unsupported format string passed to ${typeOf(args[0]).name}.__format__`);
    }
    return str(args[0]);
  },
  __getattribute__: (args) => {
    const name = args[1] as string;
    const v = genericGetAttr(args[0], name);
    if (v === undefined) {
      throw noAttribute(args[0], name);
    }
    return v;
  },
  __setattr__: (args) => {
    genericSetAttr(args[0], args[1] as string, args[2]);
    return None;
  },
  __delattr__: (args) => {
    genericSetAttr(args[0], args[1] as string, undefined);
    return None;
  },
  __dir__: (args) => new PyList(dirNames(args[0])),
  __reduce_ex__: () => {
    throw typeError("cannot pickle this object in Interleave");
  },
});
ObjectType.dict!.setStr(
  "__init_subclass__",
  new PyClassMethod(new PyBuiltin("__init_subclass__", (args, kwargs) => {
    if (kwargs && kwargs.size) {
      throw typeError(`${(args[0] as PyType).name}.__init_subclass__() takes no keyword arguments`);
    }
    return None;
  })),
);
defGetSet(
  ObjectType,
  "__class__",
  (o) => typeOf(o),
  (o, v) => {
    if (!(o instanceof PyObject) || !(v instanceof PyType) || !o.cls.heap || !v.heap || v.solid !== o.cls.solid) {
      throw typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
    }
    o.cls = v;
  },
);
defGetSet(
  ObjectType,
  "__dict__",
  (o) => {
    if (o instanceof PyObject && o.dict !== null) {
      return o.dict;
    }
    throw noAttribute(o, "__dict__");
  },
  (o, v) => {
    if (!(o instanceof PyObject) || !(v instanceof PyDict)) {
      throw typeError("__dict__ must be set to a dictionary");
    }
    o.dict = v;
  },
);
setObjectLookup((name) => ObjectType.dict!.getStr(name));

/** Names dir() lists: the instance's dict and every class along the MRO, sorted. */
export function dirNames(o: PyValue): string[] {
  const names = new Set<string>();
  if (o instanceof PyObject && o.dict !== null && !(o instanceof PyType)) {
    for (const k of o.dict.keyList()) {
      names.add(String(k));
    }
  }
  const mro = o instanceof PyType ? o.mro : typeOf(o).mro;
  for (const t of mro) {
    for (const k of t.dict!.keyList()) {
      names.add(String(k));
    }
  }
  return [...names].sort();
}

// ---------------------------------------------------------------- type

TypeType.dict!.setStr(
  "__new__",
  new PyBuiltin(
    "__new__",
    (args, kwargs) => {
      const meta = args[0];
      if (!(meta instanceof PyType)) {
        throw typeError("type.__new__(X): X is not a type object");
      }
      if (args.length === 2) {
        return typeOf(args[1]);
      }
      if (args.length !== 4) {
        throw typeError("type() takes 1 or 3 arguments");
      }
      return typeNew(meta, args[1], args[2], args[3], kwargs);
    },
    TypeType,
  ),
);

defMethods(TypeType, {
  __init__: () => None,
  __call__: (args, kwargs) => {
    const cls = args[0];
    if (!(cls instanceof PyType)) {
      throw typeError("descriptor '__call__' requires a 'type' object");
    }
    return callType(cls, args.slice(1), kwargs);
  },
  __repr__: (args) => `<class '${qualifiedName(args[0] as PyType)}'>`,
  mro: (args) => new PyList([...(args[0] as PyType).mro]),
  __subclasses__: (args) => new PyList([...(args[0] as PyType).subclasses]),
  __instancecheck__: (args) => typeOf(args[1]).isSubtypeOf(args[0] as PyType),
  __subclasscheck__: (args) => (args[1] as PyType).isSubtypeOf(args[0] as PyType),
  __or__: (args) => new PyTuple([args[0], args[1]]),
});
defGetSet(
  TypeType,
  "__name__",
  (t) => (t as PyType).name,
  (t, v) => {
    if (typeof v !== "string") {
      throw typeError("can only assign string to __name__");
    }
    (t as PyType).name = v;
  },
);
defGetSet(
  TypeType,
  "__qualname__",
  (t) => (t as PyType).qualname,
  (t, v) => {
    (t as PyType).qualname = String(v);
  },
);
defGetSet(
  TypeType,
  "__module__",
  (t) => (t as PyType).dict!.getStr("__module__") ?? (t as PyType).module,
  (t, v) => {
    (t as PyType).dict!.setStr("__module__", v ?? None);
    (t as PyType).module = typeof v === "string" ? v : "";
    bumpTypeEpoch();
  },
);
defGetSet(TypeType, "__mro__", (t) => new PyTuple([...(t as PyType).mro]));
defGetSet(TypeType, "__bases__", (t) => new PyTuple([...(t as PyType).bases]));
defGetSet(TypeType, "__base__", (t) => (t as PyType).bases[0] ?? None);
defGetSet(TypeType, "__dict__", (t) => (t as PyType).dict!);
defGetSet(TypeType, "__doc__", (t) => (t as PyType).dict!.getStr("__doc__") ?? None);
defGetSet(TypeType, "__annotations__", (t) => {
  const a = (t as PyType).dict!.getStr("__annotations__");
  if (a === undefined) {
    const d = new PyDict();
    (t as PyType).dict!.setStr("__annotations__", d);
    return d;
  }
  return a;
});
defGetSet(TypeType, "__abstractmethods__", (t) => {
  const v = (t as PyType).dict!.getStr("__abstractmethods__");
  if (v === undefined) {
    throw attributeError("__abstractmethods__");
  }
  return v;
});

// ---------------------------------------------------------------- singletons

const singletonNew = (name: string, value: PyValue) =>
  new PyBuiltin(
    "__new__",
    (args) => {
      arity(`${name}`, args.length - 1, 0);
      return value;
    },
    ObjectType,
  );

NoneType.dict!.setStr("__new__", singletonNew("NoneType", None));
defMethods(NoneType, {
  __repr__: () => "None",
  __bool__: () => false,
});
NotImplementedType.dict!.setStr("__new__", singletonNew("NotImplementedType", NotImplemented));
defMethods(NotImplementedType, { __repr__: () => "NotImplemented" });
defMethods(EllipsisType, { __repr__: () => "Ellipsis" });
