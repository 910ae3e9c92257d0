/**
 * The `math` module (CPython 3.11's Modules/mathmodule.c): the libm wrappers with CPython's
 * error rules (math_1 / math_2: a NaN from non-NaN input is "math domain error", an infinity
 * from finite input is "math range error" or a domain error at a singularity), exact integer
 * functions on bigints, and CPython's own algorithms where it has them (fsum's partials,
 * hypot/dist's vector_norm, tgamma/lgamma's Lanczos sum, remainder) so results match bit
 * for bit. The libm functions themselves are V8's (fdlibm-derived); glibc may differ from
 * them in the last bit on rare arguments.
 */
import { BinaryOp } from "../../python/opcodes";
import { arity, builtin, noKwargs } from "../../vm/define";
import { overflowError, typeError, valueError, zeroDivision } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import {
  None,
  normInt,
  PyFloat,
  PyTuple,
  toBig,
  typeOf,
  type NativeFn,
  type PyValue,
} from "../../vm/objects";
import { binaryOp } from "../../vm/operators";
import { floatToInt, intToFloat } from "../../vm/numbers";
import { callDunder, iter, next, index, toArray, typeName } from "../../vm/protocol";

// ---------------------------------------------------------------- conversions

/**
 * PyFloat_AsDouble: a float's value, an int converted with correct rounding (OverflowError
 * beyond the float range), else `__float__`, else `__index__`.
 */
export function toDouble(v: PyValue): number {
  switch (typeof v) {
    case "number":
      return v;
    case "boolean":
      return +v;
    case "bigint":
      return intToFloat(v);
    case "string":
      throw typeError(`must be real number, not str`);
  }
  if (v instanceof PyFloat) {
    return v.v;
  }
  const t = typeOf(v);
  const fl = t.lookup("__float__");
  if (fl !== undefined && fl !== None) {
    const r = callDunder(v, "__float__", [])!;
    if (!(r instanceof PyFloat)) {
      throw typeError(`${t.name}.__float__ returned non-float (type ${typeName(r)})`);
    }
    return r.v;
  }
  const ix = t.lookup("__index__");
  if (ix !== undefined && ix !== None) {
    return toDouble(index(v));
  }
  throw typeError(`must be real number, not ${t.name}`);
}

const F = (x: number): PyFloat => new PyFloat(x);

const view = new DataView(new ArrayBuffer(8));

/** 2**k exactly, for -1074 <= k <= 1023 (built from the bits, not by pow). */
function pow2(k: number): number {
  if (k >= -1022) {
    view.setUint32(0, (k + 1023) << 20);
    view.setUint32(4, 0);
  } else {
    const bit = k + 1074; // position of the single mantissa bit of a subnormal
    view.setUint32(0, bit >= 32 ? 1 << (bit - 32) : 0);
    view.setUint32(4, bit < 32 ? 2 ** bit : 0);
  }
  return view.getFloat64(0);
}

/** C frexp for finite non-zero x: x = m * 2**e with 0.5 <= |m| < 1. */
export function frexp(x: number): [number, number] {
  let extra = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) {
    x *= 18446744073709551616; // 2**64: subnormals become normal, exactly
    extra = -64;
  }
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const e = ((hi >>> 20) & 0x7ff) - 1022;
  view.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
  return [view.getFloat64(0), e + extra];
}

/** C ldexp for finite non-zero x, rounding once when the result is subnormal. */
export function ldexp(x: number, n: number): number {
  const [m, e] = frexp(x);
  const E = e + n; // result = m * 2**E with 0.5 <= |m| < 1
  if (E > 1024) {
    return m > 0 ? Infinity : -Infinity;
  }
  if (E >= -1021) {
    return m * 2 * pow2(E - 1);
  }
  if (E < -1075 - 53) {
    return m > 0 ? 0 : -0;
  }
  // m * 2**(E + 1074) is exact (a normal number); the final multiply by the smallest subnormal rounds once.
  return m * pow2(E + 1074) * pow2(-1074);
}

// ---------------------------------------------------------------- libm
//
// CPython calls the C library for exp, log, pow, sin, cos, tan, atan, asin, acos, atan2 and
// their relatives; glibc's versions of these are correctly rounded in all but a tiny fraction
// of cases, while V8's Math functions (fdlibm ports) differ from them in the last bit for a
// few percent of arguments. So these are computed in double-double arithmetic (~106 bits)
// and rounded once. The functions glibc takes from fdlibm (sinh, cosh, asinh, acosh, log10)
// follow fdlibm's formulas on top of them; cbrt is glibc's own algorithm.

/** A double-double: the unevaluated sum hi + lo with |lo| <= ulp(hi)/2. */
type DD = [number, number];

const SPLITTER = 134217729; // 2**27 + 1 (Veltkamp-Dekker split)

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

const ddNeg = (a: DD): DD => [-a[0], -a[1]];

function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function ddMulD(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}

function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddAdd(a, ddNeg(ddMulD(b, q1)));
  const q2 = r[0] / b[0];
  r = ddAdd(r, ddNeg(ddMulD(b, q2)));
  const q3 = r[0] / b[0];
  return ddAdd(quickTwoSum(q1, q2), [q3, 0]);
}

function ddSqrt(a: DD): DD {
  if (a[0] <= 0) {
    return [0, 0];
  }
  const s = Math.sqrt(a[0]);
  const [p, e] = twoProd(s, s);
  return quickTwoSum(s, (a[0] - p - e + a[1]) / (2 * s));
}

/** X / 2**shift as a double-double, for a bigint X. */
function bigToDD(x: bigint, shift: number): DD {
  const neg = x < 0n;
  if (neg) {
    x = -x;
  }
  const len = x.toString(2).length;
  let scale = -shift;
  if (len > 110) {
    x >>= BigInt(len - 110);
    scale += len - 110;
  }
  const hi = Number(x);
  const lo = Number(x - BigInt(hi));
  const r: DD = [ldexpAny(hi, scale), ldexpAny(lo, scale)];
  return neg ? ddNeg(r) : r;
}

/** x * 2**n for any finite x (0 stays 0). */
function ldexpAny(x: number, n: number): number {
  return x === 0 ? x : ldexp(x, n);
}

/** Fixed-point arctan(1/n) * 2**bits by its Taylor series (Machin's formula for pi). */
function atanInvFixed(n: bigint, bits: bigint): bigint {
  const n2 = n * n;
  let term = (1n << bits) / n;
  let sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term /= n2;
    sum += (k % 2n === 1n ? -term : term) / (2n * k + 1n);
  }
  return sum;
}

const PI_BITS = 1400;
/** pi * 2**PI_BITS, from Machin's formula pi/4 = 4 atan(1/5) - atan(1/239). */
const PI_FIXED = 4n * (4n * atanInvFixed(5n, BigInt(PI_BITS + 8)) - atanInvFixed(239n, BigInt(PI_BITS + 8))) >> 8n;
/** floor(2/pi * 2**PI_BITS), for reducing huge arguments of sin/cos/tan (Payne-Hanek style, exactly). */
const TWO_OVER_PI_FIXED = (1n << BigInt(2 * PI_BITS + 1)) / PI_FIXED;
/** ln 2 * 2**200, as 2 atanh(1/3). */
const LN2_FIXED = (() => {
  const bits = 208n;
  let term = (1n << bits) / 3n;
  let sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term /= 9n;
    sum += term / (2n * k + 1n);
  }
  return (2n * sum) >> 8n;
})();

