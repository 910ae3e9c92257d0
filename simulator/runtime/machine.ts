/**
 * The simulated machine (DESIGN.md §3): processes with their own heaps, threads (each a vm
 * Task with its own frame stack), a GIL per process, N cores, a virtual clock, timers, and
 * blocking and waking. It is a discrete-event simulation: every running thread has a local
 * clock (instructions × INSTRUCTION_COST_S); the machine always advances the running thread
 * that is furthest behind, for a quantum that ends before the next thing that could concern
 * it (a timer, a GIL drop request, the other cores' clocks), so threads on different cores
 * run "in parallel" and interact in time order.
 *
 * Switching happens only between instructions at the top level of `execute()`: when a
 * thread runs Python code called from TypeScript (a __repr__, a sort key, a generator
 * driven by next()), it cannot be suspended, so preemption waits until that code returns,
 * and a blocking call there stops the run as `unsupported` (see `block`).
 *
 * The machine knows nothing about strategies: every choice goes through the Scheduler.
 */
import type { CodeObject } from "../python/code";
import { Op } from "../python/opcodes";
import type { DecisionKind, Scheduler } from "../scheduler/scheduler";
import { callValue, codeConsts, takePending } from "../vm/call";
import { LimitReached, SystemExitType, Unsupported } from "../vm/errors";
import { formatException } from "../vm/traceback";
import { Frame } from "../vm/frame";
import { BLOCK, SUSPENDED, Task, execute, setCurrentTask, setPreemptHook } from "../vm/interp";
import { SimProcess, SimThread, type BlockInfo, type ThreadState, type Timer } from "./task";
import { diagnoseStuck } from "./waitfor";
import { makeBuiltins } from "../vm/builtins";
import { None, PyBaseException, PyModule, isInstance, type PyDict, type PyValue } from "../vm/objects";
import { ENTER } from "../vm/sentinels";
import type { Vm } from "../vm/vm";
import type { Profile, Segment, SourceSpan, TaskInfo, TraceEvent } from "../trace/report";

/** Virtual seconds one bytecode instruction takes: CPython 3.11 ran 5.2 ns per simple bytecode on the reference machine (a `x = x ^ i` loop, 7 bytecodes per iteration; a call loop averages about the same per bytecode). */
export const INSTRUCTION_COST_S = 6e-9;
/** How far one core's clock may run ahead of another's before the machine switches to the laggard. */
const LOCKSTEP_S = 0.0005;
/** The OS time slice when more threads want to run than there are cores. */
const OS_SLICE_S = 0.004;
/** Largest instruction budget handed out at once (the step and time limits are checked between budgets). */
const MAX_QUANTUM = 100_000;
/** How many of the threads waiting for a GIL or a core a hand-off considers (the first in line). */
const GIL_CANDIDATES = 64;
/** CPython's default switch interval (sys.getswitchinterval()). */
export const DEFAULT_SWITCH_INTERVAL_S = 0.005;
/** The main process's pid; children count up from it. */
export const MAIN_PID = 4001;

export interface MachineOptions {
  profile: Profile;
  cores: number;
  switchIntervalS: number;
  startMethod: "spawn" | "fork";
  scheduler: Scheduler;
  /** The user's file: events and segments point at its lines. */
  filename: string;
}


let active: Machine | null = null;

/** The machine of the current run (null outside runs). */
export function currentMachine(): Machine | null {
  return active;
}

/** The machine of the current run; throws when none is running. */
export function machine(): Machine {
  if (active === null) {
    throw new Error("no simulated machine is running");
  }
  return active;
}

const CALL_OPS = new Set<number>([Op.CALL, Op.CALL_KW, Op.CALL_EX, Op.CALL_METHOD, Op.CALL_METHOD_KW]);
const JUMP_OPS = new Set<number>([Op.JUMP, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE, Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP]);

/** The library frames that start a thread or process: not what the user called. */
const BOOTSTRAP_FRAMES = new Set(["Thread._bootstrap", "Thread.run", "BaseProcess._bootstrap", "BaseProcess.run"]);

/**
 * Whether `f` runs at the top level of its thread's execute(): no TypeScript between it and
 * the thread's root frame. (Python code that TypeScript runs between two roots, such as a
 * spawned child's bootstrap helpers, has a frame marked nested with nothing below it too:
 * only the root itself counts.)
 */
function isTopLevel(f: Frame, root: Frame | null): boolean {
  let g: Frame = f;
  while (!g.nested && g.back !== null) {
    g = g.back;
  }
  return g === root;
}

