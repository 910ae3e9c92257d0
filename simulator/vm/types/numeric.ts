/**
 * The `int`, `bool` and `float` types: constructors, the numeric dunders (so that
 * `int.__add__`, `super().__add__` and reflected dispatch work) and the public methods
 * (CPython's Objects/longobject.c, boolobject.c, floatobject.c, as of 3.11).
 * The arithmetic itself lives in numbers.ts; formatting in format.ts.
 */
import { BinaryOp, UnaryOp } from "../../python/opcodes";
import { arity, defGetSet, defMethod, kwParams, noKwargs } from "../define";
import { overflowError, typeError, valueError, zeroDivision } from "../errors";
import {
  BoolType,
  FloatType,
  IntType,
  isInt,
  None,
  normInt,
  NotImplemented,
  PyBaseException,
  PyBoxed,
  PyDict,
  PyBuiltin,
  PyByteArray,
  PyBytes,
  PyClassMethod,
  PyFloat,
  PyType,
  newTuple,
  toBig,
  typeOf,
  type KwArgs,
  type PyValue,
} from "../objects";
import { callPy, index, repr, toArray, truthy, typeName } from "../protocol";
import {
  bigFloorDiv,
  bigMod,
  bitLength,
  decompose,
  dtoa,
  floatDivmod,
  floatFromString,
  floatRepr,
  floatToInt,
  hashFloat,
  hashInt,
  intFromString,
  intRepr,
  intToFloat,
  numberHooks,
  numBinary,
  numCompare,
  numUnary,
  ratioToFloat,
} from "../numbers";
import { formatFloat, formatInt } from "../format";

type Int = number | bigint;

// ---------------------------------------------------------------- argument checks

/** The receiver of an int method as a number|bigint; bools are ints. Slot wrappers and methods word the error differently. */
function selfInt(v: PyValue | undefined, name: string, slot: boolean): Int {
  if (typeof v === "number" || typeof v === "bigint") {
    return v;
  }
  if (typeof v === "boolean") {
    return +v;
  }
  throw descriptorError(name, "int", v, slot);
}

function selfFloat(v: PyValue | undefined, name: string, slot: boolean): number {
  if (v instanceof PyFloat) {
    return v.v;
  }
  throw descriptorError(name, "float", v, slot);
}

function descriptorError(name: string, owner: string, v: PyValue | undefined, slot: boolean): PyBaseException {
  if (v === undefined) {
    return typeError(`descriptor '${name}' of '${owner}' object needs an argument`);
  }
  return slot
    ? typeError(`descriptor '${name}' requires a '${owner}' object but received a '${typeName(v)}'`)
    : typeError(`descriptor '${name}' for '${owner}' objects doesn't apply to a '${typeName(v)}' object`);
}

/** Slot wrappers (`int.__add__`) count arguments after self: "expected 1 argument, got 0". */
function slotArity(args: PyValue[], kwargs: KwArgs | null, n: number, name: string): void {
  if (kwargs !== null && kwargs.size > 0) {
    throw typeError(`wrapper ${name}() takes no keyword arguments`);
  }
  if (args.length - 1 !== n && args.length > 0) {
    throw typeError(`expected ${n} argument${n === 1 ? "" : "s"}, got ${args.length - 1}`);
  }
}

const asInt = (v: PyValue): Int => (typeof v === "boolean" ? +v : (v as Int));
const isFloatOperand = (v: PyValue): boolean => v instanceof PyFloat || isInt(v);

// ---------------------------------------------------------------- conversions of arbitrary objects

/** PyNumber_Index: ints as they are, else __index__ (which must return an int); undefined when absent. */
function indexOpt(v: PyValue): Int | undefined {
  if (isInt(v)) {
    return asInt(v);
  }
  const m = typeOf(v).lookup("__index__");
  if (m === undefined || m === None) {
    return undefined;
  }
  const r = callPy(m, [v]);
  if (!isInt(r)) {
    throw typeError(`__index__ returned non-int (type ${typeName(r)})`);
  }
  return asInt(r);
}

