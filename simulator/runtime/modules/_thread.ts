/**
 * `_thread`: the primitives `threading` is built on (Modules/_threadmodule.c), on the
 * simulated machine: lock, RLock, starting a thread, identities, joining, and
 * `threading.local` storage. Everything else of `threading` (Condition, Semaphore, Event,
 * Barrier, Timer, Thread itself) is Python code over these (threading.ts), as in CPython.
 *
 * Locks follow CPython's semantics, including barging: release() wakes one waiter, which
 * retries when it next runs, so the releasing thread may take the lock again first.
 */
import { formatException } from "../../vm/traceback";
import { arity, builtin, defMethods, kwParams } from "../../vm/define";
import { pyErr, RuntimeErrorType, typeError, valueError, OverflowErrorType } from "../../vm/errors";
import { objectId } from "../../vm/identity";
import { registerModule } from "../../vm/modules";
import { None, PyBaseException, PyDict, PyFloat, PyFunction, PyObject, PyTuple, nativeType, ObjectType, type KwArgs, type PyType, type PyValue } from "../../vm/objects";
import { callPy, truthy, typeName } from "../../vm/protocol";
import { vm } from "../../vm/vm";
import { machine, Machine } from "../machine";
import { type SimThread } from "../task";
import { Unsupported } from "../../vm/errors";

/** threading.TIMEOUT_MAX on 64-bit Linux. */
export const TIMEOUT_MAX = 9223372036.0;

