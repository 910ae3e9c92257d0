/**
 * The format-spec mini-language for numbers (CPython's Python/formatter_unicode.c and
 * Python/pystrtod.c format_float_short) and `%`-formatting of numbers
 * (Objects/unicodeobject.c: mainformatlong, _PyUnicode_FormatLong, formatfloat, formatchar,
 * unicode_format_arg_output), as of 3.11. The ports keep CPython's structure so that every
 * corner (zero padding inside grouping, '=' alignment, alternate forms) comes out the same.
 */
import { overflowError, typeError, valueError } from "./errors";
import { isInt, PyFloat, typeOf, type PyBaseException, type PyValue } from "./objects";
import { dtoa, floatRepr, floatToInt, intRepr, intToFloat, numberHooks } from "./numbers";

// ---------------------------------------------------------------- the spec

/**
 * A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
 * `align` is "" when not given: the caller applies its default ('>' for numbers, or '='
 * when `zero` is set; '<' for strings). `fill` is already "0" when the '0' flag was given
 * without an explicit fill. `type` is the explicit type or the default for `typeName`
 * ('s' for str, 'd' for int and bool, '' otherwise).
 */
export interface FormatSpec {
  fill: string;
  align: "" | "<" | ">" | "^" | "=";
  sign: "" | "+" | "-" | " ";
  /** 'z': coerce negative zero to zero (floats only; CPython 3.11, PEP 682). */
  noNegZero: boolean;
  alternate: boolean;
  /** The '0' flag (sign-aware zero padding when no alignment is given). */
  zero: boolean;
  width: number | null;
  grouping: "" | "," | "_";
  precision: number | null;
  type: string;
}

const isAlign = (c: string | undefined): c is "<" | ">" | "^" | "=" => c === "<" || c === ">" || c === "^" || c === "=";

const SSIZE_MAX = 9223372036854775807;

/** get_integer: decimal digits at `pos`; returns [value, end] (end === pos when none). */
function getInteger(cps: string[], pos: number): [number, number] {
  let acc = 0;
  let i = pos;
  for (; i < cps.length; i++) {
    const c = cps[i];
    if (c < "0" || c > "9") {
      break;
    }
    const d = c.charCodeAt(0) - 48;
    if (acc > (SSIZE_MAX - d) / 10) {
      throw valueError("Too many decimal digits in format string");
    }
    acc = acc * 10 + d;
  }
  return [acc, i];
}

/** `%c` in CPython's messages: the character, or \x.. outside printable ASCII. */
const codeChar = (c: string): string => {
  const cp = c.codePointAt(0)!;
  return cp > 32 && cp < 128 ? c : `\\x${cp.toString(16)}`;
};

/**
 * Parses a format spec (parse_internal_render_format_spec). `typeName` names the formatted
 * object's type in error messages and picks the default type.
 */
export function parseSpec(spec: string, typeName: string = "str"): FormatSpec {
  const cps = Array.from(spec); // the fill may be any code point
  const end = cps.length;
  let pos = 0;
  const f: FormatSpec = {
    fill: " ",
    align: "",
    sign: "",
    noNegZero: false,
    alternate: false,
    zero: false,
    width: null,
    grouping: "",
    precision: null,
    type: typeName === "str" ? "s" : typeName === "int" || typeName === "bool" ? "d" : "",
  };
  let fillSpecified = false;
  if (end - pos >= 2 && isAlign(cps[pos + 1])) {
    f.align = cps[pos + 1] as FormatSpec["align"];
    f.fill = cps[pos];
    fillSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos])) {
    f.align = cps[pos] as FormatSpec["align"];
    pos++;
  }
  if (pos < end && (cps[pos] === "+" || cps[pos] === "-" || cps[pos] === " ")) {
    f.sign = cps[pos] as FormatSpec["sign"];
    pos++;
  }
  if (pos < end && cps[pos] === "z") {
    f.noNegZero = true;
    pos++;
  }
  if (pos < end && cps[pos] === "#") {
    f.alternate = true;
    pos++;
  }
  if (!fillSpecified && pos < end && cps[pos] === "0") {
    // The special case for 0-padding (backwards compat).
    f.fill = "0";
    f.zero = true;
    pos++;
  }
  const [width, afterWidth] = getInteger(cps, pos);
  if (afterWidth > pos) {
    f.width = width;
  }
  pos = afterWidth;
  if (pos < end && cps[pos] === ",") {
    f.grouping = ",";
    pos++;
  }
  if (pos < end && cps[pos] === "_") {
    if (f.grouping !== "") {
      throw valueError("Cannot specify both ',' and '_'.");
    }
    f.grouping = "_";
    pos++;
  }
  if (pos < end && cps[pos] === ",") {
    if (f.grouping === "_") {
      throw valueError("Cannot specify both ',' and '_'.");
    }
  }
  if (pos < end && cps[pos] === ".") {
    pos++;
    const [prec, afterPrec] = getInteger(cps, pos);
    if (afterPrec === pos) {
      throw valueError("Format specifier missing precision");
    }
    f.precision = prec;
    pos = afterPrec;
  }
  if (end - pos > 1) {
    throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) {
    f.type = cps[pos];
  }
  if (f.grouping !== "") {
    switch (f.type) {
      case "d":
      case "e":
      case "f":
      case "g":
      case "E":
      case "G":
      case "%":
      case "F":
      case "":
        break; // PEP 378
      case "b":
      case "o":
      case "x":
      case "X":
        if (f.grouping === "_") {
          break; // PEP 515: every four digits in bin/oct/hex
        }
        throw valueError(`Cannot specify '${f.grouping}' with '${codeChar(f.type)}'.`);
      default:
        throw valueError(`Cannot specify '${f.grouping}' with '${codeChar(f.type)}'.`);
    }
  }
  return f;
}

