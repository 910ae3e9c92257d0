/**
 * The `copy` module (CPython's Lib/copy.py): shallow and deep copies by the same rules —
 * a dispatch table for the builtin types, then `__copy__`/`__deepcopy__`, then the pickle
 * protocol's `__reduce_ex__(4)` (here: a class's own `__reduce_ex__`/`__reduce__`, or
 * object's default reduction from Objects/typeobject.c reduce_newobj) and `_reconstruct`.
 *
 * The deepcopy memo is a Python dict keyed by `id()`, as in CPython, because `__deepcopy__`
 * methods receive it and store into it themselves.
 */
import { arity, builtin, kwParams } from "../../vm/define";
import { ExceptionType, pyErr, RecursionErrorType, typeError } from "../../vm/errors";
import { recursionLimit } from "../../vm/interp";
import { objectId } from "../../vm/identity";
import { registerModule } from "../../vm/modules";
import {
  ByteArrayType,
  BytesType,
  DictType,
  Ellipsis,
  isInstance,
  ListType,
  nativeType,
  None,
  NotImplemented,
  ObjectType,
  PyBaseException,
  PyBuiltin,
  PyCode,
  PyDict,
  PyFloat,
  PyFunction,
  PyList,
  PyMethod,
  PyObject,
  PyProperty,
  PyRange,
  PyTuple,
  PyType,
  TupleType,
  typeOf,
  type PyValue,
} from "../../vm/objects";
import {
  callMethod,
  callPy,
  genericSetAttr,
  getAttr,
  getAttrOpt,
  iter,
  next,
  setItem,
  toArray,
  typeName,
} from "../../vm/protocol";
import { FrozenSetType, SetType } from "../../vm/types/set";

export const CopyErrorType = nativeType("Error", ExceptionType);
CopyErrorType.module = "copy";

/** Values both copy() and deepcopy() return as they are (_copy_immutable, _deepcopy_atomic). */
function isAtomic(x: PyValue): boolean {
  if (typeof x !== "object") {
    return true;
  }
  const t = x.cls;
  return (
    x === None ||
    x === Ellipsis ||
    x === NotImplemented ||
    (x instanceof PyFloat && !t.heap) ||
    x instanceof PyType ||
    x instanceof PyFunction ||
    x instanceof PyBuiltin ||
    x instanceof PyRange ||
    x instanceof PyProperty ||
    x instanceof PyCode ||
    t === BytesType
  );
}

/** A class's own `__reduce_ex__` or `__reduce__` (object's default does not count); undefined without one. */
function ownReducer(x: PyValue): PyValue | undefined {
  const t = typeOf(x);
  const rex = t.lookup("__reduce_ex__");
  if (rex !== undefined && rex !== ObjectType.dict!.getStr("__reduce_ex__")) {
    return callPy(rex, [x, 4]);
  }
  const red = t.lookup("__reduce__");
  if (red !== undefined && red !== ObjectType.dict!.getStr("__reduce__")) {
    return callPy(red, [x]);
  }
  return undefined;
}

/** The pieces of a reduction: callable, args, state, list items, dict items. */
interface Reduction {
  func: PyValue;
  args: PyValue[];
  state: PyValue;
  listItems: PyValue;
  dictItems: PyValue;
}

/**
 * object.__reduce_ex__(4) (reduce_newobj): `cls.__new__(cls, *__getnewargs__())`, the
 * instance dict as state, and the items of list and dict subclasses. Instances of builtin
 * types with no reduction cannot be copied, as CPython says of them.
 */
