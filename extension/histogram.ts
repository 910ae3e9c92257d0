/** An ExploreReport (simulator/explore.ts) as the panel's outcome histogram. */
import type { ExploreReport } from "../simulator/explore";
import type { Histogram } from "./protocol";

export function histogramOf(ex: ExploreReport): Histogram {
  const found = ex.findings.length === 0 ? "no findings" : `${ex.findings.length} distinct finding(s), each with the schedule that shows it with the fewest preemptions`;
  return {
    runs: ex.runs,
    strategy: ex.strategy,
    elapsedMs: Math.round(ex.elapsed * 1000),
    buckets: ex.outcomes.map((o) => ({ status: o.status, stdout: o.stdout, count: o.count, schedule: o.schedule })),
    note: `${ex.runs} schedules explored by explore() (${ex.strategy}; ${ex.schedulesPerSecond} schedules/s): ${found}. The timeline shows one of them.`,
  };
}
