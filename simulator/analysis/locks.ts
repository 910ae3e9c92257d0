/**
 * Potential deadlocks (DESIGN.md §4): lock-order inversions seen in a run, whether or not that
 * run deadlocked. Each task's lock acquisitions while it holds other locks give edges
 * held -> wanted of a lock-order graph; a cycle whose edges come from different tasks, and
 * that no common lock ("gate") serializes, is a deadlock some schedule can reach.
 */
import type { Finding, SourceSpan, TaskInfo, TraceEvent } from "../trace/report";
import { EventClocks, walkHolds } from "./clocks";

interface Edge {
  from: number;
  to: number;
  task: number;
  /** Where the held lock was taken and where the next one is requested. */
  heldAt: SourceSpan | undefined;
  wantAt: SourceSpan | undefined;
  /** Locks the task held besides `from` (a gate common to every edge of a cycle prevents it). */
  others: number[];
  /** Index of the event that acquired `from` (edges of a cycle must be able to overlap). */
  at: number;
}

const byName = (a: string, b: string): number => a.localeCompare(b, "en", { numeric: true });

/** Names a lock by its id() the way the program refers to it (`forks[1]`, `self.lock`), or null. */
export type LockNamer = (obj: number) => string | null;

export function lockOrderFindings(events: readonly TraceEvent[], tasks: readonly TaskInfo[], schedule: string, namer: LockNamer = () => null): Finding[] {
  const edges = new Map<string, Edge>();
  // Another schedule may take the locks in another order, but not undo a join, a start or a
  // queue hand-off: those edges order holds; the locks' own (release -> acquire) do not.
  const clocks = new EventClocks((e) => e.kind !== "lock-acquire");
  clocks.advance(events);
  walkHolds(events, (e, _i, h) => {
    for (const l of h) {
      const key = `${l.obj}>${e.obj}@${e.task}`;
      if (l.obj !== e.obj && !edges.has(key)) {
        edges.set(key, {
          from: l.obj,
          to: e.obj!,
          task: e.task,
          heldAt: l.span,
          wantAt: e.span,
          others: h.filter((x) => x.obj !== l.obj).map((x) => x.obj),
          at: l.at,
        });
      }
    }
  });
  const byFrom = new Map<number, Edge[]>();
  for (const e of edges.values()) {
    const list = byFrom.get(e.from) ?? [];
    list.push(e);
    byFrom.set(e.from, list);
  }
  const name = (t: number): string => tasks.find((x) => x.id === t)?.name ?? `task ${t}`;
  const lockNames = new Map<number, string>();
  // Locks the program does not name are lettered in order of id (creation order), for stable messages.
  const unnamed = [...new Set([...edges.values()].flatMap((e) => [e.from, e.to]))].filter((o) => namer(o) === null).sort((a, b) => a - b);
  const lockName = (obj: number): string => {
    let n = lockNames.get(obj);
    if (n === undefined) {
      const i = unnamed.indexOf(obj);
      n = namer(obj) ?? `lock ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ""}`;
      lockNames.set(obj, n);
    }
    return n;
  };
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // Cycles by depth-first search from each lock, over edges of distinct tasks.
  const locks = [...byFrom.keys()].sort((a, b) => a - b);
  for (const start of locks) {
    const path: Edge[] = [];
    const visit = (lock: number): void => {
      if (path.length > 8 || findings.length >= 20) {
        return;
      }
      for (const e of byFrom.get(lock) ?? []) {
        if (path.some((p) => p.task === e.task) || path.some((p) => p.from === e.to && p !== path[0])) {
          continue;
        }
        // Every two holds of the cycle must be able to overlap: not ordered by a join, a start...
        if (path.some((p) => clocks.before(events, p.at, e.at) || clocks.before(events, e.at, p.at))) {
          continue;
        }
        path.push(e);
        if (e.to === start && path.length >= 2 && start === Math.min(...path.map((p) => p.from))) {
          const gate = path[0].others.filter((g) => path.every((p) => p.others.includes(g)));
          const key = path
            .map((p) => `${p.from}>${p.to}`)
            .sort()
            .join(",");
          if (gate.length === 0 && !seen.has(key)) {
            seen.add(key);
            // Told from the lock whose name sorts first, so that every run tells it the same way.
            const first = path.reduce((best, p, i) => (byName(lockName(p.from), lockName(path[best].from)) < 0 ? i : best), 0);
            const cyc = [...path.slice(first), ...path.slice(0, first)];
            const steps = cyc.map((p) => `${name(p.task)} holds ${lockName(p.from)} (line ${p.heldAt?.line ?? "?"}) and then takes ${lockName(p.to)} (line ${p.wantAt?.line ?? "?"})`);
            findings.push({
              kind: "potential-deadlock",
              severity: "warning",
              message: `Lock-order inversion: ${steps.join("; ")}. If each thread takes its first lock before any takes its second, they wait for each other forever: take the locks in one fixed order.`,
              detail: `This run did not deadlock, but the order is a cycle: ${cyc.map((p) => `${lockName(p.from)} -> ${lockName(p.to)} in ${name(p.task)}`).join(", ")}. A schedule that interleaves the first acquisitions deadlocks; "Explore" searches for one.`,
              locations: cyc.flatMap((p) => [
                ...(p.heldAt ? [{ ...p.heldAt, task: name(p.task), role: `holds ${lockName(p.from)}` }] : []),
                ...(p.wantAt ? [{ ...p.wantAt, task: name(p.task), role: `then takes ${lockName(p.to)}` }] : []),
              ]),
              schedule,
            });
          }
        } else if (e.to !== start) {
          visit(e.to);
        }
        path.pop();
      }
    };
    visit(start);
  }
  return findings;
}
