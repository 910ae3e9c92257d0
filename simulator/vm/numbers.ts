/**
 * Numeric semantics of int, bool and float (CPython's Objects/longobject.c, floatobject.c,
 * Python/pyhash.c, Python/pystrtod.c and Python/dtoa.c, as of 3.11).
 *
 * Representation reminder (objects.ts): an int is a JS number while |n| <= 2**53-1 and a
 * bigint beyond; a bool is a JS boolean; a float is a PyFloat. The int fast paths below
 * (number op number) never allocate: they compute in doubles and check the result with
 * Number.isSafeInteger, which is exact because a double product/sum of safe integers whose
 * true value leaves the safe range always rounds to a value outside it.
 */
import { BinaryOp, UnaryOp } from "../python/opcodes";
import { MemoryErrorType, newException, OverflowErrorType, overflowError, pyErr, Unsupported, valueError, zeroDivision } from "./errors";
import { isInt, normInt, PyFloat, toBig, type PyBaseException, type PyValue } from "./objects";

type Int = number | bigint;

// ---------------------------------------------------------------- conversions

/** float(int): correctly rounded (Number(bigint) rounds to nearest, ties to even, like CPython's PyLong_AsDouble). */
export function intToFloat(v: number | bigint | boolean): number {
  if (typeof v === "number") {
    return v;
  }
  if (typeof v === "boolean") {
    return +v;
  }
  const f = Number(v);
  if (!Number.isFinite(f)) {
    throw overflowError("int too large to convert to float");
  }
  return f;
}

/** int(float): truncation toward zero (float___trunc___impl). */
export function floatToInt(x: number): number | bigint {
  if (Number.isNaN(x)) {
    throw valueError("cannot convert float NaN to integer");
  }
  if (!Number.isFinite(x)) {
    throw overflowError("cannot convert float infinity to integer");
  }
  const t = Math.trunc(x);
  // `+ 0` turns -0 into 0: Python ints have no negative zero.
  return Number.isSafeInteger(t) ? t + 0 : BigInt(t);
}

