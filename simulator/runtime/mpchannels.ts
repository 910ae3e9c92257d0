/**
 * multiprocessing's Pipe connections and Queue. A pipe direction holds 64 KiB: a sender
 * blocks while the reader lags. A Queue is a pipe fed by a buffer per putting process (CPython's
 * feeder thread): put() never blocks on the pipe, but the process cannot exit while its
 * items are still buffered — the "join a process before draining its queue" deadlock.
 */
import { arity, defGetSet, defMethods, kwParams } from "../vm/define";
import { EOFErrorType, newException, OSErrorType, pyErr, typeError, Unsupported, valueError } from "../vm/errors";
import { objectId } from "../vm/identity";
import { None, ObjectType, PyObject, PyTuple, nativeType, type NativeFn, type PyType, type PyValue } from "../vm/objects";
import { callPy, getAttr, truthy } from "../vm/protocol";
import { vm } from "../vm/vm";
import { machine, type Machine } from "./machine";
import type { SimProcess } from "./task";
import { markShared, pickle, unpickle, type Pickled } from "./transfer";
import { tmo, Waiters } from "./waiters";

/** Bytes a pipe holds before a writer blocks (Linux's default pipe capacity). */
export const PIPE_CAPACITY = 65536;

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


function makeQueue(joinable: boolean): NativeFn {
  return (args, kwargs) => {
    const [maxsize] = kwParams("Queue", args, kwargs, ["maxsize"]);
    const q = new PyMpQueue(MpQueueType);
    q.maxsize = maxsize === undefined ? 0 : Number(maxsize);
    q.joinable = joinable;
    markShared(q);
    return q;
  };
}

/** The constructors `_mp` exposes: Pipe(duplex), Queue(maxsize), JoinableQueue(maxsize). */
export const CHANNEL_FACTORIES: Record<string, NativeFn> = {
  Pipe: (args, kwargs) => {
    const [duplex] = kwParams("Pipe", args, kwargs, ["duplex"]);
    return newPipe(duplex === undefined ? true : truthy(duplex));
  },
  Queue: makeQueue(false),
  JoinableQueue: makeQueue(true),
};
