/**
 * The Python front end: source text to the typed AST of ast.ts, or CPython 3.11's syntax error.
 *
 * This is a hand port of CPython 3.11's PEG parser (Grammar/python.gram), rule for rule, over a
 * port of its tokenizer (tokenize.ts). Matching CPython's error messages and positions needs its
 * exact procedure, which this follows (Parser/pegen.c, _PyPegen_run_parser):
 *  - a first pass with the grammar proper; tokenizer errors and forced tokens (`&&':'`) raise
 *    at once;
 *  - if it fails, a second pass with the `invalid_*` rules switched on (syntaxErrors.ts), which
 *    raise the specialised messages ("expected ':'", "Missing parentheses in call to 'print'",
 *    "cannot assign to literal", ...);
 *  - if that raises nothing, "invalid syntax" at the furthest token the first pass read (or
 *    "unexpected indent"/"unexpected unindent" there);
 *  - an error raised by the tokenizer further on in the file wins over a parser error, and an
 *    unclosed bracket opened before the error line becomes "'(' was never closed".
 *
 * @lezer/python was the first candidate, but its grammar is looser than Python's in some places
 * and stricter in others (it rejects `with (open(a) as f, open(b) as g):`, `with x as (a, b):`,
 * `print = log` and `@buttons[0].connect`), and its error recovery cannot reproduce CPython's
 * error positions, so the grammar is ported instead.
 *
 * Interleave refuses two things CPython accepts: complex literals and `except*`. They give an
 * error marked `refused` ("... is not supported by Interleave") at the first such node, when
 * the source has no real syntax error, and the run ends `unsupported`; so do `\N{name}`
 * escapes (Interleave has no Unicode name database).
 *
 * Node spans are in UTF-16 units, as ast.ts says. Error positions are those `python3 file.py`
 * reports, minus one for the columns (col = offset - 1, endCol = end_offset - 1), in CPython's
 * own unit: running a file with no encoding declaration, CPython 3.11 leaves a parser error's
 * columns in UTF-8 bytes, and reports a tokenizer error's in characters. (ast.parse() of a str
 * converts differently; test/unit/py_ast_dump.py compiles the bytes of a file, as python3 does.)
 * For ASCII lines all of these agree.
 */
import type {
  Alias,
  Arg,
  Arguments,
  CmpOperator,
  Comprehension,
  Constant,
  ExceptHandler,
  Expr,
  ExprContext,
  JoinedStr,
  Keyword,
  Module,
  ParseResult,
  PySyntaxError,
  Span,
  Stmt,
  WithItem,
  BinOperator,
  MatchCase,
} from "./ast";
import { concatenateStrings, type StringHost } from "./strings";
import * as inv from "./syntaxErrors";
import { ParseError } from "./syntaxErrors";
import {
  DEDENT,
  ENDMARKER,
  INDENT,
  KEYWORD,
  NAME,
  NEWLINE,
  NUMBER,
  OP,
  SOFT_KEYWORDS,
  STRING,
  codePointCount,
  normalizeSource,
  utf8Length,
  tokenize,
  type Token,
  type TokenizerError,
} from "./tokenize";

/**
 * Parse Python 3.11 source into a Module, or the SyntaxError CPython would raise for a file
 * with this text (a leading byte-order mark is skipped, as when Python reads a file).
 */
export function parse(source: string): ParseResult {
  const src = normalizeSource(source);
  const nul = src.indexOf("\0");
  if (nul >= 0) {
    // As `python3 file.py` reports it (no column; ast.parse() of a str says "source code string").
    const line = src.slice(0, nul).split("\n").length;
    return { ok: false, error: { type: "SyntaxError", message: "source code cannot contain null bytes", line, col: -1, endLine: line, endCol: -1 } };
  }
  const { tokens, error } = tokenize(src);
  const bom = source.charCodeAt(0) === 0xfeff;
  const p = new Parser(tokens, error, null, new Refusals(), new SourceText(src, bom || hasCodingCookie(src), bom));
  try {
    const body = p.run(() => p.file());
    const refused = p.refusals.first(body);
    if (refused !== null) {
      return { ok: false, error: { ...refused, refused: true } };
    }
    const module: Module = { kind: "Module", body };
    return { ok: true, module };
  } catch (e) {
    if (e instanceof ParseError) {
      // A \N{...} escape is refused from the string parser, before the tree exists.
      return { ok: false, error: e.error.message.endsWith("not supported by Interleave") ? { ...e.error, refused: true } : e.error };
    }
    if (e instanceof RangeError) {
      // CPython stops at 6000 levels of recursion (MemoryError); JS stacks are smaller.
      return { ok: false, error: { type: "SyntaxError", message: "source too complex to parse", line: 1, col: 0, endLine: 1, endCol: 0 } };
    }
    throw e;
  }
}

/**
 * A PEP 263 coding declaration, as tokenizer.c's check_coding_spec finds it: a comment on
 * line 1, or on line 2 when line 1 holds nothing but a comment or blanks.
 */