const DD_PI = bigToDD(PI_FIXED, PI_BITS);
const DD_PIO2 = bigToDD(PI_FIXED, PI_BITS + 1);
const DD_LN2 = bigToDD(LN2_FIXED, 200);
const DD_INV_LN2 = ddDiv([1, 0], DD_LN2);
/** A double as an exact fixed-point bigint: d * 2**bits (d * 2**bits must be an integer). */
function toFixed(d: number, bits: number): bigint {
  const [m, e] = frexp(d);
  const shift = BigInt(e - 53 + bits);
  const mant = BigInt(m * 2 ** 53);
  return shift >= 0n ? mant << shift : mant >> -shift;
}
/** The third part of pi/2 after DD_PIO2's two, for Cody-Waite reduction (~160 bits in all). */
const PIO2_3 = bigToDD((PI_FIXED >> 1n) - toFixed(DD_PIO2[0], PI_BITS) - toFixed(DD_PIO2[1], PI_BITS), PI_BITS)[0];

/** 1/n! as double-doubles, for the exp, sin and cos series. */
const INV_FACT: DD[] = [[1, 0]];
for (let n = 1, f = 1; n <= 32; n++) {
  f *= n; // exact up to 22!; beyond, the division below still gives ~106-bit quotients of the rounded factorial
  INV_FACT.push(n <= 22 ? ddDiv([1, 0], [f, 0]) : ddDiv(INV_FACT[n - 1], [n, 0]));
}
/** 1/(2k+1) as double-doubles, for the log and atan series. */
const INV_ODD: DD[] = Array.from({ length: 40 }, (_, k) => ddDiv([1, 0], [2 * k + 1, 0]));

/** Rounds hi+lo times 2**k to the nearest double, once (also into the subnormal range). */
function scaleRound(v: DD, k: number): number {
  if (frexp(v[0])[1] + k > -1021) {
    return ldexpAny(v[0] + v[1], k);
  }
  // Subnormal result: count in units of 2**-1074 and round that count to an integer.
  const units: DD = [ldexpAny(v[0], k + 1074), ldexpAny(v[1], k + 1074)];
  let n = Math.round(units[0]);
  const rest = units[0] - n + units[1];
  if (rest > 0.5 || (rest === 0.5 && n % 2 !== 0)) {
    n += 1;
  } else if (rest < -0.5 || (rest === -0.5 && n % 2 !== 0)) {
    n -= 1;
  }
  return n * pow2(-1074);
}

/** e**(r) * 2**k for a reduced |r| <= ~0.35: expm1 by Taylor series on r/256, then squared back 8 times. */
function expCore(r: DD, k: number): number {
  const s: DD = [r[0] / 256, r[1] / 256];
  let p = INV_FACT[11];
  for (let n = 10; n >= 1; n--) {
    p = ddAdd(ddMul(p, s), INV_FACT[n]);
  }
  let em1 = ddMul(p, s); // e**s - 1
  for (let i = 0; i < 8; i++) {
    em1 = ddMul(em1, ddAdd([2, 0], em1)); // (1+a)**2 - 1 = a(2 + a)
  }
  return scaleRound(ddAdd([1, 0], em1), k);
}

/** e**x for a double-double x. */
function expDD(x: DD): number {
  if (x[0] > 709.8) {
    return Infinity;
  }
  if (x[0] < -745.2) {
    return 0;
  }
  const k = Math.round(x[0] * DD_INV_LN2[0]);
  const r = ddAdd(x, ddNeg(ddMulD(DD_LN2, k)));
  return expCore(r, k);
}

export function libmExp(x: number): number {
  if (Number.isNaN(x)) {
    return x;
  }
  if (Math.abs(x) < 2 ** -54) {
    return 1 + x;
  }
  return expDD([x, 0]);
}

export function libmExp2(x: number): number {
  if (Number.isNaN(x) || x > 1024 || x < -1100) {
    return Number.isNaN(x) ? x : x > 0 ? Infinity : 0;
  }
  const k = Math.round(x);
  return expCore(ddMulD(DD_LN2, x - k), k);
}

/** ln x for finite x > 0, as a double-double: m * 2**e with m near 1, then 2 atanh((m-1)/(m+1)). */
function logDD(x: number): DD {
  let [m, e] = frexp(x);
  if (m < Math.SQRT1_2) {
    m *= 2;
    e -= 1;
  }
  const s = ddDiv([m - 1, 0], twoSum(m, 1));
  const s2 = ddMul(s, s);
  let p = INV_ODD[22];
  for (let k = 21; k >= 0; k--) {
    p = ddAdd(ddMul(p, s2), INV_ODD[k]);
  }
  const logm = ddMulD(ddMul(p, s), 2);
  return ddAdd(ddMulD(DD_LN2, e), logm);
}

export function libmLog(x: number): number {
  if (!(x > 0) || x === Infinity) {
    return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  }
  const r = logDD(x);
  return r[0] + r[1];
}

export function libmLog2(x: number): number {
  if (!(x > 0) || x === Infinity) {
    return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  }
  let [m, e] = frexp(x);
  if (m === 0.5) {
    return e - 1; // exact for powers of two
  }
  if (m < Math.SQRT1_2) {
    m *= 2;
    e -= 1;
  }
  const r = ddAdd([e, 0], ddMul(ddAdd(logDD(m), [0, 0]), DD_INV_LN2));
  return r[0] + r[1];
}

