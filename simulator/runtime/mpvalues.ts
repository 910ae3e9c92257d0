/**
 * multiprocessing's Value and Array: C-typed storage shared by every process that has it,
 * with an optional lock (get_lock()). `v.value += 1` is a read and a write, not atomic: the
 * lock must be held around it, as in CPython.
 */
import { Access, accessHook } from "../vm/access";
import { currentTask } from "../vm/interp";
import { defGetSet, defMethods, kwParams } from "../vm/define";
import { IndexErrorType, pyErr, typeError, Unsupported, valueError } from "../vm/errors";
import { objectId } from "../vm/identity";
import { None, ObjectType, PyFloat, PyList, PyObject, nativeType, type KwArgs, type NativeFn, type PyValue } from "../vm/objects";
import { callPy, getAttr, truthy, typeName } from "../vm/protocol";
import { vm } from "../vm/vm";
import { newSemLock, PySemLock, semAcquire, semRelease } from "./mpsync";
import { markShared } from "./transfer";
import { tmo } from "./waiters";

// ---------------------------------------------------------------- Value and Array

const CTYPES: Record<string, { name: string; kind: "int" | "float" | "char"; bits?: number; unsigned?: boolean }> = {
  i: { name: "c_int", kind: "int", bits: 32 },
  I: { name: "c_uint", kind: "int", bits: 32, unsigned: true },
  l: { name: "c_long", kind: "int", bits: 64 },
  L: { name: "c_ulong", kind: "int", bits: 64, unsigned: true },
  q: { name: "c_longlong", kind: "int", bits: 64 },
  Q: { name: "c_ulonglong", kind: "int", bits: 64, unsigned: true },
  h: { name: "c_short", kind: "int", bits: 16 },
  H: { name: "c_ushort", kind: "int", bits: 16, unsigned: true },
  b: { name: "c_byte", kind: "int", bits: 8 },
  B: { name: "c_ubyte", kind: "int", bits: 8, unsigned: true },
  d: { name: "c_double", kind: "float" },
  f: { name: "c_float", kind: "float" },
  c: { name: "c_char", kind: "char" },
  u: { name: "c_wchar", kind: "char" },
};

/** Stores `v` as the C type would (ints wrap; floats from ints). */
function toC(code: string, v: PyValue): PyValue {
  const t = CTYPES[code];
  if (t.kind === "float") {
    if (v instanceof PyFloat) {
      return code === "f" ? new PyFloat(Math.fround(v.v)) : v;
    }
    if (typeof v === "number" || typeof v === "boolean") {
      return new PyFloat(Number(v));
    }
    throw typeError(`must be real number, not ${typeName(v)}`);
  }
  if (t.kind === "char") {
    return v;
  }
  if (typeof v !== "number" && typeof v !== "boolean" && typeof v !== "bigint") {
    throw typeError(`int expected instead of ${typeName(v)}`);
  }
  const bits = BigInt(t.bits!);
  let n = BigInt.asUintN(t.bits!, BigInt(v));
  if (!t.unsigned && n >= 1n << (bits - 1n)) {
    n -= 1n << bits;
  }
  return Number.isSafeInteger(Number(n)) ? Number(n) : n;
}

export class PyShared extends PyObject {
  code = "i";
  values: PyValue[] = [];
  lock: PySemLock | null = null;
  array = false;
}

export const ValueType = nativeType("Synchronized", ObjectType, (cls) => new PyShared(cls));
export const ArrayType = nativeType("SynchronizedArray", ObjectType, (cls) => new PyShared(cls));

const typecodeOf = (v: PyValue): string => {
  if (typeof v === "string" && v in CTYPES) {
    return v;
  }
  if (typeof v === "string") {
    throw typeError(`bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)`);
  }
  throw new Unsupported(`multiprocessing.Value/Array with the ctypes type ${typeName(v)}`);
};

function lockOf(lock: PyValue | undefined): PySemLock | null {
  if (lock === undefined || lock === true) {
    return newSemLock("RLock", 1);
  }
  if (lock === false) {
    return null;
  }
  if (lock instanceof PySemLock) {
    return lock;
  }
  throw new Unsupported("a lock for Value/Array that is not a multiprocessing lock");
}

const zeroOf = (code: string): PyValue => (CTYPES[code].kind === "float" ? new PyFloat(0) : CTYPES[code].kind === "char" ? "" : 0);

/** Tells the race analysis about an access to shared memory (the Value is a location of its own). */
function sharedAccess(kind: Access, s: PyShared, v: PyValue | undefined): void {
  const f = currentTask().frame;
  if (accessHook !== null && f !== null) {
    accessHook(kind, s, "value", v, f, Math.max(0, f.pc - 1));
  }
}

