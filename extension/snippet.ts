/**
 * A selection as a runnable program: whole lines, common indentation removed (so a selected
 * function body runs), and the way back from the snippet's positions to the document's.
 */
import type { Report, SourceSpan } from "../simulator/trace/report";

export interface Snippet {
  source: string;
  /** Add to a snippet line (1-based) to get the document line. */
  lineOffset: number;
  /** Add to a snippet column to get the document column (the indentation removed). */
  colOffset: number;
}

/** `lines` are the selected document lines, the first of which is document line `firstLine` (1-based). */
export function snippetOf(lines: string[], firstLine: number): Snippet {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0]);
  let common = indents.length === 0 ? "" : indents[0];
  for (const ind of indents) {
    let i = 0;
    while (i < common.length && i < ind.length && common[i] === ind[i]) {
      i++;
    }
    common = common.slice(0, i);
  }
  const source = lines.map((l) => (l.startsWith(common) ? l.slice(common.length) : l.trimStart())).join("\n") + "\n";
  return { source, lineOffset: firstLine - 1, colOffset: common.length };
}

function shiftSpan<T extends SourceSpan>(s: T, dl: number, dc: number): T {
  return { ...s, line: s.line + dl, endLine: s.endLine + dl, col: s.col < 0 ? s.col : s.col + dc, endCol: s.endCol < 0 ? s.endCol : s.endCol + dc };
}

/** The Report with every source position moved from the snippet's coordinates to the document's. */
export function shiftReport(report: Report, lineOffset: number, colOffset: number): Report {
  if (lineOffset === 0 && colOffset === 0) {
    return report;
  }
  return {
    ...report,
    segments: report.segments.map((s) => (s.span === undefined ? s : { ...s, span: shiftSpan(s.span, lineOffset, colOffset) })),
    events: report.events.map((e) => (e.span === undefined ? e : { ...e, span: shiftSpan(e.span, lineOffset, colOffset) })),
    findings: report.findings.map((f) => ({ ...f, locations: f.locations.map((l) => shiftSpan(l, lineOffset, colOffset)) })),
  };
}
