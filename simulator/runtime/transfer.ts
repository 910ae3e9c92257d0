/**
 * Moving Python values between simulated processes, as pickle does: values are copied
 * (containers, instances of classes with their __dict__), functions and classes travel by
 * reference (module + qualified name, looked up again in the receiving process, where the
 * main module is `__mp_main__` under spawn), and multiprocessing's shared objects (queues,
 * pipes, locks, Value/Array) stay the same object in both processes. What pickle refuses
 * (locks, generators, lambdas, nested functions, modules) raises what CPython raises.
 */
import { attributeError, ExceptionType, pyErr, typeError, Unsupported } from "../vm/errors";
import { objectId } from "../vm/identity";
import { PyGenerator } from "../vm/iterators";
import {
  None,
  PyBaseException,
  PyBuiltin,
  PyBytes,
  PyDict,
  PyFloat,
  PyFunction,
  PyList,
  PyMethod,
  PyModule,
  PyObject,
  PyTuple,
  PyType,
  ObjectType,
  nativeType,
  type PyValue,
} from "../vm/objects";
import { getAttr, typeName } from "../vm/protocol";
import { FrozenSetType, makeNewSet, PySet, setAddKey, setItems, SetType } from "../vm/types/set";
import { vm } from "../vm/vm";

/** A value detached from any heap. */
export type Pickled =
  | { k: "prim"; v: number | bigint | boolean | string }
  | { k: "none" }
  | { k: "float"; v: number }
  | { k: "bytes"; v: Uint8Array }
  | { k: "seq"; kind: "tuple" | "list" | "set" | "frozenset"; items: Pickled[]; memo: number }
  | { k: "flat"; kind: "tuple" | "list"; items: (number | bigint | boolean | string)[]; memo: number }
  | { k: "dict"; entries: [Pickled, Pickled][]; memo: number }
  | { k: "ref"; module: string; qualname: string }
  | { k: "shared"; obj: PyObject }
  | { k: "obj"; cls: Pickled; state: Pickled | null; memo: number }
  | { k: "method"; self: Pickled; name: string }
  | { k: "memo"; id: number };

/** Objects that are the same in every process (multiprocessing's queues, pipes, locks, Value, Array). */
const shared = new WeakSet<object>();

/** Marks an object as shared between processes: pickling and forking keep it as is. */
export function markShared(o: object): void {
  shared.add(o);
}

export function isShared(o: object): boolean {
  return shared.has(o);
}

/** Pickle's error for an object it cannot serialize. */
function cannotPickle(v: PyValue): PyBaseException {
  return typeError(`cannot pickle '${typeName(v)}' object`);
}

/** _pickle.PickleError and _pickle.PicklingError. */
export const PickleErrorType = nativeType("PickleError", ExceptionType);
PickleErrorType.dict!.setStr("__module__", "_pickle");
export const PicklingErrorType = nativeType("PicklingError", PickleErrorType);
PicklingErrorType.dict!.setStr("__module__", "_pickle");

function picklingError(msg: string): PyBaseException {
  return pyErr(PicklingErrorType, msg);
}

/** Serializes `v` (in the sending process). Also returns an estimate of its pickled size in bytes. */
export function pickle(v: PyValue): { p: Pickled; size: number } {
  const memo = new Map<object, number>();
  let size = 16;
  const go = (x: PyValue): Pickled => {
    switch (typeof x) {
      case "number":
        size += 9;
        return { k: "prim", v: x };
      case "bigint":
        size += 4 + Math.ceil(x.toString(16).length / 2);
        return { k: "prim", v: x };
      case "boolean":
        size += 1;
        return { k: "prim", v: x };
      case "string":
        size += 5 + x.length * (/^[\x00-\x7f]*$/.test(x) ? 1 : 3);
        return { k: "prim", v: x };
    }
    if (x === None) {
      size += 1;
      return { k: "none" };
    }
    if (shared.has(x)) {
      size += 64;
      return { k: "shared", obj: x };
    }
    const seen = memo.get(x);
    if (seen !== undefined) {
      size += 2;
      return { k: "memo", id: seen };
    }
    if (x instanceof PyFloat) {
      size += 9;
      return { k: "float", v: x.v };
    }
    if (x instanceof PyBytes && !x.cls.heap) {
      size += 5 + x.bytes.length;
      return { k: "bytes", v: x.bytes.slice() };
    }
    if (x instanceof PyType) {
      if (!x.heap) {
        return { k: "shared", obj: x };
      }
      return byReference(x, x.name, qualnameOf(x));
    }
    if (x instanceof PyFunction) {
      return byReference(x, x.name, x.qualname);
    }
    if (x instanceof PyBuiltin) {
      if (x.self === undefined || x.self instanceof PyModule) {
        return { k: "shared", obj: x };
      }
      return { k: "method", self: go(x.self), name: x.name };
    }
    if (x instanceof PyMethod) {
      return { k: "method", self: go(x.self), name: (x.func as PyFunction).name };
    }
    const id = memo.size;
    if ((x instanceof PyTuple || x instanceof PyList) && !x.cls.heap) {
      memo.set(x, id);
      // Lists of ints and strs (the common payload) travel as one flat array.
      if (x.items.every((i) => typeof i !== "object")) {
        for (const i of x.items) {
          size += typeof i === "string" ? 5 + i.length : 5;
        }
        return { k: "flat", kind: x instanceof PyTuple ? "tuple" : "list", items: x.items.slice() as (number | bigint | boolean | string)[], memo: id };
      }
      size += 4;
      return { k: "seq", kind: x instanceof PyTuple ? "tuple" : "list", items: x.items.map(go), memo: id };
    }
    if (x instanceof PySet && !x.cls.heap) {
      memo.set(x, id);
      size += 4;
      return { k: "seq", kind: x.cls === FrozenSetType ? "frozenset" : "set", items: setItems(x).map(go), memo: id };
    }
    if (x instanceof PyDict && !x.cls.heap) {
      memo.set(x, id);
      size += 4;
      return { k: "dict", entries: [...x.entries()].map(([a, b]) => [go(a), go(b)] as [Pickled, Pickled]), memo: id };
    }
    if (x instanceof PyGenerator || x instanceof PyModule || x instanceof PyBaseException) {
      throw cannotPickle(x);
    }
    if (x instanceof PyObject && x.cls.heap && x.cls.solid === ObjectType && (x.dict !== null || x.cls.slots === null)) {
      memo.set(x, id);
      size += 8;
      const cls = go(x.cls);
      return { k: "obj", cls, state: x.dict !== null ? go(x.dict) : null, memo: id };
    }
    throw cannotPickle(x);
  };
  const byReference = (x: PyObject, name: string, qualname: string): Pickled => {
    const module = getAttr(x, "__module__");
    if (qualname.includes("<locals>") || name === "<lambda>") {
      throw picklingError(`Can't pickle ${reprForPickle(x, qualname)}: attribute lookup ${qualname} on ${String(module)} failed`);
    }
    size += 8 + qualname.length + String(module).length;
    return { k: "ref", module: typeof module === "string" ? module : "__main__", qualname };
  };
  const p = go(v);
  return { p, size };
}

