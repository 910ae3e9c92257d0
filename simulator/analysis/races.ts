/**
 * Race detection (DESIGN.md §4): happens-before with vector clocks over the run's sync edges,
 * and atomicity violations on shared locations.
 *
 * The interpreter reports every access to shared state (vm/access.ts); the machine records sync
 * events with their edges (`from`). Both arrive in execution order, so the detector works
 * online: before each access it folds in the events recorded since the last one, keeping a
 * vector clock per task (FastTrack's epochs: an access is `task@clock`, and it happened before
 * a later point of task U when clock <= U's clock for that task).
 *
 * A *race* (an error) is a read of a location and a write of it back by the same task in the
 * same call with no synchronization between them (a read-modify-write: `balance = balance + n`,
 * `counts[0] += 1`, `if k not in d: d[k] = ...`), and a write of the same location by another
 * task that happens-before neither: that write may fall between the read and the write back,
 * and is then lost. A location read repeatedly by one task and written by another with nothing
 * ordering them is *flag polling* (a warning). Single operations that the GIL makes atomic
 * (`list.append`, `d[k] = v` alone) are never paired, so they never race with each other.
 */
import type { Frame } from "../vm/frame";
import { Access, setAccessHook } from "../vm/access";
import { PyCell, PyDict, PyFloat, PyList, PyModule, PyObject, PyType, type PyValue } from "../vm/objects";
import type { Machine } from "../runtime/machine";
import { currentMachine } from "../runtime/machine";
import type { Finding, SourceSpan } from "../trace/report";
import { EventClocks } from "./clocks";

/** One access, as the detector keeps it. */
interface Acc {
  task: number;
  /** The task's own clock at the access (its epoch). */
  clock: number;
  /** The task's count of sync operations so far (a read and a write with the same count have nothing between them). */
  sync: number;
  frame: number;
  span: SourceSpan;
  /** The value read or written, for the explanation (small values only). */
  value: string | undefined;
}

interface Loc {
  container: object;
  key: PyValue;
  lastRead: Map<number, Acc>;
  lastWrite: Map<number, Acc>;
  /** The last read-modify-write pair of each task. */
  lastRmw: Map<number, { r: Acc; w: Acc }>;
  /** Reads by each task since its last write (for flag polling). */
  reads: Map<number, number>;
  /** Tasks found polling it (reading it again and again) while another task writes it unordered. */
  pollers: Set<number>;
}

/** Sync operations that end an atomic region (prints, sleeps and GIL hand-offs do not). */
const NOT_SYNC = new Set(["print", "sleep", "gil-switch"]);

/** More threads than this: the analysis is skipped (vector clocks grow with the thread count). */
const MAX_TASKS = 256;

export interface RaceReport {
  kind: "race" | "flag";
  loc: Loc;
  /** race: the task's read and write back; flag: the polling read. */
  r: Acc;
  w?: Acc;
  /** The other task's write (or, for `check`, its read of the same check). */
  other: Acc;
  /** Check-then-act: `other` runs the same check, unordered with the write. */
  check?: boolean;
}

export class RaceDetector {
  private readonly containers = new Map<object, Map<PyValue, Loc>>();
  private readonly clocks = new EventClocks();
  /** Each task's count of sync operations so far (see Acc.sync). */
  private readonly syncCounts: number[] = [];
  private readonly frames = new WeakMap<Frame, number>();
  private frameSerial = 0;
  readonly reports: RaceReport[] = [];
  private readonly reported = new Set<string>();
  skipped = false;

  constructor(private readonly filename: string) {}

  install(): void {
    setAccessHook((kind, container, key, value, f, pc) => this.onAccess(kind, container, key, value, f, pc));
  }

  uninstall(): void {
    setAccessHook(null);
  }

  private frameId(f: Frame): number {
    let id = this.frames.get(f);
    if (id === undefined) {
      id = ++this.frameSerial;
      this.frames.set(f, id);
    }
    return id;
  }

