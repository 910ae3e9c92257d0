/**
 * The `sys` module (CPython's Python/sysmodule.c) for a simulated Linux CPython 3.11.7:
 * version facts, the standard streams over the run's output and stdin, exit, exc_info, and
 * the interpreter settings (recursion limit, switch interval).
 */
import { intMaxStrDigits, setIntMaxStrDigits } from "../../vm/numbers";
import { arity, builtin, defGetSet, defMethods, kwParams } from "../../vm/define";
import {
  attributeError,
  newException,
  pyErr,
  RecursionErrorType,
  SystemExitType,
  typeError,
  Unsupported,
  valueError,
} from "../../vm/errors";
import { currentHandledException } from "../../vm/call";
import { currentTask, recursionLimit, setRecursionLimit } from "../../vm/interp";
import { PyNativeIter } from "../../vm/iterators";
import { registerModule } from "../../vm/modules";
import {
  nativeType,
  None,
  ObjectType,
  PyByteArray,
  PyBytes,
  PyDict,
  PyFloat,
  PyFunction,
  PyList,
  PyModule,
  PyObject,
  PyRange,
  PyTuple,
  PyType,
  typeOf,
  type PyValue,
} from "../../vm/objects";
import { callPy, getAttrOpt, index, str, toArray, typeName } from "../../vm/protocol";
import { vm, type Vm } from "../../vm/vm";
import { PyGenerator } from "../../vm/iterators";
import { structSeqValue, structSequence } from "./collections";
import { SimpleNamespaceType } from "./types";

// ---------------------------------------------------------------- the standard streams

type StreamName = "stdout" | "stderr" | "stdin";

/** sys.stdin / sys.stdout / sys.stderr: text streams over the run's output and simulated input. */
export class PyStdStream extends PyObject {
  constructor(public stream: StreamName) {
    super(StdStreamType);
  }
}

export const StdStreamType = nativeType("TextIOWrapper", ObjectType);
StdStreamType.module = "_io";

function asStream(v: PyValue): PyStdStream {
  if (!(v instanceof PyStdStream)) {
    throw typeError(`descriptor requires a '_io.TextIOWrapper' object but received '${typeName(v)}'`);
  }
  return v;
}

/** The io.UnsupportedOperation CPython raises for writing stdin or reading stdout ("not readable"). */
function notSupported(what: string): never {
  throw valueError(what);
}

function writeStream(s: PyStdStream, text: PyValue): number {
  if (s.stream === "stdin") {
    notSupported("not writable");
  }
  if (typeof text !== "string") {
    throw typeError(`write() argument must be str, not ${typeName(text)}`);
  }
  vm().write(s.stream, text);
  return text.length;
}

/** The next line of the simulated stdin (with its newline), advancing the shared read position. */
function readStdinLine(limit: number): string {
  const machine = vm();
  const rest = machine.stdin.slice(machine.stdinPos);
  const nl = rest.indexOf("\n");
  let end = nl < 0 ? rest.length : nl + 1;
  if (limit >= 0) {
    end = Math.min(end, limit);
  }
  machine.stdinPos += end;
  return rest.slice(0, end);
}

function readStdin(s: PyStdStream, limit: number): string {
  if (s.stream !== "stdin") {
    notSupported("not readable");
  }
  const machine = vm();
  const rest = machine.stdin.slice(machine.stdinPos);
  const text = limit < 0 ? rest : rest.slice(0, limit);
  machine.stdinPos += text.length;
  return text;
}

const sizeArg = (v: PyValue | undefined): number => (v === undefined || v === None ? -1 : Number(index(v)));