function defaultReduce(x: PyValue): Reduction {
  const cls = typeOf(x);
  if (!cls.heap) {
    throw typeError(`cannot pickle '${cls.name}' object`);
  }
  let args: PyValue[] = [];
  const getnewargs = getAttrOpt(x, "__getnewargs__");
  if (getnewargs !== undefined) {
    args = toArray(callPy(getnewargs, []));
  }
  const newFn = getAttr(cls, "__new__");
  const func = builtin("__newobj__", (a) => callPy(newFn, a));
  let state: PyValue = None;
  const getstate = cls.lookup("__getstate__");
  if (getstate !== undefined && getstate !== ObjectType.dict!.getStr("__getstate__")) {
    state = callPy(getstate, [x]);
  } else if (x instanceof PyObject && x.dict !== null && x.dict.size > 0) {
    state = x.dict;
  }
  return {
    func,
    args: [cls, ...args],
    state,
    listItems: isInstance(x, ListType) ? iter(x) : None,
    dictItems: isInstance(x, DictType) ? iter(callMethod(x, "items", [])) : None,
  };
}

/** BaseException.__reduce__: `(type(self), self.args, self.__dict__ or None)`. */
function exceptionReduce(e: PyBaseException): Reduction {
  return {
    func: e.cls,
    args: e.args.items.slice(),
    state: e.dict !== null && e.dict.size > 0 ? e.dict : None,
    listItems: None,
    dictItems: None,
  };
}

/** A reduction value (a str means "a global": the object itself). */
function reduction(x: PyValue): Reduction | null {
  const rv = ownReducer(x);
  if (rv === undefined) {
    return x instanceof PyBaseException ? exceptionReduce(x) : defaultReduce(x);
  }
  if (typeof rv === "string") {
    return null;
  }
  if (!(rv instanceof PyTuple)) {
    throw pyErr(CopyErrorType, `un(deep)copyable object of type ${typeName(x)}`);
  }
  const [func, args, state, listItems, dictItems] = rv.items;
  return {
    func,
    args: args === undefined ? [] : toArray(args),
    state: state ?? None,
    listItems: listItems ?? None,
    dictItems: dictItems ?? None,
  };
}

type Memo = PyDict | null;

/** _reconstruct: rebuilds an object from its reduction (deep when a memo is given). */
function reconstruct(x: PyValue, memo: Memo, r: Reduction): PyValue {
  const deep = memo !== null;
  const args = deep && r.args.length ? (deepCopy(new PyTuple(r.args), memo) as PyTuple).items : r.args;
  const y = callPy(r.func, args);
  if (deep) {
    memo.set(objectId(x), y);
  }
  if (r.state !== None) {
    const state = deep ? deepCopy(r.state, memo) : r.state;
    const setstate = getAttrOpt(y, "__setstate__");
    if (setstate !== undefined) {
      callPy(setstate, [state]);
    } else {
      let dictState = state;
      let slotState: PyValue = None;
      if (state instanceof PyTuple && state.items.length === 2) {
        [dictState, slotState] = state.items;
      }
      if (dictState !== None) {
        const target = y instanceof PyObject && y.dict !== null ? y.dict : null;
        for (const [k, v] of toPairs(dictState)) {
          if (target !== null) {
            target.set(k, v);
          } else {
            genericSetAttr(y, String(k), v);
          }
        }
      }
      if (slotState !== None) {
        for (const [k, v] of toPairs(slotState)) {
          genericSetAttr(y, String(k), v);
        }
      }
    }
  }
  if (r.listItems !== None) {
    for (let item = next(r.listItems); item !== undefined; item = next(r.listItems)) {
      callMethod(y, "append", [deep ? deepCopy(item, memo) : item]);
    }
  }
  if (r.dictItems !== None) {
    for (let pair = next(r.dictItems); pair !== undefined; pair = next(r.dictItems)) {
      const [k, v] = toArray(pair);
      setItem(y, deep ? deepCopy(k, memo) : k, deep ? deepCopy(v, memo) : v);
    }
  }
  return y;
}

function toPairs(mapping: PyValue): [PyValue, PyValue][] {
  if (mapping instanceof PyDict) {
    return [...mapping.entries()];
  }
  return toArray(callMethod(mapping, "items", [])).map((p) => toArray(p) as [PyValue, PyValue]);
}

