/**
 * Scrubbing the timeline: where each task was at a virtual time. A task's segments never
 * overlap, so per task they are sorted by start and found by binary search; a segment without a
 * source span falls back to the task's latest event with one.
 */
import type { Report, SourceSpan, TaskInfo } from "../simulator/trace/report";

export interface TaskPosition {
  task: TaskInfo;
  state: string;
  reason?: string;
  span: SourceSpan;
}

interface TaskTrack {
  task: TaskInfo;
  segT0: number[];
  segIdx: number[];
  evT: number[];
  evIdx: number[];
}

/** The last index i with keys[i] <= t, or -1. */
export function lastAtOrBefore(keys: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] <= t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo - 1;
}

export class PositionIndex {
  private readonly tracks: TaskTrack[];

  constructor(private readonly report: Report) {
    const byTask = new Map<number, TaskTrack>(report.tasks.map((task) => [task.id, { task, segT0: [], segIdx: [], evT: [], evIdx: [] }]));
    const segOrder = report.segments.map((_, i) => i).sort((a, b) => report.segments[a].t0 - report.segments[b].t0);
    for (const i of segOrder) {
      const tr = byTask.get(report.segments[i].task);
      tr?.segT0.push(report.segments[i].t0);
      tr?.segIdx.push(i);
    }
    const evOrder = report.events.map((_, i) => i).filter((i) => report.events[i].span !== undefined).sort((a, b) => report.events[a].time - report.events[b].time);
    for (const i of evOrder) {
      const tr = byTask.get(report.events[i].task);
      tr?.evT.push(report.events[i].time);
      tr?.evIdx.push(i);
    }
    this.tracks = [...byTask.values()];
  }

  /** Each live task's state and source position at time `t` (tasks without a known position are left out). */
  at(t: number): TaskPosition[] {
    const out: TaskPosition[] = [];
    for (const tr of this.tracks) {
      const si = lastAtOrBefore(tr.segT0, t);
      const seg = si >= 0 ? this.report.segments[tr.segIdx[si]] : undefined;
      if (seg === undefined || seg.t1 < t) {
        continue;
      }
      let span = seg.span;
      if (span === undefined) {
        const ei = lastAtOrBefore(tr.evT, t);
        span = ei >= 0 ? this.report.events[tr.evIdx[ei]].span : undefined;
      }
      if (span !== undefined) {
        out.push({ task: tr.task, state: seg.state, reason: seg.reason, span });
      }
    }
    return out;
  }
}
