/**
 * The `os` and `os.path` modules for a simulated Linux machine. Facts about the process
 * and the machine are simulated and deterministic (pid, cpu count, environment, cwd,
 * urandom); path manipulation is CPython's Lib/posixpath.py; queries of the file system see
 * the run's in-memory files (files.ts) and a few standard directories. Everything that
 * would act on the real system (processes, signals, the file system) stops the run as
 * unsupported until it is simulated.
 */
import { arity, builtin, defMethods, kwParams } from "../../vm/define";
import { FileNotFoundErrorType, newException, OSErrorType, typeError, Unsupported, valueError } from "../../vm/errors";
import { forkProcess } from "../fork";
import { registerModule } from "../../vm/modules";
import {
  DictType,
  nativeType,
  None,
  PyBytes,
  PyDict,
  PyList,
  PyTuple,
  type KwArgs,
  type PyValue,
} from "../../vm/objects";
import { callPy, iter, next, repr, typeName } from "../../vm/protocol";
import { dictCopy } from "../../vm/types/dict";
import { vm, type Vm } from "../../vm/vm";
import { structSeqValue, structSequence } from "./collections";

const HOME = "/home/user";
const CWD = HOME;

/** Directories the simulated machine has, besides those holding the run's files. */
const STANDARD_DIRS = new Set(["/", "/home", HOME, "/tmp", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/local/bin", "/bin", "/etc", "/dev"]);

const ENVIRONMENT: [string, string][] = [
  ["PATH", "/usr/local/bin:/usr/bin:/bin"],
  ["HOME", HOME],
  ["USER", "user"],
  ["LOGNAME", "user"],
  ["SHELL", "/bin/bash"],
  ["PWD", CWD],
  ["LANG", "C.UTF-8"],
];

/** The Vm's process facts when the process simulation provides them. */
type ProcessHost = Vm & { pid?: number; ppid?: number; cores?: number };

/** A path argument: str only (os.fspath without bytes paths). */
function fspath(v: PyValue | undefined, fn: string): string {
  if (typeof v === "string") {
    return v;
  }
  if (v !== undefined && v !== None && typeof v === "object" && v.cls.lookup("__fspath__") !== undefined) {
    const r = callPy(v.cls.lookup("__fspath__")!, [v]);
    if (typeof r === "string") {
      return r;
    }
  }
  if (v instanceof PyBytes) {
    throw new Unsupported(`bytes paths in ${fn}`);
  }
  throw typeError(`expected str, bytes or os.PathLike object, not ${typeName(v ?? None)}`);
}

// ---------------------------------------------------------------- os.path (Lib/posixpath.py)

export function join(a: string, ...rest: string[]): string {
  let path = a;
  for (const b of rest) {
    if (b.startsWith("/")) {
      path = b;
    } else if (!path || path.endsWith("/")) {
      path += b;
    } else {
      path += "/" + b;
    }
  }
  return path;
}

/** split's head: everything up to the last slash, trailing slashes removed unless it is all slashes. */
function head(p: string): string {
  const h = p.slice(0, p.lastIndexOf("/") + 1);
  return h && !/^\/+$/.test(h) ? h.replace(/\/+$/, "") : h;
}

const basename = (p: string): string => p.slice(p.lastIndexOf("/") + 1);

/** genericpath._splitext: the extension starts at the last dot after the last slash, leading dots excluded. */
function splitext(p: string): [string, string] {
  const sepIndex = p.lastIndexOf("/");
  const dotIndex = p.lastIndexOf(".");
  if (dotIndex > sepIndex) {
    for (let i = sepIndex + 1; i < dotIndex; i++) {
      if (p[i] !== ".") {
        return [p.slice(0, dotIndex), p.slice(dotIndex)];
      }
    }
  }
  return [p, ""];
}

export function normpath(path: string): string {
  if (!path) {
    return ".";
  }
  let initialSlashes = path.startsWith("/") ? 1 : 0;
  if (initialSlashes && path.startsWith("//") && !path.startsWith("///")) {
    initialSlashes = 2;
  }
  const comps: string[] = [];
  for (const comp of path.split("/")) {
    if (comp === "" || comp === ".") {
      continue;
    }
    if (comp !== ".." || (!initialSlashes && !comps.length) || (comps.length && comps[comps.length - 1] === "..")) {
      comps.push(comp);
    } else if (comps.length) {
      comps.pop();
    }
  }
  return "/".repeat(initialSlashes) + comps.join("/") || ".";
}

export const abspath = (p: string): string => normpath(p.startsWith("/") ? p : join(CWD, p));

function expanduser(p: string): string {
  if (!p.startsWith("~")) {
    return p;
  }
  let i = p.indexOf("/", 1);
  if (i < 0) {
    i = p.length;
  }
  const home = i === 1 ? HOME : `/home/${p.slice(1, i)}`;
  return home.replace(/\/+$/, "") + p.slice(i) || "/";
}

function relpath(path: string, start: string): string {
  if (!path) {
    throw valueError("no path specified");
  }
  const startList = abspath(start).split("/").filter((x) => x);
  const pathList = abspath(path).split("/").filter((x) => x);
  let i = 0;
  while (i < startList.length && i < pathList.length && startList[i] === pathList[i]) {
    i++;
  }
  const rel = [...Array(startList.length - i).fill(".."), ...pathList.slice(i)];
  return rel.length ? join(rel[0], ...rel.slice(1)) : ".";
}

/** The run's files by absolute path. */
function fileTexts(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, text] of vm().files) {
    out.set(abspath(p), text);
  }
  return out;
}

