/**
 * The `builtins` module: the functions every program sees, the builtin types, the
 * exception classes and the constants.
 */
import { buildClass } from "./classes";
import { resumeGenerator, resumeGeneratorSync } from "./call";
import { arity, builtin, kwParams, noKwargs } from "./define";
import {
  EOFErrorType,
  exceptionTypes,
  newException,
  SystemExitType,
  typeError,
  Unsupported,
  valueError,
} from "./errors";
import { ReturnMode } from "./frame";
import { objectId } from "./identity";
import { currentTask } from "./interp";
import { PyGenerator, PyNativeIter } from "./iterators";
import {
  BoolType,
  ByteArrayType,
  BytesType,
  ClassMethodType,
  DictType,
  Ellipsis,
  FloatType,
  IntType,
  ListType,
  None,
  NotImplemented,
  ObjectType,
  PropertyType,
  PyDict,
  PyList,
  PyModule,
  PyObject,
  PyTuple,
  PyType,
  RangeType,
  SliceType,
  StaticMethodType,
  StrType,
  SuperType,
  TupleType,
  TypeType,
  isInstance,
  typeOf,
  type KwArgs,
  type PyValue,
} from "./objects";
import { binaryOp } from "./operators";
import { BinaryOp } from "../python/opcodes";
import {
  ascii,
  callDunder,
  callPy,
  eq,
  forEach,
  getAttr,
  getAttrOpt,
  hash,
  iter,
  len,
  lt,
  builtinLen,
  richCompare,
  next,
  repr,
  setAttr,
  str,
  toArray,
  truthy,
  typeName,
  index,
} from "./protocol";
import { registerModule } from "./modules";
import { vm } from "./vm";
import { formatValue } from "./strformat";
import { sortValues } from "./types/list";
import { FrozenSetType, SetType } from "./types/set";
import { EnumerateType, FilterType, MapType, ReversedType, ZipType } from "./types/builtinIters";
import { dirNames } from "./types/object";
import { openFile } from "./files";

/** print(*objects, sep=' ', end='\n', file=None, flush=False) */
function print(args: PyValue[], kwargs: KwArgs | null): PyValue {
  let sep = " ";
  let end = "\n";
  let file: PyValue = None;
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k === "sep") {
        if (v !== None && typeof v !== "string") {
          throw typeError(`sep must be None or a string, not ${typeName(v)}`);
        }
        sep = v === None ? " " : (v as string);
      } else if (k === "end") {
        if (v !== None && typeof v !== "string") {
          throw typeError(`end must be None or a string, not ${typeName(v)}`);
        }
        end = v === None ? "\n" : (v as string);
      } else if (k === "file") {
        file = v;
      } else if (k !== "flush") {
        throw typeError(`'${k}' is an invalid keyword argument for print()`);
      }
    }
  }
  let text = "";
  for (let i = 0; i < args.length; i++) {
    if (i) {
      text += sep;
    }
    text += str(args[i]);
  }
  text += end;
  if (file === None) {
    vm().write("stdout", text);
  } else {
    callPy(getAttr(file, "write"), [text]);
  }
  return None;
}

