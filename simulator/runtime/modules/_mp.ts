/**
 * `_mp`: the process-level primitives of the simulated `multiprocessing` (its Python half is
 * multiprocessing.ts): starting a process by spawn or fork, joining and terminating it, and
 * the objects processes share — Queue (a 64 KiB pipe fed by a per-process feeder buffer, as
 * CPython's feeder thread does), Pipe connections (64 KiB per direction: a sender blocks when
 * the reader lags), semaphore-based Lock/RLock/Semaphore/BoundedSemaphore, Event, and
 * Value/Array in shared memory. Shared objects are the same JS object in every process
 * (transfer.ts `markShared`); values crossing between processes are pickled.
 */
import { Access, accessHook } from "../../vm/access";
import { currentTask } from "../../vm/interp";
import { arity, builtin, defGetSet, defMethods, kwParams } from "../../vm/define";
import {
  EOFErrorType,
  OSErrorType,
  pyErr,
  typeError,
  Unsupported,
  valueError,
  AssertionErrorType,
  IndexErrorType,
  newException,
} from "../../vm/errors";
import { objectId } from "../../vm/identity";
import { registerModule } from "../../vm/modules";
import { None, ObjectType, PyBaseException, PyFloat, PyList, PyObject, PyTuple, nativeType, type KwArgs, type PyType, type PyValue } from "../../vm/objects";
import { callPy, getAttr, truthy, typeName } from "../../vm/protocol";
import { formatException, formatExceptionOnly } from "../../vm/traceback";
import { vm } from "../../vm/vm";
import { cloneHeap, reseedRandom } from "../fork";
import { machine, Machine } from "../machine";
import { type SimProcess, type SimThread } from "../task";
import { markShared, pickle, unpickle, type Pickled } from "../transfer";
import { timeoutArg } from "./_thread";

/** Bytes a pipe holds before a writer blocks (Linux's default pipe capacity). */
export const PIPE_CAPACITY = 65536;

/** The frames CPython's spawn_main shows when a child cannot unpickle what the parent sent (3.11.7). */
const SPAWN_MAIN_TRACEBACK =
  "Traceback (most recent call last):\n" +
  '  File "<string>", line 1, in <module>\n' +
  '  File "<stdlib>/multiprocessing/spawn.py", line 122, in spawn_main\n' +
  "    exitcode = _main(fd, parent_sentinel)\n" +
  "               ^^^^^^^^^^^^^^^^^^^^^^^^^^\n" +
  '  File "<stdlib>/multiprocessing/spawn.py", line 132, in _main\n' +
  "    self = reduction.pickle.load(from_parent)\n" +
  "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n";

/** CPU time a spawned child spends starting an interpreter and importing the main module (measured: ~50 ms on CPython 3.11). */
const SPAWN_STARTUP_S = 0.05;
/** CPU time fork() and the child's bootstrap take. */
const FORK_STARTUP_S = 0.002;

/** A timeout argument where None means "forever" (-1 here). */
const tmo = (v: PyValue | undefined): number => timeoutArg(v);

/** A FIFO of threads waiting on a shared object; woken ones retry their call (barging, as with OS semaphores). */
class Waiters {
  readonly list: SimThread[] = [];
  wakeAll(m: Machine): void {
    for (const w of this.list.splice(0)) {
      if (!w.done) {
        m.wakeRetry(w);
      }
    }
  }
  wakeOne(m: Machine): void {
    const live = this.list.filter((w) => !w.done);
    this.list.length = 0;
    this.list.push(...live);
    if (live.length === 0) {
      return;
    }
    const id = live.length > 1 ? m.options.scheduler.pick(live.map((w) => w.id), "wake", -1) : live[0].id;
    const w = live.find((x) => x.id === id)!;
    this.list.splice(this.list.indexOf(w), 1);
    m.wakeRetry(w);
  }
  /**
   * Blocks the running thread until `attempt` succeeds (returns a value) or the timeout
   * passes (then the call returns `onTimeout()`).
   */
  wait(m: Machine, reason: string, timeout: number, attempt: () => PyValue | undefined, onTimeout: () => PyValue, waitsFor: () => SimThread[] = () => []): PyValue {
    const first = attempt();
    if (first !== undefined) {
      return first;
    }
    if (timeout === 0) {
      return onTimeout();
    }
    if (!m.canBlock()) {
      throw new Unsupported(`${reason} inside Python code run from the simulator's native code`);
    }
    const t = m.cur!;
    const deadline = timeout < 0 ? Infinity : m.now() + timeout;
    const park = (): PyValue => {
      this.list.push(t);
      const left = deadline === Infinity ? undefined : Math.max(0, deadline - m.now());
      t.retry = again;
      return m.block({
        reason,
        timeout: left,
        onTimeout,
        cancel: () => {
          const i = this.list.indexOf(t);
          if (i >= 0) {
            this.list.splice(i, 1);
          }
        },
        waitsFor,
      });
    };
    const again = (): PyValue => {
      const r = attempt();
      if (r !== undefined) {
        return r;
      }
      if (deadline !== Infinity && m.now() >= deadline) {
        return onTimeout();
      }
      return park();
    };
    return park();
  }
}

