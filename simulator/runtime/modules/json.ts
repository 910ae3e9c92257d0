/**
 * The `json` module (CPython's Lib/json/: __init__.py, encoder.py, decoder.py, scanner.py and
 * the C accelerator Modules/_json.c whose error positions the messages follow).
 *
 * JSONEncoder and JSONDecoder are classes with their options as instance attributes, as in
 * CPython, so that programs can subclass them (`class E(json.JSONEncoder): def default(...)`)
 * and pass `cls=`.
 */
import { arity, builtin, defMethods, kwParams } from "../../vm/define";
import { newException, pyErr, RecursionErrorType, typeError, valueError, ValueErrorType } from "../../vm/errors";
import { recursionLimit } from "../../vm/interp";
import { registerModule } from "../../vm/modules";
import {
  FloatType,
  IntType,
  isInstance,
  ListType,
  nativeType,
  None,
  ObjectType,
  PyBaseException,
  PyByteArray,
  PyBytes,
  PyDict,
  PyFloat,
  PyList,
  PyObject,
  PyTuple,
  PyType,
  TupleType,
  type KwArgs,
  type PyValue,
} from "../../vm/objects";
import { floatRepr, intFromString, intRepr } from "../../vm/numbers";
import { callMethod, callPy, forEach, getAttr, index, iter, strLen, toArray, truthy, typeName } from "../../vm/protocol";
import { sortValues } from "../../vm/types/list";

// ---------------------------------------------------------------- strings

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

const hex4 = (c: number): string => "\\u" + c.toString(16).padStart(4, "0");

/**
 * encode_basestring(_ascii): with ensure_ascii every character outside ' '..'~' becomes
 * \uXXXX (astral characters as their surrogate pair, which is how JS strings hold them).
 */
export function encodeString(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    const esc = ESCAPES[ch];
    if (esc !== undefined) {
      out += esc;
    } else if (c < 0x20 || (ensureAscii && c > 0x7e)) {
      out += hex4(c);
    } else {
      out += ch;
    }
  }
  return out + '"';
}

// ---------------------------------------------------------------- encoding

interface EncodeOptions {
  skipkeys: boolean;
  ensureAscii: boolean;
  checkCircular: boolean;
  allowNan: boolean;
  sortKeys: boolean;
  /** The indent string, or null for one line. */
  indent: string | null;
  itemSeparator: string;
  keySeparator: string;
  /** Called for objects JSON cannot represent. */
  dflt: (o: PyValue) => PyValue;
}

/** floatstr: repr for finite floats, NaN/Infinity/-Infinity (or ValueError without allow_nan). */
function floatStr(v: number, allowNan: boolean): string {
  if (Number.isFinite(v)) {
    return floatRepr(v);
  }
  if (!allowNan) {
    throw valueError("Out of range float values are not JSON compliant");
  }
  return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
}

