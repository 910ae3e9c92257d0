/**
 * The `typing` module, for annotations: every name a program imports exists, subscripting
 * works (`List[int]`, `Optional[str]`, `Callable[[int], str]`) and prints as CPython's
 * reprs (Lib/typing.py), Generic and Protocol are real classes to inherit from, aliases of
 * builtin classes can be bases (`__mro_entries__`), and NamedTuple / TypedDict classes
 * build what CPython builds. Nothing is checked at run time, as in CPython.
 */
import { arity, builtin, defGetSet, defMethods, kwParams, type PyParam } from "../../vm/define";
import { attributeError, typeError } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import {
  BytesType,
  DictType,
  Ellipsis,
  isInstance,
  ListType,
  nativeType,
  None,
  NoneType,
  ObjectType,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyList,
  PyObject,
  PyStaticMethod,
  PyTuple,
  PyType,
  StrType,
  TupleType,
  TypeType,
  type KwArgs,
  type PyValue,
} from "../../vm/objects";
import { callPy, repr, str, toArray, typeName } from "../../vm/protocol";
import { vm } from "../../vm/vm";
import { qualifiedName } from "../../vm/types/object";
import {
  callerModule,
  ChainMapType,
  CounterType,
  DefaultDictType,
  DequeType,
  makeNamedTuple,
  OrderedDictType,
} from "./collections";

// ---------------------------------------------------------------- special forms and aliases

/** A typing name (`List`, `Optional`, `Any`) or one subscripted (`List[int]`): `origin` is the runtime class, if any. */
export class PyTypingForm extends PyObject {
  constructor(
    public name: string,
    public origin: PyValue,
    public args: PyValue[] | null,
  ) {
    super(TypingFormType);
  }
}

export const TypingFormType = nativeType("_GenericAlias", ObjectType);
TypingFormType.module = "typing";

const asForm = (v: PyValue): PyTypingForm => {
  if (!(v instanceof PyTypingForm)) {
    throw typeError(`descriptor requires a 'typing._GenericAlias' object but received '${typeName(v)}'`);
  }
  return v;
};

/** typing._type_repr: classes by (qualified) name, `...`, functions by name, lists of parameters in brackets. */
function typeRepr(v: PyValue): string {
  if (v instanceof PyType) {
    return qualifiedName(v);
  }
  if (v === Ellipsis) {
    return "...";
  }
  if (v instanceof PyFunction) {
    return v.name;
  }
  if (v instanceof PyList) {
    return `[${v.items.map(typeRepr).join(", ")}]`;
  }
  return repr(v);
}

/** Optional[X] is Union[X, None]; a Union of one type is that type; nested Unions flatten (typing.Union.__getitem__). */
function union(items: PyValue[]): PyValue {
  const flat: PyValue[] = [];
  for (const it of items) {
    const t = it === None ? NoneType : it;
    const parts = t instanceof PyTypingForm && t.name === "Union" && t.args ? t.args : [t];
    for (const p of parts) {
      if (!flat.includes(p)) {
        flat.push(p);
      }
    }
  }
  return flat.length === 1 ? flat[0] : new PyTypingForm("Union", None, flat);
}

const subscriptArgs = (k: PyValue): PyValue[] => (k instanceof PyTuple ? k.items.slice() : [k]);

