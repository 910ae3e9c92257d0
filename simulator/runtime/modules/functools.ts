/**
 * The `functools` module: the C parts of CPython 3.11 (Modules/_functoolsmodule.c: reduce,
 * partial, cmp_to_key, _lru_cache_wrapper) and the Python parts of Lib/functools.py
 * (update_wrapper, wraps, lru_cache, cache, total_ordering, cached_property, singledispatch) with the same
 * steps, so hits, misses, attribute copying and comparison results match.
 */
import { arity, defGetSet, defMethods, noKwargs } from "../../vm/define";
import { attributeError, typeError, valueError } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import {
  BoolType,
  IntType,
  isInstance,
  nativeType,
  None,
  NotImplemented,
  ObjectType,
  PyBuiltin,
  PyDict,
  PyMethod,
  PyObject,
  PyTuple,
  PyType,
  TupleType,
  typeOf,
  type KwArgs,
  type NativeFn,
  type PyValue,
} from "../../vm/objects";
import {
  callMethod,
  callPy,
  getAttr,
  getAttrOpt,
  index,
  iter,
  next,
  repr,
  reprEnter,
  reprLeave,
  richCompare,
  setAttr,
  str,
  truthy,
  type CompareKind,
} from "../../vm/protocol";
import { pythonArgs } from "../../vm/define";

/** callable(v), as the builtin decides it. */
const isCallable = (v: PyValue): boolean => v instanceof PyType || typeOf(v).lookup("__call__") !== undefined;

const kwMap = (d: PyDict): KwArgs | null => {
  if (d.size === 0) {
    return null;
  }
  const m: KwArgs = new Map();
  for (const [k, v] of d.entries()) {
    m.set(k as string, v);
  }
  return m;
};

/** Binds a Lib/functools.py function's parameters; `defaults[i]` undefined marks a required one. */
const bindPy = (
  name: string,
  args: PyValue[],
  kwargs: KwArgs | null,
  names: string[],
  defaults: (PyValue | undefined)[],
): PyValue[] => pythonArgs(name, args, kwargs, names.map((n, i) => ({ name: n, def: defaults[i] })));

// ---------------------------------------------------------------- reduce

const reduce: NativeFn = (args, kwargs) => {
  noKwargs("reduce", kwargs);
  arity("reduce", args.length, 2, 3);
  const func = args[0];
  let result: PyValue | undefined = args[2];
  const it = iter(args[1]);
  for (let x = next(it); x !== undefined; x = next(it)) {
    result = result === undefined ? x : callPy(func, [result, x]);
  }
  if (result === undefined) {
    throw typeError("reduce() of empty iterable with no initial value");
  }
  return result;
};

// ---------------------------------------------------------------- partial

/** functools.partial: a callable with some arguments fixed. */
export class PyPartial extends PyObject {
  constructor(
    cls: PyType,
    public func: PyValue,
    public args: PyValue[],
    public keywords: PyDict,
  ) {
    super(cls);
    this.dict = new PyDict();
  }
}

export const PartialType = nativeType("partial", ObjectType, (cls) => new PyPartial(cls, None, [], new PyDict()));
PartialType.module = "functools";

function newPartial(cls: PyType, args: PyValue[], kwargs: KwArgs | null): PyPartial {
  if (args.length < 1) {
    throw typeError("type 'partial' takes at least one argument");
  }
  let func = args[0];
  let pargs: PyValue[] = [];
  const kw = new PyDict();
  // A plain partial of a plain partial is flattened (partial_new).
  if (func instanceof PyPartial && func.cls === PartialType && cls === PartialType && func.dict!.size === 0) {
    pargs = func.args;
    for (const [k, v] of func.keywords.entries()) {
      kw.set(k, v);
    }
    func = func.func;
  }
  if (!isCallable(func)) {
    throw typeError("the first argument must be callable");
  }
  if (kwargs) {
    for (const [k, v] of kwargs) {
      kw.setStr(k, v);
    }
  }
  return new PyPartial(cls, func, [...pargs, ...args.slice(1)], kw);
}

