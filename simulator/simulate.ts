/**
 * simulate(): one run of a program, as a Report (DESIGN.md §5): the outcome, the schedule
 * token, every task of the simulated machine with its timeline segments, the events (with
 * their sync edges) and per-thread and per-process statistics.
 */
import type { Finding, ProcessStats, Profile, Report, ThreadStats } from "./trace/report";
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
    report.findings.push(...analysisFindings(detector, m, report));
  }
  return report;
}