/** PyNumber_Long for non-str objects: __int__, then __index__, then __trunc__; undefined when none applies. */
function intOfObject(v: PyValue): Int | undefined {
  if (isInt(v)) {
    return asInt(v);
  }
  if (v instanceof PyFloat) {
    return floatToInt(v.v);
  }
  const t = typeOf(v);
  const m = t.lookup("__int__");
  if (m !== undefined && m !== None) {
    const r = callPy(m, [v]);
    if (!isInt(r)) {
      throw typeError(`__int__ returned non-int (type ${typeName(r)})`);
    }
    return asInt(r);
  }
  const i = indexOpt(v);
  if (i !== undefined) {
    return i;
  }
  const tr = t.lookup("__trunc__");
  if (tr !== undefined && tr !== None) {
    const r = callPy(tr, [v]);
    if (isInt(r)) {
      return asInt(r);
    }
    const ri = indexOpt(r);
    if (ri === undefined) {
      throw typeError(`__trunc__ returned non-Integral (type ${typeName(r)})`);
    }
    return ri;
  }
  return undefined;
}

/** PyNumber_Float's numeric part: __float__ (must return a float), then __index__; undefined when neither. */
function floatOfObject(v: PyValue): number | undefined {
  if (v instanceof PyFloat) {
    return v.v;
  }
  if (isInt(v)) {
    return intToFloat(v);
  }
  const m = typeOf(v).lookup("__float__");
  if (m !== undefined && m !== None) {
    const r = callPy(m, [v]);
    if (!(r instanceof PyFloat)) {
      throw typeError(`${typeName(v)}.__float__ returned non-float (type ${typeName(r)})`);
    }
    return r.v;
  }
  const i = indexOpt(v);
  return i === undefined ? undefined : intToFloat(i);
}

numberHooks.index = indexOpt;
numberHooks.int = intOfObject;
numberHooks.float = floatOfObject;

/** The text of a str, bytes or bytearray argument (bytes as Latin-1 so non-ASCII bytes never parse), or undefined. */
function stringish(v: PyValue): string | undefined {
  if (typeof v === "string") {
    return v;
  }
  if (v instanceof PyBytes || v instanceof PyByteArray) {
    let s = "";
    for (const b of v.bytes) {
      s += String.fromCharCode(b < 0x80 ? b : 0xfffd);
    }
    return s;
  }
  return undefined;
}

/** `%.200R`: a repr cut at 200 code points. */
const repr200 = (v: PyValue): string => Array.from(repr(v)).slice(0, 200).join("");

/** int(x, base) for a str/bytes x (PyLong_FromUnicodeObject / _PyLong_FromBytes). */
function intFromText(x: PyValue, text: string, base: number): Int {
  const r = intFromString(text, base);
  if (r === undefined) {
    throw valueError(`invalid literal for int() with base ${base}: ${repr200(x)}`);
  }
  return r;
}

// ---------------------------------------------------------------- constructors

/**
 * `__new__` for int or float that also serves their subclasses: the value is computed as for
 * the base type, then given the subclass (an int in a PyBoxed, a float as a PyFloat of that class).
 */
export function subclassing(base: PyType, make: (args: PyValue[], kwargs: KwArgs | null) => PyValue) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const cls = args[0];
    if (cls === base || !(cls instanceof PyType) || !cls.isSubtypeOf(base) || cls === BoolType) {
      return make(args, kwargs);
    }
    const v = make([base, ...args.slice(1)], kwargs);
    const o = v instanceof PyFloat ? new PyFloat(v.v) : new PyBoxed(cls, v as number | bigint | string);
    o.cls = cls;
    if (cls.instanceDict) {
      o.dict = new PyDict();
    }
    return o;
  };
}

/** int(x=0, /, base=10) (long_new_impl). */
function intNew(args: PyValue[], kwargs: KwArgs | null): PyValue {
  const cls = args[0];
  if (cls === BoolType) {
    throw typeError("int.__new__(bool) is not safe, use bool.__new__()");
  }
  if (!(cls instanceof PyType) || !cls.isSubtypeOf(IntType)) {
    throw typeError(`int.__new__(X): X is not a type object (${typeName(cls)})`);
  }
  const n = args.length - 1 + (kwargs?.size ?? 0);
  if (n > 2) {
    throw typeError(`int() takes at most 2 arguments (${n} given)`);
  }
  let x: PyValue | undefined = args[1];
  let obase: PyValue | undefined = args[2];
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k !== "base") {
        throw typeError(`'${k}' is an invalid keyword argument for int()`);
      }
      if (obase !== undefined) {
        throw typeError("argument for int() given by name ('base') and position (2)");
      }
      obase = v;
    }
  }
  if (x === undefined) {
    if (obase !== undefined) {
      throw typeError("int() missing string argument");
    }
    return 0;
  }
  if (obase === undefined) {
    const text = stringish(x);
    if (text !== undefined) {
      return intFromText(x, text, 10);
    }
    const r = intOfObject(x);
    if (r === undefined) {
      throw typeError(
        `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`,
      );
    }
    return r;
  }
  const b = index(obase);
  if ((b !== 0 && b < 2) || b > 36) {
    throw valueError("int() base must be >= 2 and <= 36, or 0");
  }
  const text = stringish(x);
  if (text === undefined) {
    throw typeError("int() can't convert non-string with explicit base");
  }
  return intFromText(x, text, Number(b));
}