/** _make_iterencode (Lib/json/encoder.py), producing the chunks the C encoder would join. */
function encode(o: PyValue, opts: EncodeOptions): string[] {
  const chunks: string[] = [];
  const markers = opts.checkCircular ? new Set<PyObject>() : null;
  let depth = 0;
  const enterMarker = (x: PyObject): void => {
    // Without markers a cyclic structure recurses until the limit, as the C encoder's Py_EnterRecursiveCall.
    if (++depth > recursionLimit) {
      throw pyErr(RecursionErrorType, "maximum recursion depth exceeded while encoding a JSON object");
    }
    if (markers !== null) {
      if (markers.has(x)) {
        throw valueError("Circular reference detected");
      }
      markers.add(x);
    }
  };
  const leaveMarker = (x: PyObject): void => {
    depth--;
    markers?.delete(x);
  };

  const scalar = (x: PyValue): string | undefined => {
    if (typeof x === "string") {
      return encodeString(x, opts.ensureAscii);
    }
    if (x === None) {
      return "null";
    }
    if (x === true) {
      return "true";
    }
    if (x === false) {
      return "false";
    }
    if (typeof x === "number" || typeof x === "bigint") {
      return intRepr(x);
    }
    if (x instanceof PyFloat) {
      return floatStr(x.v, opts.allowNan);
    }
    return undefined;
  };

  const value = (x: PyValue, level: number): void => {
    const s = scalar(x);
    if (s !== undefined) {
      chunks.push(s);
    } else if (isInstance(x, ListType) || isInstance(x, TupleType)) {
      list(x as PyList | PyTuple, level);
    } else if (x instanceof PyDict) {
      dict(x, level);
    } else {
      const obj = x as PyObject;
      enterMarker(obj);
      value(opts.dflt(x), level);
      leaveMarker(obj);
    }
  };

  const list = (lst: PyList | PyTuple, level: number): void => {
    if (lst.items.length === 0) {
      chunks.push("[]");
      return;
    }
    enterMarker(lst);
    let buf = "[";
    let separator = opts.itemSeparator;
    let newlineIndent: string | null = null;
    if (opts.indent !== null) {
      level++;
      newlineIndent = "\n" + opts.indent.repeat(level);
      separator = opts.itemSeparator + newlineIndent;
      buf += newlineIndent;
    }
    const items = lst.items.slice();
    items.forEach((x, i) => {
      const pre = i === 0 ? buf : separator;
      const s = scalar(x);
      if (s !== undefined) {
        chunks.push(pre + s);
      } else {
        chunks.push(pre);
        value(x, level);
      }
    });
    if (newlineIndent !== null) {
      level--;
      chunks.push("\n" + opts.indent!.repeat(level));
    }
    chunks.push("]");
    leaveMarker(lst);
  };

  const keyString = (k: PyValue): string | null => {
    if (typeof k === "string") {
      return k;
    }
    if (k instanceof PyFloat) {
      return floatStr(k.v, opts.allowNan);
    }
    if (k === true) {
      return "true";
    }
    if (k === false) {
      return "false";
    }
    if (k === None) {
      return "null";
    }
    if (typeof k === "number" || typeof k === "bigint") {
      return intRepr(k);
    }
    if (opts.skipkeys) {
      return null;
    }
    throw typeError(`keys must be str, int, float, bool or None, not ${typeName(k)}`);
  };

  const dict = (d: PyDict, level: number): void => {
    if (d.size === 0) {
      chunks.push("{}");
      return;
    }
    enterMarker(d);
    chunks.push("{");
    let itemSeparator = opts.itemSeparator;
    let newlineIndent: string | null = null;
    if (opts.indent !== null) {
      level++;
      newlineIndent = "\n" + opts.indent.repeat(level);
      itemSeparator = opts.itemSeparator + newlineIndent;
      chunks.push(newlineIndent);
    }
    let items = [...d.entries()];
    if (opts.sortKeys) {
      items = sortByKey(items);
    }
    let first = true;
    for (const [k, v] of items) {
      const key = keyString(k);
      if (key === null) {
        continue;
      }
      if (!first) {
        chunks.push(itemSeparator);
      }
      first = false;
      chunks.push(encodeString(key, opts.ensureAscii));
      chunks.push(opts.keySeparator);
      const s = scalar(v);
      if (s !== undefined) {
        chunks.push(s);
      } else {
        value(v, level);
      }
    }
    if (newlineIndent !== null) {
      level--;
      chunks.push("\n" + opts.indent!.repeat(level));
    }
    chunks.push("}");
    leaveMarker(d);
  };

  value(o, 0);
  return chunks;
}

/** `sorted(dct.items())`, by list.sort's algorithm (so mixed key types raise the same TypeError). */
function sortByKey(items: [PyValue, PyValue][]): [PyValue, PyValue][] {
  const tuples: PyValue[] = items.map(([k, v]) => new PyTuple([k, v]));
  sortValues(tuples, null, false);
  return tuples.map((t) => (t as PyTuple).items as [PyValue, PyValue]);
}