defMethods(StdStreamType, {
  write: (args) => {
    arity("write", args.length - 1, 1);
    return writeStream(asStream(args[0]), args[1]);
  },
  writelines: (args) => {
    arity("writelines", args.length - 1, 1);
    const s = asStream(args[0]);
    for (const line of toArray(args[1])) {
      writeStream(s, line);
    }
    return None;
  },
  flush: () => None,
  isatty: () => false,
  readable: (args) => asStream(args[0]).stream === "stdin",
  writable: (args) => asStream(args[0]).stream !== "stdin",
  seekable: () => false,
  fileno: (args) => ["stdin", "stdout", "stderr"].indexOf(asStream(args[0]).stream),
  read: (args) => {
    arity("read", args.length - 1, 0, 1);
    return readStdin(asStream(args[0]), sizeArg(args[1]));
  },
  readline: (args) => {
    arity("readline", args.length - 1, 0, 1);
    const s = asStream(args[0]);
    if (s.stream !== "stdin") {
      notSupported("not readable");
    }
    return readStdinLine(sizeArg(args[1]));
  },
  readlines: (args) => {
    const s = asStream(args[0]);
    if (s.stream !== "stdin") {
      notSupported("not readable");
    }
    const lines: PyValue[] = [];
    for (let l = readStdinLine(-1); l !== ""; l = readStdinLine(-1)) {
      lines.push(l);
    }
    return new PyList(lines);
  },
  __iter__: (args) => {
    const s = asStream(args[0]);
    if (s.stream !== "stdin") {
      notSupported("not readable");
    }
    return new PyNativeIter("stdin_iterator", () => {
      const l = readStdinLine(-1);
      return l === "" ? undefined : l;
    });
  },
  __enter__: (args) => args[0],
  __exit__: () => None,
  close: () => None,
  __repr__: (args) => {
    const s = asStream(args[0]);
    return `<_io.TextIOWrapper name='<${s.stream}>' mode='${s.stream === "stdin" ? "r" : "w"}' encoding='utf-8'>`;
  },
});
defGetSet(StdStreamType, "name", (s) => `<${asStream(s).stream}>`);
defGetSet(StdStreamType, "mode", (s) => (asStream(s).stream === "stdin" ? "r" : "w"));
defGetSet(StdStreamType, "encoding", () => "utf-8");
defGetSet(StdStreamType, "errors", () => "strict");
defGetSet(StdStreamType, "closed", () => false);
defGetSet(StdStreamType, "line_buffering", (s) => asStream(s).stream !== "stdin");

// ---------------------------------------------------------------- version facts

const VERSION = "3.11.7 (main, Jan  1 2026, 00:00:00) [Interleave]";

const VersionInfoType = structSequence("sys.version_info", ["major", "minor", "micro", "releaselevel", "serial"]);

const FLAG_NAMES = [
  "debug",
  "inspect",
  "interactive",
  "optimize",
  "dont_write_bytecode",
  "no_user_site",
  "no_site",
  "ignore_environment",
  "verbose",
  "bytes_warning",
  "quiet",
  "hash_randomization",
  "isolated",
  "dev_mode",
  "utf8_mode",
  "warn_default_encoding",
  "safe_path",
  "int_max_str_digits",
];
const FLAG_VALUES: PyValue[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, false, 0, 0, false, -1];
const FlagsType = structSequence("sys.flags", FLAG_NAMES);

const FLOAT_INFO_NAMES = ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"];
const FLOAT_INFO_VALUES: PyValue[] = [
  new PyFloat(Number.MAX_VALUE),
  1024,
  308,
  new PyFloat(2.2250738585072014e-308),
  -1021,
  -307,
  15,
  53,
  new PyFloat(Number.EPSILON),
  2,
  1,
];
const FloatInfoType = structSequence("sys.float_info", FLOAT_INFO_NAMES);

// ---------------------------------------------------------------- sys.getsizeof

/** Bytes of a str's data: CPython's compact representation picks 1, 2 or 4 bytes per character. */
function strSize(s: string): number {
  let max = 0;
  let n = 0;
  for (const ch of s) {
    max = Math.max(max, ch.codePointAt(0)!);
    n++;
  }
  if (max < 0x80) {
    return 49 + n;
  }
  if (max < 0x100) {
    return 73 + n;
  }
  return max < 0x10000 ? 74 + 2 * n : 76 + 4 * n;
}

function intSize(v: number | bigint): number {
  const b = typeof v === "bigint" ? v : BigInt(v);
  const bits = (b < 0n ? -b : b).toString(2).length;
  return 24 + 4 * Math.max(1, Math.ceil(bits / 30));
}

/** Set table size after adding n items one by one (Objects/setobject.c set_add_entry's growth). */
function setTable(n: number): number {
  let size = 8;
  for (let fill = 1; fill <= n; fill++) {
    if (fill * 5 >= (size - 1) * 3) {
      const minused = fill > 50000 ? fill * 2 : fill * 4;
      size = 8;
      while (size <= minused) {
        size <<= 1;
      }
    }
  }
  return size;
}

/** A dict of n items as built by a display or comprehension: keys table size and usable slots (Objects/dictobject.c). */
function dictSize(d: PyDict): number {
  if (d.size === 0) {
    return 64;
  }
  let size = 8;
  while (Math.floor((size * 2) / 3) < d.size) {
    size <<= 1;
  }
  const usable = Math.floor((size * 2) / 3);
  const indexBytes = size <= 128 ? 1 : size <= 0x8000 ? 2 : 4;
  const unicodeKeys = d.keyList().every((k) => typeof k === "string");
  return 96 + size * indexBytes + usable * (unicodeKeys ? 16 : 24);
}