defMethods(PartialType, {
  __new__: (args, kwargs) => newPartial(args[0] as PyType, args.slice(1), kwargs),
  __call__: (args, kwargs) => {
    const p = args[0] as PyPartial;
    let kw = kwMap(p.keywords);
    if (kwargs && kwargs.size) {
      kw = new Map([...(kw ?? []), ...kwargs]);
    }
    return callPy(p.func, [...p.args, ...args.slice(1)], kw);
  },
  __repr__: (args) => {
    const p = args[0] as PyPartial;
    if (!reprEnter(p)) {
      return "...";
    }
    try {
      let list = "";
      for (const a of p.args) {
        list += `, ${repr(a)}`;
      }
      for (const [k, v] of p.keywords.entries()) {
        list += `, ${str(k)}=${repr(v)}`;
      }
      // tp_name: "functools.partial" for the C type, the bare name for a Python subclass.
      const name = p.cls === PartialType ? "functools.partial" : p.cls.name;
      return `${name}(${repr(p.func)}${list})`;
    } finally {
      reprLeave(p);
    }
  },
});
defGetSet(PartialType, "func", (p) => (p as PyPartial).func);
defGetSet(PartialType, "args", (p) => new PyTuple((p as PyPartial).args));
defGetSet(PartialType, "keywords", (p) => (p as PyPartial).keywords);

// ---------------------------------------------------------------- update_wrapper and wraps

const WRAPPER_ASSIGNMENTS = ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"];
const WRAPPER_UPDATES = ["__dict__"];

function updateWrapper(wrapper: PyValue, wrapped: PyValue, assigned: PyValue, updated: PyValue): PyValue {
  const assignedNames = toStrings(assigned);
  for (const attr of assignedNames) {
    const value = getAttrOpt(wrapped, attr);
    if (value !== undefined) {
      setAttr(wrapper, attr, value);
    }
  }
  for (const attr of toStrings(updated)) {
    callMethod(getAttr(wrapper, attr), "update", [getAttrOpt(wrapped, attr) ?? new PyDict()]);
  }
  setAttr(wrapper, "__wrapped__", wrapped);
  return wrapper;
}

function toStrings(v: PyValue): string[] {
  const out: string[] = [];
  const it = iter(v);
  for (let x = next(it); x !== undefined; x = next(it)) {
    out.push(x as string);
  }
  return out;
}

const ASSIGNMENTS_TUPLE = new PyTuple(WRAPPER_ASSIGNMENTS);
const UPDATES_TUPLE = new PyTuple(WRAPPER_UPDATES);

const updateWrapperFn = new PyBuiltin("update_wrapper", (args, kwargs) => {
  const [wrapper, wrapped, assigned, updated] = bindPy(
    "update_wrapper",
    args,
    kwargs,
    ["wrapper", "wrapped", "assigned", "updated"],
    [undefined, undefined, ASSIGNMENTS_TUPLE, UPDATES_TUPLE],
  );
  return updateWrapper(wrapper, wrapped, assigned, updated);
});

/** wraps(wrapped, ...) is partial(update_wrapper, wrapped=..., assigned=..., updated=...), as in Lib/functools.py. */
const wrapsFn: NativeFn = (args, kwargs) => {
  const [wrapped, assigned, updated] = bindPy(
    "wraps",
    args,
    kwargs,
    ["wrapped", "assigned", "updated"],
    [undefined, ASSIGNMENTS_TUPLE, UPDATES_TUPLE],
  );
  return newPartial(PartialType, [updateWrapperFn], new Map([
    ["wrapped", wrapped],
    ["assigned", assigned],
    ["updated", updated],
  ]));
};

// ---------------------------------------------------------------- lru_cache

/** _CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"]). */
const CacheInfoType = nativeType("CacheInfo", TupleType);
CacheInfoType.module = "functools";
const CACHE_FIELDS = ["hits", "misses", "maxsize", "currsize"];
CACHE_FIELDS.forEach((f, i) => defGetSet(CacheInfoType, f, (t) => (t as PyTuple).items[i]));
CacheInfoType.dict!.setStr("_fields", new PyTuple(CACHE_FIELDS));
defMethods(CacheInfoType, {
  __repr__: (args) => {
    const t = args[0] as PyTuple;
    return `CacheInfo(${CACHE_FIELDS.map((f, i) => `${f}=${repr(t.items[i])}`).join(", ")})`;
  },
});

