/**
 * String formatting: `str % args` (CPython's PyUnicode_Format in Objects/unicodeobject.c),
 * `bytes % args` (_PyBytes_FormatEx), `str.format` / `str.format_map`
 * (Objects/stringlib/unicode_format.h) and the `format()` builtin (PyObject_Format).
 * Numbers are converted by format.ts (percentFormatNumber); the format-spec mini-language
 * of each type lives in its `__format__`.
 */
import { indexError, keyError, overflowError, typeError, valueError } from "./errors";
import { percentFormatNumber, type PercentFlags } from "./format";
import { None, PyByteArray, PyBytes, PyDict, PyList, PyTuple, typeOf, type KwArgs, type PyValue } from "./objects";
import { ascii, callDunder, getAttr, getItem, index, repr, str, typeName } from "./protocol";
import { checkSize, cpLen, cpPrefix, decimalValue } from "./types/str";

// ---------------------------------------------------------------- %-formatting

const LJUST = 1;
const SIGN = 2;
const BLANK = 4;
const ALT = 8;
const ZERO = 16;

/** PyMapping_Check minus tuples and str: the right operand of `%` that `%(name)s` may index. */
function isMapping(v: PyValue): boolean {
  if (typeof v !== "object" || v instanceof PyTuple) {
    return false;
  }
  if ((v instanceof PyDict || v instanceof PyList) && !v.cls.heap) {
    return true;
  }
  const gi = v.cls.lookup("__getitem__");
  return gi !== undefined && gi !== None;
}

const isIntValue = (v: PyValue): v is number | bigint | boolean =>
  typeof v === "number" || typeof v === "bigint" || typeof v === "boolean";

/** A `*` width or precision: "* wants int". */
function starArg(v: PyValue, what: "ssize" | "int"): number {
  if (!isIntValue(v)) {
    throw typeError("* wants int");
  }
  const n = typeof v === "boolean" ? +v : v;
  if (typeof n === "bigint" || (what === "int" && (n > 0x7fffffff || n < -0x80000000))) {
    throw overflowError(`Python int too large to convert to C ${what}`);
  }
  return n;
}

/** Pads a %s/%r/%a/%c result to `width` code points with spaces. */
function padPercent(s: string, width: number, ljust: boolean): string {
  if (width < 0) {
    return s;
  }
  const len = cpLen(s);
  if (width <= len) {
    return s;
  }
  checkSize(s.length + width - len);
  return ljust ? s + " ".repeat(width - len) : " ".repeat(width - len) + s;
}

/** What differs between str and bytes formatting: how %s, %r, %a (and for bytes %b, %c) render. */
interface PercentMode {
  /** The text of a conversion handled by the mode, or undefined for the number conversions. */
  text(v: PyValue, conv: number): string | undefined;
  /** Formatting bytes: `fmt` holds latin-1 text, keys are bytes, a bytes operand is not a mapping. */
  bytes: boolean;
}

const STR_MODE: PercentMode = {
  bytes: false,
  text: (v, conv) => (conv === 0x73 ? str(v) : conv === 0x72 ? repr(v) : conv === 0x61 ? ascii(v) : undefined),
};

/**
 * The core of `%`-formatting, shared by str and bytes (for bytes, `fmt` and the result are
 * latin-1 strings). It follows CPython's parser state exactly, including `fmtcnt` going
 * negative when a spec runs off the end ("incomplete format").
 */