// ---------------------------------------------------------------- JSONEncoder

const ENCODER_PARAMS = [
  "skipkeys",
  "ensure_ascii",
  "check_circular",
  "allow_nan",
  "sort_keys",
  "indent",
  "separators",
  "default",
];

const withDict = (cls: PyType): PyObject => {
  const o = new PyObject(cls);
  o.dict = new PyDict();
  return o;
};

export const JSONEncoderType = nativeType("JSONEncoder", ObjectType, withDict);
JSONEncoderType.module = "json.encoder";
JSONEncoderType.instanceDict = true;
JSONEncoderType.dict!.setStr("item_separator", ", ");
JSONEncoderType.dict!.setStr("key_separator", ": ");

/** The indent option as a string: an int n is n spaces (`' ' * indent`), a str is used as is. */
function indentString(v: PyValue): string | null {
  if (v === None) {
    return null;
  }
  if (typeof v === "string") {
    return v;
  }
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") {
    return " ".repeat(Math.max(0, Number(v)));
  }
  throw typeError(`can't multiply sequence by non-int of type '${typeName(v)}'`);
}

/** The encoder options from a JSONEncoder (or subclass) instance's attributes. */
function encoderOptions(enc: PyValue): EncodeOptions {
  const attr = (n: string): PyValue => getAttr(enc, n);
  const itemSeparator = attr("item_separator");
  const keySeparator = attr("key_separator");
  if (typeof itemSeparator !== "string" || typeof keySeparator !== "string") {
    throw typeError("separators must be strings");
  }
  const dflt = attr("default");
  return {
    skipkeys: truthy(attr("skipkeys")),
    ensureAscii: truthy(attr("ensure_ascii")),
    checkCircular: truthy(attr("check_circular")),
    allowNan: truthy(attr("allow_nan")),
    sortKeys: truthy(attr("sort_keys")),
    indent: indentString(attr("indent")),
    itemSeparator,
    keySeparator,
    dflt: (o) => callPy(dflt, [o]),
  };
}

function encoderInit(self: PyValue, args: PyValue[], kwargs: KwArgs | null): void {
  if (args.length) {
    throw typeError(`JSONEncoder.__init__() takes 1 positional argument but ${args.length + 1} were given`);
  }
  const v = kwParams("JSONEncoder.__init__", [], kwargs, ENCODER_PARAMS, 0);
  const d = (self as PyObject).dict!;
  const [skipkeys, ensureAscii, checkCircular, allowNan, sortKeys, indent, separators, dflt] = v;
  d.setStr("skipkeys", skipkeys ?? false);
  d.setStr("ensure_ascii", ensureAscii ?? true);
  d.setStr("check_circular", checkCircular ?? true);
  d.setStr("allow_nan", allowNan ?? true);
  d.setStr("sort_keys", sortKeys ?? false);
  d.setStr("indent", indent ?? None);
  if (separators !== undefined && separators !== None) {
    const [item, key] = toPair(separators);
    d.setStr("item_separator", item);
    d.setStr("key_separator", key);
  } else if (indent !== undefined && indent !== None) {
    d.setStr("item_separator", ",");
  }
  if (dflt !== undefined && dflt !== None) {
    d.setStr("default", dflt);
  }
}

function toPair(v: PyValue): [PyValue, PyValue] {
  const items = toArray(v);
  if (items.length !== 2) {
    throw valueError(items.length < 2 ? `not enough values to unpack (expected 2, got ${items.length})` : "too many values to unpack (expected 2)");
  }
  return [items[0], items[1]];
}

