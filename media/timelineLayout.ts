/**
 * The timeline's geometry, without the DOM: lanes (one per task, grouped by process), each
 * lane's segments and events in typed arrays sorted by time, the flows between lanes, and the
 * view (time at the left edge, pixels per second) with zoom and pan.
 *
 * Why typed arrays and binary search: a 100 000-event Report must redraw within a frame while
 * zooming, so drawing touches only what is visible and at most one segment per pixel column
 * (the loops below rely on `t1` being sorted, which holds because one task's segments never
 * overlap).
 */
import type { Report, TaskInfo } from "../simulator/trace/report";
import { matchFlows, type Flow } from "../extension/flows";

export const STATES = ["running", "ready", "blocked", "sleeping", "io"] as const;
export type StateName = (typeof STATES)[number];

export interface Lane {
  task: TaskInfo;
  label: string;
  /** 0 for a process's first task, 1 for the threads under it. */
  indent: number;
  segT0: Float64Array;
  segT1: Float64Array;
  segState: Uint8Array;
  /** Index into report.segments. */
  segIdx: Int32Array;
  evT: Float64Array;
  /** Index into report.events. */
  evIdx: Int32Array;
}

export interface LaidFlow extends Flow {
  fromLane: number;
  toLane: number;
  t0: number;
  t1: number;
}

export interface Layout {
  lanes: Lane[];
  laneOfTask: Map<number, number>;
  tMin: number;
  tMax: number;
  /** Sorted by t0. */
  flows: LaidFlow[];
  /** The longest flow (t1 - t0): how far before the view a visible flow can start. */
  maxFlowSpan: number;
  /** Print events (kind "print" or "stdout"), as indices into report.events, sorted by time. */
  stdoutT: Float64Array;
  stdoutIdx: Int32Array;
}

/** A segment state's index in STATES; STATES.length for a state this UI does not know yet. */
export function stateCode(state: string): number {
  const k = (STATES as readonly string[]).indexOf(state);
  return k < 0 ? STATES.length : k;
}

const STDOUT_KINDS = new Set(["print", "stdout"]);

function sortedBy(idx: number[], key: (i: number) => number): number[] {
  return idx.sort((a, b) => key(a) - key(b) || a - b);
}

export function buildLayout(report: Report): Layout {
  const pidOrder: number[] = [];
  for (const t of report.tasks) {
    if (!pidOrder.includes(t.pid)) {
      pidOrder.push(t.pid);
    }
  }
  const tasks = [...report.tasks].sort((a, b) => {
    const pa = pidOrder.indexOf(a.pid);
    const pb = pidOrder.indexOf(b.pid);
    if (pa !== pb) {
      return pa - pb;
    }
    const ka = a.kind === "process" ? 0 : 1;
    const kb = b.kind === "process" ? 0 : 1;
    return ka - kb || a.start - b.start || a.id - b.id;
  });
  const laneOfTask = new Map<number, number>(tasks.map((t, i) => [t.id, i]));
  const segsOf: number[][] = tasks.map(() => []);
  report.segments.forEach((s, i) => segsOf[laneOfTask.get(s.task) ?? -1]?.push(i));
  const evsOf: number[][] = tasks.map(() => []);
  report.events.forEach((e, i) => evsOf[laneOfTask.get(e.task) ?? -1]?.push(i));

  let tMin = Infinity;
  let tMax = -Infinity;
  const lanes: Lane[] = tasks.map((task, li) => {
    const segs = sortedBy(segsOf[li], (i) => report.segments[i].t0);
    const evs = sortedBy(evsOf[li], (i) => report.events[i].time);
    const lane: Lane = {
      task,
      label: task.kind === "process" ? `${task.name} (pid ${task.pid})` : task.name,
      indent: task.kind === "process" || !tasks.some((t) => t.pid === task.pid && t.kind === "process") ? 0 : 1,
      segT0: Float64Array.from(segs, (i) => report.segments[i].t0),
      segT1: Float64Array.from(segs, (i) => report.segments[i].t1),
      segState: Uint8Array.from(segs, (i) => stateCode(report.segments[i].state)),
      segIdx: Int32Array.from(segs),
      evT: Float64Array.from(evs, (i) => report.events[i].time),
      evIdx: Int32Array.from(evs),
    };
    if (lane.segT0.length > 0) {
      tMin = Math.min(tMin, lane.segT0[0]);
      tMax = Math.max(tMax, lane.segT1[lane.segT1.length - 1]);
    }
    if (lane.evT.length > 0) {
      tMin = Math.min(tMin, lane.evT[0]);
      tMax = Math.max(tMax, lane.evT[lane.evT.length - 1]);
    }
    return lane;
  });
  if (!Number.isFinite(tMin)) {
    tMin = 0;
    tMax = report.stats.virtualTime;
  }
  if (tMax <= tMin) {
    tMax = tMin + Math.max(report.stats.virtualTime, 1e-6);
  }

  const flows: LaidFlow[] = matchFlows(report.events)
    .map((f) => ({
      ...f,
      fromLane: laneOfTask.get(report.events[f.from].task) ?? 0,
      toLane: laneOfTask.get(report.events[f.to].task) ?? 0,
      t0: report.events[f.from].time,
      t1: report.events[f.to].time,
    }))
    .sort((a, b) => a.t0 - b.t0);
  const maxFlowSpan = flows.reduce((m, f) => Math.max(m, f.t1 - f.t0), 0);
  const out = sortedBy(
    report.events.map((_, i) => i).filter((i) => STDOUT_KINDS.has(report.events[i].kind)),
    (i) => report.events[i].time,
  );
  return {
    lanes,
    laneOfTask,
    tMin,
    tMax,
    flows,
    maxFlowSpan,
    stdoutT: Float64Array.from(out, (i) => report.events[i].time),
    stdoutIdx: Int32Array.from(out),
  };
}