/** min() and max(): one iterable or several arguments, key=, default=. */
function minMax(name: "min" | "max", args: PyValue[], kwargs: KwArgs | null): PyValue {
  let key: PyValue = None;
  let dflt: PyValue | undefined;
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k === "key") {
        key = v;
      } else if (k === "default") {
        dflt = v;
      } else {
        throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
      }
    }
  }
  if (args.length === 0) {
    throw typeError(`${name} expected at least 1 argument, got 0`);
  }
  let items: PyValue[];
  if (args.length === 1) {
    items = toArray(args[0]);
  } else {
    if (dflt !== undefined) {
      throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    items = args;
  }
  if (items.length === 0) {
    if (dflt !== undefined) {
      return dflt;
    }
    throw valueError(`${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === None ? best : callPy(key, [best]);
  for (let i = 1; i < items.length; i++) {
    const v = items[i];
    const k = key === None ? v : callPy(key, [v]);
    if (truthy(richCompare(k, bestKey, name === "max" ? "gt" : "lt"))) {
      best = v;
      bestKey = k;
    }
  }
  return best;
}

function sum(args: PyValue[], kwargs: KwArgs | null): PyValue {
  const [iterable, startArg] = kwParams("sum", args, kwargs, ["iterable", "start"], 2);
  if (iterable === undefined) {
    throw typeError("sum() takes at least 1 positional argument (0 given)");
  }
  let acc: PyValue = startArg ?? 0;
  if (typeof acc === "string") {
    throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  }
  if (isInstance(acc, BytesType)) {
    throw typeError("sum() can't sum bytes [use b''.join(seq) instead]");
  }
  forEach(iterable, (x) => {
    if (typeof acc === "number" && typeof x === "number") {
      const r = acc + x;
      if (Number.isSafeInteger(r)) {
        acc = r;
        return;
      }
    }
    acc = binaryOp(acc, x, BinaryOp.Add);
  });
  return acc;
}

function isinstanceCheck(obj: PyValue, spec: PyValue, fname: string): boolean {
  if (spec instanceof PyType) {
    if (typeOf(obj).isSubtypeOf(spec)) {
      return true;
    }
    const meta = spec.cls;
    if (meta !== TypeType && meta.heap) {
      const check = meta.lookup("__instancecheck__");
      if (check !== undefined) {
        return truthy(callPy(check, [spec, obj]));
      }
    }
    return false;
  }
  if (spec instanceof PyTuple) {
    return spec.items.some((s) => isinstanceCheck(obj, s, fname));
  }
  throw typeError(`${fname}() arg 2 must be a type, a tuple of types, or a union`);
}

function issubclassCheck(cls: PyValue, spec: PyValue): boolean {
  if (!(cls instanceof PyType)) {
    throw typeError("issubclass() arg 1 must be a class");
  }
  if (spec instanceof PyType) {
    return cls.isSubtypeOf(spec);
  }
  if (spec instanceof PyTuple) {
    return spec.items.some((s) => issubclassCheck(cls, s));
  }
  throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

function divmod(a: PyValue, b: PyValue): PyValue {
  for (const [self, other, name] of [
    [a, b, "__divmod__"],
    [b, a, "__rdivmod__"],
  ] as const) {
    const m = typeOf(self).lookup(name);
    if (m !== undefined && m !== None) {
      const r = callPy(m, [self, other]);
      if (r !== NotImplemented) {
        return r;
      }
    }
  }
  throw typeError(`unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
}

function pyPow(args: PyValue[], kwargs: KwArgs | null): PyValue {
  const [base, exp, mod] = kwParams("pow", args, kwargs, ["base", "exp", "mod"]);
  if (base === undefined || exp === undefined) {
    throw typeError(`pow() missing required argument '${base === undefined ? "base" : "exp"}' (pos ${base === undefined ? 1 : 2})`);
  }
  if (mod === undefined || mod === None) {
    return binaryOp(base, exp, BinaryOp.Pow);
  }
  const m = typeOf(base).lookup("__pow__");
  if (m === undefined) {
    throw typeError(
      `unsupported operand type(s) for ** or pow(): '${typeName(base)}', '${typeName(exp)}', '${typeName(mod)}'`,
    );
  }
  return callPy(m, [base, exp, mod]);
}

function dunderCall(name: string, dunder: string, v: PyValue, extra: PyValue[] = [], what?: string): PyValue {
  const r = callDunder(v, dunder, extra);
  if (r === undefined) {
    throw typeError(what ?? `bad operand type for ${name}(): '${typeName(v)}'`);
  }
  return r;
}

function intToBase(v: PyValue, radix: number, prefix: string): string {
  const i = index(v);
  const neg = typeof i === "bigint" ? i < 0n : i < 0;
  const abs = typeof i === "bigint" ? (neg ? -i : i) : Math.abs(i);
  return (neg ? "-" : "") + prefix + abs.toString(radix);
}

/** The namespace `vars()` / `locals()` show for the calling frame. */
function frameLocals(): PyValue {
  const f = currentTask().frame;
  if (f === null) {
    return new PyDict();
  }
  if (f.localsDict !== null) {
    return f.localsDict;
  }
  const d = new PyDict();
  f.code.varnames.forEach((n, i) => {
    const v = f.locals[i];
    if (v !== undefined) {
      d.setStr(n, v);
    }
  });
  const cellNames = [...f.code.cellvars, ...f.code.freevars];
  cellNames.forEach((n, i) => {
    const v = f.cells?.[i]?.value;
    if (v !== undefined) {
      d.setStr(n, v);
    }
  });
  return d;
}

/** A fresh builtins namespace for a run. */
/** Builtins that take no keyword arguments ("abs() takes no keyword arguments"). */
const POSITIONAL_ONLY = new Set([
  "abs", "all", "any", "ascii", "bin", "callable", "chr", "delattr", "divmod", "getattr", "hasattr", "hash",
  "hex", "id", "isinstance", "issubclass", "iter", "len", "next", "oct", "ord", "repr", "setattr", "vars",
  "dir", "aiter", "anext", "locals", "globals",
]);

export function makeBuiltins(): PyDict {
  const b = new PyDict();
  const def = (name: string, fn: (args: PyValue[], kwargs: KwArgs | null) => PyValue): void => {
    if (POSITIONAL_ONLY.has(name)) {
      const inner = fn;
      fn = (args, kwargs) => {
        noKwargs(name, kwargs);
        return inner(args, null);
      };
    }
    b.setStr(name, builtin(name, fn));
  };
  b.setStr("__name__", "builtins");
  b.setStr("__doc__", None);
  b.setStr("None", None);
  b.setStr("True", true);
  b.setStr("False", false);
  b.setStr("Ellipsis", Ellipsis);
  b.setStr("NotImplemented", NotImplemented);
  b.setStr("__debug__", true);
  const types: [string, PyType][] = [
    ["object", ObjectType],
    ["type", TypeType],
    ["int", IntType],
    ["bool", BoolType],
    ["float", FloatType],
    ["str", StrType],
    ["bytes", BytesType],
    ["bytearray", ByteArrayType],
    ["list", ListType],
    ["tuple", TupleType],
    ["dict", DictType],
    ["set", SetType],
    ["frozenset", FrozenSetType],
    ["range", RangeType],
    ["slice", SliceType],
    ["property", PropertyType],
    ["classmethod", ClassMethodType],
    ["staticmethod", StaticMethodType],
    ["super", SuperType],
    ["enumerate", EnumerateType],
    ["zip", ZipType],
    ["map", MapType],
    ["filter", FilterType],
    ["reversed", ReversedType],
  ];
  for (const [name, t] of types) {
    b.setStr(name, t);
  }
  for (const [name, t] of exceptionTypes) {
    b.setStr(name, t);
  }
  def("__build_class__", buildClass);
  def("print", print);
  def("len", (args, kw) => {
    noKwargs("len", kw);
    arity("len", args.length, 1);
    return builtinLen(args[0]);
  });
  def("repr", (args) => {
    arity("repr", args.length, 1);
    return repr(args[0]);
  });
  def("ascii", (args) => {
    arity("ascii", args.length, 1);
    return ascii(args[0]);
  });
  def("abs", (args) => {
    arity("abs", args.length, 1);
    return dunderCall("abs", "__abs__", args[0]);
  });
  def("all", (args) => {
    arity("all", args.length, 1);
    let r = true;
    forEach(args[0], (x) => {
      if (!truthy(x)) {
        r = false;
        return true;
      }
      return false;
    });
    return r;
  });
  def("any", (args) => {
    arity("any", args.length, 1);
    let r = false;
    forEach(args[0], (x) => {
      if (truthy(x)) {
        r = true;
        return true;
      }
      return false;
    });
    return r;
  });
  def("bin", (args) => intToBase(args[0], 2, "0b"));
  def("oct", (args) => intToBase(args[0], 8, "0o"));
  def("hex", (args) => intToBase(args[0], 16, "0x"));
  def("callable", (args) => {
    arity("callable", args.length, 1);
    const v = args[0];
    return v instanceof PyType || typeOf(v).lookup("__call__") !== undefined;
  });
  def("chr", (args) => {
    arity("chr", args.length, 1);
    const i = index(args[0]);
    if (typeof i === "bigint" || i < 0 || i > 0x10ffff) {
      throw valueError("chr() arg not in range(0x110000)");
    }
    return String.fromCodePoint(i);
  });
  def("ord", (args) => {
    arity("ord", args.length, 1);
    const s = args[0];
    if (typeof s === "string") {
      const cps = Array.from(s);
      if (cps.length !== 1) {
        throw typeError(`ord() expected a character, but string of length ${cps.length} found`);
      }
      return cps[0].codePointAt(0)!;
    }
    if (isInstance(s, BytesType) || isInstance(s, ByteArrayType)) {
      const bytes = (s as unknown as { bytes: ArrayLike<number> }).bytes;
      if (bytes.length !== 1) {
        throw typeError(`ord() expected a character, but string of length ${bytes.length} found`);
      }
      return bytes[0];
    }
    throw typeError(`ord() expected string of length 1, but ${typeName(s)} found`);
  });
  def("divmod", (args) => {
    arity("divmod", args.length, 2);
    return divmod(args[0], args[1]);
  });
  def("pow", pyPow);
  def("round", (args, kwargs) => {
    const [num, nd] = kwParams("round", args, kwargs, ["number", "ndigits"]);
    if (num === undefined) {
      throw typeError("round() missing required argument 'number' (pos 1)");
    }
    const extra = nd === undefined || nd === None ? [] : [nd];
    return dunderCall("round", "__round__", num, extra, `type ${typeName(num)} doesn't define __round__ method`);
  });
  def("format", (args) => {
    arity("format", args.length, 1, 2);
    const spec = args[1] ?? "";
    if (typeof spec !== "string") {
      throw typeError(`format() argument 2 must be str, not ${typeName(spec)}`);
    }
    return formatValue(args[0], spec);
  });
  def("getattr", (args) => {
    arity("getattr", args.length, 2, 3);
    const name = args[1];
    if (typeof name !== "string") {
      throw typeError("attribute name must be string, not '" + typeName(name) + "'");
    }
    if (args.length === 3) {
      const v = getAttrOpt(args[0], name);
      return v === undefined ? args[2] : v;
    }
    return getAttr(args[0], name);
  });
  def("setattr", (args) => {
    arity("setattr", args.length, 3);
    if (typeof args[1] !== "string") {
      throw typeError("attribute name must be string, not '" + typeName(args[1]) + "'");
    }
    setAttr(args[0], args[1], args[2]);
    return None;
  });
  def("delattr", (args) => {
    arity("delattr", args.length, 2);
    if (typeof args[1] !== "string") {
      throw typeError("attribute name must be string, not '" + typeName(args[1]) + "'");
    }
    setAttr(args[0], args[1], undefined);
    return None;
  });
  def("hasattr", (args) => {
    arity("hasattr", args.length, 2);
    if (typeof args[1] !== "string") {
      throw typeError("hasattr(): attribute name must be string");
    }
    return getAttrOpt(args[0], args[1]) !== undefined;
  });
  def("hash", (args) => {
    arity("hash", args.length, 1);
    return hash(args[0]);
  });
  def("id", (args) => {
    arity("id", args.length, 1);
    return objectId(args[0]);
  });
  def("isinstance", (args) => {
    arity("isinstance", args.length, 2);
    return isinstanceCheck(args[0], args[1], "isinstance");
  });
  def("issubclass", (args) => {
    arity("issubclass", args.length, 2);
    return issubclassCheck(args[0], args[1]);
  });
  def("iter", (args) => {
    arity("iter", args.length, 1, 2);
    if (args.length === 2) {
      const fn = args[0];
      const sentinel = args[1];
      let done = false;
      return new PyNativeIter("callable_iterator", () => {
        if (done) {
          return undefined;
        }
        const v = callPy(fn, []);
        if (eq(v, sentinel)) {
          done = true;
          return undefined;
        }
        return v;
      });
    }
    return iter(args[0]);
  });
  def("next", (args) => {
    arity("next", args.length, 1, 2);
    const it = args[0];
    if (it instanceof PyGenerator && it.cls.name === "generator") {
      if (args.length === 1) {
        return resumeGenerator(it, None, ReturnMode.GenCall);
      }
      const v = resumeGeneratorSync(it, None);
      return v === undefined ? args[1] : v;
    }
    if (typeOf(it).lookup("__next__") === undefined) {
      throw typeError(`'${typeName(it)}' object is not an iterator`);
    }
    if (args.length === 1) {
      return callPy(typeOf(it).lookup("__next__")!, [it]);
    }
    const v = next(it);
    return v === undefined ? args[1] : v;
  });
  def("min", (args, kw) => minMax("min", args, kw));
  def("max", (args, kw) => minMax("max", args, kw));
  def("sum", sum);
  def("sorted", (args, kwargs) => {
    if (args.length !== 1) {
      throw typeError(`sorted expected 1 argument, got ${args.length}`);
    }
    const [key, reverse] = kwParams("sorted", [], kwargs, ["key", "reverse"], 0);
    const items = toArray(args[0]);
    sortValues(items, key === undefined || key === None ? null : key, reverse !== undefined && truthy(reverse));
    return new PyList(items);
  });
  def("vars", (args) => {
    arity("vars", args.length, 0, 1);
    if (args.length === 0) {
      return frameLocals();
    }
    const o = args[0];
    if (o instanceof PyType) {
      return getAttr(o, "__dict__");
    }
    if (o instanceof PyObject && o.dict !== null) {
      return o.dict;
    }
    throw typeError("vars() argument must have __dict__ attribute");
  });
  def("locals", () => frameLocals());
  def("globals", () => currentTask().frame?.globals ?? new PyDict());
  def("dir", (args) => {
    arity("dir", args.length, 0, 1);
    if (args.length === 0) {
      const l = frameLocals() as PyDict;
      return new PyList(l.keyList().map(String).sort());
    }
    const m = typeOf(args[0]).lookup("__dir__");
    if (m !== undefined && !(args[0] instanceof PyType)) {
      const names = toArray(callPy(m, [args[0]]));
      sortValues(names, null, false);
      return new PyList(names);
    }
    return new PyList(dirNames(args[0]));
  });
  def("input", (args) => {
    arity("input", args.length, 0, 1);
    const machine = vm();
    if (args.length) {
      machine.write("stdout", str(args[0]));
    }
    const rest = machine.stdin.slice(machine.stdinPos);
    if (rest.length === 0) {
      throw newException(EOFErrorType, ["EOF when reading a line"]);
    }
    const nl = rest.indexOf("\n");
    const line = nl < 0 ? rest : rest.slice(0, nl);
    machine.stdinPos += nl < 0 ? rest.length : nl + 1;
    return line;
  });
  def("exit", (args) => {
    throw newException(SystemExitType, args.length ? [args[0]] : []);
  });
  b.setStr("quit", b.getStr("exit")!);
  def("__import__", (args) => {
    const name = args[0];
    if (typeof name !== "string") {
      throw typeError("__import__() argument 1 must be str");
    }
    return vm().importModule(name);
  });
  def("open", openFile);
  for (const name of ["eval", "exec", "compile", "breakpoint", "memoryview", "complex"]) {
    def(name, () => {
      throw new Unsupported(`the builtin ${name}()`);
    });
  }
  return b;
}

registerModule("builtins", (m: PyModule) => {
  for (const [k, v] of vm().builtins.entries()) {
    m.dict!.set(k, v);
  }
});