/** float(x=0.0, /) (float_new_impl → PyNumber_Float / PyFloat_FromString). */
function floatNew(args: PyValue[], kwargs: KwArgs | null): PyValue {
  noKwargs("float", kwargs);
  arity("float", args.length - 1, 0, 1);
  if (args.length === 1) {
    return new PyFloat(0);
  }
  const x = args[1];
  if (x instanceof PyFloat && x.cls === FloatType) {
    return x;
  }
  const text = stringish(x);
  if (text !== undefined) {
    const r = floatFromString(text);
    if (r === undefined) {
      throw valueError(`could not convert string to float: ${repr(x)}`);
    }
    return new PyFloat(r);
  }
  const r = floatOfObject(x);
  if (r === undefined) {
    throw typeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
  }
  return new PyFloat(r);
}

/** bool(x=False, /). */
function boolNew(args: PyValue[], kwargs: KwArgs | null): PyValue {
  noKwargs("bool", kwargs);
  arity("bool", args.length - 1, 0, 1);
  return args.length === 1 ? false : truthy(args[1]);
}

defMethod(IntType, "__new__", subclassing(IntType, intNew));
defMethod(FloatType, "__new__", subclassing(FloatType, floatNew));
defMethod(BoolType, "__new__", boolNew);

// ---------------------------------------------------------------- binary operators

const BINARY: [string, BinaryOp][] = [
  ["add", BinaryOp.Add],
  ["sub", BinaryOp.Sub],
  ["mul", BinaryOp.Mul],
  ["truediv", BinaryOp.TrueDiv],
  ["floordiv", BinaryOp.FloorDiv],
  ["mod", BinaryOp.Mod],
  ["lshift", BinaryOp.LShift],
  ["rshift", BinaryOp.RShift],
  ["and", BinaryOp.And],
  ["or", BinaryOp.Or],
  ["xor", BinaryOp.Xor],
];
const FLOAT_OPS = new Set(["add", "sub", "mul", "truediv", "floordiv", "mod"]);

for (const [name, op] of BINARY) {
  const dn = `__${name}__`;
  const rn = `__r${name}__`;
  // int: the other operand must be an int (a float makes int's slot return NotImplemented).
  defMethod(IntType, dn, (args, kwargs) => {
    slotArity(args, kwargs, 1, dn);
    const a = selfInt(args[0], dn, true);
    return isInt(args[1]) ? numBinary(op, a, args[1])! : NotImplemented;
  });
  defMethod(IntType, rn, (args, kwargs) => {
    slotArity(args, kwargs, 1, rn);
    const a = selfInt(args[0], rn, true);
    return isInt(args[1]) ? numBinary(op, args[1], a)! : NotImplemented;
  });
  if (FLOAT_OPS.has(name)) {
    defMethod(FloatType, dn, (args, kwargs) => {
      slotArity(args, kwargs, 1, dn);
      selfFloat(args[0], dn, true);
      return isFloatOperand(args[1]) ? numBinary(op, args[0], args[1])! : NotImplemented;
    });
    defMethod(FloatType, rn, (args, kwargs) => {
      slotArity(args, kwargs, 1, rn);
      selfFloat(args[0], rn, true);
      return isFloatOperand(args[1]) ? numBinary(op, args[1], args[0])! : NotImplemented;
    });
  }
}

