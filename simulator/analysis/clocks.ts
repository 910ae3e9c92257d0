/**
 * What every analysis reads from the event stream: vector clocks along its sync edges (an
 * event's `from`), and the locks each task holds.
 *
 * Clocks: a task's own entry starts at 1 and counts its events; each event's snapshot is taken
 * before its task ticks, so an event happened before event j when its own entry is at most j's
 * entry for that task, and an access between two events of a task carries the clock of the
 * later one (it is ordered after the earlier event, not before the later). 0 means "unseen".
 * Incremental: the race detector advances it during the run, the lock-order check once after.
 */
import type { SourceSpan, TraceEvent } from "../trace/report";

export class EventClocks {
  private readonly running: number[][] = [];
  /** The snapshot of each event processed so far. */
  readonly at: number[][] = [];

  /** `follows(e)`: whether e's sync edge counts (the lock-order check ignores the locks' own). */
  constructor(private readonly follows: (e: TraceEvent) => boolean = () => true) {}

  /** Task t's current clock (its own entry is the epoch of its next access). */
  of(t: number): number[] {
    let v = this.running[t];
    if (v === undefined) {
      v = this.running[t] = [];
      v[t] = 1;
    }
    return v;
  }

  /** Folds in the events not seen yet, in order; `onEvent` sees each one. */
  advance(events: readonly TraceEvent[], onEvent?: (e: TraceEvent) => void): void {
    for (let i = this.at.length; i < events.length; i++) {
      const e = events[i];
      const v = this.of(e.task);
      if (e.from !== undefined && e.from < i && this.follows(e)) {
        const src = this.at[e.from];
        for (let k = 0; k < src.length; k++) {
          if ((src[k] ?? 0) > (v[k] ?? 0)) {
            v[k] = src[k];
          }
        }
      }
      this.at.push(v.slice());
      v[e.task]++;
      onEvent?.(e);
    }
  }

  /** Whether event i happened before event j (both advanced over). */
  before(events: readonly TraceEvent[], i: number, j: number): boolean {
    const t = events[i].task;
    return i !== j && this.at[i][t] <= (this.at[j][t] ?? 0);
  }
}

/** A lock a task holds: its id(), where it was taken, and the index of the acquiring event. */
export interface Hold {
  obj: number;
  span: SourceSpan | undefined;
  at: number;
}

/**
 * Walks the lock events: `onAcquire` sees each acquisition with the locks its task held just
 * before it; returns what each task still holds at the end.
 */
export function walkHolds(events: readonly TraceEvent[], onAcquire?: (e: TraceEvent, index: number, held: readonly Hold[]) => void): Map<number, Hold[]> {
  const held = new Map<number, Hold[]>();
  events.forEach((e, i) => {
    if (e.obj === undefined || (e.kind !== "lock-acquire" && e.kind !== "lock-release")) {
      return;
    }
    let h = held.get(e.task);
    if (h === undefined) {
      h = [];
      held.set(e.task, h);
    }
    if (e.kind === "lock-acquire") {
      onAcquire?.(e, i, h);
      h.push({ obj: e.obj, span: e.span, at: i });
    } else {
      const k = h.map((x) => x.obj).lastIndexOf(e.obj);
      if (k >= 0) {
        h.splice(k, 1);
      }
    }
  });
  return held;
}
