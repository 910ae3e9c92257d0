/**
 * The analyses of one run (DESIGN.md §4): races (online, during the run), lock-order
 * inversions and GIL findings (from the Report's events and statistics afterwards).
 */
import type { Machine } from "../runtime/machine";
import type { Finding, Report, SourceSpan } from "../trace/report";
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
export function analysisFindings(detector: RaceDetector, m: Machine | undefined, report: Report): Finding[] {
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
      report.findings[i] = explainDeadlock(report.findings[i], report, namer);
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
export function explainDeadlock(f: Finding, report: Pick<Report, "events" | "tasks" | "segments">, namer: LockNamer): Finding {
  const held = walkHolds(report.events);
  // Each blocked task's last segment says where it waits.
  const waitsAt = new Map<number, SourceSpan | undefined>();
  for (const g of report.segments) {
    if (g.state === "blocked") {
      waitsAt.set(g.task, g.span);
    } else {
      waitsAt.delete(g.task);
    }
  }
  const name = (t: number): string => report.tasks.find((x) => x.id === t)?.name ?? `task ${t}`;
  // The machine's message names the tasks of the cycle and where each waits (the open
  // segments of a stuck run are not in the Report).
  const involved = report.tasks.map((t) => t.id).filter((t) => f.message.includes(`${name(t)} (pid`));
  for (const t of involved) {
    if (!waitsAt.has(t)) {
      const at = f.message.slice(f.message.indexOf(`${name(t)} (pid`)).match(/^[^;]*? at line (\d+)/);
      if (at !== null) {
        waitsAt.set(t, { line: Number(at[1]), col: 0, endLine: Number(at[1]), endCol: 0 });
      }
    }
  }
  if (involved.length === 0) {
    return f;
  }
  const lockText = (o: number): string => namer(o) ?? `a lock`;
  // "waits in Lock.acquire() at line 8", as the machine said it.
  const waitText = (t: number): string => {
    const m = f.message.slice(f.message.indexOf(`${name(t)} (pid`)).match(/^[^;]*?(waits in [^;]*?)(?:;|, each waiting|$)/);
    return m !== null ? m[1] : `waits at line ${waitsAt.get(t)?.line ?? "?"}`;
  };
  const parts = involved.map((t) => {
    const h = held.get(t) ?? [];
    const holds = h.length ? `holds ${h.map((x) => `${lockText(x.obj)} (line ${x.span?.line ?? "?"})`).join(" and ")} and ` : "";
    return `${name(t)} ${holds}${waitText(t)}`;
  });
  const allLocks = involved.every((t) => /Lock\.acquire|RLock\.acquire|acquire\(\)|__enter__/.test(waitText(t)));
  const ending =
    involved.length === 1
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
    locations: involved.flatMap((t) => [
      ...(held.get(t) ?? []).filter((x) => x.span !== undefined).map((x) => ({ ...x.span!, task: name(t), role: `holds ${lockText(x.obj)}` })),
      ...(waitsAt.get(t) !== undefined ? [{ ...waitsAt.get(t)!, task: name(t), role: "waits" }] : []),
    ]),
  };
}
