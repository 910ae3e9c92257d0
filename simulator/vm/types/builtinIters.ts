/**
 * The builtin iterators that are classes in Python — enumerate, zip, map, filter, reversed
 * (CPython 3.11's Objects/enumobject.c and Python/bltinmodule.c). Instances are PyNativeIters
 * of these types, so `for` loops take the interpreter's native-iterator fast path and
 * `type(enumerate(x)).__name__` is 'enumerate'.
 */
import { defMethods } from "../define";
import { IndexErrorType, StopIterationType, typeError, valueError } from "../errors";
import { iteratorType, PyNativeIter } from "../iterators";
import {
  BoolType,
  None,
  ObjectType,
  PyBaseException,
  PyDict,
  PyType,
  isInstance,
  newTuple,
  normInt,
  toBig,
  typeOf,
  type KwArgs,
  type PyValue,
} from "../objects";
import { callPy, getItem, index, iter, len, next, truthy, typeName } from "../protocol";
import { clinicArgs } from "./str";

export const EnumerateType = iteratorType("enumerate");
export const ZipType = iteratorType("zip");
export const MapType = iteratorType("map");
export const FilterType = iteratorType("filter");
export const ReversedType = iteratorType("reversed");

/** The class argument of a constructor, which must be `base` or a subclass of it. */
function classArg(base: PyType, cls: PyValue): PyType {
  if (!(cls instanceof PyType)) {
    throw typeError(`${base.name}.__new__(X): X is not a type object (${typeName(cls)})`);
  }
  if (!cls.isSubtypeOf(base)) {
    throw typeError(`${base.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${base.name}`);
  }
  return cls;
}

/** An instance of `cls` (the builtin iterator type `base`, or a Python subclass of it). */
function make(base: PyType, cls: PyType, step: () => PyValue | undefined): PyNativeIter {
  const it = new PyNativeIter(base.name, step);
  if (cls !== base) {
    it.cls = cls;
    if (cls.instanceDict) {
      it.dict = new PyDict();
    }
  }
  return it;
}

let objectInit: PyValue | undefined;

/** Whether keyword arguments are refused (`_PyArg_NoKeywords` unless a subclass defines its own __init__). */
function refusesKeywords(base: PyType, cls: PyType, kwargs: KwArgs | null): boolean {
  objectInit ??= ObjectType.dict!.getStr("__init__");
  return kwargs !== null && kwargs.size > 0 && (cls === base || cls.lookup("__init__") === objectInit);
}

// ---------------------------------------------------------------- enumerate

defMethods(EnumerateType, {
  /** enumerate(iterable, start=0): the iterator first, then start through __index__. */
  __new__: (args, kwargs) => {
    const cls = classArg(EnumerateType, args[0]);
    const [iterable, start] = clinicArgs("enumerate", args, kwargs, ["iterable", "start"]);
    if (iterable === undefined) {
      throw typeError("enumerate() missing required argument 'iterable'");
    }
    const it = iter(iterable);
    let count: number | bigint = start === undefined ? 0 : index(start);
    return make(EnumerateType, cls, () => {
      const item = next(it);
      if (item === undefined) {
        return undefined;
      }
      const i = count;
      count = typeof count === "number" && count < Number.MAX_SAFE_INTEGER ? count + 1 : normInt(toBig(count) + 1n);
      return newTuple([i, item]);
    });
  },
});

// ---------------------------------------------------------------- zip

function zipMismatch(i: number, kind: "shorter" | "longer"): PyBaseException {
  const plural = i === 1 ? " " : "s 1-";
  return valueError(`zip() argument ${i + 1} is ${kind} than argument${plural}${i}`);
}