/** copy.copy(x) */
export function shallowCopy(x: PyValue): PyValue {
  if (isAtomic(x)) {
    return x;
  }
  const cls = typeOf(x);
  if (cls === TupleType || cls === FrozenSetType) {
    return x;
  }
  if (cls === ListType) {
    return new PyList((x as PyList).items.slice());
  }
  if (cls === DictType || cls === SetType || cls === ByteArrayType) {
    return callPy(cls.lookup("copy")!, [x]);
  }
  const copier = cls.lookup("__copy__");
  if (copier !== undefined && copier !== None) {
    return callPy(copier, [x]);
  }
  const r = reduction(x);
  return r === null ? x : reconstruct(x, null, r);
}

/** Nested deepcopy calls in progress: CPython's recursion goes through Python frames, ours through JS ones. */
let depth = 0;

/** deepcopy(x, memo): the dispatch of Lib/copy.py's deepcopy, memoizing every copy that is not x itself. */
export function deepCopy(x: PyValue, memo: PyDict): PyValue {
  if (isAtomic(x)) {
    return x;
  }
  if (depth >= recursionLimit) {
    throw pyErr(RecursionErrorType, "maximum recursion depth exceeded");
  }
  depth++;
  try {
    return deepCopyObject(x, memo);
  } finally {
    depth--;
  }
}

function deepCopyObject(x: PyValue, memo: PyDict): PyValue {
  const id = objectId(x);
  const seen = memo.get(id);
  if (seen !== undefined) {
    return seen;
  }
  const cls = typeOf(x);
  let y: PyValue;
  if (cls === ListType) {
    const out = new PyList([]);
    memo.set(id, out);
    for (const item of (x as PyList).items.slice()) {
      out.items.push(deepCopy(item, memo));
    }
    y = out;
  } else if (cls === TupleType) {
    const items = (x as PyTuple).items;
    const copied = items.map((a) => deepCopy(a, memo));
    const again = memo.get(id);
    if (again !== undefined) {
      return again;
    }
    y = copied.every((c, i) => c === items[i]) ? x : new PyTuple(copied);
  } else if (cls === DictType) {
    const out = new PyDict();
    memo.set(id, out);
    for (const [k, v] of [...(x as PyDict).entries()]) {
      out.set(deepCopy(k, memo), deepCopy(v, memo));
    }
    y = out;
  } else if (x instanceof PyMethod) {
    y = callPy(cls, [x.func, deepCopy(x.self, memo)]);
  } else if (cls === SetType || cls === FrozenSetType) {
    y = callPy(cls, [deepCopy(new PyList(toArray(x)), memo)]);
  } else {
    const copier = getAttrOpt(x, "__deepcopy__");
    if (copier !== undefined) {
      y = callPy(copier, [memo]);
    } else {
      const r = reduction(x);
      y = r === null ? x : reconstruct(x, memo, r);
    }
  }
  if (y !== x) {
    memo.set(id, y);
    keepAlive(x, memo);
  }
  return y;
}

/** _keep_alive: the memo also holds the originals, under id(memo). */
function keepAlive(x: PyValue, memo: PyDict): void {
  const key = objectId(memo);
  const list = memo.get(key);
  if (list instanceof PyList) {
    list.items.push(x);
  } else {
    memo.set(key, new PyList([x]));
  }
}

registerModule("copy", (m) => {
  const d = m.dict!;
  d.setStr(
    "copy",
    builtin("copy", (args) => {
      arity("copy", args.length, 1);
      return shallowCopy(args[0]);
    }),
  );
  d.setStr(
    "deepcopy",
    builtin("deepcopy", (args, kwargs) => {
      const [x, memo] = kwParams("deepcopy", args, kwargs, ["x", "memo", "_nil"]);
      if (x === undefined) {
        throw typeError("deepcopy() missing 1 required positional argument: 'x'");
      }
      if (memo !== undefined && memo !== None && !(memo instanceof PyDict)) {
        throw typeError(`'${typeName(memo)}' object is not a dict`);
      }
      return deepCopy(x, memo instanceof PyDict ? memo : new PyDict());
    }),
  );
  d.setStr("Error", CopyErrorType);
  d.setStr("error", CopyErrorType);
  d.setStr("__all__", new PyList(["Error", "copy", "deepcopy"]));
});
