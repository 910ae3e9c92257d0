/**
 * A Report's events and segments in columns of typed arrays, for the trip to the webview.
 *
 * Why: a real run easily records 400 000 events; as JSON that is over 50 MB, which VS Code then
 * serializes, ships (over a socket in remote and web setups) and parses again. Typed arrays are
 * sent as binary (VS Code transfers ArrayBuffers in webview messages as they are), strings
 * once each in a table: about 40 bytes an event. No 'vscode' and no DOM imports.
 */
import type { Report, Segment, SourceSpan, TraceEvent } from "../simulator/trace/report";

export interface PackedEvents {
  time: Float64Array;
  task: Int32Array;
  /** Index into `strings`. */
  kind: Int32Array;
  /** Index into `spans` (-1: none). */
  span: Int32Array;
  /** Index into `strings` (-1: none). */
  detail: Int32Array;
  /** TraceEvent.from, .target (-1: none) and .obj (NaN: none). */
  from: Int32Array;
  target: Int32Array;
  obj: Float64Array;
}

export interface PackedSegments {
  task: Int32Array;
  t0: Float64Array;
  t1: Float64Array;
  /** Index into `strings`. */
  state: Int32Array;
  /** Index into `strings` (-1: none). */
  reason: Int32Array;
  /** Index into `spans` (-1: none). */
  span: Int32Array;
}

/** Everything but events and segments as is; those two as columns. */
export interface PackedReport {
  rest: Omit<Report, "events" | "segments">;
  strings: string[];
  /** line, col, endLine, endCol for each distinct span. */
  spans: Int32Array;
  events: PackedEvents;
  segments: PackedSegments;
}

class Interner {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly spans: number[] = [];
  private readonly spanIds = new Map<string, number>();

  str(s: string | undefined): number {
    if (s === undefined) {
      return -1;
    }
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  span(s: SourceSpan | undefined): number {
    if (s === undefined) {
      return -1;
    }
    const key = `${s.line},${s.col},${s.endLine},${s.endCol}`;
    let id = this.spanIds.get(key);
    if (id === undefined) {
      id = this.spans.length / 4;
      this.spans.push(s.line, s.col, s.endLine, s.endCol);
      this.spanIds.set(key, id);
    }
    return id;
  }
}

export function packReport(report: Report): PackedReport {
  const { events, segments, ...rest } = report;
  const it = new Interner();
  const n = events.length;
  const ev: PackedEvents = {
    time: new Float64Array(n),
    task: new Int32Array(n),
    kind: new Int32Array(n),
    span: new Int32Array(n),
    detail: new Int32Array(n),
    from: new Int32Array(n),
    target: new Int32Array(n),
    obj: new Float64Array(n),
  };
  events.forEach((e, i) => {
    ev.time[i] = e.time;
    ev.task[i] = e.task;
    ev.kind[i] = it.str(e.kind);
    ev.span[i] = it.span(e.span);
    ev.detail[i] = it.str(e.detail);
    ev.from[i] = e.from ?? -1;
    ev.target[i] = e.target ?? -1;
    ev.obj[i] = e.obj ?? Number.NaN;
  });
  const m = segments.length;
  const seg: PackedSegments = {
    task: new Int32Array(m),
    t0: new Float64Array(m),
    t1: new Float64Array(m),
    state: new Int32Array(m),
    reason: new Int32Array(m),
    span: new Int32Array(m),
  };
  segments.forEach((s, i) => {
    seg.task[i] = s.task;
    seg.t0[i] = s.t0;
    seg.t1[i] = s.t1;
    seg.state[i] = it.str(s.state);
    seg.reason[i] = it.str(s.reason);
    seg.span[i] = it.span(s.span);
  });
  return { rest, strings: it.strings, spans: Int32Array.from(it.spans), events: ev, segments: seg };
}

/** The Report again (fields that were absent stay absent). */
export function unpackReport(p: PackedReport): Report {
  const spanAt = (k: number): SourceSpan | undefined =>
    k < 0 ? undefined : { line: p.spans[4 * k], col: p.spans[4 * k + 1], endLine: p.spans[4 * k + 2], endCol: p.spans[4 * k + 3] };
  const e = p.events;
  const events: TraceEvent[] = new Array(e.time.length);
  for (let i = 0; i < e.time.length; i++) {
    const ev: TraceEvent = { kind: p.strings[e.kind[i]], time: e.time[i], task: e.task[i] };
    const span = spanAt(e.span[i]);
    if (span !== undefined) {
      ev.span = span;
    }
    if (e.detail[i] >= 0) {
      ev.detail = p.strings[e.detail[i]];
    }
    if (e.from[i] >= 0) {
      ev.from = e.from[i];
    }
    if (e.target[i] >= 0) {
      ev.target = e.target[i];
    }
    if (!Number.isNaN(e.obj[i])) {
      ev.obj = e.obj[i];
    }
    events[i] = ev;
  }
  const s = p.segments;
  const segments: Segment[] = new Array(s.t0.length);
  for (let i = 0; i < s.t0.length; i++) {
    const seg = { task: s.task[i], state: p.strings[s.state[i]], t0: s.t0[i], t1: s.t1[i] } as Segment;
    if (s.reason[i] >= 0) {
      seg.reason = p.strings[s.reason[i]];
    }
    const span = spanAt(s.span[i]);
    if (span !== undefined) {
      seg.span = span;
    }
    segments[i] = seg;
  }
  return { ...p.rest, events, segments };
}

const inRange = (a: Int32Array, lo: number, hi: number): boolean => {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < lo || a[i] >= hi) {
      return false;
    }
  }
  return true;
};

/** Whether `x` is a well-formed PackedReport: the column types and lengths agree and every index points inside its table. */
export function isPackedReport(x: unknown): x is PackedReport {
  if (typeof x !== "object" || x === null) {
    return false;
  }
  const p = x as Partial<PackedReport>;
  const e = p.events;
  const s = p.segments;
  if (!Array.isArray(p.strings) || !p.strings.every((t) => typeof t === "string") || !(p.spans instanceof Int32Array) || p.spans.length % 4 !== 0) {
    return false;
  }
  if (typeof p.rest !== "object" || p.rest === null || e === undefined || s === undefined) {
    return false;
  }
  const n = e.time instanceof Float64Array ? e.time.length : -1;
  const evOk =
    n >= 0 &&
    [e.task, e.kind, e.span, e.detail, e.from, e.target].every((a) => a instanceof Int32Array && a.length === n) &&
    e.obj instanceof Float64Array &&
    e.obj.length === n;
  const m = s.t0 instanceof Float64Array ? s.t0.length : -1;
  const segOk =
    m >= 0 && s.t1 instanceof Float64Array && s.t1.length === m && [s.task, s.state, s.reason, s.span].every((a) => a instanceof Int32Array && a.length === m);
  if (!evOk || !segOk) {
    return false;
  }
  const strs = p.strings.length;
  const spans = p.spans.length / 4;
  return (
    inRange(e.kind, 0, strs) && inRange(e.detail, -1, strs) && inRange(e.span, -1, spans) && inRange(e.from, -1, n) &&
    inRange(s.state, 0, strs) && inRange(s.reason, -1, strs) && inRange(s.span, -1, spans)
  );
}