defMethods(TypingFormType, {
  __getitem__: (args) => {
    const f = asForm(args[0]);
    const params = subscriptArgs(args[1]);
    if (f.name === "Union" && f.args === null) {
      return union(params);
    }
    if (f.name === "Optional" && f.args === null) {
      if (params.length !== 1) {
        throw typeError("typing.Optional requires a single type.");
      }
      return union([params[0], None]);
    }
    return new PyTypingForm(f.name, f.origin, params);
  },
  __repr__: (args) => {
    const f = asForm(args[0]);
    if (f.args === null) {
      return `typing.${f.name}`;
    }
    if (f.name === "Union" && f.args.length === 2 && f.args.includes(NoneType)) {
      return `typing.Optional[${typeRepr(f.args.find((a) => a !== NoneType)!)}]`;
    }
    const shown = f.args.length === 0 ? ["()"] : f.args.map(typeRepr);
    return `typing.${f.name}[${shown.join(", ")}]`;
  },
  __call__: (args, kwargs) => {
    const f = asForm(args[0]);
    if (f.origin instanceof PyType && f.args !== null) {
      return callPy(f.origin, args.slice(1), kwargs);
    }
    if (f.origin instanceof PyType) {
      throw typeError(`Type ${f.name} cannot be instantiated; use ${f.origin.name}() instead`);
    }
    throw typeError(`Cannot instantiate typing.${f.name}`);
  },
  __mro_entries__: (args) => {
    const f = asForm(args[0]);
    if (f.origin instanceof PyType) {
      return new PyTuple([f.origin]);
    }
    throw typeError(`Cannot subclass typing.${f.name}`);
  },
  __or__: (args) => union([args[0], args[1]]),
  __ror__: (args) => union([args[1], args[0]]),
  __instancecheck__: (args) => {
    const f = asForm(args[0]);
    if (f.args !== null || !(f.origin instanceof PyType)) {
      throw typeError("Subscripted generics cannot be used with class and instance checks");
    }
    return isInstance(args[1], f.origin);
  },
});
defGetSet(TypingFormType, "__origin__", (f) => {
  const form = asForm(f);
  if (form.args === null) {
    throw attributeError(`'_SpecialForm' object has no attribute '__origin__'`);
  }
  return form.origin === None ? new PyTypingForm(form.name, None, null) : form.origin;
});
defGetSet(TypingFormType, "__args__", (f) => new PyTuple(asForm(f).args ?? []));
defGetSet(TypingFormType, "_name", (f) => asForm(f).name);

/** Whether an annotation is ClassVar or ClassVar[...] (dataclasses' _is_classvar, string annotations included). */
export function isClassVar(a: PyValue): boolean {
  if (a instanceof PyTypingForm) {
    return a.name === "ClassVar";
  }
  return typeof a === "string" && /^(typing\.)?ClassVar\b/.test(a);
}

// ---------------------------------------------------------------- TypeVar

/** TypeVar('T', *constraints, bound=None, covariant=False, contravariant=False); repr `~T`. */
export const TypeVarType = nativeType("TypeVar", ObjectType, (cls) => {
  const o = new PyObject(cls);
  o.dict = new PyDict();
  return o;
});
TypeVarType.module = "typing";
TypeVarType.instanceDict = true;

defMethods(TypeVarType, {
  __init__: (args, kwargs) => {
    const self = args[0] as PyObject;
    const name = args[1];
    if (typeof name !== "string") {
      throw typeError("TypeVar() missing 1 required positional argument: 'name'");
    }
    const [bound, covariant, contravariant] = kwParams("TypeVar", [], kwargs, ["bound", "covariant", "contravariant"], 0);
    const constraints = args.slice(2);
    if (constraints.length === 1) {
      throw typeError("A single constraint is not allowed");
    }
    const d = self.dict!;
    d.setStr("__name__", name);
    d.setStr("__bound__", bound ?? None);
    d.setStr("__constraints__", new PyTuple(constraints));
    d.setStr("__covariant__", covariant ?? false);
    d.setStr("__contravariant__", contravariant ?? false);
    return None;
  },
  __repr__: (args) => {
    const d = (args[0] as PyObject).dict!;
    const prefix = d.getStr("__covariant__") === true ? "+" : d.getStr("__contravariant__") === true ? "-" : "~";
    return `${prefix}${str(d.getStr("__name__") ?? "?")}`;
  },
  __or__: (args) => union([args[0], args[1]]),
  __ror__: (args) => union([args[1], args[0]]),
});

// ---------------------------------------------------------------- Generic, Protocol, NamedTuple, TypedDict

/** A class programs inherit from; subscripting it (`Generic[T]`, `Stack[int]`) gives the class back. */
function subscriptableBase(name: string): PyType {
  const t = new PyType(name, [ObjectType], TypeType);
  t.mro = [t, ObjectType];
  t.alloc = ObjectType.alloc;
  t.heap = true;
  t.instanceDict = true;
  t.module = "typing";
  t.dict!.setStr("__module__", "typing");
  t.dict!.setStr("__class_getitem__", new PyClassMethod(builtin("__class_getitem__", (args) => args[0])));
  return t;
}

export const GenericType = subscriptableBase("Generic");
export const ProtocolType = subscriptableBase("Protocol");

/** NamedTuple's metaclass: makes a class body with annotations into a namedtuple (typing.NamedTupleMeta). */
const NamedTupleMetaType = nativeType("NamedTupleMeta", TypeType);
NamedTupleMetaType.module = "typing";

