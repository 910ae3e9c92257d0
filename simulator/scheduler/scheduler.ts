/**
 * The one interface between the simulated machine (runtime/machine.ts) and a scheduling
 * strategy (shuttle's `Scheduler` trait, adapted to a GIL machine). The machine asks at
 * each decision point; a strategy knows nothing about threads' internals.
 */
import type { ChoiceSource } from "./choices";

export type StrategyName = "timed" | "random" | "pct";

/** What the machine is deciding. */
export type DecisionKind = "gil" | "core" | "wake";

export interface Scheduler {
  readonly name: StrategyName;
  /**
   * Picks one of `enabled` (task ids, length >= 1, in the machine's FIFO order) at a decision
   * point; `current` is the task that held the resource, or -1.
   */
  pick(enabled: readonly number[], kind: DecisionKind, current: number): number;
  /** Virtual seconds a thread waiting for the GIL waits before asking the holder to drop it. */
  switchDelay(interval: number): number;
  /**
   * Asked right after a sync operation (a lock acquired): whether the holder should hand the
   * GIL to a waiter at its next eval-breaker point. Exploring strategies say yes at random,
   * so that schedules interleave critical sections (shuttle switches at every sync point).
   */
  yieldAtSync?(): boolean;
  /** Tells the strategy a task was created (PCT gives it a priority). */
  onTaskCreated(id: number): void;
  /** The choices made so far (for the schedule token). */
  readonly choices: ChoiceSource;
}
