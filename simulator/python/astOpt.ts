/**
 * The AST optimizations of CPython 3.11's Python/ast_opt.c that change what gets compiled:
 * - constant folding: literals, `__debug__`, unary operators on numbers (`-1`), tuples of
 *   constants, int and str arithmetic within ast_opt's size limits (`2 ** 10`, `'-' * 40`),
 *   and the float arithmetic JS doubles compute exactly as C does (+ - * / // %; `**` is
 *   left to run time, where numbers.ts gives Python's results).
 * - `'%s: %r' % (a, b)` compiled as the f-string `f'{a!s}: {b!r}'` (optimize_format).
 * The AST is never modified; results are memoized per node.
 */
import type { BinOp, BinOperator, Expr, FormattedValue, JoinedStr, Span } from "./ast";
import type { Const } from "./code";

/** ast_opt.c's limits on folded values. */
const MAX_INT_BITS = 128;
const MAX_STR_SIZE = 4096;

const memo = new WeakMap<Expr, Const | null>();

/** The constant `e` folds to, or undefined when it must be evaluated at run time. */
export function foldConstant(e: Expr): Const | undefined {
  if (e.kind === "Constant") {
    return e.value;
  }
  if (e.kind !== "UnaryOp" && e.kind !== "BinOp" && e.kind !== "Tuple" && e.kind !== "Name" && e.kind !== "Subscript") {
    return undefined;
  }
  let v = memo.get(e);
  if (v === undefined) {
    // fold() never yields None, so null can stand for "does not fold".
    v = fold(e) ?? null;
    memo.set(e, v);
  }
  return v === null ? undefined : v;
}

function fold(e: Expr): Const | undefined {
  switch (e.kind) {
    case "Name":
      return e.ctx === "Load" && e.id === "__debug__" ? true : undefined;
    case "Tuple": {
      if (e.ctx !== "Load") {
        return undefined;
      }
      const items: Const[] = [];
      for (const x of e.elts) {
        const k = foldConstant(x);
        if (k === undefined) {
          return undefined;
        }
        items.push(k);
      }
      return { tuple: items };
    }
    case "UnaryOp": {
      const v = foldConstant(e.operand);
      return v === undefined ? undefined : foldUnary(e.op, v);
    }
    case "Subscript": {
      if (e.ctx !== "Load") {
        return undefined;
      }
      const v = foldConstant(e.value);
      const k = v === undefined ? undefined : foldConstant(e.slice);
      return v === undefined || k === undefined ? undefined : foldSubscript(v, k);
    }
    case "BinOp": {
      const a = foldConstant(e.left);
      if (a === undefined) {
        return undefined;
      }
      const b = foldConstant(e.right);
      return b === undefined ? undefined : foldBinary(e.op, a, b);
    }
    default:
      return undefined;
  }
}

/** Python's truth value of a constant. */
export function constTruth(v: Const): boolean {
  if (v === null) {
    return false;
  }
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0;
    case "bigint":
      return v !== 0n;
    case "string":
      return v.length > 0;
  }
  if ("float" in v) {
    return v.float !== 0;
  }
  if ("bytes" in v) {
    return v.bytes.length > 0;
  }
  if ("tuple" in v) {
    return v.tuple.length > 0;
  }
  return true;
}

function asInt(v: Const): bigint | undefined {
  if (typeof v === "number") {
    return BigInt(v);
  }
  if (typeof v === "bigint") {
    return v;
  }
  if (typeof v === "boolean") {
    return v ? 1n : 0n;
  }
  return undefined;
}