// bool's own & | ^ keep bools bool; with an int operand they act as int's (bool_and etc.).
for (const [name, op] of [
  ["and", BinaryOp.And],
  ["or", BinaryOp.Or],
  ["xor", BinaryOp.Xor],
] as const) {
  for (const dn of [`__${name}__`, `__r${name}__`]) {
    defMethod(BoolType, dn, (args, kwargs) => {
      slotArity(args, kwargs, 1, dn);
      const a = args[0];
      if (typeof a !== "boolean") {
        throw descriptorError(dn, "bool", a, true);
      }
      return isInt(args[1]) ? numBinary(op, a, args[1])! : NotImplemented;
    });
  }
}

// ---------------------------------------------------------------- pow and divmod

/** pow(a, b, m) for ints (long_pow with a modulus, including negative exponents via the modular inverse). */
function intPowMod(a: Int, b: Int, m: Int): Int {
  let c = toBig(m);
  if (c === 0n) {
    throw valueError("pow() 3rd argument cannot be 0");
  }
  const negativeOutput = c < 0n;
  if (negativeOutput) {
    c = -c;
  }
  if (c === 1n) {
    return 0;
  }
  let base = bigMod(toBig(a), c);
  let e = toBig(b);
  if (e < 0n) {
    base = modInverse(base, c);
    e = -e;
  }
  let z = 1n;
  while (e > 0n) {
    if (e & 1n) {
      z = (z * base) % c;
    }
    e >>= 1n;
    if (e > 0n) {
      base = (base * base) % c;
    }
  }
  if (negativeOutput && z !== 0n) {
    z -= c;
  }
  return normInt(z);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) {
    throw valueError("base is not invertible for the given modulus");
  }
  return bigMod(s0, m);
}

/** Ternary slot wrappers: "expected at least 1 argument, got 0" (CPython prints a leading space). */
function powArity(args: PyValue[], kwargs: KwArgs | null, name: string): void {
  if (kwargs !== null && kwargs.size > 0) {
    throw typeError(`wrapper ${name}() takes no keyword arguments`);
  }
  const n = args.length - 1;
  if (n < 1) {
    throw typeError(` expected at least 1 argument, got ${n}`);
  }
  if (n > 2) {
    throw typeError(` expected at most 2 arguments, got ${n}`);
  }
}

function intPow(self: PyValue, other: PyValue, mod: PyValue | undefined): PyValue {
  const a = selfInt(self, "__pow__", true);
  if (!isInt(other)) {
    return NotImplemented;
  }
  if (mod === undefined || mod === None) {
    return numBinary(BinaryOp.Pow, a, other)!;
  }
  if (!isInt(mod)) {
    return NotImplemented;
  }
  return intPowMod(a, asInt(other), asInt(mod));
}

function floatPowSlot(base: PyValue, exp: PyValue, mod: PyValue | undefined): PyValue {
  if (!isFloatOperand(base) || !isFloatOperand(exp)) {
    return NotImplemented;
  }
  if (mod !== undefined && mod !== None) {
    throw typeError("pow() 3rd argument not allowed unless all arguments are integers");
  }
  return numBinary(BinaryOp.Pow, base, exp)!;
}

defMethod(IntType, "__pow__", (args, kwargs) => {
  powArity(args, kwargs, "__pow__");
  return intPow(args[0], args[1], args[2]);
});
defMethod(IntType, "__rpow__", (args, kwargs) => {
  powArity(args, kwargs, "__rpow__");
  const a = selfInt(args[0], "__rpow__", true);
  return isInt(args[1]) ? intPow(args[1], a, args[2]) : NotImplemented;
});
defMethod(FloatType, "__pow__", (args, kwargs) => {
  powArity(args, kwargs, "__pow__");
  selfFloat(args[0], "__pow__", true);
  return floatPowSlot(args[0], args[1], args[2]);
});
defMethod(FloatType, "__rpow__", (args, kwargs) => {
  powArity(args, kwargs, "__rpow__");
  selfFloat(args[0], "__rpow__", true);
  return floatPowSlot(args[1], args[0], args[2]);
});

function intDivmod(a: Int, b: Int): PyValue {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) {
      throw zeroDivision("integer division or modulo by zero");
    }
    return newTuple([numBinary(BinaryOp.FloorDiv, a, b)!, numBinary(BinaryOp.Mod, a, b)!]);
  }
  const x = toBig(a);
  const y = toBig(b);
  if (y === 0n) {
    throw zeroDivision("integer division or modulo by zero");
  }
  return newTuple([normInt(bigFloorDiv(x, y)), normInt(bigMod(x, y))]);
}