export class Machine {
  readonly processes: SimProcess[] = [];
  readonly threads: SimThread[] = [];
  readonly events: TraceEvent[] = [];
  readonly segments: Segment[] = [];
  /** Threads by threading.get_ident() (idents are unique across processes). */
  readonly byIdent = new Map<number, SimThread>();
  private readonly running: SimThread[] = [];
  private readonly coreQueue: SimThread[] = [];
  private timers: Timer[] = [];
  private timerSeq = 0;
  /** The thread whose instructions execute() is running (null between slices). */
  cur: SimThread | null = null;
  private ctxProc: SimProcess | null = null;
  /** Machine time between slices (the time of the last event handled). */
  private clock = 0;
  private nextPid = MAIN_PID;
  steps = 0;
  mainProcess!: SimProcess;
  /** Set when the main process has exited. */
  private finished = false;
  /** CPU seconds used so far by the running thread, or by all threads of its process (time.thread_time, time.process_time). */
  cpuTime(scope: "thread" | "process"): number {
    const now = this.now();
    const of = (t: SimThread): number => t.stats.running + (t.segState === "running" && t.state === "running" ? Math.max(0, (t === this.cur ? now : t.sliceT0) - t.segT0) : 0);
    const t = this.cur;
    if (t === null) {
      return 0;
    }
    return scope === "thread" ? of(t) : t.proc.threads.reduce((a, x) => a + of(x), 0);
  }

  /** Warnings already shown, by location (Python's default "once per location"). */
  readonly warned = new Set<string>();
  /** The main module's code (spawn re-runs it in every child). */
  mainCode: CodeObject | null = null;

  /** A fresh builtins namespace (a spawned process starts from scratch). */
  freshBuiltins(): PyDict {
    return makeBuiltins();
  }

  /** A new main module for the running process, named `__main__` or `__mp_main__`. */
  newMainModule(name: string): PyModule {
    const m = new PyModule(name);
    m.dict!.setStr("__file__", this.options.filename);
    m.dict!.setStr("__builtins__", this.vm.importModule("builtins"));
    m.dict!.setStr("__doc__", None);
    return m;
  }

  /** The resolved settings this machine was made from (runtime/session.ts), for the schedule token. */
  settings: { seed: number; profile: Profile; cores: number; switchIntervalS: number; strategy: "timed" | "random" | "pct"; depth: number; startMethod: "spawn" | "fork"; replay?: number[] } | null = null;
  /** Called when the main thread of the main process ends with an exception (prints it, sets the exit code). */
  onMainError: (err: unknown) => void = () => {};
  /** Called with the span when a process ends with an exception that is not the main one. */
  readonly cost = INSTRUCTION_COST_S;

  constructor(
    readonly vm: Vm,
    readonly options: MachineOptions,
  ) {
    const self = this;
    // The vm's process-dependent fields read through to the running process (os.getpid, sys.setswitchinterval, time).
    Object.defineProperty(vm, "clock", { get: () => self.now(), set: () => {}, configurable: true });
    Object.defineProperty(vm, "pid", { get: () => self.proc().pid, configurable: true });
    Object.defineProperty(vm, "ppid", { get: () => self.proc().parent?.pid ?? MAIN_PID - 1, configurable: true });
    Object.defineProperty(vm, "cores", { get: () => self.options.cores, configurable: true });
    Object.defineProperty(vm, "switchInterval", {
      get: () => self.proc().switchInterval,
      set: (v: number) => {
        self.proc().switchInterval = v;
      },
      configurable: true,
    });
    vm.onWrite = (stream, text) => {
      if (this.cur !== null) {
        this.checkRunning(this.cur);
        this.record("print", this.cur, { detail: (stream === "stderr" ? "stderr: " : "") + text.slice(0, 200) });
        this.releaseForIo(this.cur);
      }
    };
  }

  /** The process whose code is running (the main process between slices). */
  proc(): SimProcess {
    return this.ctxProc ?? this.mainProcess;
  }

  /** Virtual seconds since the run started, as the running thread sees it. */
  now(): number {
    const t = this.cur;
    if (t === null) {
      return this.clock;
    }
    return t.sliceT0 + (t.quantum - Math.max(0, t.task.budget)) * INSTRUCTION_COST_S;
  }

  // ------------------------------------------------------------------ processes and threads

  /** Creates a process; its main thread starts at `init` when first scheduled (in its own context). */
  newProcess(parent: SimProcess | null, name: string, init: () => Frame | null): SimProcess {
    const p = new SimProcess(this.nextPid++, parent, name, parent?.switchInterval ?? this.options.switchIntervalS);
    this.processes.push(p);
    parent?.children.push(p);
    const main = this.newThread(p, parent === null ? "MainThread" : name, "process", false);
    p.main = main;
    main.init = init;
    return p;
  }

  /** Creates a thread in `proc`; call `start` to make it runnable. */
  newThread(proc: SimProcess, name: string, kind: "process" | "thread", daemon: boolean): SimThread {
    const t = new SimThread(this.threads.length, proc, name, kind, daemon);
    this.threads.push(t);
    this.byIdent.set(t.ident, t);
    proc.threads.push(t);
    this.options.scheduler.onTaskCreated(t.id);
    return t;
  }