function percentCore(fmt: string, args: PyValue, mode: PercentMode): string {
  const tuple = args instanceof PyTuple ? args.items : null;
  let cur = args;
  let arglen = tuple !== null ? tuple.length : -1;
  let argidx = tuple !== null ? 0 : -2;
  const dict =
    tuple === null && isMapping(args) && !(mode.bytes && (args instanceof PyBytes || args instanceof PyByteArray))
      ? args
      : null;
  const nextArg = (): PyValue => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? cur : tuple![i];
    }
    throw typeError("not enough arguments for format string");
  };
  const n = fmt.length;
  let out = "";
  let pos = 0;
  while (pos < n) {
    const pct = fmt.indexOf("%", pos);
    if (pct < 0) {
      out += fmt.slice(pos);
      break;
    }
    out += fmt.slice(pos, pct);
    pos = pct + 1;
    let cnt = n - pos; // CPython's fmtcnt: characters left; reading past the end makes it negative
    let ch = pos < n ? fmt.charCodeAt(pos) : 0;
    if (ch === 0x25) {
      out += "%";
      pos++;
      continue;
    }
    let flags = 0;
    let width = -1;
    let prec = -1;
    if (ch === 0x28) {
      // %(key)s: the key may hold balanced parentheses
      if (dict === null) {
        throw typeError("format requires a mapping");
      }
      pos++;
      cnt--;
      const keyStart = pos;
      let depth = 1;
      while (depth > 0 && cnt > 0) {
        const c = fmt.charCodeAt(pos);
        if (c === 0x29) {
          depth--;
        } else if (c === 0x28) {
          depth++;
        }
        pos++;
        cnt--;
      }
      if (cnt < 0 || depth > 0) {
        throw valueError("incomplete format key");
      }
      const key = fmt.slice(keyStart, pos - 1);
      cur = getItem(dict, mode.bytes ? new PyBytes(latin1Bytes(key)) : key);
      arglen = -1;
      argidx = -2;
    }
    while (--cnt >= 0) {
      ch = fmt.charCodeAt(pos++);
      if (ch === 0x2d) {
        flags |= LJUST;
      } else if (ch === 0x2b) {
        flags |= SIGN;
      } else if (ch === 0x20) {
        flags |= BLANK;
      } else if (ch === 0x23) {
        flags |= ALT;
      } else if (ch === 0x30) {
        flags |= ZERO;
      } else {
        break;
      }
    }
    if (ch === 0x2a) {
      width = starArg(nextArg(), "ssize");
      if (width < 0) {
        flags |= LJUST;
        width = -width;
      }
      if (--cnt >= 0) {
        ch = fmt.charCodeAt(pos++);
      }
    } else if (ch >= 0x30 && ch <= 0x39) {
      width = ch - 0x30;
      while (--cnt >= 0) {
        ch = fmt.charCodeAt(pos++);
        if (ch < 0x30 || ch > 0x39) {
          break;
        }
        width = width * 10 + (ch - 0x30);
        if (width > Number.MAX_SAFE_INTEGER / 10) {
          throw valueError("width too big");
        }
      }
    }
    if (ch === 0x2e) {
      prec = 0;
      if (--cnt >= 0) {
        ch = fmt.charCodeAt(pos++);
      }
      if (ch === 0x2a) {
        prec = Math.max(0, starArg(nextArg(), "int"));
        if (--cnt >= 0) {
          ch = fmt.charCodeAt(pos++);
        }
      } else if (ch >= 0x30 && ch <= 0x39) {
        prec = ch - 0x30;
        while (--cnt >= 0) {
          ch = fmt.charCodeAt(pos++);
          if (ch < 0x30 || ch > 0x39) {
            break;
          }
          prec = prec * 10 + (ch - 0x30);
          if (prec > 0x7fffffff) {
            throw valueError("precision too big");
          }
        }
      }
    }
    if (cnt >= 0 && (ch === 0x68 || ch === 0x6c || ch === 0x4c)) {
      // the C length modifiers h, l and L are accepted and ignored
      if (--cnt >= 0) {
        ch = fmt.charCodeAt(pos++);
      }
    }
    if (cnt < 0) {
      throw valueError("incomplete format");
    }
    const v = nextArg();
    const text = mode.text(v, ch);
    if (text !== undefined) {
      out += padPercent(ch === 0x63 || prec < 0 ? text : cpPrefix(text, prec), width, (flags & LJUST) !== 0);
    } else if (NUMBER_CONVERSIONS.has(ch)) {
      const pf: PercentFlags = {
        minus: (flags & LJUST) !== 0,
        plus: (flags & SIGN) !== 0,
        space: (flags & BLANK) !== 0,
        alt: (flags & ALT) !== 0,
        zero: (flags & ZERO) !== 0,
      };
      out += percentFormatNumber(v, String.fromCharCode(ch), pf, width < 0 ? null : width, prec < 0 ? null : prec);
    } else {
      const cp = fmt.codePointAt(pos - 1)!;
      const shown = cp >= 31 && cp <= 126 ? String.fromCharCode(cp) : "?";
      throw valueError(
        `unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${mode.bytes ? pos - 1 : cpLen(fmt.slice(0, pos - 1))}`,
      );
    }
    if (dict !== null && argidx < arglen) {
      throw typeError("not all arguments converted during string formatting");
    }
  }
  if (argidx < arglen && dict === null) {
    throw typeError("not all arguments converted during string formatting");
  }
  return out;
}

