/**
 * The analyses of one run (DESIGN.md §4): races (online, during the run), lock-order
 * inversions and GIL findings (from the Report's events and statistics afterwards).
 */
import type { Machine } from "../runtime/machine";
import type { Waiter } from "../runtime/waitfor";
import type { Finding, Report } from "../trace/report";
import { objectId } from "../vm/identity";
import { PyDict, PyList, PyObject, PyTuple, PyType, type PyValue } from "../vm/objects";
import { gilFindings } from "./gil";
import { walkHolds } from "./clocks";
import { lockOrderFindings, type LockNamer } from "./locks";
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

/**
 * Every analysis finding for a finished run, most severe first (a stable order: Reports are
 * compared byte for byte). Also retells the machine's deadlock finding in `report`.
 */
export function analysisFindings(detector: RaceDetector, m: Machine | undefined, report: Report, waiting: readonly Waiter[] = []): Finding[] {
  const out: Finding[] = [];
  const main = m?.mainProcess?.modules.get("__main__")?.dict ?? null;
  const namer = lockNamer(main);
  if (m !== undefined) {
    out.push(...detector.findings(m, main));
  }
  if (report.outcome.status !== "deadlock") {
    out.push(...lockOrderFindings(report.events, report.tasks, report.schedule, namer));
  }
  out.push(...gilFindings(report));
  if (report.outcome.status === "deadlock") {
    // The machine's deadlock finding (in report.findings) is retold with what each task holds.
    const i = report.findings.findIndex((f) => f.kind === "deadlock");
    if (i >= 0) {
      report.findings[i] = explainDeadlock(report.findings[i], report, waiting, namer);
    }
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Names objects as the program refers to them, from the main module's globals: `a`,
 * `forks[1]`, `locks['x']`, `account.lock` (one level of containers and attributes).
 */
export function lockNamer(globals: PyDict | null): LockNamer {
  const names = new Map<number, string>();
  if (globals !== null) {
    const add = (v: PyValue, name: string): void => {
      if (v instanceof PyObject && !(v instanceof PyType) && !names.has(objectId(v))) {
        names.set(objectId(v), name);
      }
    };
    for (const [k, v] of globals.entries()) {
      if (typeof k !== "string" || k.startsWith("__")) {
        continue;
      }
      add(v, k);
      if (v instanceof PyList || v instanceof PyTuple) {
        v.items.forEach((x, i) => add(x, `${k}[${i}]`));
      } else if (v instanceof PyDict) {
        for (const [dk, dv] of v.entries()) {
          add(dv, `${k}[${typeof dk === "string" ? `'${dk}'` : String(dk)}]`);
        }
      } else if (v instanceof PyObject && v.cls.heap && v.dict !== null) {
        for (const [ak, av] of v.dict.entries()) {
          add(av, `${k}.${String(ak)}`);
        }
      }
    }
  }
  return (obj) => names.get(obj) ?? null;
}

/**
 * A deadlock, told with what each task holds: the machine finds the cycle of waits; the
 * events say which locks each task took and where.
 */
export function explainDeadlock(f: Finding, report: Pick<Report, "events" | "tasks">, waiting: readonly Waiter[], namer: LockNamer): Finding {
  if (waiting.length === 0) {
    return f;
  }
  const held = walkHolds(report.events);
  const name = (t: number): string => report.tasks.find((x) => x.id === t)?.name ?? `task ${t}`;
  const lockText = (o: number): string => namer(o) ?? "a lock";
  const waitText = (w: Waiter): string => `waits in ${w.reason}${w.span ? ` at line ${w.span.line}` : ""}`;
  const parts = waiting.map((w) => {
    const h = held.get(w.task) ?? [];
    const holds = h.length ? `holds ${h.map((x) => `${lockText(x.obj)} (line ${x.span?.line ?? "?"})`).join(" and ")} and ` : "";
    return `${name(w.task)} ${holds}${waitText(w)}`;
  });
  const allLocks = waiting.every((w) => /acquire\(\)|__enter__/.test(w.reason));
  const ending =
    waiting.length === 1
      ? allLocks
        ? "it waits for a lock it holds itself: a Lock is not reentrant (use an RLock, or do not take it twice)"
        : "it waits for itself"
      : allLocks
        ? "each waits for a lock another one holds, so none can go on"
        : "each waits for another, so none can go on";
  return {
    ...f,
    message: `Deadlock: ${parts.join("; ")}: ${ending}.`,
    detail: f.message,
    locations: waiting.flatMap((w) => [
      ...(held.get(w.task) ?? []).filter((x) => x.span !== undefined).map((x) => ({ ...x.span!, task: name(w.task), role: `holds ${lockText(x.obj)}` })),
      ...(w.span !== undefined ? [{ ...w.span, task: name(w.task), role: "waits" }] : []),
    ]),
  };
}