/** The callable lru_cache returns (C's lru_cache_object). maxsize null: unbounded. */
class LruWrapper extends PyObject {
  /** Key → result, in least-recently-used-first order (a hit moves its key to the end). */
  readonly cache = new PyDict();
  hits = 0;
  misses = 0;
  constructor(
    cls: PyType,
    readonly func: PyValue,
    readonly maxsize: number | null,
    readonly typed: boolean,
  ) {
    super(cls);
    this.dict = new PyDict();
  }
}

const LruWrapperType = nativeType("_lru_cache_wrapper", ObjectType);
LruWrapperType.module = "functools";
// The VM applies a non-function's __get__ only for classes marked heap; the wrapper must bind
// like a function so that @lru_cache works on methods (lru_cache_descr_get).
LruWrapperType.heap = true;

/** kwd_mark: separates positional from keyword arguments in a key. */
const KWD_MARK = new PyObject(ObjectType);

/** lru_cache_make_key: a lone int or str argument is its own key; anything else a tuple. */
function makeKey(args: PyValue[], kwargs: KwArgs | null, typed: boolean): PyValue {
  const hasKw = kwargs !== null && kwargs.size > 0;
  if (!hasKw && !typed && args.length === 1) {
    const a = args[0];
    if (typeof a === "string" || typeof a === "number" || typeof a === "bigint") {
      return a;
    }
  }
  const key: PyValue[] = [...args];
  if (hasKw) {
    key.push(KWD_MARK);
    for (const [k, v] of kwargs!) {
      key.push(k, v);
    }
  }
  if (typed) {
    for (const a of args) {
      key.push(typeOf(a));
    }
    if (hasKw) {
      for (const v of kwargs!.values()) {
        key.push(typeOf(v));
      }
    }
  }
  return new PyTuple(key);
}

function lruCall(w: LruWrapper, args: PyValue[], kwargs: KwArgs | null): PyValue {
  if (w.maxsize === 0) {
    w.misses++;
    return callPy(w.func, args, kwargs);
  }
  const key = makeKey(args, kwargs, w.typed);
  const hit = w.cache.get(key);
  if (hit !== undefined) {
    w.hits++;
    if (w.maxsize !== null) {
      w.cache.delete(key);
      w.cache.set(key, hit);
    }
    return hit;
  }
  w.misses++;
  const result = callPy(w.func, args, kwargs);
  if (w.cache.has(key)) {
    return result; // the call itself cached this key (recursion): keep that entry
  }
  if (w.maxsize !== null && w.cache.size >= w.maxsize) {
    const oldest = w.cache.keyList()[0];
    w.cache.delete(oldest);
  }
  w.cache.set(key, result);
  return result;
}

const asLru = (v: PyValue): LruWrapper => {
  if (!(v instanceof LruWrapper)) {
    throw typeError(`descriptor requires a 'functools._lru_cache_wrapper' object`);
  }
  return v;
};

defMethods(LruWrapperType, {
  __call__: (args, kwargs) => lruCall(asLru(args[0]), args.slice(1), kwargs),
  __get__: (args) => {
    const [self, obj] = args;
    if (obj === None || obj === undefined) {
      return self;
    }
    return new PyMethod(self, obj);
  },
  cache_info: (args) => {
    const w = asLru(args[0]);
    return new PyTuple([w.hits, w.misses, w.maxsize === null ? None : w.maxsize, w.cache.size], CacheInfoType);
  },
  cache_clear: (args) => {
    const w = asLru(args[0]);
    w.cache.clear();
    w.hits = 0;
    w.misses = 0;
    return None;
  },
  __copy__: (args) => args[0],
  __deepcopy__: (args) => args[0],
});


/** _lru_cache_wrapper(user_function, maxsize, typed): maxsize None is unbounded, negative is 0. */
function makeLru(func: PyValue, maxsize: PyValue, typed: PyValue): LruWrapper {
  let size: number | null = null;
  if (maxsize !== None) {
    const n = index(maxsize);
    size = n < 0 ? 0 : typeof n === "bigint" ? Number.MAX_SAFE_INTEGER : n;
  }
  const w = new LruWrapper(LruWrapperType, func, size, truthy(typed));
  const params = new PyDict();
  params.setStr("maxsize", maxsize);
  params.setStr("typed", typed);
  w.dict!.setStr(
    "cache_parameters",
    new PyBuiltin("<lambda>", () => {
      const d = new PyDict();
      for (const [k, v] of params.entries()) {
        d.set(k, v);
      }
      return d;
    }),
  );
  return updateWrapper(w, func, ASSIGNMENTS_TUPLE, UPDATES_TUPLE) as LruWrapper;
}