function hasCodingCookie(src: string): boolean {
  const lines = src.split("\n", 2);
  const spec = /^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+/;
  if (spec.test(lines[0])) {
    return true;
  }
  return /^[ \t\f]*(#.*)?$/.test(lines[0]) && lines.length > 1 && spec.test(lines[1]);
}

/** Constructs Interleave refuses, kept by node identity and checked on the final tree. */
class Refusals {
  complex = new Set<Expr>();
  starHandlers = new Set<ExceptHandler>();

  first(body: Stmt[]): PySyntaxError | null {
    if (this.complex.size === 0 && this.starHandlers.size === 0) {
      return null;
    }
    let best: { span: Span; message: string } | null = null;
    const consider = (span: Span, message: string): void => {
      if (best === null || span.line < best.span.line || (span.line === best.span.line && span.col < best.span.col)) {
        best = { span, message };
      }
    };
    const visit = (n: unknown): void => {
      if (Array.isArray(n)) {
        n.forEach(visit);
        return;
      }
      if (n === null || typeof n !== "object" || !("kind" in n)) {
        return;
      }
      if (this.complex.has(n as Expr)) {
        consider(n as Constant, "complex numbers are not supported by Interleave");
      }
      if (this.starHandlers.has(n as ExceptHandler)) {
        consider(n as ExceptHandler, "except* (exception groups) is not supported by Interleave");
      }
      for (const v of Object.values(n)) {
        if (v !== null && typeof v === "object") {
          visit(v);
        }
      }
    };
    visit(body);
    const found = best as { span: Span; message: string } | null;
    if (found === null) {
      return null;
    }
    const { line, col, endLine, endCol } = found.span;
    return { type: "SyntaxError", message: found.message, line, col, endLine, endCol };
  }
}

/** The source text, with its line starts computed on first use. */
class SourceText {
  private starts: number[] | null = null;

  constructor(
    readonly text: string,
    /** The file declares its encoding (a BOM or a coding cookie): CPython then converts error columns to characters. */
    readonly declared: boolean,
    /** The file starts with a byte-order mark (which CPython keeps in line 1's text for that conversion). */
    readonly bom: boolean,
  ) {}

  /** Line `n` (1-based), with its newline. */
  line(n: number): string | null {
    if (this.starts === null) {
      const starts = [0];
      for (let i = this.text.indexOf("\n"); i >= 0; i = this.text.indexOf("\n", i + 1)) {
        starts.push(i + 1);
      }
      this.starts = starts;
    }
    const st = this.starts;
    return n >= 1 && n < st.length ? this.text.slice(st[n - 1], st[n]) : null;
  }
}

/** How an f-string expression's sub-parser reports errors (CPython's Py_fstring_input mode). */
interface FstringMode {
  /** starting_col_offset, in UTF-16 units and in UTF-8 bytes. */
  colShift: number;
  shiftBytes: number;
  /** The line of the "(" and the text "(" + expression + ")" the sub-tokenizer reads. */
  firstLine: number;
  virtualLines: string[];
}

type ArgsResult = { args: Expr[]; keywords: Keyword[]; span: Span };
type KwOrStarred = { keyword: Keyword; starred: null } | { keyword: null; starred: Expr };
type NameDefault = { arg: Arg; value: Expr | null };
type SlashWithDefault = { plain: Arg[]; withDefaults: NameDefault[] };
type StarEtc = { vararg: Arg | null; kwonly: NameDefault[]; kwarg: Arg | null };

// Memo keys (CPython memoises these rules, and every left-recursive one).
const M_SIMPLE_STMT = 1;
const M_BLOCK = 2;
const M_EXPRESSION = 3;
const M_STAR_EXPRESSION = 4;
const M_DISJUNCTION = 5;
const M_CONJUNCTION = 6;
const M_INVERSION = 7;
const M_BITWISE_OR = 8;
const M_FACTOR = 9;
const M_AWAIT_PRIMARY = 10;
const M_PRIMARY = 11;
const M_ARGUMENTS = 12;
const M_STRINGS = 13;
const M_STAR_TARGET = 14;
const M_TARGET_WITH_STAR_ATOM = 15;
const M_T_PRIMARY = 16;
const M_DEL_TARGET = 17;
const M_INVALID_NAMED = 18;
const M_CLOSED_PATTERN = 19;
const M_STAR_PATTERN = 20;
const M_NAMED_EXPRESSION = 21;
const M_COMPARISON = 22;
const M_ATOM = 23;
const M_SLICES = 24;
const M_GENEXP = 25;
/** The keys of the speed-only memos while the invalid rules are on. */
const INVALID_VARIANT: Record<number, number> = {
  [M_NAMED_EXPRESSION]: 26,
  [M_COMPARISON]: 27,
  [M_ATOM]: 28,
  [M_SLICES]: 29,
  [M_GENEXP]: 30,
};
const N_MEMO = 32;

const AUGASSIGN: Record<string, BinOperator> = {
  "+=": "Add",
  "-=": "Sub",
  "*=": "Mult",
  "@=": "MatMult",
  "/=": "Div",
  "%=": "Mod",
  "&=": "BitAnd",
  "|=": "BitOr",
  "^=": "BitXor",
  "<<=": "LShift",
  ">>=": "RShift",
  "**=": "Pow",
  "//=": "FloorDiv",
};

/** The binary operators of bitwise_or .. term, and how tightly they bind. */
const BINARY_OPS: Record<string, BinOperator> = {
  "|": "BitOr",
  "^": "BitXor",
  "&": "BitAnd",
  "<<": "LShift",
  ">>": "RShift",
  "+": "Add",
  "-": "Sub",
  "*": "Mult",
  "/": "Div",
  "//": "FloorDiv",
  "%": "Mod",
  "@": "MatMult",
};
const BINARY_PRECEDENCE: Record<string, number> = {
  "|": 0,
  "^": 1,
  "&": 2,
  "<<": 3,
  ">>": 3,
  "+": 4,
  "-": 4,
  "*": 5,
  "/": 5,
  "//": 5,
  "%": 5,
  "@": 5,
};

const COMPARE_OPS: Record<string, CmpOperator> = {
  "==": "Eq",
  "!=": "NotEq",
  "<=": "LtE",
  "<": "Lt",
  ">=": "GtE",
  ">": "Gt",
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const SOFT_KEYWORD_LIST = [...SOFT_KEYWORDS];

export function setCtx(e: Expr, ctx: ExprContext): Expr {
  switch (e.kind) {
    case "Name":
    case "Attribute":
    case "Subscript":
      return { ...e, ctx };
    case "Starred":
      return { ...e, value: setCtx(e.value, ctx), ctx };
    case "Tuple":
    case "List":
      return { ...e, elts: e.elts.map((x) => setCtx(x, ctx)), ctx };
    default:
      return e;
  }
}

export class Parser implements StringHost {
  mark = 0;
  /** How many tokens the parser has asked for (CPython's p->fill). */
  fill = 0;
  callInvalid = false;
  /** Memo entries per (token, rule): the end mark + 1 (0: none) and the result's index in memoNodes. */
  private memoEnd: Int32Array;
  private memoIdx: Int32Array;
  private memoNodes: unknown[] = [];

  constructor(
    readonly tokens: Token[],
    private readonly tokError: TokenizerError | null,
    private readonly fstring: FstringMode | null,
    readonly refusals: Refusals,
    /** The normalised source, for error columns. */
    private readonly source: SourceText | null = null,
  ) {
    this.memoEnd = new Int32Array((tokens.length + 1) * N_MEMO);
    this.memoIdx = new Int32Array((tokens.length + 1) * N_MEMO);
  }

  // ================================================================ driver

  /** _PyPegen_run_parser: two passes and CPython's choice of error. */
  run<T>(rule: () => T | null): T {
    let err: ParseError | null = null;
    try {
      const res = rule();
      if (res !== null) {
        return res;
      }
    } catch (e) {
      if (!(e instanceof ParseError)) {
        throw e;
      }
      err = e;
    }
    if (err === null) {
      const lastToken = this.tokens[this.fill - 1];
      this.mark = 0;
      this.memoEnd.fill(0);
      this.memoNodes = [];
      this.callInvalid = true;
      try {
        rule();
      } catch (e) {
        if (!(e instanceof ParseError)) {
          throw e;
        }
        err = e;
      }
      if (err === null) {
        if (lastToken.type === INDENT || lastToken.type === DEDENT) {
          this.raiseError(lastToken.type === INDENT ? "unexpected indent" : "unexpected unindent", "IndentationError");
        }
        err = this.makeError(lastToken.line, lastToken.col, lastToken.endLine, lastToken.endCol, "invalid syntax");
      }
    }
    throw err.fromTokenizer ? err : this.checkRestOfSource(err);
  }

  /** _PyPegen_tokenize_full_source_to_check_for_errors. */
  private checkRestOfSource(err: ParseError): ParseError {
    const te = this.tokError;
    if (te === null) {
      return err;
    }
    if (te.raised) {
      return new ParseError(te.error, true);
    }
    if (te.unclosed !== null) {
      const current = this.tokens[this.fill - 1];
      if (current.line > te.unclosed.line) {
        return new ParseError(this.pegenTokenizerError(te.unclosed), true);
      }
    }
    return err;
  }

  // ================================================================ tokens

  /** The token at index i, read from the tokenizer on first use (p->fill). */
  tok(i: number): Token {
    if (i >= this.fill) {
      if (i >= this.tokens.length) {
        const te = this.tokError as TokenizerError;
        this.fill = this.tokens.length;
        throw new ParseError(te.raised ? te.error : this.pegenTokenizerError(te.error), true);
      }
      this.fill = i + 1;
    }
    return this.tokens[i];
  }

  peek(): Token {
    return this.tok(this.mark);
  }

  expectOp(s: string): Token | null {
    const t = this.tok(this.mark);
    if (t.type === OP && t.str === s) {
      this.mark++;
      return t;
    }
    return null;
  }

  expectKw(s: string): Token | null {
    const t = this.tok(this.mark);
    if (t.type === KEYWORD && t.str === s) {
      this.mark++;
      return t;
    }
    return null;
  }

  expectSoft(s: string): Token | null {
    const t = this.tok(this.mark);
    if (t.type === NAME && t.str === s) {
      this.mark++;
      return t;
    }
    return null;
  }

  expectType(type: number): Token | null {
    const t = this.tok(this.mark);
    if (t.type === type) {
      this.mark++;
      return t;
    }
    return null;
  }

  expectName(): Token | null {
    return this.expectType(NAME);
  }

  /** A forced token (`&&':'`): its absence is an error at once. */
  forced(s: string): Token {
    const t = this.tok(this.mark);
    if (t.type === OP && t.str === s) {
      this.mark++;
      return t;
    }
    return this.raiseAt(t, t, `expected '${s}'`);
  }

  lookOp(s: string): boolean {
    const t = this.tok(this.mark);
    return t.type === OP && t.str === s;
  }

  lookKw(s: string): boolean {
    const t = this.tok(this.mark);
    return t.type === KEYWORD && t.str === s;
  }

  lookType(type: number): boolean {
    return this.tok(this.mark).type === type;
  }

  /** Run `f` as a lookahead: the mark is restored whatever happens. */
  ahead<T>(f: () => T): T {
    const m = this.mark;
    try {
      return f();
    } finally {
      this.mark = m;
    }
  }

  /** `sep.elem+`. */
  gather<T>(elem: () => T | null, sep: string): T[] | null {
    const first = elem();
    if (first === null) {
      return null;
    }
    const out = [first];
    for (;;) {
      const m = this.mark;
      if (this.expectOp(sep)) {
        const e = elem();
        if (e !== null) {
          out.push(e);
          continue;
        }
      }
      this.mark = m;
      return out;
    }
  }

  /** `elem+` / `elem*`. */
  repeat<T>(elem: () => T | null): T[] {
    const out: T[] = [];
    for (;;) {
      const e = elem();
      if (e === null) {
        return out;
      }
      out.push(e);
    }
  }

  /**
   * Memoise a rule at the mark. CPython memoises some rules whatever the state of the invalid
   * rules (which expression_without_invalid switches off); the others are memoised here only for
   * speed, and so per state (`transparent`), not to change what CPython would do.
   */
  /** The memo slot of a rule at the mark (see memo()). */
  private memoKey(key: number, transparent: boolean): number {
    return this.mark * N_MEMO + (transparent && this.callInvalid ? INVALID_VARIANT[key] : key);
  }

  private memoHit<T>(k: number): T | null {
    this.mark = this.memoEnd[k] - 1;
    return this.memoNodes[this.memoIdx[k]] as T | null;
  }

  private memoPut<T>(k: number, node: T | null): T | null {
    this.memoEnd[k] = this.mark + 1;
    this.memoIdx[k] = this.memoNodes.length;
    this.memoNodes.push(node);
    return node;
  }

  private memo<T>(key: number, transparent: boolean, f: () => T | null): T | null {
    const k = this.mark * N_MEMO + (transparent && this.callInvalid ? INVALID_VARIANT[key] : key);
    const end = this.memoEnd[k];
    if (end !== 0) {
      this.mark = end - 1;
      return this.memoNodes[this.memoIdx[k]] as T | null;
    }
    const node = f();
    this.memoEnd[k] = this.mark + 1;
    this.memoIdx[k] = this.memoNodes.length;
    this.memoNodes.push(node);
    return node;
  }

  /** EXTRA: from the rule's first token to the last token consumed that is not NEWLINE/INDENT/DEDENT. */
  ex(start: number): Span {
    const s = this.tokens[start];
    let e = this.tokens[this.mark - 1];
    for (let m = this.mark - 1; m >= 0; m--) {
      e = this.tokens[m];
      if (e.type !== ENDMARKER && e.type !== NEWLINE && e.type !== INDENT && e.type !== DEDENT) {
        break;
      }
    }
    return { line: s.line, col: s.col, endLine: e.endLine, endCol: e.endCol };
  }

  tokSpan(t: Token): Span {
    return { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
  }

  nameExpr(t: Token, ctx: ExprContext): Expr {
    return { kind: "Name", id: t.str, ctx, ...this.tokSpan(t) };
  }

  // ================================================================ errors

  /** _PyPegen_raise_error_known_location; columns are CPython's col_offset (0-based). */
  makeError(line: number, col: number, endLine: number, endCol: number, message: string, type: PySyntaxError["type"] = "SyntaxError"): ParseError {
    if (this.fstring !== null) {
      const error = { type, message: `f-string: ${message}`, line, col: this.fstringCol(line, col), endLine, endCol: this.fstringCol(endLine, endCol) };
      return new ParseError(error, false);
    }
    const errorLine = line;
    col = this.cpythonCol(line, col, errorLine);
    if (endCol >= 0) {
      endCol = this.cpythonCol(endLine, endCol, errorLine);
    }
    return new ParseError({ type, message, line, col, endLine, endCol }, false);
  }

  /** Line `n` of the source, with its newline. */
  private lineText(n: number): string | null {
    return this.source === null ? null : this.source.line(n);
  }

  /**
   * The column CPython reports for a parser error (_PyPegen_raise_error_known_location), from
   * one in UTF-16 units of line `line`. Running a file, CPython 3.11 counts UTF-8 bytes, except
   * when the file declares its encoding: then it converts to characters with the text of the
   * error's first line `errorLine` (_PyPegen_byte_offset_to_character_offset, which cuts a
   * column past that line's end to its length + 1).
   */
  private cpythonCol(line: number, col: number, errorLine: number): number {
    if (col < 0 || this.source === null) {
      return col;
    }
    const text = this.lineText(line) ?? "";
    const bytes = utf8Length(text.slice(0, col)) + Math.max(0, col - text.length);
    if (!this.source.declared) {
      return bytes;
    }
    const errorText = (errorLine === 1 && this.source.bom ? "\ufeff" : "") + (this.lineText(errorLine) ?? "");
    const errorBytes = new TextEncoder().encode(errorText);
    if (bytes + 1 > errorBytes.length) {
      return codePointCount(errorText);
    }
    return codePointCount(new TextDecoder("utf-8", { ignoreBOM: true }).decode(errorBytes.subarray(0, bytes + 1))) - 1;
  }

  /**
   * An f-string sub-parser's error column: CPython subtracts starting_col_offset from the
   * token's byte column and, its tokenizer having no encoding, leaves the result in bytes.
   */
  private fstringCol(line: number, col: number): number {
    const fs = this.fstring as FstringMode;
    const first = line === fs.firstLine;
    const v = first ? col - fs.colShift : col;
    const vline = fs.virtualLines[line - fs.firstLine];
    if (col < 0 || v < 0 || vline === undefined) {
      return col - fs.colShift;
    }
    return utf8Length(vline.slice(0, v)) + Math.max(0, v - vline.length) - (first ? 0 : fs.shiftBytes);
  }

  /**
   * A tokenizer error that pegen reports (_Pypegen_tokenizer_error): its columns as for parser
   * errors; in an f-string expression, with "f-string: " and counted from the "(".
   */
  private pegenTokenizerError(e: PySyntaxError): PySyntaxError {
    if (this.fstring === null) {
      return { ...e, col: this.cpythonCol(e.line, e.col, e.line), endCol: e.endCol >= 0 ? this.cpythonCol(e.endLine, e.endCol, e.line) : e.endCol };
    }
    const shift = this.fstring.colShift;
    return { ...e, message: `f-string: ${e.message}`, col: e.col - shift, endCol: e.endCol - shift };
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token read. */
  raiseError(message: string, type: PySyntaxError["type"] = "SyntaxError"): never {
    const t = this.tokens[this.fill - 1];
    const col = t.col === -1 ? t.curCol - 1 : t.col;
    const endCol = t.endCol === -1 ? -2 : t.endCol;
    throw this.makeError(t.line, col, t.endLine, endCol, message, type);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b) (KNOWN_LOCATION when a is b). */
  raiseAt(a: Span, b: Span, message: string, type: PySyntaxError["type"] = "SyntaxError"): never {
    throw this.makeError(a.line, a.col, b.endLine, b.endCol, message, type);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM(a): to the tokenizer's current position. */
  raiseFrom(a: Span, message: string): never {
    const t = this.tokens[this.fill - 1];
    throw this.makeError(a.line, a.col, t.curLine, t.curCol - 1, message);
  }

  // StringHost
  raise(message: string): never {
    return this.raiseError(message);
  }

  raiseAtToken(t: Token, message: string): never {
    return this.raiseAt(t, t, message);
  }

  fstringExpr(text: string, firstLine: number, colShift: number): Expr {
    const virtual = `(${text})\n`;
    const { tokens, error } = tokenize(virtual, { firstLine, firstLineColShift: colShift });
    const realLine = this.lineText(firstLine) ?? "";
    const shiftBytes = utf8Length(realLine.slice(0, colShift)) + Math.max(0, colShift - realLine.length);
    const mode: FstringMode = { colShift, shiftBytes, firstLine, virtualLines: virtual.split("\n") };
    const sub = new Parser(tokens, error, mode, this.refusals, this.source);
    try {
      return sub.run(() => sub.starExpressions());
    } catch (e) {
      if (e instanceof ParseError) {
        // For the enclosing parser this is an error of its own, not of its tokenizer.
        throw new ParseError(e.error, false);
      }
      throw e;
    }
  }

  // ================================================================ statements

  file(): Stmt[] | null {
    const m = this.mark;
    const a = this.statements();
    if (this.expectType(ENDMARKER)) {
      return a ?? [];
    }
    this.mark = m;
    return null;
  }

  statements(): Stmt[] | null {
    const out: Stmt[] = [];
    for (;;) {
      const s = this.statement();
      if (s === null) {
        return out.length ? out : null;
      }
      out.push(...s);
    }
  }

  statement(): Stmt[] | null {
    const c = this.compoundStmt();
    if (c !== null) {
      return [c];
    }
    return this.simpleStmts();
  }

  simpleStmts(): Stmt[] | null {
    const m = this.mark;
    const a = this.simpleStmt();
    if (a !== null && !this.lookOp(";") && this.expectType(NEWLINE)) {
      return [a];
    }
    this.mark = m;
    const list = this.gather(() => this.simpleStmt(), ";");
    if (list !== null) {
      this.expectOp(";");
      if (this.expectType(NEWLINE)) {
        return list;
      }
    }
    this.mark = m;
    return null;
  }

  simpleStmt(): Stmt | null {
    const k = this.memoKey(M_SIMPLE_STMT, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Stmt>(k) : this.memoPut(k, this.simpleStmtRaw());
  }

  private simpleStmtRaw(): Stmt | null {
    const m = this.mark;
    const a = this.assignment();
    if (a !== null) {
      return a;
    }
    const e = this.starExpressions();
    if (e !== null) {
      return { kind: "ExprStmt", value: e, ...this.ex(m) };
    }
    const t = this.peek();
    if (t.type !== KEYWORD) {
      return null;
    }
    switch (t.str) {
      case "return":
        return this.returnStmt();
      case "import":
      case "from":
        return this.importStmt();
      case "raise":
        return this.raiseStmt();
      case "pass":
        this.mark++;
        return { kind: "Pass", ...this.ex(m) };
      case "del":
        return this.delStmt();
      case "yield":
        return this.yieldStmt();
      case "assert":
        return this.assertStmt();
      case "break":
        this.mark++;
        return { kind: "Break", ...this.ex(m) };
      case "continue":
        this.mark++;
        return { kind: "Continue", ...this.ex(m) };
      case "global":
      case "nonlocal":
        return this.scopeStmt(t.str);
      default:
        return null;
    }
  }

  compoundStmt(): Stmt | null {
    const t = this.peek();
    const s = t.type === KEYWORD ? t.str : t.type === OP && t.str === "@" ? "@" : "";
    if (s === "def" || s === "@" || s === "async") {
      const r = this.functionDef();
      if (r !== null) {
        return r;
      }
    }
    if (s === "if") {
      const r = this.ifStmt();
      if (r !== null) {
        return r;
      }
    }
    if (s === "class" || s === "@") {
      const r = this.classDef();
      if (r !== null) {
        return r;
      }
    }
    if (s === "with" || s === "async") {
      const r = this.withStmt();
      if (r !== null) {
        return r;
      }
    }
    if (s === "for" || s === "async") {
      const r = this.forStmt();
      if (r !== null) {
        return r;
      }
    }
    if (s === "try") {
      const r = this.tryStmt();
      if (r !== null) {
        return r;
      }
    }
    if (s === "while") {
      const r = this.whileStmt();
      if (r !== null) {
        return r;
      }
    }
    return this.matchStmt();
  }

  // ---------------------------------------------------------------- simple statements

  assignment(): Stmt | null {
    const m = this.mark;
    // NAME ':' expression ['=' annotated_rhs]
    const n = this.expectName();
    if (n !== null && this.expectOp(":")) {
      const b = this.expression();
      if (b !== null) {
        const c = this.optAnnotatedValue();
        return { kind: "AnnAssign", target: { kind: "Name", id: n.str, ctx: "Store", ...this.tokSpan(n) }, annotation: b, value: c, simple: true, ...this.ex(m) };
      }
    }
    this.mark = m;
    // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
    const a = this.parenSingleTarget() ?? this.singleSubscriptAttributeTarget();
    if (a !== null && this.expectOp(":")) {
      const b = this.expression();
      if (b !== null) {
        const c = this.optAnnotatedValue();
        return { kind: "AnnAssign", target: a as never, annotation: b, value: c, simple: false, ...this.ex(m) };
      }
    }
    this.mark = m;
    // (star_targets '=')+ (yield_expr | star_expressions) !'='
    const targets: Expr[] = [];
    for (;;) {
      const mm = this.mark;
      const z = this.starTargets();
      if (z !== null && this.expectOp("=")) {
        targets.push(z);
        continue;
      }
      this.mark = mm;
      break;
    }
    if (targets.length > 0) {
      const b = this.yieldExpr() ?? this.starExpressions();
      if (b !== null && !this.lookOp("=")) {
        return { kind: "Assign", targets, value: b, ...this.ex(m) };
      }
    }
    this.mark = m;
    // single_target augassign ~ (yield_expr | star_expressions)
    const st = this.singleTarget();
    if (st !== null) {
      const opTok = this.peek();
      const op = opTok.type === OP ? AUGASSIGN[opTok.str] : undefined;
      if (op !== undefined) {
        this.mark++;
        const c = this.yieldExpr() ?? this.starExpressions();
        if (c !== null) {
          return { kind: "AugAssign", target: st as never, op, value: c, ...this.ex(m) };
        }
        this.mark = m;
        return null;
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidAssignment(this);
      this.mark = m;
    }
    return null;
  }

  private optAnnotatedValue(): Expr | null {
    const m = this.mark;
    if (this.expectOp("=")) {
      const d = this.yieldExpr() ?? this.starExpressions();
      if (d !== null) {
        return d;
      }
    }
    this.mark = m;
    return null;
  }

  private parenSingleTarget(): Expr | null {
    const m = this.mark;
    if (this.expectOp("(")) {
      const b = this.singleTarget();
      if (b !== null && this.expectOp(")")) {
        return b;
      }
    }
    this.mark = m;
    return null;
  }

  isAugassign(): boolean {
    const t = this.peek();
    return t.type === OP && AUGASSIGN[t.str] !== undefined;
  }

  returnStmt(): Stmt | null {
    const m = this.mark;
    if (!this.expectKw("return")) {
      return null;
    }
    const a = this.starExpressions();
    return { kind: "Return", value: a, ...this.ex(m) };
  }

  raiseStmt(): Stmt | null {
    const m = this.mark;
    if (!this.expectKw("raise")) {
      return null;
    }
    const a = this.expression();
    if (a !== null) {
      const m2 = this.mark;
      let b: Expr | null = null;
      if (this.expectKw("from")) {
        b = this.expression();
      }
      if (b === null) {
        this.mark = m2;
      }
      return { kind: "Raise", exc: a, cause: b, ...this.ex(m) };
    }
    return { kind: "Raise", exc: null, cause: null, ...this.ex(m) };
  }

  scopeStmt(which: string): Stmt | null {
    const m = this.mark;
    this.mark++;
    const names = this.gather(() => this.expectName(), ",");
    if (names === null) {
      this.mark = m;
      return null;
    }
    const ids = names.map((t) => t.str);
    return which === "global" ? { kind: "Global", names: ids, ...this.ex(m) } : { kind: "Nonlocal", names: ids, ...this.ex(m) };
  }

  delStmt(): Stmt | null {
    const m = this.mark;
    if (this.expectKw("del")) {
      const a = this.delTargets();
      if (a !== null && (this.lookOp(";") || this.lookType(NEWLINE))) {
        return { kind: "Delete", targets: a, ...this.ex(m) };
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidDelStmt(this);
      this.mark = m;
    }
    return null;
  }

  yieldStmt(): Stmt | null {
    const m = this.mark;
    const y = this.yieldExpr();
    return y === null ? null : { kind: "ExprStmt", value: y, ...this.ex(m) };
  }

  assertStmt(): Stmt | null {
    const m = this.mark;
    if (!this.expectKw("assert")) {
      return null;
    }
    const a = this.expression();
    if (a === null) {
      this.mark = m;
      return null;
    }
    const m2 = this.mark;
    let b: Expr | null = null;
    if (this.expectOp(",")) {
      b = this.expression();
    }
    if (b === null) {
      this.mark = m2;
    }
    return { kind: "Assert", test: a, msg: b, ...this.ex(m) };
  }

  importStmt(): Stmt | null {
    return this.importName() ?? this.importFrom();
  }

  private importName(): Stmt | null {
    const m = this.mark;
    if (this.expectKw("import")) {
      const a = this.gather(() => this.dottedAsName(), ",");
      if (a !== null) {
        return { kind: "Import", names: a, ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  private dots(): number {
    let n = 0;
    for (;;) {
      if (this.expectOp(".")) {
        n += 1;
      } else if (this.expectOp("...")) {
        n += 3;
      } else {
        return n;
      }
    }
  }

  private importFrom(): Stmt | null {
    const m = this.mark;
    if (this.expectKw("from")) {
      const level = this.dots();
      const b = this.dottedName();
      if (b !== null && this.expectKw("import")) {
        const c = this.importFromTargets();
        if (c !== null) {
          return { kind: "ImportFrom", module: b, names: c, level, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    if (this.expectKw("from")) {
      const level = this.dots();
      if (level > 0 && this.expectKw("import")) {
        const c = this.importFromTargets();
        if (c !== null) {
          return { kind: "ImportFrom", module: null, names: c, level, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    return null;
  }

  private importFromTargets(): Alias[] | null {
    const m = this.mark;
    if (this.expectOp("(")) {
      const a = this.gather(() => this.importFromAsName(), ",");
      if (a !== null) {
        this.expectOp(",");
        if (this.expectOp(")")) {
          return a;
        }
      }
    }
    this.mark = m;
    const a = this.gather(() => this.importFromAsName(), ",");
    if (a !== null && !this.lookOp(",")) {
      return a;
    }
    this.mark = m;
    const star = this.expectOp("*");
    if (star) {
      return [{ kind: "alias", name: "*", asname: null, ...this.ex(m) }];
    }
    if (this.callInvalid) {
      inv.invalidImportFromTargets(this);
      this.mark = m;
    }
    return null;
  }

  importFromAsNames(): Alias[] | null {
    return this.gather(() => this.importFromAsName(), ",");
  }

  private importFromAsName(): Alias | null {
    const m = this.mark;
    const a = this.expectName();
    if (a === null) {
      return null;
    }
    const asname = this.optAsName();
    return { kind: "alias", name: a.str, asname, ...this.ex(m) };
  }

  private optAsName(): string | null {
    const m = this.mark;
    if (this.expectKw("as")) {
      const z = this.expectName();
      if (z !== null) {
        return z.str;
      }
    }
    this.mark = m;
    return null;
  }

  private dottedAsName(): Alias | null {
    const m = this.mark;
    const a = this.dottedName();
    if (a === null) {
      return null;
    }
    const asname = this.optAsName();
    return { kind: "alias", name: a, asname, ...this.ex(m) };
  }

  private dottedName(): string | null {
    const a = this.expectName();
    if (a === null) {
      return null;
    }
    let name = a.str;
    for (;;) {
      const m = this.mark;
      if (this.expectOp(".")) {
        const b = this.expectName();
        if (b !== null) {
          name += "." + b.str;
          continue;
        }
      }
      this.mark = m;
      return name;
    }
  }

  // ---------------------------------------------------------------- compound statements

  block(): Stmt[] | null {
    const k = this.memoKey(M_BLOCK, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Stmt[]>(k) : this.memoPut(k, this.blockRaw());
  }

  private blockRaw(): Stmt[] | null {
    const m = this.mark;
    if (this.expectType(NEWLINE) && this.expectType(INDENT)) {
      const a = this.statements();
      if (a !== null && this.expectType(DEDENT)) {
        return a;
      }
    }
    this.mark = m;
    const s = this.simpleStmts();
    if (s !== null) {
      return s;
    }
    if (this.callInvalid) {
      inv.invalidBlock(this);
      this.mark = m;
    }
    return null;
  }

  private decorators(): Expr[] | null {
    const out: Expr[] = [];
    for (;;) {
      const m = this.mark;
      if (this.expectOp("@")) {
        const f = this.namedExpression();
        if (f !== null && this.expectType(NEWLINE)) {
          out.push(f);
          continue;
        }
      }
      this.mark = m;
      return out.length ? out : null;
    }
  }

  classDef(): Stmt | null {
    const m = this.mark;
    const d = this.decorators();
    if (d !== null) {
      const b = this.classDefRaw();
      if (b !== null && b.kind === "ClassDef") {
        return { ...b, decoratorList: d };
      }
    }
    this.mark = m;
    return this.classDefRaw();
  }

  private classDefRaw(): Stmt | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidClassDefRaw(this);
      this.mark = m;
    }
    if (this.expectKw("class")) {
      const a = this.expectName();
      if (a !== null) {
        let bases: Expr[] = [];
        let keywords: Keyword[] = [];
        const m2 = this.mark;
        let ok = false;
        if (this.expectOp("(")) {
          const z = this.arguments();
          if (this.expectOp(")")) {
            ok = true;
            if (z !== null) {
              bases = z.args;
              keywords = z.keywords;
            }
          }
        }
        if (!ok) {
          this.mark = m2;
        }
        if (this.expectOp(":")) {
          const c = this.block();
          if (c !== null) {
            return { kind: "ClassDef", name: a.str, bases, keywords, body: c, decoratorList: [], ...this.ex(m) };
          }
        }
      }
    }
    this.mark = m;
    return null;
  }

  functionDef(): Stmt | null {
    const m = this.mark;
    const d = this.decorators();
    if (d !== null) {
      const f = this.functionDefRaw();
      if (f !== null && f.kind === "FunctionDef") {
        return { ...f, decoratorList: d };
      }
    }
    this.mark = m;
    return this.functionDefRaw();
  }

  private functionDefRaw(): Stmt | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidDefRaw(this);
      this.mark = m;
    }
    for (const isAsync of [false, true]) {
      this.mark = m;
      if (isAsync && !this.expectKw("async")) {
        break;
      }
      if (!this.expectKw("def")) {
        continue;
      }
      const n = this.expectName();
      if (n === null) {
        continue;
      }
      this.forced("(");
      const params = this.params();
      if (!this.expectOp(")")) {
        continue;
      }
      let returns: Expr | null = null;
      const m2 = this.mark;
      if (this.expectOp("->")) {
        returns = this.expression();
      }
      if (returns === null) {
        this.mark = m2;
      }
      this.forced(":");
      this.typeCommentLookahead();
      const b = this.block();
      if (b === null) {
        continue;
      }
      return {
        kind: "FunctionDef",
        isAsync,
        name: n.str,
        args: params ?? emptyArguments(),
        body: b,
        decoratorList: [],
        returns,
        ...this.ex(m),
      };
    }
    this.mark = m;
    return null;
  }

  /** [func_type_comment]: never matches here, but reads the token after a NEWLINE, as CPython does. */
  private typeCommentLookahead(): void {
    this.ahead(() => {
      if (this.expectType(NEWLINE)) {
        this.peek();
      }
    });
  }

  // ---------------------------------------------------------------- parameters

  params(): Arguments | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidParameters(this);
      this.mark = m;
    }
    return this.parameters();
  }

  private parameters(): Arguments | null {
    const m = this.mark;
    // slash_no_default param_no_default* param_with_default* [star_etc]
    let a = this.slashNoDefault();
    if (a !== null) {
      const b = this.repeat(() => this.paramNoDefault());
      const c = this.repeat(() => this.paramWithDefault());
      const d = this.starEtc();
      return makeArguments(a, null, b, c, d);
    }
    this.mark = m;
    const sw = this.slashWithDefault();
    if (sw !== null) {
      const b = this.repeat(() => this.paramWithDefault());
      const c = this.starEtc();
      return makeArguments(null, sw, [], b, c);
    }
    this.mark = m;
    a = this.repeat(() => this.paramNoDefault());
    if (a.length > 0) {
      const b = this.repeat(() => this.paramWithDefault());
      const c = this.starEtc();
      return makeArguments(null, null, a, b, c);
    }
    this.mark = m;
    const wd = this.repeat(() => this.paramWithDefault());
    if (wd.length > 0) {
      const b = this.starEtc();
      return makeArguments(null, null, [], wd, b);
    }
    this.mark = m;
    const se = this.starEtc();
    if (se !== null) {
      return makeArguments(null, null, [], [], se);
    }
    this.mark = m;
    return null;
  }

  /** Lambda parameters end before ':', function parameters before ')'. */
  private paramEnd(lambda: boolean): boolean {
    return lambda ? this.lookOp(":") : this.lookOp(")");
  }

  slashNoDefault(lambda = false): Arg[] | null {
    const m = this.mark;
    const a = this.repeat(() => this.paramNoDefault(lambda));
    if (a.length > 0 && this.expectOp("/")) {
      if (this.expectOp(",") || this.paramEnd(lambda)) {
        return a;
      }
    }
    this.mark = m;
    return null;
  }

  slashWithDefault(lambda = false): SlashWithDefault | null {
    const m = this.mark;
    const a = this.repeat(() => this.paramNoDefault(lambda));
    const b = this.repeat(() => this.paramWithDefault(lambda));
    if (b.length > 0 && this.expectOp("/")) {
      if (this.expectOp(",") || this.paramEnd(lambda)) {
        return { plain: a, withDefaults: b };
      }
    }
    this.mark = m;
    return null;
  }

  starEtc(lambda = false): StarEtc | null {
    const m = this.mark;
    if (this.callInvalid) {
      if (lambda) {
        inv.invalidLambdaStarEtc(this);
      } else {
        inv.invalidStarEtc(this);
      }
      this.mark = m;
    }
    if (this.expectOp("*")) {
      const a = this.paramNoDefault(lambda);
      if (a !== null) {
        const b = this.repeat(() => this.paramMaybeDefault(lambda));
        const c = this.kwds(lambda);
        return { vararg: a, kwonly: b, kwarg: c };
      }
      if (!lambda) {
        this.mark = m + 1;
        const a2 = this.paramNoDefaultStarAnnotation();
        if (a2 !== null) {
          const b = this.repeat(() => this.paramMaybeDefault());
          const c = this.kwds();
          return { vararg: a2, kwonly: b, kwarg: c };
        }
      }
      this.mark = m + 1;
      if (this.expectOp(",")) {
        const b = this.repeat(() => this.paramMaybeDefault(lambda));
        if (b.length > 0) {
          const c = this.kwds(lambda);
          return { vararg: null, kwonly: b, kwarg: c };
        }
      }
    }
    this.mark = m;
    const k = this.kwds(lambda);
    if (k !== null) {
      return { vararg: null, kwonly: [], kwarg: k };
    }
    this.mark = m;
    return null;
  }

  private kwds(lambda = false): Arg | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidKwds(this, lambda);
      this.mark = m;
    }
    if (this.expectOp("**")) {
      const a = this.paramNoDefault(lambda);
      if (a !== null) {
        return a;
      }
    }
    this.mark = m;
    return null;
  }

  paramNoDefault(lambda = false): Arg | null {
    const m = this.mark;
    const a = this.param(lambda);
    if (a !== null && (this.expectOp(",") || this.paramEnd(lambda))) {
      return a;
    }
    this.mark = m;
    return null;
  }

  private paramNoDefaultStarAnnotation(): Arg | null {
    const m = this.mark;
    const n = this.expectName();
    if (n !== null && this.expectOp(":")) {
      const b = this.starExpression();
      if (b !== null) {
        const a: Arg = { kind: "arg", arg: n.str, annotation: b, ...this.ex(m) };
        if (this.expectOp(",") || this.lookOp(")")) {
          return a;
        }
      }
    }
    this.mark = m;
    return null;
  }

  paramWithDefault(lambda = false): NameDefault | null {
    const m = this.mark;
    const a = this.param(lambda);
    if (a !== null) {
      const c = this.default_();
      if (c !== null && (this.expectOp(",") || this.paramEnd(lambda))) {
        return { arg: a, value: c };
      }
    }
    this.mark = m;
    return null;
  }

  paramMaybeDefault(lambda = false): NameDefault | null {
    const m = this.mark;
    const a = this.param(lambda);
    if (a !== null) {
      const c = this.default_();
      if (this.expectOp(",") || this.paramEnd(lambda)) {
        return { arg: a, value: c };
      }
    }
    this.mark = m;
    return null;
  }

  param(lambda = false): Arg | null {
    const m = this.mark;
    const n = this.expectName();
    if (n === null) {
      return null;
    }
    let annotation: Expr | null = null;
    if (!lambda) {
      const m2 = this.mark;
      if (this.expectOp(":")) {
        annotation = this.expression();
      }
      if (annotation === null) {
        this.mark = m2;
      }
    }
    return { kind: "arg", arg: n.str, annotation, ...this.ex(m) };
  }

  default_(): Expr | null {
    const m = this.mark;
    if (this.expectOp("=")) {
      const a = this.expression();
      if (a !== null) {
        return a;
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidDefault(this);
      this.mark = m;
    }
    return null;
  }

  // ---------------------------------------------------------------- if / while / for / with / try

  ifStmt(): Stmt | null {
    return this.ifLike("if");
  }

  private ifLike(kw: "if" | "elif"): Stmt | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidIfStmt(this, kw);
      this.mark = m;
    }
    if (this.expectKw(kw)) {
      const a = this.namedExpression();
      if (a !== null && this.expectOp(":")) {
        const b = this.block();
        if (b !== null) {
          const m2 = this.mark;
          const c = this.ifLike("elif");
          if (c !== null) {
            return { kind: "If", test: a, body: b, orelse: [c], ...this.ex(m) };
          }
          this.mark = m2;
          const e = this.elseBlock();
          return { kind: "If", test: a, body: b, orelse: e ?? [], ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    return null;
  }

  elseBlock(): Stmt[] | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidElseStmt(this);
      this.mark = m;
    }
    if (this.expectKw("else")) {
      this.forced(":");
      const b = this.block();
      if (b !== null) {
        return b;
      }
    }
    this.mark = m;
    return null;
  }

  whileStmt(): Stmt | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidWhileStmt(this);
      this.mark = m;
    }
    if (this.expectKw("while")) {
      const a = this.namedExpression();
      if (a !== null && this.expectOp(":")) {
        const b = this.block();
        if (b !== null) {
          const c = this.elseBlock();
          return { kind: "While", test: a, body: b, orelse: c ?? [], ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    return null;
  }

  forStmt(): Stmt | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidForStmt(this);
      this.mark = m;
    }
    for (const isAsync of [false, true]) {
      this.mark = m;
      if (isAsync && !this.expectKw("async")) {
        break;
      }
      if (!this.expectKw("for")) {
        continue;
      }
      const t = this.starTargets();
      if (t === null || !this.expectKw("in")) {
        continue;
      }
      // cut: from here on, failing fails the whole rule.
      const ex = this.starExpressions();
      if (ex !== null && this.expectOp(":")) {
        this.peek(); // [TYPE_COMMENT]
        const b = this.block();
        if (b !== null) {
          const el = this.elseBlock();
          return { kind: "For", isAsync, target: t, iter: ex, body: b, orelse: el ?? [], ...this.ex(m) };
        }
      }
      this.mark = m;
      return null;
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidForTarget(this);
      this.mark = m;
    }
    return null;
  }

  withStmt(): Stmt | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidWithStmtIndent(this);
      this.mark = m;
    }
    for (const isAsync of [false, true]) {
      this.mark = m;
      if (isAsync && !this.expectKw("async")) {
        break;
      }
      if (!this.expectKw("with")) {
        continue;
      }
      const m2 = this.mark;
      // 'with' '(' ','.with_item+ ','? ')' ':' block
      if (this.expectOp("(")) {
        const a = this.gather(() => this.withItem(), ",");
        if (a !== null) {
          this.expectOp(",");
          if (this.expectOp(")") && this.expectOp(":")) {
            const b = this.block();
            if (b !== null) {
              return { kind: "With", isAsync, items: a, body: b, ...this.ex(m) };
            }
          }
        }
      }
      this.mark = m2;
      // 'with' ','.with_item+ ':' [TYPE_COMMENT] block
      const a = this.gather(() => this.withItem(), ",");
      if (a !== null && this.expectOp(":")) {
        this.peek();
        const b = this.block();
        if (b !== null) {
          return { kind: "With", isAsync, items: a, body: b, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidWithStmt(this);
      this.mark = m;
    }
    return null;
  }

  private withItem(): WithItem | null {
    const m = this.mark;
    const e = this.expression();
    if (e !== null && this.expectKw("as")) {
      const t = this.starTarget();
      if (t !== null && (this.lookOp(",") || this.lookOp(")") || this.lookOp(":"))) {
        return { kind: "withitem", contextExpr: e, optionalVars: t, line: e.line, col: e.col, endLine: t.endLine, endCol: t.endCol };
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidWithItem(this);
      this.mark = m;
    }
    const e2 = this.expression();
    if (e2 !== null) {
      return { kind: "withitem", contextExpr: e2, optionalVars: null, line: e2.line, col: e2.col, endLine: e2.endLine, endCol: e2.endCol };
    }
    return null;
  }

  tryStmt(): Stmt | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidTryStmt(this);
      this.mark = m;
    }
    if (this.expectKw("try")) {
      this.forced(":");
      const b = this.block();
      if (b !== null) {
        const m2 = this.mark;
        const f = this.finallyBlock();
        if (f !== null) {
          return { kind: "Try", body: b, handlers: [], orelse: [], finalbody: f, ...this.ex(m) };
        }
        this.mark = m2;
        const ex = this.repeat(() => this.exceptBlock());
        if (ex.length > 0) {
          const el = this.elseBlock();
          const fb = this.finallyBlock();
          return { kind: "Try", body: b, handlers: ex, orelse: el ?? [], finalbody: fb ?? [], ...this.ex(m) };
        }
        this.mark = m2;
        const exs = this.repeat(() => this.exceptStarBlock());
        if (exs.length > 0) {
          const el = this.elseBlock();
          const fb = this.finallyBlock();
          this.refusals.starHandlers.add(exs[0]);
          return { kind: "Try", body: b, handlers: exs, orelse: el ?? [], finalbody: fb ?? [], ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    return null;
  }

  exceptBlock(): ExceptHandler | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidExceptStmtIndent(this);
      this.mark = m;
    }
    if (this.expectKw("except")) {
      const e = this.expression();
      if (e !== null) {
        const t = this.optAsName();
        if (this.expectOp(":")) {
          const b = this.block();
          if (b !== null) {
            return { kind: "ExceptHandler", type: e, name: t, body: b, ...this.ex(m) };
          }
        }
      }
    }
    this.mark = m;
    if (this.expectKw("except") && this.expectOp(":")) {
      const b = this.block();
      if (b !== null) {
        return { kind: "ExceptHandler", type: null, name: null, body: b, ...this.ex(m) };
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidExceptStmt(this);
      this.mark = m;
    }
    return null;
  }

  exceptStarBlock(): ExceptHandler | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidExceptStarStmtIndent(this);
      this.mark = m;
    }
    if (this.expectKw("except") && this.expectOp("*")) {
      const e = this.expression();
      if (e !== null) {
        const t = this.optAsName();
        if (this.expectOp(":")) {
          const b = this.block();
          if (b !== null) {
            return { kind: "ExceptHandler", type: e, name: t, body: b, ...this.ex(m) };
          }
        }
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidExceptStmt(this);
      this.mark = m;
    }
    return null;
  }

  finallyBlock(): Stmt[] | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidFinallyStmt(this);
      this.mark = m;
    }
    if (this.expectKw("finally")) {
      this.forced(":");
      const a = this.block();
      if (a !== null) {
        return a;
      }
    }
    this.mark = m;
    return null;
  }

  // ---------------------------------------------------------------- match (patterns are checked, not kept)

  matchStmt(): Stmt | null {
    const m = this.mark;
    if (this.expectSoft("match")) {
      const subject = this.subjectExpr();
      if (subject !== null && this.expectOp(":") && this.expectType(NEWLINE) && this.expectType(INDENT)) {
        const cases = this.repeat(() => this.caseBlock());
        if (cases.length > 0 && this.expectType(DEDENT)) {
          return { kind: "Match", subject, cases, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidMatchStmt(this);
      this.mark = m;
    }
    return null;
  }

  subjectExpr(): Expr | null {
    const m = this.mark;
    const v = this.starNamedExpression();
    if (v !== null && this.expectOp(",")) {
      const vs = this.starNamedExpressions();
      return { kind: "Tuple", elts: [v, ...(vs ?? [])], ctx: "Load", ...this.ex(m) };
    }
    this.mark = m;
    return this.namedExpression();
  }

  private caseBlock(): MatchCase | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidCaseBlock(this);
      this.mark = m;
    }
    if (this.expectSoft("case")) {
      if (this.patterns() !== null) {
        this.guard();
        if (this.expectOp(":")) {
          const body = this.block();
          if (body !== null) {
            return { kind: "match_case", body, ...this.ex(m) };
          }
        }
      }
    }
    this.mark = m;
    return null;
  }

  guard(): Expr | null {
    const m = this.mark;
    if (this.expectKw("if")) {
      const g = this.namedExpression();
      if (g !== null) {
        return g;
      }
    }
    this.mark = m;
    return null;
  }

  patterns(): Span | null {
    const m = this.mark;
    if (this.openSequencePattern() !== null) {
      return this.ex(m);
    }
    return this.pattern();
  }

  pattern(): Span | null {
    return this.asPattern() ?? this.orPattern();
  }

  private asPattern(): Span | null {
    const m = this.mark;
    if (this.orPattern() !== null && this.expectKw("as") && this.patternCaptureTarget() !== null) {
      return this.ex(m);
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidAsPattern(this);
      this.mark = m;
    }
    return null;
  }

  orPattern(): Span | null {
    const m = this.mark;
    const ps = this.gather(() => this.closedPattern(), "|");
    return ps === null ? null : this.ex(m);
  }

  private closedPattern(): Span | null {
    const k = this.memoKey(M_CLOSED_PATTERN, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Span>(k) : this.memoPut(k, this.closedPatternRaw());
  }

  private closedPatternRaw(): Span | null {
    const m = this.mark;
    const ok =
      this.literalPattern() ||
      this.patternCaptureTarget() !== null ||
      this.expectSoft("_") !== null ||
      this.valuePattern() ||
      this.groupPattern() ||
      this.sequencePattern() ||
      this.mappingPattern() ||
      this.classPattern();
    return ok ? this.ex(m) : null;
  }

  /** signed_number: NUMBER | '-' NUMBER (pattern literals are checked, not converted). */
  private signedNumber(): boolean {
    const m = this.mark;
    this.expectOp("-");
    if (this.lookType(NUMBER)) {
      this.mark++;
      return true;
    }
    this.mark = m;
    return false;
  }

  /** real_number / imaginary_number: _PyPegen_ensure_real / _PyPegen_ensure_imaginary. */
  private complexPart(imaginary: boolean): boolean {
    const t = this.peek();
    if (t.type !== NUMBER) {
      return false;
    }
    this.mark++;
    if (/[jJ]$/.test(t.str) !== imaginary) {
      this.raiseAt(t, t, imaginary ? "imaginary number required in complex literal" : "real number required in complex literal");
    }
    return true;
  }

  /** literal_pattern / literal_expr. */
  private literalPattern(): boolean {
    const m = this.mark;
    if (this.signedNumber() && !this.lookOp("+") && !this.lookOp("-")) {
      return true;
    }
    this.mark = m;
    // complex_number: signed_real_number ('+' | '-') imaginary_number
    this.expectOp("-");
    if (this.complexPart(false) && (this.expectOp("+") || this.expectOp("-")) && this.complexPart(true)) {
      return true;
    }
    this.mark = m;
    if (this.lookType(STRING) && this.strings() !== null) {
      return true;
    }
    this.mark = m;
    return this.expectKw("None") !== null || this.expectKw("True") !== null || this.expectKw("False") !== null;
  }

  patternCaptureTarget(): Token | null {
    const m = this.mark;
    const t = this.peek();
    if (t.type === NAME && t.str !== "_") {
      this.mark++;
      if (!this.lookOp(".") && !this.lookOp("(") && !this.lookOp("=")) {
        return t;
      }
    }
    this.mark = m;
    return null;
  }

  private valuePattern(): boolean {
    const m = this.mark;
    if (this.attr() && !this.lookOp(".") && !this.lookOp("(") && !this.lookOp("=")) {
      return true;
    }
    this.mark = m;
    return false;
  }

  /** attr: name_or_attr '.' NAME (at least one dot). */
  private attr(): boolean {
    const m = this.mark;
    if (this.expectName() === null) {
      return false;
    }
    let dots = 0;
    for (;;) {
      const m2 = this.mark;
      if (this.expectOp(".") && this.expectName()) {
        dots++;
        continue;
      }
      this.mark = m2;
      break;
    }
    if (dots === 0) {
      this.mark = m;
      return false;
    }
    return true;
  }

  nameOrAttr(): boolean {
    return this.attr() || this.expectName() !== null;
  }

  private groupPattern(): boolean {
    const m = this.mark;
    if (this.expectOp("(") && this.pattern() !== null && this.expectOp(")")) {
      return true;
    }
    this.mark = m;
    return false;
  }

  private sequencePattern(): boolean {
    const m = this.mark;
    if (this.expectOp("[")) {
      this.maybeSequencePattern();
      if (this.expectOp("]")) {
        return true;
      }
    }
    this.mark = m;
    if (this.expectOp("(")) {
      this.openSequencePattern();
      if (this.expectOp(")")) {
        return true;
      }
    }
    this.mark = m;
    return false;
  }

  private openSequencePattern(): Span | null {
    const m = this.mark;
    if (this.maybeStarPattern() !== null && this.expectOp(",")) {
      this.maybeSequencePattern();
      return this.ex(m);
    }
    this.mark = m;
    return null;
  }

  private maybeSequencePattern(): Span[] | null {
    const ps = this.gather(() => this.maybeStarPattern(), ",");
    if (ps !== null) {
      this.expectOp(",");
    }
    return ps;
  }

  private maybeStarPattern(): Span | null {
    return this.starPattern() ?? this.pattern();
  }

  private starPattern(): Span | null {
    const k = this.memoKey(M_STAR_PATTERN, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Span>(k) : this.memoPut(k, this.starPatternRaw());
  }

  private starPatternRaw(): Span | null {
    const m = this.mark;
    if (this.expectOp("*") && (this.patternCaptureTarget() !== null || this.expectSoft("_") !== null)) {
      return this.ex(m);
    }
    this.mark = m;
    return null;
  }

  private mappingPattern(): boolean {
    const m = this.mark;
    if (!this.expectOp("{")) {
      return false;
    }
    if (this.expectOp("}")) {
      return true;
    }
    const m2 = this.mark;
    if (this.doubleStarPattern()) {
      this.expectOp(",");
      if (this.expectOp("}")) {
        return true;
      }
    }
    this.mark = m2;
    if (this.gather(() => this.keyValuePattern(), ",") !== null) {
      const m3 = this.mark;
      if (this.expectOp(",") && this.doubleStarPattern()) {
        this.expectOp(",");
        if (this.expectOp("}")) {
          return true;
        }
      }
      this.mark = m3;
      this.expectOp(",");
      if (this.expectOp("}")) {
        return true;
      }
    }
    this.mark = m;
    return false;
  }

  private keyValuePattern(): boolean | null {
    const m = this.mark;
    const key = this.literalPattern() || this.attr();
    if (key && this.expectOp(":") && this.pattern() !== null) {
      return true;
    }
    this.mark = m;
    return null;
  }

  private doubleStarPattern(): boolean {
    const m = this.mark;
    if (this.expectOp("**") && this.patternCaptureTarget() !== null) {
      return true;
    }
    this.mark = m;
    return false;
  }

  private classPattern(): boolean {
    const m = this.mark;
    if (this.nameOrAttr() && this.expectOp("(")) {
      const m2 = this.mark;
      if (this.expectOp(")")) {
        return true;
      }
      this.mark = m2;
      if (this.positionalPatterns() !== null) {
        this.expectOp(",");
        if (this.expectOp(")")) {
          return true;
        }
      }
      this.mark = m2;
      if (this.keywordPatterns() !== null) {
        this.expectOp(",");
        if (this.expectOp(")")) {
          return true;
        }
      }
      this.mark = m2;
      if (this.positionalPatterns() !== null && this.expectOp(",") && this.keywordPatterns() !== null) {
        this.expectOp(",");
        if (this.expectOp(")")) {
          return true;
        }
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidClassPattern(this);
      this.mark = m;
    }
    return false;
  }

  positionalPatterns(): Span[] | null {
    return this.gather(() => this.pattern(), ",");
  }

  keywordPatterns(): boolean[] | null {
    return this.gather(() => {
      const m = this.mark;
      if (this.expectName() && this.expectOp("=") && this.pattern() !== null) {
        return true;
      }
      this.mark = m;
      return null;
    }, ",");
  }

  // ================================================================ expressions

  expressions(): Expr | null {
    return this.exprList(() => this.expression());
  }

  /** `a=e (',' e)+ [',']` → Tuple | `e ','` → Tuple | e. */
  private exprList(elem: () => Expr | null): Expr | null {
    const m = this.mark;
    const a = elem();
    if (a === null) {
      return null;
    }
    const elts = [a];
    for (;;) {
      const mm = this.mark;
      if (this.expectOp(",")) {
        const c = elem();
        if (c !== null) {
          elts.push(c);
          continue;
        }
      }
      this.mark = mm;
      break;
    }
    if (elts.length > 1) {
      this.expectOp(",");
      return { kind: "Tuple", elts, ctx: "Load", ...this.ex(m) };
    }
    if (this.expectOp(",")) {
      return { kind: "Tuple", elts, ctx: "Load", ...this.ex(m) };
    }
    return a;
  }

  expression(): Expr | null {
    const k = this.memoKey(M_EXPRESSION, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.expressionRaw());
  }

  private expressionRaw(): Expr | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidExpression(this);
      this.mark = m;
      inv.invalidLegacyExpression(this);
      this.mark = m;
    }
    return this.expressionWithoutInvalidRaw();
  }

  /** expression_without_invalid (with the invalid rules switched off by the caller). */
  expressionWithoutInvalidRaw(): Expr | null {
    const m = this.mark;
    const a = this.disjunction();
    if (a !== null) {
      const m2 = this.mark;
      if (this.expectKw("if")) {
        const b = this.disjunction();
        if (b !== null && this.expectKw("else")) {
          const c = this.expression();
          if (c !== null) {
            return { kind: "IfExp", test: b, body: a, orelse: c, ...this.ex(m) };
          }
        }
      }
      this.mark = m2;
      return a;
    }
    this.mark = m;
    return this.lambdef();
  }

  /** expression_without_invalid: `p->call_invalid_rules` is off inside. */
  expressionWithoutInvalid(): Expr | null {
    const prev = this.callInvalid;
    this.callInvalid = false;
    try {
      return this.expressionWithoutInvalidRaw();
    } finally {
      this.callInvalid = prev;
    }
  }

  yieldExpr(): Expr | null {
    const m = this.mark;
    if (!this.expectKw("yield")) {
      return null;
    }
    if (this.expectKw("from")) {
      const a = this.expression();
      if (a !== null) {
        return { kind: "YieldFrom", value: a, ...this.ex(m) };
      }
    }
    this.mark = m + 1;
    const a = this.starExpressions();
    return { kind: "Yield", value: a, ...this.ex(m) };
  }

  starExpressions(): Expr | null {
    return this.exprList(() => this.starExpression());
  }

  starExpression(): Expr | null {
    const k = this.memoKey(M_STAR_EXPRESSION, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.starExpressionRaw());
  }

  private starExpressionRaw(): Expr | null {
    const m = this.mark;
    if (this.expectOp("*")) {
      const a = this.bitwiseOr();
      if (a !== null) {
        return { kind: "Starred", value: a, ctx: "Load", ...this.ex(m) };
      }
    }
    this.mark = m;
    return this.expression();
  }

  starNamedExpressions(): Expr[] | null {
    const a = this.gather(() => this.starNamedExpression(), ",");
    if (a !== null) {
      this.expectOp(",");
    }
    return a;
  }

  starNamedExpression(): Expr | null {
    const m = this.mark;
    if (this.expectOp("*")) {
      const a = this.bitwiseOr();
      if (a !== null) {
        return { kind: "Starred", value: a, ctx: "Load", ...this.ex(m) };
      }
    }
    this.mark = m;
    return this.namedExpression();
  }

  assignmentExpression(): Expr | null {
    const m = this.mark;
    const a = this.expectName();
    if (a !== null && this.expectOp(":=")) {
      const b = this.expression();
      if (b !== null) {
        return { kind: "NamedExpr", target: { kind: "Name", id: a.str, ctx: "Store", ...this.tokSpan(a) }, value: b, ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  namedExpression(): Expr | null {
    const k = this.memoKey(M_NAMED_EXPRESSION, true);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.namedExpressionRaw());
  }

  private namedExpressionRaw(): Expr | null {
    const m = this.mark;
    const a = this.assignmentExpression();
    if (a !== null) {
      return a;
    }
    if (this.callInvalid) {
      this.memo(M_INVALID_NAMED, false, () => inv.invalidNamedExpression(this));
      this.mark = m;
    }
    const e = this.expression();
    if (e !== null && !this.lookOp(":=")) {
      return e;
    }
    this.mark = m;
    return null;
  }

  disjunction(): Expr | null {
    const k = this.memoKey(M_DISJUNCTION, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.disjunctionRaw());
  }

  private disjunctionRaw(): Expr | null {
    return this.boolOp("or", "Or", () => this.conjunction());
  }

  conjunction(): Expr | null {
    const k = this.memoKey(M_CONJUNCTION, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.conjunctionRaw());
  }

  private conjunctionRaw(): Expr | null {
    return this.boolOp("and", "And", () => this.inversion());
  }

  private boolOp(kw: string, op: "And" | "Or", elem: () => Expr | null): Expr | null {
    const m = this.mark;
    const a = elem();
    if (a === null) {
      return null;
    }
    const values = [a];
    for (;;) {
      const mm = this.mark;
      if (this.expectKw(kw)) {
        const c = elem();
        if (c !== null) {
          values.push(c);
          continue;
        }
      }
      this.mark = mm;
      break;
    }
    return values.length > 1 ? { kind: "BoolOp", op, values, ...this.ex(m) } : a;
  }

  inversion(): Expr | null {
    const k = this.memoKey(M_INVERSION, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.inversionRaw());
  }

  private inversionRaw(): Expr | null {
    const m = this.mark;
    if (this.expectKw("not")) {
      const a = this.inversion();
      if (a !== null) {
        return { kind: "UnaryOp", op: "Not", operand: a, ...this.ex(m) };
      }
    }
    this.mark = m;
    return this.comparison();
  }

  comparison(): Expr | null {
    const k = this.memoKey(M_COMPARISON, true);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.comparisonRaw());
  }

  private comparisonRaw(): Expr | null {
    const m = this.mark;
    const a = this.bitwiseOr();
    if (a === null) {
      return null;
    }
    const ops: CmpOperator[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      const mm = this.mark;
      const op = this.compareOp();
      if (op !== null) {
        const b = this.bitwiseOr();
        if (b !== null) {
          ops.push(op);
          comparators.push(b);
          continue;
        }
      }
      this.mark = mm;
      break;
    }
    return ops.length ? { kind: "Compare", left: a, ops, comparators, ...this.ex(m) } : a;
  }

  private compareOp(): CmpOperator | null {
    const t = this.peek();
    if (t.type === OP) {
      const op = COMPARE_OPS[t.str];
      if (op !== undefined) {
        this.mark++;
        return op;
      }
      return null;
    }
    if (t.type !== KEYWORD) {
      return null;
    }
    const m = this.mark;
    if (t.str === "not") {
      this.mark++;
      if (this.expectKw("in")) {
        return "NotIn";
      }
      this.mark = m;
      return null;
    }
    if (t.str === "in") {
      this.mark++;
      return "In";
    }
    if (t.str === "is") {
      this.mark++;
      if (this.expectKw("not")) {
        return "IsNot";
      }
      return "Is";
    }
    return null;
  }

  bitwiseOr(): Expr | null {
    const k = this.memoKey(M_BITWISE_OR, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.bitwiseOrRaw());
  }

  /**
   * bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum and term: CPython's left-recursive
   * rules, read by precedence climbing (one loop instead of six nested rules, which keeps the
   * stack shallow for deeply nested code). The same tokens are read and the same trees built.
   */
  private bitwiseOrRaw(): Expr | null {
    const m = this.mark;
    const first = this.factor();
    if (first === null) {
      return null;
    }
    // Operands with their first and last token, and the operators between them.
    const nodes: Expr[] = [first];
    const starts: number[] = [m];
    const ends: number[] = [this.mark - 1];
    const ops: BinOperator[] = [];
    const precs: number[] = [];
    const reduce = (): void => {
      const right = nodes.pop() as Expr;
      const end = ends.pop() as number;
      starts.pop();
      const left = nodes.pop() as Expr;
      ends.pop();
      const op = ops.pop() as BinOperator;
      precs.pop();
      const s = this.tokens[starts[starts.length - 1]];
      const e = this.tokens[end];
      nodes.push({ kind: "BinOp", left, op, right, line: s.line, col: s.col, endLine: e.endLine, endCol: e.endCol });
      ends.push(end);
    };
    for (;;) {
      const t = this.peek();
      const prec = t.type === OP ? BINARY_PRECEDENCE[t.str] : undefined;
      if (prec === undefined) {
        break;
      }
      const mm = this.mark;
      this.mark++;
      const start = this.mark;
      const right = this.factor();
      if (right === null) {
        this.mark = mm;
        break;
      }
      while (precs.length > 0 && precs[precs.length - 1] >= prec) {
        reduce();
      }
      ops.push(BINARY_OPS[t.str]);
      precs.push(prec);
      nodes.push(right);
      starts.push(start);
      ends.push(this.mark - 1);
    }
    while (ops.length > 0) {
      reduce();
    }
    return nodes[0];
  }

  factor(): Expr | null {
    const k = this.memoKey(M_FACTOR, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.factorRaw());
  }

  private factorRaw(): Expr | null {
    const m = this.mark;
    const t = this.peek();
    if (t.type === OP && (t.str === "+" || t.str === "-" || t.str === "~")) {
      this.mark++;
      const a = this.factor();
      if (a !== null) {
        return { kind: "UnaryOp", op: t.str === "+" ? "UAdd" : t.str === "-" ? "USub" : "Invert", operand: a, ...this.ex(m) };
      }
      this.mark = m;
    }
    return this.power();
  }

  private power(): Expr | null {
    const m = this.mark;
    const a = this.awaitPrimary();
    if (a === null) {
      return null;
    }
    const mm = this.mark;
    if (this.expectOp("**")) {
      const b = this.factor();
      if (b !== null) {
        return { kind: "BinOp", left: a, op: "Pow", right: b, ...this.ex(m) };
      }
    }
    this.mark = mm;
    return a;
  }

  private awaitPrimary(): Expr | null {
    const k = this.memoKey(M_AWAIT_PRIMARY, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.awaitPrimaryRaw());
  }

  private awaitPrimaryRaw(): Expr | null {
    const m = this.mark;
    if (this.expectKw("await")) {
      const a = this.primary();
      if (a !== null) {
        return { kind: "Await", value: a, ...this.ex(m) };
      }
    }
    this.mark = m;
    return this.primary();
  }

  primary(): Expr | null {
    const k = this.memoKey(M_PRIMARY, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.primaryRaw());
  }

  private primaryRaw(): Expr | null {
    const m = this.mark;
    let a = this.atom();
    if (a === null) {
      return null;
    }
    for (;;) {
      const m2 = this.mark;
      if (this.expectOp(".")) {
        const b = this.expectName();
        if (b !== null) {
          a = { kind: "Attribute", value: a, attr: b.str, ctx: "Load", ...this.ex(m) };
          continue;
        }
      }
      this.mark = m2;
      const g = this.genexp();
      if (g !== null) {
        a = { kind: "Call", func: a, args: [g], keywords: [], ...this.ex(m) };
        continue;
      }
      this.mark = m2;
      if (this.expectOp("(")) {
        const b = this.arguments();
        if (this.expectOp(")")) {
          a = { kind: "Call", func: a, args: b?.args ?? [], keywords: b?.keywords ?? [], ...this.ex(m) };
          continue;
        }
      }
      this.mark = m2;
      if (this.expectOp("[")) {
        const b = this.slices();
        if (b !== null && this.expectOp("]")) {
          a = { kind: "Subscript", value: a, slice: b, ctx: "Load", ...this.ex(m) };
          continue;
        }
      }
      this.mark = m2;
      return a;
    }
  }

  slices(): Expr | null {
    const k = this.memoKey(M_SLICES, true);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.slicesRaw());
  }

  private slicesRaw(): Expr | null {
    const m = this.mark;
    const a = this.slice();
    if (a !== null && !this.lookOp(",")) {
      return a;
    }
    this.mark = m;
    const elts = this.gather(() => this.slice() ?? this.starredExpression(), ",");
    if (elts !== null) {
      this.expectOp(",");
      return { kind: "Tuple", elts, ctx: "Load", ...this.ex(m) };
    }
    this.mark = m;
    return null;
  }

  private slice(): Expr | null {
    const m = this.mark;
    const a = this.expression();
    if (this.expectOp(":")) {
      const b = this.expression();
      let c: Expr | null = null;
      const m2 = this.mark;
      if (this.expectOp(":")) {
        c = this.expression();
      } else {
        this.mark = m2;
      }
      return { kind: "Slice", lower: a, upper: b, step: c, ...this.ex(m) };
    }
    this.mark = m;
    return this.namedExpression();
  }

  atom(): Expr | null {
    const t = this.peek();
    const m = this.mark;
    switch (t.type) {
      case NAME:
        this.mark++;
        return this.nameExpr(t, "Load");
      case KEYWORD:
        if (t.str === "True" || t.str === "False" || t.str === "None") {
          this.mark++;
          return { kind: "Constant", value: t.str === "None" ? null : t.str === "True", ...this.tokSpan(t) };
        }
        return null;
      case STRING:
        return this.strings();
      case NUMBER:
        this.mark++;
        return this.numberConstant(t);
      case OP:
        break;
      default:
        return null;
    }
    switch (t.str) {
      case "(":
        return this.memo(M_ATOM, true, () => this.tuple() ?? this.group() ?? this.genexp());
      case "[":
        return this.memo(M_ATOM, true, () => this.list() ?? this.listcomp());
      case "{":
        return this.memo(M_ATOM, true, () => this.dict() ?? this.set() ?? this.dictcomp() ?? this.setcomp());
      case "...":
        this.mark++;
        return { kind: "Constant", value: { ellipsis: true }, ...this.ex(m) };
      default:
        return null;
    }
  }

  /** _PyPegen_number_token. */
  private numberConstant(t: Token): Expr {
    const text = t.str.replace(/_/g, "");
    const span = this.tokSpan(t);
    if (/[jJ]$/.test(text)) {
      const c: Constant = { kind: "Constant", value: null, ...span };
      this.refusals.complex.add(c);
      return c;
    }
    const isInt = /^0[xXoObB]/.test(text) || /^[0-9]+$/.test(text);
    if (!isInt) {
      return { kind: "Constant", value: { float: Number(text) }, ...span };
    }
    if (/^[0-9]+$/.test(text) && text.replace(/^0+/, "").length > 4300) {
      const digits = text.replace(/^0+/, "").length;
      throw this.makeError(
        t.line,
        -1,
        t.endLine,
        -1,
        `Exceeds the limit (4300 digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`,
      );
    }
    const big = /^0+$/.test(text) ? 0n : BigInt(/^0[0-9]/.test(text) ? text.replace(/^0+/, "") : text);
    return { kind: "Constant", value: big <= MAX_SAFE ? Number(big) : big, ...span };
  }

  strings(): Expr | null {
    const k = this.memoKey(M_STRINGS, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.stringsRaw());
  }

  private stringsRaw(): Expr | null {
    const toks: Token[] = [];
    while (this.peek().type === STRING) {
      toks.push(this.tokens[this.mark]);
      this.mark++;
    }
    return toks.length ? concatenateStrings(this, toks) : null;
  }

  group(): Expr | null {
    const m = this.mark;
    if (this.expectOp("(")) {
      const a = this.yieldExpr() ?? this.namedExpression();
      if (a !== null && this.expectOp(")")) {
        return a;
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidGroup(this);
      this.mark = m;
    }
    return null;
  }

  listRule(): Expr | null {
    return this.list();
  }

  tupleRule(): Expr | null {
    return this.tuple();
  }

  private tuple(): Expr | null {
    const m = this.mark;
    if (this.expectOp("(")) {
      const m2 = this.mark;
      let elts: Expr[] = [];
      const y = this.starNamedExpression();
      if (y !== null && this.expectOp(",")) {
        const z = this.starNamedExpressions();
        elts = [y, ...(z ?? [])];
      } else {
        this.mark = m2;
      }
      if (this.expectOp(")")) {
        return { kind: "Tuple", elts, ctx: "Load", ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  genexp(): Expr | null {
    const k = this.memoKey(M_GENEXP, true);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.genexpRaw());
  }

  private genexpRaw(): Expr | null {
    const m = this.mark;
    if (this.expectOp("(")) {
      let a = this.assignmentExpression();
      if (a === null) {
        a = this.expression();
        if (a !== null && this.lookOp(":=")) {
          a = null;
        }
      }
      if (a !== null) {
        const b = this.forIfClauses();
        if (b !== null && this.expectOp(")")) {
          return { kind: "GeneratorExp", elt: a, generators: b, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidComprehension(this);
      this.mark = m;
    }
    return null;
  }

  private list(): Expr | null {
    const m = this.mark;
    if (this.expectOp("[")) {
      const a = this.starNamedExpressions();
      if (this.expectOp("]")) {
        return { kind: "List", elts: a ?? [], ctx: "Load", ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  private listcomp(): Expr | null {
    const m = this.mark;
    if (this.expectOp("[")) {
      const a = this.namedExpression();
      if (a !== null) {
        const b = this.forIfClauses();
        if (b !== null && this.expectOp("]")) {
          return { kind: "ListComp", elt: a, generators: b, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidComprehension(this);
      this.mark = m;
    }
    return null;
  }

  private set(): Expr | null {
    const m = this.mark;
    if (this.expectOp("{")) {
      const a = this.starNamedExpressions();
      if (a !== null && this.expectOp("}")) {
        return { kind: "Set", elts: a, ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  private setcomp(): Expr | null {
    const m = this.mark;
    if (this.expectOp("{")) {
      const a = this.namedExpression();
      if (a !== null) {
        const b = this.forIfClauses();
        if (b !== null && this.expectOp("}")) {
          return { kind: "SetComp", elt: a, generators: b, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidComprehension(this);
      this.mark = m;
    }
    return null;
  }

  private dict(): Expr | null {
    const m = this.mark;
    if (this.expectOp("{")) {
      const a = this.doubleStarredKvpairs();
      if (this.expectOp("}")) {
        const pairs = a ?? [];
        return { kind: "Dict", keys: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]), ...this.ex(m) };
      }
    }
    this.mark = m;
    // pegen gates an alternative on the invalid-rules pass only when it is a lone invalid_*
    // rule: `'{' invalid_double_starred_kvpairs '}'` also runs in the first pass.
    if (this.expectOp("{")) {
      inv.invalidDoubleStarredKvpairs(this);
    }
    this.mark = m;
    return null;
  }

  doubleStarredKvpairs(): [Expr | null, Expr][] | null {
    const a = this.gather(() => this.doubleStarredKvpair(), ",");
    if (a !== null) {
      this.expectOp(",");
    }
    return a;
  }

  doubleStarredKvpair(): [Expr | null, Expr] | null {
    const m = this.mark;
    if (this.expectOp("**")) {
      const a = this.bitwiseOr();
      if (a !== null) {
        return [null, a];
      }
    }
    this.mark = m;
    return this.kvpair();
  }

  kvpair(): [Expr, Expr] | null {
    const m = this.mark;
    const a = this.expression();
    if (a !== null && this.expectOp(":")) {
      const b = this.expression();
      if (b !== null) {
        return [a, b];
      }
    }
    this.mark = m;
    return null;
  }

  private dictcomp(): Expr | null {
    const m = this.mark;
    if (this.expectOp("{")) {
      const a = this.kvpair();
      if (a !== null) {
        const b = this.forIfClauses();
        if (b !== null && this.expectOp("}")) {
          return { kind: "DictComp", key: a[0], value: a[1], generators: b, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidDictComprehension(this);
      this.mark = m;
    }
    return null;
  }

  forIfClauses(): Comprehension[] | null {
    const out = this.repeat(() => this.forIfClause());
    return out.length ? out : null;
  }

  private forIfClause(): Comprehension | null {
    const m = this.mark;
    for (const isAsync of [true, false]) {
      this.mark = m;
      if (isAsync && !this.expectKw("async")) {
        continue;
      }
      if (!this.expectKw("for")) {
        continue;
      }
      const a = this.starTargets();
      if (a === null || !this.expectKw("in")) {
        continue;
      }
      // cut
      const b = this.disjunction();
      if (b === null) {
        this.mark = m;
        return null;
      }
      const ifs: Expr[] = [];
      for (;;) {
        const mm = this.mark;
        if (this.expectKw("if")) {
          const z = this.disjunction();
          if (z !== null) {
            ifs.push(z);
            continue;
          }
        }
        this.mark = mm;
        break;
      }
      return { kind: "comprehension", target: a, iter: b, ifs, isAsync };
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidForTarget(this);
      this.mark = m;
    }
    return null;
  }

  lambdef(): Expr | null {
    const m = this.mark;
    if (this.expectKw("lambda")) {
      const a = this.lambdaParams();
      if (this.expectOp(":")) {
        const b = this.expression();
        if (b !== null) {
          return { kind: "Lambda", args: a ?? emptyArguments(), body: b, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    return null;
  }

  private lambdaParams(): Arguments | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidLambdaParameters(this);
      this.mark = m;
    }
    let a = this.slashNoDefault(true);
    if (a !== null) {
      const b = this.repeat(() => this.paramNoDefault(true));
      const c = this.repeat(() => this.paramWithDefault(true));
      const d = this.starEtc(true);
      return makeArguments(a, null, b, c, d);
    }
    this.mark = m;
    const sw = this.slashWithDefault(true);
    if (sw !== null) {
      const b = this.repeat(() => this.paramWithDefault(true));
      const c = this.starEtc(true);
      return makeArguments(null, sw, [], b, c);
    }
    this.mark = m;
    a = this.repeat(() => this.paramNoDefault(true));
    if (a.length > 0) {
      const b = this.repeat(() => this.paramWithDefault(true));
      const c = this.starEtc(true);
      return makeArguments(null, null, a, b, c);
    }
    this.mark = m;
    const wd = this.repeat(() => this.paramWithDefault(true));
    if (wd.length > 0) {
      const b = this.starEtc(true);
      return makeArguments(null, null, [], wd, b);
    }
    this.mark = m;
    const se = this.starEtc(true);
    if (se !== null) {
      return makeArguments(null, null, [], [], se);
    }
    this.mark = m;
    return null;
  }

  // ---------------------------------------------------------------- call arguments

  arguments(): ArgsResult | null {
    const k = this.memoKey(M_ARGUMENTS, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<ArgsResult>(k) : this.memoPut(k, this.argumentsRaw());
  }

  private argumentsRaw(): ArgsResult | null {
    const m = this.mark;
    const a = this.args();
    if (a !== null) {
      this.expectOp(",");
      if (this.lookOp(")")) {
        return a;
      }
    }
    this.mark = m;
    if (this.callInvalid) {
      inv.invalidArguments(this);
      this.mark = m;
    }
    return null;
  }

  args(): ArgsResult | null {
    const m = this.mark;
    const a = this.gather(() => this.positionalArg(), ",");
    if (a !== null) {
      const m2 = this.mark;
      let b: KwOrStarred[] | null = null;
      if (this.expectOp(",")) {
        b = this.kwargs();
      }
      if (b === null) {
        this.mark = m2;
      }
      const starred = (b ?? []).flatMap((x) => (x.starred !== null ? [x.starred] : []));
      const keywords = (b ?? []).flatMap((x) => (x.keyword !== null ? [x.keyword] : []));
      return { args: [...a, ...starred], keywords, span: this.ex(m) };
    }
    this.mark = m;
    const k = this.kwargs();
    if (k !== null) {
      return {
        args: k.flatMap((x) => (x.starred !== null ? [x.starred] : [])),
        keywords: k.flatMap((x) => (x.keyword !== null ? [x.keyword] : [])),
        span: this.ex(m),
      };
    }
    this.mark = m;
    return null;
  }

  /** starred_expression | (assignment_expression | expression !':=') !'=' */
  positionalArg(): Expr | null {
    const s = this.starredExpression();
    if (s !== null) {
      return s;
    }
    const m = this.mark;
    let a = this.assignmentExpression();
    if (a === null) {
      a = this.expression();
      if (a !== null && this.lookOp(":=")) {
        a = null;
      }
    }
    if (a !== null && !this.lookOp("=")) {
      return a;
    }
    this.mark = m;
    return null;
  }

  kwargs(): KwOrStarred[] | null {
    const m = this.mark;
    const a = this.gather(() => this.kwargOrStarred(), ",");
    if (a !== null) {
      const m2 = this.mark;
      if (this.expectOp(",")) {
        const b = this.gather(() => this.kwargOrDoubleStarred(), ",");
        if (b !== null) {
          return [...a, ...b];
        }
      }
      this.mark = m2;
    }
    this.mark = m;
    const a2 = this.gather(() => this.kwargOrStarred(), ",");
    if (a2 !== null) {
      return a2;
    }
    this.mark = m;
    return this.gather(() => this.kwargOrDoubleStarred(), ",");
  }

  starredExpression(): Expr | null {
    const m = this.mark;
    if (this.expectOp("*")) {
      const a = this.expression();
      if (a !== null) {
        return { kind: "Starred", value: a, ctx: "Load", ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  private kwargOrStarred(): KwOrStarred | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidKwarg(this);
      this.mark = m;
    }
    const kw = this.nameKeyword();
    if (kw !== null) {
      return { keyword: kw, starred: null };
    }
    const s = this.starredExpression();
    return s === null ? null : { keyword: null, starred: s };
  }

  private kwargOrDoubleStarred(): KwOrStarred | null {
    const m = this.mark;
    if (this.callInvalid) {
      inv.invalidKwarg(this);
      this.mark = m;
    }
    const kw = this.nameKeyword();
    if (kw !== null) {
      return { keyword: kw, starred: null };
    }
    if (this.expectOp("**")) {
      const a = this.expression();
      if (a !== null) {
        return { keyword: { kind: "keyword", arg: null, value: a, ...this.ex(m) }, starred: null };
      }
    }
    this.mark = m;
    return null;
  }

  private nameKeyword(): Keyword | null {
    const m = this.mark;
    const a = this.expectName();
    if (a !== null && this.expectOp("=")) {
      const b = this.expression();
      if (b !== null) {
        return { kind: "keyword", arg: a.str, value: b, ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  // ================================================================ targets

  starTargets(): Expr | null {
    const m = this.mark;
    const a = this.starTarget();
    if (a === null) {
      return null;
    }
    if (!this.lookOp(",")) {
      return a;
    }
    const elts = [a];
    for (;;) {
      const mm = this.mark;
      if (this.expectOp(",")) {
        const c = this.starTarget();
        if (c !== null) {
          elts.push(c);
          continue;
        }
      }
      this.mark = mm;
      break;
    }
    this.expectOp(",");
    return { kind: "Tuple", elts, ctx: "Store", ...this.ex(m) };
  }

  private starTargetsSeq(tuple: boolean): Expr[] | null {
    const m = this.mark;
    const a = this.gather(() => this.starTarget(), ",");
    if (a === null) {
      return null;
    }
    const comma = this.expectOp(",");
    if (tuple && a.length === 1 && !comma) {
      this.mark = m;
      return null;
    }
    return a;
  }

  starTarget(): Expr | null {
    const k = this.memoKey(M_STAR_TARGET, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.starTargetRaw());
  }

  private starTargetRaw(): Expr | null {
    const m = this.mark;
    if (this.expectOp("*")) {
      if (!this.lookOp("*")) {
        const a = this.starTarget();
        if (a !== null) {
          return { kind: "Starred", value: setCtx(a, "Store"), ctx: "Store", ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    return this.targetWithStarAtom();
  }

  private targetWithStarAtom(): Expr | null {
    const k = this.memoKey(M_TARGET_WITH_STAR_ATOM, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.targetWithStarAtomRaw());
  }

  private targetWithStarAtomRaw(): Expr | null {
    return this.subscriptAttributeTarget("Store") ?? this.starAtom();
  }

  /** t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead, with the given ctx. */
  private subscriptAttributeTarget(ctx: ExprContext): Expr | null {
    const m = this.mark;
    const a = this.tPrimary();
    if (a !== null) {
      const m2 = this.mark;
      if (this.expectOp(".")) {
        const b = this.expectName();
        if (b !== null && !this.tLookahead()) {
          return { kind: "Attribute", value: a, attr: b.str, ctx, ...this.ex(m) };
        }
      }
      this.mark = m2;
      if (this.expectOp("[")) {
        const b = this.slices();
        if (b !== null && this.expectOp("]") && !this.tLookahead()) {
          return { kind: "Subscript", value: a, slice: b, ctx, ...this.ex(m) };
        }
      }
    }
    this.mark = m;
    return null;
  }

  private starAtom(): Expr | null {
    const m = this.mark;
    const n = this.expectName();
    if (n !== null) {
      return this.nameExpr(n, "Store");
    }
    if (this.expectOp("(")) {
      const a = this.targetWithStarAtom();
      if (a !== null && this.expectOp(")")) {
        return setCtx(a, "Store");
      }
      this.mark = m + 1;
      const b = this.starTargetsSeq(true);
      if (this.expectOp(")")) {
        return { kind: "Tuple", elts: b ?? [], ctx: "Store", ...this.ex(m) };
      }
    }
    this.mark = m;
    if (this.expectOp("[")) {
      const b = this.starTargetsSeq(false);
      if (this.expectOp("]")) {
        return { kind: "List", elts: b ?? [], ctx: "Store", ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  singleTarget(): Expr | null {
    const a = this.singleSubscriptAttributeTarget();
    if (a !== null) {
      return a;
    }
    const n = this.expectName();
    if (n !== null) {
      return this.nameExpr(n, "Store");
    }
    return this.parenSingleTarget();
  }

  singleSubscriptAttributeTarget(): Expr | null {
    return this.subscriptAttributeTarget("Store");
  }

  tLookahead(): boolean {
    const t = this.peek();
    return t.type === OP && (t.str === "(" || t.str === "[" || t.str === ".");
  }

  tPrimary(): Expr | null {
    const k = this.memoKey(M_T_PRIMARY, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.tPrimaryRaw());
  }

  private tPrimaryRaw(): Expr | null {
    const m = this.mark;
    let a = this.atom();
    if (a === null || !this.tLookahead()) {
      this.mark = m;
      return null;
    }
    for (;;) {
      const m2 = this.mark;
      if (this.expectOp(".")) {
        const b = this.expectName();
        if (b !== null && this.tLookahead()) {
          a = { kind: "Attribute", value: a, attr: b.str, ctx: "Load", ...this.ex(m) };
          continue;
        }
      }
      this.mark = m2;
      if (this.expectOp("[")) {
        const b = this.slices();
        if (b !== null && this.expectOp("]") && this.tLookahead()) {
          a = { kind: "Subscript", value: a, slice: b, ctx: "Load", ...this.ex(m) };
          continue;
        }
      }
      this.mark = m2;
      const g = this.genexp();
      if (g !== null && this.tLookahead()) {
        a = { kind: "Call", func: a, args: [g], keywords: [], ...this.ex(m) };
        continue;
      }
      this.mark = m2;
      if (this.expectOp("(")) {
        const b = this.arguments();
        if (this.expectOp(")") && this.tLookahead()) {
          a = { kind: "Call", func: a, args: b?.args ?? [], keywords: b?.keywords ?? [], ...this.ex(m) };
          continue;
        }
      }
      this.mark = m2;
      return a;
    }
  }

  delTargets(): Expr[] | null {
    const a = this.gather(() => this.delTarget(), ",");
    if (a !== null) {
      this.expectOp(",");
    }
    return a;
  }

  private delTarget(): Expr | null {
    const k = this.memoKey(M_DEL_TARGET, false);
    return this.memoEnd[k] !== 0 ? this.memoHit<Expr>(k) : this.memoPut(k, this.delTargetRaw());
  }

  private delTargetRaw(): Expr | null {
    return this.subscriptAttributeTarget("Del") ?? this.delTAtom();
  }

  private delTAtom(): Expr | null {
    const m = this.mark;
    const n = this.expectName();
    if (n !== null) {
      return this.nameExpr(n, "Del");
    }
    if (this.expectOp("(")) {
      const a = this.delTarget();
      if (a !== null && this.expectOp(")")) {
        return setCtx(a, "Del");
      }
      this.mark = m + 1;
      const b = this.delTargets();
      if (this.expectOp(")")) {
        return { kind: "Tuple", elts: b ?? [], ctx: "Del", ...this.ex(m) };
      }
    }
    this.mark = m;
    if (this.expectOp("[")) {
      const b = this.delTargets();
      if (this.expectOp("]")) {
        return { kind: "List", elts: b ?? [], ctx: "Del", ...this.ex(m) };
      }
    }
    this.mark = m;
    return null;
  }

  /**
   * The SOFT_KEYWORD token of invalid_expression. CPython's _PyPegen_soft_keyword_token compares
   * with strncmp over the name's length, so any prefix of a soft keyword ("m", "ca") counts.
   */
  isSoftKeyword(t: Token): boolean {
    return t.type === NAME && SOFT_KEYWORD_LIST.some((k) => k.startsWith(t.str));
  }
}

function emptyArguments(): Arguments {
  return { kind: "arguments", posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [] };
}

/** _PyPegen_make_arguments. */
function makeArguments(
  slashWithoutDefault: Arg[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: Arg[],
  namesWithDefault: NameDefault[],
  starEtc: StarEtc | null,
): Arguments {
  let posonlyargs: Arg[] = [];
  if (slashWithoutDefault !== null) {
    posonlyargs = slashWithoutDefault;
  } else if (slashWithDefault !== null) {
    posonlyargs = [...slashWithDefault.plain, ...slashWithDefault.withDefaults.map((p) => p.arg)];
  }
  const args = [...plainNames, ...namesWithDefault.map((p) => p.arg)];
  const defaults = [
    ...(slashWithDefault?.withDefaults ?? []).map((p) => p.value as Expr),
    ...namesWithDefault.map((p) => p.value as Expr),
  ];
  return {
    kind: "arguments",
    posonlyargs,
    args,
    vararg: starEtc?.vararg ?? null,
    kwonlyargs: (starEtc?.kwonly ?? []).map((p) => p.arg),
    kwDefaults: (starEtc?.kwonly ?? []).map((p) => p.value),
    kwarg: starEtc?.kwarg ?? null,
    defaults,
  };
}


