/**
 * multiprocessing's Lock, RLock, Semaphore, BoundedSemaphore (one semaphore object, as
 * CPython's SemLock) and Event, shared by every process that has them. Each acquire and
 * release is an event with its sync edge (release -> acquire, set -> wait).
 */
import { arity, defMethods, kwParams } from "../vm/define";
import { AssertionErrorType, pyErr, valueError } from "../vm/errors";
import { objectId } from "../vm/identity";
import { None, ObjectType, PyObject, nativeType, type NativeFn, type PyValue } from "../vm/objects";
import { truthy } from "../vm/protocol";
import { machine } from "./machine";
import type { SimThread } from "./task";
import { markShared } from "./transfer";
import { tmo, Waiters } from "./waiters";

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

export function semAcquire(s: PySemLock, blocking: boolean, timeout: number): PyValue {
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

export function semRelease(s: PySemLock): void {
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

export function newSemLock(kind: SemKind, value: number): PySemLock {
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
  // For Condition.wait: release completely (an RLock however deep), then take it back as deep.
  _release_all: (args) => {
    const s = args[0] as PySemLock;
    const depth = s.kind === "RLock" ? s.count : 1;
    if (s.kind === "RLock") {
      s.count = 1;
    }
    semRelease(s);
    return depth;
  },
  _acquire_depth: (args) => {
    const s = args[0] as PySemLock;
    const depth = args[1] as number;
    const r = semAcquire(s, true, -1);
    if (r === true) {
      s.count = depth;
      return None;
    }
    // Blocked: whenever a retry takes the lock, the depth is restored.
    const t = machine().cur!;
    const wrap = (retry: (() => PyValue) | null): void => {
      t.retry = () => {
        const v = retry!();
        if (v === true) {
          s.count = depth;
          return None;
        }
        wrap(t.retry);
        return v;
      };
    };
    wrap(t.retry);
    return r;
  },
  __repr__: (args) => {
    const s = args[0] as PySemLock;
    const m = machine();
    const ownerName = (): string => {
      if (s.owner === null || s.value > 0) {
        return "None";
      }
      if (s.owner === m.cur) {
        // CPython names the process, and the thread too when it is not the main one.
        return m.cur.kind === "process" ? m.cur.proc.name : `${m.cur.proc.name}|${m.cur.name}`;
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


// ---------------------------------------------------------------- Condition

/** The shared part of a multiprocessing.Condition: who sleeps on it, and who was notified. */
export class PyCondState extends PyObject {
  readonly sleepers: SimThread[] = [];
  readonly notified = new Set<SimThread>();
  readonly waiters = new Waiters();
  lastNotify = -1;
}

export const CondStateType = nativeType("_CondState", ObjectType, (cls) => new PyCondState(cls));
defMethods(CondStateType, {
  _register: (args) => {
    (args[0] as PyCondState).sleepers.push(machine().cur!);
    return None;
  },
  _wait: (args) => {
    const c = args[0] as PyCondState;
    const m = machine();
    const me = m.cur!;
    return c.waiters.wait(
      m,
      "multiprocessing.Condition.wait()",
      tmo(args[1]),
      () => {
        if (!c.notified.delete(me)) {
          return undefined;
        }
        m.record("wait", me, { obj: objectId(c), from: c.lastNotify });
        return true;
      },
      () => {
        const i = c.sleepers.indexOf(me);
        if (i >= 0) {
          c.sleepers.splice(i, 1);
        }
        return false;
      },
    );
  },
  _notify: (args) => {
    const c = args[0] as PyCondState;
    const m = machine();
    let n = args[1] as number;
    if (m.cur !== null) {
      c.lastNotify = m.record("notify", m.cur, { obj: objectId(c) });
    }
    while (c.sleepers.length > 0 && n !== 0) {
      c.notified.add(c.sleepers.shift()!);
      n--;
    }
    c.waiters.wakeAll(m);
    return None;
  },
});

/** The constructors `_mp` exposes: Lock(), RLock(), Semaphore(value), BoundedSemaphore(value), Event(). */
export const SYNC_FACTORIES: Record<string, NativeFn> = {
  Lock: (args) => {
    arity("Lock", args.length, 0);
    return newSemLock("Lock", 1);
  },
  RLock: (args) => {
    arity("RLock", args.length, 0);
    return newSemLock("RLock", 1);
  },
  Semaphore: (args, kwargs) => {
    const [v] = kwParams("Semaphore", args, kwargs, ["value"]);
    const n = v === undefined ? 1 : Number(v);
    if (n < 0) {
      throw valueError("semaphore initial value must be >= 0");
    }
    return newSemLock("Semaphore", n);
  },
  BoundedSemaphore: (args, kwargs) => {
    const [v] = kwParams("BoundedSemaphore", args, kwargs, ["value"]);
    return newSemLock("BoundedSemaphore", v === undefined ? 1 : Number(v));
  },
  _cond_state: () => {
    const c = new PyCondState(CondStateType);
    markShared(c);
    return c;
  },
  Event: (args) => {
    arity("Event", args.length, 0);
    const e = new PyMpEvent(MpEventType);
    markShared(e);
    return e;
  },
};
