/**
 * The interpreter's memory-access hook, for the race analysis (simulator/analysis/). When a
 * hook is installed, the instructions that read or write shared state report each access:
 * module globals, instance and class attributes, list items and dict keys, closure cells.
 * With no hook installed each of those instructions pays one null check.
 */
import type { Frame } from "./frame";
import type { PyValue } from "./objects";

export const enum Access {
  Read = 0,
  Write = 1,
}

/**
 * One access. `container` identifies the namespace or object (a globals dict, an instance, a
 * list, a dict, a cell), `key` the slot in it (a name, an index, a dict key; for a cell, its variable name);
 * `value` is the value read or about to be written; `f`/`pc` say where.
 */
export type AccessHook = (kind: Access, container: object, key: PyValue, value: PyValue | undefined, f: Frame, pc: number) => void;

export let accessHook: AccessHook | null = null;

export function setAccessHook(h: AccessHook | null): void {
  accessHook = h;
}