const NUMBER_CONVERSIONS = new Set(Array.from("diuoxXeEfFgGc", (c) => c.charCodeAt(0)));

/** `fmt % args` for a str. */
export function percentFormat(fmt: string, args: PyValue): string {
  return percentCore(fmt, args, STR_MODE);
}

const latin1Bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function latin1Text(b: ArrayLike<number>): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode(...Array.prototype.slice.call(b, i, i + 8192));
  }
  return s;
}

/** The bytes `%b`/`%s` accept: bytes-like objects or objects with __bytes__ (_PyBytes_FormatEx's format_obj). */
function bytesOperand(v: PyValue): string | undefined {
  if (v instanceof PyBytes || v instanceof PyByteArray) {
    return latin1Text(v.bytes);
  }
  const r = typeof v === "object" ? callDunder(v, "__bytes__", []) : undefined;
  if (r === undefined) {
    return undefined;
  }
  if (!(r instanceof PyBytes)) {
    throw typeError(`__bytes__ returned non-bytes (type ${typeName(r)})`);
  }
  return latin1Text(r.bytes);
}

const BYTES_MODE: PercentMode = {
  bytes: true,
  text: (v, conv) => {
    if (conv === 0x73 || conv === 0x62) {
      const b = bytesOperand(v);
      if (b === undefined) {
        throw typeError(
          `%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`,
        );
      }
      return b;
    }
    if (conv === 0x72 || conv === 0x61) {
      return ascii(v);
    }
    if (conv === 0x63) {
      // byte_converter: a one-byte bytes object or an int (__index__)
      if ((v instanceof PyBytes || v instanceof PyByteArray) && v.bytes.length === 1) {
        return String.fromCharCode(v.bytes[0]);
      }
      if (!isIntValue(v) && (typeof v !== "object" || typeOf(v).lookup("__index__") === undefined)) {
        throw typeError("%c requires an integer in range(256) or a single byte");
      }
      const i = index(v);
      if (i < 0 || i > 255) {
        throw overflowError("%c arg not in range(256)");
      }
      return String.fromCharCode(Number(i));
    }
    return undefined;
  },
};

/** `fmt % args` for bytes and bytearray (PEP 461): returns the formatted bytes. */
export function percentFormatBytes(fmt: ArrayLike<number>, args: PyValue): Uint8Array {
  return latin1Bytes(percentCore(latin1Text(fmt), args, BYTES_MODE));
}

// ---------------------------------------------------------------- str.format

const enum Numbering {
  Init,
  Auto,
  Manual,
}

/** The state auto-numbering shares across a format string and its nested specs. */
interface AutoNumber {
  state: Numbering;
  next: number;
}

/** Where fields come from: positional args (null for format_map) and a lookup for names. */
interface FieldSource {
  positional: PyValue[] | null;
  named: (key: string) => PyValue;
}