/** glibc's e_log10.c (fdlibm): n*log10(2) + log10(e)*log(m), in that order of operations. */
export function libmLog10(x: number): number {
  if (!(x > 0) || x === Infinity) {
    return x === 0 ? -Infinity : x === Infinity ? x : NaN;
  }
  const IVLN10 = 4.34294481903251816668e-1;
  const LOG10_2HI = 3.01029995663611771306e-1;
  const LOG10_2LO = 3.69423907715893078616e-13;
  view.setFloat64(0, x);
  let hx = view.getInt32(0);
  let k = 0;
  if (hx < 0x00100000) {
    k -= 54;
    x *= 18014398509481984; // 2**54
    view.setFloat64(0, x);
    hx = view.getInt32(0);
  }
  k += (hx >> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  view.setInt32(0, hx);
  x = view.getFloat64(0);
  const z = y * LOG10_2LO + IVLN10 * libmLog(x);
  return z + y * LOG10_2HI;
}

/** x**y for finite x, y (the finite cases math.pow passes to libm); NaN for a negative base and a fractional exponent. */
export function libmPow(x: number, y: number): number {
  if (y === 0 || x === 1) {
    return 1;
  }
  const yInt = Number.isInteger(y);
  const yOdd = yInt && Math.abs(y) % 2 === 1;
  if (x === 0) {
    const z = y > 0 ? 0 : Infinity;
    return yOdd && Object.is(x, -0) ? -z : z;
  }
  if (x < 0 && !yInt) {
    return NaN;
  }
  const l = logDD(Math.abs(x));
  const t0 = l[0] * y;
  if (Math.abs(t0) > 800) {
    return x < 0 && yOdd ? -expDD([t0, 0]) : expDD([t0, 0]); // certain overflow or underflow (also keeps huge y out of the split)
  }
  const r = expDD(ddMulD(l, y));
  return x < 0 && yOdd ? -r : r;
}

/** Reduces x modulo pi/2: the quadrant (0..3) and the remainder as a double-double in [-pi/4, pi/4]. */
function trigReduce(x: number): [number, DD] {
  const ax = Math.abs(x);
  if (ax <= Math.PI / 4) {
    return [0, [x, 0]];
  }
  if (ax < 823549.6) {
    // Cody-Waite: x - k*(pi/2) with pi/2 to ~160 bits; k*hi and k*mid are exact products.
    const k = Math.round(x * (2 / Math.PI));
    let r = ddAdd([x, 0], ddNeg(twoProd(k, DD_PIO2[0])));
    r = ddAdd(r, ddNeg(twoProd(k, DD_PIO2[1])));
    r = ddAdd(r, [-k * PIO2_3, 0]);
    return [((k % 4) + 4) % 4, r];
  }
  // Exact reduction of a huge argument with 1400 bits of 2/pi.
  const [m, e] = frexp(ax);
  const mant = BigInt(m * 2 ** 53);
  const shift = BigInt(PI_BITS - (e - 53));
  const prod = mant * TWO_OVER_PI_FIXED;
  let k = prod >> shift;
  let frac = prod - (k << shift);
  if (frac >= 1n << (shift - 1n)) {
    frac -= 1n << shift;
    k += 1n;
  }
  let r = ddMul(bigToDD(frac, Number(shift)), DD_PIO2);
  let q = Number(k % 4n);
  if (x < 0) {
    r = ddNeg(r);
    q = (4 - q) % 4;
  }
  return [q, r];
}

/** sin r for |r| <= pi/4, as a double-double (Taylor series in r**2). */
function sinDD(r: DD): DD {
  const r2 = ddMul(r, r);
  let p = INV_FACT[31];
  for (let n = 29; n >= 1; n -= 2) {
    p = ddAdd(ddMul(p, r2), n % 4 === 1 ? INV_FACT[n] : ddNeg(INV_FACT[n]));
  }
  return ddMul(p, r);
}

function cosDD(r: DD): DD {
  const r2 = ddMul(r, r);
  let p = ddNeg(INV_FACT[30]);
  for (let n = 28; n >= 0; n -= 2) {
    p = ddAdd(ddMul(p, r2), n % 4 === 0 ? INV_FACT[n] : ddNeg(INV_FACT[n]));
  }
  return p;
}

export function libmSin(x: number): number {
  if (!Number.isFinite(x)) {
    return NaN;
  }
  if (Math.abs(x) < 2 ** -26) {
    return x;
  }
  const [q, r] = trigReduce(x);
  const v = q === 0 ? sinDD(r) : q === 1 ? cosDD(r) : q === 2 ? ddNeg(sinDD(r)) : ddNeg(cosDD(r));
  return v[0] + v[1];
}

export function libmCos(x: number): number {
  if (!Number.isFinite(x)) {
    return NaN;
  }
  if (Math.abs(x) < 2 ** -27) {
    return 1;
  }
  const [q, r] = trigReduce(x);
  const v = q === 0 ? cosDD(r) : q === 1 ? ddNeg(sinDD(r)) : q === 2 ? ddNeg(cosDD(r)) : sinDD(r);
  return v[0] + v[1];
}

export function libmTan(x: number): number {
  if (!Number.isFinite(x)) {
    return NaN;
  }
  if (Math.abs(x) < 2 ** -27) {
    return x;
  }
  const [q, r] = trigReduce(x);
  const s = sinDD(r);
  const c = cosDD(r);
  const v = q % 2 === 0 ? ddDiv(s, c) : ddNeg(ddDiv(c, s));
  return v[0] + v[1];
}

/** atan a for 0 <= a <= 1: three argument halvings (atan a = 2 atan(a / (1 + sqrt(1 + a**2)))), then the series. */
function atanCore(a: DD): DD {
  for (let i = 0; i < 3; i++) {
    a = ddDiv(a, ddAdd([1, 0], ddSqrt(ddAdd([1, 0], ddMul(a, a)))));
  }
  const a2 = ddMul(a, a);
  let p = INV_ODD[18];
  for (let k = 17; k >= 0; k--) {
    p = ddAdd(ddMul(p, a2), k % 2 === 0 ? INV_ODD[k] : ddNeg(INV_ODD[k]));
  }
  return ddMulD(ddMul(p, a), 8);
}

/** atan2 of finite, non-zero double-doubles (the quadrant from their signs). */
function atan2DD(y: DD, x: DD): DD {
  // Scale both by the same power of two so that the larger is near 1 (the Dekker split overflows above 2**996).
  const e = frexp(Math.max(Math.abs(y[0]), Math.abs(x[0])))[1];
  const ay: DD = [ldexpAny(Math.abs(y[0]), -e), ldexpAny(y[0] < 0 ? -y[1] : y[1], -e)];
  const ax: DD = [ldexpAny(Math.abs(x[0]), -e), ldexpAny(x[0] < 0 ? -x[1] : x[1], -e)];
  // atan(|y|/|x|), taking the reciprocal when it exceeds 1.
  let t = ay[0] <= ax[0] ? atanCore(ddDiv(ay, ax)) : ddAdd(DD_PIO2, ddNeg(atanCore(ddDiv(ax, ay))));
  if (x[0] < 0) {
    t = ddAdd(DD_PI, ddNeg(t));
  }
  return y[0] < 0 ? ddNeg(t) : t;
}

export function libmAtan(x: number): number {
  if (Number.isNaN(x)) {
    return x;
  }
  if (!Number.isFinite(x)) {
    return x > 0 ? DD_PIO2[0] : -DD_PIO2[0];
  }
  if (Math.abs(x) < 2 ** -27) {
    return x;
  }
  const v = atan2DD([x, 0], [1, 0]);
  return v[0] + v[1];
}

/** m_atan2: the special values as C99 Annex F, the rest in double-double. */
export function libmAtan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) {
    return NaN;
  }
  const negX = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(y)) {
    if (!Number.isFinite(x)) {
      return copysign(negX ? 0.75 * Math.PI : 0.25 * Math.PI, y);
    }
    return copysign(0.5 * Math.PI, y);
  }
  if (!Number.isFinite(x) || y === 0) {
    return negX ? copysign(Math.PI, y) : copysign(0, y);
  }
  if (x === 0) {
    return copysign(0.5 * Math.PI, y);
  }
  if (x > 0 && Math.abs(y) < Math.abs(x) * 2 ** -60) {
    return y / x; // atan(t) = t - t**3/3: the correctly rounded quotient is the answer (also when subnormal)
  }
  const v = atan2DD([y, 0], [x, 0]);
  return v[0] + v[1];
}

/** sqrt((1-x)(1+x)) as a double-double, for asin and acos. */
function cosOfAsin(x: number): DD {
  return ddSqrt(ddMul(twoSum(1, -x), twoSum(1, x)));
}

export function libmAsin(x: number): number {
  if (Number.isNaN(x) || Math.abs(x) > 1) {
    return NaN;
  }
  if (Math.abs(x) < 2 ** -26) {
    return x;
  }
  if (Math.abs(x) === 1) {
    return copysign(DD_PIO2[0], x);
  }
  const v = atan2DD([x, 0], cosOfAsin(x));
  return v[0] + v[1];
}