const isFile = (p: string): boolean => fileTexts().has(abspath(p));

function isDir(p: string): boolean {
  const a = abspath(p);
  if (STANDARD_DIRS.has(a)) {
    return true;
  }
  const prefix = a === "/" ? "/" : a + "/";
  return [...fileTexts().keys()].some((f) => f.startsWith(prefix));
}

function fileNotFound(p: string): never {
  throw newException(FileNotFoundErrorType, [2, "No such file or directory", p]);
}

function commonprefix(paths: string[]): string {
  if (!paths.length) {
    return "";
  }
  let s1 = paths[0];
  let s2 = paths[0];
  for (const p of paths) {
    if (p < s1) {
      s1 = p;
    }
    if (p > s2) {
      s2 = p;
    }
  }
  let i = 0;
  while (i < s1.length && s1[i] === s2[i]) {
    i++;
  }
  return s1.slice(0, i);
}

function strArgs(fn: string, args: PyValue[]): string[] {
  return args.map((a) => fspath(a, fn));
}

const str1 = (fn: string, f: (p: string) => PyValue) => (args: PyValue[]): PyValue => {
  arity(fn, args.length, 1);
  return f(fspath(args[0], fn));
};

registerModule("os.path", (m) => {
  const d = m.dict!;
  const def = (name: string, fn: (args: PyValue[], kwargs: KwArgs | null) => PyValue): void => {
    d.setStr(name, builtin(name, fn));
  };
  def("join", (args) => {
    if (!args.length) {
      throw typeError("join() missing 1 required positional argument: 'a'");
    }
    const [a, ...rest] = strArgs("join", args);
    return join(a, ...rest);
  });
  def("split", str1("split", (p) => new PyTuple([head(p), basename(p)])));
  def("basename", str1("basename", basename));
  def("dirname", str1("dirname", head));
  def("splitext", str1("splitext", (p) => new PyTuple(splitext(p))));
  def("splitdrive", str1("splitdrive", (p) => new PyTuple(["", p])));
  def("isabs", str1("isabs", (p) => p.startsWith("/")));
  def("normpath", str1("normpath", normpath));
  def("normcase", str1("normcase", (p) => p));
  def("abspath", str1("abspath", abspath));
  def("realpath", str1("realpath", abspath));
  def("expanduser", str1("expanduser", expanduser));
  def("expandvars", str1("expandvars", (p) =>
    p.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, a: string | undefined, b: string | undefined) => {
      const v = ENVIRONMENT.find(([k]) => k === (a ?? b));
      return v === undefined ? whole : v[1];
    }),
  ));
  def("exists", str1("exists", (p) => isFile(p) || isDir(p)));
  def("lexists", str1("lexists", (p) => isFile(p) || isDir(p)));
  def("isfile", str1("isfile", isFile));
  def("isdir", str1("isdir", isDir));
  def("islink", str1("islink", () => false));
  def("ismount", str1("ismount", (p) => abspath(p) === "/"));
  def("getsize", str1("getsize", (p) => {
    const text = fileTexts().get(abspath(p));
    if (text === undefined) {
      fileNotFound(p);
    }
    return new TextEncoder().encode(text).length;
  }));
  def("relpath", (args, kwargs) => {
    const [path, start] = kwParams("relpath", args, kwargs, ["path", "start"]);
    return relpath(fspath(path, "relpath"), start === undefined || start === None ? CWD : fspath(start, "relpath"));
  });
  def("commonprefix", (args) => {
    arity("commonprefix", args.length, 1);
    const items: string[] = [];
    const it = iter(args[0]);
    for (let x = next(it); x !== undefined; x = next(it)) {
      items.push(fspath(x, "commonprefix"));
    }
    return commonprefix(items);
  });
  def("commonpath", (args) => {
    arity("commonpath", args.length, 1);
    const items: string[] = [];
    const it = iter(args[0]);
    for (let x = next(it); x !== undefined; x = next(it)) {
      items.push(fspath(x, "commonpath"));
    }
    if (!items.length) {
      throw valueError("commonpath() arg is an empty sequence");
    }
    const abs = items.map((p) => p.startsWith("/"));
    if (abs.some((a) => a !== abs[0])) {
      throw valueError("Can't mix absolute and relative paths");
    }
    const split = items.map((p) => p.split("/").filter((c) => c && c !== "."));
    let common = split[0];
    for (const s of split) {
      let i = 0;
      while (i < common.length && i < s.length && common[i] === s[i]) {
        i++;
      }
      common = common.slice(0, i);
    }
    return (abs[0] ? "/" : "") + common.join("/");
  });
  d.setStr("sep", "/");
  d.setStr("altsep", None);
  d.setStr("extsep", ".");
  d.setStr("pathsep", ":");
  d.setStr("curdir", ".");
  d.setStr("pardir", "..");
  d.setStr("devnull", "/dev/null");
  d.setStr("supports_unicode_filenames", false);
});

