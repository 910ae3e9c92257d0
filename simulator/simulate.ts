/**
 * simulate(): one run of a program, as a Report (DESIGN.md §5): the outcome, the schedule
 * token, every task of the simulated machine with its timeline segments, the events (with
 * their sync edges) and per-thread and per-process statistics.
 */
import type { Finding, ProcessStats, Profile, Report, ThreadStats, TraceEvent } from "./trace/report";
import { runSource, type RunOptions, type RunResult } from "./run";
import { resolveSettings } from "./runtime/session";
import type { Machine } from "./runtime/machine";
import { defaultLimits } from "./vm/vm";
import { analysisFindings, withRaceDetector } from "./analysis/index";

export interface SimulateOptions extends RunOptions {
  /** Run the analyses (races, lock order, GIL); default true. */
  analyze?: boolean;
  profile?: Profile;
  cores?: number;
}

function findingsOf(r: RunResult, filename: string): Finding[] {
  if (r.stop === undefined) {
    return [];
  }
  const loc = { line: r.stop.line, col: r.stop.col, endLine: r.stop.endLine, endCol: r.stop.endCol };
  switch (r.status) {
    case "syntax-error":
      return [{ kind: "syntax-error", severity: "error", message: r.stop.message, locations: [{ ...loc, role: "error" }] }];
    case "unsupported":
      return [{ kind: "unsupported", severity: "error", message: r.stop.message, locations: [{ ...loc, role: "construct" }] }];
    case "exception":
      return [
        {
          kind: "unhandled-exception",
          severity: "error",
          message: `The program stopped with an uncaught exception: ${r.stop.message}`,
          detail: r.stderr,
          locations: [{ ...loc, role: "raised here", task: "MainThread" }],
        },
      ];
    case "deadlock":
    case "hang":
      return [{ kind: r.status, severity: "error", message: r.stop.message, locations: [{ ...loc, role: "waiting" }], schedule: r.schedule }];
    case "step-limit":
    case "time-limit":
    case "output-limit":
      return [{ kind: "limit", severity: "warning", message: `The run was stopped: ${r.stop.message} (in ${filename}).`, locations: [{ ...loc, role: "running" }] }];
    case "internal-error":
      return [{ kind: "internal-error", severity: "error", message: r.stop.message.split("\n")[0], locations: [{ ...loc, role: "running" }] }];
    default:
      return [];
  }
}

/** Rounds to a nanosecond so that Reports print the same everywhere. */
const ns = (x: number): number => Math.round(x * 1e9) / 1e9;

function statsOf(m: Machine, end: number): { threads: ThreadStats[]; processes: ProcessStats[]; parallelism: number } {
  const threads = m.threads.map((t) => ({
    task: t.id,
    name: t.name,
    running: ns(t.stats.running),
    gilWait: ns(t.stats.gilWait),
    coreWait: ns(t.stats.coreWait),
    blocked: ns(t.stats.blocked),
  }));
  let total = 0;
  const processes = m.processes.map((p) => {
    const cpu = p.threads.reduce((a, t) => a + t.stats.running, 0);
    total += cpu;
    const start = p.main.startTime;
    const wall = (p.endTime ?? end) - start;
    return { pid: p.pid, name: p.name, cpu: ns(cpu), wall: ns(wall), parallelism: wall > 0 ? ns(cpu / wall) : 0, exitcode: p.exitcode };
  });
  return { threads, processes, parallelism: end > 0 ? ns(total / end) : 0 };
}

/** Runs `source` once and describes the run as a Report. */
export function simulate(source: string, options: SimulateOptions = {}): Report {
  const filename = options.filename ?? "main.py";
  const settings = { ...options.machine };
  if (options.profile !== undefined) {
    settings.profile = options.profile;
  }
  if (options.cores !== undefined) {
    settings.cores = options.cores;
  }
  const { result: r, detector } = withRaceDetector(filename, () => runSource(source, { ...options, machine: settings }));
  const s = resolveSettings(options.seed ?? 0, settings);
  const limits = { ...defaultLimits, ...options.limits };
  const m = r.machine;
  const end = r.virtualTime;
  const report: Report = {
    version: 1,
    config: {
      profile: s.profile,
      strategy: s.strategy,
      seed: s.seed,
      cores: s.cores,
      switchIntervalMs: s.switchIntervalS * 1000,
      limits,
    },
    outcome: { status: r.status, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode },
    schedule: r.schedule ?? "",
    tasks: m ? m.taskInfos().map((t) => ({ ...t, start: ns(t.start), end: t.end === null ? null : ns(t.end) })) : [],
    segments: m ? m.segments.map((g) => ({ ...g, t0: ns(g.t0), t1: ns(g.t1) })) : [],
    events: m ? m.events.map((e) => ({ ...e, time: ns(e.time) })) : [],
    findings: findingsOf(r, filename),
    stats: { virtualTime: ns(end), steps: r.steps, ...(m ? statsOf(m, end) : {}) },
  };
  if (options.analyze !== false) {
    report.findings.push(...analysisFindings(detector, m, report, r.stop?.waiting));
  }
  report.events = compactLockEvents(report.events);
  return report;
}

/**
 * Drops what a lock's uncontended re-acquisitions add to the Report (the analyses have seen
 * every event by then): an acquire whose sync edge comes from the same thread's own release,
 * and a release that no other thread's acquire follows. A loop of 100 000 `with lock:` in one
 * thread keeps its first acquire and the releases other threads took the lock after; the
 * kept release says how many hand-offs to itself it stands for. `from` indices are remapped.
 */
export function compactLockEvents(events: TraceEvent[]): TraceEvent[] {
  const otherRefs = new Uint8Array(events.length);
  const drop = new Uint8Array(events.length);
  events.forEach((e) => {
    if (e.from !== undefined && events[e.from] !== undefined && events[e.from].task !== e.task) {
      otherRefs[e.from] = 1;
    }
  });
  let dropped = 0;
  const folded = new Map<number, number>();
  events.forEach((e, i) => {
    if (e.kind === "lock-acquire" && e.from !== undefined && events[e.from]?.task === e.task && events[e.from].kind === "lock-release" && !otherRefs[e.from]) {
      drop[i] = 1;
      drop[e.from] = 1;
      dropped += 2;
      folded.set(e.obj ?? -1, (folded.get(e.obj ?? -1) ?? 0) + 1);
    }
  });
  if (dropped === 0) {
    return events;
  }
  const index = new Int32Array(events.length).fill(-1);
  const out: TraceEvent[] = [];
  events.forEach((e, i) => {
    if (!drop[i]) {
      index[i] = out.length;
      out.push(e);
    }
  });
  for (const e of out) {
    if (e.from !== undefined) {
      const to = index[e.from];
      if (to >= 0) {
        e.from = to;
      } else {
        delete e.from;
      }
    }
  }
  // Say on the last release of each folded lock how many re-acquisitions it stands for.
  for (let i = out.length - 1; i >= 0; i--) {
    const e = out[i];
    const n = folded.get(e.obj ?? -1);
    if (e.kind === "lock-release" && n !== undefined) {
      e.detail = `${e.detail ? `${e.detail}; ` : ""}${n} uncontended re-acquisitions by the same thread folded`;
      folded.delete(e.obj ?? -1);
    }
  }
  return out;
}