export function libmAcos(x: number): number {
  if (Number.isNaN(x) || Math.abs(x) > 1) {
    return NaN;
  }
  if (x === 1) {
    return 0;
  }
  if (x === -1) {
    return DD_PI[0];
  }
  if (x === 0) {
    return DD_PIO2[0];
  }
  const v = atan2DD(cosOfAsin(x), [x, 0]);
  return v[0] + v[1];
}

// fdlibm's e_sinh.c, e_cosh.c, s_asinh.c and e_acosh.c, as glibc builds them (on its exp and log);
// their range tests compare the high 32 bits of |x|, kept here as they are.

/** The high word of |x| (sign cleared), as fdlibm's GET_HIGH_WORD(ix, x); ix &= 0x7fffffff. */
function highWord(x: number): number {
  view.setFloat64(0, x);
  return view.getUint32(0) & 0x7fffffff;
}

export function libmSinh(x: number): number {
  const ix = highWord(x);
  if (ix >= 0x7ff00000) {
    return x + x;
  }
  const h = x < 0 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3e300000) {
      return x;
    }
    const t = Math.expm1(ax);
    if (ix < 0x3ff00000) {
      return h * (2.0 * t - (t * t) / (t + 1.0));
    }
    return h * (t + t / (t + 1.0));
  }
  if (ix < 0x40862e42) {
    return h * libmExp(ax);
  }
  if (ax <= 710.4758600739439) {
    const w = libmExp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * 1.0e307;
}

export function libmCosh(x: number): number {
  const ix = highWord(x);
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      if (ix < 0x3c800000) {
        return 1;
      }
      const t = Math.expm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = libmExp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) {
    return 0.5 * libmExp(ax);
  }
  if (ax <= 710.4758600739439) {
    const w = libmExp(0.5 * ax);
    const t = 0.5 * w;
    return t * w;
  }
  return ix >= 0x7ff00000 ? x * x : Infinity;
}

const LN2_D = 6.93147180559945286227e-1;

export function libmAsinh(x: number): number {
  const ix = highWord(x);
  if (ix < 0x3e300000) {
    return x;
  }
  const ax = Math.abs(x);
  let w: number;
  if (ix > 0x41b00000) {
    if (ix >= 0x7ff00000) {
      return x + x;
    }
    w = libmLog(ax) + LN2_D;
  } else if (ix > 0x40000000) {
    w = libmLog(2.0 * ax + 1.0 / (Math.sqrt(ax * ax + 1.0) + ax));
  } else {
    const t = ax * ax;
    w = Math.log1p(ax + t / (1.0 + Math.sqrt(1.0 + t)));
  }
  return copysign(w, x);
}

export function libmAcosh(x: number): number {
  view.setFloat64(0, x);
  const hx = view.getInt32(0);
  if (hx < 0x3ff00000 || Number.isNaN(x)) {
    return NaN;
  }
  if (hx >= 0x41b00000) {
    return hx >= 0x7ff00000 ? x + x : libmLog(x) + LN2_D;
  }
  if (x === 1) {
    return 0;
  }
  if (hx > 0x40000000) {
    const t = x * x;
    return libmLog(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
  }
  const t = x - 1.0;
  return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
}

/** glibc's s_cbrt.c: a polynomial first guess, one rational correction step, then the exponent. */
export function libmCbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) {
    return x + x;
  }
  const [xm0, xe] = frexp(Math.abs(x));
  const xm = xm0;
  const CBRT2 = 1.2599210498948731648;
  const SQR_CBRT2 = 1.5874010519681994748;
  const factor = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
  const u =
    0.35489576504391986 +
    (1.50819193781584896 +
      (-2.11499494167371287 +
        (2.4469312256353443 +
          (-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm) *
          xm) *
        xm) *
      xm;
  const t2 = u * u * u;
  const ym = ((u * (t2 + 2.0 * xm)) / (2.0 * t2 + xm)) * factor[2 + (xe % 3)];
  return copysign(ldexp(ym, Math.trunc(xe / 3)), x);
}

// ---------------------------------------------------------------- argument helpers

/** A METH_O function: "math.sqrt() takes exactly one argument (0 given)". */
function fn1(name: string, f: (x: PyValue) => PyValue): NativeFn {
  return (args, kwargs) => {
    noKwargs(`math.${name}`, kwargs);
    arity(`math.${name}`, args.length, 1);
    return f(args[0]);
  };
}

/** A two-argument function: "pow expected 2 arguments, got 1". */
function fn2(name: string, f: (x: PyValue, y: PyValue) => PyValue): NativeFn {
  return (args, kwargs) => {
    noKwargs(name, kwargs);
    arity(name, args.length, 2);
    return f(args[0], args[1]);
  };
}

/** math_1: the libm call and CPython's error mapping. */
function math1(name: string, f: (x: number) => number, canOverflow: boolean): NativeFn {
  return fn1(name, (v) => {
    const x = toDouble(v);
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) {
      throw valueError("math domain error");
    }
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
      throw canOverflow ? overflowError("math range error") : valueError("math domain error");
    }
    return F(r);
  });
}

/** math_2: a NaN from non-NaN input is a domain error; an infinity from finite input overflows. */
function math2(name: string, f: (x: number, y: number) => number): NativeFn {
  return fn2(name, (a, b) => {
    const x = toDouble(a);
    const y = toDouble(b);
    const r = f(x, y);
    if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) {
      throw valueError("math domain error");
    }
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x) && Number.isFinite(y)) {
      throw overflowError("math range error");
    }
    return F(r);
  });
}

/** FUNC1A (gamma, lgamma, erf, erfc): the function reports its own errno. */
type Errno = 0 | "EDOM" | "ERANGE";
function math1a(name: string, f: (x: number) => [number, Errno]): NativeFn {
  return fn1(name, (v) => {
    const [r, errno] = f(toDouble(v));
    if (errno === "EDOM") {
      throw valueError("math domain error");
    }
    if (errno === "ERANGE" && Math.abs(r) >= 1.5) {
      throw overflowError("math range error");
    }
    return F(r);
  });
}

// ---------------------------------------------------------------- logarithms

const mLog = libmLog;
const mLog2 = libmLog2;
const mLog10 = libmLog10;

/** _PyLong_Frexp: n = x * 2**e with 0.5 <= x < 1, x rounded half-even to 53 bits. */
function bigFrexp(n: bigint): [number, number] {
  const bits = n.toString(2).length;
  const shift = BigInt(bits - 53);
  let q = n >> shift;
  const rem = n - (q << shift);
  const half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) {
    q += 1n;
  }
  return [Number(q) / 2 ** 53, bits];
}

/** loghelper: ints of any size (log(x) ~ log(m) + log(2) * e when x does not fit a float), floats through math_1. */
function logHelper(v: PyValue, f: (x: number) => number): number {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") {
    const n = toBig(v);
    if (n <= 0n) {
      throw valueError("math domain error");
    }
    const d = Number(n);
    if (Number.isFinite(d)) {
      return f(d);
    }
    const [m, e] = bigFrexp(n);
    return f(m) + f(2.0) * e;
  }
  const x = toDouble(v);
  const r = f(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) {
    throw valueError("math domain error");
  }
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
    throw valueError("math domain error");
  }
  return r;
}