const PROHIBITED = new Set(["__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source"]);
const SPECIAL = new Set(["__module__", "__name__", "__annotations__"]);

NamedTupleMetaType.dict!.setStr(
  "__new__",
  new PyStaticMethod(
    builtin("__new__", (args) => {
      const [, name, , ns] = args;
      if (typeof name !== "string" || !(ns instanceof PyDict)) {
        throw typeError("NamedTupleMeta.__new__() expects (name, bases, namespace)");
      }
      const annotations = ns.getStr("__annotations__");
      const fields: PyParam[] = [];
      const defaultNames: string[] = [];
      if (annotations instanceof PyDict) {
        for (const [k] of annotations.entries()) {
          const field = String(k);
          const dflt = ns.getStr(field);
          if (dflt !== undefined) {
            defaultNames.push(field);
            fields.push({ name: field, def: dflt });
          } else if (defaultNames.length) {
            const s = defaultNames.length > 1 ? "s" : "";
            throw typeError(`Non-default namedtuple field ${field} cannot follow default field${s} ${defaultNames.join(", ")}`);
          } else {
            fields.push({ name: field });
          }
        }
      }
      const module = ns.getStr("__module__");
      const t = makeNamedTuple(
        name,
        fields.map((f) => f.name),
        fields.filter((f) => f.def !== undefined).map((f) => f.def!),
        typeof module === "string" ? module : "__main__",
      );
      const qual = ns.getStr("__qualname__");
      if (typeof qual === "string") {
        t.qualname = qual;
      }
      t.dict!.setStr("__annotations__", annotations instanceof PyDict ? annotations : new PyDict());
      for (const [k, v] of ns.entries()) {
        const key = String(k);
        if (PROHIBITED.has(key)) {
          throw attributeError(`Cannot overwrite NamedTuple attribute ${key}`);
        }
        if (!SPECIAL.has(key) && key !== "__qualname__" && !fields.some((f) => f.name === key)) {
          t.dict!.setStr(key, v);
        }
      }
      return t;
    }),
  ),
);

/** The base `class P(NamedTuple)` really inherits from, through NamedTuple's __mro_entries__. */
const NamedTupleBase = new PyType("NamedTuple", [ObjectType], NamedTupleMetaType);
NamedTupleBase.mro = [NamedTupleBase, ObjectType];
NamedTupleBase.alloc = ObjectType.alloc;
NamedTupleBase.module = "typing";

/** `NamedTuple`: a base in class statements, a function in `NamedTuple('P', [('x', int)])`. */
const NamedTupleFnType = nativeType("function", ObjectType);
defMethods(NamedTupleFnType, {
  __call__: (args, kwargs) => {
    const [typename, fields] = kwParams("NamedTuple", args.slice(1), kwargs, ["typename", "fields"]);
    if (typeof typename !== "string") {
      throw typeError("NamedTuple() missing 1 required positional argument: 'typename'");
    }
    const names = fields === undefined || fields === None ? [] : toArray(fields).map((p) => str(toArray(p)[0]));
    return makeNamedTuple(typename, names, [], callerModule());
  },
  __mro_entries__: () => new PyTuple([NamedTupleBase]),
  __repr__: () => "<function NamedTuple>",
});

/** TypedDict: its classes are dict subclasses (instances are dicts with the given keys). */
const TypedDictFnType = nativeType("function", ObjectType);
defMethods(TypedDictFnType, {
  __mro_entries__: () => new PyTuple([DictType]),
  __call__: (args) => {
    arity("TypedDict", args.length - 1, 1, 2);
    return callPy(TypeType, [args[1], new PyTuple([DictType]), new PyDict()]);
  },
  __repr__: () => "<function TypedDict>",
});

// ---------------------------------------------------------------- the module

/** Typing names that stand for a runtime class (subscriptable aliases). */
function aliases(): [string, PyValue][] {
  const builtinNamed = (n: string): PyValue => vm().builtins?.getStr(n) ?? None;
  return [
    ["List", ListType],
    ["Dict", DictType],
    ["Tuple", TupleType],
    ["Set", builtinNamed("set")],
    ["FrozenSet", builtinNamed("frozenset")],
    ["Type", TypeType],
    ["Deque", DequeType],
    ["DefaultDict", DefaultDictType],
    ["OrderedDict", OrderedDictType],
    ["Counter", CounterType],
    ["ChainMap", ChainMapType],
    ["Text", StrType],
  ];
}