  /** Makes a new thread runnable now; records the spawn -> start edge. */
  start(t: SimThread, rootFrame: Frame | null): void {
    const at = this.now();
    if (rootFrame !== null) {
      this.setRoot(t, rootFrame);
    }
    const parent = this.cur;
    t.startTime = at;
    t.sliceT0 = at;
    t.segT0 = at;
    const spawn = parent !== null ? this.record("spawn", parent, { detail: t.name, target: t.id }) : -1;
    t.startEvent = this.record("start", t, { detail: t.name, from: spawn >= 0 ? spawn : undefined }, at);
    this.makeRunnable(t, at);
  }

  setRoot(t: SimThread, f: Frame): void {
    f.nested = true;
    f.back = null;
    t.rootFrame = f;
    t.task.frame = f;
    t.task.depth = 1;
    t.task.budget = 0;
  }

  /** A root frame for calling `fn(*args)` from a thread's bottom (null when it ran at once in TypeScript). */
  static callFrame(fn: PyValue, args: PyValue[]): Frame | null {
    const r = callValue(fn, args, null);
    if (r === SUSPENDED || r === BLOCK) {
      throw new Unsupported("a blocking native as a thread's entry point");
    }
    return r === ENTER ? takePending() : null;
  }

  /** A root frame that runs a module's code in its namespace. */
  static moduleFrame(code: CodeObject, module: PyModule): Frame {
    return new Frame(code, module.dict!, module.dict!, codeConsts(code));
  }

  // ------------------------------------------------------------------ state changes and the timeline

  private setState(t: SimThread, state: ThreadState, at: number, reason?: string, span?: SourceSpan): void {
    t.state = state;
    const seg: Segment["state"] | "none" =
      state === "done" ? "none" : state === "ready-gil" || state === "ready-core" ? "ready" : state === "sleeping" ? "sleeping" : state === "blocked" ? "blocked" : "running";
    const r = state === "ready-gil" ? "waiting for the GIL" : state === "ready-core" ? "waiting for a core" : reason;
    if (seg === t.segState && r === t.segReason) {
      return;
    }
    this.closeSegment(t, at);
    t.segState = seg;
    t.segReason = r;
    t.segT0 = at;
    t.segSpan = span;
  }

  private closeSegment(t: SimThread, at: number): void {
    if (t.segState === "none" || at <= t.segT0) {
      return;
    }
    const dur = at - t.segT0;
    switch (t.segState) {
      case "running":
        t.stats.running += dur;
        break;
      case "ready":
        if (t.segReason === "waiting for the GIL") {
          t.stats.gilWait += dur;
        } else {
          t.stats.coreWait += dur;
        }
        break;
      default:
        t.stats.blocked += dur;
    }
    const s: Segment = { task: t.id, state: t.segState, t0: t.segT0, t1: at };
    if (t.segReason !== undefined) {
      s.reason = t.segReason;
    }
    if (t.segSpan !== undefined) {
      s.span = t.segSpan;
    }
    const last = this.segments[this.segments.length - 1];
    if (last !== undefined && last.task === s.task && last.state === s.state && last.reason === s.reason && last.t1 === s.t0 && s.span === undefined && last.span === undefined) {
      last.t1 = s.t1;
    } else {
      this.segments.push(s);
    }
  }

  /** Records an event at the thread's current time (or `at`); returns its index (the target of sync edges). */
  record(
    kind: string,
    t: SimThread,
    extra: { detail?: string; obj?: number; from?: number; target?: number } = {},
    at?: number,
  ): number {
    const e: TraceEvent = { kind, time: at ?? (t === this.cur ? this.now() : t.sliceT0), task: t.id };
    const span = this.spanOf(t);
    if (span !== undefined) {
      e.span = span;
    }
    if (extra.detail !== undefined) {
      e.detail = extra.detail;
    }
    if (extra.obj !== undefined) {
      e.obj = extra.obj;
    }
    if (extra.from !== undefined && extra.from >= 0) {
      e.from = extra.from;
    }
    if (extra.target !== undefined) {
      e.target = extra.target;
    }
    this.events.push(e);
    return this.events.length - 1;
  }

  /** The span of the innermost frame of `t` that runs the user's file. */
  spanOf(t: SimThread): SourceSpan | undefined {
    for (let f = t.task.frame; f !== null; f = f.back) {
      if (f.code.filename === this.options.filename) {
        const p = f.code.positions;
        const i = Math.max(0, f.pc - 1) * 4;
        return { line: p[i], col: p[i + 1], endLine: p[i + 2], endCol: p[i + 3] };
      }
    }
    return undefined;
  }

  // ------------------------------------------------------------------ GIL and cores

  private freeThreaded(): boolean {
    return this.options.profile === "3.13t";
  }

  /** `t` wants to run from time `at`: take the GIL (or wait for it), then a core. */
  private makeRunnable(t: SimThread, at: number): void {
    t.sliceT0 = at;
    t.quantum = 0;
    const p = t.proc;
    if (this.freeThreaded() || p.gilHolder === t) {
      this.wantCore(t, at);
      return;
    }
    if (p.gilHolder === null) {
      p.gilHolder = t;
      this.wantCore(t, at);
      return;
    }
    p.gilWaiters.push(t);
    p.gilRequestAt = Math.min(p.gilRequestAt, at + this.options.scheduler.switchDelay(p.switchInterval));
    this.setState(t, "ready-gil", at);
  }

