/**
 * The `operator` module (CPython 3.11's Modules/_operator.c): the operators as functions,
 * each a thin call into the VM's one implementation of that operator (operators.ts,
 * protocol.ts), and the itemgetter / attrgetter / methodcaller classes.
 */
import { BinaryOp, UnaryOp } from "../../python/opcodes";
import { arity, builtin, defGetSet, defMethods, noKwargs } from "../../vm/define";
import { typeError, valueError } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import {
  DictType,
  isInstance,
  nativeType,
  None,
  ObjectType,
  PyObject,
  PyTuple,
  typeOf,
  type KwArgs,
  type NativeFn,
  type PyType,
  type PyValue,
} from "../../vm/objects";
import { binaryOp, inplaceOp, isSame, unaryOp } from "../../vm/operators";
import {
  callMethod,
  callPy,
  contains,
  delItem,
  eq,
  forEach,
  getAttr,
  getItem,
  index,
  len,
  reprEnter,
  reprLeave,
  repr,
  richCompare,
  setItem,
  truthy,
  typeName,
  type CompareKind,
} from "../../vm/protocol";
import { vm } from "../../vm/vm";

/** A METH_O function: "_operator.neg() takes exactly one argument (0 given)". */
function fn1(name: string, f: (a: PyValue) => PyValue): NativeFn {
  return (args, kwargs) => {
    noKwargs(`_operator.${name}`, kwargs);
    arity(`_operator.${name}`, args.length, 1);
    return f(args[0]);
  };
}

/** A two-argument function: "add expected 2 arguments, got 1". */
function fn2(name: string, f: (a: PyValue, b: PyValue) => PyValue): NativeFn {
  return (args, kwargs) => {
    noKwargs(`_operator.${name}`, kwargs);
    arity(name, args.length, 2);
    return f(args[0], args[1]);
  };
}

/** PySequence_Check: the type has __getitem__ and is not a dict. */
function isSequence(v: PyValue): boolean {
  if (typeof v === "string") {
    return true;
  }
  const gi = typeOf(v).lookup("__getitem__");
  return gi !== undefined && gi !== None && !isInstance(v, DictType);
}

function concat(a: PyValue, b: PyValue, inplace: boolean): PyValue {
  if (!isSequence(a)) {
    throw typeError(`'${typeName(a)}' object can't be concatenated`);
  }
  return inplace ? inplaceOp(a, b, BinaryOp.Add) : binaryOp(a, b, BinaryOp.Add);
}

/** operator.length_hint(obj, default=0): len(), then __length_hint__, then the default (PyObject_LengthHint). */
function lengthHint(obj: PyValue, dflt: PyValue): PyValue {
  const d = index(dflt);
  const t = typeOf(obj);
  if (typeof obj === "string" || (t.lookup("__len__") !== undefined && t.lookup("__len__") !== None)) {
    return len(obj);
  }
  const h = t.lookup("__length_hint__");
  if (h === undefined || h === None) {
    return d;
  }
  const r = callPy(h, [obj]);
  if (r === None) {
    return d;
  }
  if (typeof r !== "number" && typeof r !== "bigint" && typeof r !== "boolean") {
    throw typeError(`__length_hint__ must be an integer, not ${typeName(r)}`);
  }
  const n = typeof r === "boolean" ? +r : r;
  if (n < 0) {
    throw valueError("__length_hint__() should return >= 0");
  }
  return n;
}

// ---------------------------------------------------------------- itemgetter, attrgetter, methodcaller

class ItemGetter extends PyObject {
  constructor(
    cls: PyType,
    readonly items: PyValue[],
  ) {
    super(cls);
  }
}

class AttrGetter extends PyObject {
  constructor(
    cls: PyType,
    /** Each attribute as its dotted path, split. */
    readonly paths: string[][],
    readonly names: string[],
  ) {
    super(cls);
  }
}

class MethodCaller extends PyObject {
  constructor(
    cls: PyType,
    readonly name: string,
    readonly args: PyValue[],
    readonly kwargs: KwArgs | null,
  ) {
    super(cls);
  }
}

function operatorType(name: string, alloc: (cls: PyType) => PyObject): PyType {
  const t = nativeType(name, ObjectType, alloc);
  t.module = "operator";
  return t;
}

