/** Builds a scheduler for a run: a fresh one from a seed, or a replaying one from a token. */
import { ReplayChoices, SeededChoices, type ChoiceSource } from "./choices";
import { PctScheduler } from "./pct";
import { RandomScheduler } from "./random";
import type { Scheduler, StrategyName } from "./scheduler";
import { TimedScheduler } from "./timed";

export type { Scheduler, StrategyName, DecisionKind } from "./scheduler";
export { encodeToken, decodeToken, type ScheduleToken } from "./token";

/** A strategy drawing from `seed`, or replaying `replay` (the choices of a recorded run). */
export function makeScheduler(strategy: StrategyName, seed: number, depth: number, replay?: readonly number[]): Scheduler {
  const choices: ChoiceSource = replay ? new ReplayChoices(replay) : new SeededChoices(seed);
  switch (strategy) {
    case "timed":
      return new TimedScheduler(choices);
    case "random":
      return new RandomScheduler(choices);
    case "pct":
      return new PctScheduler(choices, Math.max(1, depth));
  }
}
