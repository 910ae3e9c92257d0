/**
 * The analyses of one run (DESIGN.md §4): races (online, during the run), lock-order
 * inversions and GIL findings (from the Report's events and statistics afterwards).
 */
import type { Machine } from "../runtime/machine";
import type { Finding, Report } from "../trace/report";
import { gilFindings } from "./gil";
import { lockOrderFindings } from "./locks";
import { RaceDetector } from "./races";

export { RaceDetector } from "./races";
export { gilFindings } from "./gil";
export { lockOrderFindings } from "./locks";

/** Runs `run` with the race detector listening to the interpreter's accesses. */
export function withRaceDetector<T>(filename: string, run: () => T): { result: T; detector: RaceDetector } {
  const detector = new RaceDetector(filename);
  detector.install();
  try {
    return { result: run(), detector };
  } finally {
    detector.uninstall();
  }
}

/** Every analysis finding for a finished run, most severe first (a stable order: Reports are compared byte for byte). */
export function analysisFindings(detector: RaceDetector, m: Machine | undefined, report: Pick<Report, "tasks" | "events" | "stats" | "config" | "schedule" | "outcome">): Finding[] {
  const out: Finding[] = [];
  if (m !== undefined) {
    const main = m.mainProcess?.modules.get("__main__")?.dict ?? null;
    out.push(...detector.findings(m, main));
  }
  if (report.outcome.status !== "deadlock") {
    out.push(...lockOrderFindings(report.events, report.tasks, report.schedule));
  }
  out.push(...gilFindings(report));
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