// ---------------------------------------------------------------- number layout

/**
 * _PyUnicode_InsertThousandsGrouping: groups `digits` from the right with `sep` every
 * `groupLen` digits (0: no grouping), padding with zeros up to `minWidth` characters
 * (zeros are grouped too: format(1234, '010,') == '00,001,234').
 */
function insertGrouping(digits: string, minWidth: number, groupLen: number, sep: string): string {
  minWidth = Math.max(0, minWidth);
  let remaining = digits.length;
  let pos = digits.length;
  const parts: string[] = [];
  let useSep = false;
  let broken = false;
  const piece = (len: number): void => {
    const nZeros = Math.max(0, len - remaining);
    const nChars = Math.max(0, Math.min(remaining, len));
    parts.push("0".repeat(nZeros) + digits.slice(pos - nChars, pos) + (useSep ? sep : ""));
    pos -= nChars;
    remaining -= nChars;
  };
  if (groupLen > 0) {
    for (;;) {
      const len = Math.min(groupLen, Math.max(remaining, minWidth, 1));
      piece(len);
      useSep = true;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) {
        broken = true;
        break;
      }
      minWidth -= sep.length;
    }
  }
  if (!broken) {
    piece(Math.max(remaining, minWidth, 1));
  }
  return parts.reverse().join("");
}

/** Grouping length and separator for a spec (get_locale_info; 'n' uses the C locale: none). */
function groupingOf(f: FormatSpec): [number, string] {
  if (f.type === "n" || f.grouping === "") {
    return [0, ""];
  }
  if (f.grouping === ",") {
    return [3, ","];
  }
  const four = f.type === "b" || f.type === "o" || f.type === "x" || f.type === "X";
  return [four ? 4 : 3, "_"];
}

/**
 * calc_number_widths + fill_number: lays out
 * `<lpadding><sign><prefix><spadding><grouped digits><decimal><remainder><rpadding>`.
 */
function layoutNumber(
  f: FormatSpec,
  negative: boolean,
  prefix: string,
  digits: string,
  hasDecimal: boolean,
  remainder: string,
): string {
  const align = f.align !== "" ? f.align : f.zero ? "=" : ">";
  let sign = "";
  if (f.sign === "+") {
    sign = negative ? "-" : "+";
  } else if (f.sign === " ") {
    sign = negative ? "-" : " ";
  } else if (negative) {
    sign = "-";
  }
  const width = f.width ?? -1;
  const remLen = Array.from(remainder).length; // 'c' puts one code point here
  const nonDigit = sign.length + prefix.length + (hasDecimal ? 1 : 0) + remLen;
  const minWidth = f.fill === "0" && align === "=" ? width - nonDigit : 0;
  const [groupLen, sep] = groupingOf(f);
  const grouped = digits.length === 0 ? "" : insertGrouping(digits, minWidth, groupLen, sep);
  const padding = width - (nonDigit + grouped.length);
  let lpad = 0;
  let spad = 0;
  let rpad = 0;
  if (padding > 0) {
    switch (align) {
      case "<":
        rpad = padding;
        break;
      case "^":
        lpad = padding >> 1;
        rpad = padding - lpad;
        break;
      case "=":
        spad = padding;
        break;
      case ">":
        lpad = padding;
        break;
    }
  }
  return (
    f.fill.repeat(lpad) +
    sign +
    prefix +
    f.fill.repeat(spad) +
    grouped +
    (hasDecimal ? "." : "") +
    remainder +
    f.fill.repeat(rpad)
  );
}