const ItemGetterType = operatorType("itemgetter", (cls) => new ItemGetter(cls, []));
const AttrGetterType = operatorType("attrgetter", (cls) => new AttrGetter(cls, [], []));
const MethodCallerType = operatorType("methodcaller", (cls) => new MethodCaller(cls, "", [], null));

/** The repr of a getter: `operator.itemgetter(1, 'a')`, with CPython's guard against self-reference. */
function getterRepr(self: PyObject, parts: () => string[]): string {
  const name = `operator.${self.cls.name}`;
  if (!reprEnter(self)) {
    return `${name}(...)`;
  }
  try {
    return `${name}(${parts().join(", ")})`;
  } finally {
    reprLeave(self);
  }
}

defMethods(ItemGetterType, {
  __new__: (args, kwargs) => {
    noKwargs("itemgetter", kwargs);
    if (args.length < 2) {
      throw typeError("itemgetter expected 1 argument, got 0");
    }
    return new ItemGetter(args[0] as PyType, args.slice(1));
  },
  __call__: (args, kwargs) => {
    noKwargs("itemgetter", kwargs);
    arity("itemgetter", args.length - 1, 1);
    const self = args[0] as ItemGetter;
    const obj = args[1];
    if (self.items.length === 1) {
      return getItem(obj, self.items[0]);
    }
    return new PyTuple(self.items.map((k) => getItem(obj, k)));
  },
  __repr__: (args) => {
    const self = args[0] as ItemGetter;
    return getterRepr(self, () => self.items.map(repr));
  },
  __reduce__: (args) => {
    const self = args[0] as ItemGetter;
    return new PyTuple([self.cls, new PyTuple(self.items)]);
  },
});

/** Follows one dotted attribute path (`attrgetter('a.b')`). */
function dotted(obj: PyValue, path: string[]): PyValue {
  for (const p of path) {
    obj = getAttr(obj, p);
  }
  return obj;
}

defMethods(AttrGetterType, {
  __new__: (args, kwargs) => {
    noKwargs("attrgetter", kwargs);
    if (args.length < 2) {
      throw typeError("attrgetter expected 1 argument, got 0");
    }
    const names = args.slice(1).map((a) => {
      if (typeof a !== "string") {
        throw typeError("attribute name must be a string");
      }
      return a;
    });
    return new AttrGetter(args[0] as PyType, names.map((n) => n.split(".")), names);
  },
  __call__: (args, kwargs) => {
    noKwargs("attrgetter", kwargs);
    arity("attrgetter", args.length - 1, 1);
    const self = args[0] as AttrGetter;
    const obj = args[1];
    if (self.paths.length === 1) {
      return dotted(obj, self.paths[0]);
    }
    return new PyTuple(self.paths.map((p) => dotted(obj, p)));
  },
  __repr__: (args) => {
    const self = args[0] as AttrGetter;
    return getterRepr(self, () => self.names.map(repr));
  },
});

defMethods(MethodCallerType, {
  __new__: (args, kwargs) => {
    if (args.length < 2) {
      throw typeError("methodcaller needs at least one argument, the method name");
    }
    const name = args[1];
    if (typeof name !== "string") {
      throw typeError("method name must be a string");
    }
    return new MethodCaller(args[0] as PyType, name, args.slice(2), kwargs && kwargs.size ? new Map(kwargs) : null);
  },
  __call__: (args, kwargs) => {
    noKwargs("methodcaller", kwargs);
    arity("methodcaller", args.length - 1, 1);
    const self = args[0] as MethodCaller;
    return callMethod(args[1], self.name, self.args, self.kwargs);
  },
  __repr__: (args) => {
    const self = args[0] as MethodCaller;
    return getterRepr(self, () => [
      repr(self.name),
      ...self.args.map(repr),
      ...[...(self.kwargs ?? new Map<string, PyValue>())].map(([k, v]) => `${k}=${repr(v)}`),
    ]);
  },
});
defGetSet(MethodCallerType, "__name__", (self) => (self as MethodCaller).name);

// ---------------------------------------------------------------- the module

