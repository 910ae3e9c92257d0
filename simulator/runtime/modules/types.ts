/**
 * The `types` module (CPython's Lib/types.py): the builtin types by name, SimpleNamespace
 * (Objects/namespaceobject.c) and MappingProxyType (a read-only view of a dict).
 */
import { arity, builtin, defGetSet, defMethods, kwParams } from "../../vm/define";
import { typeError } from "../../vm/errors";
import { CoroutineType, GeneratorType } from "../../vm/iterators";
import { registerModule } from "../../vm/modules";
import {
  BuiltinFunctionType,
  CellType,
  CodeType,
  EllipsisType,
  FunctionType,
  MethodType,
  ModuleType,
  nativeType,
  None,
  NoneType,
  NotImplemented,
  NotImplementedType,
  ObjectType,
  PyDict,
  PyList,
  PyObject,
  PyStaticMethod,
  PyTuple,
  PyType,
  typeOf,
  TypeType,
  type PyValue,
} from "../../vm/objects";
import { callMethod, contains, getItem, iter, len, repr, reprEnter, reprLeave, richCompare, typeName } from "../../vm/protocol";
import { TracebackType } from "../../vm/types/exceptions";

// ---------------------------------------------------------------- SimpleNamespace

export const SimpleNamespaceType = nativeType("SimpleNamespace", ObjectType, (cls) => {
  const o = new PyObject(cls);
  o.dict = new PyDict();
  return o;
});
SimpleNamespaceType.module = "types";
SimpleNamespaceType.instanceDict = true;

const nsDict = (v: PyValue): PyDict => {
  if (!(v instanceof PyObject) || v.dict === null || !typeOf(v).isSubtypeOf(SimpleNamespaceType)) {
    throw typeError(`descriptor requires a 'types.SimpleNamespace' object but received a '${typeName(v)}'`);
  }
  return v.dict;
};

defMethods(SimpleNamespaceType, {
  __init__: (args, kwargs) => {
    const d = nsDict(args[0]);
    if (args.length > 1) {
      throw typeError("no positional arguments expected");
    }
    for (const [k, v] of kwargs ?? []) {
      d.setStr(k, v);
    }
    return None;
  },
  __repr__: (args) => {
    const self = args[0] as PyObject;
    const t = typeOf(self);
    const name = t === SimpleNamespaceType ? "namespace" : t.name;
    if (!reprEnter(self)) {
      return `${name}(...)`;
    }
    try {
      const parts: string[] = [];
      for (const [k, v] of nsDict(self).entries()) {
        if (typeof k === "string") {
          parts.push(`${k}=${repr(v)}`);
        }
      }
      return `${name}(${parts.join(", ")})`;
    } finally {
      reprLeave(self);
    }
  },
  __eq__: (args) => {
    const other = args[1];
    if (!typeOf(other).isSubtypeOf(SimpleNamespaceType)) {
      return NotImplemented;
    }
    return richCompare(nsDict(args[0]), nsDict(other), "eq");
  },
  __reduce__: (args) => new PyTuple([typeOf(args[0]), new PyTuple([]), nsDict(args[0])]),
});
SimpleNamespaceType.dict!.setStr("__hash__", None);

// ---------------------------------------------------------------- MappingProxyType

/** A read-only view of a mapping (Objects/descrobject.c mappingproxy). */
class PyMappingProxy extends PyObject {
  constructor(public mapping: PyValue) {
    super(MappingProxyType);
  }
}

export const MappingProxyType = nativeType("mappingproxy", ObjectType);

const proxied = (v: PyValue): PyValue => {
  if (!(v instanceof PyMappingProxy)) {
    throw typeError(`descriptor requires a 'mappingproxy' object but received a '${typeName(v)}'`);
  }
  return v.mapping;
};

/** mappingproxy(mapping), as dataclasses' Field.metadata uses it. */
export function mappingProxy(mapping: PyValue): PyObject {
  return new PyMappingProxy(mapping);
}

MappingProxyType.dict!.setStr(
  "__new__",
  new PyStaticMethod(
    builtin("__new__", (args, kwargs) => {
      const [mapping] = kwParams("mappingproxy", args.slice(1), kwargs, ["mapping"]);
      if (mapping === undefined) {
        throw typeError("mappingproxy() missing required argument 'mapping' (pos 1)");
      }
      if (mapping instanceof PyList || mapping instanceof PyTuple || typeOf(mapping).lookup("__getitem__") === undefined) {
        throw typeError(`mappingproxy() argument must be a mapping, not ${typeName(mapping)}`);
      }
      return new PyMappingProxy(mapping);
    }),
  ),
);
defMethods(MappingProxyType, {
  __getitem__: (args) => getItem(proxied(args[0]), args[1]),
  __len__: (args) => len(proxied(args[0])),
  __iter__: (args) => iter(proxied(args[0])),
  __contains__: (args) => contains(proxied(args[0]), args[1]),
  get: (args) => {
    arity("get", args.length - 1, 1, 2);
    const m = proxied(args[0]);
    return contains(m, args[1]) ? getItem(m, args[1]) : (args[2] ?? None);
  },
  keys: (args) => callMethod(proxied(args[0]), "keys", []),
  values: (args) => callMethod(proxied(args[0]), "values", []),
  items: (args) => callMethod(proxied(args[0]), "items", []),
  copy: (args) => callMethod(proxied(args[0]), "copy", []),
  __repr__: (args) => `mappingproxy(${repr(proxied(args[0]))})`,
  __eq__: (args) => richCompare(proxied(args[0]), args[1], "eq"),
});

registerModule("types", (m) => {
  const d = m.dict!;
  const names: [string, PyType][] = [
    ["SimpleNamespace", SimpleNamespaceType],
    ["MappingProxyType", MappingProxyType],
    ["FunctionType", FunctionType],
    ["LambdaType", FunctionType],
    ["BuiltinFunctionType", BuiltinFunctionType],
    ["BuiltinMethodType", BuiltinFunctionType],
    ["MethodType", MethodType],
    ["ModuleType", ModuleType],
    ["GeneratorType", GeneratorType],
    ["CoroutineType", CoroutineType],
    ["CodeType", CodeType],
    ["CellType", CellType],
    ["TracebackType", TracebackType],
    ["NoneType", NoneType],
    ["EllipsisType", EllipsisType],
    ["NotImplementedType", NotImplementedType],
  ];
  for (const [name, t] of names) {
    d.setStr(name, t);
  }
  d.setStr("__all__", new PyList(names.map(([n]) => n)));
});

// A class's `__dict__` is a read-only view of its namespace, as in CPython.
defGetSet(TypeType, "__dict__", (t) => mappingProxy((t as PyType).dict!));
