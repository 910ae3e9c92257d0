/**
 * Why a run cannot go on when every thread waits and no timer is pending (DESIGN.md §4): a
 * deadlock is a cycle in the wait-for graph (lock owners, joined threads and processes, the
 * readers a full pipe or queue waits for); a hang is everyone waiting with no cycle (an
 * Event never set, a get() with no producer). Each message names every thread, what it
 * waits in, and the line.
 */
import type { SourceSpan } from "../trace/report";
import type { SimProcess, SimThread } from "./task";

/** One waiting thread of a deadlock or hang: who, in what call, where. */
export interface Waiter {
  task: number;
  reason: string;
  span?: SourceSpan;
}

/** Why the run cannot go on: every thread waits and nothing will wake one. */
export class MachineStop extends Error {
  constructor(
    readonly status: "deadlock" | "hang",
    message: string,
    readonly span: SourceSpan,
    /** The threads of the cycle (deadlock) or the waiting ones (hang), in the message's order. */
    readonly waiting: Waiter[] = [],
  ) {
    super(message);
  }
}

/** The deadlock or hang that `blocked` (every waiting thread) are in. */
export function diagnoseStuck(blocked: SimThread[], mainProcess: SimProcess): MachineStop {
  const cycle = findCycle(blocked);
  const describe = (x: SimThread): string => `${x.name} (pid ${x.proc.pid}) waits in ${x.block?.reason ?? "a blocking call"}${x.blockSpan ? ` at line ${x.blockSpan.line}` : ""}`;
  const main = mainProcess.main;
  const span = (cycle?.[0] ?? main).blockSpan ?? main.blockSpan ?? { line: 1, col: 0, endLine: 1, endCol: 0 };
  const waiter = (x: SimThread): Waiter => ({ task: x.id, reason: x.block?.reason ?? "a blocking call", span: x.blockSpan });
  if (cycle !== null) {
    return new MachineStop("deadlock", `deadlock: ${cycle.map(describe).join("; ")}, each waiting for the next`, span, cycle.map(waiter));
  }
  const waiting = blocked.filter((x) => !x.daemon || x.proc !== mainProcess).slice(0, 6);
  return new MachineStop("hang", `hang: every thread waits and nothing can wake one: ${waiting.map(describe).join("; ")}`, (waiting[0] ?? main).blockSpan ?? span, waiting.map(waiter));
}

/** A cycle in the wait-for graph among blocked threads, or null. */
function findCycle(blocked: SimThread[]): SimThread[] | null {
  const edges = new Map<SimThread, SimThread[]>();
  for (const x of blocked) {
    edges.set(x, x.block?.waitsFor?.() ?? []);
  }
  const color = new Map<SimThread, number>();
  const stack: SimThread[] = [];
  const visit = (x: SimThread): SimThread[] | null => {
    color.set(x, 1);
    stack.push(x);
    for (const y of edges.get(x) ?? []) {
      const c = color.get(y) ?? 0;
      if (c === 1) {
        return stack.slice(stack.indexOf(y));
      }
      if (c === 0 && edges.has(y)) {
        const r = visit(y);
        if (r !== null) {
          return r;
        }
      }
    }
    stack.pop();
    color.set(x, 2);
    return null;
  };
  for (const x of blocked) {
    if ((color.get(x) ?? 0) === 0) {
      const r = visit(x);
      if (r !== null) {
        return r;
      }
    }
  }
  return null;
}