/** Number of bits of |v| (int.bit_length). */
export function bitLength(v: Int): number {
  if (typeof v === "number") {
    const a = Math.abs(v);
    if (a < 0x80000000) {
      return 32 - Math.clz32(a);
    }
    // a < 2**53: split into two 32-bit halves (exact).
    const hi = Math.floor(a / 4294967296);
    return 64 - Math.clz32(hi);
  }
  const a = v < 0n ? -v : v;
  // toString(16) is linear; refine on the leading hex digit.
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

const POW2: number[] = Array.from({ length: 54 }, (_, i) => 2 ** i);

/** Largest bigint result we attempt to build (V8 caps BigInt at 2**30 bits); beyond it CPython would exhaust memory too. */
const MAX_BITS = 2 ** 30 - 64;

const memoryError = (): PyBaseException => pyErr(MemoryErrorType, "");

/**
 * Correctly rounded n/d for positive bigints (CPython's long_true_divide; round half to even,
 * subnormals rounded once at 2**-1074). Returns Infinity on overflow.
 */
export function ratioToFloat(n: bigint, d: bigint): number {
  const la = bitLength(n);
  const lb = bitLength(d);
  // q gets 56 or 57 significant bits: 3+ guard bits below the 53-bit mantissa.
  const s = la - lb - 56;
  let q: bigint;
  let sticky: boolean;
  if (s >= 0) {
    const dd = d << BigInt(s);
    q = n / dd;
    sticky = q * dd !== n;
  } else {
    const nn = n << BigInt(-s);
    q = nn / d;
    sticky = q * d !== nn;
  }
  const bq = bitLength(q);
  // Position (power of two) of the final mantissa's last bit: 53 bits, or fixed at 2**-1074 for subnormals.
  const lsbPos = Math.max(s + bq - 53, -1074);
  const k = lsbPos - s; // bits of q to drop (>= 3)
  const kk = BigInt(k);
  let m = q >> kk;
  const rem = q - (m << kk);
  const half = 1n << (kk - 1n);
  if (rem > half || (rem === half && (sticky || (m & 1n) === 1n))) {
    m += 1n;
  }
  return ldexp(Number(m), lsbPos);
}

/** m * 2**e without intermediate overflow/underflow (m < 2**54, exact when representable). */
function ldexp(m: number, e: number): number {
  if (e > 1000) {
    return m * 2 ** 1000 * 2 ** (e - 1000);
  }
  if (e < -1000) {
    // m * 2**e is a multiple of 2**-1074 here, so each step is exact.
    return m * 2 ** (e + 1000) * 2 ** -1000;
  }
  return m * 2 ** e;
}

/** int / int (long_true_divide). */
function intTrueDiv(a: Int, b: Int): number {
  if (typeof a === "number" && typeof b === "number") {
    return a / b; // both exact doubles: IEEE division is correctly rounded
  }
  const x = toBig(a);
  const y = toBig(b);
  const neg = x < 0n !== y < 0n;
  const ax = x < 0n ? -x : x;
  const ay = y < 0n ? -y : y;
  if (ax <= 9007199254740992n && ay <= 9007199254740992n) {
    return Number(x) / Number(y);
  }
  if (ax === 0n) {
    return neg ? -0 : 0;
  }
  const r = ratioToFloat(ax, ay);
  if (r === Infinity) {
    throw overflowError("integer division result too large for a float");
  }
  return neg ? -r : r;
}

// ---------------------------------------------------------------- float decomposition

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** |x| = mant * 2**exp exactly, for finite nonzero x (mant < 2**53, an integer). */
export function decompose(x: number): { mant: number; exp: number } {
  f64[0] = x;
  const hi = u32[LITTLE ? 1 : 0];
  const lo = u32[LITTLE ? 0 : 1];
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (hi & 0xfffff) * 4294967296 + lo;
  return biased === 0 ? { mant: frac, exp: -1074 } : { mant: frac + 4503599627370496, exp: biased - 1075 };
}

// ---------------------------------------------------------------- hashing (Python/pyhash.c)

const HASH_MODULUS = (1n << 61n) - 1n;

/** hash(int): sign * (|v| mod 2**61-1), with -1 mapped to -2. */
export function hashInt(v: number | bigint | boolean): number | bigint {
  if (typeof v === "number") {
    // |v| < 2**53 < the modulus: the hash is the value itself.
    return v === -1 ? -2 : v;
  }
  if (typeof v === "boolean") {
    return +v;
  }
  const neg = v < 0n;
  let h = (neg ? -v : v) % HASH_MODULUS;
  if (neg) {
    h = -h;
  }
  return h === -1n ? -2 : normInt(h);
}

/** hash(float): equal to the hash of an equal int; fractions reduced as m * 2**e mod 2**61-1 (_Py_HashDouble). */
export function hashFloat(x: number): number | bigint {
  if (Number.isSafeInteger(x)) {
    return x === -1 ? -2 : x + 0;
  }
  if (!Number.isFinite(x)) {
    // CPython 3.10+ hashes NaN by identity; any constant is a valid hash.
    return Number.isNaN(x) ? 0 : x > 0 ? 314159 : -314159;
  }
  if (Number.isInteger(x)) {
    return hashInt(BigInt(x));
  }
  const { mant, exp } = decompose(x);
  // 2**61 ≡ 1 (mod 2**61-1), so 2**exp ≡ 2**(exp mod 61) even for negative exp.
  const shift = ((exp % 61) + 61) % 61;
  let h = (BigInt(mant) << BigInt(shift)) % HASH_MODULUS;
  if (x < 0) {
    h = -h;
  }
  return h === -1n ? -2 : normInt(h);
}

// ---------------------------------------------------------------- comparison

/** int == int (mixed number/bigint compares by value). */
export function intEq(a: number | bigint, b: number | bigint): boolean {
  // Loose equality compares a bigint and a number by mathematical value, exactly.
  return a == b;
}

/**
 * Numeric rich comparison, exact across int and float like CPython's float_richcompare:
 * JS relational operators compare a bigint and a double by exact mathematical value, and
 * NaN compares false, so no conversion (and no rounding) is needed.
 */
export function numCompare(a: PyValue, b: PyValue, op: "lt" | "le" | "eq" | "ne" | "gt" | "ge"): boolean | undefined {
  let x: number | bigint;
  let y: number | bigint;
  if (typeof a === "number" && typeof b === "number") {
    x = a;
    y = b;
  } else {
    if (typeof a === "number" || typeof a === "bigint") {
      x = a;
    } else if (typeof a === "boolean") {
      x = +a;
    } else if (a instanceof PyFloat) {
      x = a.v;
    } else {
      return undefined;
    }
    if (typeof b === "number" || typeof b === "bigint") {
      y = b;
    } else if (typeof b === "boolean") {
      y = +b;
    } else if (b instanceof PyFloat) {
      y = b.v;
    } else {
      return undefined;
    }
  }
  switch (op) {
    case "lt":
      return x < y;
    case "le":
      return x <= y;
    case "eq":
      return x == y;
    case "ne":
      return !(x == y);
    case "gt":
      return x > y;
    case "ge":
      return x >= y;
  }
}

// ---------------------------------------------------------------- binary operators

/**
 * `a op b` when both operands are int, bool or float; undefined otherwise (the caller then
 * tries the operands' dunders). Mixed int/float converts the int (OverflowError when huge).
 */
export function numBinary(op: BinaryOp, a: PyValue, b: PyValue): PyValue | undefined {
  if (typeof a === "number" && typeof b === "number") {
    return smallIntOp(op, a, b);
  }
  if (a instanceof PyFloat) {
    if (b instanceof PyFloat) {
      return floatOp(op, a.v, b.v);
    }
    // CPython converts the int operand first (OverflowError for huge ints), then operates.
    return isInt(b) && floatHas(op) ? floatOp(op, a.v, intToFloat(b)) : undefined;
  }
  if (b instanceof PyFloat) {
    return isInt(a) && floatHas(op) ? floatOp(op, intToFloat(a), b.v) : undefined;
  }
  if (!isInt(a) || !isInt(b)) {
    return undefined;
  }
  if (typeof a === "boolean" && typeof b === "boolean") {
    // bool's own __and__/__or__/__xor__ keep the bool type (bool_and in boolobject.c).
    if (op === BinaryOp.And) {
      return a && b;
    }
    if (op === BinaryOp.Or) {
      return a || b;
    }
    if (op === BinaryOp.Xor) {
      return a !== b;
    }
  }
  const x = typeof a === "boolean" ? +a : a;
  const y = typeof b === "boolean" ? +b : b;
  if (typeof x === "number" && typeof y === "number") {
    return smallIntOp(op, x, y);
  }
  return bigIntOp(op, toBig(x), toBig(y));
}

/** int op int for two safe-range numbers: no allocation unless the result leaves the safe range or is a float. */
function smallIntOp(op: BinaryOp, a: number, b: number): PyValue | undefined {
  switch (op) {
    case BinaryOp.Add: {
      const r = a + b;
      return Number.isSafeInteger(r) ? r : normInt(BigInt(a) + BigInt(b));
    }
    case BinaryOp.Sub: {
      const r = a - b;
      return Number.isSafeInteger(r) ? r : normInt(BigInt(a) - BigInt(b));
    }
    case BinaryOp.Mul: {
      const r = a * b;
      return Number.isSafeInteger(r) ? r + 0 : normInt(BigInt(a) * BigInt(b));
    }
    case BinaryOp.TrueDiv:
      if (b === 0) {
        throw zeroDivision("division by zero");
      }
      return new PyFloat(a / b);
    case BinaryOp.FloorDiv: {
      if (b === 0) {
        throw zeroDivision("integer division or modulo by zero");
      }
      // `%` on doubles is exact (fmod); (a - r) / b is then an exact integer division.
      const r = a % b;
      let q = (a - r) / b;
      if (r !== 0 && r < 0 !== b < 0) {
        q -= 1;
      }
      return q + 0;
    }
    case BinaryOp.Mod: {
      if (b === 0) {
        throw zeroDivision("integer modulo by zero");
      }
      let r = a % b;
      if (r !== 0 && r < 0 !== b < 0) {
        r += b;
      }
      return r + 0;
    }
    case BinaryOp.Pow:
      if (b < 0) {
        // long_pow: a negative exponent makes it float ** float.
        return new PyFloat(floatPow(a, b));
      }
      return intPowSmall(a, b);
    case BinaryOp.LShift:
      if (b < 0) {
        throw valueError("negative shift count");
      }
      if (a === 0) {
        return 0;
      }
      if (b < 54) {
        const r = a * POW2[b];
        if (Number.isSafeInteger(r)) {
          return r;
        }
      }
      return shiftLeftBig(BigInt(a), b);
    case BinaryOp.RShift:
      if (b < 0) {
        throw valueError("negative shift count");
      }
      if (b >= 53) {
        return a < 0 ? -1 : 0;
      }
      // Division by a power of two is exact; floor gives Python's arithmetic shift.
      return Math.floor(a / POW2[b]) + 0;
    case BinaryOp.And:
    case BinaryOp.Or:
    case BinaryOp.Xor:
      return bitwiseSmall(op, a, b);
    default:
      return undefined; // MatMul
  }
}

/**
 * & | ^ on safe integers without BigInt: split each into a signed high part and an
 * unsigned low 32-bit part; two's complement on each half equals Python's infinite one.
 */
function bitwiseSmall(op: BinaryOp, a: number, b: number): number | bigint {
  if ((a | 0) === a && (b | 0) === b) {
    return op === BinaryOp.And ? a & b : op === BinaryOp.Or ? a | b : a ^ b;
  }
  const ah = Math.floor(a / 4294967296);
  const bh = Math.floor(b / 4294967296);
  const al = a - ah * 4294967296;
  const bl = b - bh * 4294967296;
  let h: number;
  let l: number;
  if (op === BinaryOp.And) {
    h = ah & bh;
    l = (al & bl) >>> 0;
  } else if (op === BinaryOp.Or) {
    h = ah | bh;
    l = (al | bl) >>> 0;
  } else {
    h = ah ^ bh;
    l = (al ^ bl) >>> 0;
  }
  const r = h * 4294967296 + l;
  if (Number.isSafeInteger(r)) {
    return r;
  }
  const x = BigInt(a);
  const y = BigInt(b);
  return normInt(op === BinaryOp.And ? x & y : op === BinaryOp.Or ? x | y : x ^ y);
}

/** a ** b for safe a and 0 <= b (safe): square-and-multiply in doubles while exact, else BigInt. */
function intPowSmall(a: number, b: number): number | bigint {
  if (a === 0) {
    return b === 0 ? 1 : 0;
  }
  if (a === 1) {
    return 1;
  }
  if (a === -1) {
    return b % 2 === 0 ? 1 : -1;
  }
  if (b > 53) {
    return bigPow(BigInt(a), BigInt(b));
  }
  let r = 1;
  let base = a;
  let e = b;
  for (;;) {
    if (e & 1) {
      r *= base;
      if (!Number.isSafeInteger(r)) {
        return bigPow(BigInt(a), BigInt(b));
      }
    }
    e >>= 1;
    if (e === 0) {
      return r;
    }
    base *= base;
    if (!Number.isSafeInteger(base)) {
      return bigPow(BigInt(a), BigInt(b));
    }
  }
}

/** a ** b for b >= 0, exact. */
function bigPow(a: bigint, b: bigint): number | bigint {
  if (a === 0n) {
    return b === 0n ? 1 : 0;
  }
  if (a === 1n) {
    return 1;
  }
  if (a === -1n) {
    return (b & 1n) === 0n ? 1 : -1;
  }
  if (b > BigInt(MAX_BITS) || bitLength(a) * Number(b) > MAX_BITS) {
    throw memoryError();
  }
  return normInt(a ** b);
}

function shiftLeftBig(a: bigint, n: number | bigint): number | bigint {
  if (a === 0n) {
    return 0;
  }
  if (Number(n) + bitLength(a) > MAX_BITS) {
    throw memoryError();
  }
  return normInt(a << BigInt(n));
}

/** int op int when either is a bigint. */
function bigIntOp(op: BinaryOp, x: bigint, y: bigint): PyValue | undefined {
  switch (op) {
    case BinaryOp.Add:
      return normInt(x + y);
    case BinaryOp.Sub:
      return normInt(x - y);
    case BinaryOp.Mul:
      return normInt(x * y);
    case BinaryOp.TrueDiv:
      if (y === 0n) {
        throw zeroDivision("division by zero");
      }
      return new PyFloat(intTrueDiv(x, y));
    case BinaryOp.FloorDiv: {
      if (y === 0n) {
        throw zeroDivision("integer division or modulo by zero");
      }
      return normInt(bigFloorDiv(x, y));
    }
    case BinaryOp.Mod:
      if (y === 0n) {
        throw zeroDivision("integer modulo by zero");
      }
      return normInt(bigMod(x, y));
    case BinaryOp.Pow:
      if (y < 0n) {
        return new PyFloat(floatPow(intToFloat(x), intToFloat(y)));
      }
      return bigPow(x, y);
    case BinaryOp.LShift:
      if (y < 0n) {
        throw valueError("negative shift count");
      }
      return shiftLeftBig(x, y);
    case BinaryOp.RShift:
      if (y < 0n) {
        throw valueError("negative shift count");
      }
      if (y > BigInt(bitLength(x))) {
        return x < 0n ? -1 : 0;
      }
      return normInt(x >> y); // BigInt >> floors, like Python
    case BinaryOp.And:
      return normInt(x & y);
    case BinaryOp.Or:
      return normInt(x | y);
    case BinaryOp.Xor:
      return normInt(x ^ y);
    default:
      return undefined;
  }
}

/** Floor division of bigints (BigInt `/` truncates). */
export function bigFloorDiv(x: bigint, y: bigint): bigint {
  const q = x / y;
  return x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
}

/** Python's modulo of bigints (result takes the divisor's sign). */
export function bigMod(x: bigint, y: bigint): bigint {
  const r = x % y;
  return r !== 0n && r < 0n !== y < 0n ? r + y : r;
}

/** Whether float implements the operator (+ - * / // % **). */
const floatHas = (op: BinaryOp): boolean => (op <= BinaryOp.Pow && op !== BinaryOp.MatMul) || op === BinaryOp.FloorDiv;

/** float op float (ints already converted); undefined for the operators floats lack. */
function floatOp(op: BinaryOp, x: number, y: number): PyValue | undefined {
  switch (op) {
    case BinaryOp.Add:
      return new PyFloat(x + y);
    case BinaryOp.Sub:
      return new PyFloat(x - y);
    case BinaryOp.Mul:
      return new PyFloat(x * y);
    case BinaryOp.TrueDiv:
      if (y === 0) {
        throw zeroDivision("float division by zero");
      }
      return new PyFloat(x / y);
    case BinaryOp.FloorDiv:
      if (y === 0) {
        throw zeroDivision("float floor division by zero");
      }
      return new PyFloat(floatDivmod(x, y)[0]);
    case BinaryOp.Mod:
      if (y === 0) {
        throw zeroDivision("float modulo");
      }
      return new PyFloat(floatMod(x, y));
    case BinaryOp.Pow:
      return new PyFloat(floatPow(x, y));
    default:
      return undefined; // shifts, bitwise ops and @ are not defined on floats
  }
}

/** float % float, non-zero divisor (float_rem). */
export function floatMod(vx: number, wx: number): number {
  let mod = vx % wx; // fmod
  // C's `if (mod)` is true for NaN; JS's is not, hence the explicit comparisons.
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
    }
  } else {
    mod = wx < 0 ? -0 : 0; // copysign(0.0, wx)
  }
  return mod;
}