/** An int as the VM keeps it: a JS number while it is a safe integer, else a bigint. */
function intConst(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

function foldUnary(op: "Invert" | "Not" | "UAdd" | "USub", v: Const): Const | undefined {
  if (op === "Not") {
    return !constTruth(v);
  }
  if (v !== null && typeof v === "object" && "float" in v) {
    if (op === "USub") {
      return { float: -v.float };
    }
    return op === "UAdd" ? v : undefined;
  }
  const i = asInt(v);
  if (i === undefined) {
    return undefined;
  }
  switch (op) {
    case "USub":
      return intConst(-i);
    case "UAdd":
      return intConst(i);
    case "Invert":
      return intConst(-(i + 1n));
  }
}

function bitLength(b: bigint): number {
  return (b < 0n ? -b : b).toString(2).length - (b === 0n ? 1 : 0);
}

function foldBinary(op: BinOperator, a: Const, b: Const): Const | undefined {
  if (typeof a === "string" || typeof b === "string") {
    return foldString(op, a, b);
  }
  if (isSequence(a) || isSequence(b)) {
    return foldSequence(op, a, b);
  }
  const x = asInt(a);
  const y = asInt(b);
  if (x !== undefined && y !== undefined) {
    // bool & bool is a bool; every other operator on bools gives an int.
    if (typeof a === "boolean" && typeof b === "boolean" && (op === "BitAnd" || op === "BitOr" || op === "BitXor")) {
      return op === "BitAnd" ? a && b : op === "BitOr" ? a || b : a !== b;
    }
    if (op === "Div") {
      const q = y === 0n ? undefined : trueDivide(x, y);
      return q === undefined ? undefined : { float: q };
    }
    return foldInt(op, x, y);
  }
  const fx = asFloat(a);
  const fy = asFloat(b);
  return fx === undefined || fy === undefined ? undefined : foldFloat(op, fx, fy);
}

/**
 * int / int correctly rounded, as long_true_divide: exact in doubles while both are below
 * 2**53, else the quotient's top 55 bits with a sticky bit, rounded half to even. Undefined
 * when the result would overflow.
 */
function trueDivide(x: bigint, y: bigint): number | undefined {
  const limit = 1n << 53n;
  const ax = x < 0n ? -x : x;
  const ay = y < 0n ? -y : y;
  if (ax <= limit && ay <= limit) {
    return Number(x) / Number(y);
  }
  const negative = x < 0n !== y < 0n;
  // Scale so the integer quotient has 55 bits: 53 kept, a rounding bit, and a sticky bit below.
  const shift = bitLength(ax) - bitLength(ay) - 55;
  const [num, den] = shift >= 0 ? [ax, ay << BigInt(shift)] : [ax << BigInt(-shift), ay];
  let q = num / den;
  if (num % den !== 0n) {
    q |= 1n;
  }
  // q has 55 or 56 bits; round it to 53 significant bits, half to even.
  const extra = BigInt(bitLength(q) - 53);
  const half = 1n << (extra - 1n);
  const rest = q & ((1n << extra) - 1n);
  let m = q >> extra;
  if (rest > half || (rest === half && (m & 1n) === 1n)) {
    m += 1n;
  }
  const r = Number(m) * 2 ** (Number(extra) + shift);
  if (!Number.isFinite(r)) {
    return undefined;
  }
  return negative ? -r : r;
}

function asFloat(v: Const): number | undefined {
  if (typeof v === "number") {
    return v;
  }
  if (typeof v === "bigint") {
    // Number() rounds half to even, as PyLong_AsDouble; too large an int cannot be a float.
    const f = Number(v);
    return Number.isFinite(f) ? f : undefined;
  }
  if (typeof v === "boolean") {
    return v ? 1 : 0;
  }
  if (v !== null && typeof v === "object" && "float" in v && Number.isFinite(v.float)) {
    return v.float;
  }
  return undefined;
}

/**
 * Float arithmetic, where JS doubles give exactly CPython's results: + - * / (IEEE-754),
 * and // and % by float_divmod's algorithm. `**` is left to run time.
 */
function foldFloat(op: BinOperator, x: number, y: number): Const | undefined {
  switch (op) {
    case "Add":
      return { float: x + y };
    case "Sub":
      return { float: x - y };
    case "Mult":
      return { float: x * y };
    case "Div":
      return y === 0 ? undefined : { float: x / y };
    case "Pow": {
      // float_pow's ordinary cases only (numbers.ts computes them the same way at run time):
      // x ** 0, or a nonzero base, a real result and no overflow.
      if (y === 0) {
        return { float: 1 };
      }
      if (x === 0 || (x < 0 && !Number.isInteger(y))) {
        return undefined;
      }
      const r = Math.pow(Math.abs(x), y);
      if (!Number.isFinite(r)) {
        return undefined;
      }
      return { float: x < 0 && Math.abs(y % 2) === 1 ? -r : r };
    }
    case "FloorDiv":
    case "Mod": {
      if (y === 0) {
        return undefined;
      }
      let mod = x % y;
      let div = (x - mod) / y;
      if (mod !== 0) {
        if (y < 0 !== mod < 0) {
          mod += y;
          div -= 1;
        }
      } else {
        mod = y < 0 ? -0 : 0;
      }
      let floordiv: number;
      if (div !== 0) {
        floordiv = Math.floor(div);
        if (div - floordiv > 0.5) {
          floordiv += 1;
        }
      } else {
        const q = x / y;
        floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
      }
      return { float: op === "FloorDiv" ? floordiv : mod };
    }
    default:
      return undefined;
  }
}

function foldInt(op: BinOperator, x: bigint, y: bigint): Const | undefined {
  switch (op) {
    case "Add":
      return intConst(x + y);
    case "Sub":
      return intConst(x - y);
    case "Mult":
      if (x !== 0n && y !== 0n && bitLength(x) + bitLength(y) > MAX_INT_BITS) {
        return undefined;
      }
      return intConst(x * y);
    case "FloorDiv":
    case "Mod": {
      if (y === 0n) {
        return undefined;
      }
      let q = x / y;
      let r = x % y;
      if (r !== 0n && r < 0n !== y < 0n) {
        q -= 1n;
        r += y;
      }
      return intConst(op === "FloorDiv" ? q : r);
    }
    case "Pow":
      if (y < 0n) {
        // long_pow: a negative exponent makes it float ** float.
        const safe = (v: bigint): boolean => v >= -9007199254740991n && v <= 9007199254740991n;
        return safe(x) && safe(y) ? foldFloat("Pow", Number(x), Number(y)) : undefined;
      }
      if (x !== 0n && y > 0n && bitLength(x) > MAX_INT_BITS / Number(y)) {
        return undefined;
      }
      return intConst(x ** y);
    case "LShift":
      if (y < 0n) {
        return undefined;
      }
      if (x !== 0n && y !== 0n && (y > BigInt(MAX_INT_BITS) || bitLength(x) > MAX_INT_BITS - Number(y))) {
        return undefined;
      }
      return intConst(x << y);
    case "RShift":
      return y < 0n ? undefined : intConst(x >> y);
    case "BitAnd":
      return intConst(x & y);
    case "BitOr":
      return intConst(x | y);
    case "BitXor":
      return intConst(x ^ y);
    default:
      return undefined;
  }
}

/** fold_subscr: `'abc'[0]`, `(1, 2)[-1]`, `b'a'[0]` with an int index in range. */
function foldSubscript(v: Const, k: Const): Const | undefined {
  if (typeof k !== "number" && typeof k !== "boolean") {
    return undefined;
  }
  const index = Number(k);
  const pick = <T>(items: ArrayLike<T>): T | undefined => {
    const i = index < 0 ? index + items.length : index;
    return i >= 0 && i < items.length ? items[i] : undefined;
  };
  if (typeof v === "string") {
    return pick(Array.from(v));
  }
  if (v !== null && typeof v === "object" && "tuple" in v) {
    return pick(v.tuple);
  }
  if (v !== null && typeof v === "object" && "bytes" in v) {
    return pick(v.bytes);
  }
  return undefined;
}

type Sequence = { tuple: Const[] } | { bytes: Uint8Array };

function isSequence(v: Const): v is Sequence {
  return v !== null && typeof v === "object" && ("tuple" in v || "bytes" in v);
}

const MAX_COLLECTION_SIZE = 256;
const MAX_TOTAL_ITEMS = 1024;

/** Items of a constant tuple, nested tuples included (check_complexity). */
function totalItems(v: Const): number {
  return v !== null && typeof v === "object" && "tuple" in v ? v.tuple.reduce((n: number, x) => n + totalItems(x), v.tuple.length) : 0;
}

/** Tuple and bytes `+` and `* n`, within safe_multiply's limits. */
function foldSequence(op: BinOperator, a: Const, b: Const): Const | undefined {
  if (op === "Add" && isSequence(a) && isSequence(b)) {
    if ("tuple" in a && "tuple" in b) {
      return { tuple: [...a.tuple, ...b.tuple] };
    }
    if ("bytes" in a && "bytes" in b) {
      const out = new Uint8Array(a.bytes.length + b.bytes.length);
      out.set(a.bytes);
      out.set(b.bytes, a.bytes.length);
      return { bytes: out };
    }
    return undefined;
  }
  if (op !== "Mult") {
    return undefined;
  }
  const [seq, n] = isSequence(a) ? [a, b] : [b as Sequence, a];
  if (!isSequence(seq) || (typeof n !== "number" && typeof n !== "bigint")) {
    return undefined;
  }
  const count = Math.max(0, Number(n));
  if ("bytes" in seq) {
    const size = seq.bytes.length;
    if (size && (Number(n) < 0 || Number(n) > MAX_STR_SIZE / size)) {
      return undefined;
    }
    const out = new Uint8Array(size * count);
    for (let i = 0; i < count; i++) {
      out.set(seq.bytes, i * size);
    }
    return { bytes: out };
  }
  const size = seq.tuple.length;
  if (size && (Number(n) < 0 || Number(n) > MAX_COLLECTION_SIZE / size || (count && totalItems(seq) > MAX_TOTAL_ITEMS / count))) {
    return undefined;
  }
  const items: Const[] = [];
  for (let i = 0; i < count; i++) {
    items.push(...seq.tuple);
  }
  return { tuple: items };
}

/** `'a' + 'b'` and `'-' * n` (safe_multiply's size limit); `%` formatting is never folded (safe_mod). */
function foldString(op: BinOperator, a: Const, b: Const): Const | undefined {
  if (op === "Add" && typeof a === "string" && typeof b === "string") {
    return a + b;
  }
  if (op !== "Mult") {
    return undefined;
  }
  const [s, n] = typeof a === "string" ? [a, b] : [b as string, a];
  if (typeof s !== "string" || (typeof n !== "number" && typeof n !== "bigint")) {
    return undefined;
  }
  const count = Number(n);
  if (s.length > 0 && (count < 0 || count > MAX_STR_SIZE / s.length)) {
    return undefined;
  }
  return count <= 0 ? "" : s.repeat(count);
}

// ---------------------------------------------------------------- '%s' % (...) as an f-string

const formatMemo = new WeakMap<BinOp, JoinedStr | null>();

/**
 * optimize_format: `'...' % (a, b)` whose conversions are all %s, %r or %a (with an optional
 * width and precision of at most two digits each) is compiled as an f-string, each
 * FormattedValue located at its argument. Returns null when the expression stays a `%`.
 */
export function percentFormat(e: BinOp): JoinedStr | null {
  let r = formatMemo.get(e);
  if (r === undefined) {
    r = buildPercentFormat(e);
    formatMemo.set(e, r);
  }
  return r;
}

function buildPercentFormat(e: BinOp): JoinedStr | null {
  const rhs = e.right;
  if (e.op !== "Mod" || rhs.kind !== "Tuple" || rhs.elts.some((x) => x.kind === "Starred") || foldConstant(rhs) !== undefined) {
    return null;
  }
  const fmt = foldConstant(e.left);
  if (typeof fmt !== "string") {
    return null;
  }
  const at: Span = { line: e.line, col: e.col, endLine: e.endLine, endCol: e.endCol };
  const values: Expr[] = [];
  let pos = 0;
  let count = 0;
  for (;;) {
    // A literal run, with %% meaning %.
    let text = "";
    while (pos < fmt.length) {
      if (fmt[pos] !== "%") {
        text += fmt[pos++];
      } else if (fmt[pos + 1] === "%") {
        text += "%";
        pos += 2;
      } else {
        break;
      }
    }
    if (text) {
      values.push({ kind: "Constant", value: text, ...at });
    }
    if (pos >= fmt.length) {
      break;
    }
    if (count >= rhs.elts.length) {
      return null;
    }
    const unit = parseFormatUnit(fmt, pos + 1);
    if (unit === null) {
      return null;
    }
    pos = unit.end;
    const arg = rhs.elts[count++];
    const spec: JoinedStr | null = unit.spec
      ? { kind: "JoinedStr", values: [{ kind: "Constant", value: unit.spec, ...at }], ...at }
      : null;
    const fv: FormattedValue = {
      kind: "FormattedValue",
      value: arg,
      conversion: unit.conversion,
      formatSpec: spec,
      line: arg.line,
      col: arg.col,
      endLine: arg.endLine,
      endCol: arg.endCol,
    };
    values.push(fv);
  }
  if (count < rhs.elts.length) {
    return null;
  }
  return { kind: "JoinedStr", values, ...at };
}

/** simple_format_arg_parse + parse_format: flags, width, precision, then s, r or a. */
function parseFormatUnit(fmt: string, pos: number): { end: number; conversion: number; spec: string } | null {
  const MAX_DIGITS = 3;
  let leftJustify = false;
  let ch: string;
  const next = (): boolean => {
    if (pos >= fmt.length) {
      return false;
    }
    ch = fmt[pos++];
    return true;
  };
  for (;;) {
    if (!next()) {
      return null;
    }
    if (ch! === "-") {
      leftJustify = true;
    } else if (!"+ #0".includes(ch!)) {
      break;
    }
  }
  let width = -1;
  let prec = -1;
  const isDigit = (): boolean => ch >= "0" && ch <= "9";
  if (isDigit()) {
    width = 0;
    let digits = 0;
    while (isDigit()) {
      width = width * 10 + Number(ch!);
      if (!next() || ++digits >= MAX_DIGITS) {
        return null;
      }
    }
  }
  if (ch! === ".") {
    if (!next()) {
      return null;
    }
    prec = 0;
    let digits = 0;
    while (isDigit()) {
      prec = prec * 10 + Number(ch!);
      if (!next() || ++digits >= MAX_DIGITS) {
        return null;
      }
    }
  }
  const conversion = ch! === "s" ? 115 : ch! === "r" ? 114 : ch! === "a" ? 97 : -1;
  if (conversion < 0) {
    return null;
  }
  let spec = "";
  if (!leftJustify && width > 0) {
    spec += ">";
  }
  if (width >= 0) {
    spec += String(width);
  }
  if (prec >= 0) {
    spec += `.${prec}`;
  }
  return { end: pos, conversion, spec };
}