// ---------------------------------------------------------------- os.environ

/** os._Environ: a dict of str to str, repr `environ({...})`. Heap for protocol.ts's dict fast paths (see collections.ts). */
export const EnvironType = nativeType("_Environ", DictType, (cls) => new PyDict(cls));
EnvironType.module = "os";
EnvironType.heap = true;

const envStr = (v: PyValue): string => {
  if (typeof v !== "string") {
    throw typeError(`str expected, not ${typeName(v)}`);
  }
  return v;
};

defMethods(EnvironType, {
  __setitem__: (args) => {
    arity("__setitem__", args.length - 1, 2);
    (args[0] as PyDict).set(envStr(args[1]), envStr(args[2]));
    return None;
  },
  __repr__: (args) => `environ(${repr(dictCopy(args[0] as PyDict))})`,
  copy: (args) => dictCopy(args[0] as PyDict),
});

// ---------------------------------------------------------------- os

const UnameResultType = structSequence("posix.uname_result", ["sysname", "nodename", "release", "version", "machine"]);
const TerminalSizeType = structSequence("os.terminal_size", ["columns", "lines"]);

/** Functions acting on the real system: the run stops as unsupported (DESIGN.md §1). */
const UNSUPPORTED = [
  "system", "popen", "fork", "forkpty", "execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe",
  "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe", "posix_spawn", "posix_spawnp",
  "kill", "killpg", "wait", "waitpid", "wait3", "wait4", "waitstatus_to_exitcode", "pipe", "pipe2", "read", "write",
  "open", "close", "closerange", "dup", "dup2", "lseek", "fsync", "remove", "unlink", "rmdir", "removedirs", "mkdir",
  "makedirs", "rename", "renames", "replace", "listdir", "scandir", "walk", "fwalk", "stat", "lstat", "fstat", "chdir",
  "fchdir", "chmod", "chown", "lchown", "link", "symlink", "readlink", "truncate", "ftruncate", "utime", "_exit",
  "abort", "nice", "setsid", "setpgrp", "getpgid", "setpgid", "setuid", "setgid", "mkfifo", "mknod", "startfile",
  "register_at_fork", "sendfile", "statvfs", "chroot", "sync", "getloadavg", "times",
];

/** os.urandom's source: SplitMix32 over the run's seed, so a run's "random" bytes repeat with its seed. */
function byteSource(seed: number): (n: number) => Uint8Array {
  let state = (seed ^ 0x9e3779b9) >>> 0;
  const next32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const w = next32();
      for (let j = 0; j < 4 && i + j < n; j++) {
        out[i + j] = (w >>> (8 * j)) & 0xff;
      }
    }
    return out;
  };
}

