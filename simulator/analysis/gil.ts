/**
 * GIL findings (DESIGN.md §4): CPU-bound threads that the GIL serializes, and I/O-bound threads
 * that overlap their waits well.
 */
import type { Finding, Profile, Report, SourceSpan } from "../trace/report";


const pct = (x: number): string => `${Math.round(x * 100)}%`;
const secs = (x: number): string => (x >= 1 ? `${x.toFixed(2)} s` : `${(x * 1000).toFixed(1)} ms`);

export function gilFindings(report: Pick<Report, "tasks" | "events" | "stats" | "config" | "outcome">): Finding[] {
  const threads = report.stats.threads ?? [];
  const processes = report.stats.processes ?? [];
  const profile: Profile = report.config.profile;
  const out: Finding[] = [];
  const spawnSpan = new Map<number, SourceSpan>();
  for (const e of report.events) {
    if ((e.kind === "spawn" || e.kind === "process-start") && e.target !== undefined && e.span !== undefined) {
      spawnSpan.set(e.target, e.span);
    }
  }
  for (const p of processes) {
    const members = report.tasks.filter((t) => t.pid === p.pid);
    const stats = threads.filter((s) => members.some((t) => t.id === s.task));
    // Threads that wanted the CPU for most of the process's life, and long enough to matter.
    // CPU time each thread must have used to count as CPU-bound: two switch intervals.
    const minCpu = (2 * report.config.switchIntervalMs) / 1000;
    const busy = stats.filter((s) => s.running + s.gilWait > 0.5 * p.wall && s.running >= minCpu && p.wall > 0);
    if (busy.length < 2) {
      continue;
    }
    const waited = busy.reduce((a, s) => a + s.gilWait, 0);
    const wanted = busy.reduce((a, s) => a + s.running + s.gilWait, 0);
    const locs = busy
      .map((s) => ({ s, span: spawnSpan.get(s.task) }))
      .filter((x) => x.span !== undefined)
      .map((x) => ({ ...x.span!, task: x.s.name, role: "CPU-bound thread" }));
    if (profile !== "3.13t" && p.parallelism < 1.25 && waited > 0.2 * wanted) {
      out.push({
        kind: "gil-serialized",
        severity: "warning",
        message: `${busy.length} CPU-bound threads of ${p.name} ran one at a time: parallelism ${p.parallelism.toFixed(2)}x on ${report.config.cores} cores, and they spent ${pct(waited / wanted)} of their time waiting for the GIL. Use processes (multiprocessing, ProcessPoolExecutor) or the free-threaded 3.13t build for CPU-bound work.`,
        detail: busy.map((s) => `${s.name}: ran ${secs(s.running)}, waited for the GIL ${secs(s.gilWait)}`).join("; ") + ".",
        locations: locs,
      });
    }
  }
  // Threads that mostly waited (sleep, I/O, locks) and overlapped: the GIL does not hurt them
  // (not said of a program that deadlocked or hung: its threads waited for each other).
  const stuck = report.outcome.status === "deadlock" || report.outcome.status === "hang";
  for (const p of stuck ? [] : processes) {
    const members = report.tasks.filter((t) => t.pid === p.pid && t.kind === "thread");
    const stats = threads.filter((s) => members.some((t) => t.id === s.task));
    const waiting = stats.filter((s) => s.blocked > 0.5 * p.wall && s.blocked > 10 * s.running && p.wall > 0);
    if (waiting.length >= 2) {
      const total = waiting.reduce((a, s) => a + s.blocked, 0);
      if (total > 1.5 * p.wall) {
        out.push({
          kind: "gil-serialized",
          severity: "info",
          message: `${waiting.length} I/O-bound threads of ${p.name} overlapped their waits: ${secs(total)} of waiting took ${secs(p.wall)} of wall time. Threads suit this work; the GIL is released while they wait.`,
          locations: waiting
            .map((s) => ({ s, span: spawnSpan.get(s.task) }))
            .filter((x) => x.span !== undefined)
            .map((x) => ({ ...x.span!, task: x.s.name, role: "waiting thread" })),
        });
      }
    }
  }
  return out;
}