// ---------------------------------------------------------------- semaphores (Lock, RLock, Semaphore, BoundedSemaphore)

type SemKind = "Lock" | "RLock" | "Semaphore" | "BoundedSemaphore";

export class PySemLock extends PyObject {
  value = 1;
  maxvalue = 1;
  kind: SemKind = "Lock";
  owner: SimThread | null = null;
  count = 0;
  readonly waiters = new Waiters();
  lastRelease = -1;
}

export const SemLockType = nativeType("SemLock", ObjectType, (cls) => new PySemLock(cls));

function semAcquire(s: PySemLock, blocking: boolean, timeout: number): PyValue {
  const m = machine();
  const me = m.cur;
  if (s.kind === "RLock" && s.owner === me && me !== null) {
    s.count++;
    return true;
  }
  const attempt = (): PyValue | undefined => {
    if (s.value > 0) {
      s.value--;
      s.owner = m.cur;
      s.count = 1;
      if (m.cur !== null) {
        m.record("lock-acquire", m.cur, { obj: objectId(s), from: s.lastRelease, detail: `multiprocessing.${s.kind}` });
      }
      return true;
    }
    return undefined;
  };
  if (!blocking) {
    return attempt() ?? false;
  }
  return s.waiters.wait(m, `multiprocessing.${s.kind}.acquire()`, timeout, attempt, () => false, () =>
    s.owner !== null && !s.owner.done && (s.kind === "Lock" || s.kind === "RLock") ? [s.owner] : [],
  );
}

function semRelease(s: PySemLock): void {
  const m = machine();
  if (s.kind === "RLock") {
    if (s.owner !== m.cur || s.count === 0) {
      throw pyErr(AssertionErrorType, "attempt to release recursive lock not owned by thread");
    }
    if (--s.count > 0) {
      return;
    }
  } else if (s.kind === "Lock" || s.kind === "BoundedSemaphore") {
    if (s.value >= s.maxvalue) {
      throw valueError("semaphore or lock released too many times");
    }
  }
  s.value++;
  s.owner = null;
  if (m.cur !== null) {
    s.lastRelease = m.record("lock-release", m.cur, { obj: objectId(s), detail: `multiprocessing.${s.kind}` });
  }
  s.waiters.wakeOne(m);
}

function newSemLock(kind: SemKind, value: number): PySemLock {
  const s = new PySemLock(SemLockType);
  s.kind = kind;
  s.value = value;
  s.maxvalue = kind === "Semaphore" ? Number.MAX_SAFE_INTEGER : value;
  markShared(s);
  return s;
}

defMethods(SemLockType, {
  acquire: (args, kwargs) => {
    const [b, t] = kwParams("acquire", args.slice(1), kwargs, ["block", "timeout"]);
    return semAcquire(args[0] as PySemLock, b === undefined ? true : truthy(b), tmo(t));
  },
  __enter__: (args) => semAcquire(args[0] as PySemLock, true, -1),
  release: (args) => {
    semRelease(args[0] as PySemLock);
    return None;
  },
  __exit__: (args) => {
    semRelease(args[0] as PySemLock);
    return None;
  },
  get_value: (args) => (args[0] as PySemLock).value,
  _is_mine: (args) => (args[0] as PySemLock).owner === machine().cur,
  __repr__: (args) => {
    const s = args[0] as PySemLock;
    const m = machine();
    const ownerName = (): string => {
      if (s.owner === null || s.value > 0) {
        return "None";
      }
      if (s.owner === m.cur) {
        return "MainThread".replace("MainThread", `${m.cur.proc.name}|${m.cur.name}`);
      }
      return "SomeOtherProcess";
    };
    switch (s.kind) {
      case "Lock":
        return `<Lock(owner=${ownerName()})>`;
      case "RLock":
        return `<RLock(${s.owner === null ? "None" : ownerName()}, ${s.owner === null ? 0 : s.count})>`;
      case "Semaphore":
        return `<Semaphore(value=${s.value})>`;
      default:
        return `<BoundedSemaphore(value=${s.value}, maxvalue=${s.maxvalue})>`;
    }
  },
});

// ---------------------------------------------------------------- Event

export class PyMpEvent extends PyObject {
  flag = false;
  readonly waiters = new Waiters();
  lastSet = -1;
}