/**
 * sys.getsizeof for a 64-bit CPython 3.11: exact for numbers, str, bytes, tuples and sets,
 * a display-built estimate for dicts and lists (CPython's depends on how they grew).
 */
function sizeOf(v: PyValue): number {
  if (typeof v === "boolean") {
    return 28;
  }
  if (typeof v === "number" || typeof v === "bigint") {
    return intSize(v);
  }
  if (typeof v === "string") {
    return strSize(v);
  }
  const own = typeOf(v).lookup("__sizeof__");
  if (own instanceof PyFunction) {
    return Number(index(callPy(own, [v]))) + 16;
  }
  if (v === None) {
    return 16;
  }
  if (v instanceof PyFloat) {
    return 24;
  }
  if (v instanceof PyBytes) {
    return 33 + v.bytes.length;
  }
  if (v instanceof PyByteArray) {
    return 56 + (v.bytes.length ? v.bytes.length + 1 : 0);
  }
  if (v instanceof PyTuple) {
    return 40 + 8 * v.items.length;
  }
  if (v instanceof PyList) {
    return 56 + 8 * v.items.length;
  }
  if (v instanceof PyDict) {
    return dictSize(v);
  }
  if (v instanceof PyRange) {
    return 48;
  }
  if (v instanceof PyGenerator) {
    return 200;
  }
  if (v instanceof PyFunction) {
    return 152;
  }
  if (v instanceof PyType) {
    return 1072;
  }
  if (v instanceof PyModule) {
    return 72;
  }
  const t = typeOf(v);
  if (t.name === "set" || t.name === "frozenset") {
    const n = Number(index(callPy(t.lookup("__len__")!, [v])));
    const size = setTable(n);
    return 216 + (size > 8 ? size * 16 : 0);
  }
  return t.heap ? 56 : 48;
}

// ---------------------------------------------------------------- the module

/** The exception being handled, as exc_info()'s triple. */
function excInfo(): PyTuple {
  const e = currentHandledException();
  if (e === null) {
    return new PyTuple([None, None, None]);
  }
  return new PyTuple([e.cls, e, getAttrOpt(e, "__traceback__") ?? None]);
}

/** sys.exit(status): SystemExit carrying the status (a tuple status becomes the exception's args, as PyErr_SetObject does). */
function exit(args: PyValue[]): PyValue {
  arity("exit", args.length, 0, 1);
  const code = args[0];
  const excArgs = code === undefined || code === None ? [] : code instanceof PyTuple ? code.items : [code];
  throw newException(SystemExitType, excArgs);
}

/** The Vm's switch interval when the scheduler keeps one there. */
type SwitchIntervalHost = Vm & { switchInterval?: number };

