/**
 * `bytes` and `bytearray` (CPython's Objects/bytesobject.c, bytearrayobject.c and
 * Objects/bytes_methods.c), and the codecs str.encode / bytes.decode use (utf-8, ascii,
 * latin-1, utf-16, utf-32 with CPython's error handlers and messages).
 *
 * The searching and splitting methods run the str algorithms on a latin-1 view of the bytes
 * (one UTF-16 unit per byte), so both types share one implementation of each algorithm.
 */
import { defMethods } from "../define";
import {
  indexError,
  LookupErrorType,
  newException,
  pyErr,
  typeError,
  UnicodeDecodeErrorType,
  UnicodeEncodeErrorType,
  Unsupported,
  valueError,
} from "../errors";
import { PyNativeIter } from "../iterators";
import {
  ByteArrayType,
  BytesType,
  None,
  NotImplemented,
  PyBaseException,
  PyBuiltin,
  PyByteArray,
  PyBytes,
  PyClassMethod,
  PyDict,
  PyList,
  PySlice,
  PyStaticMethod,
  PyTuple,
  PyType,
  newTuple,
  typeOf,
  type KwArgs,
  type PyValue,
} from "../objects";
import { callDunder, callPy, compareResult, hash, index, isIterable, toArray, typeName, type CompareKind } from "../protocol";
import { sliceIndices } from "../slice";
import { percentFormatBytes } from "../strformat";
import {
  checkSize,
  clinicArgs,
  countIn,
  defersTo,
  expandTabs,
  findIn,
  intArg,
  noArgs,
  oneArg,
  padTo,
  posOnly,
  repeatCount,
  replaceIn,
  rsplitSep,
  rsplitWhitespace,
  sliceArg,
  splitLines,
  splitSep,
  splitWhitespace,
  ssizeArg,
  stripBy,
  tailMatch,
  varArgs,
  zfillTo,
  type Pad,
  type Strip,
  type UnitTest,
} from "./str";

/** The contents of a bytes (Uint8Array) or bytearray (number[]) object. */
export type ByteSeq = Uint8Array | number[];

// ---------------------------------------------------------------- conversions

/** The bytes as a JS string of one unit per byte (latin-1), for the shared str algorithms. */
export function latin1(b: ArrayLike<number>): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) {
    s += String.fromCharCode(...Array.prototype.slice.call(b, i, i + 8192));
  }
  return s;
}

/** The inverse of latin1(). */
export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    out[i] = s.charCodeAt(i);
  }
  return out;
}

/** The buffer of a bytes-like object (bytes, bytearray), or null. */
export function bufferOf(v: PyValue): ByteSeq | null {
  return v instanceof PyBytes || v instanceof PyByteArray ? v.bytes : null;
}

function needBuffer(v: PyValue): ByteSeq {
  const b = bufferOf(v);
  if (b === null) {
    throw typeError(`a bytes-like object is required, not '${typeName(v)}'`);
  }
  return b;
}

const hex2 = (c: number): string => c.toString(16).padStart(2, "0");

/** repr() of bytes (CPython's PyBytes_Repr): b'...' with \\, the quote, \t \n \r and \xNN escaped. */
export function bytesRepr(b: ArrayLike<number>): string {
  let squote = false;
  let dquote = false;
  for (let i = 0; i < b.length; i++) {
    squote ||= b[i] === 0x27;
    dquote ||= b[i] === 0x22;
  }
  const quote = squote && !dquote ? 0x22 : 0x27;
  let out = "b" + String.fromCharCode(quote);
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === quote || c === 0x5c) {
      out += "\\" + String.fromCharCode(c);
    } else if (c === 9) {
      out += "\\t";
    } else if (c === 10) {
      out += "\\n";
    } else if (c === 13) {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += "\\x" + hex2(c);
    } else {
      out += String.fromCharCode(c);
    }
  }
  return out + String.fromCharCode(quote);
}

/**
 * The b'...' inside repr() of a bytearray (bytearray_repr): its own quoting rule, where a '
 * is always escaped and a " never is.
 */
function bytearrayRepr(b: ArrayLike<number>): string {
  let quote = "'";
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x22) {
      quote = "'";
      break;
    }
    if (b[i] === 0x27) {
      quote = '"';
    }
  }
  let out = "b" + quote;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x27 || c === 0x5c) {
      out += "\\" + String.fromCharCode(c);
    } else if (c === 9) {
      out += "\\t";
    } else if (c === 10) {
      out += "\\n";
    } else if (c === 13) {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += "\\x" + hex2(c);
    } else {
      out += String.fromCharCode(c);
    }
  }
  return out + quote;
}

// ---------------------------------------------------------------- codec errors

function escapeCodePoint(c: number): string {
  return c <= 0xff ? "\\x" + hex2(c) : c <= 0xffff ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
}

function unicodeError(type: PyType, msg: string, encoding: string, obj: PyValue, start: number, end: number, reason: string): PyBaseException {
  // args hold the message (str(e) and tracebacks print it); the attributes are CPython's
  const e = newException(type, [msg]);
  e.dict = new PyDict();
  e.dict.setStr("encoding", encoding);
  e.dict.setStr("object", obj);
  e.dict.setStr("start", start);
  e.dict.setStr("end", end);
  e.dict.setStr("reason", reason);
  return e;
}