export const MpEventType = nativeType("Event", ObjectType, (cls) => new PyMpEvent(cls));
defMethods(MpEventType, {
  is_set: (args) => (args[0] as PyMpEvent).flag,
  set: (args) => {
    const e = args[0] as PyMpEvent;
    const m = machine();
    e.flag = true;
    if (m.cur !== null) {
      e.lastSet = m.record("event-set", m.cur, { obj: objectId(e) });
    }
    e.waiters.wakeAll(m);
    return None;
  },
  clear: (args) => {
    (args[0] as PyMpEvent).flag = false;
    return None;
  },
  wait: (args, kwargs) => {
    const e = args[0] as PyMpEvent;
    const [t] = kwParams("wait", args.slice(1), kwargs, ["timeout"]);
    const m = machine();
    return e.waiters.wait(
      m,
      "multiprocessing.Event.wait()",
      tmo(t),
      () => {
        if (!e.flag) {
          return undefined;
        }
        if (m.cur !== null) {
          m.record("event-wait", m.cur, { obj: objectId(e), from: e.lastSet });
        }
        return true;
      },
      () => false,
    );
  },
  __repr__: (args) => `<multiprocessing.synchronize.Event at 0x${objectId(args[0]).toString(16)} ${(args[0] as PyMpEvent).flag ? "set" : "unset"}>`,
});

// ---------------------------------------------------------------- pipes and connections

/** One direction of a pipe: pickled messages and the bytes they take. */
class Channel {
  /** Identifies the channel in events (by a per-run object identity, as the Python objects are). */
  readonly id = objectId(new PyObject(ObjectType));
  readonly messages: { p: Pickled; size: number; event: number }[] = [];
  bytes = 0;
  readonly readers = new Waiters();
  readonly writers = new Waiters();
  writersClosed = false;
  readersClosed = false;

  /** Whether a message of `size` bytes fits now (an oversized one only into an empty pipe a reader waits on). */
  fits(size: number): boolean {
    return this.bytes + size <= PIPE_CAPACITY || (this.bytes === 0 && this.readers.list.length > 0);
  }
}

export class PyConnection extends PyObject {
  inbox: Channel | null = null;
  outbox: Channel | null = null;
  closed = false;
  readable = true;
  writable = true;
}

export const ConnectionType = nativeType("Connection", ObjectType, (cls) => new PyConnection(cls));

function checkOpen(c: PyConnection): void {
  if (c.closed) {
    throw pyErr(OSErrorType, "handle is closed");
  }
}

function connSend(c: PyConnection, obj: PyValue): PyValue {
  checkOpen(c);
  if (!c.writable || c.outbox === null) {
    throw pyErr(OSErrorType, "connection is read-only");
  }
  const ch = c.outbox;
  const m = machine();
  const { p, size } = pickle(obj);
  const me = m.cur;
  return ch.writers.wait(
    m,
    "Connection.send() (pipe full)",
    -1,
    () => {
      if (!ch.fits(size)) {
        return undefined;
      }
      const event = m.cur !== null ? m.record("pipe-send", m.cur, { obj: ch.id, detail: `${size} bytes` }) : -1;
      ch.messages.push({ p, size, event });
      ch.bytes += size;
      ch.readers.wakeOne(m);
      return None;
    },
    () => None,
    // A full pipe waits for its reader; the threads waiting to join the sender are the likely ones.
    () => m.threads.filter((x) => x !== me && (x.block?.waitsFor?.() ?? []).some((y) => y.proc === me?.proc)),
  );
}

function connRecv(c: PyConnection): PyValue {
  checkOpen(c);
  if (!c.readable || c.inbox === null) {
    throw pyErr(OSErrorType, "connection is write-only");
  }
  const ch = c.inbox;
  const m = machine();
  return ch.readers.wait(
    m,
    "Connection.recv()",
    -1,
    () => {
      const msg = ch.messages.shift();
      if (msg === undefined) {
        if (ch.writersClosed) {
          throw pyErr(EOFErrorType, "");
        }
        return undefined;
      }
      ch.bytes -= msg.size;
      if (m.cur !== null) {
        m.record("pipe-recv", m.cur, { obj: ch.id, from: msg.event });
      }
      ch.writers.wakeAll(m);
      return unpickle(msg.p);
    },
    () => None,
  );
}

defMethods(ConnectionType, {
  send: (args) => {
    arity("send", args.length - 1, 1);
    return connSend(args[0] as PyConnection, args[1]);
  },
  recv: (args) => {
    arity("recv", args.length - 1, 0);
    return connRecv(args[0] as PyConnection);
  },
  poll: (args, kwargs) => {
    const c = args[0] as PyConnection;
    checkOpen(c);
    const [t] = kwParams("poll", args.slice(1), kwargs, ["timeout"]);
    const timeout = t === undefined ? 0 : tmo(t);
    const ch = c.inbox!;
    const m = machine();
    return ch.readers.wait(m, "Connection.poll()", timeout, () => (ch.messages.length > 0 || ch.writersClosed ? true : undefined), () => false);
  },
  close: (args) => {
    const c = args[0] as PyConnection;
    c.closed = true;
    return None;
  },
  fileno: (args) => 3 + (objectId(args[0]) % 100),
  __enter__: (args) => args[0],
  __exit__: (args) => {
    (args[0] as PyConnection).closed = true;
    return None;
  },
  __repr__: (args) => `<multiprocessing.connection.Connection object at 0x${objectId(args[0]).toString(16)}>`,
});
defGetSet(ConnectionType, "closed", (c) => (c as PyConnection).closed);
defGetSet(ConnectionType, "readable", (c) => (c as PyConnection).readable);
defGetSet(ConnectionType, "writable", (c) => (c as PyConnection).writable);