const ABSTRACT_NAMES = [
  "Callable", "Iterable", "Iterator", "Generator", "AsyncIterator", "AsyncIterable", "AsyncGenerator", "Awaitable",
  "Coroutine", "Sequence", "MutableSequence", "Mapping", "MutableMapping", "AbstractSet", "MutableSet", "Hashable",
  "Sized", "Container", "Collection", "Reversible", "ContextManager", "AsyncContextManager", "KeysView", "ValuesView",
  "ItemsView", "MappingView", "Pattern", "Match", "IO", "TextIO", "BinaryIO", "SupportsInt", "SupportsFloat",
  "SupportsComplex", "SupportsBytes", "SupportsIndex", "SupportsAbs", "SupportsRound",
];

const SPECIAL_FORMS = [
  "Any", "Union", "Optional", "ClassVar", "Final", "Literal", "Annotated", "NoReturn", "Never", "Self",
  "LiteralString", "TypeAlias", "Concatenate", "TypeGuard", "Required", "NotRequired", "Unpack",
];

const identity = (name: string) =>
  builtin(name, (args) => {
    arity(name, args.length, 1);
    return args[0];
  });

registerModule("typing", (m) => {
  const d = m.dict!;
  for (const [name, origin] of aliases()) {
    d.setStr(name, name === "Text" ? origin : new PyTypingForm(name, origin, null));
  }
  for (const name of [...ABSTRACT_NAMES, ...SPECIAL_FORMS]) {
    d.setStr(name, new PyTypingForm(name, None, null));
  }
  d.setStr("TypeVar", TypeVarType);
  d.setStr("ParamSpec", TypeVarType);
  d.setStr("TypeVarTuple", TypeVarType);
  d.setStr("AnyStr", callPy(TypeVarType, ["AnyStr", BytesType, StrType]));
  d.setStr("Generic", GenericType);
  d.setStr("Protocol", ProtocolType);
  d.setStr("NamedTuple", new PyObject(NamedTupleFnType));
  d.setStr("TypedDict", new PyObject(TypedDictFnType));
  d.setStr("TYPE_CHECKING", false);
  for (const name of ["overload", "final", "no_type_check", "runtime_checkable", "override"]) {
    d.setStr(name, identity(name));
  }
  const def = (name: string, fn: (args: PyValue[], kwargs: KwArgs | null) => PyValue): void => {
    d.setStr(name, builtin(name, fn));
  };
  def("cast", (args) => {
    arity("cast", args.length, 2);
    return args[1];
  });
  def("assert_type", (args) => {
    arity("assert_type", args.length, 2);
    return args[0];
  });
  def("reveal_type", (args) => {
    arity("reveal_type", args.length, 1);
    vm().write("stderr", `Runtime type is ${repr(typeName(args[0]))}\n`);
    return args[0];
  });
  def("get_origin", (args) => {
    arity("get_origin", args.length, 1);
    const f = args[0];
    return f instanceof PyTypingForm && f.args !== null ? (f.origin === None ? new PyTypingForm(f.name, None, null) : f.origin) : None;
  });
  def("get_args", (args) => {
    arity("get_args", args.length, 1);
    const f = args[0];
    return new PyTuple(f instanceof PyTypingForm && f.args !== null ? f.args : []);
  });
  def("get_type_hints", (args) => {
    arity("get_type_hints", args.length, 1, 3);
    const out = new PyDict();
    const target = args[0];
    const sources = target instanceof PyType ? [...target.mro].reverse() : [target];
    for (const s of sources) {
      const a = s instanceof PyObject ? (s instanceof PyType ? s.dict!.getStr("__annotations__") : s.dict?.getStr("__annotations__")) : undefined;
      if (a instanceof PyDict) {
        for (const [k, v] of a.entries()) {
          out.set(k, v === None ? NoneType : v);
        }
      }
    }
    return out;
  });
  def("NewType", (args) => {
    arity("NewType", args.length, 2);
    const name = str(args[0]);
    return builtin(name, (a) => {
      arity(name, a.length, 1);
      return a[0];
    });
  });
  def("dataclass_transform", () => identity("dataclass_transform"));
});