function encodeError(codec: string, s: string, cps: number[], start: number, end: number, reason: string): PyBaseException {
  const msg =
    end === start + 1
      ? `'${codec}' codec can't encode character '${escapeCodePoint(cps[start])}' in position ${start}: ${reason}`
      : `'${codec}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
  return unicodeError(UnicodeEncodeErrorType, msg, codec, s, start, end, reason);
}

function decodeError(codec: string, b: ArrayLike<number>, start: number, end: number, reason: string): PyBaseException {
  const msg =
    end === start + 1 && start < b.length
      ? `'${codec}' codec can't decode byte 0x${hex2(b[start])} in position ${start}: ${reason}`
      : `'${codec}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  return unicodeError(UnicodeDecodeErrorType, msg, codec, new PyBytes(Uint8Array.from(b)), start, end, reason);
}

const unknownHandler = (errors: string): PyBaseException => pyErr(LookupErrorType, `unknown error handler name '${errors}'`);

// ---------------------------------------------------------------- encoding

/** How one codec encodes a code point it can represent. */
interface Encoder {
  name: string;
  reason: string;
  encodable: (cp: number) => boolean;
  emit: (cp: number, out: number[]) => void;
  /** utf-8/16/32 write surrogates under 'surrogatepass'. */
  surrogatePass: boolean;
}

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

/**
 * Encodes with CPython's error handling: a run of unencodable code points is one error
 * (unicode_encode_ucs1 / unicode_encode_utf8), handled by `errors`.
 */
function encodeWith(s: string, errors: string, enc: Encoder): Uint8Array {
  const cps = Array.from(s, (ch) => ch.codePointAt(0)!);
  const out: number[] = [];
  let i = 0;
  while (i < cps.length) {
    if (enc.encodable(cps[i])) {
      enc.emit(cps[i++], out);
      continue;
    }
    let j = i + 1;
    while (j < cps.length && !enc.encodable(cps[j])) {
      j++;
    }
    const text = (f: (cp: number) => string): void => {
      for (let k = i; k < j; k++) {
        for (const ch of f(cps[k])) {
          enc.emit(ch.charCodeAt(0), out);
        }
      }
    };
    switch (errors) {
      case "strict":
        throw encodeError(enc.name, s, cps, i, j, enc.reason);
      case "ignore":
        break;
      case "replace":
        text(() => "?");
        break;
      case "backslashreplace":
        text(escapeCodePoint);
        break;
      case "xmlcharrefreplace":
        text((cp) => `&#${cp};`);
        break;
      case "surrogateescape": {
        let k = i;
        for (; k < j && cps[k] >= 0xdc80 && cps[k] <= 0xdcff; k++) {
          out.push(cps[k] - 0xdc00);
        }
        if (k < j) {
          throw encodeError(enc.name, s, cps, k, j, enc.reason);
        }
        break;
      }
      case "surrogatepass":
        if (!enc.surrogatePass || !isSurrogate(cps[i])) {
          throw encodeError(enc.name, s, cps, i, j, enc.reason);
        }
        for (let k = i; k < j; k++) {
          if (!isSurrogate(cps[k])) {
            throw encodeError(enc.name, s, cps, k, j, enc.reason);
          }
          enc.emit(cps[k], out);
        }
        break;
      case "namereplace":
        throw new Unsupported("the 'namereplace' error handler");
      default:
        throw unknownHandler(errors);
    }
    i = j;
  }
  return Uint8Array.from(out);
}

function emitUtf8(cp: number, out: number[]): void {
  if (cp < 0x80) {
    out.push(cp);
  } else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  } else {
    out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
}

function charmapEncoder(name: string, limit: number): Encoder {
  return {
    name,
    reason: `ordinal not in range(${limit})`,
    encodable: (cp) => cp < limit,
    emit: (cp, out) => {
      out.push(cp);
    },
    surrogatePass: false,
  };
}

const UTF8_ENCODER: Encoder = {
  name: "utf-8",
  reason: "surrogates not allowed",
  encodable: (cp) => !isSurrogate(cp),
  emit: emitUtf8,
  surrogatePass: true,
};

function utf16Encoder(name: string, little: boolean): Encoder {
  const unit = (u: number, out: number[]): void => {
    if (little) {
      out.push(u & 0xff, u >> 8);
    } else {
      out.push(u >> 8, u & 0xff);
    }
  };
  return {
    name,
    reason: "surrogates not allowed",
    encodable: (cp) => !isSurrogate(cp),
    emit: (cp, out) => {
      if (cp < 0x10000) {
        unit(cp, out);
      } else {
        unit(0xd800 + ((cp - 0x10000) >> 10), out);
        unit(0xdc00 + ((cp - 0x10000) & 0x3ff), out);
      }
    },
    surrogatePass: true,
  };
}

function utf32Encoder(name: string, little: boolean): Encoder {
  return {
    name,
    reason: "surrogates not allowed",
    encodable: (cp) => !isSurrogate(cp),
    emit: (cp, out) => {
      const b = [cp & 0xff, (cp >> 8) & 0xff, (cp >> 16) & 0xff, 0];
      out.push(...(little ? b : b.reverse()));
    },
    surrogatePass: true,
  };
}

/** Lone surrogates (a pair is one astral code point under the u flag). */
const LONE_SURROGATE = /\p{Cs}/u;
const UTF8 = new TextEncoder();

function withBom(bom: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom);
  out.set(body, bom.length);
  return out;
}

// ---------------------------------------------------------------- decoding

/** Builds decoded text from code units, flushing in chunks (String.fromCharCode's argument limit). */
class TextBuilder {
  private units: number[] = [];
  text = "";
  unit(u: number): void {
    this.units.push(u);
    if (this.units.length >= 8192) {
      this.flush();
    }
  }
  codePoint(cp: number): void {
    if (cp < 0x10000) {
      this.unit(cp);
    } else {
      this.unit(0xd800 + ((cp - 0x10000) >> 10));
      this.unit(0xdc00 + ((cp - 0x10000) & 0x3ff));
    }
  }
  str(s: string): void {
    this.flush();
    this.text += s;
  }
  flush(): void {
    if (this.units.length) {
      this.text += String.fromCharCode(...this.units);
      this.units = [];
    }
  }
  done(): string {
    this.flush();
    return this.text;
  }
}

/**
 * A decoding error: appends the handler's replacement and returns where decoding resumes
 * (CPython's unicode_decode_call_errorhandler with the builtin handlers).
 */
function onDecodeError(
  errors: string,
  codec: string,
  b: ArrayLike<number>,
  start: number,
  end: number,
  reason: string,
  out: TextBuilder,
): number {
  switch (errors) {
    case "strict":
      throw decodeError(codec, b, start, end, reason);
    case "ignore":
      return end;
    case "replace":
      out.unit(0xfffd);
      return end;
    case "backslashreplace":
      for (let k = start; k < end; k++) {
        out.str("\\x" + hex2(b[k]));
      }
      return end;
    case "surrogateescape": {
      // PyCodec_SurrogateEscapeErrors: up to 4 bytes >= 0x80, resuming after them
      let k = start;
      for (; k < end && k - start < 4 && b[k] >= 0x80; k++) {
        out.unit(0xdc00 + b[k]);
      }
      if (k === start) {
        throw decodeError(codec, b, start, end, reason);
      }
      return k;
    }
    case "surrogatepass":
      if (codec === "utf-8" && start + 2 < b.length && b[start] === 0xed && (b[start + 1] & 0xe0) === 0xa0 && (b[start + 2] & 0xc0) === 0x80) {
        out.unit(0xd000 | ((b[start + 1] & 0x3f) << 6) | (b[start + 2] & 0x3f));
        return start + 3;
      }
      throw decodeError(codec, b, start, end, reason);
    case "xmlcharrefreplace":
    case "namereplace":
      throw typeError("don't know how to handle UnicodeDecodeError in error callback");
    default:
      throw unknownHandler(errors);
  }
}

const FATAL_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const isCont = (c: number): boolean => (c & 0xc0) === 0x80;

/**
 * UTF-8 with CPython's error ranges (Objects/stringlib/codecs.h utf8_decode): a truncated
 * sequence at the end is one error; an invalid continuation ends the error before it.
 */