  private wantCore(t: SimThread, at: number): void {
    if (this.running.length < this.options.cores) {
      this.running.push(t);
      t.osSliceEnd = at + OS_SLICE_S;
      this.setState(t, "running", at);
    } else {
      this.coreQueue.push(t);
      this.setState(t, "ready-core", at);
    }
  }

  /** `t` stops running at `at` (blocked, done or waiting for the GIL): its core goes to the next in line. */
  private leaveCore(t: SimThread, at: number): void {
    const i = this.running.indexOf(t);
    if (i >= 0) {
      this.running.splice(i, 1);
    } else {
      const j = this.coreQueue.indexOf(t);
      if (j >= 0) {
        this.coreQueue.splice(j, 1);
      }
      return;
    }
    this.grantCore(at);
  }

  private grantCore(at: number): void {
    while (this.coreQueue.length > 0 && this.running.length < this.options.cores) {
      const ids = this.coreQueue.slice(0, GIL_CANDIDATES).map((x) => x.id);
      const id = ids.length > 1 ? this.options.scheduler.pick(ids, "core", -1) : ids[0];
      const k = this.coreQueue.findIndex((x) => x.id === id);
      const n = this.coreQueue.splice(k, 1)[0];
      n.sliceT0 = Math.max(n.sliceT0, at);
      n.quantum = 0;
      this.running.push(n);
      n.osSliceEnd = n.sliceT0 + OS_SLICE_S;
      this.setState(n, "running", n.sliceT0);
    }
  }

  /** Releases `t`'s GIL at `at` and hands it to a waiter chosen by the scheduler. */
  private releaseGil(t: SimThread, at: number, kind: DecisionKind, includeSelf: boolean): SimThread | null {
    const p = t.proc;
    if (this.freeThreaded() || p.gilHolder !== t) {
      return null;
    }
    p.gilHolder = null;
    t.dropRequested = false;
    if (p.gilWaiters.length === 0) {
      p.gilRequestAt = Infinity;
      return null;
    }
    // The first waiters in line are the candidates (a condition variable wakes one of them).
    const ids = p.gilWaiters.slice(0, GIL_CANDIDATES).map((w) => w.id);
    if (includeSelf) {
      ids.push(t.id);
    }
    const id = ids.length > 1 ? this.options.scheduler.pick(ids, kind, t.id) : ids[0];
    // CPython: a waiter whose timed wait ends after a switch starts a new interval.
    if (id === t.id) {
      p.gilHolder = t;
      p.gilRequestAt = at + this.options.scheduler.switchDelay(p.switchInterval);
      return t;
    }
    const k = p.gilWaiters.findIndex((w) => w.id === id);
    const n = p.gilWaiters.splice(k, 1)[0];
    p.gilHolder = n;
    p.gilRequestAt = p.gilWaiters.length > 0 ? at + this.options.scheduler.switchDelay(p.switchInterval) : Infinity;
    n.sliceT0 = Math.max(n.sliceT0, at);
    this.wantCore(n, n.sliceT0);
    return n;
  }

  /**
   * A sync operation just happened in the running thread: an exploring scheduler may make the
   * GIL change hands at the next eval-breaker point (the waiters' requests fall due now).
   */
  syncPoint(): void {
    const t = this.cur;
    const s = this.options.scheduler;
    if (t === null || s.yieldAtSync === undefined || this.freeThreaded()) {
      return;
    }
    const p = t.proc;
    if (p.gilHolder !== t || p.gilWaiters.length === 0 || !s.yieldAtSync()) {
      return;
    }
    const now = this.now();
    p.gilRequestAt = Math.min(p.gilRequestAt, now);
    // End the quantum at the next instruction, accounting only what was run.
    const left = t.task.budget;
    if (left > 1) {
      t.quantum -= left - 1;
      t.task.budget = 1;
    }
  }

  // ------------------------------------------------------------------ blocking

  /**
   * Blocks the running thread (a native calls this and returns its result, BLOCK). The
   * thread releases the GIL and its core; `wake` resumes it with the call's result.
   */
  block(info: BlockInfo): PyValue {
    const t = this.cur;
    if (t === null) {
      throw new Error("block() outside a running thread");
    }
    this.checkRunning(t);
    if (t.task.frame === null || !isTopLevel(t.task.frame, t.rootFrame)) {
      throw new Unsupported(`a blocking call (${info.reason}) inside Python code run from the simulator's native code (a __repr__, __eq__, sort key, or a generator driven by next())`);
    }
    this.settle(t);
    const at = t.sliceT0;
    t.block = info;
    t.blockSpan = this.spanOf(t);
    this.leaveCore(t, at);
    this.setState(t, info.state ?? "blocked", at, info.reason, t.blockSpan);
    this.releaseGil(t, at, "gil", false);
    if (info.timeout !== undefined && info.timeout !== Infinity) {
      const due = at + Math.max(0, info.timeout);
      t.timer = this.addTimer(due, () => {
        t.timer = null;
        if (t.state !== "blocked" && t.state !== "sleeping") {
          return;
        }
        info.cancel?.();
        this.wake(t, info.onTimeout ? info.onTimeout() : None, due);
      });
    }
    return BLOCK;
  }

