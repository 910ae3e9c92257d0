/**
 * Callables and descriptors as Python objects: functions, bound methods, builtins, modules,
 * property, classmethod, staticmethod, super, cells and code objects.
 */
import { currentTask } from "../interp";
import { defGetSet, defMethods } from "../define";
import { attributeError, pyErr, RuntimeErrorType, typeError, Unsupported, valueError } from "../errors";
import {
  BuiltinFunctionType,
  CellType,
  ClassMethodType,
  CodeType,
  FunctionType,
  MethodType,
  ModuleType,
  None,
  NotImplemented,
  PropertyType,
  PyBuiltin,
  PyCell,
  PyClassMethod,
  PyCode,
  PyDict,
  PyFunction,
  PyMethod,
  PyModule,
  PyObject,
  PyProperty,
  PyStaticMethod,
  PyTuple,
  PyType,
  StaticMethodType,
  PySuper,
  SuperType,
  typeOf,
  type PyValue,
} from "../objects";
import { callPy, genericGetAttr, getAttr, propertyMissing, repr, setSuperGetAttr } from "../protocol";
import { objectId } from "../identity";
import { kwParams } from "../define";

const hex = (n: number): string => "0x" + n.toString(16).padStart(12, "0");

// ---------------------------------------------------------------- function

defMethods(FunctionType, {
  __repr__: (args) => {
    const f = args[0] as PyFunction;
    return `<function ${f.qualname} at ${hex(objectId(f))}>`;
  },
  __get__: (args) => (args[1] === None ? args[0] : new PyMethod(args[0], args[1])),
  __call__: (args, kwargs) => callPy(args[0], args.slice(1), kwargs),
});
const fnAttr = (name: string, get: (f: PyFunction) => PyValue, set?: (f: PyFunction, v: PyValue) => void): void =>
  defGetSet(
    FunctionType,
    name,
    (f) => get(f as PyFunction),
    set
      ? (f, v) => {
          if (v === undefined) {
            throw typeError(`cannot delete ${name}`);
          }
          set(f as PyFunction, v);
        }
      : null,
  );
fnAttr("__name__", (f) => f.name, (f, v) => {
  if (typeof v !== "string") {
    throw typeError("__name__ must be set to a string object");
  }
  f.name = v;
});
fnAttr("__qualname__", (f) => f.qualname, (f, v) => {
  f.qualname = String(v);
});
fnAttr("__doc__", (f) => f.doc, (f, v) => {
  f.doc = v;
});
fnAttr("__module__", (f) => f.module, (f, v) => {
  f.module = v;
});
fnAttr("__defaults__", (f) => (f.defaults.length ? new PyTuple(f.defaults) : None), (f, v) => {
  f.defaults = v instanceof PyTuple ? v.items : [];
});
fnAttr("__kwdefaults__", (f) => f.kwdefaults ?? None);
fnAttr("__globals__", (f) => f.globals);
fnAttr("__code__", (f) => new PyCode(f.code));
fnAttr("__closure__", (f) => (f.closure ? new PyTuple(f.closure) : None));
fnAttr(
  "__annotations__",
  (f) => {
    const d = f.dict?.getStr("__annotations__");
    if (d !== undefined) {
      return d;
    }
    const nd = new PyDict();
    (f.dict ??= new PyDict()).setStr("__annotations__", nd);
    return nd;
  },
  (f, v) => {
    if (v === undefined) {
      f.dict?.delete("__annotations__");
    } else if (v instanceof PyDict) {
      (f.dict ??= new PyDict()).setStr("__annotations__", v);
    } else {
      throw typeError("__annotations__ must be set to a dict object");
    }
  },
);
fnAttr(
  "__dict__",
  (f) => (f.dict ??= new PyDict()),
  (f, v) => {
    f.dict = v as PyDict;
  },
);
// Function attributes (`f.calls = 0`) live in the function's own dict, made on demand.
FunctionType.instanceDict = true;

// ---------------------------------------------------------------- bound method