/** lru_cache(maxsize=128, typed=False): a decorator, or the wrapper itself when applied bare (`@lru_cache`). */
const lruCache: NativeFn = (args, kwargs) => {
  let [maxsize, typed] = bindPy("lru_cache", args, kwargs, ["maxsize", "typed"], [128, false]);
  if (isInstance(maxsize, IntType)) {
    if (truthy(richCompare(maxsize, 0, "lt"))) {
      maxsize = 0;
    }
  } else if (isCallable(maxsize) && isInstance(typed, BoolType)) {
    return makeLru(maxsize, 128, typed);
  } else if (maxsize !== None) {
    throw typeError("Expected first argument to be an integer, a callable, or None");
  }
  const size = maxsize;
  return new PyBuiltin("decorating_function", (dargs, dkwargs) => {
    const [userFunction] = bindPy("lru_cache.<locals>.decorating_function", dargs, dkwargs, ["user_function"], [undefined]);
    return makeLru(userFunction, size, typed);
  });
};

const cacheFn: NativeFn = (args, kwargs) => {
  const [userFunction] = bindPy("cache", args, kwargs, ["user_function"], [undefined]);
  return makeLru(userFunction, None, false);
};

// ---------------------------------------------------------------- total_ordering

type Derive = (self: PyValue, other: PyValue, root: PyValue) => PyValue;

const not = (v: PyValue): boolean => !truthy(v);

/** The twelve derived comparisons of Lib/functools.py, from the root's result `r`. */
const DERIVED: Record<string, [string, Derive][]> = {
  __lt__: [
    ["__gt__", (a, b, r) => (truthy(r) ? false : richCompare(a, b, "ne"))],
    ["__le__", (a, b, r) => (truthy(r) ? r : richCompare(a, b, "eq"))],
    ["__ge__", (_a, _b, r) => not(r)],
  ],
  __le__: [
    ["__ge__", (a, b, r) => (not(r) ? true : richCompare(a, b, "eq"))],
    ["__lt__", (a, b, r) => (truthy(r) ? richCompare(a, b, "ne") : r)],
    ["__gt__", (_a, _b, r) => not(r)],
  ],
  __gt__: [
    ["__lt__", (a, b, r) => (truthy(r) ? false : richCompare(a, b, "ne"))],
    ["__ge__", (a, b, r) => (truthy(r) ? r : richCompare(a, b, "eq"))],
    ["__le__", (_a, _b, r) => not(r)],
  ],
  __ge__: [
    ["__le__", (a, b, r) => (not(r) ? true : richCompare(a, b, "eq"))],
    ["__gt__", (a, b, r) => (truthy(r) ? richCompare(a, b, "ne") : r)],
    ["__lt__", (_a, _b, r) => not(r)],
  ],
};

const totalOrdering: NativeFn = (args, kwargs) => {
  const [cls] = bindPy("total_ordering", args, kwargs, ["cls"], [undefined]);
  const ops = ["__lt__", "__le__", "__gt__", "__ge__"];
  // User-defined comparisons: those not inherited from object.
  const roots = ops.filter((op) => getAttrOpt(cls, op) !== getAttrOpt(ObjectType, op));
  if (roots.length === 0) {
    throw valueError("must define at least one ordering operation: < > <= >=");
  }
  const root = roots.reduce((a, b) => (a > b ? a : b)); // max(): prefers __lt__, __le__, __gt__, __ge__
  for (const [opname, derive] of DERIVED[root]) {
    if (!roots.includes(opname)) {
      const fn = new PyBuiltin(
        opname,
        (a) => {
          arity(opname, a.length, 2);
          const r = callPy(getAttr(typeOf(a[0]), root), [a[0], a[1]]);
          return r === NotImplemented ? r : derive(a[0], a[1], r);
        },
        cls as PyType,
      );
      setAttr(cls, opname, fn);
    }
  }
  return cls;
};


// ---------------------------------------------------------------- cmp_to_key

/** functools.KeyWrapper: the callable cmp_to_key returns, and the key objects it makes. */
class KeyWrapper extends PyObject {
  constructor(
    readonly cmp: PyValue,
    readonly obj: PyValue | undefined,
  ) {
    super(KeyWrapperType);
  }
}