/** [floordiv, mod] of floats, non-zero divisor (_float_div_mod). */
export function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) {
      floordiv += 1.0;
    }
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0; // copysign(0.0, vx / wx)
  }
  return [floordiv, mod];
}

const isOddInteger = (x: number): boolean => Math.abs(x) % 2 === 1;

/** float ** float (float_pow), including its special cases and errors. */
export function floatPow(iv: number, iw: number): number {
  if (iw === 0) {
    return 1.0; // x**0 is 1, even 0**0 and nan**0
  }
  if (Number.isNaN(iv)) {
    return iv;
  }
  if (Number.isNaN(iw)) {
    return iv === 1.0 ? 1.0 : iw;
  }
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1.0) {
      return 1.0;
    }
    return iw > 0 === av > 1.0 ? Math.abs(iw) : 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) {
      return odd ? iv : Math.abs(iv);
    }
    return odd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0) {
    if (iw < 0) {
      throw zeroDivision("0.0 cannot be raised to a negative power");
    }
    return isOddInteger(iw) ? iv : 0.0;
  }
  if (iv === 1.0) {
    return 1.0;
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) {
      // CPython returns a complex number here.
      throw new Unsupported("complex numbers");
    }
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) {
    return negate ? -1.0 : 1.0;
  }
  let r = accuratePow(iv, iw);
  if (!Number.isFinite(r)) {
    // errno ERANGE: PyErr_SetFromErrno(OverflowError) → OverflowError(34, 'Numerical result out of range')
    throw newException(OverflowErrorType, [34, "Numerical result out of range"]);
  }
  if (negate) {
    r = -r;
  }
  return r;
}