function decodeUtf8(b: ArrayLike<number>, errors: string): string {
  try {
    return FATAL_UTF8.decode(b instanceof Uint8Array ? b : Uint8Array.from(b));
  } catch {
    // invalid input: decode again below, with CPython's error positions
  }
  const out = new TextBuilder();
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      out.unit(c);
      i++;
      continue;
    }
    let errEnd: number;
    let reason = "invalid continuation byte";
    if (c < 0xe0) {
      if (c < 0xc2) {
        errEnd = i + 1;
        reason = "invalid start byte";
      } else if (n - i < 2) {
        errEnd = n;
        reason = "unexpected end of data";
      } else if (!isCont(b[i + 1])) {
        errEnd = i + 1;
      } else {
        out.unit(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
        i += 2;
        continue;
      }
    } else if (c < 0xf0) {
      const c2 = n - i >= 2 ? b[i + 1] : -1;
      if (c2 >= 0 && (!isCont(c2) || (c2 < 0xa0 ? c === 0xe0 : c === 0xed))) {
        errEnd = i + 1;
      } else if (n - i < 3) {
        errEnd = n;
        reason = "unexpected end of data";
      } else if (!isCont(b[i + 2])) {
        errEnd = i + 2;
      } else {
        out.unit(((c & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (b[i + 2] & 0x3f));
        i += 3;
        continue;
      }
    } else if (c < 0xf5) {
      const c2 = n - i >= 2 ? b[i + 1] : -1;
      if (c2 >= 0 && (!isCont(c2) || (c2 < 0x90 ? c === 0xf0 : c === 0xf4))) {
        errEnd = i + 1;
      } else if (n - i >= 3 && !isCont(b[i + 2])) {
        errEnd = i + 2;
      } else if (n - i < 4) {
        errEnd = n;
        reason = "unexpected end of data";
      } else if (!isCont(b[i + 3])) {
        errEnd = i + 3;
      } else {
        out.codePoint(((c & 0x07) << 18) | ((c2 & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f));
        i += 4;
        continue;
      }
    } else {
      errEnd = i + 1;
      reason = "invalid start byte";
    }
    i = onDecodeError(errors, "utf-8", b, i, errEnd, reason, out);
  }
  return out.done();
}

function decodeAscii(b: ArrayLike<number>, errors: string): string {
  const out = new TextBuilder();
  let i = 0;
  while (i < b.length) {
    if (b[i] < 0x80) {
      out.unit(b[i++]);
    } else {
      i = onDecodeError(errors, "ascii", b, i, i + 1, "ordinal not in range(128)", out);
    }
  }
  return out.done();
}

/** UTF-16; `little` null: detect a BOM (little-endian without one), as the 'utf-16' codec. */
function decodeUtf16(b: ArrayLike<number>, errors: string, little: boolean | null): string {
  let i = 0;
  let le = little ?? true;
  if (little === null && b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) {
      i = 2;
    } else if (b[0] === 0xfe && b[1] === 0xff) {
      le = false;
      i = 2;
    }
  }
  const codec = le ? "utf-16-le" : "utf-16-be";
  const unit = (k: number): number => (le ? b[k] | (b[k + 1] << 8) : (b[k] << 8) | b[k + 1]);
  const out = new TextBuilder();
  const n = b.length;
  while (i < n) {
    if (n - i < 2) {
      i = onDecodeError(errors, codec, b, i, n, "truncated data", out);
      continue;
    }
    const u = unit(i);
    if (!isSurrogate(u)) {
      out.unit(u);
      i += 2;
    } else if (u >= 0xdc00) {
      i = onDecodeError(errors, codec, b, i, i + 2, "illegal encoding", out);
    } else if (n - i < 4) {
      i = onDecodeError(errors, codec, b, i, n, "unexpected end of data", out);
    } else {
      const u2 = unit(i + 2);
      if (u2 >= 0xdc00 && u2 <= 0xdfff) {
        out.unit(u);
        out.unit(u2);
        i += 4;
      } else {
        i = onDecodeError(errors, codec, b, i, i + 2, "illegal UTF-16 surrogate", out);
      }
    }
  }
  return out.done();
}

function decodeUtf32(b: ArrayLike<number>, errors: string, little: boolean | null): string {
  let i = 0;
  let le = little ?? true;
  if (little === null && b.length >= 4) {
    if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) {
      i = 4;
    } else if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) {
      le = false;
      i = 4;
    }
  }
  const codec = le ? "utf-32-le" : "utf-32-be";
  const out = new TextBuilder();
  const n = b.length;
  while (i < n) {
    if (n - i < 4) {
      i = onDecodeError(errors, codec, b, i, n, "truncated data", out);
      continue;
    }
    const cp = le
      ? (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0
      : ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    if (cp > 0x10ffff) {
      i = onDecodeError(errors, codec, b, i, i + 4, "code point not in range(0x110000)", out);
    } else if (isSurrogate(cp)) {
      i = onDecodeError(errors, codec, b, i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", out);
    } else {
      out.codePoint(cp);
      i += 4;
    }
  }
  return out.done();
}

// ---------------------------------------------------------------- the codec registry

interface Codec {
  encode(s: string, errors: string): Uint8Array;
  decode(b: ArrayLike<number>, errors: string): string;
}

const UTF8_CODEC: Codec = {
  encode: (s, errors) => (LONE_SURROGATE.test(s) ? encodeWith(s, errors, UTF8_ENCODER) : UTF8.encode(s)),
  decode: decodeUtf8,
};

function charmapCodec(name: string, limit: number): Codec {
  const enc = charmapEncoder(name, limit);
  return {
    encode: (s, errors) => encodeWith(s, errors, enc),
    decode: limit === 256 ? (b) => latin1(b) : decodeAscii,
  };
}

const CODECS = new Map<string, Codec>([
  ["utf_8", UTF8_CODEC],
  [
    "utf_8_sig",
    {
      encode: (s, errors) => withBom([0xef, 0xbb, 0xbf], UTF8_CODEC.encode(s, errors)),
      decode: (b, errors) =>
        decodeUtf8(
          b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? Array.prototype.slice.call(b, 3) : b,
          errors,
        ),
    },
  ],
  ["ascii", charmapCodec("ascii", 128)],
  ["latin_1", charmapCodec("latin-1", 256)],
  [
    "utf_16",
    { encode: (s, e) => withBom([0xff, 0xfe], encodeWith(s, e, utf16Encoder("utf-16", true))), decode: (b, e) => decodeUtf16(b, e, null) },
  ],
  ["utf_16_le", { encode: (s, e) => encodeWith(s, e, utf16Encoder("utf-16-le", true)), decode: (b, e) => decodeUtf16(b, e, true) }],
  ["utf_16_be", { encode: (s, e) => encodeWith(s, e, utf16Encoder("utf-16-be", false)), decode: (b, e) => decodeUtf16(b, e, false) }],
  [
    "utf_32",
    {
      encode: (s, e) => withBom([0xff, 0xfe, 0, 0], encodeWith(s, e, utf32Encoder("utf-32", true))),
      decode: (b, e) => decodeUtf32(b, e, null),
    },
  ],
  ["utf_32_le", { encode: (s, e) => encodeWith(s, e, utf32Encoder("utf-32-le", true)), decode: (b, e) => decodeUtf32(b, e, true) }],
  ["utf_32_be", { encode: (s, e) => encodeWith(s, e, utf32Encoder("utf-32-be", false)), decode: (b, e) => decodeUtf32(b, e, false) }],
]);

/** Lib/encodings/aliases.py, for the codecs above. */
const ALIASES = new Map<string, string>([
  ...["utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"].map((a): [string, string] => [a, "utf_8"]),
  ...["646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us",
    "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"].map((a): [string, string] => [a, "ascii"]),
  ...["8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987",
    "iso_ir_100", "l1", "latin", "latin1"].map((a): [string, string] => [a, "latin_1"]),
  ["u16", "utf_16"],
  ["utf16", "utf_16"],
  ["utf_16le", "utf_16_le"],
  ["unicodelittleunmarked", "utf_16_le"],
  ["utf_16be", "utf_16_be"],
  ["unicodebigunmarked", "utf_16_be"],
  ["u32", "utf_32"],
  ["utf32", "utf_32"],
  ["utf_32le", "utf_32_le"],
  ["utf_32be", "utf_32_be"],
]);

/** Text codecs CPython has and Interleave does not simulate: a clear stop rather than a wrong LookupError. */
const OTHER_CODECS =
  /^(cp\d+|windows_\d+|iso8859_\d+|iso_8859_\d+|latin\d+|l\d+|koi8_[a-z]|mac_[a-z]+|shift_jis.*|sjis|euc_.*|gb\d+|gbk|big5.*|hz|johab|utf_7|idna|punycode|(raw_)?unicode_escape|charmap|palmos|ptcp154|tis_620|hp_roman8|kz1048)$/;
/** Codecs that are not text encodings: str.encode and bytes.decode refuse them (codecs.encode only). */
const BINARY_CODECS = /^(base64|base_64|hex|rot_?13|zlib|zip|bz2|uu|quopri|quotedprintable|quoted_printable)(_codec)?$/;

/** encodings.normalize_encoding after codecs.lookup's lowercasing. */
function normalizeEncoding(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function codecFor(encoding: string, use: "encode" | "decode"): Codec {
  const key = normalizeEncoding(encoding);
  const codec = CODECS.get(ALIASES.get(key) ?? key);
  if (codec !== undefined) {
    return codec;
  }
  if (OTHER_CODECS.test(key)) {
    throw new Unsupported(`the '${encoding}' codec`);
  }
  if (BINARY_CODECS.test(key)) {
    throw pyErr(LookupErrorType, `'${encoding}' is not a text encoding; use codecs.${use}() to handle arbitrary codecs`);
  }
  throw pyErr(LookupErrorType, `unknown encoding: ${encoding}`);
}

/** str.encode(encoding, errors). */
export function encodeStr(s: string, encoding: string, errors: string): Uint8Array {
  return codecFor(encoding, "encode").encode(s, errors);
}

/** bytes.decode(encoding, errors) and str(b, encoding, errors). */
export function decodeBytes(b: ArrayLike<number>, encoding: string, errors: string): string {
  return codecFor(encoding, "decode").decode(b, errors);
}

// ---------------------------------------------------------------- construction

/** A byte value (bytearray item assignment, append, ...): __index__ in range(0, 256). */
function byteValue(v: PyValue, msg = "byte must be in range(0, 256)"): number {
  const i = index(v);
  if (i < 0 || i > 255) {
    throw valueError(msg);
  }
  return Number(i);
}

/** The bytes an iterable of ints holds (PyBytes_FromObject's iteration). */
function bytesFromIterable(v: PyValue, rangeMsg: string): number[] {
  return toArray(v).map((x) => byteValue(x, rangeMsg));
}

const BYTES_PARAMS = ["source", "encoding", "errors"];

/** bytes(source, encoding, errors) / bytearray(...) (bytes_new and bytearray___init___impl). */
function bytesFromArgs(owner: "bytes" | "bytearray", args: PyValue[], kwargs: KwArgs | null): ByteSeq {
  if (args.length - 1 > 3) {
    throw typeError(`${owner}() takes at most 3 arguments (${args.length - 1} given)`);
  }
  const [x, encoding, errors] = clinicArgs(owner, args, kwargs, BYTES_PARAMS);
  for (const [name, v] of [["encoding", encoding], ["errors", errors]] as const) {
    if (v !== undefined && typeof v !== "string") {
      throw typeError(`${owner}() argument '${name}' must be str, not ${typeName(v)}`);
    }
  }
  if (x === undefined) {
    if (encoding !== undefined || errors !== undefined) {
      throw typeError(encoding !== undefined ? "encoding without a string argument" : "errors without a string argument");
    }
    return new Uint8Array(0);
  }
  if (encoding !== undefined) {
    if (typeof x !== "string") {
      throw typeError("encoding without a string argument");
    }
    return encodeStr(x, encoding as string, (errors as string | undefined) ?? "strict");
  }
  if (errors !== undefined) {
    throw typeError(typeof x === "string" ? "string argument without an encoding" : "errors without a string argument");
  }
  if (owner === "bytes" && typeof x === "object" && typeOf(x).lookup("__bytes__") !== undefined) {
    const r = callDunder(x, "__bytes__", []);
    if (!(r instanceof PyBytes)) {
      throw typeError(`__bytes__ returned non-bytes (type ${typeName(r ?? None)})`);
    }
    return r.bytes;
  }
  if (typeof x === "string") {
    throw typeError("string argument without an encoding");
  }
  const buf = bufferOf(x);
  if (buf !== null) {
    return buf.slice();
  }
  if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" || typeOf(x).lookup("__index__") !== undefined) {
    const n = index(x);
    if (n < 0) {
      throw valueError("negative count");
    }
    checkSize(Number(n));
    return new Uint8Array(Number(n));
  }
  if (!isIterable(x)) {
    throw typeError(`cannot convert '${typeName(x)}' object to ${owner}`);
  }
  return bytesFromIterable(x, owner === "bytes" ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
}

// ---------------------------------------------------------------- shared methods

const isAsciiSpace: UnitTest = (c) => c === 32 || (c >= 9 && c <= 13);
const isBytesLineBreak: UnitTest = (c) => c === 10 || c === 13;
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
const ASCII_ALPHA = /^[A-Za-z]+$/;
const ASCII_ALNUM = /^[A-Za-z0-9]+$/;
const ASCII_DIGIT = /^[0-9]+$/;
const ASCII_SPACES = /^[ \t\n\v\f\r]+$/;

function bytesTitle(s: string): string {
  let out = "";
  let prevCased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const upper = isAsciiUpper(c);
    const lower = isAsciiLower(c);
    out += String.fromCharCode(prevCased ? (upper ? c + 32 : c) : lower ? c - 32 : c);
    prevCased = upper || lower;
  }
  return out;
}

function bytesIsTitle(s: string): boolean {
  let cased = false;
  let prev = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAsciiUpper(c)) {
      if (prev) {
        return false;
      }
      prev = cased = true;
    } else if (isAsciiLower(c)) {
      if (!prev) {
        return false;
      }
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return cased;
}

const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const asciiUpper = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase());