const mathLog: NativeFn = (args, kwargs) => {
  noKwargs("log", kwargs);
  if (args.length < 1 || args.length > 2) {
    throw typeError("math.log requires 1 to 2 arguments");
  }
  const num = logHelper(args[0], mLog);
  if (args.length === 1) {
    return F(num);
  }
  const den = logHelper(args[1], mLog);
  if (den === 0) {
    throw zeroDivision("float division by zero");
  }
  return F(num / den);
};

// ---------------------------------------------------------------- rounding

/** math.floor / math.ceil: exact floats directly, else the type's __floor__/__ceil__, else float conversion. */
function rounding(name: "floor" | "ceil", f: (x: number) => number): NativeFn {
  return fn1(name, (v) => {
    if (v instanceof PyFloat && !v.cls.heap) {
      return floatToInt(f(v.v));
    }
    if (typeof v === "number" || typeof v === "bigint") {
      return v;
    }
    if (typeof v === "boolean") {
      return +v;
    }
    const r = callDunder(v, `__${name}__`, []);
    if (r !== undefined) {
      return r;
    }
    return floatToInt(f(toDouble(v)));
  });
}

const mathTrunc = fn1("trunc", (v) => {
  if (v instanceof PyFloat && !v.cls.heap) {
    return floatToInt(v.v);
  }
  if (typeof v === "number" || typeof v === "bigint") {
    return v;
  }
  if (typeof v === "boolean") {
    return +v;
  }
  const r = callDunder(v, "__trunc__", []);
  if (r === undefined) {
    if (v instanceof PyFloat) {
      return floatToInt(v.v);
    }
    throw typeError(`type ${typeName(v)} doesn't define __trunc__ method`);
  }
  return r;
});

// ---------------------------------------------------------------- integer functions

const bigAbs = (n: bigint): bigint => (n < 0n ? -n : n);

function bigGcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) {
    [a, b] = [b, a % b];
  }
  return a;
}

function smallGcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    [a, b] = [b, a % b];
  }
  return a;
}

function gcd2(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === "number" && typeof b === "number") {
    return smallGcd(a, b);
  }
  return normInt(bigGcd(toBig(a), toBig(b)));
}

const mathGcd: NativeFn = (args, kwargs) => {
  noKwargs("gcd", kwargs);
  if (args.length === 0) {
    return 0;
  }
  let res = index(args[0]);
  res = typeof res === "number" ? Math.abs(res) : bigAbs(res);
  for (let i = 1; i < args.length; i++) {
    const x = index(args[i]);
    if (res !== 1) {
      res = gcd2(res, x);
    }
  }
  return res;
};

const mathLcm: NativeFn = (args, kwargs) => {
  noKwargs("lcm", kwargs);
  if (args.length === 0) {
    return 1;
  }
  let res = toBig(index(args[0]));
  res = bigAbs(res);
  for (let i = 1; i < args.length; i++) {
    const x = toBig(index(args[i]));
    if (res === 0n) {
      continue;
    }
    res = x === 0n ? 0n : bigAbs((res / bigGcd(res, x)) * x);
  }
  return normInt(res);
};

/** The product lo * (lo+1) * ... * hi by binary splitting (balanced operand sizes keep bigint products fast). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (lo > hi) {
    return 1n;
  }
  if (hi - lo < 16n) {
    let p = lo;
    for (let i = lo + 1n; i <= hi; i++) {
      p *= i;
    }
    return p;
  }
  const mid = (lo + hi) >> 1n;
  return rangeProduct(lo, mid) * rangeProduct(mid + 1n, hi);
}

const LONG_MAX = (1n << 63n) - 1n;

function factorial(v: PyValue): number | bigint {
  const n = toBig(index(v));
  if (n < 0n) {
    throw valueError("factorial() not defined for negative values");
  }
  if (n > LONG_MAX) {
    throw overflowError(`factorial() argument should not exceed ${LONG_MAX}`);
  }
  return normInt(rangeProduct(1n, n));
}

function combPermArgs(nv: PyValue, kv: PyValue): [bigint, bigint] {
  const n = toBig(index(nv));
  const k = toBig(index(kv));
  if (n < 0n) {
    throw valueError("n must be a non-negative integer");
  }
  if (k < 0n) {
    throw valueError("k must be a non-negative integer");
  }
  return [n, k];
}

const mathComb: NativeFn = (args, kwargs) => {
  noKwargs("comb", kwargs);
  arity("comb", args.length, 2);
  const [n, k0] = combPermArgs(args[0], args[1]);
  if (k0 > n) {
    return 0;
  }
  const k = n - k0 < k0 ? n - k0 : k0;
  return normInt(rangeProduct(n - k + 1n, n) / rangeProduct(1n, k));
};

const mathPerm: NativeFn = (args, kwargs) => {
  noKwargs("perm", kwargs);
  arity("perm", args.length, 1, 2);
  if (args.length === 1 || args[1] === None) {
    return factorial(args[0]);
  }
  const [n, k] = combPermArgs(args[0], args[1]);
  if (k > n) {
    return 0;
  }
  return normInt(rangeProduct(n - k + 1n, n));
};

/** isqrt by Newton's method on bigints (floor of the exact square root). */
function isqrt(v: PyValue): number | bigint {
  const i = index(v);
  if (i < 0) {
    throw valueError("isqrt() argument must be nonnegative");
  }
  if (typeof i === "number" && i < 2 ** 52) {
    let r = Math.floor(Math.sqrt(i));
    while (r * r > i) {
      r--;
    }
    while ((r + 1) * (r + 1) <= i) {
      r++;
    }
    return r;
  }
  const n = toBig(i);
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) {
      return normInt(x);
    }
    x = y;
  }
}

// ---------------------------------------------------------------- float functions of CPython's own

/** math.fsum: Shewchuk/Hettinger partials with Dickinson's half-even fix-up (mathmodule.c math_fsum). */
function fsum(seq: PyValue): number {
  const p: number[] = [];
  let specialSum = 0.0;
  let infSum = 0.0;
  const it = iter(seq);
  for (let item = next(it); item !== undefined; item = next(it)) {
    let x = toDouble(item);
    const xsave = x;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        [x, y] = [y, x];
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0.0) {
        p[i++] = lo;
      }
      x = hi;
    }
    p.length = i;
    if (x !== 0.0) {
      if (!Number.isFinite(x)) {
        // A non-finite x comes from an intermediate overflow or from an inf/nan summand.
        if (Number.isFinite(xsave)) {
          throw overflowError("intermediate overflow in fsum");
        }
        if (!Number.isNaN(xsave)) {
          infSum += xsave;
        }
        specialSum += xsave;
        p.length = 0;
      } else {
        p.push(x);
      }
    }
  }
  if (specialSum !== 0.0) {
    if (Number.isNaN(infSum)) {
      throw valueError("-inf + inf in fsum");
    }
    return specialSum;
  }
  let hi = 0.0;
  let n = p.length;
  if (n > 0) {
    hi = p[--n];
    let lo = 0.0;
    // sum_exact from the top, stopping when the sum becomes inexact.
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0.0) {
        break;
      }
    }
    // Half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      const y = lo * 2.0;
      const x = hi + y;
      if (y === x - hi) {
        hi = x;
      }
    }
  }
  return hi;
}

/**
 * vector_norm of 3.11's mathmodule.c (hypot and dist): power-of-two scaling, Veltkamp-Dekker
 * squaring, compensated summation with three accumulators and a differential correction of
 * the square root. `vec` holds absolute values, `max` the largest.
 */