defGetSet(
  ValueType,
  "value",
  (o) => {
    const v = (o as PyShared).values[0];
    sharedAccess(Access.Read, o as PyShared, v);
    return v;
  },
  (o, v) => {
    const s = o as PyShared;
    sharedAccess(Access.Write, s, v);
    s.values[0] = toC(s.code, v ?? None);
  },
);
const sharedRepr = (s: PyShared): string => {
  const v = s.values[0];
  const shown = v instanceof PyFloat ? callPy(vm().builtins.getStr("repr")!, [v]) : typeof v === "string" ? `b'${v}'` : String(v);
  return `<Synchronized wrapper for ${CTYPES[s.code].name}(${String(shown)})>`;
};
const lockMethods = {
  get_lock: (args: PyValue[]) => (args[0] as PyShared).lock ?? None,
  get_obj: (args: PyValue[]) => args[0],
  acquire: (args: PyValue[], kwargs: KwArgs | null) => {
    const s = args[0] as PyShared;
    const [b, t] = kwParams("acquire", args.slice(1), kwargs, ["block", "timeout"]);
    return semAcquire(s.lock!, b === undefined ? true : truthy(b), tmo(t));
  },
  release: (args: PyValue[]) => {
    semRelease((args[0] as PyShared).lock!);
    return None;
  },
  __enter__: (args: PyValue[]) => semAcquire((args[0] as PyShared).lock!, true, -1),
  __exit__: (args: PyValue[]) => {
    semRelease((args[0] as PyShared).lock!);
    return None;
  },
};
defMethods(ValueType, { ...lockMethods, __repr__: (args) => sharedRepr(args[0] as PyShared) });

function arrayIndex(s: PyShared, i: PyValue): number {
  if (typeof i !== "number" && typeof i !== "boolean") {
    throw typeError(`array indices must be integers`);
  }
  let n = Number(i);
  if (n < 0) {
    n += s.values.length;
  }
  if (n < 0 || n >= s.values.length) {
    throw pyErr(IndexErrorType, "invalid index");
  }
  return n;
}

defMethods(ArrayType, {
  ...lockMethods,
  __len__: (args) => (args[0] as PyShared).values.length,
  __getitem__: (args) => {
    const s = args[0] as PyShared;
    const i = args[1];
    if (i instanceof PyObject && i.cls.name === "slice") {
      const lst = new PyList(s.values.slice());
      return callPy(getAttr(lst, "__getitem__"), [i]);
    }
    return s.values[arrayIndex(s, i)];
  },
  __setitem__: (args) => {
    const s = args[0] as PyShared;
    const i = args[1];
    if (i instanceof PyObject && i.cls.name === "slice") {
      const lst = new PyList(s.values.slice());
      callPy(getAttr(lst, "__setitem__"), [i, args[2]]);
      if (lst.items.length !== s.values.length) {
        throw valueError("Can only assign sequence of same size");
      }
      s.values = lst.items.map((v) => toC(s.code, v));
      return None;
    }
    s.values[arrayIndex(s, i)] = toC(s.code, args[2]);
    return None;
  },
  __iter__: (args) => callPy(vm().builtins.getStr("iter")!, [new PyList((args[0] as PyShared).values.slice())]),
  __repr__: (args) => {
    const s = args[0] as PyShared;
    return `<SynchronizedArray wrapper for <multiprocessing.sharedctypes.${CTYPES[s.code].name}_Array_${s.values.length} object at 0x${objectId(s).toString(16)}>>`;
  },
});


/** The constructors `_mp` exposes: Value(typecode, value, lock=True), Array(typecode, size_or_items, lock=True). */
export const VALUE_FACTORIES: Record<string, NativeFn> = {
  Value: (args, kwargs) => {
    const [t, ...rest] = args;
    const lock = kwargs?.get("lock");
    if (t === undefined) {
      throw typeError("Value() missing 1 required positional argument: 'typecode_or_type'");
    }
    const code = typecodeOf(t);
    const s = new PyShared(ValueType);
    s.code = code;
    s.values = [rest.length > 0 ? toC(code, rest[0]) : zeroOf(code)];
    s.lock = lockOf(lock);
    markShared(s);
    return s;
  },
  Array: (args, kwargs) => {
    const [t, init] = args;
    const lock = kwargs?.get("lock");
    const code = typecodeOf(t);
    const s = new PyShared(ArrayType);
    s.code = code;
    s.array = true;
    if (typeof init === "number") {
      s.values = Array.from({ length: init }, () => zeroOf(code));
    } else {
      const items = callPy(vm().builtins.getStr("list")!, [init]) as PyList;
      s.values = items.items.map((v) => toC(code, v));
    }
    s.lock = lockOf(lock);
    markShared(s);
    return s;
  },
};
