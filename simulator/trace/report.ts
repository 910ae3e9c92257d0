/**
 * The Report: the contract between the simulator, the CLI and the extension (DESIGN.md §5).
 * Defined once here; everything else imports these types.
 */

export type Profile = "3.9" | "3.12" | "3.13t";

export interface Limits {
  maxSteps: number;
  maxTimeS: number;
  maxOutputChars: number;
}

export type OutcomeStatus =
  | "completed"
  | "deadlock"
  | "hang"
  | "exception"
  | "step-limit"
  | "time-limit"
  | "output-limit"
  | "syntax-error"
  | "unsupported"
  | "internal-error";

export interface Outcome {
  status: OutcomeStatus;
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

export interface TaskInfo {
  id: number;
  kind: "process" | "thread" | "asyncio-task" | "greenlet";
  name: string;
  pid: number;
  parent: number | null;
  start: number;
  end: number | null;
}

export interface SourceSpan {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface Segment {
  task: number;
  state: "running" | "ready" | "blocked" | "sleeping" | "io";
  reason?: string;
  t0: number;
  t1: number;
  span?: SourceSpan;
}

/**
 * One thing a task did at a virtual time. Kinds: start, end, spawn, join, exit, print,
 * sleep, lock-acquire, lock-release, lock-timeout, wait, notify, queue-put, queue-get,
 * pipe-send, pipe-recv, event-set, event-wait, process-start, process-join, terminate,
 * gil-switch. Sync edges for a happens-before analysis: `from` is the index (in
 * Report.events) of the earlier event this one synchronizes with (release -> acquire,
 * spawn -> start, end -> join, put -> get, send -> recv, set -> wait); task ids are dense
 * from 0, so they index vector clocks directly.
 */
export interface TraceEvent {
  kind: string;
  time: number;
  task: number;
  span?: SourceSpan;
  detail?: string;
  /** The synchronization object (its Python id()), for lock, queue, pipe and event operations. */
  obj?: number;
  /** Index of the event this one synchronizes with (a happens-before edge from it to this one). */
  from?: number;
  /** The other task involved (the spawned thread, the joined one, the GIL's new holder). */
  target?: number;
}

export type FindingKind =
  | "race"
  | "deadlock"
  | "hang"
  | "potential-deadlock"
  | "gil-serialized"
  | "blocking-call"
  | "unhandled-exception"
  | "misuse"
  | "syntax-error"
  | "unsupported"
  | "limit"
  | "internal-error";

export interface FindingLocation extends SourceSpan {
  task?: string;
  role: string;
}

export interface Finding {
  kind: FindingKind;
  severity: "error" | "warning" | "info";
  /** One sentence a learner understands. */
  message: string;
  detail?: string;
  locations: FindingLocation[];
  schedule?: string;
}

/** Where one thread's virtual time went (seconds). */
export interface ThreadStats {
  task: number;
  name: string;
  running: number;
  /** Ready but waiting for its process's GIL. */
  gilWait: number;
  /** Ready (holding the GIL, or free-threaded) but waiting for a core. */
  coreWait: number;
  /** Blocked or sleeping. */
  blocked: number;
}

/** One process: CPU time of its threads over its lifetime. */
export interface ProcessStats {
  pid: number;
  name: string;
  cpu: number;
  wall: number;
  /** cpu / wall: near 1 when the GIL serializes the threads, up to the core count when they run in parallel. */
  parallelism: number;
  exitcode: number | null;
}

export interface Stats {
  /** Virtual seconds from start to end. */
  virtualTime: number;
  /** Instructions executed. */
  steps: number;
  threads?: ThreadStats[];
  processes?: ProcessStats[];
  /** CPU time of every thread of every process over the run's wall time. */
  parallelism?: number;
}

export interface Report {
  version: 1;
  config: {
    profile: Profile;
    strategy: string;
    seed: number;
    cores: number;
    switchIntervalMs: number;
    limits: Limits;
  };
  outcome: Outcome;
  schedule: string;
  tasks: TaskInfo[];
  segments: Segment[];
  events: TraceEvent[];
  findings: Finding[];
  stats: Stats;
}