/** get_integer: the value of a field name made of decimal digits, or -1. */
function fieldIndex(s: string): number {
  if (s === "") {
    return -1;
  }
  let acc = 0;
  for (const ch of s) {
    const d = decimalValue(ch.codePointAt(0)!);
    if (d < 0) {
      return -1;
    }
    acc = acc * 10 + d;
    if (acc > 9223372036854775807) {
      throw valueError("Too many decimal digits in format string");
    }
  }
  return acc;
}

/** get_field_object: `0`, `name`, `0[1]`, `p.x`, `` (automatic numbering). */
function fieldValue(name: string, src: FieldSource, auto: AutoNumber): PyValue {
  let k = 0;
  while (k < name.length) {
    const c = name.charCodeAt(k);
    if (c === 0x2e || c === 0x5b) {
      break;
    }
    k++;
  }
  const first = name.slice(0, k);
  let idx = fieldIndex(first);
  const empty = first === "";
  if (empty || idx !== -1) {
    if (auto.state === Numbering.Init) {
      auto.state = empty ? Numbering.Auto : Numbering.Manual;
    }
    if (auto.state === Numbering.Manual && empty) {
      throw valueError("cannot switch from manual field specification to automatic field numbering");
    }
    if (auto.state === Numbering.Auto && !empty) {
      throw valueError("cannot switch from automatic field numbering to manual field specification");
    }
    if (empty) {
      idx = auto.next++;
    }
  }
  let obj: PyValue;
  if (idx === -1) {
    obj = src.named(first);
  } else {
    if (src.positional === null) {
      throw valueError("Format string contains positional fields");
    }
    if (idx >= src.positional.length) {
      throw indexError(`Replacement index ${idx} out of range for positional args tuple`);
    }
    obj = src.positional[idx];
  }
  while (k < name.length) {
    const c = name.charCodeAt(k++);
    if (c === 0x2e) {
      const st = k;
      while (k < name.length && name.charCodeAt(k) !== 0x2e && name.charCodeAt(k) !== 0x5b) {
        k++;
      }
      if (k === st) {
        throw valueError("Empty attribute in format string");
      }
      obj = getAttr(obj, name.slice(st, k));
    } else if (c === 0x5b) {
      const st = k;
      while (k < name.length && name.charCodeAt(k) !== 0x5d) {
        k++;
      }
      if (k >= name.length) {
        throw valueError("Missing ']' in format string");
      }
      const key = name.slice(st, k++);
      if (key === "") {
        throw valueError("Empty attribute in format string");
      }
      const i = fieldIndex(key);
      obj = getItem(obj, i === -1 ? key : i);
    } else {
      throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj;
}

/** `!r`, `!s`, `!a`. */
function convertField(v: PyValue, conversion: number): PyValue {
  switch (conversion) {
    case 0x72:
      return repr(v);
    case 0x73:
      return str(v);
    case 0x61:
      return ascii(v);
  }
  throw valueError(
    conversion > 32 && conversion < 127
      ? `Unknown conversion specifier ${String.fromCharCode(conversion)}`
      : `Unknown conversion specifier \\x${conversion.toString(16)}`,
  );
}

/** build_string / MarkupIterator: the literal text and the fields of one format string. */
function buildString(fmt: string, src: FieldSource, depth: number, auto: AutoNumber): string {
  if (depth <= 0) {
    throw valueError("Max string recursion exceeded");
  }
  const n = fmt.length;
  let out = "";
  let i = 0;
  while (i < n) {
    let j = i;
    let c = 0;
    while (j < n) {
      c = fmt.charCodeAt(j);
      if (c === 0x7b || c === 0x7d) {
        break;
      }
      j++;
    }
    if (j >= n) {
      out += fmt.slice(i);
      break;
    }
    const atEnd = j + 1 >= n;
    if (c === 0x7d && (atEnd || fmt.charCodeAt(j + 1) !== 0x7d)) {
      throw valueError("Single '}' encountered in format string");
    }
    if (atEnd && c === 0x7b) {
      throw valueError("Single '{' encountered in format string");
    }
    if (fmt.charCodeAt(j + 1) === c) {
      out += fmt.slice(i, j + 1); // '{{' or '}}'
      i = j + 2;
      continue;
    }
    out += fmt.slice(i, j);
    i = j + 1;
    // parse_field: the name runs to '}', ':' or '!' (brackets may hold anything but ']')
    const nameStart = i;
    let t = 0;
    while (i < n) {
      t = fmt.charCodeAt(i++);
      if (t === 0x7b) {
        throw valueError("unexpected '{' in field name");
      }
      if (t === 0x5b) {
        while (i < n && fmt.charCodeAt(i) !== 0x5d) {
          i++;
        }
        continue;
      }
      if (t === 0x7d || t === 0x3a || t === 0x21) {
        break;
      }
    }
    const name = fmt.slice(nameStart, i - 1);
    let conversion = 0;
    let spec = "";
    let nested = false;
    if (t === 0x21 || t === 0x3a) {
      let done = false;
      if (t === 0x21) {
        if (i >= n) {
          throw valueError("end of string while looking for conversion specifier");
        }
        conversion = fmt.codePointAt(i)!;
        i += conversion > 0xffff ? 2 : 1;
        if (i < n) {
          const e = fmt.charCodeAt(i++);
          if (e === 0x7d) {
            done = true;
          } else if (e !== 0x3a) {
            throw valueError("expected ':' after conversion specifier");
          }
        }
      }
      if (!done) {
        const specStart = i;
        let count = 1;
        let specEnd = -1;
        while (i < n) {
          const e = fmt.charCodeAt(i++);
          if (e === 0x7b) {
            nested = true;
            count++;
          } else if (e === 0x7d && --count === 0) {
            specEnd = i - 1;
            break;
          }
        }
        if (specEnd < 0) {
          throw valueError("unmatched '{' in format spec");
        }
        spec = fmt.slice(specStart, specEnd);
      }
    } else if (t !== 0x7d) {
      throw valueError("expected '}' before end of string");
    }
    let v = fieldValue(name, src, auto);
    if (conversion !== 0) {
      v = convertField(v, conversion);
    }
    if (nested) {
      spec = buildString(spec, src, depth - 1, auto);
    }
    out += formatValue(v, spec);
  }
  return out;
}

/** str.format(*args, **kwargs). */
export function strFormat(fmt: string, args: PyValue[], kwargs: KwArgs | null): string {
  const src: FieldSource = {
    positional: args,
    named: (key) => {
      const v = kwargs?.get(key);
      if (v === undefined) {
        throw keyError(key);
      }
      return v;
    },
  };
  return buildString(fmt, src, 2, { state: Numbering.Init, next: 0 });
}

/** str.format_map(mapping): names are looked up with mapping[key]; positional fields are an error. */
export function formatMap(fmt: string, mapping: PyValue): string {
  const src: FieldSource = { positional: null, named: (key) => getItem(mapping, key) };
  return buildString(fmt, src, 2, { state: Numbering.Init, next: 0 });
}

/** format(v, spec): the type's __format__ (PyObject_Format), with the fast paths for str and int. */
export function formatValue(v: PyValue, spec: string): string {
  if (spec === "") {
    if (typeof v === "string") {
      return v;
    }
    if (typeof v === "number" || typeof v === "bigint") {
      return String(v);
    }
  }
  const r = callDunder(v, "__format__", [spec]);
  if (r === undefined) {
    throw typeError(`Type ${typeName(v)} doesn't define __format__`);
  }
  if (typeof r !== "string") {
    throw typeError(`__format__ must return a str, not ${typeName(r)}`);
  }
  return r;
}