const BINARY: [string, BinaryOp][] = [
  ["add", BinaryOp.Add],
  ["sub", BinaryOp.Sub],
  ["mul", BinaryOp.Mul],
  ["matmul", BinaryOp.MatMul],
  ["truediv", BinaryOp.TrueDiv],
  ["floordiv", BinaryOp.FloorDiv],
  ["mod", BinaryOp.Mod],
  ["pow", BinaryOp.Pow],
  ["lshift", BinaryOp.LShift],
  ["rshift", BinaryOp.RShift],
  ["and_", BinaryOp.And],
  ["or_", BinaryOp.Or],
  ["xor", BinaryOp.Xor],
];

const COMPARE: CompareKind[] = ["lt", "le", "eq", "ne", "ge", "gt"];

registerModule("operator", (m) => {
  const d = m.dict!;
  /** Defines `name` and, as _operator.c does, its dunder alias (`__add__`, `__not__`, ...). */
  const def = (name: string, f: NativeFn, dunder: string | null = name.replace(/_$/, "")): void => {
    const b = builtin(name, f);
    d.setStr(name, b);
    if (dunder !== null) {
      d.setStr(`__${dunder}__`, b);
    }
  };
  for (const [name, op] of BINARY) {
    def(name, fn2(name, (a, b) => binaryOp(a, b, op)));
    const iname = `i${name.replace(/_$/, "")}`;
    def(iname, fn2(iname, (a, b) => inplaceOp(a, b, op)));
  }
  for (const k of COMPARE) {
    def(k, fn2(k, (a, b) => richCompare(a, b, k)));
  }
  def("neg", fn1("neg", (a) => unaryOp(a, UnaryOp.Neg)));
  def("pos", fn1("pos", (a) => unaryOp(a, UnaryOp.Pos)));
  def("invert", fn1("invert", (a) => unaryOp(a, UnaryOp.Invert)));
  def("inv", fn1("inv", (a) => unaryOp(a, UnaryOp.Invert)));
  def("not_", fn1("not_", (a) => !truthy(a)));
  def("truth", fn1("truth", (a) => truthy(a)), null);
  def("abs", fn1("abs", (a) => callPy(vm().builtins.getStr("abs")!, [a])));
  def("index", fn1("index", (a) => index(a)));
  def("is_", fn2("is_", (a, b) => isSame(a, b)), null);
  def("is_not", fn2("is_not", (a, b) => !isSame(a, b)), null);
  def("concat", fn2("concat", (a, b) => concat(a, b, false)));
  def("iconcat", fn2("iconcat", (a, b) => concat(a, b, true)));
  def("contains", fn2("contains", (a, b) => contains(a, b)));
  def("getitem", fn2("getitem", (a, b) => getItem(a, b)));
  def("delitem", fn2("delitem", (a, b) => {
    delItem(a, b);
    return None;
  }));
  def("setitem", (args, kwargs) => {
    noKwargs("_operator.setitem", kwargs);
    arity("setitem", args.length, 3);
    setItem(args[0], args[1], args[2]);
    return None;
  });
  def("countOf", fn2("countOf", (a, b) => {
    let n = 0;
    forEach(a, (x) => {
      if (x === b || eq(x, b)) {
        n++;
      }
    });
    return n;
  }), null);
  def("indexOf", fn2("indexOf", (a, b) => {
    let i = 0;
    let found = -1;
    forEach(a, (x) => {
      if (x === b || eq(x, b)) {
        found = i;
        return true;
      }
      i++;
      return false;
    });
    if (found < 0) {
      throw valueError("sequence.index(x): x not in sequence");
    }
    return found;
  }), null);
  def("length_hint", (args, kwargs) => {
    noKwargs("_operator.length_hint", kwargs);
    arity("length_hint", args.length, 1, 2);
    return lengthHint(args[0], args.length > 1 ? args[1] : 0);
  }, null);
  def("call", (args, kwargs) => {
    if (args.length < 1) {
      throw typeError("call() missing 1 required positional argument: 'obj'");
    }
    return callPy(args[0], args.slice(1), kwargs);
  });
  d.setStr("itemgetter", ItemGetterType);
  d.setStr("attrgetter", AttrGetterType);
  d.setStr("methodcaller", MethodCallerType);
});
