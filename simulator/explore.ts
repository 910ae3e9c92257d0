/**
 * explore(): many schedules of one program (DESIGN.md §4–§5). A portfolio of strategies — the
 * faithful `timed` run first, then `random` and `pct` (depth 3) runs with successive seeds —
 * gives an outcome histogram (stdout + status -> count) and the de-duplicated findings of every
 * run, each with the token of the run that shows it with the fewest preemptions (GIL
 * hand-offs), so that its replay is the shortest story.
 */
import { simulate, type SimulateOptions } from "./simulate";
import type { Finding, OutcomeStatus, Report } from "./trace/report";
import type { StrategyName } from "./scheduler/index";

export interface ExploreOptions extends SimulateOptions {
  /** Number of schedules (default 100). */
  runs?: number;
  /** Stop after this many wall seconds (the run count then depends on the machine: not for byte-identical output). */
  timeS?: number;
  /** Called after each run with its Report (progress, cancellation: return false to stop). */
  onRun?: (done: number, total: number, report: Report) => boolean | void;
}

export interface ExploreOutcome {
  stdout: string;
  status: OutcomeStatus;
  count: number;
  /** A schedule that gives this outcome. */
  schedule: string;
}

export interface ExploreFinding extends Finding {
  /** In how many of the runs it was found. */
  runs: number;
  /** Preemptions (GIL hand-offs) of the run whose token it carries. */
  preemptions: number;
}

export interface ExploreReport {
  version: 1;
  runs: number;
  strategy: string;
  /** Wall seconds the exploration took (the one field that differs between identical explorations). */
  elapsed: number;
  schedulesPerSecond: number;
  outcomes: ExploreOutcome[];
  findings: ExploreFinding[];
}

/** The strategy and seed of run `i` of the portfolio. */
export function portfolio(i: number, seed: number): { strategy: StrategyName; seed: number } {
  if (i === 0) {
    return { strategy: "timed", seed };
  }
  return { strategy: i % 2 === 1 ? "random" : "pct", seed: seed + i };
}

/**
 * What makes two findings the same: kind and message (it names the variables, tasks and
 * lines); a GIL finding's figures vary with the schedule, so they do not count.
 */
const findingKey = (f: Finding): string =>
  `${f.kind}|${f.severity}|${f.kind === "gil-serialized" ? f.message.replace(/\d+(\.\d+)?/g, "#") : f.message}`;

const preemptionsOf = (r: Report): number => r.events.reduce((n, e) => n + (e.kind === "gil-switch" ? 1 : 0), 0);

export function explore(source: string, options: ExploreOptions = {}): ExploreReport {
  const total = Math.max(1, Math.floor(options.runs ?? 100));
  const deadline = options.timeS !== undefined ? Date.now() + options.timeS * 1000 : Infinity;
  const seed = options.seed ?? 0;
  const started = Date.now();
  const outcomes = new Map<string, ExploreOutcome>();
  const findings = new Map<string, ExploreFinding>();
  let runs = 0;
  const limit = options.timeS !== undefined && options.runs === undefined ? Infinity : total;
  while (runs < limit && Date.now() < deadline) {
    const p = portfolio(runs, seed);
    const report = simulate(source, { ...options, seed: p.seed, machine: { ...options.machine, strategy: p.strategy, schedule: undefined } });
    runs++;
    const key = `${report.outcome.status}\u0000${report.outcome.stdout}`;
    const o = outcomes.get(key);
    if (o === undefined) {
      outcomes.set(key, { stdout: report.outcome.stdout, status: report.outcome.status, count: 1, schedule: report.schedule });
    } else {
      o.count++;
    }
    const pre = preemptionsOf(report);
    for (const f of report.findings) {
      const k = findingKey(f);
      const seen = findings.get(k);
      if (seen === undefined) {
        findings.set(k, { ...f, schedule: report.schedule, runs: 1, preemptions: pre });
      } else {
        seen.runs++;
        if (pre < seen.preemptions) {
          findings.set(k, { ...f, schedule: report.schedule, runs: seen.runs, preemptions: pre });
        }
      }
    }
    if (options.onRun?.(runs, limit === Infinity ? runs : limit, report) === false) {
      break;
    }
  }
  const elapsed = (Date.now() - started) / 1000;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return {
    version: 1,
    runs,
    strategy: "portfolio: timed, then random and pct (depth 3) alternating",
    elapsed,
    schedulesPerSecond: elapsed > 0 ? Math.round((runs / elapsed) * 10) / 10 : runs,
    outcomes: [...outcomes.values()].sort((a, b) => b.count - a.count),
    findings: [...findings.values()].sort((a, b) => rank[a.severity] - rank[b.severity]),
  };
}

/** The finding kinds `check` fails on by default: every error-level finding. */
export function failingFindings(r: ExploreReport, kinds: readonly string[] | null): ExploreFinding[] {
  return r.findings.filter((f) => (kinds === null ? f.severity === "error" : kinds.includes(f.kind)));
}