function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  const T27 = 134217729.0; // 2**27 + 1
  if (max === Infinity) {
    return max;
  }
  if (foundNan) {
    return NaN;
  }
  if (max === 0.0 || vec.length <= 1) {
    return max;
  }
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  let frac3 = 0.0;
  let oldcsum: number;
  const maxE = frexp(max)[1];
  if (maxE >= -1023) {
    const scale = ldexp(1.0, -maxE);
    for (let x of vec) {
      x *= scale;
      const t = x * T27;
      const hi = t - (t - x);
      const lo = x - hi;
      x = hi * hi;
      oldcsum = csum;
      csum += x;
      frac1 += oldcsum - csum + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += oldcsum - csum + x;
      frac3 += lo * lo;
    }
    const h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    let x = h;
    const t = x * T27;
    const hi = t - (t - x);
    const lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += oldcsum - csum + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += oldcsum - csum + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += oldcsum - csum + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  // When max_e < -1023, ldexp(1.0, -max_e) overflows: divide by max instead.
  for (let x of vec) {
    x /= max;
    x = x * x;
    oldcsum = csum;
    csum += x;
    frac1 += oldcsum - csum + x;
  }
  return max * Math.sqrt(csum - 1.0 + frac1);
}

const mathHypot: NativeFn = (args, kwargs) => {
  noKwargs("hypot", kwargs);
  let max = 0.0;
  let foundNan = false;
  const coords = args.map((a) => {
    const x = Math.abs(toDouble(a));
    foundNan ||= Number.isNaN(x);
    if (x > max) {
      max = x;
    }
    return x;
  });
  return F(vectorNorm(coords, max, foundNan));
};

const mathDist: NativeFn = (args, kwargs) => {
  noKwargs("dist", kwargs);
  arity("dist", args.length, 2);
  const p = args[0] instanceof PyTuple ? args[0].items : toArray(args[0]);
  const q = args[1] instanceof PyTuple ? args[1].items : toArray(args[1]);
  if (p.length !== q.length) {
    throw valueError("both points must have the same number of dimensions");
  }
  let max = 0.0;
  let foundNan = false;
  const diffs = p.map((px, i) => {
    const x = Math.abs(toDouble(px) - toDouble(q[i]));
    foundNan ||= Number.isNaN(x);
    if (x > max) {
      max = x;
    }
    return x;
  });
  return F(vectorNorm(diffs, max, foundNan));
};

/** m_remainder: IEEE 754 remainder, exact, ties to the even multiple. */
function remainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0.0) {
      return NaN;
    }
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) {
      r = m;
    } else if (m > c) {
      r = -c;
    } else {
      r = m - 2.0 * ((0.5 * (absx - m)) % absy);
    }
    return (x < 0 || Object.is(x, -0) ? -1.0 : 1.0) * r;
  }
  if (Number.isNaN(x)) {
    return x;
  }
  if (Number.isNaN(y)) {
    return y;
  }
  if (!Number.isFinite(x)) {
    return NaN;
  }
  return x;
}

/** math_pow_impl: IEEE specials handled directly, libm for finite ** finite. */
function mathPow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) {
      return y === 0 ? 1.0 : x;
    }
    if (Number.isNaN(y)) {
      return x === 1.0 ? 1.0 : y;
    }
    if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2.0 === 1.0;
      if (y > 0) {
        return oddY ? x : Math.abs(x);
      }
      if (y === 0) {
        return 1.0;
      }
      return oddY ? (x < 0 ? -0.0 : 0.0) : 0.0;
    }
    if (Math.abs(x) === 1.0) {
      return 1.0;
    }
    if (y > 0 && Math.abs(x) > 1.0) {
      return y;
    }
    if (y < 0 && Math.abs(x) < 1.0) {
      return -y;
    }
    return 0.0;
  }
  const r = libmPow(x, y);
  if (Number.isNaN(r)) {
    throw valueError("math domain error");
  }
  if (!Number.isFinite(r)) {
    throw x === 0 ? valueError("math domain error") : overflowError("math range error");
  }
  return r;
}

function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && signBitOfNaN(y));
  return neg ? -Math.abs(x) : Math.abs(x);
}

function signBitOfNaN(y: number): boolean {
  view.setFloat64(0, y);
  return (view.getUint32(0) & 0x80000000) !== 0;
}

function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) {
    return NaN;
  }
  if (x === y) {
    return y;
  }
  if (x === 0) {
    return y > 0 ? pow2(-1074) : -pow2(-1074);
  }
  view.setFloat64(0, x);
  let bits = view.getBigUint64(0);
  bits += (y > x) === (x > 0) ? 1n : -1n;
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

function ulp(x: number): number {
  if (Number.isNaN(x)) {
    return x;
  }
  x = Math.abs(x);
  if (!Number.isFinite(x)) {
    return x;
  }
  const x2 = nextafter(x, Infinity);
  if (!Number.isFinite(x2)) {
    return x - nextafter(x, -Infinity);
  }
  return x2 - x;
}

// tgamma and lgamma: CPython's Lanczos approximation (N=13, g=6.024680040776729583740234375).
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
  1925.0, 66.0, 1.0,
];
const GAMMA_INTEGRAL = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
  6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
  121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];
const LOGPI = 1.144729885849400174143427351353058711647;

function lanczosSum(x: number): number {
  let num = 0.0;
  let den = 0.0;
  if (x < 5.0) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

/** sin(pi*x), accurate near integers (for the reflection formula). */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0:
      r = libmSin(Math.PI * y);
      break;
    case 1:
      r = libmCos(Math.PI * (y - 0.5));
      break;
    case 2:
      r = libmSin(Math.PI * (1.0 - y));
      break;
    case 3:
      r = -libmCos(Math.PI * (y - 1.5));
      break;
    default:
      r = libmSin(Math.PI * (y - 2.0));
  }
  return copysign(1.0, x) * r;
}