defMethods(MethodType, {
  __repr__: (args) => {
    const m = args[0] as PyMethod;
    const fname = m.func instanceof PyFunction ? m.func.qualname : String(getAttr(m.func, "__qualname__"));
    return `<bound method ${fname} of ${repr(m.self)}>`;
  },
  __eq__: (args) => {
    const a = args[0] as PyMethod;
    const b = args[1];
    if (!(b instanceof PyMethod)) {
      return NotImplemented;
    }
    return a.func === b.func && a.self === b.self;
  },
  __hash__: (args) => objectId((args[0] as PyMethod).func) ^ objectId((args[0] as PyMethod).self),
  __call__: (args, kwargs) => callPy(args[0], args.slice(1), kwargs),
});
defGetSet(MethodType, "__self__", (m) => (m as PyMethod).self);
defGetSet(MethodType, "__func__", (m) => (m as PyMethod).func);
// Other attributes (__name__, __doc__, ...) come from the function.
defMethods(MethodType, {
  __getattribute__: (args) => {
    const m = args[0] as PyMethod;
    const name = args[1] as string;
    const v = genericGetAttr(m, name);
    return v !== undefined ? v : getAttr(m.func, name);
  },
});

// ---------------------------------------------------------------- builtin functions

defMethods(BuiltinFunctionType, {
  __repr__: (args) => {
    const b = args[0] as PyBuiltin;
    if (b.self !== undefined) {
      return `<built-in method ${b.name} of ${typeOf(b.self).name} object at ${hex(objectId(b.self))}>`;
    }
    if (b.owner !== null) {
      return `<method '${b.name}' of '${b.owner.name}' objects>`;
    }
    return `<built-in function ${b.name}>`;
  },
  __call__: (args, kwargs) => callPy(args[0], args.slice(1), kwargs),
  __get__: (args) => {
    const b = args[0] as PyBuiltin;
    return args[1] === None || b.owner === null ? b : new PyBuiltin(b.name, b.fn, b.owner, args[1]);
  },
});
defGetSet(BuiltinFunctionType, "__name__", (b) => (b as PyBuiltin).name);
defGetSet(BuiltinFunctionType, "__qualname__", (b) => {
  const f = b as PyBuiltin;
  return f.owner ? `${f.owner.name}.${f.name}` : f.name;
});
defGetSet(BuiltinFunctionType, "__self__", (b) => (b as PyBuiltin).self ?? None);
defGetSet(BuiltinFunctionType, "__doc__", () => None);
defGetSet(BuiltinFunctionType, "__module__", (b) => ((b as PyBuiltin).owner ? None : "builtins"));

// ---------------------------------------------------------------- module

defMethods(ModuleType, {
  __repr__: (args) => {
    const m = args[0] as PyModule;
    const file = m.dict!.getStr("__file__");
    return file === undefined ? `<module '${m.name}' (built-in)>` : `<module '${m.name}' from '${String(file)}'>`;
  },
  __dir__: (args) => {
    const m = args[0] as PyModule;
    return callPy(getAttr(m.dict!, "keys"), []);
  },
});
defGetSet(ModuleType, "__dict__", (m) => (m as PyModule).dict!);

// ---------------------------------------------------------------- property, classmethod, staticmethod

PropertyType.alloc = (cls) => {
  const p = new PyProperty(None, None, None, None);
  p.cls = cls;
  return p;
};
defMethods(PropertyType, {
  __init__: (args, kwargs) => {
    const p = args[0] as PyProperty;
    const [fget, fset, fdel, doc] = kwParams("property", args.slice(1), kwargs, ["fget", "fset", "fdel", "doc"]);
    p.fget = fget ?? None;
    p.fset = fset ?? None;
    p.fdel = fdel ?? None;
    p.doc = doc ?? (p.fget !== None ? (getAttrOr(p.fget, "__doc__") ?? None) : None);
    return None;
  },
  __get__: (args) => {
    const p = args[0] as PyProperty;
    if (args[1] === None) {
      return p;
    }
    if (p.fget === None) {
      throw propertyMissing(p, args[1], "getter");
    }
    return callPy(p.fget, [args[1]]);
  },
  __set__: (args) => {
    const p = args[0] as PyProperty;
    if (p.fset === None) {
      throw propertyMissing(p, args[1], "setter");
    }
    callPy(p.fset, [args[1], args[2]]);
    return None;
  },
  getter: (args) => copyProperty(args[0] as PyProperty, { fget: args[1] }),
  setter: (args) => copyProperty(args[0] as PyProperty, { fset: args[1] }),
  deleter: (args) => copyProperty(args[0] as PyProperty, { fdel: args[1] }),
});
defGetSet(PropertyType, "fget", (p) => (p as PyProperty).fget);
defGetSet(PropertyType, "fset", (p) => (p as PyProperty).fset);
defGetSet(PropertyType, "fdel", (p) => (p as PyProperty).fdel);
defGetSet(PropertyType, "__doc__", (p) => (p as PyProperty).doc);
defGetSet(PropertyType, "__isabstractmethod__", (p) => {
  const f = (p as PyProperty).fget;
  return f !== None && getAttrOr(f, "__isabstractmethod__") === true;
});

