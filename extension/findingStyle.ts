/**
 * How a finding looks in the editor, decided without 'vscode' so it can be tested: which inline
 * decoration it gets and the short after-text (the GIL figure for `gil-serialized`).
 */
import type { Finding } from "../simulator/trace/report";

export type DecorationKind = "race" | "deadlock" | "gil" | "other";

export function decorationKind(f: Finding): DecorationKind {
  switch (f.kind) {
    case "race":
      return "race";
    case "deadlock":
    case "potential-deadlock":
    case "hang":
      return "deadlock";
    case "gil-serialized":
      return "gil";
    default:
      return "other";
  }
}

/**
 * The figure a gil-serialized finding states ("parallelism 1.02x" -> "1.02×"). The Finding
 * carries it only in its message today, so it is read from there; null when absent.
 */
export function gilFigure(f: Finding): string | null {
  const m = /parallelism\s+(\d+(?:\.\d+)?)\s*[x×]/.exec(f.message) ?? /(\d+(?:\.\d+)?)\s*[x×]/.exec(f.message) ?? /(\d+(?:\.\d+)?)\s*%/.exec(f.message);
  if (m === null) {
    return null;
  }
  return m[0].endsWith("%") ? `${m[1]}%` : `${m[1]}×`;
}

/** The headline shown at the end of a line a finding points at. */
export function afterText(f: Finding): string {
  switch (decorationKind(f)) {
    case "race":
      return "  ⚠ race";
    case "deadlock":
      return `  ⊗ ${f.kind}`;
    case "gil": {
      const fig = gilFigure(f);
      if (fig !== null) {
        return `  ‖ GIL-serialized: ${fig} parallelism`;
      }
      // Other GIL findings (threads that overlap their I/O waits, say): the message's first clause.
      const clause = f.message.split(/[:.]/)[0];
      return `  ‖ ${clause.length > 70 ? `${clause.slice(0, 69)}…` : clause}`;
    }
    default:
      return "";
  }
}

/**
 * One note per line and decorated kind: the finding's headline and the roles its locations play
 * on that line ("⚠ race: reads, writes back (Thread-2)"), so that the code itself stays readable.
 */
export function lineNotes(findings: Finding[]): { line: number; kind: Exclude<DecorationKind, "other">; text: string }[] {
  const notes = new Map<string, { line: number; kind: Exclude<DecorationKind, "other">; head: string; roles: string[] }>();
  for (const f of findings) {
    const kind = decorationKind(f);
    if (kind === "other") {
      continue;
    }
    for (const l of f.locations) {
      const key = `${l.line}:${kind}`;
      const n = notes.get(key) ?? { line: l.line, kind, head: afterText(f), roles: [] };
      const role = `${l.role}${l.task ? ` (${l.task})` : ""}`;
      if (kind !== "gil" && !n.roles.includes(role)) {
        n.roles.push(role);
      }
      notes.set(key, n);
    }
  }
  return [...notes.values()].map((n) => ({ line: n.line, kind: n.kind, text: n.roles.length === 0 ? n.head : `${n.head}: ${n.roles.join(", ")}` }));
}