const unknownCode = (type: string, typeName: string): PyBaseException =>
  valueError(`Unknown format code '${codeChar(type)}' for object of type '${typeName}'`);

// ---------------------------------------------------------------- ints

/** format(int, spec) (int.__format__ / _PyLong_FormatAdvancedWriter). */
export function formatInt(v: number | bigint | boolean, spec: string): string {
  if (spec === "") {
    return intRepr(v); // str(self): 'True' for bools
  }
  const typeName = typeof v === "boolean" ? "bool" : "int";
  const f = parseSpec(spec, typeName);
  const n = typeof v === "boolean" ? +v : v;
  switch (f.type) {
    case "b":
    case "c":
    case "d":
    case "o":
    case "x":
    case "X":
    case "n":
      return formatLongInternal(n, f);
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "%":
      return formatFloatInternal(intToFloat(n), f);
    default:
      throw unknownCode(f.type, typeName);
  }
}

function formatLongInternal(v: number | bigint, f: FormatSpec): string {
  if (f.precision !== null) {
    throw valueError("Precision not allowed in integer format specifier");
  }
  if (f.noNegZero) {
    throw valueError("Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (f.type === "c") {
    if (f.sign !== "") {
      throw valueError("Sign not allowed with integer format specifier 'c'");
    }
    if (f.alternate) {
      throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    }
    if (typeof v === "bigint" && (v > 9223372036854775807n || v < -9223372036854775808n)) {
      throw overflowError("Python int too large to convert to C long");
    }
    const x = Number(v);
    if (x < 0 || x > 0x10ffff) {
      throw overflowError("%c arg not in range(0x110000)");
    }
    // 'c' passes its character as "remainder" so that it is copied, never grouped.
    return layoutNumber(f, false, "", "", false, String.fromCodePoint(x));
  }
  const base = f.type === "b" ? 2 : f.type === "o" ? 8 : f.type === "x" || f.type === "X" ? 16 : 10;
  const negative = v < 0;
  const abs = typeof v === "bigint" ? (negative ? -v : v) : Math.abs(v);
  let digits = base === 10 ? intRepr(abs) : abs.toString(base);
  let prefix = f.alternate && base !== 10 ? (base === 2 ? "0b" : base === 8 ? "0o" : "0x") : "";
  if (f.type === "X") {
    digits = digits.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  return layoutNumber(f, negative, prefix, digits, false, "");
}

// ---------------------------------------------------------------- floats

/**
 * format_float_short (Python/pystrtod.c): lays out dtoa digits for the 'e', 'f', 'g' and
 * 'r' (repr) codes.
 */
function formatFloatShort(
  x: number,
  code: "e" | "f" | "g" | "r",
  precision: number,
  alwaysSign: boolean,
  addDot0: boolean,
  alt: boolean,
  noNegZero: boolean,
  upper: boolean,
): string {
  if (!Number.isFinite(x)) {
    const sign = x < 0 ? "-" : alwaysSign ? "+" : ""; // the sign of a nan is ignored
    const s = Number.isNaN(x) ? (alwaysSign ? "+" : "") + "nan" : sign + "inf";
    return upper ? s.toUpperCase() : s;
  }
  // PyOS_double_to_string's mode selection.
  let mode: 0 | 2 | 3;
  let ndigits = precision;
  if (code === "e") {
    mode = 2;
    ndigits = precision + 1;
  } else if (code === "f") {
    mode = 3;
  } else if (code === "g") {
    mode = 2;
    if (ndigits === 0) {
      ndigits = 1; // precision 0 makes no sense for 'g': interpret as 1
    }
  } else {
    mode = 0;
  }
  const d = dtoa(x, mode, ndigits);
  let neg = d.neg;
  const digits = d.digits;
  const digitsLen = digits.length;
  if (noNegZero && neg && (digitsLen === 0 || (digitsLen === 1 && digits === "0"))) {
    neg = false;
  }
  let decpt = d.decpt;
  let useExp = false;
  let exp = 0;
  let vdEnd = digitsLen;
  switch (code) {
    case "e":
      useExp = true;
      vdEnd = ndigits;
      break;
    case "f":
      vdEnd = decpt + precision;
      break;
    case "g":
      if (decpt <= -4 || decpt > (addDot0 ? ndigits - 1 : ndigits)) {
        useExp = true;
      }
      if (alt) {
        vdEnd = ndigits;
      }
      break;
    case "r":
      // Exponential from 1e16 on (repr).
      if (decpt <= -4 || decpt > 16) {
        useExp = true;
      }
      break;
  }
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vdStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) {
    vdEnd = vdEnd > decpt ? vdEnd : decpt + 1;
  } else {
    vdEnd = vdEnd > decpt ? vdEnd : decpt;
  }
  let out = neg ? "-" : alwaysSign ? "+" : "";
  if (decpt <= 0) {
    out += "0".repeat(decpt - vdStart) + "." + "0".repeat(-decpt);
  } else {
    out += "0".repeat(-vdStart);
  }
  if (decpt > 0 && decpt <= digitsLen) {
    out += digits.slice(0, decpt) + "." + digits.slice(decpt);
  } else {
    out += digits;
  }
  if (digitsLen < decpt) {
    out += "0".repeat(decpt - digitsLen) + "." + "0".repeat(vdEnd - decpt);
  } else {
    out += "0".repeat(vdEnd - digitsLen);
  }
  if (out.endsWith(".") && !alt) {
    out = out.slice(0, -1);
  }
  if (useExp) {
    out += (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }
  return out;
}

/** PyOS_double_to_string(x, code, precision, flags). */
export function doubleToString(
  x: number,
  code: string,
  precision: number,
  flags: { sign?: boolean; addDot0?: boolean; alt?: boolean; noNegZero?: boolean } = {},
): string {
  const upper = code === "E" || code === "F" || code === "G";
  const lc = code.toLowerCase() as "e" | "f" | "g" | "r";
  return formatFloatShort(x, lc, precision, !!flags.sign, !!flags.addDot0, !!flags.alt, !!flags.noNegZero, upper);
}

/** format(float, spec) (float.__format__ / _PyFloat_FormatAdvancedWriter). */
export function formatFloat(x: number, spec: string): string {
  if (spec === "") {
    return floatRepr(x);
  }
  const f = parseSpec(spec, "float");
  switch (f.type) {
    case "":
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "n":
    case "%":
      return formatFloatInternal(x, f);
    default:
      throw unknownCode(f.type, "float");
  }
}

function formatFloatInternal(x: number, f: FormatSpec): string {
  let type = f.type;
  let precision = f.precision ?? -1;
  if (precision > 2147483647) {
    throw valueError("precision too big");
  }
  let defaultPrecision = 6;
  let addDot0 = false;
  if (type === "") {
    // Like repr without a precision; like 'g' with one, keeping a digit after the point.
    addDot0 = true;
    type = "r";
    defaultPrecision = 0;
  }
  if (type === "n") {
    type = "g"; // 'n' is 'g' in the C locale
  }
  let addPct = false;
  if (type === "%") {
    type = "f";
    x *= 100;
    addPct = true;
  }
  if (precision < 0) {
    precision = defaultPrecision;
  } else if (type === "r") {
    type = "g";
  }
  let s = doubleToString(x, type, precision, { addDot0, alt: f.alternate, noNegZero: f.noNegZero });
  if (addPct) {
    s += "%";
  }
  let negative = false;
  if (s[0] === "-") {
    negative = true;
    s = s.slice(1);
  }
  // parse_number: leading digits, then an optional '.', then the remainder (fraction, exponent, '%').
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
    i++;
  }
  const hasDecimal = s[i] === ".";
  return layoutNumber(f, negative, "", s.slice(0, i), hasDecimal, s.slice(hasDecimal ? i + 1 : i));
}

// ---------------------------------------------------------------- %-formatting

export interface PercentFlags {
  minus: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  zero: boolean;
}

/** The int a `%d`-family conversion formats (mainformatlong), or a TypeError. */
function percentInt(v: PyValue, conv: string): number | bigint {
  if (isInt(v)) {
    return typeof v === "boolean" ? +v : v;
  }
  const wantIndex = conv === "o" || conv === "x" || conv === "X";
  let r: number | bigint | undefined;
  if (v instanceof PyFloat) {
    r = wantIndex ? undefined : floatToInt(v.v);
  } else if (typeof v !== "string") {
    r = wantIndex ? numberHooks.index(v) : numberHooks.int(v);
  }
  if (r === undefined) {
    throw typeError(
      wantIndex
        ? `%${conv} format: an integer is required, not ${typeOf(v).name}`
        : `%${conv} format: a real number is required, not ${typeOf(v).name}`,
    );
  }
  return r;
}

/** _PyUnicode_FormatLong: digits in base 10/8/16, precision as minimum digit count, '0x'/'0o' when alt. */
function formatLongPercent(v: number | bigint, alt: boolean, prec: number, conv: string): string {
  const negative = v < 0;
  const abs = typeof v === "bigint" ? (negative ? -v : v) : Math.abs(v);
  const base = conv === "o" ? 8 : conv === "x" || conv === "X" ? 16 : 10;
  let digits = base === 10 ? intRepr(abs) : abs.toString(base);
  if (prec > digits.length) {
    digits = "0".repeat(prec - digits.length) + digits;
  }
  let s = (negative ? "-" : "") + (alt && base !== 10 ? (base === 8 ? "0o" : "0x") : "") + digits;
  if (conv === "X") {
    s = s.toUpperCase();
  }
  return s;
}

/** formatchar: a one-character str or an int code point (__index__). */
function percentChar(v: PyValue): string {
  if (typeof v === "string") {
    const cps = Array.from(v);
    if (cps.length === 1) {
      return v;
    }
    throw typeError("%c requires int or char");
  }
  const i = isInt(v) ? (typeof v === "boolean" ? +v : v) : v instanceof PyFloat ? undefined : numberHooks.index(v);
  if (i === undefined) {
    throw typeError("%c requires int or char");
  }
  if (i < 0 || i > 0x10ffff) {
    throw overflowError("%c arg not in range(0x110000)");
  }
  return String.fromCodePoint(Number(i));
}

/** PyFloat_AsDouble for `%e`-family arguments. */
function percentFloat(v: PyValue): number {
  if (v instanceof PyFloat) {
    return v.v;
  }
  if (isInt(v)) {
    return intToFloat(v);
  }
  const r = typeof v === "string" ? undefined : numberHooks.float(v);
  if (r === undefined) {
    throw typeError(`must be real number, not ${typeOf(v).name}`);
  }
  return r;
}

/**
 * One `%` conversion of a number: d i u o x X e E f F g G c, with the flags `-+ #0`, a width
 * and a precision (null: not given). CPython's unicode_format_arg_format/_output.
 */
export function percentFormatNumber(
  v: PyValue,
  conv: string,
  flags: PercentFlags,
  width: number | null,
  precision: number | null,
): string {
  let str: string;
  let signed: boolean; // arg->sign: numeric conversions take a sign and zero padding
  const prec = precision ?? -1;
  switch (conv) {
    case "d":
    case "i":
    case "u":
    case "o":
    case "x":
    case "X":
      str = formatLongPercent(percentInt(v, conv), flags.alt, prec, conv);
      signed = true;
      break;
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
      str = doubleToString(percentFloat(v), conv, prec < 0 ? 6 : prec, { alt: flags.alt });
      signed = true;
      break;
    case "c":
      str = percentChar(v);
      signed = false;
      break;
    default:
      throw valueError(`unsupported format character '${conv}'`);
  }
  const fill = signed && flags.zero ? "0" : " ";
  const chars = Array.from(str);
  let len = chars.length;
  let w = width ?? -1;
  let pindex = 0;
  let signChar = "";
  if (signed) {
    const c = chars[0];
    if (c === "-" || c === "+") {
      signChar = c;
      len--;
      pindex++;
    } else if (flags.plus) {
      signChar = "+";
    } else if (flags.space) {
      signChar = " ";
    } else {
      signed = false;
    }
  }
  if (w < len) {
    w = len;
  }
  let out = "";
  if (signed) {
    if (fill !== " ") {
      out += signChar;
    }
    if (w > len) {
      w--;
    }
  }
  const altPrefix = flags.alt && (conv === "x" || conv === "X" || conv === "o");
  if (altPrefix) {
    if (fill !== " ") {
      out += "0" + conv;
      pindex += 2;
    }
    w -= 2;
    if (w < 0) {
      w = 0;
    }
    len -= 2;
  }
  if (w > len && !flags.minus) {
    out += fill.repeat(w - len);
    w = len;
  }
  if (fill === " ") {
    if (signed) {
      out += signChar;
    }
    if (altPrefix) {
      out += "0" + conv;
      pindex += 2;
    }
  }
  out += chars.slice(pindex, pindex + len).join("");
  if (w > len) {
    out += " ".repeat(w - len);
  }
  return out;
}
