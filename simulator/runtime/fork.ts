/**
 * fork(): the child gets a copy of the parent's whole heap — every module of sys.modules,
 * the builtins, and everything reachable from them — so later changes on either side are
 * not seen by the other, exactly as with copy-on-write pages. The copy is a structural
 * clone of the JS objects behind the Python values. What is not part of a process's heap
 * is kept as is: builtin types, code objects, native functions, multiprocessing's shared
 * objects (transfer.ts), and the machine's own records (threads, processes).
 */
import { Frame } from "../vm/frame";
import { PyBuiltin, PyCode, PyModule, PyObject, PyType, type PyDict } from "../vm/objects";
import { isShared } from "./transfer";
import { Unsupported } from "../vm/errors";
import { callPy } from "../vm/protocol";
import { vm } from "../vm/vm";
import { Machine, machine } from "./machine";
import { SimProcess, SimThread } from "./task";
import { PyLock, PyRLock, PyLocal } from "./modules/_thread";

/** Copies a process's heap, and `roots` (objects the child needs that the modules may not reach). */
export function cloneHeap(
  modules: Map<string, PyModule>,
  builtins: PyDict,
  roots: unknown[],
): { modules: Map<string, PyModule>; builtins: PyDict; roots: unknown[] } {
  const memo = new Map<object, unknown>();
  const keep = (o: object): boolean =>
    isShared(o) ||
    (o instanceof PyType && !o.heap) ||
    o instanceof PyCode ||
    (o instanceof PyBuiltin && o.self === undefined) ||
    o instanceof SimThread ||
    o instanceof SimProcess ||
    o instanceof Machine ||
    o instanceof PyLocal ||
    // Sentinels (None, NotImplemented, Ellipsis, native markers) are compared by identity.
    (o.constructor === PyObject && !(o as PyObject).cls.heap && (o as PyObject).dict === null) ||
    (o as { kind?: unknown }).kind === "code";
  const clone = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) {
      return v;
    }
    const done = memo.get(v);
    if (done !== undefined) {
      return done;
    }
    if (keep(v)) {
      return v;
    }
    if (Array.isArray(v)) {
      const a: unknown[] = [];
      memo.set(v, a);
      for (let i = 0; i < v.length; i++) {
        a[i] = clone(v[i]);
      }
      return a;
    }
    if (ArrayBuffer.isView(v)) {
      const c = (v as unknown as { slice: () => unknown }).slice();
      memo.set(v, c);
      return c;
    }
    if (v instanceof Map) {
      const m = new Map();
      memo.set(v, m);
      for (const [k, x] of v) {
        m.set(clone(k), clone(x));
      }
      return m;
    }
    if (v instanceof Set) {
      const s = new Set();
      memo.set(v, s);
      for (const x of v) {
        s.add(clone(x));
      }
      return s;
    }
    if (v instanceof WeakMap || v instanceof WeakSet || typeof (v as { then?: unknown }).then === "function") {
      return v;
    }
    const c = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
    memo.set(v, c);
    for (const k of Object.keys(v)) {
      c[k] = clone((v as Record<string, unknown>)[k]);
    }
    // A lock copied by fork keeps its state, but the parent's waiting threads do not exist in the child.
    if (v instanceof PyLock || v instanceof PyRLock) {
      (c as unknown as PyLock).waiters.length = 0;
    }
    if (v instanceof Frame) {
      (c as unknown as Frame).nested = (v as Frame).nested;
    }
    return c;
  };
  const out = new Map<string, PyModule>();
  for (const [name, m] of modules) {
    out.set(name, clone(m) as PyModule);
  }
  const b = clone(builtins) as PyDict;
  // Objects reachable only from the forking thread's frames (a Process in a local variable).
  return { modules: out, builtins: b, roots: roots.map(clone) };
}

/** Reseeds a forked child's `random` (CPython registers random's reseed with os.register_at_fork). */
export function reseedRandom(modules: Map<string, PyModule>, seed: number): void {
  const reseed = modules.get("random")?.dict!.getStr("seed");
  if (reseed !== undefined) {
    callPy(reseed, [seed]);
  }
}

/**
 * os.fork(): the child process gets a copy of the heap and of the forking thread's frames,
 * and continues from the same call with 0 as its result; the parent gets the child's pid.
 * Only the forking thread exists in the child, as on POSIX.
 */
export function forkProcess(): number {
  const m = machine();
  const t = m.cur!;
  if (!m.canBlock() || t.task.frame === null) {
    throw new Unsupported("os.fork() inside Python code run from the simulator's native code");
  }
  const parent = m.proc();
  const heap = cloneHeap(parent.modules, vm().builtins, [t.task.frame]);
  const top = heap.roots[0] as Frame;
  const child = m.newProcess(parent, `Fork-${m.processes.length}`, () => null);
  child.modules = heap.modules;
  child.builtins = heap.builtins;
  child.main.init = null;
  child.main.task.frame = top;
  let bottom = top;
  while (bottom.back !== null) {
    bottom = bottom.back;
  }
  child.main.rootFrame = bottom;
  child.main.task.depth = t.task.depth;
  child.main.startupCost = 0.001;
  top.stack.push(0);
  reseedRandom(child.modules, m.vm.seed * 1000003 + child.pid);
  m.record("process-start", t, { detail: `os.fork() (pid ${child.pid})`, target: child.main.id });
  m.start(child.main, null);
  return child.pid;
}
