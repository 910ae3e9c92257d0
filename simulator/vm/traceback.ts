/**
 * Formats uncaught exceptions exactly as CPython 3.11's traceback module prints them:
 * chained exceptions, "most recent call last" entries with the source line, the 3.11
 * position carets (`^^^^`, and `~~~^^^~~` anchors under binary operators and subscripts),
 * repeated-line folding, and SyntaxError's own layout.
 */
import { parse } from "../python/parse";
import type { Expr } from "../python/ast";
import { AttributeErrorType, NameErrorType } from "./errors";
import { PyBaseException, PyList, isInstance, type TracebackEntry } from "./objects";
import { suggestAttribute, suggestName } from "./suggestions";
import { str } from "./protocol";
import { qualifiedName } from "./types/object";

/** Source lines by file name (the VM's registry). */
export type SourceLookup = (filename: string) => string[] | undefined;

/** `Traceback (most recent call last): ...` for an exception and its chain. */
export function formatException(e: PyBaseException, sources: SourceLookup, builtinNames: string[] = []): string {
  return formatChain(e, sources, new Set(), builtinNames);
}

function formatChain(e: PyBaseException, sources: SourceLookup, seen: Set<PyBaseException>, builtinNames: string[]): string {
  seen.add(e);
  let out = "";
  if (e.cause instanceof PyBaseException && !seen.has(e.cause)) {
    out += formatChain(e.cause, sources, seen, builtinNames);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (e.context instanceof PyBaseException && !e.suppressContext && !seen.has(e.context)) {
    out += formatChain(e.context, sources, seen, builtinNames);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (e.traceback.length) {
    out += "Traceback (most recent call last):\n";
    out += formatEntries(e.traceback, sources);
  }
  out += formatExceptionOnly(e, builtinNames);
  return out;
}

/** CPython folds more than three identical consecutive entries (deep recursion). */
const RECURSIVE_CUTOFF = 3;

function formatEntries(entries: TracebackEntry[], sources: SourceLookup): string {
  let out = "";
  let lastKey = "";
  let count = 0;
  const flushRepeats = (): void => {
    if (count > RECURSIVE_CUTOFF) {
      const n = count - RECURSIVE_CUTOFF;
      out += `  [Previous line repeated ${n} more time${n > 1 ? "s" : ""}]\n`;
    }
  };
  for (const en of entries) {
    const line = en.code.positions[en.pc * 4];
    const key = `${en.code.filename}\0${line}\0${en.code.name}`;
    if (key === lastKey) {
      count++;
      if (count > RECURSIVE_CUTOFF) {
        continue;
      }
    } else {
      flushRepeats();
      lastKey = key;
      count = 1;
    }
    out += formatEntry(en, sources);
  }
  flushRepeats();
  return out;
}

function formatEntry(en: TracebackEntry, sources: SourceLookup): string {
  const p = en.code.positions;
  const line = p[en.pc * 4];
  const col = p[en.pc * 4 + 1];
  const endLine = p[en.pc * 4 + 2];
  const endCol = p[en.pc * 4 + 3];
  let out = `  File "${en.code.filename}", line ${line}, in ${en.code.name}\n`;
  const text = sources(en.code.filename)?.[line - 1];
  if (text === undefined) {
    return out;
  }
  const stripped = text.trim();
  if (stripped === "") {
    return out;
  }
  out += `    ${stripped}\n`;
  const lead = text.length - text.trimStart().length;
  if (col < 0 || endCol < 0) {
    return out;
  }
  let start = col;
  let end = endCol;
  let anchors: { left: number; right: number } | null = null;
  if (line === endLine) {
    anchors = caretAnchors(text.slice(start, end));
  } else {
    end = lead + stripped.length;
  }
  if (end - start < stripped.length || (anchors !== null && anchors.right - anchors.left > 0)) {
    const dpStart = displayWidth(text, start);
    const dpEnd = displayWidth(text, end);
    out += "    " + " ".repeat(dpStart - lead);
    if (anchors !== null) {
      const segment = text.slice(start, end);
      const dl = displayWidth(segment, anchors.left);
      const dr = displayWidth(segment, anchors.right);
      out += "~".repeat(dl) + "^".repeat(dr - dl) + "~".repeat(dpEnd - dpStart - dr);
    } else {
      out += "^".repeat(dpEnd - dpStart);
    }
    out += "\n";
  }
  return out;
}

/** East Asian wide and fullwidth characters (unicodedata.east_asian_width in "WF"), the common ranges. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** traceback._display_width: columns the first `offset` characters take on a terminal. */
function displayWidth(line: string, offset: number): number {
  if (!/[^\x00-\x7f]/.test(line)) {
    return offset;
  }
  let w = 0;
  for (const ch of line.slice(0, offset)) {
    w += WIDE.test(ch) ? 2 : 1;
  }
  return w;
}

/** traceback._extract_caret_anchors_from_line_segment: the operator of a BinOp, the brackets of a Subscript. */
function caretAnchors(segment: string): { left: number; right: number } | null {
  const r = parse(segment);
  if (!r.ok || r.module.body.length !== 1) {
    return null;
  }
  const st = r.module.body[0];
  if (st.kind !== "ExprStmt") {
    return null;
  }
  const expr: Expr = st.value;
  if (expr.kind === "BinOp") {
    const opStart = expr.left.endCol;
    const opEnd = expr.right.col;
    const opStr = segment.slice(opStart, opEnd);
    const offset = opStr.length - opStr.trimStart().length;
    let left = expr.left.endCol + offset;
    let right = left + 1;
    if (offset + 1 < opStr.length && !/\s/.test(opStr[offset + 1])) {
      right += 1;
    }
    // A closing parenthesis of the left operand is not part of the operator.
    while (left < segment.length && (/\s/.test(segment[left]) || segment[left] === ")" || segment[left] === "#")) {
      left++;
      right++;
    }
    return { left, right };
  }
  if (expr.kind === "Subscript") {
    let left = expr.value.endCol;
    let right = expr.slice.endCol + 1;
    while (left < segment.length && segment[left] !== "[") {
      left++;
    }
    while (right < segment.length && segment[right] !== "]") {
      right++;
    }
    if (right < segment.length) {
      right++;
    }
    return { left, right };
  }
  return null;
}

/** The last line: `ValueError: message` (module-qualified for classes outside __main__ and builtins), then any notes. */
export function formatExceptionOnly(e: PyBaseException, builtinNames: string[] = []): string {
  const stype = qualifiedName(e.cls).replace(/^__main__\./, "");
  let value: string;
  try {
    value = str(e);
  } catch {
    value = "<exception str() failed>";
  }
  const wrong = e.dict?.getStr("name");
  if (typeof wrong === "string") {
    let suggestion: string | null = null;
    if (isInstance(e, NameErrorType) && e.traceback.length) {
      suggestion = suggestName(wrong, e.traceback[e.traceback.length - 1].frame, builtinNames);
    } else if (isInstance(e, AttributeErrorType)) {
      const obj = e.dict?.getStr("obj");
      suggestion = obj === undefined ? null : suggestAttribute(wrong, obj);
    }
    if (suggestion !== null) {
      value += `. Did you mean: '${suggestion}'?`;
    }
  }
  let out = value === "" ? `${stype}\n` : `${stype}: ${value}\n`;
  const notes = e.dict?.getStr("__notes__");
  if (notes instanceof PyList) {
    for (const n of notes.items) {
      out += `${str(n)}\n`;
    }
  }
  return out;
}

/** A compile-time SyntaxError as CPython prints it (no traceback entries). */
export function formatSyntaxError(
  filename: string,
  type: string,
  message: string,
  line: number,
  col: number,
  endLine: number,
  endCol: number,
  sourceLines: string[],
): string {
  let out = `  File "${filename}", line ${line}\n`;
  const text = sourceLines[line - 1];
  if (text !== undefined) {
    const rtext = text.replace(/\n$/, "");
    const ltext = rtext.replace(/^[ \n\f]+/, "");
    const spaces = rtext.length - ltext.length;
    out += `    ${ltext}\n`;
    const offset = col + 1;
    let endOffset = endLine === line && endCol > 0 ? endCol + 1 : endLine > line ? rtext.length + 1 : offset;
    if (offset === endOffset || endOffset === -1) {
      endOffset = offset + 1;
    }
    const colno = offset - 1 - spaces;
    const endColno = endOffset - 1 - spaces;
    if (colno >= 0) {
      const caretSpace = Array.from(ltext.slice(0, colno))
        .map((c) => (/\s/.test(c) ? c : " "))
        .join("");
      out += `    ${caretSpace}${"^".repeat(Math.max(1, endColno - colno))}\n`;
    }
  }
  out += `${type}: ${message}\n`;
  return out;
}
