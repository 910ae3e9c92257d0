/**
 * The `io` module: in-memory streams (Modules/_io/stringio.c and bytesio.c) — StringIO
 * and BytesIO with a read/write position — and the names of the file types open() returns.
 * Positions count UTF-16 units for StringIO (CPython counts code points: they differ only
 * after astral characters).
 */
import { arity, defGetSet, defMethods, kwParams } from "../../vm/define";
import { OSErrorType, pyErr, stopIteration, typeError, valueError } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import {
  nativeType,
  None,
  ObjectType,
  PyByteArray,
  PyBytes,
  PyDict,
  PyList,
  PyObject,
  PyType,
  type NativeFn,
  type PyValue,
} from "../../vm/objects";
import { callMethod, index, toArray, typeName } from "../../vm/protocol";
import { vm } from "../../vm/vm";
import { TextFileType } from "../../vm/files";

/** An in-memory stream: its contents (a str, or bytes as numbers) and position. */
class PyMemoryStream<T extends string | number[]> extends PyObject {
  pos = 0;
  closed = false;
  constructor(
    cls: PyType,
    public data: T,
  ) {
    super(cls);
    this.dict = cls.instanceDict ? new PyDict() : null;
  }
}

type StringStream = PyMemoryStream<string>;
type BytesStream = PyMemoryStream<number[]>;

export const StringIOType = nativeType("StringIO", ObjectType, (cls) => new PyMemoryStream(cls, ""));
StringIOType.module = "_io";
export const BytesIOType = nativeType("BytesIO", ObjectType, (cls) => new PyMemoryStream(cls, [] as number[]));
BytesIOType.module = "_io";

function openStream<T extends string | number[]>(v: PyValue, t: PyType, sample: T): PyMemoryStream<T> {
  if (!(v instanceof PyMemoryStream) || typeof v.data !== typeof sample || !v.cls.isSubtypeOf(t)) {
    throw typeError(`descriptor requires a '_io.${t.name}' object but received '${typeName(v)}'`);
  }
  if (v.closed) {
    throw valueError("I/O operation on closed file.");
  }
  return v as PyMemoryStream<T>;
}

const textStream = (v: PyValue): StringStream => openStream(v, StringIOType, "");
const bytesStream = (v: PyValue): BytesStream => openStream(v, BytesIOType, [] as number[]);

/** A size argument: None or negative means "all". */
const sizeArg = (v: PyValue | undefined): number => (v === undefined || v === None ? -1 : Number(index(v)));

/** seek(pos, whence): CPython's rules for in-memory streams. */
function seek(s: PyMemoryStream<string | number[]>, args: PyValue[]): number {
  arity("seek", args.length - 1, 1, 2);
  const pos = Number(index(args[1]));
  const whence = args.length > 2 ? Number(index(args[2])) : 0;
  const text = typeof s.data === "string";
  if (whence === 0) {
    if (pos < 0) {
      throw valueError(`Negative seek value ${pos}`);
    }
    s.pos = pos;
  } else if (whence === 1 || whence === 2) {
    if (text && pos !== 0) {
      throw pyErr(OSErrorType, `Can't do nonzero ${whence === 1 ? "cur" : "end"}-relative seeks`);
    }
    s.pos = Math.max(0, (whence === 1 ? s.pos : s.data.length) + pos);
  } else {
    throw valueError(`Invalid whence (${whence}, should be 0, 1 or 2)`);
  }
  return s.pos;
}

/** The methods StringIO and BytesIO share, over a stream accessor. */
function commonMethods(get: (v: PyValue) => PyMemoryStream<string | number[]>): Record<string, NativeFn> {
  return {
    seek: (args) => seek(get(args[0]), args),
    tell: (args) => get(args[0]).pos,
    close: (args) => {
      if (args[0] instanceof PyMemoryStream) {
        args[0].closed = true;
      }
      return None;
    },
    flush: (args) => {
      get(args[0]);
      return None;
    },
    readable: (args) => (get(args[0]), true),
    writable: (args) => (get(args[0]), true),
    seekable: (args) => (get(args[0]), true),
    isatty: (args) => (get(args[0]), false),
    __enter__: (args) => (get(args[0]), args[0]),
    __exit__: (args) => {
      if (args[0] instanceof PyMemoryStream) {
        args[0].closed = true;
      }
      return None;
    },
    writelines: (args) => {
      arity("writelines", args.length - 1, 1);
      for (const line of toArray(args[1])) {
        callMethod(args[0], "write", [line]);
      }
      return None;
    },
    readlines: (args) => {
      arity("readlines", args.length - 1, 0, 1);
      const hint = sizeArg(args[1]);
      const lines: PyValue[] = [];
      let total = 0;
      for (;;) {
        const line = callMethod(args[0], "readline", []);
        const n = typeof line === "string" ? line.length : line instanceof PyBytes ? line.bytes.length : 0;
        if (n === 0) {
          break;
        }
        lines.push(line);
        total += n;
        if (hint > 0 && total >= hint) {
          break;
        }
      }
      return new PyList(lines);
    },
    __iter__: (args) => {
      get(args[0]);
      return args[0];
    },
    __next__: (args) => {
      const line = callMethod(args[0], "readline", []);
      if ((typeof line === "string" && line === "") || (line instanceof PyBytes && line.bytes.length === 0)) {
        throw stopIteration();
      }
      return line;
    },
  };
}

// ---------------------------------------------------------------- StringIO

function stringWrite(s: StringStream, text: string): void {
  if (s.pos > s.data.length) {
    s.data += "\0".repeat(s.pos - s.data.length);
  }
  s.data = s.data.slice(0, s.pos) + text + s.data.slice(s.pos + text.length);
  s.pos += text.length;
}