registerModule("os", (m) => {
  const d = m.dict!;
  const machine = vm() as ProcessHost;
  const urandom = byteSource(machine.seed);
  const def = (name: string, fn: (args: PyValue[], kwargs: KwArgs | null) => PyValue): void => {
    d.setStr(name, builtin(name, fn));
  };
  const environ = new PyDict(EnvironType);
  for (const [k, v] of ENVIRONMENT) {
    environ.setStr(k, v);
  }
  d.setStr("environ", environ);
  d.setStr("name", "posix");
  d.setStr("sep", "/");
  d.setStr("altsep", None);
  d.setStr("extsep", ".");
  d.setStr("pathsep", ":");
  d.setStr("linesep", "\n");
  d.setStr("curdir", ".");
  d.setStr("pardir", "..");
  d.setStr("devnull", "/dev/null");
  d.setStr("defpath", "/bin:/usr/bin");
  d.setStr("error", OSErrorType);
  for (const [k, v] of [["SEEK_SET", 0], ["SEEK_CUR", 1], ["SEEK_END", 2], ["F_OK", 0], ["R_OK", 4], ["W_OK", 2], ["X_OK", 1]] as const) {
    d.setStr(k, v);
  }
  d.setStr("path", vm().importModule("os.path"));

  const noArgs = (name: string, f: () => PyValue) => (args: PyValue[]): PyValue => {
    arity(name, args.length, 0);
    return f();
  };
  def("getpid", noArgs("getpid", () => (vm() as ProcessHost).pid ?? 4001));
  def("getppid", noArgs("getppid", () => (vm() as ProcessHost).ppid ?? 4000));
  def("cpu_count", noArgs("cpu_count", () => (vm() as ProcessHost).cores ?? 4));
  def("sched_getaffinity", (args) => {
    arity("sched_getaffinity", args.length, 1);
    const cores = (vm() as ProcessHost).cores ?? 4;
    return callPy(vm().builtins.getStr("set")!, [new PyList([...Array(cores).keys()])]);
  });
  def("getcwd", noArgs("getcwd", () => CWD));
  def("getcwdb", noArgs("getcwdb", () => new PyBytes(new TextEncoder().encode(CWD))));
  for (const name of ["getuid", "geteuid", "getgid", "getegid"]) {
    def(name, noArgs(name, () => 1000));
  }
  def("getlogin", noArgs("getlogin", () => "user"));
  def("uname", noArgs("uname", () => structSeqValue(UnameResultType, ["Linux", "interleave", "6.1.0", "#1 SMP PREEMPT_DYNAMIC", "x86_64"])));
  def("get_terminal_size", () => structSeqValue(TerminalSizeType, [80, 24]));
  def("getenv", (args, kwargs) => {
    const [key, dflt] = kwParams("getenv", args, kwargs, ["key", "default"]);
    if (key === undefined) {
      throw typeError("getenv() missing 1 required positional argument: 'key'");
    }
    return environ.get(envStr(key)) ?? dflt ?? None;
  });
  def("putenv", (args) => {
    arity("putenv", args.length, 2);
    envStr(args[0]);
    envStr(args[1]);
    return None;
  });
  def("unsetenv", (args) => {
    arity("unsetenv", args.length, 1);
    envStr(args[0]);
    return None;
  });
  def("fspath", (args) => {
    arity("fspath", args.length, 1);
    return fspath(args[0], "fspath");
  });
  def("fsencode", (args) => new PyBytes(new TextEncoder().encode(fspath(args[0], "fsencode"))));
  def("fsdecode", (args) => (args[0] instanceof PyBytes ? new TextDecoder().decode(args[0].bytes) : fspath(args[0], "fsdecode")));
  def("access", (args, kwargs) => {
    const [path] = kwParams("access", args, kwargs, ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"]);
    const p = fspath(path, "access");
    return isFile(p) || isDir(p);
  });
  def("urandom", (args) => {
    arity("urandom", args.length, 1);
    const n = args[0];
    if (typeof n !== "number" && typeof n !== "boolean") {
      throw typeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
    }
    if (Number(n) < 0) {
      throw valueError("negative argument not allowed");
    }
    return new PyBytes(urandom(Number(n)));
  });
  def("strerror", (args) => {
    arity("strerror", args.length, 1);
    const messages: Record<number, string> = { 1: "Operation not permitted", 2: "No such file or directory", 13: "Permission denied", 17: "File exists" };
    return messages[Number(args[0])] ?? `Unknown error ${String(args[0])}`;
  });
  for (const name of UNSUPPORTED) {
    def(name, () => {
      throw new Unsupported(`os.${name}`);
    });
  }
  // os.fork() on the simulated machine (runtime/fork.ts): 0 in the child, the child's pid in the parent.
  def("fork", (args) => {
    arity("fork", args.length, 0);
    return forkProcess();
  });
});