defMethods(JSONEncoderType, {
  __init__: (args, kwargs) => {
    encoderInit(args[0], args.slice(1), kwargs);
    return None;
  },
  default: (args) => {
    arity("default", args.length - 1, 1);
    throw typeError(`Object of type ${typeName(args[1])} is not JSON serializable`);
  },
  encode: (args) => {
    arity("encode", args.length - 1, 1);
    const o = args[1];
    if (typeof o === "string") {
      return encodeString(o, truthy(getAttr(args[0], "ensure_ascii")));
    }
    return encode(o, encoderOptions(args[0])).join("");
  },
  iterencode: (args) => {
    arity("iterencode", args.length - 1, 1, 2);
    return iter(new PyList(encode(args[1], encoderOptions(args[0]))));
  },
});

/** The encoder dumps/dump use: `cls(**options)`, or JSONEncoder. */
function makeEncoder(kwargs: KwArgs | null): PyValue {
  const opts: KwArgs = new Map(kwargs ?? []);
  const cls = opts.get("cls");
  opts.delete("cls");
  return callPy(cls === undefined || cls === None ? JSONEncoderType : cls, [], opts);
}

function dumps(args: PyValue[], kwargs: KwArgs | null): PyValue {
  arity("dumps", args.length, 1);
  return callMethod(makeEncoder(kwargs), "encode", [args[0]]);
}

function dump(args: PyValue[], kwargs: KwArgs | null): PyValue {
  if (args.length !== 2) {
    throw typeError(`dump() takes 2 positional arguments but ${args.length} were given`);
  }
  const chunks = callMethod(makeEncoder(kwargs), "iterencode", [args[0]]);
  const write = getAttr(args[1], "write");
  forEach(chunks, (c) => {
    callPy(write, [c]);
  });
  return None;
}

// ---------------------------------------------------------------- decoding

export const JSONDecodeErrorType = nativeType("JSONDecodeError", ValueErrorType);
JSONDecodeErrorType.module = "json.decoder";
JSONDecodeErrorType.instanceDict = true;

/** Code points before UTF-16 offset `i` (Python counts positions in characters). */
const charPos = (s: string, i: number): number => strLen(s.slice(0, i));

/** Fills a JSONDecodeError the way its __init__ does: msg, doc, pos, lineno, colno. */
function fillDecodeError(e: PyBaseException, msg: string, doc: string, pos: number): void {
  const before = doc.slice(0, pos);
  const lineno = before.split("\n").length;
  const p = charPos(doc, pos);
  const col = strLen(before.slice(before.lastIndexOf("\n") + 1)) + 1;
  e.args = new PyTuple([`${msg}: line ${lineno} column ${col} (char ${p})`]);
  e.dict ??= new PyDict();
  e.dict.setStr("msg", msg);
  e.dict.setStr("doc", doc);
  e.dict.setStr("pos", p);
  e.dict.setStr("lineno", lineno);
  e.dict.setStr("colno", col);
}

function decodeError(msg: string, doc: string, pos: number): PyBaseException {
  const e = newException(JSONDecodeErrorType, []);
  fillDecodeError(e, msg, doc, pos);
  return e;
}

defMethods(JSONDecodeErrorType, {
  __init__: (args) => {
    arity("JSONDecodeError", args.length - 1, 3);
    const [self, msg, doc, pos] = args;
    if (typeof msg !== "string" || typeof doc !== "string") {
      throw typeError("JSONDecodeError(msg, doc, pos) expects str arguments");
    }
    const p = index(pos);
    const units = Array.from(doc).slice(0, Number(p)).join("").length;
    fillDecodeError(self as PyBaseException, msg, doc, units);
    return None;
  },
  __reduce__: (args) => {
    const d = (args[0] as PyBaseException).dict!;
    return new PyTuple([JSONDecodeErrorType, new PyTuple([d.getStr("msg")!, d.getStr("doc")!, d.getStr("pos")!])]);
  },
});

interface DecodeHooks {
  objectHook: PyValue;
  objectPairsHook: PyValue;
  parseFloat: PyValue;
  parseInt: PyValue;
  parseConstant: PyValue;
  strict: boolean;
}