// ---------------------------------------------------------------- a correctly rounded pow

/*
 * CPython's float ** float is the C library's pow(); glibc's is correctly rounded in all but
 * astronomically rare cases, while V8's Math.pow is often 1 ulp off (2 ** -1.5, 10 ** 2.5,
 * 3 ** -256), which repr() makes visible. So: small integer exponents are computed exactly
 * with BigInt and rounded once; other exponents as exp(y * ln x) in double-double
 * arithmetic (~100 bits), then rounded once.
 */

const LN2_HI = 0.6931471805599453; // ln 2 as a double-double
const LN2_LO = 2.3190468138462996e-17;

/** a + b as [sum, error] (Knuth's TwoSum, exact). */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a * b as [product, error] (Dekker's TwoProduct with Veltkamp splitting, exact for moderate magnitudes). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const ca = 134217729 * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** Renormalizes hi + lo so that hi = fl(hi + lo). */
function norm(hi: number, lo: number): [number, number] {
  const s = hi + lo;
  return [s, lo - (s - hi)];
}

function ddAdd(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [s, e] = twoSum(ah, bh);
  return norm(s, e + al + bl);
}

function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  return norm(p, e + ah * bl + al * bh);
}

/** (h + l) / n for a small integer n. */
function ddDivSmall(h: number, l: number, n: number): [number, number] {
  const q1 = h / n;
  const [p, pe] = twoProd(q1, n);
  return norm(q1, (h - p - pe + l) / n);
}

