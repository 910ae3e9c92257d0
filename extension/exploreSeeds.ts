/**
 * "Explore Schedules" until the simulator's explore() (DESIGN.md §5) exists: run the program
 * once per seed through simulate() and group the runs by outcome (status + stdout). The note it
 * returns says exactly that, and the panel shows it, so nobody mistakes this for a systematic
 * exploration.
 */
import type { Report } from "../simulator/trace/report";
import type { Histogram, OutcomeBucket } from "./protocol";

/** Runs one seeded simulation; rejects when cancelled. */
export type RunSeed = (seed: number) => Promise<Report>;

export interface ExploreResult {
  histogram: Histogram;
  /** The Report of the first run, shown in the timeline. */
  first: Report;
}

/** Groups finished runs by outcome, most frequent first (ties: the earlier seed first). */
export function histogramOf(runs: { seed: number; report: Report }[], strategy: string, elapsedMs: number): Histogram {
  const byKey = new Map<string, OutcomeBucket>();
  for (const { seed, report } of runs) {
    const key = `${report.outcome.status}\u0000${report.outcome.stdout}`;
    const b = byKey.get(key);
    if (b === undefined) {
      byKey.set(key, { status: report.outcome.status, stdout: report.outcome.stdout, count: 1, seed });
    } else {
      b.count++;
    }
  }
  const buckets = [...byKey.values()].sort((a, b) => b.count - a.count || a.seed - b.seed);
  const distinctSchedules = new Set(runs.map((r) => r.report.schedule)).size;
  const note =
    `${runs.length} runs of simulate() with seeds ${runs[0]?.seed ?? 0}..${runs[runs.length - 1]?.seed ?? 0} ` +
    `(strategy "${strategy}"), grouped by outcome; ${distinctSchedules} distinct schedule token(s). ` +
    "This is a seed sweep, not the systematic explorer (explore() is not built yet): outcomes no seed reached are not shown.";
  return { runs: runs.length, strategy, elapsedMs, buckets, note };
}

/**
 * Runs seeds `firstSeed .. firstSeed + runs - 1` one after another, reporting progress after each.
 * `isCancelled` is checked between runs; `runSeed` itself rejects when a run is cancelled.
 */
export async function exploreSeeds(
  runSeed: RunSeed,
  firstSeed: number,
  runs: number,
  strategy: string,
  onProgress: (done: number) => void,
  isCancelled: () => boolean,
): Promise<ExploreResult | undefined> {
  const start = Date.now();
  const done: { seed: number; report: Report }[] = [];
  for (let i = 0; i < runs; i++) {
    if (isCancelled()) {
      return undefined;
    }
    const seed = firstSeed + i;
    done.push({ seed, report: await runSeed(seed) });
    onProgress(i + 1);
  }
  return { histogram: histogramOf(done, strategy, Date.now() - start), first: done[0].report };
}