function getAttrOr(o: PyValue, name: string): PyValue | undefined {
  return genericGetAttr(o, name);
}

function copyProperty(p: PyProperty, change: Partial<Pick<PyProperty, "fget" | "fset" | "fdel">>): PyProperty {
  const n = new PyProperty(change.fget ?? p.fget, change.fset ?? p.fset, change.fdel ?? p.fdel, p.doc);
  n.cls = p.cls;
  if (change.fget !== undefined && p.doc === None) {
    n.doc = getAttrOr(change.fget, "__doc__") ?? None;
  }
  return n;
}

ClassMethodType.alloc = (cls) => {
  const c = new PyClassMethod(None);
  c.cls = cls;
  return c;
};
defMethods(ClassMethodType, {
  __init__: (args) => {
    (args[0] as PyClassMethod).func = args[1];
    return None;
  },
  __get__: (args) => new PyMethod((args[0] as PyClassMethod).func, args[2] ?? typeOf(args[1])),
});
defGetSet(ClassMethodType, "__func__", (c) => (c as PyClassMethod).func);
defGetSet(ClassMethodType, "__isabstractmethod__", (c) => getAttrOr((c as PyClassMethod).func, "__isabstractmethod__") ?? false);
StaticMethodType.alloc = (cls) => {
  const s = new PyStaticMethod(None);
  s.cls = cls;
  return s;
};
defMethods(StaticMethodType, {
  __init__: (args) => {
    (args[0] as PyStaticMethod).func = args[1];
    return None;
  },
  __get__: (args) => (args[0] as PyStaticMethod).func,
  __call__: (args, kwargs) => callPy((args[0] as PyStaticMethod).func, args.slice(1), kwargs),
});
defGetSet(StaticMethodType, "__func__", (c) => (c as PyStaticMethod).func);

// ---------------------------------------------------------------- super


SuperType.dict!.setStr(
  "__new__",
  new PyBuiltin(
    "__new__",
    (args) => {
      if (args.length === 1) {
        return zeroArgSuper();
      }
      const t = args[1];
      if (!(t instanceof PyType)) {
        throw typeError(`super() argument 1 must be a type, not ${typeOf(t).name}`);
      }
      if (args.length === 2) {
        throw new Unsupported("unbound super objects (super() with one argument)");
      }
      return makeSuper(t, args[2]);
    },
    SuperType,
  ),
);

function makeSuper(t: PyType, obj: PyValue): PySuper {
  if (obj instanceof PyType && obj.isSubtypeOf(t)) {
    return new PySuper(t, obj, obj);
  }
  const ot = typeOf(obj);
  if (!ot.isSubtypeOf(t)) {
    throw typeError("super(type, obj): obj must be an instance or subtype of type");
  }
  return new PySuper(t, obj, ot);
}

/** super() with no arguments: the enclosing class from the `__class__` cell, the first argument of the calling frame. */
function zeroArgSuper(): PySuper {
  const f = currentTask().frame;
  if (f === null) {
    throw pyErr(RuntimeErrorType, "super(): no arguments");
  }
  const code = f.code;
  const ci = code.freevars.indexOf("__class__");
  if (ci < 0) {
    throw pyErr(RuntimeErrorType, "super(): __class__ cell not found");
  }
  if (code.argcount === 0) {
    throw pyErr(RuntimeErrorType, "super(): no arguments");
  }
  let first = f.locals[0];
  const cellIdx = code.cell2arg.indexOf(0);
  if (cellIdx >= 0) {
    first = f.cells![cellIdx].value;
  }
  if (first === undefined) {
    throw pyErr(RuntimeErrorType, "super(): arg[0] deleted");
  }
  const cls = f.cells![code.cellvars.length + ci].value;
  if (!(cls instanceof PyType)) {
    throw pyErr(RuntimeErrorType, "super(): empty __class__ cell");
  }
  return makeSuper(cls, first);
}