/** e**(th + tl) as [hi, lo, k] with value (hi + lo) * 2**k, for |th| < ~750. */
function ddExp(th: number, tl: number): [number, number, number] {
  const k = Math.round(th / LN2_HI);
  const [a, ae] = twoProd(k, LN2_HI);
  let [rh, rl] = twoSum(th, -a);
  [rh, rl] = norm(rh, rl + tl - ae - k * LN2_LO);
  // r / 2**10, then expm1 by Taylor (|r| < 3.4e-4: nine terms reach 2**-106), then 10 doublings.
  rh /= 1024;
  rl /= 1024;
  let ph = 1;
  let pl = 0;
  for (let n = 10; n >= 2; n--) {
    [ph, pl] = ddDivSmall(...ddMul(ph, pl, rh, rl), n);
    [ph, pl] = ddAdd(ph, pl, 1, 0);
  }
  let [sh, sl] = ddMul(ph, pl, rh, rl); // expm1(r)
  for (let i = 0; i < 10; i++) {
    // expm1(2r) = 2 expm1(r) + expm1(r)**2
    const [qh, ql] = ddMul(sh, sl, sh, sl);
    [sh, sl] = ddAdd(2 * sh, 2 * sl, qh, ql);
  }
  const [h, l] = ddAdd(1, 0, sh, sl);
  return [h, l, k];
}

/** ln x as a double-double, for finite x > 0. */
function ddLog(x: number): [number, number] {
  const { mant, exp } = decompose(x);
  const bl = bitLength(mant);
  let k = exp + bl - 1;
  let m = mant / 2 ** (bl - 1); // in [1, 2), exact
  if (m > Math.SQRT2) {
    m /= 2;
    k++;
  }
  // ln m = y0 + ln(m e**-y0); m e**-y0 = 1 + d with |d| ~ 2**-52, so ln(1 + d) = d - d²/2 to 2**-150.
  const y0 = Math.log(m);
  const [eh, el, ek] = ddExp(-y0, 0);
  const scale = 2 ** ek;
  const [p, pe] = twoProd(m, eh * scale);
  let d = p - 1 + (pe + m * el * scale);
  d -= (d * d) / 2;
  const [sh, sl] = twoSum(y0, d);
  const [kh, kl] = twoProd(k, LN2_HI);
  return ddAdd(kh, kl + k * LN2_LO, sh, sl);
}