function newPipe(duplex: boolean): PyTuple {
  const a = new Channel();
  const b = new Channel();
  const c1 = new PyConnection(ConnectionType);
  const c2 = new PyConnection(ConnectionType);
  markShared(c1);
  markShared(c2);
  if (duplex) {
    c1.inbox = a;
    c1.outbox = b;
    c2.inbox = b;
    c2.outbox = a;
  } else {
    // Pipe(False): the first connection only receives, the second only sends.
    c1.inbox = a;
    c1.writable = false;
    c2.outbox = a;
    c2.readable = false;
  }
  return new PyTuple([c1, c2]);
}

// ---------------------------------------------------------------- Queue

/** multiprocessing.Queue: a pipe, a feeder buffer per putting process, and a count of unread items (its qsize). */
export class PyMpQueue extends PyObject {
  readonly pipe = new Channel();
  readonly feeders = new Map<SimProcess, { p: Pickled; size: number; event: number }[]>();
  maxsize = 0;
  /** Items put and not yet got (CPython's BoundedSemaphore of maxsize). */
  count = 0;
  readonly putters = new Waiters();
  closed = false;
  unfinished = 0;
  readonly joiners = new Waiters();
  joinable = false;
  /** The processes whose exit waits for their buffered items (registered once each). */
  readonly barriers = new Set<SimProcess>();
}

export const MpQueueType = nativeType("Queue", ObjectType, (cls) => new PyMpQueue(cls));

/** Moves buffered items into the pipe while they fit (the feeder thread's work). */
function feed(q: PyMpQueue, m: Machine): void {
  let moved = false;
  for (const [proc, buf] of q.feeders) {
    while (buf.length > 0 && q.pipe.fits(buf[0].size)) {
      const item = buf.shift()!;
      q.pipe.messages.push(item);
      q.pipe.bytes += item.size;
      moved = true;
    }
    if (buf.length === 0) {
      q.feeders.delete(proc);
    }
  }
  if (moved) {
    q.pipe.readers.wakeAll(m);
    m.checkExits(m.now());
  }
}

function queueExceptions(): { Empty: PyType; Full: PyType } {
  const qm = vm().importModule("queue");
  return { Empty: qm.dict!.getStr("Empty") as PyType, Full: qm.dict!.getStr("Full") as PyType };
}

function mpQueuePut(q: PyMpQueue, obj: PyValue, block: boolean, timeout: number): PyValue {
  if (q.closed) {
    throw valueError(`Queue ${callPy(getAttr(q, "__repr__"), [])} is closed`);
  }
  const m = machine();
  const proc = m.proc();
  const enqueue = (): PyValue | undefined => {
    if (q.maxsize > 0 && q.count >= q.maxsize) {
      return undefined;
    }
    const { p, size } = pickle(obj);
    q.count++;
    if (q.joinable) {
      q.unfinished++;
    }
    const event = m.cur !== null ? m.record("queue-put", m.cur, { obj: objectId(q) }) : -1;
    let buf = q.feeders.get(proc);
    if (buf === undefined) {
      buf = [];
      q.feeders.set(proc, buf);
      // CPython joins the feeder thread at exit: the process cannot end while its items are still buffered.
      if (!q.barriers.has(proc)) {
        q.barriers.add(proc);
        proc.exitBarriers.push(() => ((q.feeders.get(proc)?.length ?? 0) > 0 ? "flushing a multiprocessing.Queue into its pipe" : null));
      }
    }
    buf.push({ p, size, event });
    feed(q, m);
    return None;
  };
  if (!block) {
    const r = enqueue();
    if (r === undefined) {
      throw newException(queueExceptions().Full, []);
    }
    return r;
  }
  return q.putters.wait(m, "multiprocessing.Queue.put() (queue full)", timeout, enqueue, () => {
    throw newException(queueExceptions().Full, []);
  });
}

function mpQueueGet(q: PyMpQueue, block: boolean, timeout: number): PyValue {
  if (q.closed) {
    throw valueError(`Queue ${callPy(getAttr(q, "__repr__"), [])} is closed`);
  }
  const m = machine();
  const take = (): PyValue | undefined => {
    const msg = q.pipe.messages.shift();
    if (msg === undefined) {
      return undefined;
    }
    q.pipe.bytes -= msg.size;
    q.count--;
    if (m.cur !== null) {
      m.record("queue-get", m.cur, { obj: objectId(q), from: msg.event });
    }
    feed(q, m);
    q.putters.wakeOne(m);
    return unpickle(msg.p);
  };
  const empty = (): PyValue => {
    throw newException(queueExceptions().Empty, []);
  };
  if (!block) {
    return take() ?? empty();
  }
  return q.pipe.readers.wait(m, "multiprocessing.Queue.get()", timeout, take, empty);
}

