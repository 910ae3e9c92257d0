/**
 * Arrows between tasks: a lock released by one task and next acquired by another, an item put
 * on a queue and got from it, a message sent and received, an event set and a waiter woken,
 * a thread started or joined.
 *
 * When the runtime records synchronization edges (TraceEvent.from: the index of the earlier
 * event), those are the arrows. Reports without them are paired here on the event kinds below
 * and the `detail` (the object's name) they share, in time order. Used by the timeline (media/)
 * and the Perfetto exporter; pure, no 'vscode' import.
 */
import type { TraceEvent } from "../simulator/trace/report";

export interface Flow {
  kind: "lock" | "queue" | "message" | "signal" | "lifecycle";
  from: number;
  to: number;
}

/** Kind of a "send" event -> its flow kind and the kinds of events that receive it. */
const PAIRS: Record<string, { kind: Flow["kind"]; receivers: string[] }> = {
  "lock-release": { kind: "lock", receivers: ["lock-acquire"] },
  release: { kind: "lock", receivers: ["acquire"] },
  "queue-put": { kind: "queue", receivers: ["queue-get"] },
  put: { kind: "queue", receivers: ["get"] },
  send: { kind: "message", receivers: ["recv"] },
  "pipe-send": { kind: "message", receivers: ["pipe-recv"] },
  "event-set": { kind: "signal", receivers: ["event-wait"] },
  notify: { kind: "signal", receivers: ["wake"] },
};

const RECEIVER_OF = new Map<string, string>();
for (const [send, p] of Object.entries(PAIRS)) {
  for (const r of p.receivers) {
    RECEIVER_OF.set(r, send);
  }
}

/** The flow kind of a receiving event kind. */
function kindOfReceiver(kind: string): Flow["kind"] {
  const send = RECEIVER_OF.get(kind);
  if (send !== undefined) {
    return PAIRS[send].kind;
  }
  if (kind === "wait") {
    return "signal";
  }
  return kind.includes("lock") || kind.includes("acquire") ? "lock" : kind.includes("queue") || kind === "get" ? "queue" : kind.includes("recv") ? "message" : "lifecycle";
}

/** An event as recorded by runtimes that add synchronization edges (the field is optional in the contract). */
type EdgeEvent = TraceEvent & { from?: unknown };

/**
 * Flows between events of different tasks (indices into `events`). With recorded edges, one per
 * edge; otherwise locks hand over to the next acquirer and queues are FIFO: the n-th get of a
 * queue receives the n-th put.
 */
export function matchFlows(events: readonly TraceEvent[]): Flow[] {
  const edged = events as readonly EdgeEvent[];
  if (edged.some((e) => e.from !== undefined)) {
    const flows: Flow[] = [];
    edged.forEach((e, to) => {
      const from = e.from;
      if (typeof from === "number" && Number.isInteger(from) && from >= 0 && from < events.length && events[from].task !== e.task) {
        flows.push({ kind: kindOfReceiver(e.kind), from, to });
      }
    });
    return flows;
  }
  const order = events.map((_, i) => i).sort((a, b) => events[a].time - events[b].time || a - b);
  const lastRelease = new Map<string, number>();
  const pending = new Map<string, number[]>();
  const flows: Flow[] = [];
  for (const i of order) {
    const e = events[i];
    const obj = e.detail ?? "";
    const pair = PAIRS[e.kind];
    if (pair !== undefined) {
      const key = `${e.kind}\u0000${obj}`;
      if (pair.kind === "queue" || pair.kind === "message") {
        const q = pending.get(key);
        q === undefined ? pending.set(key, [i]) : q.push(i);
      } else {
        lastRelease.set(key, i);
      }
      continue;
    }
    const send = RECEIVER_OF.get(e.kind);
    if (send === undefined) {
      continue;
    }
    const key = `${send}\u0000${obj}`;
    const kind = PAIRS[send].kind;
    let from: number | undefined;
    if (kind === "queue" || kind === "message") {
      from = pending.get(key)?.shift();
    } else {
      from = lastRelease.get(key);
      lastRelease.delete(key);
    }
    if (from !== undefined && events[from].task !== e.task) {
      flows.push({ kind, from, to: i });
    }
  }
  return flows;
}
