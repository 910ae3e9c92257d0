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

/** The text shown after the line of a finding's first location. */
export function afterText(f: Finding): string {
  switch (decorationKind(f)) {
    case "race":
      return `  ⚠ race${f.locations[0]?.role ? ` (${f.locations[0].role})` : ""}`;
    case "deadlock":
      return `  ⊗ ${f.kind}`;
    case "gil": {
      const fig = gilFigure(f);
      return fig === null ? "  ‖ GIL-serialized" : `  ‖ GIL-serialized: ${fig} parallelism`;
    }
    default:
      return "";
  }
}