defMethods(MpQueueType, {
  put: (args, kwargs) => {
    const [obj, b, t] = kwParams("put", args.slice(1), kwargs, ["obj", "block", "timeout"]);
    if (obj === undefined) {
      throw typeError("Queue.put() missing 1 required positional argument: 'obj'");
    }
    return mpQueuePut(args[0] as PyMpQueue, obj, b === undefined ? true : truthy(b), tmo(t));
  },
  put_nowait: (args) => {
    arity("put_nowait", args.length - 1, 1);
    return mpQueuePut(args[0] as PyMpQueue, args[1], false, -1);
  },
  get: (args, kwargs) => {
    const [b, t] = kwParams("get", args.slice(1), kwargs, ["block", "timeout"]);
    return mpQueueGet(args[0] as PyMpQueue, b === undefined ? true : truthy(b), tmo(t));
  },
  get_nowait: (args) => mpQueueGet(args[0] as PyMpQueue, false, -1),
  qsize: (args) => (args[0] as PyMpQueue).count,
  // CPython's empty() polls the pipe: items still in a feeder buffer are not seen yet.
  empty: (args) => (args[0] as PyMpQueue).pipe.messages.length === 0,
  full: (args) => {
    const q = args[0] as PyMpQueue;
    return q.maxsize > 0 && q.count >= q.maxsize;
  },
  close: (args) => {
    (args[0] as PyMpQueue).closed = true;
    return None;
  },
  join_thread: () => None,
  cancel_join_thread: (args) => {
    const q = args[0] as PyMpQueue;
    q.feeders.delete(machine().proc());
    return None;
  },
  task_done: (args) => {
    const q = args[0] as PyMpQueue;
    if (!q.joinable) {
      throw new Unsupported("task_done() on a multiprocessing.Queue (use JoinableQueue)");
    }
    if (q.unfinished <= 0) {
      throw valueError("task_done() called too many times");
    }
    q.unfinished--;
    if (q.unfinished === 0) {
      q.joiners.wakeAll(machine());
    }
    return None;
  },
  join: (args) => {
    const q = args[0] as PyMpQueue;
    return q.joiners.wait(machine(), "JoinableQueue.join()", -1, () => (q.unfinished === 0 ? None : undefined), () => None);
  },
  __repr__: (args) => `<multiprocessing.queues.${(args[0] as PyMpQueue).joinable ? "JoinableQueue" : "Queue"} object at 0x${objectId(args[0]).toString(16)}>`,
});

// ---------------------------------------------------------------- Value and Array

const CTYPES: Record<string, { name: string; kind: "int" | "float" | "char"; bits?: number; unsigned?: boolean }> = {
  i: { name: "c_int", kind: "int", bits: 32 },
  I: { name: "c_uint", kind: "int", bits: 32, unsigned: true },
  l: { name: "c_long", kind: "int", bits: 64 },
  L: { name: "c_ulong", kind: "int", bits: 64, unsigned: true },
  q: { name: "c_longlong", kind: "int", bits: 64 },
  Q: { name: "c_ulonglong", kind: "int", bits: 64, unsigned: true },
  h: { name: "c_short", kind: "int", bits: 16 },
  H: { name: "c_ushort", kind: "int", bits: 16, unsigned: true },
  b: { name: "c_byte", kind: "int", bits: 8 },
  B: { name: "c_ubyte", kind: "int", bits: 8, unsigned: true },
  d: { name: "c_double", kind: "float" },
  f: { name: "c_float", kind: "float" },
  c: { name: "c_char", kind: "char" },
  u: { name: "c_wchar", kind: "char" },
};

/** Stores `v` as the C type would (ints wrap; floats from ints). */
function toC(code: string, v: PyValue): PyValue {
  const t = CTYPES[code];
  if (t.kind === "float") {
    if (v instanceof PyFloat) {
      return code === "f" ? new PyFloat(Math.fround(v.v)) : v;
    }
    if (typeof v === "number" || typeof v === "boolean") {
      return new PyFloat(Number(v));
    }
    throw typeError(`must be real number, not ${typeName(v)}`);
  }
  if (t.kind === "char") {
    return v;
  }
  if (typeof v !== "number" && typeof v !== "boolean" && typeof v !== "bigint") {
    throw typeError(`int expected instead of ${typeName(v)}`);
  }
  const bits = BigInt(t.bits!);
  let n = BigInt.asUintN(t.bits!, BigInt(v));
  if (!t.unsigned && n >= 1n << (bits - 1n)) {
    n -= 1n << bits;
  }
  return Number.isSafeInteger(Number(n)) ? Number(n) : n;
}

