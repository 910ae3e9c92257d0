/**
 * The `abc` module (CPython's Lib/abc.py and Modules/_abc.c): ABCMeta computes each class's
 * `__abstractmethods__`; instantiating a class that still has some raises CPython's
 * TypeError. CPython checks in object.__new__; here ABC's own `__new__` checks, so the
 * check applies to classes derived from ABC (the common form), not to classes that only
 * name `metaclass=ABCMeta`. `register()` makes virtual subclasses that isinstance and
 * issubclass see.
 */
import { arity, builtin, defMethods } from "../../vm/define";
import { runtimeError, typeError } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import { typeNew } from "../../vm/classes";
import {
  bumpTypeEpoch,
  nativeType,
  None,
  ObjectType,
  PyClassMethod,
  PyList,
  PyProperty,
  PyStaticMethod,
  PyTuple,
  PyType,
  TypeType,
  typeOf,
  type PyValue,
} from "../../vm/objects";
import { callPy, getAttrOpt, setAttr, toArray, truthy, typeName } from "../../vm/protocol";
import { FrozenSetType } from "../../vm/types/set";

/** ABCMeta: a metaclass (heap, so that isinstance consults its __instancecheck__ for registered classes). */
export const ABCMetaType = nativeType("ABCMeta", TypeType);
ABCMetaType.module = "abc";
ABCMetaType.heap = true;

/** Virtual subclasses by ABC (`Sequence.register(MyList)`). */
const registry = new WeakMap<PyType, PyType[]>();

const isAbstract = (v: PyValue | undefined): boolean => {
  if (v === undefined) {
    return false;
  }
  const flag = getAttrOpt(v, "__isabstractmethod__");
  return flag !== undefined && truthy(flag);
};

/** ABCMeta.__new__'s computation: abstract names defined here, plus inherited ones still abstract in cls. */
function computeAbstracts(cls: PyType): string[] {
  const names = new Set<string>();
  for (const [k, v] of cls.dict!.entries()) {
    if (typeof k === "string" && isAbstract(v)) {
      names.add(k);
    }
  }
  for (const base of cls.bases) {
    const inherited = base.dict!.getStr("__abstractmethods__");
    if (inherited === undefined) {
      continue;
    }
    for (const name of toArray(inherited)) {
      if (typeof name === "string" && isAbstract(getAttrOpt(cls, name))) {
        names.add(name);
      }
    }
  }
  return [...names];
}

function setAbstracts(cls: PyType): void {
  cls.dict!.setStr("__abstractmethods__", callPy(FrozenSetType, [new PyList(computeAbstracts(cls))]));
  bumpTypeEpoch();
}

function isVirtualSubclass(cls: PyType, abc: PyType): boolean {
  if (cls.isSubtypeOf(abc)) {
    return true;
  }
  for (const t of [abc, ...collectSubclassesOf(abc)]) {
    for (const r of registry.get(t) ?? []) {
      if (cls.isSubtypeOf(r)) {
        return true;
      }
    }
  }
  return false;
}

/** ABCs registered below `abc` are also its virtual subclasses (registration is transitive). */
function collectSubclassesOf(abc: PyType): PyType[] {
  const out: PyType[] = [];
  for (const r of registry.get(abc) ?? []) {
    out.push(r, ...collectSubclassesOf(r));
  }
  return out;
}

ABCMetaType.dict!.setStr(
  "__new__",
  new PyStaticMethod(
    builtin("__new__", (args, kwargs) => {
      arity("ABCMeta.__new__", args.length, 4);
      const cls = typeNew(args[0] as PyType, args[1], args[2], args[3], kwargs);
      setAbstracts(cls);
      return cls;
    }),
  ),
);

