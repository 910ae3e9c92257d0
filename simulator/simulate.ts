/**
 * simulate(): one run of a program, as a Report (DESIGN.md §5). This session's machine has
 * one task (the main thread of one process); threads, processes and schedulers build on it.
 */
import type { Finding, Report } from "./trace/report";
import { runSource, type RunOptions, type RunResult } from "./run";
import { defaultLimits } from "./vm/vm";

export interface SimulateOptions extends RunOptions {
  profile?: "3.9" | "3.12" | "3.13t";
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

/** Runs `source` once and describes the run as a Report. */
export function simulate(source: string, options: SimulateOptions = {}): Report {
  const filename = options.filename ?? "main.py";
  const r = runSource(source, options);
  const limits = { ...defaultLimits, ...options.limits };
  return {
    version: 1,
    config: {
      profile: options.profile ?? "3.12",
      strategy: "timed",
      seed: options.seed ?? 0,
      cores: options.cores ?? 4,
      switchIntervalMs: 5,
      limits,
    },
    outcome: { status: r.status, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode },
    schedule: "",
    tasks: [{ id: 0, kind: "thread", name: "MainThread", pid: 4242, parent: null, start: 0, end: r.virtualTime }],
    segments: [{ task: 0, state: "running", t0: 0, t1: r.virtualTime }],
    events: [],
    findings: findingsOf(r, filename),
    stats: { virtualTime: r.virtualTime, steps: r.steps },
  };
}