  private onAccess(kind: Access, container: object, key: PyValue, value: PyValue | undefined, f: Frame, pc: number): void {
    if (this.skipped || f.code.filename !== this.filename) {
      return;
    }
    const m = currentMachine();
    const cur = m?.cur;
    if (m === null || m === undefined || cur === null || cur === undefined) {
      return;
    }
    if (m.threads.length > MAX_TASKS) {
      this.skipped = true;
      return;
    }
    this.clocks.advance(m.events, (e) => {
      if (!NOT_SYNC.has(e.kind)) {
        this.syncCounts[e.task] = (this.syncCounts[e.task] ?? 0) + 1;
      }
    });
    const task = cur.id;
    const v = this.clocks.of(task);
    const p = f.code.positions;
    const acc: Acc = {
      task,
      clock: v[task],
      sync: this.syncCounts[task] ?? 0,
      frame: this.frameId(f),
      span: { line: p[pc * 4], col: p[pc * 4 + 1], endLine: p[pc * 4 + 2], endCol: p[pc * 4 + 3] },
      value: describeValue(value),
    };
    const loc = this.location(container, key);
    if (kind === Access.Read) {
      // The same check another task made before its write, unordered with that write: in another
      // schedule both checks pass before either write (check-then-act).
      for (const [u, pair] of loc.lastRmw) {
        if (u !== task && pair.w.clock > (v[u] ?? 0) && sameSpan(pair.r.span, acc.span)) {
          this.report({ kind: "race", loc, r: pair.r, w: pair.w, other: acc, check: true });
        }
      }
      // Keep the first read of this call since the task's last sync: a check (`if x >= n:`)
      // comes before the read of the update itself (`x -= n`).
      const prev = loc.lastRead.get(task);
      if (prev === undefined || prev.frame !== acc.frame || prev.sync !== acc.sync) {
        loc.lastRead.set(task, acc);
      }
      const n = (loc.reads.get(task) ?? 0) + 1;
      loc.reads.set(task, n);
      if (n >= 3 && !loc.pollers.has(task)) {
        for (const [u, w] of loc.lastWrite) {
          if (u !== task && w.clock > (v[u] ?? 0)) {
            loc.pollers.add(task);
            this.report({ kind: "flag", loc, r: acc, other: w });
            break;
          }
        }
      }
      return;
    }
    loc.reads.set(task, 0);
    // Tasks polling this location (reading it again and again) with nothing ordering their
    // reads and this write.
    for (const [u, count] of loc.reads) {
      const ur = loc.lastRead.get(u);
      if (u !== task && count >= 3 && ur !== undefined && !loc.pollers.has(u) && ur.clock > (v[u] ?? 0)) {
        loc.pollers.add(u);
        this.report({ kind: "flag", loc, r: ur, other: acc });
      }
    }
    // This task's read-modify-write, against earlier writes by others that it does not follow.
    const r = loc.lastRead.get(task);
    if (r !== undefined && r.frame === acc.frame && r.sync === acc.sync) {
      const pair = { r, w: acc };
      loc.lastRmw.set(task, pair);
      for (const [u, w] of loc.lastWrite) {
        if (u !== task && w.clock > (v[u] ?? 0)) {
          this.report({ kind: "race", loc, r, w: acc, other: w });
        }
      }
      for (const [u, ur] of loc.lastRead) {
        if (u !== task && ur.clock > (v[u] ?? 0) && sameSpan(ur.span, r.span)) {
          this.report({ kind: "race", loc, r, w: acc, other: ur, check: true });
        }
      }
    }
    // Other tasks' read-modify-writes that this write does not follow: it may fall inside them.
    for (const [u, pair] of loc.lastRmw) {
      if (u !== task && pair.w.clock > (v[u] ?? 0)) {
        this.report({ kind: "race", loc, r: pair.r, w: pair.w, other: acc });
      }
    }
    loc.lastRead.delete(task);
    loc.lastWrite.set(task, acc);
  }

  private location(container: object, key: PyValue): Loc {
    let byKey = this.containers.get(container);
    if (byKey === undefined) {
      byKey = new Map();
      this.containers.set(container, byKey);
    }
    const k = typeof key === "boolean" ? +key : key instanceof PyFloat && Number.isInteger(key.v) ? key.v : key;
    let loc = byKey.get(k);
    if (loc === undefined) {
      loc = { container, key, lastRead: new Map(), lastWrite: new Map(), lastRmw: new Map(), reads: new Map(), pollers: new Set() };
      byKey.set(k, loc);
    }
    return loc;
  }

  private report(r: RaceReport): void {
    const id = `${r.kind}|${this.reportKey(r)}`;
    if (this.reported.has(id)) {
      return;
    }
    this.reported.add(id);
    this.reports.push(r);
  }

