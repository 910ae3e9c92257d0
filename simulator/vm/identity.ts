/**
 * id(): stable, deterministic identities. CPython's ids are addresses; ours are handed out
 * in allocation-of-id order per run, so the same program prints the same ids every run.
 */
import type { PyValue } from "./objects";

const BASE = 0x7f0000000000;
let objectIds = new WeakMap<object, number>();
let valueIds = new Map<unknown, number>();
let next = BASE;

export function objectId(v: PyValue): number {
  if (typeof v === "object") {
    let id = objectIds.get(v);
    if (id === undefined) {
      id = next += 48;
      objectIds.set(v, id);
    }
    return id;
  }
  let id = valueIds.get(v);
  if (id === undefined) {
    id = next += 48;
    valueIds.set(v, id);
  }
  return id;
}

/** Starts a run's identities afresh. */
export function resetIds(): void {
  objectIds = new WeakMap();
  valueIds = new Map();
  next = BASE;
}