/** The first index i with keys[i] >= t (keys sorted ascending); keys.length when none. */
export function lowerBound(keys: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The part of the time axis on screen: `start` at x = 0, `scale` pixels per virtual second. */
export interface View {
  start: number;
  scale: number;
}

export const timeToX = (v: View, t: number): number => (t - v.start) * v.scale;
export const xToTime = (v: View, x: number): number => v.start + x / v.scale;

/** The whole run across `width` pixels, with a small margin. */
export function fitView(layout: Layout, width: number): View {
  const span = layout.tMax - layout.tMin;
  return { start: layout.tMin - span * 0.01, scale: width / (span * 1.02) };
}

/** Zooms by `factor` keeping the time under pixel `x` in place; never further out than the whole run, nor in past 1 ns per pixel. */
export function zoomAt(v: View, factor: number, x: number, layout: Layout, width: number): View {
  const fit = fitView(layout, width);
  const scale = Math.min(Math.max(v.scale * factor, fit.scale), 1e9);
  const t = xToTime(v, x);
  return clampView({ start: t - x / scale, scale }, layout, width);
}

/** Pans by `dx` pixels (positive moves the content right). */
export function panBy(v: View, dx: number, layout: Layout, width: number): View {
  return clampView({ start: v.start - dx / v.scale, scale: v.scale }, layout, width);
}

function clampView(v: View, layout: Layout, width: number): View {
  const span = layout.tMax - layout.tMin;
  const lo = layout.tMin - span * 0.05;
  const hi = layout.tMax + span * 0.05 - width / v.scale;
  return { start: Math.max(lo, Math.min(v.start, Math.max(lo, hi))), scale: v.scale };
}

/**
 * Visits the segments of `lane` visible in [0, width) px, at most one per pixel column: after
 * drawing a segment that ends inside a pixel, it jumps (binary search) to the first segment
 * still running at the next pixel. `draw` gets the segment's position and its pixel extent.
 */
export function forEachVisibleSegment(lane: Lane, v: View, width: number, draw: (i: number, x0: number, x1: number) => void): number {
  const tEnd = xToTime(v, width);
  let i = lowerBound(lane.segT1, v.start);
  let drawn = 0;
  let minX = 0;
  const n = lane.segT0.length;
  while (i < n && lane.segT0[i] <= tEnd) {
    const x0 = Math.max(minX, timeToX(v, lane.segT0[i]));
    const x1 = Math.min(width, timeToX(v, lane.segT1[i]));
    const px = Math.floor(x0);
    drawn++;
    if (x1 < px + 1) {
      // Sub-pixel: this segment stands for its pixel column; skip the rest that end inside it.
      draw(i, px, px + 1);
      minX = px + 1;
      i = Math.max(i + 1, lowerBound(lane.segT1, xToTime(v, minX)));
    } else {
      draw(i, x0, x1);
      minX = x1;
      i++;
    }
  }
  return drawn;
}

/** Visits the sorted times `ts` inside the view, at most one per pixel column. */
export function forEachVisibleTick(ts: Float64Array, v: View, width: number, draw: (i: number, x: number) => void): number {
  const tEnd = xToTime(v, width);
  let i = lowerBound(ts, v.start);
  let drawn = 0;
  while (i < ts.length && ts[i] <= tEnd) {
    const x = timeToX(v, ts[i]);
    draw(i, x);
    drawn++;
    i = Math.max(i + 1, lowerBound(ts, xToTime(v, Math.floor(x) + 1)));
  }
  return drawn;
}

/** The segment of `lane` under time `t`, as an index into the lane's arrays, or -1. */
export function segmentAt(lane: Lane, t: number, slack: number): number {
  const i = lowerBound(lane.segT1, t - slack);
  return i < lane.segT0.length && lane.segT0[i] <= t + slack ? i : -1;
}

/** A "nice" tick step (1, 2 or 5 × 10^k seconds) giving ticks at least `minPx` apart. */
export function tickStep(v: View, minPx: number): number {
  const raw = minPx / v.scale;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    if (m * p >= raw) {
      return m * p;
    }
  }
  return 10 * p;
}