  private reportKey(r: RaceReport): string {
    const lines = [r.r.span.line, r.w?.span.line ?? 0, r.other.span.line, r.kind === "flag" ? `t${r.r.task}` : ""].join(",");
    return `${lines}|${typeof r.loc.key === "object" ? "" : String(r.loc.key)}`;
  }

  /** The findings of the run `m` made (call after the run). */
  findings(m: Machine, mainGlobals: PyDict | null): Finding[] {
    const name = (t: number): string => m.threads[t]?.name ?? `task ${t}`;
    const out: Finding[] = [];
    if (this.skipped) {
      out.push({
        kind: "limit",
        severity: "info",
        message: `The race analysis was not run: the program started more than ${MAX_TASKS} threads (their vector clocks would grow with every one).`,
        locations: [],
      });
    }
    // One flag-polling warning per location, naming every poller and setter (the same words
    // whichever schedule found them first).
    for (const [loc, reports] of byLocation(this.reports, "flag")) {
      const where = locationName(loc, mainGlobals);
      const pollers = sortedUnique(reports.map((x) => x.r.task));
      const setters = sortedUnique(reports.map((x) => x.other.task));
      const readLines = sortedUnique(reports.map((x) => x.r.span.line));
      const writeLines = sortedUnique(reports.map((x) => x.other.span.line));
      const r = reports[0];
      out.push({
        kind: "race",
        severity: "warning",
        message: `${listOf(pollers.map(name))} ${pollers.length === 1 ? "polls" : "poll"} ${where} in a loop while ${listOf(setters.map(name))} ${setters.length === 1 ? "sets" : "set"} it, with nothing ordering them (${readLines.length === 1 ? "line" : "lines"} ${listOf(readLines.map(String))} read, ${writeLines.length === 1 ? "line" : "lines"} ${listOf(writeLines.map(String))} ${writeLines.length === 1 ? "writes" : "write"}): use a threading.Event, a Condition or a Queue instead.`,
        detail:
          `${name(r.other.task)} writes ${where}${val(r.other)} at line ${r.other.span.line}; ${name(r.r.task)} keeps reading it at line ${r.r.span.line}. ` +
          `No lock, event or queue orders the write before the reads, so the reader busy-waits (holding the GIL half the time) and, without a GIL, may not see the write promptly.`,
        locations: [
          ...pollers.map((t) => ({ ...reports.find((x) => x.r.task === t)!.r.span, task: name(t), role: "polls" })),
          ...setters.map((t) => ({ ...reports.find((x) => x.other.task === t)!.other.span, task: name(t), role: "sets" })),
        ],
      });
    }
    // One race finding per location: the first interleaving found explains it; every line takes part.
    for (const [loc, all] of byLocation(this.reports, "race")) {
      const where = locationName(loc, mainGlobals);
      // A one-line update found through the same check in another task is a lost update too.
      const lost = all.filter((x) => !x.check || x.r.span.line === x.w!.span.line);
      const reports = lost.length !== 0 ? lost : all;
      const r = reports[0];
      const t = name(r.r.task);
      const u = name(r.other.task);
      const tasks = sortedUnique(reports.flatMap((x) => [x.r.task, x.other.task])).map(name);
      const lines = sortedUnique(reports.flatMap((x) => [x.r.span.line, x.w!.span.line, x.other.span.line]));
      const oneLine = reports.every((x) => x.r.span.line === x.w!.span.line);
      const gilNote = oneLine
        ? " CPython 3.10–3.12 hand the GIL over only at calls and loop jumps, so a one-line update without a call in it is seldom interrupted there and the total may come out right; under 3.9 or the free-threaded 3.13t updates are lost."
        : "";
      const seen = new Set<string>();
      const locations = [];
      for (const x of reports) {
        for (const [a, role] of [
          [x.r, "reads"],
          [x.w!, "writes back"],
          [x.other, x.check ? "updates it too" : "writes in between"],
        ] as const) {
          const key = `${a.span.line}:${a.span.col}:${name(a.task)}:${role}`;
          if (!seen.has(key)) {
            seen.add(key);
            locations.push({ ...a.span, task: name(a.task), role });
          }
        }
      }
      if (lost.length === 0) {
        out.push({
          kind: "race",
          severity: "error",
          message: `Check-then-act on ${where}: ${t} checks it and then sets it (${r.r.span.line === r.w!.span.line ? `line ${r.r.span.line}` : `lines ${r.r.span.line} and ${r.w!.span.line}`}) while ${u} makes the same check with nothing ordering it after ${t}'s write, so both can see the old value and both act on it; make the check and the write one locked step.`,
          detail:
            `${t} reads ${where}${val(r.r)} at line ${r.r.span.line} and writes it${val(r.w!)} at line ${r.w!.span.line}; ${u} reads it at line ${r.other.span.line}. ` +
            `In this run ${u}'s check came after the write, but nothing (a lock, a join, a queue) makes it so: in another schedule ${u} reads ${where} before ${t} writes it, and both write.`,
          locations: [
            { ...r.r.span, task: t, role: "checks" },
            { ...r.w!.span, task: t, role: "acts" },
            { ...r.other.span, task: u, role: "checks too" },
          ],
        });
        continue;
      }
      out.push({
        kind: "race",
        severity: "error",
        message: `Lost update on ${where}: ${listOf(tasks)} each read it and write it back (${lines.length === 1 ? "line" : "lines"} ${listOf(lines.map(String))}) with nothing ordering them, so one's write can fall between another's read and write; protect every access with the same Lock.`,
        detail:
          (r.check
            ? `${t} reads ${where}${val(r.r)} at line ${r.r.span.line} and writes it back${val(r.w!)} at line ${r.w!.span.line}; ${u} runs the same update at line ${r.other.span.line}. ` +
              `In this run ${u} came after ${t}'s write, but nothing (a lock, a join, a queue) makes it so: in another schedule both read the same value, both write back, and one update is lost.`
            : `${t} reads ${where}${val(r.r)} at line ${r.r.span.line}; ${u} writes ${where}${val(r.other)} at line ${r.other.span.line}; ` +
              `${t} writes ${where}${val(r.w!)} at line ${r.w!.span.line}, computed from the value it read before: ${u}'s update is lost. ` +
              `Nothing (a lock, a join, a queue) orders ${u}'s write before ${t}'s read or after its write.`) + gilNote,
        locations,
      });
    }
    return out;
  }
}