function floatDivmodTuple(a: PyValue, b: PyValue): PyValue {
  const x = a instanceof PyFloat ? a.v : intToFloat(a as Int);
  const y = b instanceof PyFloat ? b.v : intToFloat(b as Int);
  if (y === 0) {
    throw zeroDivision("float divmod()");
  }
  const [q, r] = floatDivmod(x, y);
  return newTuple([new PyFloat(q), new PyFloat(r)]);
}

defMethod(IntType, "__divmod__", (args, kwargs) => {
  slotArity(args, kwargs, 1, "__divmod__");
  const a = selfInt(args[0], "__divmod__", true);
  return isInt(args[1]) ? intDivmod(a, asInt(args[1])) : NotImplemented;
});
defMethod(IntType, "__rdivmod__", (args, kwargs) => {
  slotArity(args, kwargs, 1, "__rdivmod__");
  const a = selfInt(args[0], "__rdivmod__", true);
  return isInt(args[1]) ? intDivmod(asInt(args[1]), a) : NotImplemented;
});
defMethod(FloatType, "__divmod__", (args, kwargs) => {
  slotArity(args, kwargs, 1, "__divmod__");
  selfFloat(args[0], "__divmod__", true);
  return isFloatOperand(args[1]) ? floatDivmodTuple(args[0], args[1]) : NotImplemented;
});
defMethod(FloatType, "__rdivmod__", (args, kwargs) => {
  slotArity(args, kwargs, 1, "__rdivmod__");
  selfFloat(args[0], "__rdivmod__", true);
  return isFloatOperand(args[1]) ? floatDivmodTuple(args[1], args[0]) : NotImplemented;
});

// ---------------------------------------------------------------- comparisons

for (const op of ["lt", "le", "eq", "ne", "gt", "ge"] as const) {
  const dn = `__${op}__`;
  defMethod(IntType, dn, (args, kwargs) => {
    slotArity(args, kwargs, 1, dn);
    const a = selfInt(args[0], dn, true);
    return isInt(args[1]) ? numCompare(a, args[1], op)! : NotImplemented;
  });
  defMethod(FloatType, dn, (args, kwargs) => {
    slotArity(args, kwargs, 1, dn);
    selfFloat(args[0], dn, true);
    return isFloatOperand(args[1]) ? numCompare(args[0], args[1], op)! : NotImplemented;
  });
}

// ---------------------------------------------------------------- unary slots

/** A slot wrapper taking only self (`__neg__`, `__hash__`, ...). */
function unarySlots(t: PyType, owner: "int" | "float", slots: Record<string, (self: PyValue) => PyValue>): void {
  for (const [name, fn] of Object.entries(slots)) {
    defMethod(t, name, (args, kwargs) => {
      if (args.length === 0) {
        throw descriptorError(name, owner, undefined, true);
      }
      slotArity(args, kwargs, 0, name);
      if (owner === "int") {
        selfInt(args[0], name, true);
      } else {
        selfFloat(args[0], name, true);
      }
      return fn(args[0]);
    });
  }
}

unarySlots(IntType, "int", {
  __neg__: (a) => numUnary(UnaryOp.Neg, a)!,
  __pos__: (a) => numUnary(UnaryOp.Pos, a)!,
  __invert__: (a) => numUnary(UnaryOp.Invert, a)!,
  __abs__: (a) => {
    const v = asInt(a);
    return typeof v === "number" ? Math.abs(v) : v < 0n ? -v : v;
  },
  __bool__: (a) => (typeof a === "boolean" ? a : a !== 0), // a bigint is never zero
  __hash__: (a) => hashInt(a as Int | boolean),
  __index__: (a) => asInt(a),
  __int__: (a) => asInt(a),
  __float__: (a) => new PyFloat(intToFloat(a as Int | boolean)),
  __repr__: (a) => intRepr(asInt(a)), // int.__repr__(True) == '1'
});
unarySlots(FloatType, "float", {
  __neg__: (a) => numUnary(UnaryOp.Neg, a)!,
  __pos__: (a) => a,
  __abs__: (a) => new PyFloat(Math.abs((a as PyFloat).v)),
  __bool__: (a) => (a as PyFloat).v !== 0,
  __hash__: (a) => hashFloat((a as PyFloat).v),
  __int__: (a) => floatToInt((a as PyFloat).v),
  __float__: (a) => a,
  __repr__: (a) => floatRepr((a as PyFloat).v),
});
defMethod(BoolType, "__repr__", (args) => {
  const a = args[0];
  if (typeof a !== "boolean") {
    throw descriptorError("__repr__", "bool", a, true);
  }
  return a ? "True" : "False";
});