defMethods(StringIOType, {
  __init__: (args, kwargs) => {
    const s = args[0] as StringStream;
    const [initial, newline] = kwParams("StringIO", args.slice(1), kwargs, ["initial_value", "newline"]);
    if (newline !== undefined && newline !== None && typeof newline !== "string") {
      throw typeError(`newline must be str or None, not ${typeName(newline)}`);
    }
    if (typeof newline === "string" && !["", "\n", "\r", "\r\n"].includes(newline)) {
      throw valueError(`illegal newline value: ${newline}`);
    }
    if (initial !== undefined && initial !== None && typeof initial !== "string") {
      throw typeError(`initial_value must be str or None, not ${typeName(initial)}`);
    }
    s.data = typeof initial === "string" ? initial : "";
    s.pos = 0;
    s.closed = false;
    return None;
  },
  write: (args) => {
    arity("write", args.length - 1, 1);
    const s = textStream(args[0]);
    const text = args[1];
    if (typeof text !== "string") {
      throw typeError(`string argument expected, got '${typeName(text)}'`);
    }
    stringWrite(s, text);
    return text.length;
  },
  getvalue: (args) => textStream(args[0]).data,
  read: (args) => {
    arity("read", args.length - 1, 0, 1);
    const s = textStream(args[0]);
    const n = sizeArg(args[1]);
    const start = Math.min(s.pos, s.data.length);
    const end = n < 0 ? s.data.length : Math.min(s.data.length, start + n);
    s.pos = Math.max(s.pos, end);
    return s.data.slice(start, end);
  },
  readline: (args) => {
    arity("readline", args.length - 1, 0, 1);
    const s = textStream(args[0]);
    const n = sizeArg(args[1]);
    const start = Math.min(s.pos, s.data.length);
    const nl = s.data.indexOf("\n", start);
    let end = nl < 0 ? s.data.length : nl + 1;
    if (n >= 0) {
      end = Math.min(end, start + n);
    }
    s.pos = Math.max(s.pos, end);
    return s.data.slice(start, end);
  },
  truncate: (args) => {
    arity("truncate", args.length - 1, 0, 1);
    const s = textStream(args[0]);
    const size = args[1] === undefined || args[1] === None ? s.pos : Number(index(args[1]));
    if (size < 0) {
      throw valueError(`Negative size value ${size}`);
    }
    s.data = s.data.slice(0, size);
    return size;
  },
  ...commonMethods(textStream),
});
defGetSet(StringIOType, "closed", (s) => (s as StringStream).closed);
defGetSet(StringIOType, "line_buffering", () => false);
defGetSet(StringIOType, "newlines", () => None);

// ---------------------------------------------------------------- BytesIO

/** The bytes of a bytes-like argument. */
function bytesOf(v: PyValue): number[] {
  if (v instanceof PyBytes) {
    return Array.from(v.bytes);
  }
  if (v instanceof PyByteArray) {
    return v.bytes.slice();
  }
  throw typeError(`a bytes-like object is required, not '${typeName(v)}'`);
}

const bytesValue = (b: number[]): PyBytes => new PyBytes(Uint8Array.from(b));

defMethods(BytesIOType, {
  __init__: (args, kwargs) => {
    const s = args[0] as BytesStream;
    const [initial] = kwParams("BytesIO", args.slice(1), kwargs, ["initial_bytes"]);
    s.data = initial === undefined || initial === None ? [] : bytesOf(initial);
    s.pos = 0;
    s.closed = false;
    return None;
  },
  write: (args) => {
    arity("write", args.length - 1, 1);
    const s = bytesStream(args[0]);
    const b = bytesOf(args[1]);
    while (s.data.length < s.pos) {
      s.data.push(0);
    }
    s.data.splice(s.pos, b.length, ...b);
    s.pos += b.length;
    return b.length;
  },
  getvalue: (args) => bytesValue(bytesStream(args[0]).data),
  read: (args) => {
    arity("read", args.length - 1, 0, 1);
    const s = bytesStream(args[0]);
    const n = sizeArg(args[1]);
    const start = Math.min(s.pos, s.data.length);
    const end = n < 0 ? s.data.length : Math.min(s.data.length, start + n);
    s.pos = Math.max(s.pos, end);
    return bytesValue(s.data.slice(start, end));
  },
  readline: (args) => {
    arity("readline", args.length - 1, 0, 1);
    const s = bytesStream(args[0]);
    const n = sizeArg(args[1]);
    const start = Math.min(s.pos, s.data.length);
    const nl = s.data.indexOf(10, start);
    let end = nl < 0 ? s.data.length : nl + 1;
    if (n >= 0) {
      end = Math.min(end, start + n);
    }
    s.pos = Math.max(s.pos, end);
    return bytesValue(s.data.slice(start, end));
  },
  truncate: (args) => {
    arity("truncate", args.length - 1, 0, 1);
    const s = bytesStream(args[0]);
    const size = args[1] === undefined || args[1] === None ? s.pos : Number(index(args[1]));
    s.data = s.data.slice(0, size);
    return size;
  },
  ...commonMethods(bytesStream),
});
defGetSet(BytesIOType, "closed", (s) => (s as BytesStream).closed);

registerModule("io", (m) => {
  const d = m.dict!;
  d.setStr("StringIO", StringIOType);
  d.setStr("BytesIO", BytesIOType);
  d.setStr("TextIOWrapper", TextFileType);
  d.setStr("SEEK_SET", 0);
  d.setStr("SEEK_CUR", 1);
  d.setStr("SEEK_END", 2);
  d.setStr("DEFAULT_BUFFER_SIZE", 8192);
  const open = vm().builtins?.getStr("open");
  if (open !== undefined) {
    d.setStr("open", open);
  }
});