/** A timeout argument in seconds: -1 (or None) means forever. */
export function timeoutArg(v: PyValue | undefined): number {
  if (v === undefined || v === None) {
    return -1;
  }
  if (v instanceof PyFloat) {
    return v.v;
  }
  if (typeof v === "number" || typeof v === "boolean") {
    return Number(v);
  }
  if (typeof v === "bigint") {
    throw pyErr(OverflowErrorType, "timeout value is too large");
  }
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

// ---------------------------------------------------------------- lock

/** A waiter queue with barging: release wakes one waiter, which retries when it runs. */
abstract class WaitQueue extends PyObject {
  readonly waiters: SimThread[] = [];
  /** Index of the last release event (the sync edge to the next acquire). */
  lastRelease = -1;

  protected wakeOne(m: Machine): void {
    if (this.waiters.length === 0) {
      return;
    }
    const live = this.waiters.filter((w) => !w.done);
    this.waiters.length = 0;
    this.waiters.push(...live);
    if (live.length === 0) {
      return;
    }
    const id = live.length > 1 ? m.options.scheduler.pick(live.map((w) => w.id), "wake", -1) : live[0].id;
    const w = live.find((x) => x.id === id)!;
    this.waiters.splice(this.waiters.indexOf(w), 1);
    m.wakeRetry(w);
  }

  protected enqueue(m: Machine, reason: string, timeout: number, retry: () => PyValue | undefined, waitsFor: () => SimThread[]): PyValue {
    const t = m.cur!;
    this.waiters.push(t);
    const deadline = timeout < 0 ? Infinity : m.now() + timeout;
    const info = {
      reason,
      timeout: timeout < 0 ? undefined : timeout,
      onTimeout: () => false,
      cancel: () => {
        const i = this.waiters.indexOf(t);
        if (i >= 0) {
          this.waiters.splice(i, 1);
        }
      },
      waitsFor,
    };
    const again = (): PyValue => {
      const r = retry();
      if (r !== undefined) {
        return r;
      }
      // Lost the race to a barging thread: wait again for what is left of the timeout.
      const left = deadline === Infinity ? -1 : Math.max(0, deadline - m.now());
      if (left === 0) {
        return false;
      }
      this.waiters.push(t);
      t.retry = again;
      return m.block({ ...info, timeout: left < 0 ? undefined : left });
    };
    t.retry = again;
    return m.block(info);
  }
}

export class PyLock extends WaitQueue {
  locked = false;
  /** The thread that acquired it last (a plain lock has no owner in CPython; kept for the wait-for graph). */
  holder: SimThread | null = null;

  tryAcquire(m: Machine): boolean {
    if (this.locked) {
      return false;
    }
    this.locked = true;
    this.holder = m.cur;
    if (m.cur !== null) {
      m.record("lock-acquire", m.cur, { obj: objectId(this), from: this.lastRelease });
      m.syncPoint();
    }
    return true;
  }

  acquire(blocking: boolean, timeout: number): PyValue {
    const m = machine();
    if (!blocking && timeout !== -1) {
      throw valueError("can't specify a timeout for a non-blocking call");
    }
    if (timeout < 0 && timeout !== -1) {
      throw valueError("timeout value must be positive");
    }
    if (timeout > TIMEOUT_MAX) {
      throw pyErr(OverflowErrorType, "timeout value is too large");
    }
    if (this.tryAcquire(m)) {
      return true;
    }
    if (!blocking) {
      return false;
    }
    if (!m.canBlock()) {
      throw new Unsupported("waiting for a lock inside Python code run from the simulator's native code");
    }
    // A lock inside threading/queue (a Condition's waiter) is released by whoever notifies, not by its holder.
    const api = m.apiName(m.cur!);
    return this.enqueue(
      m,
      api ?? "Lock.acquire()",
      timeout,
      () => (this.tryAcquire(m) ? true : undefined),
      () => (api === undefined && this.holder !== null && !this.holder.done ? [this.holder] : []),
    );
  }

  release(): void {
    if (!this.locked) {
      throw pyErr(RuntimeErrorType, "release unlocked lock");
    }
    const m = machine();
    this.locked = false;
    this.holder = null;
    if (m.cur !== null) {
      this.lastRelease = m.record("lock-release", m.cur, { obj: objectId(this) });
    }
    this.wakeOne(m);
  }
}

export const LockType = nativeType("_thread.lock", ObjectType, (cls) => new PyLock(cls));

export class PyRLock extends WaitQueue {
  owner: SimThread | null = null;
  count = 0;

  tryAcquire(m: Machine): boolean {
    const me = m.cur;
    if (this.owner === me && me !== null) {
      this.count++;
      return true;
    }
    if (this.owner !== null && !this.owner.done) {
      return false;
    }
    this.owner = me;
    this.count = 1;
    if (me !== null) {
      m.record("lock-acquire", me, { obj: objectId(this), from: this.lastRelease });
    }
    return true;
  }

  acquire(blocking: boolean, timeout: number, count = 1): PyValue {
    const m = machine();
    if (!blocking && timeout !== -1) {
      throw valueError("can't specify a timeout for a non-blocking call");
    }
    if (timeout < 0 && timeout !== -1) {
      throw valueError("timeout value must be positive");
    }
    const take = (): boolean => {
      if (!this.tryAcquire(m)) {
        return false;
      }
      this.count += count - 1;
      return true;
    };
    if (take()) {
      return true;
    }
    if (!blocking) {
      return false;
    }
    if (!m.canBlock()) {
      throw new Unsupported("waiting for an RLock inside Python code run from the simulator's native code");
    }
    return this.enqueue(
      m,
      "RLock.acquire()",
      timeout,
      () => (take() ? true : undefined),
      () => (this.owner !== null && !this.owner.done ? [this.owner] : []),
    );
  }

  release(all: boolean): number {
    const m = machine();
    if (this.owner !== m.cur || this.count === 0) {
      throw pyErr(RuntimeErrorType, "cannot release un-acquired lock");
    }
    const n = this.count;
    this.count = all ? 0 : this.count - 1;
    if (this.count === 0) {
      this.owner = null;
      if (m.cur !== null) {
        this.lastRelease = m.record("lock-release", m.cur, { obj: objectId(this) });
      }
      this.wakeOne(m);
    }
    return n;
  }
}

export const RLockType = nativeType("_thread.RLock", ObjectType, (cls) => new PyRLock(cls));

function lockArgs(name: string, args: PyValue[], kwargs: KwArgs | null): [boolean, number] {
  const [b, t] = kwParams(name, args.slice(1), kwargs, ["blocking", "timeout"]);
  return [b === undefined ? true : truthy(b), timeoutArg(t)];
}

defMethods(LockType, {
  acquire: (args, kwargs) => {
    const [b, t] = lockArgs("acquire", args, kwargs);
    return (args[0] as PyLock).acquire(b, t);
  },
  acquire_lock: (args, kwargs) => {
    const [b, t] = lockArgs("acquire_lock", args, kwargs);
    return (args[0] as PyLock).acquire(b, t);
  },
  __enter__: (args) => (args[0] as PyLock).acquire(true, -1),
  release: (args) => {
    arity("release", args.length - 1, 0);
    (args[0] as PyLock).release();
    return None;
  },
  release_lock: (args) => {
    (args[0] as PyLock).release();
    return None;
  },
  __exit__: (args) => {
    (args[0] as PyLock).release();
    return None;
  },
  locked: (args) => (args[0] as PyLock).locked,
  locked_lock: (args) => (args[0] as PyLock).locked,
  _at_fork_reinit: (args) => {
    const l = args[0] as PyLock;
    l.locked = false;
    l.holder = null;
    l.waiters.length = 0;
    return None;
  },
  __repr__: (args) => {
    const l = args[0] as PyLock;
    return `<${l.locked ? "locked" : "unlocked"} ${l.cls.name} object at 0x${objectId(l).toString(16)}>`;
  },
});

defMethods(RLockType, {
  __new__: (args) => new PyRLock(args[0] as PyType),
  __init__: () => None,
  acquire: (args, kwargs) => {
    const [b, t] = lockArgs("acquire", args, kwargs);
    return (args[0] as PyRLock).acquire(b, t);
  },
  __enter__: (args) => (args[0] as PyRLock).acquire(true, -1),
  release: (args) => {
    (args[0] as PyRLock).release(false);
    return None;
  },
  __exit__: (args) => {
    (args[0] as PyRLock).release(false);
    return None;
  },
  _is_owned: (args) => {
    const r = args[0] as PyRLock;
    return r.owner !== null && r.owner === machine().cur;
  },
  _release_save: (args) => {
    const r = args[0] as PyRLock;
    if (r.count === 0) {
      throw pyErr(RuntimeErrorType, "cannot release un-acquired lock");
    }
    const owner = r.owner;
    const n = r.release(true);
    return new PyTuple([n, owner?.ident ?? 0]);
  },
  _acquire_restore: (args) => {
    const r = args[0] as PyRLock;
    const state = args[1] as PyTuple;
    const n = state.items[0] as number;
    return r.acquire(true, -1, n);
  },
  _recursion_count: (args) => {
    const r = args[0] as PyRLock;
    return r.owner === machine().cur ? r.count : 0;
  },
  _at_fork_reinit: (args) => {
    const r = args[0] as PyRLock;
    r.owner = null;
    r.count = 0;
    r.waiters.length = 0;
    return None;
  },
  __repr__: (args) => {
    const r = args[0] as PyRLock;
    const kind = r.owner !== null ? "locked" : "unlocked";
    return `<${kind} ${r.cls.name} object owner=${r.owner?.ident ?? 0} count=${r.count} at 0x${objectId(r).toString(16)}>`;
  },
});

// ---------------------------------------------------------------- threading.local

/** threading.local: one attribute dict per thread (the instance's `dict` reads through to the current thread's). */
export class PyLocal extends PyObject {
  readonly dicts = new Map<number, PyDict>();
  initArgs: PyValue[] = [];
  initKwargs: KwArgs | null = null;

  constructor(cls: PyType) {
    super(cls);
    Object.defineProperty(this, "dict", {
      get: (): PyDict => this.current(),
      set: () => {},
      configurable: true,
    });
  }

  private current(): PyDict {
    const me = machine().cur?.id ?? 0;
    let d = this.dicts.get(me);
    if (d === undefined) {
      d = new PyDict();
      this.dicts.set(me, d);
      if (this.dicts.size > 1) {
        const init = this.cls.lookup("__init__");
        if (init instanceof PyFunction) {
          callPy(init, [this, ...this.initArgs], this.initKwargs);
        }
      }
    }
    return d;
  }
}

export const LocalType = nativeType("_thread._local", ObjectType, (cls) => new PyLocal(cls));
LocalType.instanceDict = true;
defMethods(LocalType, {
  __new__: (args, kwargs) => {
    const cls = args[0] as PyType;
    if ((args.length > 1 || (kwargs !== null && kwargs.size > 0)) && cls.lookup("__init__") === ObjectType.lookup("__init__")) {
      throw typeError("Initialization arguments are not supported");
    }
    const o = new PyLocal(cls);
    o.initArgs = args.slice(1);
    o.initKwargs = kwargs;
    return o;
  },
  __init__: () => None,
});

// ---------------------------------------------------------------- threads

/** The thread-exception report of threading.excepthook (CPython 3.11.7's threading.py line numbers). */
function reportThreadException(name: string, exc: PyBaseException, defaultRun: boolean): void {
  const v = vm();
  const filtered = exc.traceback.filter((e) => e.code.filename !== THREADING_FILE);
  const saved = exc.traceback;
  exc.traceback = filtered;
  let text: string;
  try {
    text = formatException(exc, (f) => v.sources.get(f), v.builtins.keyList().map(String));
  } finally {
    exc.traceback = saved;
  }
  const head = "Traceback (most recent call last):\n";
  let stdlib = `  File "<stdlib>/threading.py", line 1045, in _bootstrap_inner\n    self.run()\n`;
  if (defaultRun) {
    stdlib += `  File "<stdlib>/threading.py", line 982, in run\n    self._target(*self._args, **self._kwargs)\n`;
  }
  if (text.startsWith(head)) {
    text = head + stdlib + text.slice(head.length);
  } else {
    text = head + stdlib + text;
  }
  v.write("stderr", `Exception in thread ${name}:\n${text}`);
}

export const THREADING_FILE = "<stdlib>/threading.py";

/** The SimThread with a given ident in the current process. */
function threadByIdent(ident: PyValue): SimThread | undefined {
  const m = machine();
  const t = typeof ident === "number" ? m.byIdent.get(ident) : undefined;
  return t !== undefined && t.proc === m.proc() ? t : undefined;
}

registerModule("_thread", (mod) => {
  const d = mod.dict!;
  const def = (name: string, fn: (args: PyValue[], kwargs: KwArgs | null) => PyValue): void => {
    d.setStr(name, builtin(name, fn));
  };
  d.setStr("LockType", LockType);
  d.setStr("lock", LockType);
  d.setStr("RLock", RLockType);
  d.setStr("_local", LocalType);
  d.setStr("TIMEOUT_MAX", new PyFloat(TIMEOUT_MAX));
  d.setStr("error", RuntimeErrorType);
  def("allocate_lock", (args) => {
    arity("allocate_lock", args.length, 0);
    return new PyLock(LockType);
  });
  def("get_ident", (args) => {
    arity("get_ident", args.length, 0);
    return machine().cur?.ident ?? 0;
  });
  def("get_native_id", (args) => {
    arity("get_native_id", args.length, 0);
    return machine().cur?.nativeId ?? 0;
  });
  def("_count", () => machine().proc().threads.filter((t) => t.kind === "thread" && !t.done).length);
  // _start(bootstrap, name, daemon) -> (ident, native_id): a new thread whose root calls bootstrap().
  def("_start", (args) => {
    arity("_start", args.length, 3);
    const [fn, name, daemon] = args;
    const m = machine();
    const t = m.newThread(m.proc(), String(name), "thread", truthy(daemon));
    m.start(t, Machine.callFrame(fn, []));
    return new PyTuple([t.ident, t.nativeId]);
  });
  def("_rename", (args) => {
    const t = threadByIdent(args[0]);
    if (t !== undefined) {
      t.name = String(args[1]);
    }
    return None;
  });
  // _join(ident, timeout) -> None: waits for the thread to end (or the timeout).
  def("_join", (args) => {
    arity("_join", args.length, 2);
    const m = machine();
    const t = threadByIdent(args[0]);
    const timeout = timeoutArg(args[1]);
    const me = m.cur!;
    if (t === undefined || t.done) {
      if (t !== undefined) {
        m.record("join", me, { detail: t.name, from: t.endEvent, target: t.id });
      }
      return None;
    }
    if (timeout === 0) {
      return None;
    }
    if (!m.canBlock()) {
      throw new Unsupported("Thread.join() inside Python code run from the simulator's native code");
    }
    const onEnd = (ended: SimThread): void => {
      m.record("join", me, { detail: ended.name, from: ended.endEvent, target: ended.id }, ended.endTime ?? undefined);
      m.wake(me, None, ended.endTime ?? undefined);
    };
    t.joiners.push(onEnd);
    return m.block({
      reason: `Thread.join() on ${t.name}`,
      timeout: timeout < 0 ? undefined : timeout,
      onTimeout: () => None,
      cancel: () => {
        const i = t.joiners.indexOf(onEnd);
        if (i >= 0) {
          t.joiners.splice(i, 1);
        }
      },
      waitsFor: () => [t],
    });
  });
  def("_is_alive", (args) => {
    const t = threadByIdent(args[0]);
    return t !== undefined && !t.done;
  });
  def("_report_exception", (args) => {
    arity("_report_exception", args.length, 3);
    const [name, exc, defaultRun] = args;
    if (exc instanceof PyBaseException) {
      reportThreadException(String(name), exc, truthy(defaultRun));
    }
    return None;
  });
  def("_main_ident", () => machine().proc().main.ident);
  def("_main_native_id", () => machine().proc().main.nativeId);
  def("_is_main_thread", () => {
    const m = machine();
    return m.cur === m.proc().main;
  });
  // A DeprecationWarning as the default filters show it: once per location, for code in __main__.
  def("_deprecated", (args) => {
    const m = machine();
    const t = m.cur;
    const span = t !== null ? m.spanOf(t) : undefined;
    if (span === undefined) {
      return None;
    }
    const key = `${m.options.filename}:${span.line}:${String(args[0])}`;
    if (m.warned.has(key)) {
      return None;
    }
    m.warned.add(key);
    const line = vm().sources.get(m.options.filename)?.[span.line - 1]?.trim() ?? "";
    vm().write("stderr", `${m.options.filename}:${span.line}: DeprecationWarning: ${String(args[0])}\n  ${line}\n`);
    return None;
  });
  def("stack_size", () => 0);
  def("start_new_thread", () => {
    throw new Unsupported("_thread.start_new_thread (use threading.Thread)");
  });
});
