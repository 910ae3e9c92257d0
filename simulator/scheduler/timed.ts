/**
 * `timed`: faithful GIL timing. The longest waiter gets the GIL or the core, and a waiter
 * asks for the GIL exactly one switch interval after it started waiting (CPython's
 * ceval_gil.c: take_gil waits `interval` on a condition variable, then sets
 * gil_drop_request). No randomness: the run is the one the timings imply.
 */
import type { ChoiceSource } from "./choices";
import type { DecisionKind, Scheduler } from "./scheduler";

export class TimedScheduler implements Scheduler {
  readonly name = "timed";
  constructor(readonly choices: ChoiceSource) {}
  pick(enabled: readonly number[], _kind: DecisionKind, _current: number): number {
    return enabled[0];
  }
  switchDelay(interval: number): number {
    return interval;
  }
  onTaskCreated(): void {}
}
