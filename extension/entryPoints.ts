/**
 * Where the CodeLenses go: the statements that start concurrency (thread and process creation,
 * pools and executors, `asyncio.run`, `os.fork`, `if __name__ == "__main__":`), found on the
 * simulator's own AST so that strings, comments and look-alike names are never matched.
 */
import { parse } from "../simulator/python/parse";
import type { Expr, Stmt } from "../simulator/python/ast";

export type EntryPointKind = "main-guard" | "thread" | "process" | "pool" | "asyncio" | "fork" | "greenlet";

export interface EntryPoint {
  kind: EntryPointKind;
  /** 1-based line of the statement that holds it. */
  line: number;
  /** What was matched, e.g. "threading.Thread". */
  name: string;
}

/** The last name of a call's callee, with its dotted prefix: `threading.Thread` -> ["threading", "Thread"]. */
function dottedName(e: Expr): string[] | null {
  if (e.kind === "Name") {
    return [e.id];
  }
  if (e.kind === "Attribute") {
    const base = dottedName(e.value);
    return base === null ? null : [...base, e.attr];
  }
  return null;
}

const CREATORS: Record<string, EntryPointKind> = {
  Thread: "thread",
  Timer: "thread",
  start_new_thread: "thread",
  Process: "process",
  Pool: "pool",
  ThreadPool: "pool",
  ThreadPoolExecutor: "pool",
  ProcessPoolExecutor: "pool",
  fork: "fork",
  spawn: "greenlet",
};

/** Callee prefixes under which a creator name counts (a bare name counts too: `from threading import Thread`). */
const MODULES = new Set(["threading", "_thread", "multiprocessing", "mp", "concurrent", "futures", "pool", "os", "gevent", "dummy"]);

function classify(func: Expr): { kind: EntryPointKind; name: string } | null {
  const parts = dottedName(func);
  if (parts === null) {
    return null;
  }
  const last = parts[parts.length - 1];
  const name = parts.join(".");
  if (parts.length >= 2 && parts[parts.length - 2] === "asyncio" && last === "run") {
    return { kind: "asyncio", name };
  }
  const kind = CREATORS[last];
  if (kind === undefined) {
    return null;
  }
  if (parts.length === 1) {
    // A bare `fork()` or `spawn()` is too ambiguous; bare `Thread(...)` is the usual import style.
    return kind === "fork" || kind === "greenlet" ? null : { kind, name };
  }
  return parts.slice(0, -1).every((p) => MODULES.has(p)) ? { kind, name } : null;
}

function isMainGuard(s: Stmt): boolean {
  if (s.kind !== "If" || s.test.kind !== "Compare" || s.test.ops.length !== 1 || s.test.ops[0] !== "Eq") {
    return false;
  }
  const sides = [s.test.left, s.test.comparators[0]];
  const isName = sides.some((e) => e.kind === "Name" && e.id === "__name__");
  const isMain = sides.some((e) => e.kind === "Constant" && e.value === "__main__");
  return isName && isMain;
}

/** Classes derived from Thread or Process are entry points too (their `start()` creates one). */
function baseKind(bases: Expr[]): { kind: EntryPointKind; name: string } | null {
  for (const b of bases) {
    const c = classify(b);
    if (c !== null && (c.kind === "thread" || c.kind === "process")) {
      return c;
    }
  }
  return null;
}

const isNode = (x: unknown): x is { kind: string } =>
  typeof x === "object" && x !== null && typeof (x as { kind?: unknown }).kind === "string";

/** The first entry-point call found anywhere inside `node` (a statement or an expression). */
function findCall(node: unknown): { kind: EntryPointKind; name: string } | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const r = findCall(n);
      if (r !== null) {
        return r;
      }
    }
    return null;
  }
  if (!isNode(node)) {
    return null;
  }
  if (node.kind === "Call") {
    const c = classify((node as Expr & { kind: "Call" }).func);
    if (c !== null) {
      return c;
    }
  }
  if (node.kind === "Constant") {
    return null;
  }
  for (const [key, value] of Object.entries(node)) {
    // Statement bodies are visited statement by statement by the caller.
    if (key === "body" || key === "orelse" || key === "finalbody" || key === "handlers" || key === "cases") {
      continue;
    }
    if (typeof value === "object" && value !== null) {
      const r = findCall(value);
      if (r !== null) {
        return r;
      }
    }
  }
  return null;
}

/** Child statement lists of a statement (bodies of def/class/if/for/while/with/try/match). */
function childBodies(s: Stmt): Stmt[][] {
  const out: Stmt[][] = [];
  const rec = s as unknown as Record<string, unknown>;
  for (const key of ["body", "orelse", "finalbody"]) {
    const v = rec[key];
    if (Array.isArray(v)) {
      out.push(v as Stmt[]);
    }
  }
  for (const key of ["handlers", "cases"]) {
    const v = rec[key];
    if (Array.isArray(v)) {
      for (const h of v as { body: Stmt[] }[]) {
        out.push(h.body);
      }
    }
  }
  return out;
}

function visit(body: Stmt[], out: EntryPoint[]): void {
  for (const s of body) {
    if (isMainGuard(s)) {
      // One lens for the whole guarded block: it is where the program starts.
      out.push({ kind: "main-guard", line: s.line, name: '__name__ == "__main__"' });
      continue;
    }
    if (s.kind === "ClassDef") {
      const b = baseKind(s.bases);
      if (b !== null) {
        out.push({ kind: b.kind, line: s.line, name: `class ${s.name}(${b.name})` });
        continue;
      }
    }
    const c = findCall(s);
    if (c !== null) {
      out.push({ kind: c.kind, line: s.line, name: c.name });
    }
    for (const child of childBodies(s)) {
      visit(child, out);
    }
  }
}

/**
 * The concurrency entry points of a Python source, one per line, in source order; empty when
 * the source does not parse (the run itself then reports the syntax error).
 */
export function findEntryPoints(source: string): EntryPoint[] {
  const parsed = parse(source);
  if (!parsed.ok) {
    return [];
  }
  const out: EntryPoint[] = [];
  visit(parsed.module.body, out);
  const seen = new Set<number>();
  return out.filter((e) => (seen.has(e.line) ? false : (seen.add(e.line), true)));
}
