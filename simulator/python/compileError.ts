/**
 * The two ways compiling can stop, raised from deep inside the symbol-table pass or the code
 * generator and turned into a CompileResult by compileModule: a SyntaxError CPython's own
 * compiler (symtable.c, compile.c) would also raise, or a construct Interleave refuses to run.
 */
import type { Span } from "./ast";

export class CompileError extends Error {
  private constructor(
    readonly outcome: { syntaxError: string } | { unsupported: string },
    readonly span: Span,
  ) {
    super("syntaxError" in outcome ? outcome.syntaxError : `${outcome.unsupported} is not supported`);
  }

  /** A SyntaxError with CPython's exact message, at the node CPython reports. */
  static syntax(message: string, at: Span): CompileError {
    return new CompileError({ syntaxError: message }, spanOf(at));
  }

  /** A construct the simulator does not run, e.g. "the match statement". */
  static unsupported(what: string, at: Span): CompileError {
    return new CompileError({ unsupported: what }, spanOf(at));
  }
}

/** Copies just the four position fields (the node itself carries much more). */
export function spanOf(s: Span): Span {
  return { line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol };
}