/** x ** n exactly rounded, for finite x > 0 and an integer 0 < |n| <= 64. */
function exactIntPow(x: number, n: number): number {
  let { mant, exp } = decompose(x);
  while (mant % 2 === 0) {
    mant /= 2;
    exp++;
  }
  const e = exp * n;
  if (mant === 1) {
    return ldexp(1, e); // a power of two: one rounding at most (underflow)
  }
  const big = BigInt(mant) ** BigInt(Math.abs(n));
  const log2 = (n > 0 ? bitLength(big) : -bitLength(big)) + e;
  if (log2 > 1026) {
    return Infinity;
  }
  if (log2 < -1077) {
    return 0;
  }
  let num = n > 0 ? big : 1n;
  let den = n > 0 ? 1n : big;
  if (e >= 0) {
    num <<= BigInt(e);
  } else {
    den <<= BigInt(-e);
  }
  return ratioToFloat(num, den);
}

/** x ** y for finite x > 0, x != 1, finite y != 0 (the general case of float_pow). */
export function accuratePow(x: number, y: number): number {
  if (y === 1) {
    return x;
  }
  if (y === 2) {
    return x * x;
  }
  if (y === -1) {
    return 1 / x;
  }
  if (y === 0.5) {
    return Math.sqrt(x);
  }
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    return exactIntPow(x, y);
  }
  const [lh, ll] = ddLog(x);
  const approx = y * lh;
  if (!(approx < 710)) {
    return approx > 0 ? Infinity : 0;
  }
  if (approx < -746) {
    return 0;
  }
  const [ph, pe] = twoProd(y, lh);
  const [th, tl] = norm(ph, pe + y * ll);
  const [h, l, k] = ddExp(th, tl);
  const r = ldexp(h, k);
  if (Math.abs(r) >= 2.2250738585072014e-308) {
    return r; // normal: h was already the rounded value, scaling is exact
  }
  // Subnormal: the scaling rounded a second time; redo that rounding with lo included.
  const back = ldexp(r, -k);
  const diff = h - back + l;
  const halfUlp = ldexp(0.5, -1074 - k);
  if (diff > halfUlp) {
    return r + 5e-324;
  }
  if (diff < -halfUlp) {
    return r - 5e-324;
  }
  return r;
}

// ---------------------------------------------------------------- unary operators

/** -a, +a, ~a for int/bool/float; undefined for other types (and for ~float). */
export function numUnary(op: UnaryOp, a: PyValue): PyValue | undefined {
  let v: number | bigint;
  if (typeof a === "number") {
    v = a;
  } else if (typeof a === "boolean") {
    v = +a;
  } else if (typeof a === "bigint") {
    v = a;
  } else if (a instanceof PyFloat) {
    if (op === UnaryOp.Neg) {
      return new PyFloat(-a.v);
    }
    return op === UnaryOp.Pos ? a : undefined;
  } else {
    return undefined;
  }
  if (typeof v === "number") {
    switch (op) {
      case UnaryOp.Neg:
        return 0 - v; // not -v: no negative zero for ints
      case UnaryOp.Pos:
        return v;
      case UnaryOp.Invert: {
        const r = -v - 1;
        return Number.isSafeInteger(r) ? r : normInt(~BigInt(v));
      }
      default:
        return undefined;
    }
  }
  switch (op) {
    case UnaryOp.Neg:
      return normInt(-v);
    case UnaryOp.Pos:
      return v;
    case UnaryOp.Invert:
      return normInt(~v);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- float repr and digit generation

/** `%+.02d` of a decimal exponent, as format_float_short writes it. */
const expStr = (e: number): string => (e < 0 ? "e-" : "e+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);

/**
 * repr(float): the shortest digits that round-trip (JS and CPython's dtoa mode 0 both pick
 * the shortest, closest string), positional when the decimal exponent is in [-4, 16).
 */
export function floatRepr(x: number): string {
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e16) {
    // Same digits as Python, and JS is positional over this whole range.
    const s = String(x);
    return s.includes(".") ? s : s + ".0";
  }
  if (x === 0) {
    return Object.is(x, -0) ? "-0.0" : "0.0";
  }
  if (!Number.isFinite(x)) {
    return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  }
  const s = x.toExponential();
  const ei = s.indexOf("e");
  return s.slice(0, ei) + expStr(+s.slice(ei + 1));
}

/** Digits of a finite double as Gay's dtoa returns them: no trailing zeros; value = 0.d1d2... * 10**decpt. */
export interface Digits {
  digits: string;
  decpt: number;
  neg: boolean;
}

/** round(n / d) to nearest, ties to even, for n >= 0, d > 0. */
function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n - q * d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) {
    return q + 1n;
  }
  return q;
}

const TEN = 10n;
const pow10 = (k: number): bigint => TEN ** BigInt(k);

/** round-half-even(|x| * 10**s) for finite x, exact (x's binary value, not its repr). */
export function scaledRound(x: number, s: number): bigint {
  if (x === 0) {
    return 0n;
  }
  const { mant, exp } = decompose(x);
  let n = BigInt(mant);
  let d = 1n;
  if (exp >= 0) {
    n <<= BigInt(exp);
  } else {
    d <<= BigInt(-exp);
  }
  if (s >= 0) {
    n *= pow10(s);
  } else {
    d *= pow10(-s);
  }
  return d === 1n ? n : roundDiv(n, d);
}