// ---------------------------------------------------------------- methods

/** A method (not a slot): "descriptor 'x' for 'int' objects doesn't apply to a 'str' object", CPython's argument counts. */
function intMethod(name: string, min: number, max: number, fn: (self: Int, args: PyValue[], selfValue: PyValue) => PyValue): void {
  defMethod(IntType, name, (args, kwargs) => {
    const self = selfInt(args[0], name, false);
    noKwargs(name, kwargs);
    arity(name, args.length - 1, min, max);
    return fn(self, args.slice(1), args[0]);
  });
}

function floatMethod(name: string, min: number, max: number, fn: (self: number, args: PyValue[], selfValue: PyValue) => PyValue): void {
  defMethod(FloatType, name, (args, kwargs) => {
    const self = selfFloat(args[0], name, false);
    noKwargs(name, kwargs);
    arity(name, args.length - 1, min, max);
    return fn(self, args.slice(1), args[0]);
  });
}

intMethod("__trunc__", 0, 0, (v) => v);
intMethod("__floor__", 0, 0, (v) => v);
intMethod("__ceil__", 0, 0, (v) => v);
intMethod("conjugate", 0, 0, (v) => v);
intMethod("bit_length", 0, 0, (v) => bitLength(v));
intMethod("bit_count", 0, 0, (v) => {
  if (typeof v === "number") {
    let a = Math.abs(v);
    let n = 0;
    while (a > 0) {
      const lo = a % 4294967296;
      let x = lo - ((lo >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
      a = Math.floor(a / 4294967296);
    }
    return n;
  }
  let n = 0;
  for (const c of (v < 0n ? -v : v).toString(2)) {
    n += c === "1" ? 1 : 0;
  }
  return n;
});
intMethod("as_integer_ratio", 0, 0, (v) => newTuple([v, 1]));
intMethod("__getnewargs__", 0, 0, (v) => newTuple([v]));
intMethod("__format__", 1, 1, (v, args, self) => {
  const spec = args[0];
  if (typeof spec !== "string") {
    throw typeError(`__format__() argument must be str, not ${typeName(spec)}`);
  }
  return formatInt(typeof self === "boolean" ? self : v, spec);
});

/** round(int, ndigits): exact, halves to even at 10**-ndigits (long_round / _PyLong_DivmodNear). */
intMethod("__round__", 0, 1, (v, args) => {
  if (args.length === 0) {
    return v;
  }
  const nd = index(args[0]);
  if (nd >= 0) {
    return v;
  }
  const x = toBig(v);
  const ax = x < 0n ? -x : x;
  const k = -toBig(nd);
  // 10**k > 2|x| rounds to 0 (a tie goes to the even quotient 0); avoids building huge powers.
  if (k > BigInt(ax.toString().length + 1)) {
    return 0;
  }
  const p = 10n ** k;
  let q = ax / p;
  const r2 = (ax - q * p) * 2n;
  if (r2 > p || (r2 === p && (q & 1n) === 1n)) {
    q += 1n;
  }
  return normInt(x < 0n ? -q * p : q * p);
});

function byteorderArg(name: string, v: PyValue | undefined): boolean {
  if (v === undefined) {
    return false; // 'big'
  }
  if (typeof v !== "string") {
    throw typeError(`${name}() argument 'byteorder' must be str, not ${typeName(v)}`);
  }
  if (v !== "little" && v !== "big") {
    throw valueError("byteorder must be either 'little' or 'big'");
  }
  return v === "little";
}

/** int.to_bytes(length=1, byteorder='big', *, signed=False). */
defMethod(IntType, "to_bytes", (args, kwargs) => {
  const v = toBig(selfInt(args[0], "to_bytes", false));
  const [len, order, signed] = kwParams("to_bytes", args.slice(1), kwargs, ["length", "byteorder", "signed"], 2);
  const n = len === undefined ? 1 : Number(index(len));
  if (n < 0) {
    throw valueError("length argument must be non-negative");
  }
  const little = byteorderArg("to_bytes", order);
  const isSigned = signed !== undefined && truthy(signed);
  if (v < 0n && !isSigned) {
    throw overflowError("can't convert negative int to unsigned");
  }
  const bits = BigInt(n * 8);
  const fits = isSigned ? v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n) : v < 1n << bits;
  if (!fits || (n === 0 && v !== 0n)) {
    throw overflowError("int too big to convert");
  }
  let u = v < 0n ? (1n << bits) + v : v;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    out[little ? i : n - 1 - i] = Number(u & 0xffn);
    u >>= 8n;
  }
  return new PyBytes(out);
});

