/**
 * `pct`: probabilistic concurrency testing ("A Randomized Scheduler with Probabilistic
 * Guarantees of Finding Bugs", Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010).
 * Each task gets a random distinct priority above d; the highest-priority enabled task
 * always wins a decision; at d-1 randomly chosen decision points the current task's
 * priority drops below every initial one (to d-1, d-2, ...). A bug of depth d is found
 * with probability at least 1/(n k^(d-1)). Decisions here are GIL hand-offs and core
 * grants; waiters ask for the GIL after a short delay so decisions are frequent.
 */
import type { ChoiceSource } from "./choices";
import type { DecisionKind, Scheduler } from "./scheduler";

/** How many decision points a run is assumed to have when placing change points. */
const EXPECTED_DECISIONS = 200;

export class PctScheduler implements Scheduler {
  readonly name = "pct";
  private readonly priority = new Map<number, number>();
  private readonly changePoints: number[] = [];
  private decisions = 0;
  private nextLow: number;
  constructor(
    readonly choices: ChoiceSource,
    readonly depth: number,
  ) {
    this.nextLow = depth - 1;
    for (let i = 0; i < depth - 1; i++) {
      this.changePoints.push(1 + choices.choose(EXPECTED_DECISIONS));
    }
  }
  onTaskCreated(id: number): void {
    // Distinct priorities above `depth`: a random position among the existing ones.
    const p = this.depth + 1 + this.choices.choose(1 << 20) + id / 1024;
    this.priority.set(id, p);
  }
  pick(enabled: readonly number[], _kind: DecisionKind, current: number): number {
    this.decisions++;
    if (current >= 0 && this.changePoints.includes(this.decisions)) {
      this.priority.set(current, this.nextLow--);
    }
    let best = enabled[0];
    for (const id of enabled) {
      if ((this.priority.get(id) ?? 0) > (this.priority.get(best) ?? 0)) {
        best = id;
      }
    }
    return best;
  }
  switchDelay(interval: number): number {
    return interval / 16;
  }
}