/** Attribute lookup through a super object. */
export function superGetAttr(s: PySuper, name: string): PyValue {
  if (name === "__class__") {
    return SuperType;
  }
  const mro = s.objType.mro;
  let i = mro.indexOf(s.thisType) + 1;
  for (; i < mro.length; i++) {
    const d = mro[i].dict!.getStr(name);
    if (d === undefined) {
      continue;
    }
    if (d instanceof PyFunction) {
      return s.obj === s.objType && !(s.obj instanceof PyObject && !(s.obj instanceof PyType)) ? d : new PyMethod(d, s.obj);
    }
    if (d instanceof PyBuiltin && d.owner !== null) {
      if (name === "__new__") {
        return d;
      }
      return s.obj instanceof PyType && s.obj === s.objType ? d : new PyBuiltin(d.name, d.fn, d.owner, s.obj);
    }
    if (d instanceof PyClassMethod) {
      return new PyMethod(d.func, s.objType);
    }
    if (d instanceof PyStaticMethod) {
      return d.func;
    }
    if (d instanceof PyProperty) {
      return callPy(d.fget, [s.obj]);
    }
    const get = typeOf(d).lookup("__get__");
    if (get !== undefined && d instanceof PyObject && d.cls.heap) {
      return callPy(get, [d, s.obj, s.objType]);
    }
    return d;
  }
  const own = genericGetAttr(s, name);
  if (own !== undefined) {
    return own;
  }
  throw attributeError(`'super' object has no attribute '${name}'`);
}

setSuperGetAttr(superGetAttr);

defMethods(SuperType, {
  __repr__: (args) => {
    const s = args[0] as PySuper;
    return `<super: <class '${s.thisType.name}'>, <${s.objType.name} object>>`;
  },
});
defGetSet(SuperType, "__thisclass__", (s) => (s as PySuper).thisType);
defGetSet(SuperType, "__self__", (s) => (s as PySuper).obj);

// ---------------------------------------------------------------- cells and code

defMethods(CellType, {
  __repr__: (args) => `<cell at ${hex(objectId(args[0]))}>`,
});
defGetSet(CellType, "cell_contents", (c) => {
  const v = (c as PyCell).value;
  if (v === undefined) {
    throw valueError("Cell is empty");
  }
  return v;
});
defMethods(CodeType, {
  __repr__: (args) => {
    const c = (args[0] as PyCode).code;
    return `<code object ${c.name} at ${hex(objectId(args[0]))}, file "${c.filename}", line ${c.firstLine}>`;
  },
});
defGetSet(CodeType, "co_name", (c) => (c as PyCode).code.name);
defGetSet(CodeType, "co_filename", (c) => (c as PyCode).code.filename);
defGetSet(CodeType, "co_firstlineno", (c) => (c as PyCode).code.firstLine);
defGetSet(CodeType, "co_argcount", (c) => (c as PyCode).code.argcount);
defGetSet(CodeType, "co_varnames", (c) => new PyTuple((c as PyCode).code.varnames));
defGetSet(CodeType, "co_freevars", (c) => new PyTuple((c as PyCode).code.freevars));
defGetSet(CodeType, "co_cellvars", (c) => new PyTuple((c as PyCode).code.cellvars));
defGetSet(CodeType, "co_posonlyargcount", (c) => (c as PyCode).code.posonlyargcount);
defGetSet(CodeType, "co_kwonlyargcount", (c) => (c as PyCode).code.kwonlyargcount);
defGetSet(CodeType, "co_flags", (c) => (c as PyCode).code.flags);
defGetSet(CodeType, "co_qualname", (c) => (c as PyCode).code.qualname);