/** int.from_bytes(bytes, byteorder='big', *, signed=False): a classmethod (cls first). */
IntType.dict!.setStr(
  "from_bytes",
  new PyClassMethod(
    new PyBuiltin("from_bytes", (args, kwargs) => {
      const cls = args[0];
      const [src, order, signed] = kwParams("from_bytes", args.slice(1), kwargs, ["bytes", "byteorder", "signed"], 2);
      if (src === undefined) {
        throw typeError("from_bytes() missing required argument 'bytes' (pos 1)");
      }
      const little = byteorderArg("from_bytes", order);
      let bytes: ArrayLike<number>;
      if (src instanceof PyBytes || src instanceof PyByteArray) {
        bytes = src.bytes;
      } else if (typeof src === "string") {
        throw typeError("cannot convert 'str' object to bytes");
      } else {
        bytes = toArray(src).map((b) => {
          const i = index(b);
          if (i < 0 || i > 255) {
            throw valueError("bytes must be in range(0, 256)");
          }
          return Number(i);
        });
      }
      let v = 0n;
      for (let i = 0; i < bytes.length; i++) {
        v = (v << 8n) | BigInt(bytes[little ? bytes.length - 1 - i : i]);
      }
      if (signed !== undefined && truthy(signed) && bytes.length > 0 && v >> BigInt(bytes.length * 8 - 1) === 1n) {
        v -= 1n << BigInt(bytes.length * 8);
      }
      const r = normInt(v);
      return cls === BoolType ? r !== 0 : cls === IntType ? r : callPy(cls, [r]);
    }),
  ),
);

// int's numbers-tower attributes.
defGetSet(IntType, "real", (v) => selfInt(v, "real", false));
defGetSet(IntType, "imag", () => 0);
defGetSet(IntType, "numerator", (v) => selfInt(v, "numerator", false));
defGetSet(IntType, "denominator", () => 1);
defGetSet(FloatType, "real", (v) => v);
defGetSet(FloatType, "imag", () => new PyFloat(0));

// ---------------------------------------------------------------- float methods

floatMethod("__trunc__", 0, 0, (x) => floatToInt(x));
floatMethod("__floor__", 0, 0, (x) => floatToInt(Math.floor(x)));
floatMethod("__ceil__", 0, 0, (x) => floatToInt(Math.ceil(x)));
floatMethod("conjugate", 0, 0, (_x, _a, self) => self);
floatMethod("is_integer", 0, 0, (x) => Number.isInteger(x));
floatMethod("__getnewargs__", 0, 0, (_x, _a, self) => newTuple([self]));
floatMethod("__format__", 1, 1, (x, args) => {
  const spec = args[0];
  if (typeof spec !== "string") {
    throw typeError(`__format__() argument must be str, not ${typeName(spec)}`);
  }
  return formatFloat(x, spec);
});

floatMethod("as_integer_ratio", 0, 0, (x) => {
  if (Number.isNaN(x)) {
    throw valueError("cannot convert NaN to integer ratio");
  }
  if (!Number.isFinite(x)) {
    throw overflowError("cannot convert Infinity to integer ratio");
  }
  if (x === 0) {
    return newTuple([0, 1]);
  }
  let { mant, exp } = decompose(x);
  while (exp < 0 && mant % 2 === 0) {
    mant /= 2;
    exp++;
  }
  const sign = x < 0 ? -1n : 1n;
  if (exp >= 0) {
    return newTuple([normInt(sign * (BigInt(mant) << BigInt(exp))), 1]);
  }
  return newTuple([normInt(sign * BigInt(mant)), normInt(1n << BigInt(-exp))]);
});

/** round(x) halves to even (float___round___impl); round(x, n) rounds the exact binary value to n decimals. */
floatMethod("__round__", 0, 1, (x, args) => {
  if (args.length === 0 || args[0] === None) {
    const t = Math.trunc(x);
    const d = Math.abs(x - t); // exact
    let r = t;
    if (d > 0.5 || (d === 0.5 && t % 2 !== 0)) {
      r = t + Math.sign(x);
    }
    return floatToInt(r);
  }
  const nd = index(args[0]);
  return new PyFloat(roundFloat(x, nd));
});