  /**
   * A blocking native returns BLOCK to the interpreter; if native code called it instead (a
   * map() or sorted() over blocking calls), the thread would go on while marked blocked.
   * Caught at its next visible act (a write, another block, the next preemption check).
   */
  private checkRunning(t: SimThread): void {
    if (t.state !== "running") {
      throw new Unsupported(`a blocking call (${t.block?.reason ?? "wait"}) made from the simulator's native code (map, sorted, ...)`);
    }
  }

  /** Whether the running thread may block here (blocking natives check before they queue themselves). */
  canBlock(): boolean {
    const t = this.cur;
    return t !== null && t.task.frame !== null && isTopLevel(t.task.frame, t.rootFrame);
  }

  /** Wakes a blocked thread: its call returns `value` (or raises it, when it is an exception), at the waker's time. */
  wake(t: SimThread, value: PyValue, at?: number): void {
    if (t.state !== "blocked" && t.state !== "sleeping") {
      return;
    }
    const when = Math.max(at ?? this.now(), t.sliceT0);
    if (t.timer !== null) {
      t.timer.cancelled = true;
      t.timer = null;
    }
    t.block = null;
    t.retry = null;
    if (value instanceof PyBaseException) {
      t.task.pendingThrow = value;
    } else if (t.task.frame !== null) {
      t.task.frame.stack.push(value);
    }
    this.makeRunnable(t, when);
  }

  /** Wakes a blocked thread to re-try its call (`t.retry`) when it next runs. */
  wakeRetry(t: SimThread, at?: number): void {
    if (t.state !== "blocked" && t.state !== "sleeping") {
      return;
    }
    const when = Math.max(at ?? this.now(), t.sliceT0);
    if (t.timer !== null) {
      t.timer.cancelled = true;
      t.timer = null;
    }
    t.block = null;
    t.pendingRetry = true;
    this.makeRunnable(t, when);
  }

