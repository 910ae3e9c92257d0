/**
 * Exports a Report as Chrome trace-event JSON (the "JSON Array/Object Format" that Perfetto
 * and chrome://tracing open): one process track per simulated process, one thread track
 * per task, an `X` slice per timeline segment (running, waiting for the GIL, blocked,
 * sleeping), an instant per event, and flow arrows (`s`/`f`) for the sync edges
 * (lock hand-offs, queue and pipe messages, start, join). Times are in microseconds.
 */
import type { Report } from "./report";

interface ChromeEvent {
  name: string;
  ph: "X" | "i" | "M" | "s" | "f";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  s?: "t";
  id?: number;
  bp?: "e";
  args?: Record<string, unknown>;
}

const us = (s: number): number => Math.round(s * 1e9) / 1e3;

/** The trace-event document for `report`. */
export function toChromeTrace(report: Report): { traceEvents: ChromeEvent[]; displayTimeUnit: "ms"; otherData: Record<string, unknown> } {
  const out: ChromeEvent[] = [];
  const pidOf = new Map<number, number>();
  for (const t of report.tasks) {
    pidOf.set(t.id, t.pid);
    if (t.kind === "process") {
      out.push({ name: "process_name", ph: "M", pid: t.pid, tid: t.id, args: { name: `${t.parent === null ? "MainProcess" : t.name} (pid ${t.pid})` } });
    }
    out.push({ name: "thread_name", ph: "M", pid: t.pid, tid: t.id, args: { name: t.name } });
    out.push({ name: "thread_sort_index", ph: "M", pid: t.pid, tid: t.id, args: { sort_index: t.id } });
  }
  for (const g of report.segments) {
    const name = g.state === "running" ? "running" : g.reason ? `${g.state}: ${g.reason}` : g.state;
    const e: ChromeEvent = { name, ph: "X", cat: g.state, pid: pidOf.get(g.task) ?? 0, tid: g.task, ts: us(g.t0), dur: us(g.t1 - g.t0) };
    if (g.span) {
      e.args = { line: g.span.line };
    }
    out.push(e);
  }
  let flow = 0;
  report.events.forEach((ev, i) => {
    const pid = pidOf.get(ev.task) ?? 0;
    const args: Record<string, unknown> = {};
    if (ev.detail !== undefined) {
      args.detail = ev.detail;
    }
    if (ev.span) {
      args.line = ev.span.line;
    }
    if (ev.obj !== undefined) {
      args.obj = ev.obj;
    }
    out.push({ name: ev.kind, ph: "i", s: "t", cat: "event", pid, tid: ev.task, ts: us(ev.time), args: { ...args, index: i } });
    if (ev.from !== undefined) {
      const src = report.events[ev.from];
      if (src !== undefined) {
        flow++;
        out.push({ name: `${src.kind} -> ${ev.kind}`, ph: "s", cat: "sync", id: flow, pid: pidOf.get(src.task) ?? 0, tid: src.task, ts: us(src.time) });
        out.push({ name: `${src.kind} -> ${ev.kind}`, ph: "f", bp: "e", cat: "sync", id: flow, pid, tid: ev.task, ts: us(ev.time) });
      }
    }
  });
  return {
    traceEvents: out,
    displayTimeUnit: "ms",
    otherData: { generator: "interleave", profile: report.config.profile, strategy: report.config.strategy, schedule: report.schedule, outcome: report.outcome.status },
  };
}