// CPython's NDIGITS_MAX / NDIGITS_MIN: beyond them the result is x itself, or a signed zero.
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/** double_round: dtoa mode 3 (correctly rounded, ties to even on the exact value), then strtod. */
export function roundFloat(x: number, ndigits: Int): number {
  if (!Number.isFinite(x)) {
    return x;
  }
  if (ndigits > NDIGITS_MAX) {
    return x;
  }
  if (ndigits < NDIGITS_MIN) {
    return 0.0 * x;
  }
  if (x === 0) {
    return x;
  }
  const nd = Number(ndigits);
  const d = dtoa(x, 3, nd);
  const r = Number(`${d.neg ? "-" : ""}0${d.digits}e${d.decpt - d.digits.length}`);
  if (!Number.isFinite(r)) {
    throw overflowError("rounded value too large to represent");
  }
  return r;
}

/** float.hex() (float_hex): 0x1.<13 hex digits>p±e, subnormals as 0x0.<...>p-1022. */
floatMethod("hex", 0, 0, (x) => {
  if (!Number.isFinite(x)) {
    return floatRepr(x);
  }
  if (x === 0) {
    return Object.is(x, -0) ? "-0x0.0p+0" : "0x0.0p+0";
  }
  const { mant, exp } = decompose(x);
  const sign = x < 0 ? "-" : "";
  if (mant < 4503599627370496) {
    return `${sign}0x0.${mant.toString(16).padStart(13, "0")}p-1022`;
  }
  const frac = (mant - 4503599627370496).toString(16).padStart(13, "0");
  const e = exp + 52;
  return `${sign}0x1.${frac}p${e < 0 ? "-" : "+"}${Math.abs(e)}`;
});

/** float.fromhex(s) (float_fromhex): [sign] [0x] hex [. hex] [p [sign] dec], or inf/infinity/nan. */
export function floatFromHex(s: string): number {
  const m = /^\s*([+-]?)(?:(inf|infinity|nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?)\s*$/i.exec(s);
  if (m === null || (m[2] === undefined && !(m[3] || m[4]))) {
    throw valueError("invalid hexadecimal floating-point string");
  }
  const neg = m[1] === "-";
  if (m[2] !== undefined) {
    const v = m[2].toLowerCase() === "nan" ? NaN : Infinity;
    return neg ? -v : v;
  }
  const intPart = m[3] ?? "";
  const fracPart = m[4] ?? "";
  const digits = (intPart + fracPart).replace(/^0+/, "");
  let r: number;
  if (digits === "") {
    r = 0;
  } else {
    const mant = BigInt("0x" + digits);
    const p = m[5] === undefined ? 0 : Number(m[5]);
    const e = p - 4 * fracPart.length;
    const top = bitLength(mant) + e; // the value is in [2**(top-1), 2**top)
    if (top > 1024) {
      throw overflowError("hexadecimal value too large to represent as a float");
    }
    if (top < -1080) {
      r = 0;
    } else {
      r = e >= 0 ? Number(mant << BigInt(e)) : ratioToFloat(mant, 1n << BigInt(-e));
      if (!Number.isFinite(r)) {
        throw overflowError("hexadecimal value too large to represent as a float");
      }
    }
  }
  return neg ? -r : r;
}

FloatType.dict!.setStr(
  "fromhex",
  new PyClassMethod(
    new PyBuiltin("fromhex", (args, kwargs) => {
      noKwargs("fromhex", kwargs);
      arity("fromhex", args.length - 1, 1);
      const s = args[1];
      if (typeof s !== "string") {
        throw typeError(`fromhex() argument must be str, not ${typeName(s)}`);
      }
      const r = new PyFloat(floatFromHex(s));
      return args[0] === FloatType ? r : callPy(args[0], [r]);
    }),
  ),
);

/** Exported for modules (math.floor etc.) that want the dunder-free conversions. */
export { floatOfObject, indexOpt, intOfObject };

// Instances of subclasses of int carry their value in a PyBoxed; int's methods see the value.
IntType.unboxes = true;
IntType.solid = IntType;
FloatType.solid = FloatType;