export class PyShared extends PyObject {
  code = "i";
  values: PyValue[] = [];
  lock: PySemLock | null = null;
  array = false;
}

export const ValueType = nativeType("Synchronized", ObjectType, (cls) => new PyShared(cls));
export const ArrayType = nativeType("SynchronizedArray", ObjectType, (cls) => new PyShared(cls));

const typecodeOf = (v: PyValue): string => {
  if (typeof v === "string" && v in CTYPES) {
    return v;
  }
  if (typeof v === "string") {
    throw typeError(`bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)`);
  }
  throw new Unsupported(`multiprocessing.Value/Array with the ctypes type ${typeName(v)}`);
};

function lockOf(lock: PyValue | undefined): PySemLock | null {
  if (lock === undefined || lock === true) {
    return newSemLock("RLock", 1);
  }
  if (lock === false) {
    return null;
  }
  if (lock instanceof PySemLock) {
    return lock;
  }
  throw new Unsupported("a lock for Value/Array that is not a multiprocessing lock");
}

const zeroOf = (code: string): PyValue => (CTYPES[code].kind === "float" ? new PyFloat(0) : CTYPES[code].kind === "char" ? "" : 0);

/** Tells the race analysis about an access to shared memory (the Value is a location of its own). */
function sharedAccess(kind: Access, s: PyShared, v: PyValue | undefined): void {
  const f = currentTask().frame;
  if (accessHook !== null && f !== null) {
    accessHook(kind, s, "value", v, f, Math.max(0, f.pc - 1));
  }
}

defGetSet(
  ValueType,
  "value",
  (o) => {
    const v = (o as PyShared).values[0];
    sharedAccess(Access.Read, o as PyShared, v);
    return v;
  },
  (o, v) => {
    const s = o as PyShared;
    sharedAccess(Access.Write, s, v);
    s.values[0] = toC(s.code, v ?? None);
  },
);
const sharedRepr = (s: PyShared): string => {
  const v = s.values[0];
  const shown = v instanceof PyFloat ? callPy(vm().builtins.getStr("repr")!, [v]) : typeof v === "string" ? `b'${v}'` : String(v);
  return `<Synchronized wrapper for ${CTYPES[s.code].name}(${String(shown)})>`;
};
const lockMethods = {
  get_lock: (args: PyValue[]) => (args[0] as PyShared).lock ?? None,
  get_obj: (args: PyValue[]) => args[0],
  acquire: (args: PyValue[], kwargs: KwArgs | null) => {
    const s = args[0] as PyShared;
    const [b, t] = kwParams("acquire", args.slice(1), kwargs, ["block", "timeout"]);
    return semAcquire(s.lock!, b === undefined ? true : truthy(b), tmo(t));
  },
  release: (args: PyValue[]) => {
    semRelease((args[0] as PyShared).lock!);
    return None;
  },
  __enter__: (args: PyValue[]) => semAcquire((args[0] as PyShared).lock!, true, -1),
  __exit__: (args: PyValue[]) => {
    semRelease((args[0] as PyShared).lock!);
    return None;
  },
};
defMethods(ValueType, { ...lockMethods, __repr__: (args) => sharedRepr(args[0] as PyShared) });

function arrayIndex(s: PyShared, i: PyValue): number {
  if (typeof i !== "number" && typeof i !== "boolean") {
    throw typeError(`array indices must be integers`);
  }
  let n = Number(i);
  if (n < 0) {
    n += s.values.length;
  }
  if (n < 0 || n >= s.values.length) {
    throw pyErr(IndexErrorType, "invalid index");
  }
  return n;
}

defMethods(ArrayType, {
  ...lockMethods,
  __len__: (args) => (args[0] as PyShared).values.length,
  __getitem__: (args) => {
    const s = args[0] as PyShared;
    const i = args[1];
    if (i instanceof PyObject && i.cls.name === "slice") {
      const lst = new PyList(s.values.slice());
      return callPy(getAttr(lst, "__getitem__"), [i]);
    }
    return s.values[arrayIndex(s, i)];
  },
  __setitem__: (args) => {
    const s = args[0] as PyShared;
    const i = args[1];
    if (i instanceof PyObject && i.cls.name === "slice") {
      const lst = new PyList(s.values.slice());
      callPy(getAttr(lst, "__setitem__"), [i, args[2]]);
      if (lst.items.length !== s.values.length) {
        throw valueError("Can only assign sequence of same size");
      }
      s.values = lst.items.map((v) => toC(s.code, v));
      return None;
    }
    s.values[arrayIndex(s, i)] = toC(s.code, args[2]);
    return None;
  },
  __iter__: (args) => callPy(vm().builtins.getStr("iter")!, [new PyList((args[0] as PyShared).values.slice())]),
  __repr__: (args) => {
    const s = args[0] as PyShared;
    return `<SynchronizedArray wrapper for <multiprocessing.sharedctypes.${CTYPES[s.code].name}_Array_${s.values.length} object at 0x${objectId(s).toString(16)}>>`;
  },
});

