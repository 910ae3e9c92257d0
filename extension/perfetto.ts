/**
 * A Report as Chrome trace-event JSON, which Perfetto (ui.perfetto.dev) and chrome://tracing
 * open: `M` metadata events name processes and threads, an `X` event per state segment (`ts`
 * and `dur` in µs of virtual time; one task's segments never overlap, so each track nests),
 * `i` instant events for trace events and findings, and `s`/`f` flow pairs for lock hand-offs
 * and messages.
 *
 * DESIGN.md §1 puts exporters in simulator/trace/; this lives here until it moves there.
 */
import type { Report } from "../simulator/trace/report";
import { matchFlows } from "./flows";

interface TraceEventJson {
  name: string;
  ph: "M" | "X" | "i" | "s" | "f";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  s?: "t" | "p" | "g";
  id?: number;
  bp?: "e";
  args?: Record<string, unknown>;
}

const US_PER_S = 1e6;

/** The Chrome trace-event document for `report` (an object to JSON.stringify). */
export function toChromeTrace(report: Report, fileName: string): { traceEvents: TraceEventJson[]; displayTimeUnit: "ms"; metadata: Record<string, unknown> } {
  const out: TraceEventJson[] = [];
  const pidOf = new Map(report.tasks.map((t) => [t.id, t.pid]));
  const pids = new Set<number>();
  for (const t of report.tasks) {
    if (!pids.has(t.pid)) {
      pids.add(t.pid);
      const proc = report.tasks.find((p) => p.pid === t.pid && p.kind === "process");
      out.push({ name: "process_name", ph: "M", pid: t.pid, tid: 0, args: { name: proc?.name ?? `process ${t.pid}` } });
    }
    out.push({ name: "thread_name", ph: "M", pid: t.pid, tid: t.id, args: { name: t.name } });
  }
  for (const s of report.segments) {
    out.push({
      name: s.reason === undefined ? s.state : `${s.state}: ${s.reason}`,
      cat: s.state,
      ph: "X",
      pid: pidOf.get(s.task) ?? 0,
      tid: s.task,
      ts: s.t0 * US_PER_S,
      dur: Math.max(0, s.t1 - s.t0) * US_PER_S,
      args: s.span === undefined ? undefined : { line: s.span.line },
    });
  }
  report.events.forEach((e) => {
    out.push({
      name: e.kind,
      cat: "event",
      ph: "i",
      s: "t",
      pid: pidOf.get(e.task) ?? 0,
      tid: e.task,
      ts: e.time * US_PER_S,
      args: { detail: e.detail, line: e.span?.line },
    });
  });
  matchFlows(report.events).forEach((f, id) => {
    const a = report.events[f.from];
    const b = report.events[f.to];
    out.push({ name: f.kind, cat: "flow", ph: "s", id, pid: pidOf.get(a.task) ?? 0, tid: a.task, ts: a.time * US_PER_S });
    out.push({ name: f.kind, cat: "flow", ph: "f", bp: "e", id, pid: pidOf.get(b.task) ?? 0, tid: b.task, ts: b.time * US_PER_S });
  });
  for (const f of report.findings) {
    out.push({ name: `${f.kind}: ${f.message}`, cat: "finding", ph: "i", s: "g", pid: 0, tid: 0, ts: report.stats.virtualTime * US_PER_S, args: { lines: f.locations.map((l) => l.line), schedule: f.schedule } });
  }
  return {
    traceEvents: out,
    displayTimeUnit: "ms",
    metadata: { file: fileName, outcome: report.outcome.status, schedule: report.schedule, ...report.config },
  };
}