defMethods(ABCMetaType, {
  register: (args) => {
    arity("register", args.length - 1, 1);
    const [cls, subclass] = args;
    if (!(subclass instanceof PyType)) {
      throw typeError("Can only register classes");
    }
    const abc = cls as PyType;
    if (abc.isSubtypeOf(subclass) || isVirtualSubclass(abc, subclass)) {
      throw runtimeError("Refusing to create an inheritance cycle");
    }
    const list = registry.get(abc) ?? [];
    list.push(subclass);
    registry.set(abc, list);
    return subclass;
  },
  __instancecheck__: (args) => isVirtualSubclass(typeOf(args[1]), args[0] as PyType),
  __subclasscheck__: (args) => {
    if (!(args[1] instanceof PyType)) {
      throw typeError("issubclass() arg 1 must be a class");
    }
    return isVirtualSubclass(args[1], args[0] as PyType);
  },
});

/** The class programs derive from: `class Shape(ABC)`. */
export const ABCType = new PyType("ABC", [ObjectType], ABCMetaType);
ABCType.mro = [ABCType, ObjectType];
ABCType.alloc = ObjectType.alloc;
ABCType.heap = true;
ABCType.slots = new Set();
ABCType.module = "abc";
ABCType.dict!.setStr("__module__", "abc");
ABCType.dict!.setStr("__slots__", new PyTuple([]));

/** object.__new__'s abstract-class check (Objects/typeobject.c object_new), and its "takes no arguments". */
ABCType.dict!.setStr(
  "__new__",
  new PyStaticMethod(
    builtin("__new__", (args, kwargs) => {
      const cls = args[0];
      if (!(cls instanceof PyType)) {
        throw typeError(`object.__new__(X): X is not a type object (${typeName(cls)})`);
      }
      const objectInit = ObjectType.dict!.getStr("__init__");
      if ((args.length > 1 || (kwargs !== null && kwargs.size > 0)) && cls.lookup("__init__") === objectInit) {
        throw typeError(`${cls.name}() takes no arguments`);
      }
      const own = cls.dict!.getStr("__abstractmethods__");
      const abstracts = own === undefined ? computeAbstracts(cls) : toArray(own).map(String);
      if (abstracts.length) {
        abstracts.sort();
        const s = abstracts.length > 1 ? "s" : "";
        throw typeError(`Can't instantiate abstract class ${cls.name} with abstract method${s} ${abstracts.join(", ")}`);
      }
      return callPy(ObjectType.dict!.getStr("__new__")!, [cls]);
    }),
  ),
);

/** abstractmethod(f): marks f (CPython sets the attribute; the class computes the rest). */
function abstractmethod(args: PyValue[]): PyValue {
  arity("abstractmethod", args.length, 1);
  setAttr(args[0], "__isabstractmethod__", true);
  return args[0];
}

registerModule("abc", (m) => {
  const d = m.dict!;
  d.setStr("ABCMeta", ABCMetaType);
  d.setStr("ABC", ABCType);
  d.setStr("abstractmethod", builtin("abstractmethod", abstractmethod));
  d.setStr(
    "abstractclassmethod",
    builtin("abstractclassmethod", (args) => new PyClassMethod(abstractmethod(args))),
  );
  d.setStr(
    "abstractstaticmethod",
    builtin("abstractstaticmethod", (args) => new PyStaticMethod(abstractmethod(args))),
  );
  d.setStr(
    "abstractproperty",
    builtin("abstractproperty", (args) =>
      new PyProperty(abstractmethod(args.slice(0, 1)), args[1] ?? None, args[2] ?? None, args[3] ?? None),
    ),
  );
  d.setStr("get_cache_token", builtin("get_cache_token", () => 0));
  d.setStr(
    "update_abstractmethods",
    builtin("update_abstractmethods", (args) => {
      arity("update_abstractmethods", args.length, 1);
      if (args[0] instanceof PyType && args[0].dict!.getStr("__abstractmethods__") !== undefined) {
        setAbstracts(args[0]);
      }
      return args[0];
    }),
  );
});