const KeyWrapperType = nativeType("KeyWrapper", ObjectType);
KeyWrapperType.module = "functools";
KeyWrapperType.dict!.setStr("__hash__", None);

function keyCompare(op: CompareKind): NativeFn {
  return (args) => {
    const self = args[0] as KeyWrapper;
    const other = args[1];
    if (!(other instanceof KeyWrapper)) {
      throw typeError("other argument must be K instance");
    }
    if (self.obj === undefined || other.obj === undefined) {
      throw attributeError("object");
    }
    const res = callPy(self.cmp, [self.obj, other.obj]);
    return richCompare(res, 0, op);
  };
}

defMethods(KeyWrapperType, {
  __call__: (args, kwargs) => {
    const self = args[0] as KeyWrapper;
    const [obj] = bindPy("K", args.slice(1), kwargs, ["obj"], [undefined]);
    return new KeyWrapper(self.cmp, obj);
  },
  __lt__: keyCompare("lt"),
  __le__: keyCompare("le"),
  __gt__: keyCompare("gt"),
  __ge__: keyCompare("ge"),
  __eq__: keyCompare("eq"),
  __ne__: keyCompare("ne"),
});
defGetSet(KeyWrapperType, "obj", (k) => {
  const o = (k as KeyWrapper).obj;
  if (o === undefined) {
    throw attributeError("obj");
  }
  return o;
});

const cmpToKey: NativeFn = (args, kwargs) => {
  const [mycmp] = bindPy("cmp_to_key", args, kwargs, ["mycmp"], [undefined]);
  return new KeyWrapper(mycmp, undefined);
};

// ---------------------------------------------------------------- cached_property

/** functools.cached_property: computes once per instance, then lives in the instance __dict__. */
class CachedProperty extends PyObject {
  attrname: string | null = null;
  constructor(
    cls: PyType,
    readonly func: PyValue,
  ) {
    super(cls);
    this.dict = new PyDict();
  }
}

const CachedPropertyType = nativeType("cached_property", ObjectType, (cls) => new CachedProperty(cls, None));
CachedPropertyType.module = "functools";
CachedPropertyType.heap = true; // so that the VM honours its __get__ and __set_name__ (see LruWrapperType)

defMethods(CachedPropertyType, {
  __new__: (args, kwargs) => {
    const [func] = bindPy("cached_property", args.slice(1), kwargs, ["func"], [undefined]);
    const cp = new CachedProperty(args[0] as PyType, func);
    const doc = getAttrOpt(func, "__doc__");
    cp.dict!.setStr("__doc__", doc ?? None);
    return cp;
  },
  __init__: () => None,
  __set_name__: (args) => {
    const self = args[0] as CachedProperty;
    const name = args[2] as string;
    if (self.attrname === null) {
      self.attrname = name;
    } else if (name !== self.attrname) {
      throw typeError(
        `Cannot assign the same cached_property to two different names (${repr(self.attrname)} and ${repr(name)}).`,
      );
    }
    return None;
  },
  __get__: (args) => {
    const self = args[0] as CachedProperty;
    const instance = args[1];
    if (instance === None || instance === undefined) {
      return self;
    }
    if (self.attrname === null) {
      throw typeError("Cannot use cached_property instance without calling __set_name__ on it.");
    }
    const cache = instance instanceof PyObject ? instance.dict : null;
    if (cache === null) {
      throw typeError(
        `No '__dict__' attribute on ${repr(typeOf(instance).name)} instance to cache ${repr(self.attrname)} property.`,
      );
    }
    const cached = cache.getStr(self.attrname);
    if (cached !== undefined) {
      return cached;
    }
    const val = callPy(self.func, [instance]);
    cache.setStr(self.attrname, val);
    return val;
  },
});
defGetSet(CachedPropertyType, "func", (c) => (c as CachedProperty).func);
defGetSet(CachedPropertyType, "attrname", (c) => (c as CachedProperty).attrname ?? None);

// ---------------------------------------------------------------- singledispatch

/**
 * functools.singledispatch: a function that dispatches on the class of its first argument,
 * choosing the registration nearest along the MRO (Lib/functools.py; abstract base classes,
 * which CPython folds into the MRO with _compose_mro, are not modelled).
 */