function qualnameOf(t: PyType): string {
  const q = t.dict?.getStr("__qualname__");
  return typeof q === "string" ? q : t.name;
}

function reprForPickle(x: PyObject, qualname: string): string {
  if (x instanceof PyFunction) {
    return `<function ${qualname} at 0x${objectId(x).toString(16)}>`;
  }
  return `<class '${qualname}'>`;
}

/** Rebuilds a pickled value in the running process's heap. */
export function unpickle(p: Pickled): PyValue {
  const memo = new Map<number, PyValue>();
  const go = (q: Pickled): PyValue => {
    switch (q.k) {
      case "prim":
        return q.v;
      case "none":
        return None;
      case "float":
        return new PyFloat(q.v);
      case "bytes":
        return new PyBytes(q.v.slice());
      case "shared":
        return q.obj;
      case "memo":
        return memo.get(q.id)!;
      case "ref":
        return lookup(q.module, q.qualname);
      case "method":
        return getAttr(go(q.self), q.name);
      case "flat": {
        const v = q.kind === "list" ? new PyList(q.items.slice()) : new PyTuple(q.items.slice());
        memo.set(q.memo, v);
        return v;
      }
      case "seq": {
        if (q.kind === "list") {
          const l = new PyList([]);
          memo.set(q.memo, l);
          l.items = q.items.map(go);
          return l;
        }
        if (q.kind === "tuple") {
          const t = new PyTuple(q.items.map(go));
          memo.set(q.memo, t);
          return t;
        }
        const s = makeNewSet(q.kind === "set" ? SetType : FrozenSetType);
        memo.set(q.memo, s);
        for (const it of q.items) {
          setAddKey(s, go(it));
        }
        return s;
      }
      case "dict": {
        const d = new PyDict();
        memo.set(q.memo, d);
        for (const [a, b] of q.entries) {
          d.set(go(a), go(b));
        }
        return d;
      }
      case "obj": {
        const cls = go(q.cls);
        if (!(cls instanceof PyType) || cls.alloc === null) {
          throw new Unsupported("unpickling this object");
        }
        const o = cls.alloc(cls);
        memo.set(q.memo, o);
        if (q.state !== null) {
          o.dict = go(q.state) as PyDict;
        }
        return o;
      }
    }
  };
  return go(p);
}

/** Finds `module.qualname` in the running process (pickle's find_class). */
function lookup(module: string, qualname: string): PyValue {
  const v = vm();
  const m = module === "__main__" ? v.modules.get("__main__") : v.importModule(module);
  if (m === undefined) {
    throw new Unsupported(`the module '${module}' in a child process`);
  }
  let o: PyValue = m;
  for (const part of qualname.split(".")) {
    const next: PyValue | undefined = o instanceof PyModule ? o.dict!.getStr(part) : getAttr(o, part);
    if (next === undefined) {
      const shown = `<module '${m.name}' from '${String(m.dict!.getStr("__file__") ?? m.name)}'>`;
      throw attributeError(`Can't get attribute '${qualname}' on ${shown}`);
    }
    o = next;
  }
  return o;
}