// ---------------------------------------------------------------- processes

/** The SimProcess behind a pid. */
function procOf(pid: PyValue): SimProcess | undefined {
  return machine().processes.find((p) => p.pid === pid);
}

/** CPython's report of an exception that ends a process (BaseProcess._bootstrap; 3.11.7 line numbers). */
function reportProcessException(name: string, exc: PyBaseException, defaultRun: boolean): void {
  const v = vm();
  const saved = exc.traceback;
  exc.traceback = saved.filter((e) => !e.code.filename.startsWith("<stdlib>/multiprocessing"));
  let text: string;
  try {
    text = formatException(exc, (f) => v.sources.get(f), v.builtins.keyList().map(String));
  } finally {
    exc.traceback = saved;
  }
  const head = "Traceback (most recent call last):\n";
  let stdlib = `  File "<stdlib>/multiprocessing/process.py", line 314, in _bootstrap\n    self.run()\n`;
  if (defaultRun) {
    stdlib += `  File "<stdlib>/multiprocessing/process.py", line 108, in run\n    self._target(*self._args, **self._kwargs)\n`;
  }
  text = text.startsWith(head) ? head + stdlib + text.slice(head.length) : head + stdlib + text;
  v.write("stderr", `Process ${name}:\n${text}`);
}

/** Starts the child process of the Process object `obj` (spawn re-runs the main module; fork copies the heap). */
function startProcess(obj: PyValue, method: string, name: string, daemon: boolean): number {
  const m = machine();
  const parent = m.proc();
  if (method !== "spawn" && method !== "fork") {
    throw new Unsupported(`the '${method}' start method`);
  }
  let init: () => ReturnType<typeof Machine.moduleFrame> | null;
  let child: SimProcess;
  if (method === "fork") {
    const heap = cloneHeap(parent.modules, vm().builtins, [obj]);
    const copy = heap.roots[0] as PyValue;
    init = () => {
      const mp = child.modules.get("multiprocessing");
      if (mp !== undefined) {
        callPy(mp.dict!.getStr("_after_fork")!, [copy]);
      }
      reseedRandom(child.modules, m.vm.seed * 1000003 + child.pid);
      return Machine.callFrame(getAttr(copy, "_bootstrap"), []);
    };
    child = m.newProcess(parent, name, () => init());
    child.modules = heap.modules;
    child.builtins = heap.builtins;
  } else {
    const pickled = pickle(obj).p;
    const code = m.mainCode;
    if (code === null) {
      throw new Unsupported("spawning a process from a program without a main module");
    }
    init = () => {
      const v = vm();
      v.builtins = m.freshBuiltins();
      child.builtins = v.builtins;
      const main = m.newMainModule("__mp_main__");
      v.modules.set("__mp_main__", main);
      v.modules.set("__main__", main);
      return Machine.moduleFrame(code, main);
    };
    child = m.newProcess(parent, name, () => init());
    child.main.onRootDone = () => {
      child.main.onRootDone = (code2) => {
        child.pendingExit = typeof code2 === "number" ? code2 : 0;
        return null;
      };
      let copy: PyValue;
      try {
        copy = unpickle(pickled);
      } catch (err) {
        if (err instanceof PyBaseException) {
          vm().write("stderr", SPAWN_MAIN_TRACEBACK + formatExceptionOnly(err));
          child.pendingExit = 1;
          child.main.onRootDone = null;
          return null;
        }
        throw err;
      }
      const mp = vm().importModule("multiprocessing");
      callPy(mp.dict!.getStr("_after_spawn")!, [copy]);
      return Machine.callFrame(getAttr(copy, "_bootstrap"), []);
    };
  }
  if (method === "fork") {
    child.main.onRootDone = (code2) => {
      child.pendingExit = typeof code2 === "number" ? code2 : 0;
      return null;
    };
  }
  child.daemon = daemon;
  child.main.startupCost = method === "spawn" ? SPAWN_STARTUP_S : FORK_STARTUP_S;
  child.handle = obj;
  const at = m.now();
  m.record("process-start", m.cur!, { detail: `${name} (pid ${child.pid}, ${method})`, target: child.main.id }, at);
  m.start(child.main, null);
  return child.pid;
}