class SingleDispatch extends PyObject {
  /** class → implementation, in registration order; `object` maps to the default. */
  readonly registry = new PyDict();
  constructor(readonly func: PyValue) {
    super(SingleDispatchType);
    this.dict = new PyDict();
    this.registry.set(ObjectType, func);
  }

  dispatch(cls: PyType): PyValue {
    for (const t of cls.mro) {
      const impl = this.registry.get(t);
      if (impl !== undefined) {
        return impl;
      }
    }
    return this.func;
  }
}

const SingleDispatchType = nativeType("_SingleDispatchFunction", ObjectType);
SingleDispatchType.module = "functools";
SingleDispatchType.heap = true; // binds like a function when stored on a class (see LruWrapperType)

/** The class a registration is for: given explicitly, or the first parameter's annotation. */
function registrationClass(func: PyValue): PyType {
  const ann = getAttrOpt(func, "__annotations__");
  if (ann instanceof PyDict) {
    for (const [k, v] of ann.entries()) {
      if (k !== "return") {
        if (!(v instanceof PyType)) {
          throw typeError(`Invalid annotation for ${repr(k)}. ${repr(v)} is not a class.`);
        }
        return v;
      }
    }
  }
  throw typeError(
    `Invalid first argument to \`register()\`: ${repr(func)}. Use either \`@register(some_class)\` or plain \`@register\` on an annotated function.`,
  );
}

function register(sd: SingleDispatch, cls: PyValue, func: PyValue | undefined): PyValue {
  if (func === undefined || func === None) {
    if (cls instanceof PyType) {
      return new PyBuiltin("<lambda>", (a) => register(sd, cls, a[0]));
    }
    const target = registrationClass(cls);
    sd.registry.set(target, cls);
    return cls;
  }
  if (!(cls instanceof PyType)) {
    throw typeError(`Invalid first argument to \`register()\`. ${repr(cls)} is not a class.`);
  }
  sd.registry.set(cls, func);
  return func;
}

defMethods(SingleDispatchType, {
  __call__: (args, kwargs) => {
    const sd = args[0] as SingleDispatch;
    if (args.length < 2) {
      const name = getAttrOpt(sd, "__name__") ?? "singledispatch function";
      throw typeError(`${str(name)} requires at least 1 positional argument`);
    }
    return callPy(sd.dispatch(typeOf(args[1])), args.slice(1), kwargs);
  },
  __get__: (args) => (args[1] === None || args[1] === undefined ? args[0] : new PyMethod(args[0], args[1])),
  register: (args, kwargs) => {
    const [cls, func] = bindPy("register", args.slice(1), kwargs, ["cls", "func"], [undefined, None]);
    return register(args[0] as SingleDispatch, cls, func);
  },
  dispatch: (args) => {
    const cls = args[1];
    if (!(cls instanceof PyType)) {
      throw typeError(`${repr(cls)} is not a class`);
    }
    return (args[0] as SingleDispatch).dispatch(cls);
  },
});
defGetSet(SingleDispatchType, "registry", (sd) => (sd as SingleDispatch).registry);

const singledispatch: NativeFn = (args, kwargs) => {
  const [func] = bindPy("singledispatch", args, kwargs, ["func"], [undefined]);
  return updateWrapper(new SingleDispatch(func), func, ASSIGNMENTS_TUPLE, UPDATES_TUPLE);
};

registerModule("functools", (m) => {
  const d = m.dict!;
  const def = (name: string, f: NativeFn): void => d.setStr(name, new PyBuiltin(name, f));
  def("reduce", reduce);
  d.setStr("partial", PartialType);
  d.setStr("update_wrapper", updateWrapperFn);
  def("wraps", wrapsFn);
  d.setStr("WRAPPER_ASSIGNMENTS", ASSIGNMENTS_TUPLE);
  d.setStr("WRAPPER_UPDATES", UPDATES_TUPLE);
  def("lru_cache", lruCache);
  def("cache", cacheFn);
  d.setStr("_lru_cache_wrapper", LruWrapperType);
  d.setStr("_CacheInfo", CacheInfoType);
  def("total_ordering", totalOrdering);
  def("cmp_to_key", cmpToKey);
  d.setStr("KeyWrapper", KeyWrapperType);
  d.setStr("cached_property", CachedPropertyType);
  def("singledispatch", singledispatch);
});