function stripZeros(digits: string, decpt: number, neg: boolean): Digits {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) {
    end--;
  }
  return { digits: digits.slice(0, end), decpt, neg };
}

/** e such that 2**e is the lowest set bit of finite nonzero x. */
function lowestBitExponent(x: number): number {
  const { mant, exp } = decompose(x);
  const lo = mant % 4294967296;
  if (lo !== 0) {
    return exp + 31 - Math.clz32(lo & -lo);
  }
  const hi = Math.floor(mant / 4294967296);
  return exp + 32 + 31 - Math.clz32(hi & -hi);
}

/** dtoa mode-3 digits from a toFixed string of |x| (no sign). */
function fixedDigits(s: string, ndigits: number, neg: boolean): Digits {
  const dot = s.indexOf(".");
  const all = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1);
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48) {
    start++;
  }
  if (start === all.length) {
    return { digits: "", decpt: -ndigits, neg }; // rounded to zero: dtoa's "no digits"
  }
  return stripZeros(all.slice(start), (dot < 0 ? s.length : dot) - start, neg);
}

/**
 * _Py_dg_dtoa for finite x: mode 0 shortest round-trip; mode 2 `ndigits` significant digits;
 * mode 3 `ndigits` digits after the decimal point (may be negative). Correctly rounded with
 * ties to even on the exact binary value. A zero result in mode 3 gives no digits and
 * decpt = -ndigits, as dtoa's "no_digits" exit does.
 */
export function dtoa(x: number, mode: 0 | 2 | 3, ndigits: number): Digits {
  const neg = x < 0 || Object.is(x, -0);
  if (x === 0) {
    return { digits: "0", decpt: 1, neg };
  }
  if (mode === 0) {
    const s = x.toExponential();
    const ei = s.indexOf("e");
    const mant = s.slice(neg ? 1 : 0, ei).replace(".", "");
    return { digits: mant, decpt: +s.slice(ei + 1) + 1, neg };
  }
  if (mode === 3) {
    if (ndigits >= 0 && ndigits <= 100 && Math.abs(x) < 1e21 && lowestBitExponent(x) !== -(ndigits + 1)) {
      // Fast path: toFixed rounds the exact binary value too, and differs from dtoa only on exact
      // ties (it rounds them up, dtoa to even). |x| * 10**n is a tie exactly when x's lowest set
      // bit is 2**-(n+1), which this branch excludes.
      return fixedDigits(Math.abs(x).toFixed(ndigits), ndigits, neg);
    }
    const n = scaledRound(x, ndigits);
    if (n === 0n) {
      return { digits: "", decpt: -ndigits, neg };
    }
    const s = n.toString();
    return stripZeros(s, s.length - ndigits, neg);
  }
  const p = Math.max(1, ndigits);
  let k = Math.floor(Math.log10(Math.abs(x))); // estimate of the decimal exponent, corrected below
  for (;;) {
    const n = scaledRound(x, p - 1 - k);
    const s = n.toString();
    if (s.length < p) {
      k--;
    } else if (s.length > p) {
      k++;
    } else {
      return stripZeros(s, k + 1, neg);
    }
  }
}

// ---------------------------------------------------------------- parsing

/** str.isspace() characters (Unicode White_Space plus the ASCII separators \x1c-\x1f). */
const PY_SPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
const isPySpace = (c: string): boolean => PY_SPACE.test(c);

function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPySpace(s[a])) {
    a++;
  }
  while (b > a && isPySpace(s[b - 1])) {
    b--;
  }
  return s.slice(a, b);
}

const ND = /^\p{Nd}$/u;

/**
 * Replaces Unicode decimal digits by ASCII ones (_PyUnicode_TransformDecimalAndSpaceToASCII):
 * float('١٢٣') == 123.0. Each run of Nd code points is made of whole 0-9 sequences.
 */
function asciiDigits(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) {
    return s;
  }
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7f && ND.test(ch)) {
      let start = cp;
      while (ND.test(String.fromCodePoint(start - 1))) {
        start--;
      }
      out += String.fromCharCode(48 + ((cp - start) % 10));
    } else if (cp > 0x7f && isPySpace(ch)) {
      out += " ";
    } else {
      out += cp > 0x7f ? "?" : ch;
    }
  }
  return out;
}

const FLOAT_RE = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/**
 * float(str) (float_from_string_inner + PyOS_string_to_double): surrounding whitespace,
 * single underscores between digits, sign, inf/infinity/nan in any case. undefined when invalid.
 */