const isWs = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\r";
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

/**
 * The scanner (Modules/_json.c scan_once_unicode and friends). Positions are UTF-16 offsets
 * into `s`, converted to characters when an error is raised.
 */
class Scanner {
  /** Containers open at the current position (the C scanner's Py_EnterRecursiveCall). */
  private depth = 0;

  constructor(
    private s: string,
    private hooks: DecodeHooks,
  ) {}

  private fail(msg: string, pos: number): never {
    throw decodeError(msg, this.s, pos);
  }

  private skipWs(i: number): number {
    while (isWs(this.s[i])) {
      i++;
    }
    return i;
  }

  /** Scans one value at `i`; returns it and the end offset, or fails with "Expecting value". */
  value(i: number): [PyValue, number] {
    const s = this.s;
    const c = s[i];
    switch (c) {
      case '"':
        return this.string(i + 1);
      case "{":
      case "[":
        if (++this.depth > recursionLimit) {
          throw pyErr(RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON " + (c === "{" ? "object" : "array") + " from a unicode string");
        }
        try {
          return c === "{" ? this.object(i + 1) : this.array(i + 1);
        } finally {
          this.depth--;
        }
      case "n":
        if (s.startsWith("null", i)) {
          return [None, i + 4];
        }
        break;
      case "t":
        if (s.startsWith("true", i)) {
          return [true, i + 4];
        }
        break;
      case "f":
        if (s.startsWith("false", i)) {
          return [false, i + 5];
        }
        break;
      case "N":
        if (s.startsWith("NaN", i)) {
          return [this.constant("NaN"), i + 3];
        }
        break;
      case "I":
        if (s.startsWith("Infinity", i)) {
          return [this.constant("Infinity"), i + 8];
        }
        break;
      case "-":
        if (s.startsWith("-Infinity", i)) {
          return [this.constant("-Infinity"), i + 9];
        }
        break;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m !== null) {
      const text = m[0];
      const end = i + text.length;
      if (m[1] !== undefined || m[2] !== undefined) {
        const hook = this.hooks.parseFloat;
        return [hook === None ? new PyFloat(Number(text)) : callPy(hook, [text]), end];
      }
      const hook = this.hooks.parseInt;
      if (hook !== None) {
        return [callPy(hook, [text]), end];
      }
      return [text.length < 16 ? Number(text) : intFromString(text, 10)!, end];
    }
    this.fail("Expecting value", i);
  }

  private constant(name: string): PyValue {
    const hook = this.hooks.parseConstant;
    if (hook !== None) {
      return callPy(hook, [name]);
    }
    return new PyFloat(name === "NaN" ? NaN : name === "Infinity" ? Infinity : -Infinity);
  }

  /** scanstring: `i` is just after the opening quote. */
  private string(i: number): [PyValue, number] {
    const s = this.s;
    const begin = i - 1;
    let out = "";
    for (;;) {
      let j = i;
      while (j < s.length) {
        const c = s.charCodeAt(j);
        if (c === 0x22 || c === 0x5c || (c < 0x20 && this.hooks.strict)) {
          break;
        }
        j++;
      }
      out += s.slice(i, j);
      if (j >= s.length) {
        this.fail("Unterminated string starting at", begin);
      }
      const c = s[j];
      if (c === '"') {
        return [out, j + 1];
      }
      if (c !== "\\") {
        this.fail("Invalid control character at", j);
      }
      const e = s[j + 1];
      if (e === undefined) {
        this.fail("Unterminated string starting at", begin);
      }
      if (e !== "u") {
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        const v = simple[e];
        if (v === undefined) {
          this.fail("Invalid \\escape", j);
        }
        out += v;
        i = j + 2;
        continue;
      }
      const code = this.hex4(j + 2, j);
      i = j + 6;
      if (code >= 0xd800 && code <= 0xdbff && s[i] === "\\" && s[i + 1] === "u") {
        const low = this.hex4(i + 2, i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          out += String.fromCharCode(code, low);
          i += 6;
          continue;
        }
      }
      out += String.fromCharCode(code);
    }
  }

  private hex4(at: number, escStart: number): number {
    const h = this.s.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) {
      this.fail("Invalid \\uXXXX escape", escStart + 1);
    }
    return parseInt(h, 16);
  }

  /** _parse_object: `i` is just after '{'. */
  private object(i: number): [PyValue, number] {
    const s = this.s;
    const pairs: [PyValue, PyValue][] = [];
    i = this.skipWs(i);
    if (s[i] !== "}") {
      for (;;) {
        if (s[i] !== '"') {
          this.fail("Expecting property name enclosed in double quotes", i);
        }
        const [key, afterKey] = this.string(i + 1);
        i = this.skipWs(afterKey);
        if (s[i] !== ":") {
          this.fail("Expecting ':' delimiter", i);
        }
        i = this.skipWs(i + 1);
        const [v, afterValue] = this.value(i);
        pairs.push([key, v]);
        i = this.skipWs(afterValue);
        if (s[i] === "}") {
          break;
        }
        if (s[i] !== ",") {
          this.fail("Expecting ',' delimiter", i);
        }
        i = this.skipWs(i + 1);
      }
    }
    const end = i + 1;
    const { objectHook, objectPairsHook } = this.hooks;
    if (objectPairsHook !== None) {
      return [callPy(objectPairsHook, [new PyList(pairs.map(([k, v]) => new PyTuple([k, v])))]), end];
    }
    const d = new PyDict();
    for (const [k, v] of pairs) {
      d.set(k, v);
    }
    return [objectHook === None ? d : callPy(objectHook, [d]), end];
  }

  /** _parse_array: `i` is just after '['. */
  private array(i: number): [PyValue, number] {
    const s = this.s;
    const items: PyValue[] = [];
    i = this.skipWs(i);
    if (s[i] !== "]") {
      for (;;) {
        const [v, after] = this.value(i);
        items.push(v);
        i = this.skipWs(after);
        if (s[i] === "]") {
          break;
        }
        if (s[i] !== ",") {
          this.fail("Expecting ',' delimiter", i);
        }
        i = this.skipWs(i + 1);
      }
    }
    return [new PyList(items), i + 1];
  }

  /** JSONDecoder.raw_decode: one value starting at `i` (no leading whitespace skipped). */
  rawDecode(i: number): [PyValue, number] {
    return this.value(i);
  }

  /** JSONDecoder.decode: the whole document, whitespace allowed around it. */
  decode(): PyValue {
    const [v, end] = this.value(this.skipWs(0));
    const after = this.skipWs(end);
    if (after !== this.s.length) {
      this.fail("Extra data", after);
    }
    return v;
  }
}

export const JSONDecoderType = nativeType("JSONDecoder", ObjectType, withDict);
JSONDecoderType.module = "json.decoder";
JSONDecoderType.instanceDict = true;

const DECODER_PARAMS = ["object_hook", "parse_float", "parse_int", "parse_constant", "strict", "object_pairs_hook"];

function decoderHooks(dec: PyValue): DecodeHooks {
  const attr = (n: string): PyValue => getAttr(dec, n);
  const parseFloat = attr("parse_float");
  const parseInt = attr("parse_int");
  return {
    objectHook: attr("object_hook"),
    objectPairsHook: attr("object_pairs_hook"),
    parseFloat: parseFloat === FloatType ? None : parseFloat,
    parseInt: parseInt === IntType ? None : parseInt,
    parseConstant: attr("parse_constant"),
    strict: truthy(attr("strict")),
  };
}

function docString(v: PyValue, method: string): string {
  if (typeof v === "string") {
    return v;
  }
  throw typeError(`${method}() argument 1 must be str, not ${typeName(v)}`);
}

defMethods(JSONDecoderType, {
  __init__: (args, kwargs) => {
    if (args.length > 1) {
      throw typeError(`JSONDecoder.__init__() takes 1 positional argument but ${args.length} were given`);
    }
    const [objectHook, parseFloat, parseInt, parseConstant, strict, objectPairsHook] = kwParams(
      "JSONDecoder.__init__",
      [],
      kwargs,
      DECODER_PARAMS,
      0,
    );
    const d = (args[0] as PyObject).dict!;
    d.setStr("object_hook", objectHook ?? None);
    d.setStr("parse_float", parseFloat === undefined || parseFloat === None ? FloatType : parseFloat);
    d.setStr("parse_int", parseInt === undefined || parseInt === None ? IntType : parseInt);
    d.setStr("parse_constant", parseConstant ?? None);
    d.setStr("strict", strict ?? true);
    d.setStr("object_pairs_hook", objectPairsHook ?? None);
    return None;
  },
  decode: (args) => {
    arity("decode", args.length - 1, 1);
    return new Scanner(docString(args[1], "decode"), decoderHooks(args[0])).decode();
  },
  raw_decode: (args, kwargs) => {
    const [s, idx] = kwParams("raw_decode", args.slice(1), kwargs, ["s", "idx"]);
    const doc = docString(s ?? None, "raw_decode");
    const start = idx === undefined ? 0 : Number(index(idx));
    const units = Array.from(doc).slice(0, start).join("").length;
    const [v, end] = new Scanner(doc, decoderHooks(args[0])).rawDecode(units);
    return new PyTuple([v, charPos(doc, end)]);
  },
});

/** The document loads() accepts: str, or bytes/bytearray decoded as UTF-8 (json.detect_encoding's common case). */
function documentText(v: PyValue): string {
  if (typeof v === "string") {
    if (v.startsWith("\ufeff")) {
      throw decodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", v, 0);
    }
    return v;
  }
  if (v instanceof PyBytes || v instanceof PyByteArray) {
    const bytes = v instanceof PyBytes ? v.bytes : Uint8Array.from(v.bytes);
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return new TextDecoder("utf-8").decode(bytes.subarray(start));
  }
  throw typeError(`the JSON object must be str, bytes or bytearray, not ${typeName(v)}`);
}

const LOADS_PARAMS = ["cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook"];

function loadsText(text: string, kwargs: KwArgs | null): PyValue {
  const opts: KwArgs = new Map(kwargs ?? []);
  const cls = opts.get("cls");
  opts.delete("cls");
  for (const [k, v] of [...opts]) {
    if (v === None && LOADS_PARAMS.includes(k)) {
      opts.delete(k);
    }
  }
  const decoder = callPy(cls === undefined || cls === None ? JSONDecoderType : cls, [], opts);
  return callMethod(decoder, "decode", [text]);
}

function loads(args: PyValue[], kwargs: KwArgs | null): PyValue {
  arity("loads", args.length, 1);
  return loadsText(documentText(args[0]), kwargs);
}

function load(args: PyValue[], kwargs: KwArgs | null): PyValue {
  arity("load", args.length, 1);
  return loadsText(documentText(callMethod(args[0], "read", [])), kwargs);
}

// ---------------------------------------------------------------- the module

registerModule("json", (m) => {
  const d = m.dict!;
  d.setStr("dumps", builtin("dumps", dumps));
  d.setStr("dump", builtin("dump", dump));
  d.setStr("loads", builtin("loads", loads));
  d.setStr("load", builtin("load", load));
  d.setStr("JSONEncoder", JSONEncoderType);
  d.setStr("JSONDecoder", JSONDecoderType);
  d.setStr("JSONDecodeError", JSONDecodeErrorType);
  d.setStr("__all__", new PyList(["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]));
});

