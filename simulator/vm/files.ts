/**
 * open(): files in an in-memory file system that lives for one run. The snippet never
 * touches the real file system (DESIGN.md §1); a file it writes can be read back in the same
 * run, and reading a file it did not write raises FileNotFoundError as CPython would.
 */
import { defGetSet, defMethods, kwParams } from "./define";
import { FileNotFoundErrorType, newException, typeError, Unsupported, valueError } from "./errors";
import { PyNativeIter } from "./iterators";
import { None, nativeType, ObjectType, PyList, PyObject, type KwArgs, type PyValue } from "./objects";
import { str, toArray, typeName } from "./protocol";
import { vm } from "./vm";

export const TextFileType = nativeType("TextIOWrapper", ObjectType);
TextFileType.module = "_io";

/** Contents of the run's files, by path. */
const filesOf = (): Map<string, string> => vm().files;

class PyTextFile extends PyObject {
  pos = 0;
  closed = false;
  constructor(
    public path: string,
    public mode: string,
    /** The text of a file opened for reading; the growing text of one opened for writing. */
    public text: string,
  ) {
    super(TextFileType);
  }
}

const file = (v: PyValue): PyTextFile => {
  if (!(v instanceof PyTextFile)) {
    throw typeError(`descriptor requires a '_io.TextIOWrapper' object but received '${typeName(v)}'`);
  }
  if (v.closed) {
    throw valueError("I/O operation on closed file.");
  }
  return v;
};

const readable = (f: PyTextFile): void => {
  if (!f.mode.includes("r") && !f.mode.includes("+")) {
    throw newException(unsupportedOperation(), ["not readable"]);
  }
};
const writable = (f: PyTextFile): void => {
  if (f.mode.includes("r") && !f.mode.includes("+")) {
    throw newException(unsupportedOperation(), ["not writable"]);
  }
};

let unsupportedOp: ReturnType<typeof nativeType> | null = null;
/** io.UnsupportedOperation (an OSError and ValueError in CPython; an OSError here). */
function unsupportedOperation(): ReturnType<typeof nativeType> {
  unsupportedOp ??= nativeType("UnsupportedOperation", FileNotFoundErrorType.mro[1]);
  unsupportedOp.module = "io";
  return unsupportedOp;
}

function readLine(f: PyTextFile): string {
  const nl = f.text.indexOf("\n", f.pos);
  const end = nl < 0 ? f.text.length : nl + 1;
  const line = f.text.slice(f.pos, end);
  f.pos = end;
  return line;
}

/** The builtin open(file, mode='r', ...). */
export function openFile(args: PyValue[], kwargs: KwArgs | null): PyValue {
  const [path, modeArg] = kwParams("open", args, kwargs, ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"]);
  if (typeof path !== "string") {
    throw typeError(`expected str, bytes or os.PathLike object, not ${typeName(path ?? None)}`);
  }
  const mode = modeArg === undefined ? "r" : modeArg;
  if (typeof mode !== "string" || !/^(r|w|a|x)\+?t?$|^(r|w|a|x)t?\+?$/.test(mode)) {
    if (typeof mode === "string" && mode.includes("b")) {
      throw new Unsupported("binary file mode in open()");
    }
    throw valueError(`invalid mode: '${String(mode)}'`);
  }
  const files = filesOf();
  const existing = files.get(path);
  if (mode.startsWith("r")) {
    if (existing === undefined) {
      throw newException(FileNotFoundErrorType, [2, "No such file or directory", path]);
    }
    return new PyTextFile(path, mode, existing);
  }
  if (mode.startsWith("x") && existing !== undefined) {
    throw newException(FileNotFoundErrorType.mro[1], [17, "File exists", path]);
  }
  const text = mode.startsWith("a") ? (existing ?? "") : "";
  files.set(path, text);
  const f = new PyTextFile(path, mode, text);
  f.pos = text.length;
  return f;
}

defMethods(TextFileType, {
  read: (args) => {
    const f = file(args[0]);
    readable(f);
    const n = args[1] === undefined || args[1] === None ? -1 : Number(args[1]);
    const end = n < 0 ? f.text.length : f.pos + n;
    const out = f.text.slice(f.pos, end);
    f.pos = Math.min(end, f.text.length);
    return out;
  },
  readline: (args) => {
    const f = file(args[0]);
    readable(f);
    return readLine(f);
  },
  readlines: (args) => {
    const f = file(args[0]);
    readable(f);
    const lines: PyValue[] = [];
    for (let l = readLine(f); l !== ""; l = readLine(f)) {
      lines.push(l);
    }
    return new PyList(lines);
  },
  write: (args) => {
    const f = file(args[0]);
    writable(f);
    const s = args[1];
    if (typeof s !== "string") {
      throw typeError(`write() argument must be str, not ${typeName(s)}`);
    }
    f.text = f.text.slice(0, f.pos) + s + f.text.slice(f.pos + s.length);
    f.pos += s.length;
    filesOf().set(f.path, f.text);
    return s.length;
  },
  writelines: (args) => {
    const f = file(args[0]);
    writable(f);
    for (const s of toArray(args[1])) {
      f.text += str(s);
    }
    f.pos = f.text.length;
    filesOf().set(f.path, f.text);
    return None;
  },
  seek: (args) => {
    const f = file(args[0]);
    f.pos = Math.max(0, Math.min(Number(args[1]), f.text.length));
    return f.pos;
  },
  tell: (args) => file(args[0]).pos,
  flush: (args) => {
    file(args[0]);
    return None;
  },
  close: (args) => {
    (args[0] as PyTextFile).closed = true;
    return None;
  },
  readable: (args) => {
    const f = file(args[0]);
    return f.mode.includes("r") || f.mode.includes("+");
  },
  writable: (args) => {
    const f = file(args[0]);
    return !f.mode.includes("r") || f.mode.includes("+");
  },
  __enter__: (args) => file(args[0]),
  __exit__: (args) => {
    (args[0] as PyTextFile).closed = true;
    return false;
  },
  __iter__: (args) => {
    const f = file(args[0]);
    readable(f);
    return new PyNativeIter("line_iterator", () => {
      const l = readLine(f);
      return l === "" ? undefined : l;
    });
  },
  __repr__: (args) => {
    const f = args[0] as PyTextFile;
    return `<_io.TextIOWrapper name='${f.path}' mode='${f.mode}' encoding='UTF-8'>`;
  },
});
defGetSet(TextFileType, "closed", (f) => (f as PyTextFile).closed);
defGetSet(TextFileType, "name", (f) => (f as PyTextFile).path);
defGetSet(TextFileType, "mode", (f) => (f as PyTextFile).mode);