registerModule("_mp", (mod) => {
  const d = mod.dict!;
  const def = (name: string, fn: (args: PyValue[], kwargs: KwArgs | null) => PyValue): void => {
    d.setStr(name, builtin(name, fn));
  };
  def("_start", (args) => {
    arity("_start", args.length, 4);
    return startProcess(args[0], String(args[1]), String(args[2]), truthy(args[3]));
  });
  def("_join", (args) => {
    arity("_join", args.length, 2);
    const m = machine();
    const p = procOf(args[0]);
    const timeout = tmo(args[1]);
    const me = m.cur!;
    if (p === undefined || !p.alive) {
      if (p !== undefined) {
        m.record("process-join", me, { detail: p.name, target: p.main.id, from: p.main.endEvent });
      }
      return None;
    }
    if (timeout === 0) {
      return None;
    }
    if (!m.canBlock()) {
      throw new Unsupported("Process.join() inside Python code run from the simulator's native code");
    }
    const onEnd = (): void => {
      m.record("process-join", me, { detail: p.name, target: p.main.id, from: p.main.endEvent }, p.endTime ?? undefined);
      m.wake(me, None, p.endTime ?? undefined);
    };
    p.joiners.push(onEnd);
    return m.block({
      reason: `Process.join() on ${p.name}`,
      timeout: timeout < 0 ? undefined : timeout,
      onTimeout: () => None,
      cancel: () => {
        const i = p.joiners.indexOf(onEnd);
        if (i >= 0) {
          p.joiners.splice(i, 1);
        }
      },
      waitsFor: () => [p.main, ...p.threads.filter((t) => !t.done && t !== p.main)],
    });
  });
  def("_alive", (args) => procOf(args[0])?.alive ?? false);
  def("_exitcode", (args) => procOf(args[0])?.exitcode ?? None);
  def("_terminate", (args) => {
    const m = machine();
    const p = procOf(args[0]);
    if (p !== undefined && p.alive) {
      m.record("terminate", m.cur!, { detail: p.name, target: p.main.id });
      m.terminate(p, m.now(), args.length > 1 ? Number(args[1]) : -15);
    }
    return None;
  });
  def("_pid", () => machine().proc().pid);
  def("_unsupported", (args) => {
    throw new Unsupported(String(args[0]));
  });
  def("_ppid", () => machine().proc().parent?.pid ?? None);
  def("_start_method", () => machine().options.startMethod);
  def("_report_exception", (args) => {
    const [name, exc, defaultRun] = args;
    if (exc instanceof PyBaseException) {
      reportProcessException(String(name), exc, truthy(defaultRun));
    }
    return None;
  });
  def("Lock", (args) => {
    arity("Lock", args.length, 0);
    return newSemLock("Lock", 1);
  });
  def("RLock", (args) => {
    arity("RLock", args.length, 0);
    return newSemLock("RLock", 1);
  });
  def("Semaphore", (args, kwargs) => {
    const [v] = kwParams("Semaphore", args, kwargs, ["value"]);
    const n = v === undefined ? 1 : Number(v);
    if (n < 0) {
      throw valueError("semaphore initial value must be >= 0");
    }
    return newSemLock("Semaphore", n);
  });
  def("BoundedSemaphore", (args, kwargs) => {
    const [v] = kwParams("BoundedSemaphore", args, kwargs, ["value"]);
    return newSemLock("BoundedSemaphore", v === undefined ? 1 : Number(v));
  });
  def("Event", (args) => {
    arity("Event", args.length, 0);
    const e = new PyMpEvent(MpEventType);
    markShared(e);
    return e;
  });
  def("Pipe", (args, kwargs) => {
    const [duplex] = kwParams("Pipe", args, kwargs, ["duplex"]);
    return newPipe(duplex === undefined ? true : truthy(duplex));
  });
  const makeQueue = (joinable: boolean) => (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const [maxsize] = kwParams("Queue", args, kwargs, ["maxsize"]);
    const q = new PyMpQueue(MpQueueType);
    q.maxsize = maxsize === undefined ? 0 : Number(maxsize);
    q.joinable = joinable;
    markShared(q);
    return q;
  };
  def("Queue", makeQueue(false));
  def("JoinableQueue", makeQueue(true));
  def("Value", (args, kwargs) => {
    const [t, ...rest] = args;
    const lock = kwargs?.get("lock");
    if (t === undefined) {
      throw typeError("Value() missing 1 required positional argument: 'typecode_or_type'");
    }
    const code = typecodeOf(t);
    const s = new PyShared(ValueType);
    s.code = code;
    s.values = [rest.length > 0 ? toC(code, rest[0]) : zeroOf(code)];
    s.lock = lockOf(lock);
    markShared(s);
    return s;
  });
  def("Array", (args, kwargs) => {
    const [t, init] = args;
    const lock = kwargs?.get("lock");
    const code = typecodeOf(t);
    const s = new PyShared(ArrayType);
    s.code = code;
    s.array = true;
    if (typeof init === "number") {
      s.values = Array.from({ length: init }, () => zeroOf(code));
    } else {
      const items = callPy(vm().builtins.getStr("list")!, [init]) as PyList;
      s.values = items.items.map((v) => toC(code, v));
    }
    s.lock = lockOf(lock);
    markShared(s);
    return s;
  });
});
