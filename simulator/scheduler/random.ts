/**
 * `random`: a seeded random walk over schedules. Every decision picks uniformly among the
 * enabled tasks, and the delay before a GIL waiter asks for a switch is drawn from
 * 1/64 to 2 switch intervals, so switches land on different eval-breaker points run to run.
 */
import type { ChoiceSource } from "./choices";
import type { DecisionKind, Scheduler } from "./scheduler";

/** Delays a waiter may draw, as fractions of the switch interval. */
const DELAYS = [1 / 64, 1 / 16, 1 / 4, 1 / 2, 1, 1.5, 2, 1 / 128];

export class RandomScheduler implements Scheduler {
  readonly name = "random";
  constructor(readonly choices: ChoiceSource) {}
  pick(enabled: readonly number[], _kind: DecisionKind, _current: number): number {
    return enabled[this.choices.choose(enabled.length)];
  }
  yieldAtSync(): boolean {
    return this.choices.choose(2) === 0;
  }
  switchDelay(interval: number): number {
    return interval * DELAYS[this.choices.choose(DELAYS.length)];
  }
  onTaskCreated(): void {}
}