const sortedUnique = (xs: number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/** The reports of one kind, by location, in the order they were found. */
function byLocation(reports: RaceReport[], kind: RaceReport["kind"]): Map<Loc, RaceReport[]> {
  const out = new Map<Loc, RaceReport[]>();
  for (const r of reports) {
    if (r.kind === kind) {
      out.set(r.loc, [...(out.get(r.loc) ?? []), r]);
    }
  }
  return out;
}

const listOf = (xs: string[]): string => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

const sameSpan = (a: SourceSpan, b: SourceSpan): boolean => a.line === b.line && a.col === b.col && a.endCol === b.endCol;

function val(a: Acc): string {
  return a.value === undefined ? "" : ` (${a.value})`;
}

function describeValue(v: PyValue | undefined): string | undefined {
  switch (typeof v) {
    case "number":
    case "bigint":
      return String(v);
    case "boolean":
      return v ? "True" : "False";
    case "string":
      return v.length <= 20 ? JSON.stringify(v) : undefined;
  }
  if (v instanceof PyFloat) {
    return String(v.v);
  }
  return undefined;
}

/** How the program would name the location: `balance`, `counts[0]`, `cache['k']`, `Counter.value`. */
function locationName(loc: Loc, mainGlobals: PyDict | null): string {
  const c = loc.container;
  const key = loc.key;
  const keyText = typeof key === "string" ? `'${key}'` : String(key);
  if (c === mainGlobals) {
    return String(key);
  }
  if (c instanceof PyDict) {
    return `${globalNameOf(c, mainGlobals) ?? "a dict"}[${keyText}]`;
  }
  if (c instanceof PyList) {
    const n = globalNameOf(c, mainGlobals);
    return `${n ?? "a list"}[${String(key)}]`;
  }
  if (c instanceof PyCell) {
    return String(key);
  }
  if (c instanceof PyType) {
    return `${c.name}.${String(key)}`;
  }
  if (c instanceof PyModule) {
    return `${c.name}.${String(key)}`;
  }
  if (c instanceof PyObject) {
    const n = globalNameOf(c, mainGlobals);
    return n !== null ? `${n}.${String(key)}` : `${c.cls.name}.${String(key)}`;
  }
  return String(key);
}

function globalNameOf(o: object, g: PyDict | null): string | null {
  if (g === null) {
    return null;
  }
  for (const [k, v] of g.entries()) {
    if (v === o && typeof k === "string") {
      return k;
    }
  }
  return null;
}