defMethods(ZipType, {
  /** zip(*iterables, strict=False): not latched — each next() asks the first iterator again, as CPython's zip_next does. */
  __new__: (args, kwargs) => {
    const cls = classArg(ZipType, args[0]);
    let strict = false;
    if (kwargs !== null) {
      for (const [k, v] of kwargs) {
        if (k !== "strict") {
          throw typeError(`'${k}' is an invalid keyword argument for zip()`);
        }
        strict = truthy(v);
      }
    }
    const iters: PyValue[] = [];
    for (let i = 1; i < args.length; i++) {
      iters.push(iter(args[i]));
    }
    const n = iters.length;
    return make(ZipType, cls, () => {
      if (n === 0) {
        return undefined;
      }
      const items = new Array<PyValue>(n);
      for (let i = 0; i < n; i++) {
        const v = next(iters[i]);
        if (v === undefined) {
          if (!strict) {
            return undefined;
          }
          if (i > 0) {
            throw zipMismatch(i, "shorter");
          }
          for (let j = 1; j < n; j++) {
            if (next(iters[j]) !== undefined) {
              throw zipMismatch(j, "longer");
            }
          }
          return undefined;
        }
        items[i] = v;
      }
      return newTuple(items);
    });
  },
});

// ---------------------------------------------------------------- map

defMethods(MapType, {
  __new__: (args, kwargs) => {
    const cls = classArg(MapType, args[0]);
    if (refusesKeywords(MapType, cls, kwargs)) {
      throw typeError("map() takes no keyword arguments");
    }
    if (args.length < 3) {
      throw typeError("map() must have at least two arguments.");
    }
    const func = args[1];
    const iters: PyValue[] = [];
    for (let i = 2; i < args.length; i++) {
      iters.push(iter(args[i]));
    }
    return make(MapType, cls, () => {
      const argv = new Array<PyValue>(iters.length);
      for (let i = 0; i < iters.length; i++) {
        const v = next(iters[i]);
        if (v === undefined) {
          return undefined;
        }
        argv[i] = v;
      }
      return callPy(func, argv);
    });
  },
});

// ---------------------------------------------------------------- filter

defMethods(FilterType, {
  /** filter(function or None, iterable): None (or bool) keeps the true items. */
  __new__: (args, kwargs) => {
    const cls = classArg(FilterType, args[0]);
    if (refusesKeywords(FilterType, cls, kwargs)) {
      throw typeError("filter() takes no keyword arguments");
    }
    if (args.length !== 3) {
      throw typeError(`filter expected 2 arguments, got ${args.length - 1}`);
    }
    const func = args[1];
    const it = iter(args[2]);
    const plain = func === None || func === BoolType;
    return make(FilterType, cls, () => {
      for (;;) {
        const item = next(it);
        if (item === undefined) {
          return undefined;
        }
        if (plain ? truthy(item) : truthy(callPy(func, [item]))) {
          return item;
        }
      }
    });
  },
});

// ---------------------------------------------------------------- reversed

/** PySequence_Check: a __getitem__ that is not a dict's. */
function isSequence(v: PyValue): boolean {
  if (v instanceof PyDict) {
    return false;
  }
  const m = typeOf(v).lookup("__getitem__");
  return m !== undefined && m !== None;
}

defMethods(ReversedType, {
  /** reversed(seq): seq.__reversed__() when defined, else indexing from len(seq) - 1 down. */
  __new__: (args, kwargs) => {
    const cls = classArg(ReversedType, args[0]);
    if (refusesKeywords(ReversedType, cls, kwargs)) {
      throw typeError("reversed() takes no keyword arguments");
    }
    if (args.length !== 2) {
      throw typeError(`reversed expected 1 argument, got ${args.length - 1}`);
    }
    const seq = args[1];
    const m = typeOf(seq).lookup("__reversed__");
    if (m === None) {
      throw typeError(`'${typeName(seq)}' object is not reversible`);
    }
    if (m !== undefined) {
      return callPy(m, [seq]);
    }
    if (!isSequence(seq)) {
      throw typeError(`'${typeName(seq)}' object is not reversible`);
    }
    let i = len(seq) - 1;
    return make(ReversedType, cls, () => {
      if (i < 0) {
        return undefined;
      }
      try {
        const item = getItem(seq, i);
        i--;
        return item;
      } catch (e) {
        if (e instanceof PyBaseException && (isInstance(e, IndexErrorType) || isInstance(e, StopIterationType))) {
          i = -1;
          return undefined;
        }
        throw e;
      }
    });
  },
});