function tgamma(x: number): [number, Errno] {
  if (!Number.isFinite(x)) {
    return Number.isNaN(x) || x > 0 ? [x, 0] : [NaN, "EDOM"];
  }
  if (x === 0) {
    return [copysign(Infinity, x), "EDOM"];
  }
  if (x === Math.floor(x)) {
    if (x < 0) {
      return [NaN, "EDOM"];
    }
    if (x <= 23) {
      return [GAMMA_INTEGRAL[x - 1], 0];
    }
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    return [r, Number.isFinite(r) ? 0 : "ERANGE"];
  }
  if (absx > 200.0) {
    return x < 0 ? [0.0 / sinpi(x), 0] : [Infinity, "ERANGE"];
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absx > LANCZOS_G_MINUS_HALF) {
    const q = y - absx;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0.0) {
    r = (((-Math.PI / sinpi(absx)) / absx) * libmExp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= libmPow(y, absx - 0.5);
    } else {
      const sqrtpow = libmPow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / libmExp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= libmPow(y, absx - 0.5);
    } else {
      const sqrtpow = libmPow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return [r, Number.isFinite(r) ? 0 : "ERANGE"];
}

function lgamma(x: number): [number, Errno] {
  if (!Number.isFinite(x)) {
    return Number.isNaN(x) ? [x, 0] : [Infinity, 0];
  }
  if (x === Math.floor(x) && x <= 2.0) {
    return x <= 0.0 ? [Infinity, "EDOM"] : [0.0, 0];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    return [-libmLog(absx), 0];
  }
  let r = libmLog(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (libmLog(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) {
    r = LOGPI - libmLog(Math.abs(sinpi(absx))) - libmLog(absx) - r;
  }
  return [r, Number.isFinite(r) ? 0 : "ERANGE"];
}

// erf and erfc: fdlibm's s_erf.c with glibc's regrouping of the polynomials (dbl-64/s_erf.c,
// which CPython calls), on this module's exp. The evaluation order is kept: it decides the last bit.
const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;
const ERF_PP = [
  1.28379167095512558561e-1, -3.2504210724700149937e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3,
  -2.37630166566501626084e-5,
];
const ERF_QQ = [
  0.0, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4,
  -3.9602282787753681232e-6,
];
const ERF_PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1,
  -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.166375594868790843e-3,
];
const ERF_QA = [
  0.0, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1,
  1.36370839120290507362e-2, 1.1984499846799107417e-2,
];
const ERF_RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1,
  -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592,
];
const ERF_SA = [
  0.0, 1.96512716674392571292e1, 1.376577541435190426e2, 4.34565877475229228821e2, 6.45387271733267880336e2,
  4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135, -6.04244152148580987438e-2,
];
const ERF_RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2,
  -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2,
];
const ERF_SB = [
  0.0, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3,
  2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1,
];

/** x * R(x**2) on [0, 0.84375], the polynomials grouped as glibc evaluates them. */
function erfSmallRatio(z: number): number {
  const pp = ERF_PP;
  const qq = ERF_QQ;
  const r1 = pp[0] + z * pp[1];
  const z2 = z * z;
  const r2 = pp[2] + z * pp[3];
  const z4 = z2 * z2;
  const s1 = 1 + z * qq[1];
  const s2 = qq[2] + z * qq[3];
  const s3 = qq[4] + z * qq[5];
  const r = r1 + z2 * r2 + z4 * pp[4];
  const s = s1 + z2 * s2 + z4 * s3;
  return r / s;
}

/** P/Q on [0.84375, 1.25], in s = |x| - 1. */
function erfMidRatio(s: number): number {
  const pa = ERF_PA;
  const qa = ERF_QA;
  const P1 = pa[0] + s * pa[1];
  const s2 = s * s;
  const Q1 = 1 + s * qa[1];
  const s4 = s2 * s2;
  const P2 = pa[2] + s * pa[3];
  const s6 = s4 * s2;
  const Q2 = qa[2] + s * qa[3];
  const P3 = pa[4] + s * pa[5];
  const Q3 = qa[4] + s * qa[5];
  const P = P1 + s2 * P2 + s4 * P3 + s6 * pa[6];
  const Q = Q1 + s2 * Q2 + s4 * Q3 + s6 * qa[6];
  return P / Q;
}

/** exp(-x*x - 0.5625 + R/S) for 1.25 <= x < 28 (R/S from the table for x's range), split to keep -x*x exact. */
function erfcTail(x: number, ix: number, cutoff: number): number {
  const s = 1 / (x * x);
  let R: number;
  let S: number;
  if (ix < cutoff) {
    const ra = ERF_RA;
    const sa = ERF_SA;
    const R1 = ra[0] + s * ra[1];
    const s2 = s * s;
    const S1 = 1 + s * sa[1];
    const s4 = s2 * s2;
    const R2 = ra[2] + s * ra[3];
    const s6 = s4 * s2;
    const S2 = sa[2] + s * sa[3];
    const s8 = s4 * s4;
    const R3 = ra[4] + s * ra[5];
    const S3 = sa[4] + s * sa[5];
    const R4 = ra[6] + s * ra[7];
    const S4 = sa[6] + s * sa[7];
    R = R1 + s2 * R2 + s4 * R3 + s6 * R4;
    S = S1 + s2 * S2 + s4 * S3 + s6 * S4 + s8 * sa[8];
  } else {
    const rb = ERF_RB;
    const sb = ERF_SB;
    const R1 = rb[0] + s * rb[1];
    const s2 = s * s;
    const S1 = 1 + s * sb[1];
    const s4 = s2 * s2;
    const R2 = rb[2] + s * rb[3];
    const s6 = s4 * s2;
    const S2 = sb[2] + s * sb[3];
    const R3 = rb[4] + s * rb[5];
    const S3 = sb[4] + s * sb[5];
    const S4 = sb[6] + s * sb[7];
    R = R1 + s2 * R2 + s4 * R3 + s6 * rb[6];
    S = S1 + s2 * S2 + s4 * S3 + s6 * S4;
  }
  // z = x with the low 32 bits cleared, so that z*z is exact.
  view.setFloat64(0, x);
  view.setUint32(4, 0);
  const z = view.getFloat64(0);
  return libmExp(-z * z - 0.5625) * libmExp((z - x) * (z + x) + R / S);
}

function erf(x: number): [number, Errno] {
  view.setFloat64(0, x);
  const hx = view.getInt32(0);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    return [Number.isNaN(x) ? x : x > 0 ? 1 : -1, 0];
  }
  if (ix < 0x3feb0000) {
    if (ix < 0x3e300000) {
      return [ix < 0x00800000 ? 0.0625 * (16.0 * x + 16.0 * EFX * x) : x + EFX * x, 0];
    }
    return [x + x * erfSmallRatio(x * x), 0];
  }
  if (ix < 0x3ff40000) {
    const q = erfMidRatio(Math.abs(x) - 1);
    return [hx >= 0 ? ERX + q : -ERX - q, 0];
  }
  if (ix >= 0x40180000) {
    return [hx >= 0 ? 1 : -1, 0];
  }
  const ax = Math.abs(x);
  const r = erfcTail(ax, ix, 0x4006db6e);
  return [hx >= 0 ? 1 - r / ax : r / ax - 1, 0];
}

function erfc(x: number): [number, Errno] {
  view.setFloat64(0, x);
  const hx = view.getInt32(0);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    return [Number.isNaN(x) ? x : x > 0 ? 0 : 2, 0];
  }
  if (ix < 0x3feb0000) {
    if (ix < 0x3c700000) {
      return [1 - x, 0];
    }
    const y = erfSmallRatio(x * x);
    if (hx < 0x3fd00000) {
      return [1 - (x + x * y), 0];
    }
    let r = x * y;
    r += x - 0.5;
    return [0.5 - r, 0];
  }
  if (ix < 0x3ff40000) {
    const q = erfMidRatio(Math.abs(x) - 1);
    return [hx >= 0 ? 1 - ERX - q : 1 + (ERX + q), 0];
  }
  if (ix < 0x403c0000) {
    if (hx < 0 && ix >= 0x40180000) {
      return [2, 0];
    }
    const ax = Math.abs(x);
    const r = erfcTail(ax, ix, 0x4006db6d);
    if (hx > 0) {
      const ret = r / ax;
      return [ret, ret === 0 ? "ERANGE" : 0];
    }
    return [2 - r / ax, 0];
  }
  return hx > 0 ? [0, "ERANGE"] : [2, 0];
}

// ---------------------------------------------------------------- the remaining wrappers