/** The `sub` of find/count/index: an int byte value or a bytes-like object. */
function subArg(v: PyValue): string {
  const b = bufferOf(v);
  if (b !== null) {
    return latin1(b);
  }
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" || (typeof v === "object" && typeOf(v).lookup("__index__") !== undefined)) {
    return String.fromCharCode(byteValue(v));
  }
  throw typeError(`argument should be integer or bytes-like object, not '${typeName(v)}'`);
}

function compareBytes(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

function concatBytes(a: ArrayLike<number>, b: ArrayLike<number>): Uint8Array {
  checkSize(a.length + b.length);
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Defines the methods bytes and bytearray share; results of bytearray methods are bytearrays. */
function defineCommon(t: PyType, owner: "bytes" | "bytearray"): void {
  const isArray = owner === "bytearray";
  const self = (v: PyValue | undefined, name: string): ByteSeq => {
    if (isArray ? v instanceof PyByteArray : v instanceof PyBytes) {
      return (v as PyBytes | PyByteArray).bytes;
    }
    if (v === undefined) {
      throw typeError(`unbound method ${owner}.${name}() needs an argument`);
    }
    throw typeError(`descriptor '${name}' for '${owner}' objects doesn't apply to a '${typeName(v)}' object`);
  };
  const make = (b: ArrayLike<number>): PyValue =>
    isArray ? new PyByteArray(Array.from(b)) : new PyBytes(b instanceof Uint8Array ? b : Uint8Array.from(b));
  const makeStr = (s: string): PyValue => make(fromLatin1(s));
  const text = (v: PyValue | undefined, name: string): string => latin1(self(v, name));

  const noArgMethod = (name: string, f: (s: string) => PyValue) => (args: PyValue[], kwargs: KwArgs | null) => {
    const s = text(args[0], name);
    noArgs(owner, name, args.length - 1, kwargs);
    return f(s);
  };
  const mapMethod = (name: string, f: (s: string) => string) => noArgMethod(name, (s) => makeStr(f(s)));
  const isMethod = (name: string, f: (s: string) => boolean) => noArgMethod(name, f);

  const findMethod = (name: string, reverse: boolean, raise: boolean) => (args: PyValue[], kwargs: KwArgs | null) => {
    const s = text(args[0], name);
    varArgs(owner, name, args.length - 1, kwargs, 1, 3);
    const start = sliceArg(args[2], 0);
    const end = sliceArg(args[3], Number.MAX_SAFE_INTEGER);
    const i = findIn(s, subArg(args[1]), start, end, reverse);
    if (i < 0 && raise) {
      throw valueError("subsection not found");
    }
    return i;
  };
  const tailMethod = (name: string, suffix: boolean) => (args: PyValue[], kwargs: KwArgs | null) => {
    const s = text(args[0], name);
    varArgs(owner, name, args.length - 1, kwargs, 1, 3);
    const start = sliceArg(args[2], 0);
    const end = sliceArg(args[3], Number.MAX_SAFE_INTEGER);
    const what = args[1];
    if (what instanceof PyTuple) {
      return what.items.some((x) => tailMatch(s, latin1(needBuffer(x)), start, end, suffix));
    }
    const b = bufferOf(what);
    if (b === null) {
      throw typeError(`${name} first arg must be bytes or a tuple of bytes, not ${typeName(what)}`);
    }
    return tailMatch(s, latin1(b), start, end, suffix);
  };
  const stripMethod = (name: string, mode: Strip) => (args: PyValue[], kwargs: KwArgs | null) => {
    const s = text(args[0], name);
    posOnly(owner, name, args.length - 1, kwargs, 0, 1);
    const chars = args[1];
    if (chars === undefined || chars === None) {
      return makeStr(stripBy(s, mode, isAsciiSpace));
    }
    const set = latin1(needBuffer(chars));
    return makeStr(stripBy(s, mode, (c) => set.indexOf(String.fromCharCode(c)) >= 0));
  };
  const splitMethod = (name: string, right: boolean) => (args: PyValue[], kwargs: KwArgs | null) => {
    const s = text(args[0], name);
    const [sep, max] = clinicArgs(name, args, kwargs, ["sep", "maxsplit"]);
    const maxsplit = max === undefined ? -1 : ssizeArg(max);
    let parts: string[];
    if (sep === undefined || sep === None) {
      parts = right ? rsplitWhitespace(s, maxsplit, isAsciiSpace) : splitWhitespace(s, maxsplit, isAsciiSpace);
    } else {
      const d = latin1(needBuffer(sep));
      if (d === "") {
        throw valueError("empty separator");
      }
      parts = right ? rsplitSep(s, d, maxsplit) : splitSep(s, d, maxsplit);
    }
    return new PyList(parts.map(makeStr));
  };
  const partitionMethod = (name: string, right: boolean) => (args: PyValue[], kwargs: KwArgs | null) => {
    const s = text(args[0], name);
    oneArg(owner, name, args.length - 1, kwargs);
    const sep = latin1(needBuffer(args[1]));
    if (sep === "") {
      throw valueError("empty separator");
    }
    const i = right ? s.lastIndexOf(sep) : s.indexOf(sep);
    if (i < 0) {
      return right ? newTuple([makeStr(""), makeStr(""), makeStr(s)]) : newTuple([makeStr(s), makeStr(""), makeStr("")]);
    }
    return newTuple([makeStr(s.slice(0, i)), makeStr(sep), makeStr(s.slice(i + sep.length))]);
  };
  const padMethod = (name: string, where: Pad) => (args: PyValue[], kwargs: KwArgs | null) => {
    const s = text(args[0], name);
    posOnly(owner, name, args.length - 1, kwargs, 1, 2);
    const width = ssizeArg(args[1]);
    let fill = " ";
    if (args[2] !== undefined) {
      const f = bufferOf(args[2]);
      if (f === null || f.length !== 1 || !(args[2] instanceof PyBytes || args[2] instanceof PyByteArray)) {
        throw typeError(`${name}() argument 2 must be a byte string of length 1, not ${typeName(args[2])}`);
      }
      fill = String.fromCharCode(f[0]);
    }
    return makeStr(padTo(s, s.length, width, fill, where));
  };
  const prefixMethod = (name: string, suffix: boolean) => (args: PyValue[], kwargs: KwArgs | null) => {
    const s = text(args[0], name);
    oneArg(owner, name, args.length - 1, kwargs);
    const p = latin1(needBuffer(args[1]));
    if (p !== "" && (suffix ? s.endsWith(p) : s.startsWith(p))) {
      return makeStr(suffix ? s.slice(0, s.length - p.length) : s.slice(p.length));
    }
    return makeStr(s);
  };
  const compare = (op: CompareKind) => (args: PyValue[]) => {
    const a = self(args[0], `__${op}__`);
    const b = bufferOf(args[1]);
    return b === null ? NotImplemented : compareResult(compareBytes(a, b), op);
  };
  const repeat = (name: string) => (args: PyValue[]) => {
    const b = self(args[0], name);
    const count = repeatCount(args[1]);
    if (count === undefined) {
      if (defersTo(args[1], "__rmul__")) {
        return NotImplemented;
      }
      throw typeError(`can't multiply sequence by non-int of type '${typeName(args[1])}'`);
    }
    if (count <= 0 || b.length === 0) {
      return make([]);
    }
    checkSize(b.length * count);
    const out = new Uint8Array(b.length * count);
    for (let k = 0; k < count; k++) {
      out.set(b, k * b.length);
    }
    return make(out);
  };

  defMethods(t, {
    __len__: (args) => self(args[0], "__len__").length,
    __getitem__: (args) => {
      const b = self(args[0], "__getitem__");
      const k = args[1];
      if (k instanceof PySlice) {
        const { start, step, count } = sliceIndices(k, b.length);
        if (step === 1) {
          return make(b.slice(start, start + Math.max(0, count)));
        }
        const out = new Uint8Array(Math.max(0, count));
        for (let j = 0, i = start; j < count; j++, i += step) {
          out[j] = b[i];
        }
        return make(out);
      }
      if (typeof k === "string" || (typeof k === "object" && typeOf(k).lookup("__index__") === undefined)) {
        throw typeError(`${isArray ? "bytearray" : "byte"} indices must be integers or slices, not ${typeName(k)}`);
      }
      const i = index(k);
      const j = i < 0 ? Number(i) + b.length : Number(i);
      if (typeof i === "bigint" || j < 0 || j >= b.length) {
        throw indexError(isArray ? "bytearray index out of range" : "index out of range");
      }
      return b[j];
    },
    __iter__: (args) => {
      self(args[0], "__iter__");
      // a bytearray iterator reads the live buffer: the object may be mutated while iterating
      const live = args[0] as PyBytes | PyByteArray;
      let i = 0;
      return new PyNativeIter(`${owner}_iterator`, () => (i < live.bytes.length ? live.bytes[i++] : undefined));
    },
    __contains__: (args) => {
      const s = text(args[0], "__contains__");
      const k = args[1];
      const b = bufferOf(k);
      if (b !== null) {
        return s.includes(latin1(b));
      }
      if (typeof k === "number" || typeof k === "boolean" || typeof k === "bigint" || (typeof k === "object" && typeOf(k).lookup("__index__") !== undefined)) {
        return s.includes(String.fromCharCode(byteValue(k)));
      }
      throw typeError(`a bytes-like object is required, not '${typeName(k)}'`);
    },
    __add__: (args) => {
      const a = self(args[0], "__add__");
      const b = bufferOf(args[1]);
      if (b === null) {
        if (defersTo(args[1], "__radd__")) {
          return NotImplemented;
        }
        throw typeError(`can't concat ${typeName(args[1])} to ${owner}`);
      }
      return make(concatBytes(a, b));
    },
    __mul__: repeat("__mul__"),
    __rmul__: repeat("__rmul__"),
    __mod__: (args) => make(percentFormatBytes(self(args[0], "__mod__"), args[1])),
    __rmod__: () => NotImplemented,
    __eq__: (args) => {
      const a = self(args[0], "__eq__");
      const b = bufferOf(args[1]);
      return b === null ? NotImplemented : compareBytes(a, b) === 0;
    },
    __ne__: (args) => {
      const a = self(args[0], "__ne__");
      const b = bufferOf(args[1]);
      return b === null ? NotImplemented : compareBytes(a, b) !== 0;
    },
    __lt__: compare("lt"),
    __le__: compare("le"),
    __gt__: compare("gt"),
    __ge__: compare("ge"),
    __repr__: (args) => {
      const b = self(args[0], "__repr__");
      return isArray ? `${typeOf(args[0]).name}(${bytearrayRepr(b)})` : bytesRepr(b);
    },

    decode: (args, kwargs) => {
      const b = self(args[0], "decode");
      const [enc, err] = clinicArgs("decode", args, kwargs, ["encoding", "errors"]);
      for (const [name, v] of [["encoding", enc], ["errors", err]] as const) {
        if (v !== undefined && typeof v !== "string") {
          throw typeError(`decode() argument '${name}' must be str, not ${typeName(v)}`);
        }
      }
      return decodeBytes(b, (enc as string | undefined) ?? "utf-8", (err as string | undefined) ?? "strict");
    },
    hex: (args, kwargs) => {
      const b = self(args[0], "hex");
      const [sep, per] = clinicArgs("hex", args, kwargs, ["sep", "bytes_per_sep"]);
      return bytesHex(b, sep, per === undefined ? 1 : intArg(per));
    },
    count: (args, kwargs) => {
      const s = text(args[0], "count");
      varArgs(owner, "count", args.length - 1, kwargs, 1, 3);
      const start = sliceArg(args[2], 0);
      const end = sliceArg(args[3], Number.MAX_SAFE_INTEGER);
      return countIn(s, subArg(args[1]), start, end);
    },
    find: findMethod("find", false, false),
    rfind: findMethod("rfind", true, false),
    index: findMethod("index", false, true),
    rindex: findMethod("rindex", true, true),
    startswith: tailMethod("startswith", false),
    endswith: tailMethod("endswith", true),
    split: splitMethod("split", false),
    rsplit: splitMethod("rsplit", true),
    splitlines: (args, kwargs) => {
      const s = text(args[0], "splitlines");
      const [keep] = clinicArgs("splitlines", args, kwargs, ["keepends"]);
      return new PyList(splitLines(s, keep !== undefined && intArg(keep) !== 0, isBytesLineBreak).map(makeStr));
    },
    partition: partitionMethod("partition", false),
    rpartition: partitionMethod("rpartition", true),
    join: (args, kwargs) => {
      const sep = self(args[0], "join");
      oneArg(owner, "join", args.length - 1, kwargs);
      const it = args[1];
      if (!isIterable(it)) {
        throw typeError("can only join an iterable");
      }
      const items = (it instanceof PyList || it instanceof PyTuple) && !it.cls.heap ? it.items : toArray(it);
      const parts: ByteSeq[] = items.map((x, i) => {
        const b = bufferOf(x);
        if (b === null) {
          throw typeError(`sequence item ${i}: expected a bytes-like object, ${typeName(x)} found`);
        }
        return b;
      });
      let size = sep.length * Math.max(0, parts.length - 1);
      for (const p of parts) {
        size += p.length;
      }
      checkSize(size);
      const out = new Uint8Array(size);
      let pos = 0;
      parts.forEach((p, i) => {
        if (i > 0) {
          out.set(sep, pos);
          pos += sep.length;
        }
        out.set(p, pos);
        pos += p.length;
      });
      return make(out);
    },
    strip: stripMethod("strip", "both"),
    lstrip: stripMethod("lstrip", "left"),
    rstrip: stripMethod("rstrip", "right"),
    replace: (args, kwargs) => {
      const s = text(args[0], "replace");
      posOnly(owner, "replace", args.length - 1, kwargs, 2, 3);
      const old = latin1(needBuffer(args[1]));
      const rep = latin1(needBuffer(args[2]));
      return makeStr(replaceIn(s, old, rep, args[3] === undefined ? -1 : ssizeArg(args[3])));
    },
    removeprefix: prefixMethod("removeprefix", false),
    removesuffix: prefixMethod("removesuffix", true),
    center: padMethod("center", "center"),
    ljust: padMethod("ljust", "right"),
    rjust: padMethod("rjust", "left"),
    zfill: (args, kwargs) => {
      const s = text(args[0], "zfill");
      oneArg(owner, "zfill", args.length - 1, kwargs);
      return makeStr(zfillTo(s, s.length, ssizeArg(args[1])));
    },
    expandtabs: (args, kwargs) => {
      const s = text(args[0], "expandtabs");
      const [tab] = clinicArgs("expandtabs", args, kwargs, ["tabsize"]);
      return makeStr(expandTabs(s, tab === undefined ? 8 : intArg(tab)));
    },
    translate: (args, kwargs) => {
      const b = self(args[0], "translate");
      const [table, del] = clinicArgs("translate", args, kwargs, ["table", "delete"]);
      if (table === undefined) {
        throw typeError(`translate() takes at least 1 positional argument (0 given)`);
      }
      let map: ByteSeq | null = null;
      if (table !== None) {
        map = needBuffer(table);
        if (map.length !== 256) {
          throw valueError("translation table must be 256 characters long");
        }
      }
      const drop = new Set(del === undefined ? [] : Array.from(needBuffer(del)));
      const out: number[] = [];
      for (const c of b) {
        if (!drop.has(c)) {
          out.push(map === null ? c : map[c]);
        }
      }
      return make(out);
    },
    lower: mapMethod("lower", asciiLower),
    upper: mapMethod("upper", asciiUpper),
    swapcase: mapMethod("swapcase", (s) => s.replace(/[A-Za-z]/g, (m) => (m <= "Z" ? m.toLowerCase() : m.toUpperCase()))),
    title: mapMethod("title", bytesTitle),
    capitalize: mapMethod("capitalize", (s) => asciiUpper(s.slice(0, 1)) + asciiLower(s.slice(1))),
    isalnum: isMethod("isalnum", (s) => ASCII_ALNUM.test(s)),
    isalpha: isMethod("isalpha", (s) => ASCII_ALPHA.test(s)),
    isascii: isMethod("isascii", (s) => /^[\x00-\x7f]*$/.test(s)),
    isdigit: isMethod("isdigit", (s) => ASCII_DIGIT.test(s)),
    isspace: isMethod("isspace", (s) => ASCII_SPACES.test(s)),
    islower: isMethod("islower", (s) => /[a-z]/.test(s) && !/[A-Z]/.test(s)),
    isupper: isMethod("isupper", (s) => /[A-Z]/.test(s) && !/[a-z]/.test(s)),
    istitle: isMethod("istitle", bytesIsTitle),
  });

  t.dict!.setStr(
    "fromhex",
    new PyClassMethod(
      new PyBuiltin("fromhex", (args, kwargs) => {
        oneArg(owner, "fromhex", args.length - 1, kwargs);
        const s = args[1];
        if (typeof s !== "string") {
          throw typeError(`fromhex() argument must be str, not ${typeName(s)}`);
        }
        const b = fromHex(s);
        const cls = args[0];
        if (cls === BytesType) {
          return new PyBytes(b);
        }
        if (cls === ByteArrayType) {
          return new PyByteArray(Array.from(b));
        }
        return callPy(cls, [new PyBytes(b)]); // subclasses: cls(bytes), as CPython
      }),
    ),
  );
  t.dict!.setStr(
    "maketrans",
    new PyStaticMethod(
      new PyBuiltin("maketrans", (args, kwargs) => {
        posOnly(owner, "maketrans", args.length, kwargs, 2, 2);
        const from = needBuffer(args[0]);
        const to = needBuffer(args[1]);
        if (from.length !== to.length) {
          throw valueError("maketrans arguments must have same length");
        }
        const table = new Uint8Array(256);
        for (let i = 0; i < 256; i++) {
          table[i] = i;
        }
        for (let i = 0; i < from.length; i++) {
          table[from[i]] = to[i];
        }
        return new PyBytes(table);
      }),
    ),
  );
}

/** bytes.hex(sep, bytes_per_sep): groups counted from the right, or from the left when negative. */
function bytesHex(b: ByteSeq, sepArg: PyValue | undefined, per: number): string {
  const digits = Array.from(b, hex2);
  if (sepArg === undefined || digits.length === 0 || per === 0) {
    return digits.join("");
  }
  let sep: string;
  if (typeof sepArg === "string") {
    sep = sepArg;
  } else {
    const sb = bufferOf(sepArg);
    if (sb === null) {
      throw typeError(`object of type '${typeName(sepArg)}' has no len()`);
    }
    sep = latin1(sb);
  }
  if (Array.from(sep).length !== 1) {
    throw valueError("sep must be length 1.");
  }
  if (sep.charCodeAt(0) > 0x7f) {
    throw valueError("sep must be ASCII.");
  }
  const size = Math.abs(per);
  const groups: string[] = [];
  if (per > 0) {
    for (let end = digits.length; end > 0; end -= size) {
      groups.unshift(digits.slice(Math.max(0, end - size), end).join(""));
    }
  } else {
    for (let start = 0; start < digits.length; start += size) {
      groups.push(digits.slice(start, start + size).join(""));
    }
  }
  return groups.join(sep);
}

/** bytes.fromhex: pairs of hex digits, with ASCII whitespace allowed between pairs. */
function fromHex(s: string): Uint8Array {
  const out: number[] = [];
  const digit = (i: number): number => {
    const c = i < s.length ? s.charCodeAt(i) : 0;
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (v < 0) {
      throw valueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    }
    return v;
  };
  let i = 0;
  while (i < s.length) {
    if (isAsciiSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const hi = digit(i);
    const lo = digit(i + 1);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------- bytes

BytesType.dict!.setStr(
  "__new__",
  new PyBuiltin(
    "__new__",
    (args, kwargs) => {
      const cls = args[0];
      if (!(cls instanceof PyType)) {
        throw typeError(`bytes.__new__(X): X is not a type object (${typeName(cls)})`);
      }
      if (!cls.isSubtypeOf(BytesType)) {
        throw typeError(`bytes.__new__(${cls.name}): ${cls.name} is not a subtype of bytes`);
      }
      const b = bytesFromArgs("bytes", args, kwargs);
      return new PyBytes(b instanceof Uint8Array ? b : Uint8Array.from(b), cls);
    },
    BytesType,
  ),
);
defineCommon(BytesType, "bytes");
defMethods(BytesType, {
  __hash__: (args) => hash(latin1((args[0] as PyBytes).bytes)), // CPython: hash(b'abc') == hash('abc')
  __bytes__: (args) => args[0],
});

// ---------------------------------------------------------------- bytearray

const arraySelf = (v: PyValue | undefined, name: string): PyByteArray => {
  if (v instanceof PyByteArray) {
    return v;
  }
  throw typeError(
    v === undefined
      ? `unbound method bytearray.${name}() needs an argument`
      : `descriptor '${name}' for 'bytearray' objects doesn't apply to a '${typeName(v)}' object`,
  );
};

/** The bytes a slice assignment stores (bytearray_setslice): bytes-like or an iterable of ints, never a number or str. */
function assignedBytes(v: PyValue): number[] {
  const b = bufferOf(v);
  if (b !== null) {
    return Array.from(b);
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" || !isIterable(v)) {
    throw typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  }
  return bytesFromIterable(v, "byte must be in range(0, 256)");
}

/** Appends without spreading (large buffers would overflow the argument stack). */
function appendAll(a: PyByteArray, src: ArrayLike<number>): void {
  const n = src.length;
  for (let i = 0; i < n; i++) {
    a.bytes.push(src[i]);
  }
}

function arrayIndex(a: PyByteArray, k: PyValue): number {
  if (typeof k === "string" || (typeof k === "object" && typeOf(k).lookup("__index__") === undefined)) {
    throw typeError(`bytearray indices must be integers or slices, not ${typeName(k)}`);
  }
  const i = index(k);
  const j = i < 0 ? Number(i) + a.bytes.length : Number(i);
  if (typeof i === "bigint" || j < 0 || j >= a.bytes.length) {
    throw indexError("bytearray index out of range");
  }
  return j;
}

defineCommon(ByteArrayType, "bytearray");
ByteArrayType.dict!.setStr("__hash__", None);
defMethods(ByteArrayType, {
  __init__: (args, kwargs) => {
    const a = arraySelf(args[0], "__init__");
    a.bytes = Array.from(bytesFromArgs("bytearray", args, kwargs));
    return None;
  },
  __setitem__: (args) => {
    const a = arraySelf(args[0], "__setitem__");
    const [, k, v] = args;
    if (!(k instanceof PySlice)) {
      const i = arrayIndex(a, k);
      a.bytes[i] = byteValue(v);
      return None;
    }
    const items = assignedBytes(v);
    const { start, step, count } = sliceIndices(k, a.bytes.length);
    if (step === 1) {
      a.bytes = a.bytes.slice(0, start).concat(items, a.bytes.slice(start + Math.max(0, count)));
      return None;
    }
    if (items.length !== count) {
      throw valueError(`attempt to assign bytes of size ${items.length} to extended slice of size ${count}`);
    }
    for (let j = 0, i = start; j < count; j++, i += step) {
      a.bytes[i] = items[j];
    }
    return None;
  },
  __delitem__: (args) => {
    const a = arraySelf(args[0], "__delitem__");
    const k = args[1];
    if (!(k instanceof PySlice)) {
      a.bytes.splice(arrayIndex(a, k), 1);
      return None;
    }
    const { start, step, count } = sliceIndices(k, a.bytes.length);
    if (count <= 0) {
      return None;
    }
    if (step === 1) {
      a.bytes.splice(start, count);
      return None;
    }
    const drop = new Set<number>();
    for (let j = 0, i = start; j < count; j++, i += step) {
      drop.add(i);
    }
    a.bytes = a.bytes.filter((_, i) => !drop.has(i));
    return None;
  },
  __iadd__: (args) => {
    const a = arraySelf(args[0], "__iadd__");
    const b = bufferOf(args[1]);
    if (b === null) {
      throw typeError(`can't concat ${typeName(args[1])} to bytearray`);
    }
    checkSize(a.bytes.length + b.length);
    appendAll(a, b);
    return a;
  },
  __imul__: (args) => {
    const a = arraySelf(args[0], "__imul__");
    const count = repeatCount(args[1]);
    if (count === undefined) {
      throw typeError(`can't multiply sequence by non-int of type '${typeName(args[1])}'`);
    }
    if (count <= 0) {
      a.bytes = [];
    } else {
      checkSize(a.bytes.length * count);
      const one = a.bytes.slice();
      for (let k = 1; k < count; k++) {
        appendAll(a, one);
      }
    }
    return a;
  },
  append: (args, kwargs) => {
    const a = arraySelf(args[0], "append");
    oneArg("bytearray", "append", args.length - 1, kwargs);
    a.bytes.push(byteValue(args[1]));
    return None;
  },
  extend: (args, kwargs) => {
    const a = arraySelf(args[0], "extend");
    oneArg("bytearray", "extend", args.length - 1, kwargs);
    const v = args[1];
    const b = bufferOf(v);
    if (b !== null) {
      appendAll(a, b === a.bytes ? b.slice() : b);
      return None;
    }
    if (!isIterable(v)) {
      throw typeError(`can't extend bytearray with ${typeName(v)}`);
    }
    appendAll(a, bytesFromIterable(v, "byte must be in range(0, 256)"));
    return None;
  },
  pop: (args, kwargs) => {
    const a = arraySelf(args[0], "pop");
    posOnly("bytearray", "pop", args.length - 1, kwargs, 0, 1);
    const i = args[1] === undefined ? -1 : ssizeArg(args[1]);
    if (a.bytes.length === 0) {
      throw indexError("pop from empty bytearray");
    }
    const j = i < 0 ? i + a.bytes.length : i;
    if (j < 0 || j >= a.bytes.length) {
      throw indexError("pop index out of range");
    }
    return a.bytes.splice(j, 1)[0];
  },
  insert: (args, kwargs) => {
    const a = arraySelf(args[0], "insert");
    posOnly("bytearray", "insert", args.length - 1, kwargs, 2, 2);
    let i = ssizeArg(args[1]);
    const v = byteValue(args[2]);
    const n = a.bytes.length;
    if (i < 0) {
      i = Math.max(0, i + n);
    } else if (i > n) {
      i = n;
    }
    a.bytes.splice(i, 0, v);
    return None;
  },
  remove: (args, kwargs) => {
    const a = arraySelf(args[0], "remove");
    oneArg("bytearray", "remove", args.length - 1, kwargs);
    const i = a.bytes.indexOf(byteValue(args[1]));
    if (i < 0) {
      throw valueError("value not found in bytearray");
    }
    a.bytes.splice(i, 1);
    return None;
  },
  clear: (args, kwargs) => {
    const a = arraySelf(args[0], "clear");
    noArgs("bytearray", "clear", args.length - 1, kwargs);
    a.bytes = [];
    return None;
  },
  reverse: (args, kwargs) => {
    const a = arraySelf(args[0], "reverse");
    noArgs("bytearray", "reverse", args.length - 1, kwargs);
    a.bytes.reverse();
    return None;
  },
  copy: (args, kwargs) => {
    const a = arraySelf(args[0], "copy");
    noArgs("bytearray", "copy", args.length - 1, kwargs);
    return new PyByteArray(a.bytes.slice());
  },
});