  /** Runs `fire` at virtual time `due` (sleep ends, timeouts, threading.Timer). */
  addTimer(due: number, fire: () => void): Timer {
    const tm: Timer = { due, seq: this.timerSeq++, fire, cancelled: false };
    // Sorted by (due, seq); timers are few, so insertion is a linear scan from the end.
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1].due > due || (this.timers[i - 1].due === due && this.timers[i - 1].seq > tm.seq))) {
      i--;
    }
    this.timers.splice(i, 0, tm);
    return tm;
  }

  /** time.sleep(s) on the running thread. */
  sleep(seconds: number): PyValue {
    if (!this.canBlock()) {
      throw new Unsupported("time.sleep() inside Python code run from the simulator's native code");
    }
    return this.block({ reason: `time.sleep(${formatSeconds(seconds)})`, state: "sleeping", timeout: seconds });
  }

  // ------------------------------------------------------------------ ending threads and processes

  /** Ends a thread (its root returned, or it was killed): frees its GIL and core, wakes joiners. */
  endThread(t: SimThread, at: number): void {
    if (t.state === "done") {
      return;
    }
    if (t.timer !== null) {
      t.timer.cancelled = true;
      t.timer = null;
    }
    t.block?.cancel?.();
    t.block = null;
    const gi = t.proc.gilWaiters.indexOf(t);
    if (gi >= 0) {
      t.proc.gilWaiters.splice(gi, 1);
    }
    this.leaveCore(t, at);
    this.releaseGil(t, at, "gil", false);
    this.setState(t, "done", at);
    t.endTime = at;
    t.task.frame = null;
    t.endEvent = this.record("end", t, { detail: t.name }, at);
    for (const j of t.joiners.splice(0)) {
      j(t);
    }
    this.checkExits(at);
  }

  /** A process's main thread finished its code: the process winds down as CPython's Py_FinalizeEx does. */
  private beginExit(p: SimProcess, at: number): void {
    p.exiting = true;
    const t = p.main;
    t.sliceT0 = at;
    t.quantum = 0;
    this.leaveCore(t, at);
    this.releaseGil(t, at, "gil", false);
    const flushing = (): string | null => p.exitBarriers.map((b) => b()).find((r) => r !== null) ?? null;
    t.block = {
      reason: flushing() !== null ? `exit (${flushing()})` : "exit (waiting for non-daemon threads and child processes)",
      // A process flushing a queue at exit waits for whoever would read it: the threads waiting to join it.
      waitsFor: () => [...this.exitWaits(p), ...(flushing() !== null ? this.threads.filter((x) => x !== t && (x.block?.waitsFor?.() ?? []).includes(t)) : [])],
    };
    this.setState(t, "blocked", at, t.block.reason);
    this.checkExits(at);
  }

  /** The threads a winding-down process waits for. */
  private exitWaits(p: SimProcess): SimThread[] {
    const out = p.threads.filter((x) => x !== p.main && !x.daemon && !x.done);
    for (const c of p.children) {
      if (c.alive && !c.daemon) {
        out.push(c.main);
      }
    }
    return out;
  }

  /** Ends the processes that were only waiting for their threads, children or queue feeders. */
  checkExits(at: number): void {
    for (const p of this.processes) {
      if (!p.exiting || !p.alive) {
        continue;
      }
      if (this.exitWaits(p).length > 0) {
        continue;
      }
      if (p.exitBarriers.some((b) => b() !== null)) {
        continue;
      }
      this.finishProcess(p, at, p.pendingExit ?? 0);
    }
  }

  /** Ends a process: kills its remaining (daemon) threads and daemon children, records the exit code. */
  finishProcess(p: SimProcess, at: number, code: number): void {
    if (!p.alive) {
      return;
    }
    p.exitcode = code;
    p.endTime = at;
    for (const c of p.children) {
      if (c.alive && c.daemon) {
        this.terminate(c, at);
      }
    }
    for (const x of p.threads) {
      if (!x.done) {
        this.endThread(x, at);
      }
    }
    this.record("exit", p.main, { detail: `${p.name} exitcode=${code}` }, at);
    for (const j of p.joiners.splice(0)) {
      j();
    }
    if (p === this.mainProcess) {
      this.finished = true;
    }
    this.checkExits(at);
  }

  /** Process.terminate() (SIGTERM, exit code -15) or kill() (-9). */
  terminate(p: SimProcess, at: number, code = -15): void {
    if (!p.alive) {
      return;
    }
    p.terminated = true;
    p.exitcode = code;
    p.endTime = at;
    for (const x of p.threads) {
      if (!x.done) {
        this.endThread(x, at);
      }
    }
    for (const j of p.joiners.splice(0)) {
      j();
    }
    this.checkExits(at);
  }

  // ------------------------------------------------------------------ the run loop

  /** The preempt hook (interp.ts): accounts the budget just spent and decides whether to stop here. */
  private readonly hook = (task: Task, f: Frame, pc: number): number => {
    const t = this.cur!;
    if (task !== t.task) {
      throw new Error("preempt hook called for a task that is not running");
    }
    t.sliceT0 += t.quantum * INSTRUCTION_COST_S;
    this.steps += t.quantum;
    this.vm.steps = this.steps;
    t.quantum = 0;
    if (t.state !== "running") {
      throw new Unsupported(`a blocking call (${t.block?.reason ?? "wait"}) made from the simulator's native code`);
    }
    const limits = this.vm.limits;
    if (this.steps > limits.maxSteps) {
      throw new LimitReached("step-limit", `the program ran more than ${limits.maxSteps} steps`);
    }
    if (t.sliceT0 > limits.maxTimeS) {
      throw new LimitReached("time-limit", `virtual time exceeded ${limits.maxTimeS} s`);
    }
    const top = isTopLevel(f, t.rootFrame);
    const p = t.proc;
    if (!t.dropRequested && p.gilHolder === t && p.gilWaiters.length > 0 && !this.freeThreaded()) {
      if (t.sliceT0 >= p.gilRequestAt) {
        t.dropRequested = true;
      }
    }
    if (t.dropRequested) {
      if (top && this.isEvalBreaker(f, pc)) {
        return 0;
      }
      return this.give(t, top ? 1 : 64);
    }
    if (top) {
      return 0;
    }
    return this.give(t, this.quantumFor(t));
  };

  private give(t: SimThread, q: number): number {
    t.quantum = q;
    return q;
  }

  /** Where the GIL may change hands under the profile (CPython's eval-breaker checks). */
  private isEvalBreaker(f: Frame, pc: number): boolean {
    if (this.options.profile === "3.9") {
      return true;
    }
    // 3.10+: function entry (RESUME), backward jumps (JUMP_BACKWARD) and after calls.
    if (pc === 0) {
      return true;
    }
    const code = f.code.code;
    const op = code[pc << 1];
    if (JUMP_OPS.has(op) && code[(pc << 1) + 1] <= pc) {
      return true;
    }
    return CALL_OPS.has(code[(pc - 1) << 1]);
  }

  /** The instructions `t` may run before something else may concern it. */
  private quantumFor(t: SimThread): number {
    let horizon = t.sliceT0 + OS_SLICE_S * 8;
    if (this.timers.length > 0) {
      horizon = Math.min(horizon, this.nextTimerDue());
    }
    for (const o of this.running) {
      if (o !== t) {
        horizon = Math.min(horizon, Math.max(o.sliceT0, t.sliceT0) + LOCKSTEP_S);
      }
    }
    if (this.coreQueue.length > 0) {
      horizon = Math.min(horizon, t.osSliceEnd);
    }
    const p = t.proc;
    if (p.gilHolder === t && p.gilWaiters.length > 0) {
      horizon = Math.min(horizon, p.gilRequestAt);
    }
    const q = Math.ceil((horizon - t.sliceT0) / INSTRUCTION_COST_S);
    return Math.max(1, Math.min(MAX_QUANTUM, q));
  }

  private nextTimerDue(): number {
    while (this.timers.length > 0 && this.timers[0].cancelled) {
      this.timers.shift();
    }
    return this.timers.length > 0 ? this.timers[0].due : Infinity;
  }

  private enter(t: SimThread): void {
    this.cur = t;
    setCurrentTask(t.task);
    if (this.ctxProc !== t.proc) {
      this.ctxProc = t.proc;
      this.vm.modules = t.proc.modules;
      if (t.proc.builtins !== null) {
        this.vm.builtins = t.proc.builtins;
      }
    }
  }

  private leave(): void {
    const t = this.cur;
    if (t !== null) {
      t.proc.builtins = this.vm.builtins;
    }
    this.cur = null;
  }

  /** Runs the machine until the main process exits; throws MachineStop, LimitReached or Unsupported. */
  run(main: () => Frame | null): void {
    active = this;
    setPreemptHook(this.hook);
    try {
      this.mainProcess = this.newProcess(null, "MainProcess", main);
      this.start(this.mainProcess.main, null);
      this.loop();
    } finally {
      const end = this.clock;
      for (const t of this.threads) {
        this.closeSegment(t, t.endTime ?? end);
      }
      setPreemptHook(null);
      active = null;
      this.cur = null;
    }
  }

  /** Machine time at the end (the run's wall-clock length). */
  get endTime(): number {
    return this.clock;
  }

  private loop(): void {
    while (!this.finished) {
      let t: SimThread | null = null;
      for (const r of this.running) {
        if (t === null || r.sliceT0 < t.sliceT0 || (r.sliceT0 === t.sliceT0 && r.id < t.id)) {
          t = r;
        }
      }
      const due = this.nextTimerDue();
      if (due !== Infinity && (t === null || due <= t.sliceT0)) {
        const tm = this.timers.shift()!;
        this.clock = Math.max(this.clock, tm.due);
        if (this.clock > this.vm.limits.maxTimeS) {
          throw new LimitReached("time-limit", `virtual time exceeded ${this.vm.limits.maxTimeS} s`);
        }
        tm.fire();
        continue;
      }
      if (t === null) {
        this.stuck();
        return;
      }
      this.clock = Math.max(this.clock, t.sliceT0);
      // The OS takes the core from a thread whose slice is over when another waits for one.
      if (this.coreQueue.length > 0 && t.sliceT0 >= t.osSliceEnd) {
        const at = t.sliceT0;
        this.running.splice(this.running.indexOf(t), 1);
        this.coreQueue.push(t);
        this.setState(t, "ready-core", at);
        this.grantCore(at);
        continue;
      }
      this.slice(t);
    }
  }

  /** Runs one slice of `t`. */
  private slice(t: SimThread): void {
    if (t.startupCost > 0) {
      t.sliceT0 += t.startupCost;
      t.startupCost = 0;
      return;
    }
    this.enter(t);
    try {
      if (t.init !== null) {
        const init = t.init;
        t.init = null;
        const f = init();
        if (f === null) {
          this.rootDone(t, None);
          return;
        }
        this.setRoot(t, f);
      }
      if (t.pendingRetry) {
        t.pendingRetry = false;
        const retry = t.retry!;
        t.retry = null;
        t.quantum = 0;
        const v = retry();
        if (v === BLOCK) {
          return;
        }
        t.task.frame!.stack.push(v);
      }
      t.quantum = this.quantumFor(t);
      t.task.budget = t.quantum;
      let r: PyValue;
      try {
        r = execute();
      } catch (err) {
        this.syncClock(t);
        if (err instanceof PyBaseException) {
          this.rootFailed(t, err);
          return;
        }
        throw err;
      }
      this.syncClock(t);
      if (r === SUSPENDED) {
        if (t.state === "running" && t.dropRequested) {
          this.dropGil(t);
        }
        return;
      }
      if (t.state !== "running") {
        throw new Unsupported(`a blocking call (${t.block?.reason ?? "wait"}) made from the simulator's native code`);
      }
      this.rootDone(t, r);
    } finally {
      this.leave();
    }
  }

  /** Folds the instructions of the slice into the thread's clock. */
  private syncClock(t: SimThread): void {
    if (t.state === "running") {
      this.settle(t);
    }
  }

  /** Folds the instructions run since the slice began into the clock and the step count. */
  private settle(t: SimThread): void {
    if (t.quantum > 0) {
      const used = t.quantum - Math.max(0, t.task.budget);
      t.sliceT0 += used * INSTRUCTION_COST_S;
      this.steps += used;
      this.vm.steps = this.steps;
      t.quantum = 0;
      t.task.budget = 0;
    }
  }

  /**
   * The library call the user's code made that led here, as "Event.wait()": the outermost
   * frame of library code called from the user's file (undefined when the user's code called
   * the primitive itself).
   */
  apiName(t: SimThread): string | undefined {
    let lib: Frame | null = null;
    for (let f = t.task.frame; f !== null; f = f.back) {
      if (f.code.filename === this.options.filename) {
        break;
      }
      if (!BOOTSTRAP_FRAMES.has(f.code.qualname)) {
        lib = f;
      }
    }
    return lib !== null && lib.code.filename.startsWith("<stdlib>/") ? `${lib.code.qualname}()` : undefined;
  }

  /**
   * A write to the terminal releases the GIL around the write() system call
   * (Py_BEGIN_ALLOW_THREADS in FileIO.write): a thread waiting for the GIL takes it. The
   * writer drops it right after the call returns: its budget is cut to one instruction so
   * the preempt hook runs at the eval-breaker point after the call.
   */
  private releaseForIo(t: SimThread): void {
    if (this.freeThreaded() || t.proc.gilHolder !== t || t.proc.gilWaiters.length === 0 || t.state !== "running") {
      return;
    }
    this.settle(t);
    t.dropRequested = true;
    t.quantum = 1;
    t.task.budget = 1;
  }

  /** The holder reached an eval-breaker point after a drop request: the GIL changes hands. */
  private dropGil(t: SimThread): void {
    const at = t.sliceT0;
    const next = this.releaseGil(t, at, "gil", false);
    if (next === null || next === t) {
      return;
    }
    this.record("gil-switch", t, { detail: `GIL to ${next.name}`, target: next.id }, at);
    this.leaveCore(t, at);
    t.proc.gilWaiters.push(t);
    t.proc.gilRequestAt = Math.min(t.proc.gilRequestAt, at + this.options.scheduler.switchDelay(t.proc.switchInterval));
    this.setState(t, "ready-gil", at);
  }

  private rootDone(t: SimThread, value: PyValue): void {
    let next: Frame | null = null;
    try {
      next = t.onRootDone?.(value) ?? null;
    } catch (err) {
      // A spawned child failing to unpickle its Process object (a target defined under the
      // __main__ guard, say) reports it as CPython's spawn_main does and exits with 1.
      if (!(err instanceof PyBaseException)) {
        throw err;
      }
      this.onProcessError(t, err);
      next = null;
    }
    if (next !== null) {
      this.setRoot(t, next);
      return;
    }
    const at = t.sliceT0;
    if (t.kind === "process") {
      this.beginExit(t.proc, at);
    } else {
      this.endThread(t, at);
    }
  }

  private rootFailed(t: SimThread, err: PyBaseException): void {
    t.task.frame = null;
    if (t.proc === this.mainProcess && t === t.proc.main) {
      this.onMainError(err);
      t.proc.exitcode = null;
      this.rootDone(t, None);
      return;
    }
    this.processErrors.push({ proc: t.proc, err });
    this.onProcessError(t, err);
    t.onRootDone = null;
    this.rootDone(t, None);
  }

  /** Uncaught exceptions of threads that are not the main one (printed by `onProcessError`). */
  readonly processErrors: { proc: SimProcess; err: PyBaseException }[] = [];
  onProcessError: (t: SimThread, err: PyBaseException) => void = (t, err) => {
    // A child's main code raised (a forked child's module code, or a spawned child re-running
    // the main module): the traceback goes to stderr and the exit code is 1 (SystemExit's code).
    if (isInstance(err, SystemExitType)) {
      const code = err.args.items.length ? err.args.items[0] : None;
      t.proc.pendingExit = typeof code === "number" ? code & 0xff : code === None ? 0 : 1;
      return;
    }
    this.vm.write("stderr", formatException(err, (f) => this.vm.sources.get(f), this.vm.builtins.keyList().map(String)));
    t.proc.pendingExit = 1;
  };

  /** Nothing runs and no timer is pending: the program is done, deadlocked or hung. */
  private stuck(): void {
    const blocked = this.threads.filter((x) => x.state === "blocked" || x.state === "sleeping");
    if (blocked.length === 0) {
      // Should not happen: a live process always has a thread.
      this.finished = true;
      return;
    }
    throw diagnoseStuck(blocked, this.mainProcess);
  }

  /** Task descriptions for the Report. */
  taskInfos(): TaskInfo[] {
    return this.threads.map((t) => ({
      id: t.id,
      kind: t.kind,
      name: t.name,
      pid: t.proc.pid,
      parent: t.kind === "process" ? (t.proc.parent?.main.id ?? null) : t.proc.main.id,
      start: t.startTime,
      end: t.endTime,
    }));
  }
}

/** "2", "0.5": seconds as the program gave them. */
function formatSeconds(s: number): string {
  return String(s);
}