const mathFmod = fn2("fmod", (a, b) => {
  const x = toDouble(a);
  const y = toDouble(b);
  if (!Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x)) {
    return F(x); // fmod(x, +/-inf) returns x for finite x
  }
  const r = x % y;
  if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) {
    throw valueError("math domain error");
  }
  return F(r);
});

const mathModf = fn1("modf", (v) => {
  const x = toDouble(v);
  if (!Number.isFinite(x)) {
    return Number.isNaN(x) ? new PyTuple([F(x), F(x)]) : new PyTuple([F(copysign(0.0, x)), F(x)]);
  }
  const ip = Math.trunc(x);
  return new PyTuple([F(copysign(x - ip, x)), F(ip)]);
});

const mathFrexp = fn1("frexp", (v) => {
  const x = toDouble(v);
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) {
    return new PyTuple([F(x), 0]);
  }
  const [m, e] = frexp(x);
  return new PyTuple([F(m), e]);
});

const mathLdexp = fn2("ldexp", (a, b) => {
  const x = toDouble(a);
  if (!(typeof b === "number" || typeof b === "bigint" || typeof b === "boolean")) {
    throw typeError("Expected an int as second argument to ldexp.");
  }
  const n = toBig(b);
  let r: number;
  if (x === 0 || !Number.isFinite(x)) {
    r = x;
  } else if (n > 2147483647n) {
    throw overflowError("math range error");
  } else if (n < -2147483648n) {
    r = copysign(0.0, x);
  } else {
    r = ldexp(x, Number(n));
    if (!Number.isFinite(r)) {
      throw overflowError("math range error");
    }
  }
  return F(r);
});

/** math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0). */
const mathIsclose: NativeFn = (args, kwargs) => {
  if (args.length > 2) {
    throw typeError(`isclose() takes exactly 2 positional arguments (${args.length} given)`);
  }
  const vals: (PyValue | undefined)[] = [args[0], args[1], undefined, undefined];
  const names = ["a", "b", "rel_tol", "abs_tol"];
  if (kwargs) {
    for (const [k, v] of kwargs) {
      const i = names.indexOf(k);
      if (i < 0) {
        throw typeError(`'${k}' is an invalid keyword argument for isclose()`);
      }
      if (vals[i] !== undefined) {
        throw typeError(`argument for isclose() given by name ('${k}') and position (${i + 1})`);
      }
      vals[i] = v;
    }
  }
  for (let i = 0; i < 2; i++) {
    if (vals[i] === undefined) {
      throw typeError(`isclose() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  const a = toDouble(vals[0]!);
  const b = toDouble(vals[1]!);
  const relTol = vals[2] === undefined ? 1e-9 : toDouble(vals[2]);
  const absTol = vals[3] === undefined ? 0.0 : toDouble(vals[3]);
  if (relTol < 0.0 || absTol < 0.0) {
    throw valueError("tolerances must be non-negative");
  }
  if (a === b) {
    return true;
  }
  if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) {
    return false;
  }
  const diff = Math.abs(b - a);
  return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
};

/** math.prod(iterable, /, *, start=1): Python multiplication, left to right. */
const mathProd: NativeFn = (args, kwargs) => {
  if (args.length !== 1) {
    throw typeError(`prod() takes exactly 1 positional argument (${args.length} given)`);
  }
  let acc: PyValue = 1;
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k !== "start") {
        throw typeError(`'${k}' is an invalid keyword argument for prod()`);
      }
      acc = v;
    }
  }
  const it = iter(args[0]);
  for (let x = next(it); x !== undefined; x = next(it)) {
    acc = binaryOp(acc, x, BinaryOp.Mul);
  }
  return acc;
};

const mathFsum = fn1("fsum", (v) => F(fsum(v)));

const mathIsfinite = fn1("isfinite", (v) => Number.isFinite(toDouble(v)));
const mathIsinf = fn1("isinf", (v) => {
  const x = toDouble(v);
  return x === Infinity || x === -Infinity;
});
const mathIsnan = fn1("isnan", (v) => Number.isNaN(toDouble(v)));

const DEG_TO_RAD = Math.PI / 180.0;
const RAD_TO_DEG = 180.0 / Math.PI;

registerModule("math", (m) => {
  const d = m.dict!;
  const def = (name: string, f: NativeFn): void => d.setStr(name, builtin(name, f));
  d.setStr("pi", F(Math.PI));
  d.setStr("e", F(Math.E));
  d.setStr("tau", F(2 * Math.PI));
  d.setStr("inf", F(Infinity));
  d.setStr("nan", F(NaN));

  def("acos", math1("acos", libmAcos, false));
  def("acosh", math1("acosh", libmAcosh, false));
  def("asin", math1("asin", libmAsin, false));
  def("asinh", math1("asinh", libmAsinh, false));
  def("atan", math1("atan", libmAtan, false));
  def("atan2", math2("atan2", libmAtan2));
  def("atanh", math1("atanh", Math.atanh, false));
  def("cbrt", math1("cbrt", libmCbrt, false));
  def("ceil", rounding("ceil", Math.ceil));
  def("comb", mathComb);
  def("copysign", math2("copysign", copysign));
  def("cos", math1("cos", libmCos, false));
  def("cosh", math1("cosh", libmCosh, true));
  def("degrees", fn1("degrees", (v) => F(toDouble(v) * RAD_TO_DEG)));
  def("dist", mathDist);
  def("erf", math1a("erf", erf));
  def("erfc", math1a("erfc", erfc));
  def("exp", math1("exp", libmExp, true));
  def("exp2", math1("exp2", libmExp2, true));
  def("expm1", math1("expm1", Math.expm1, true));
  def("fabs", math1("fabs", Math.abs, false));
  def("factorial", fn1("factorial", factorial));
  def("floor", rounding("floor", Math.floor));
  def("fmod", mathFmod);
  def("frexp", mathFrexp);
  def("fsum", mathFsum);
  def("gamma", math1a("gamma", tgamma));
  def("gcd", mathGcd);
  def("hypot", mathHypot);
  def("isclose", mathIsclose);
  def("isfinite", mathIsfinite);
  def("isinf", mathIsinf);
  def("isnan", mathIsnan);
  def("isqrt", fn1("isqrt", isqrt));
  def("lcm", mathLcm);
  def("ldexp", mathLdexp);
  def("lgamma", math1a("lgamma", lgamma));
  def("log", mathLog);
  def("log10", fn1("log10", (v) => F(logHelper(v, mLog10))));
  def("log1p", math1("log1p", Math.log1p, false));
  def("log2", fn1("log2", (v) => F(logHelper(v, mLog2))));
  def("modf", mathModf);
  def("nextafter", math2("nextafter", nextafter));
  def("perm", mathPerm);
  def("pow", fn2("pow", (a, b) => F(mathPow(toDouble(a), toDouble(b)))));
  def("prod", mathProd);
  def("radians", fn1("radians", (v) => F(toDouble(v) * DEG_TO_RAD)));
  def("remainder", math2("remainder", remainder));
  def("sin", math1("sin", libmSin, false));
  def("sinh", math1("sinh", libmSinh, true));
  def("sqrt", math1("sqrt", Math.sqrt, false));
  def("tan", math1("tan", libmTan, false));
  def("tanh", math1("tanh", Math.tanh, false));
  def("trunc", mathTrunc);
  def("ulp", fn1("ulp", (v) => F(ulp(toDouble(v)))));
});