registerModule("sys", (m) => {
  const d = m.dict!;
  const machine = vm();
  const main = machine.modules.get("__main__");
  const script = main?.dict!.getStr("__file__");
  let switchInterval = 0.005;

  const stdout = new PyStdStream("stdout");
  const stderr = new PyStdStream("stderr");
  const stdin = new PyStdStream("stdin");
  d.setStr("stdout", stdout);
  d.setStr("stderr", stderr);
  d.setStr("stdin", stdin);
  d.setStr("__stdout__", stdout);
  d.setStr("__stderr__", stderr);
  d.setStr("__stdin__", stdin);

  d.setStr("argv", new PyList([typeof script === "string" ? script : "main.py"]));
  d.setStr("orig_argv", new PyList(["/usr/bin/python3", typeof script === "string" ? script : "main.py"]));
  d.setStr("version", VERSION);
  d.setStr("version_info", structSeqValue(VersionInfoType, [3, 11, 7, "final", 0]));
  d.setStr("hexversion", 0x030b07f0);
  d.setStr("api_version", 1013);
  d.setStr("platform", "linux");
  d.setStr("byteorder", "little");
  d.setStr("maxsize", 9223372036854775807n);
  d.setStr("maxunicode", 0x10ffff);
  d.setStr("executable", "/usr/bin/python3");
  d.setStr("prefix", "/usr");
  d.setStr("base_prefix", "/usr");
  d.setStr("exec_prefix", "/usr");
  d.setStr("path", new PyList([]));
  d.setStr("copyright", "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.");
  d.setStr("flags", structSeqValue(FlagsType, FLAG_VALUES));
  d.setStr("float_info", structSeqValue(FloatInfoType, FLOAT_INFO_VALUES));
  d.setStr("dont_write_bytecode", false);
  const impl = callPy(SimpleNamespaceType, [], new Map<string, PyValue>([
    ["name", "cpython"],
    ["cache_tag", "cpython-311"],
    ["version", d.getStr("version_info")!],
    ["hexversion", 0x030b07f0],
  ]));
  d.setStr("implementation", impl);

  const def = (name: string, fn: (args: PyValue[], kwargs: Map<string, PyValue> | null) => PyValue): void => {
    d.setStr(name, builtin(name, fn));
  };
  def("exit", exit);
  def("exc_info", (args) => {
    arity("exc_info", args.length, 0);
    return excInfo();
  });
  def("exception", (args) => {
    arity("exception", args.length, 0);
    return currentHandledException() ?? None;
  });
  def("getrecursionlimit", (args) => {
    arity("getrecursionlimit", args.length, 0);
    return recursionLimit;
  });
  def("setrecursionlimit", (args) => {
    arity("setrecursionlimit", args.length, 1);
    if (typeof args[0] !== "number" && typeof args[0] !== "bigint" && typeof args[0] !== "boolean") {
      throw typeError(`'${typeName(args[0])}' object cannot be interpreted as an integer`);
    }
    const n = Number(args[0]);
    if (n < 1) {
      throw valueError("recursion limit must be greater or equal than 1");
    }
    const depth = currentTask().depth;
    if (n <= depth) {
      throw pyErr(
        RecursionErrorType,
        `cannot set the recursion limit to ${n} at the recursion depth ${depth}: the limit is too low`,
      );
    }
    setRecursionLimit(n);
    return None;
  });
  def("getswitchinterval", (args) => {
    arity("getswitchinterval", args.length, 0);
    return new PyFloat((vm() as SwitchIntervalHost).switchInterval ?? switchInterval);
  });
  def("setswitchinterval", (args) => {
    arity("setswitchinterval", args.length, 1);
    const v = args[0];
    let x: number;
    if (v instanceof PyFloat) {
      x = v.v;
    } else if (typeof v === "number" || typeof v === "boolean") {
      x = Number(v);
    } else {
      throw typeError(`must be real number, not ${typeName(v)}`);
    }
    if (!(x > 0)) {
      throw valueError("switch interval must be strictly positive");
    }
    const host = vm() as SwitchIntervalHost;
    if ("switchInterval" in host) {
      host.switchInterval = x;
    } else {
      switchInterval = x;
    }
    return None;
  });
  def("intern", (args) => {
    arity("intern", args.length, 1);
    if (typeof args[0] !== "string") {
      throw typeError(`intern() argument must be str, not ${typeName(args[0])}`);
    }
    return args[0];
  });
  def("getsizeof", (args, kwargs) => {
    const [obj] = kwParams("getsizeof", args, kwargs, ["object", "default"]);
    if (obj === undefined) {
      throw typeError("getsizeof() missing required argument 'object' (pos 1)");
    }
    return sizeOf(obj);
  });
  def("getdefaultencoding", () => "utf-8");
  def("getfilesystemencoding", () => "utf-8");
  def("get_int_max_str_digits", () => intMaxStrDigits());
  def("set_int_max_str_digits", (args, kwargs) => {
    const [maxdigits] = kwParams("set_int_max_str_digits", args, kwargs, ["maxdigits"]);
    const n = Number(index(maxdigits ?? None));
    if (n !== 0 && n < 640) {
      throw valueError("maxdigits must be 0 or larger than 640");
    }
    setIntMaxStrDigits(n);
    return None;
  });
  for (const name of ["_getframe", "settrace", "setprofile", "getrefcount", "_current_frames", "gettrace", "getprofile"]) {
    def(name, () => {
      throw new Unsupported(`sys.${name}`);
    });
  }
  def("__getattr__", (args) => {
    if (args[0] === "modules") {
      return sysModulesDict();
    }
    throw attributeError(`module 'sys' has no attribute '${str(args[0])}'`);
  });
});

/** sys.modules, read at access time (through the module's PEP 562 __getattr__): the run's imported modules. */
function sysModulesDict(): PyDict {
  const out = new PyDict();
  for (const [name, mod] of vm().modules) {
    out.setStr(name, mod);
  }
  return out;
}

