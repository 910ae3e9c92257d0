/**
 * The machine's records of what runs: a thread (a vm Task with its own frame stack, its
 * state, its clock and its timeline) and a process (its own heap, its GIL, its threads).
 * runtime/machine.ts moves them between states; nothing here schedules.
 */
import type { Frame } from "../vm/frame";
import { Task } from "../vm/interp";
import type { PyDict, PyModule, PyValue } from "../vm/objects";
import type { Segment, SourceSpan } from "../trace/report";

export type ThreadState = "running" | "ready-gil" | "ready-core" | "blocked" | "sleeping" | "done";

/** What a blocked thread waits for, for the wait-for graph and the hang message. */
export interface BlockInfo {
  /** Shown on the timeline and in findings: "Lock.acquire()", "Thread.join()", "time.sleep(2)". */
  reason: string;
  state?: "blocked" | "sleeping";
  /** Seconds until the wait gives up (None/undefined: never). */
  timeout?: number;
  /** The value the call returns when the timeout expires. */
  onTimeout?: () => PyValue;
  /** Removes the thread from the waited object's queue (on timeout or kill). */
  cancel?: () => void;
  /** The threads whose progress would release this one (lock owners, the joined thread). */
  waitsFor?: () => SimThread[];
}

export interface Timer {
  due: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

export interface Stats {
  running: number;
  gilWait: number;
  coreWait: number;
  blocked: number;
}

/** One Python thread (or a process's main thread). Invariant: `state === "running"` iff it holds a core. */
export class SimThread {
  readonly task = new Task();
  state: ThreadState = "ready-core";
  /** Local clock: exact when not running; while running, `sliceT0 + (quantum - task.budget) * cost`. */
  sliceT0 = 0;
  quantum = 0;
  /** When the current OS slice ends (only enforced when another thread waits for a core). */
  osSliceEnd = Infinity;
  /** The holder saw a drop request and drops the GIL at the next eval-breaker point. */
  dropRequested = false;
  block: BlockInfo | null = null;
  timer: Timer | null = null;
  /** The bottom frame of the thread's stack (run by the machine itself, not from TypeScript). */
  rootFrame: Frame | null = null;
  /** Set by a wait queue: re-tries the blocked call when the thread runs again (CPython's lock barging). */
  retry: (() => PyValue) | null = null;
  /** Woken to retry: run `retry` before the next instruction. */
  pendingRetry = false;
  blockSpan: SourceSpan | undefined;
  /** Called with the value the root frame returned; returns the next root frame or null when the thread is done. */
  onRootDone: ((value: PyValue) => Frame | null) | null = null;
  /** CPU seconds the thread spends before its first instruction (a new process's interpreter start-up). */
  startupCost = 0;
  /** Called when the thread was made runnable for the first time, in its process's context; returns its root frame. */
  init: (() => Frame | null) | null = null;
  readonly joiners: ((t: SimThread) => void)[] = [];
  readonly stats: Stats = { running: 0, gilWait: 0, coreWait: 0, blocked: 0 };
  segState: Segment["state"] | "none" = "none";
  segReason: string | undefined;
  segT0 = 0;
  segSpan: SourceSpan | undefined;
  startTime = 0;
  endTime: number | null = null;
  /** Index of the event that started it (the sync edge spawn -> start). */
  startEvent = -1;
  endEvent = -1;
  /** Event index of the last GIL release, for the analysis of GIL hand-offs. */
  ident: number;
  nativeId: number;

  constructor(
    /** Dense id from 0: a vector-clock index. */
    readonly id: number,
    readonly proc: SimProcess,
    public name: string,
    readonly kind: "process" | "thread",
    public daemon: boolean,
  ) {
    this.ident = 139_820_000_000_000 + id * 0x800000 + (proc.pid % 64) * 4096;
    this.nativeId = proc.pid + proc.threads.length;
  }

  get done(): boolean {
    return this.state === "done";
  }
}

/** One simulated process: its own heap (sys.modules and builtins), its GIL, its threads. */
export class SimProcess {
  modules = new Map<string, PyModule>();
  builtins: PyDict | null = null;
  switchInterval: number;
  gilHolder: SimThread | null = null;
  /** When the first of the GIL's waiters asks the holder to drop it (CPython's gil_drop_request). */
  gilRequestAt = Infinity;
  readonly gilWaiters: SimThread[] = [];
  readonly threads: SimThread[] = [];
  readonly children: SimProcess[] = [];
  main!: SimThread;
  exitcode: number | null = null;
  /** The main thread finished its code and waits for the process to wind down. */
  exiting = false;
  /** Work that must finish before the process can exit (multiprocessing queue feeders). */
  readonly exitBarriers: (() => string | null)[] = [];
  readonly joiners: (() => void)[] = [];
  daemon = false;
  /** The Python-level object representing this process in its parent (multiprocessing.Process), if any. */
  handle: unknown = null;
  endTime: number | null = null;
  terminated = false;
  /** The exit code the main thread's code produced (set before the process winds down). */
  pendingExit: number | null = null;

  constructor(
    readonly pid: number,
    readonly parent: SimProcess | null,
    public name: string,
    switchInterval: number,
  ) {
    this.switchInterval = switchInterval;
  }

  get alive(): boolean {
    return this.exitcode === null;
  }
}