export function floatFromString(str: string): number | undefined {
  let s = pyStrip(asciiDigits(str));
  if (s.includes("_")) {
    // _Py_string_to_number_with_underscores: '_' only between two digits.
    let out = "";
    let prev = "";
    for (const c of s) {
      if (c === "_") {
        if (!(prev >= "0" && prev <= "9")) {
          return undefined;
        }
      } else {
        if (prev === "_" && !(c >= "0" && c <= "9")) {
          return undefined;
        }
        out += c;
      }
      prev = c;
    }
    if (prev === "_") {
      return undefined;
    }
    s = out;
  }
  if (!FLOAT_RE.test(s)) {
    return undefined;
  }
  const body = s[0] === "+" || s[0] === "-" ? s.slice(1) : s;
  const lower = body.toLowerCase();
  if (lower === "nan") {
    return NaN;
  }
  if (lower === "inf" || lower === "infinity") {
    return s[0] === "-" ? -Infinity : Infinity;
  }
  return Number(s); // correctly rounded decimal → double
}

/** sys.get_int_max_str_digits() default (CPython 3.11's int/str conversion limit). */
export const INT_MAX_STR_DIGITS = 4300;
/** The current limit (sys.set_int_max_str_digits; 0: none). Reset for every run by the Vm. */
let maxStrDigits = INT_MAX_STR_DIGITS;
export const intMaxStrDigits = (): number => maxStrDigits;
export function setIntMaxStrDigits(n: number): void {
  maxStrDigits = n;
  strLimit = undefined;
}

const digitValue = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : c >= 65 && c <= 90 ? c - 55 : 99;

/**
 * int(str, base) (PyLong_FromString): whitespace, sign, base prefixes (0x/0o/0b; required
 * for base 0, optional for the matching base), one underscore between digits or after the
 * prefix; base 0 rejects leading zeros ("010"). undefined when invalid. Raises CPython's
 * ValueError beyond 4300 decimal digits.
 */
export function intFromString(str: string, base: number): number | bigint | undefined {
  const s = pyStrip(asciiDigits(str));
  let i = 0;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") {
    neg = s[i] === "-";
    i++;
  }
  let zeroOnly = false; // base 0 without prefix and a leading '0': only zeros allowed
  if (s[i] === "0" && i + 1 < s.length) {
    const p = s[i + 1].toLowerCase();
    const pb = p === "x" ? 16 : p === "o" ? 8 : p === "b" ? 2 : 0;
    if (pb !== 0 && (base === 0 || base === pb)) {
      base = pb;
      i += 2;
      if (s[i] === "_") {
        i++; // one underscore allowed right after the prefix
      }
    } else if (base === 0) {
      zeroOnly = true;
      base = 10;
    }
  }
  if (base === 0) {
    base = 10;
  }
  let digits = "";
  let prevUnderscore = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95) {
      if (digits.length === 0 || prevUnderscore) {
        return undefined;
      }
      prevUnderscore = true;
      continue;
    }
    if (digitValue(c) >= base) {
      return undefined;
    }
    if (zeroOnly && c !== 48) {
      return undefined;
    }
    digits += s[i];
    prevUnderscore = false;
  }
  if (digits.length === 0 || prevUnderscore) {
    return undefined;
  }
  if ((base & (base - 1)) !== 0 && maxStrDigits > 0 && digits.length > maxStrDigits) {
    throw valueError(
      `Exceeds the limit (${maxStrDigits} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  let v: number | bigint;
  if (digits.length * Math.log2(base) < 53) {
    v = parseInt(digits, base); // exact: every partial value stays below 2**53
  } else if (base === 10) {
    v = normInt(BigInt(digits));
  } else if (base === 16 || base === 8 || base === 2) {
    v = normInt(BigInt((base === 16 ? "0x" : base === 8 ? "0o" : "0b") + digits));
  } else {
    // Other bases: chunks small enough for parseInt to be exact.
    const chunk = Math.floor(52 / Math.log2(base));
    let acc = 0n;
    for (let j = 0; j < digits.length; j += chunk) {
      const part = digits.slice(j, j + chunk);
      acc = acc * BigInt(base) ** BigInt(part.length) + BigInt(parseInt(part, base));
    }
    v = normInt(acc);
  }
  if (neg) {
    return typeof v === "number" ? 0 - v : normInt(-v);
  }
  return v;
}

let strLimit: bigint | undefined;

/** str(int) with CPython 3.11's 4300-digit limit (long_to_decimal_string_internal). */
export function intRepr(v: number | bigint | boolean): string {
  if (typeof v !== "bigint") {
    return typeof v === "boolean" ? (v ? "True" : "False") : String(v);
  }
  if (maxStrDigits === 0) {
    return v.toString();
  }
  strLimit ??= pow10(maxStrDigits);
  if (v >= strLimit || -v >= strLimit) {
    throw valueError(
      `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return v.toString();
}

// ---------------------------------------------------------------- hooks for objects

/**
 * Conversions of arbitrary objects that need Python calls (`__index__`, `__int__`,
 * `__float__`); installed by types/numeric.ts so that this file and format.ts stay free of
 * the interpreter. Each returns undefined when the object does not support the conversion.
 */
export const numberHooks = {
  /** operator.index(v) for non-int objects. */
  index: (_v: PyValue): number | bigint | undefined => undefined,
  /** int(v) for non-str, non-int objects (__int__, __index__, __trunc__). */
  int: (_v: PyValue): number | bigint | undefined => undefined,
  /** PyFloat_AsDouble for non-float, non-int objects (__float__, __index__). */
  float: (_v: PyValue): number | undefined => undefined,
};
