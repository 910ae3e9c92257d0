/**
 * The Python tokenizer: a port of CPython 3.11's Parser/tokenizer.c (`tok_get`), kept close to
 * the C so that token positions, INDENT/DEDENT/NEWLINE placement and the tokenizer's own syntax
 * errors (unterminated strings, bad numbers, unmatched brackets, bad indentation) come out as
 * CPython reports them. Offsets are UTF-16 units of the source (CPython counts UTF-8 bytes; the
 * two agree on ASCII, and ast.ts documents the choice).
 *
 * The whole source is tokenized up front. The first tokenizer error is stored with the index
 * it would occupy in the token list: the parser raises it when (and only when) it asks for that
 * token, as CPython's lazy tokenizer does.
 */
import type { PySyntaxError } from "./ast";

export const ENDMARKER = 0;
export const NAME = 1;
export const NUMBER = 2;
export const STRING = 3;
export const NEWLINE = 4;
export const INDENT = 5;
export const DEDENT = 6;
export const OP = 7;
export const KEYWORD = 8;

export const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

export const SOFT_KEYWORDS = new Set(["_", "case", "match"]);

export interface Token {
  type: number;
  /** The token's text (for NAME: NFKC-normalised, as CPython's identifiers are). */
  str: string;
  /** Position as CPython's Token: col/endCol are -1 for INDENT, DEDENT and ENDMARKER. */
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** Offsets of the token's text in the tokenized source. */
  start: number;
  end: number;
  /** Bracket nesting level after the token (CPython's token->level). */
  level: number;
  /** The tokenizer's cursor after this token: tok->lineno and tok->cur - tok->line_start. */
  curLine: number;
  curCol: number;
}

/** A tokenizer error, and how CPython's parser treats it. */
export interface TokenizerError {
  error: PySyntaxError;
  /**
   * True when tokenizer.c raised the exception itself (`syntaxerror()`): such errors also win
   * over a parser error found earlier in the file (_PyPegen_tokenize_full_source_to_check_for_errors).
   */
  raised: boolean;
  /** For the other errors: the innermost open bracket then, if any ("'(' was never closed"). */
  unclosed: PySyntaxError | null;
}

export interface TokenizeResult {
  tokens: Token[];
  /** The first tokenizer error; it stands at index tokens.length. */
  error: TokenizerError | null;
}

export interface TokenizeOptions {
  /** Line number of the first line (f-string expressions are tokenized where they stand). */
  firstLine?: number;
  /** CPython's starting_col_offset: added to the columns of tokens that end on the first line. */
  firstLineColShift?: number;
}

const EOF = -1;
const MAXINDENT = 100;
const MAXLEVEL = 200;
const TABSIZE = 8;

const C_NL = 10;
const C_HASH = 35;
const C_BACKSLASH = 92;

const TWO_CHAR_OPS = new Set([
  "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>", "==", ">=", ">>",
  "@=", "^=", "|=",
]);
const THREE_CHAR_OPS = new Set(["**=", "...", "//=", "<<=", ">>="]);

const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isXDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

function isIdentChar(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** Py_UNICODE_ISPRINTABLE. */
export function isPrintable(ch: string): boolean {
  return ch === " " || !NON_PRINTABLE.test(ch);
}

/** Length of `text` in UTF-8 bytes. */
export function utf8Length(text: string): number {
  if (!/[^\x00-\x7f]/.test(text)) {
    return text.length;
  }
  return new TextEncoder().encode(text).length;
}

/** Number of code points in `text`. */
export function codePointCount(text: string): number {
  if (!/[\ud800-\udfff]/.test(text)) {
    return text.length;
  }
  return Array.from(text).length;
}

function hex4(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, "0");
}

/** Raised inside the tokenizer to stop at an error. */
class Stop {
  constructor(readonly err: TokenizerError) {}
}

/** Token kinds returned by the raw tokenizer before positions are attached. */
interface Raw {
  type: number;
  start: number;
  end: number;
}

/** Source as CPython's string tokenizer sees it: universal newlines, a final newline, no BOM. */
export function normalizeSource(source: string): string {
  let s = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (s.indexOf("\r") >= 0) {
    s = s.replace(/\r\n?/g, "\n");
  }
  if (!s.endsWith("\n")) {
    s += "\n";
  }
  return s;
}

class Tokenizer {
  private cur = 0;
  private inp = 0;
  private lineStart = 0;
  /** tok->buf: start of the line being read when no token was in progress (matters for E_LINECONT columns). */
  private buf = 0;
  private lineno: number;
  private tokStart = -1;
  private done = false;
  private atbol = true;
  private pendin = 0;
  private indstack = [0];
  private altindstack = [0];
  private level = 0;
  private parenstack: string[] = [];
  private parenlinenostack: number[] = [];
  private parencolstack: number[] = [];
  private firstLineno = 0;
  private multiLineStart = 0;
  /** Set by indentation(): the line holds only blanks and a comment. */
  private blank = false;

  constructor(
    private readonly src: string,
    private readonly startingLineno: number,
    private readonly colShift: number,
  ) {
    this.lineno = startingLineno - 1;
  }

  run(): TokenizeResult {
    const tokens: Token[] = [];
    try {
      for (;;) {
        const raw = this.get();
        tokens.push(this.makeToken(raw));
        if (raw.type === ENDMARKER) {
          return { tokens, error: null };
        }
      }
    } catch (e) {
      if (e instanceof Stop) {
        return { tokens, error: e.err };
      }
      throw e;
    }
  }

  private makeToken(raw: Raw): Token {
    const { type, start, end } = raw;
    const isString = type === STRING;
    const line = isString ? this.firstLineno : this.lineno;
    const ls = isString ? this.multiLineStart : this.lineStart;
    let col = start >= 0 && start >= ls ? start - ls : -1;
    let endCol = end >= 0 && end >= this.lineStart ? end - this.lineStart : -1;
    // initialize_token: tokens of an f-string expression that end on its first line are shifted.
    if (this.lineno === this.startingLineno && this.colShift !== 0) {
      col += this.colShift;
      endCol += this.colShift;
    }
    let str = start >= 0 ? this.src.slice(start, end) : "";
    let ttype = type;
    if (type === NAME) {
      if (KEYWORDS.has(str)) {
        ttype = KEYWORD;
      } else if (/[^\x00-\x7f]/.test(str)) {
        str = str.normalize("NFKC");
      }
    }
    return {
      type: ttype,
      str,
      line,
      col,
      endLine: this.lineno,
      endCol,
      start,
      end,
      level: this.level,
      curLine: this.lineno,
      curCol: this.cur - this.lineStart,
    };
  }

  // ------------------------------------------------------------ character access (tok_nextc)

  private nextc(): number {
    for (;;) {
      if (this.cur !== this.inp) {
        return this.src.charCodeAt(this.cur++);
      }
      if (this.done) {
        return EOF;
      }
      if (this.inp >= this.src.length) {
        this.done = true;
        return EOF;
      }
      let end = this.src.indexOf("\n", this.inp);
      end = end < 0 ? this.src.length : end + 1;
      if (this.tokStart < 0) {
        this.buf = this.cur;
      }
      this.lineStart = this.cur;
      this.lineno++;
      this.inp = end;
    }
  }

  private backup(c: number): void {
    if (c !== EOF) {
      this.cur--;
    }
  }

  // ------------------------------------------------------------ errors

  /**
   * tokenizer.c syntaxerror(): the column is that of the character before the cursor, counted
   * in characters (code points: CPython decodes the line up to the cursor).
   */
  private syntaxError(message: string): never {
    const prev = this.src.charCodeAt(this.cur - 1);
    const last = prev >= 0xdc00 && prev <= 0xdfff && this.cur - 2 >= this.lineStart ? 2 : 1;
    const c = codePointCount(this.src.slice(this.lineStart, this.cur - last));
    this.raise({ type: "SyntaxError", message, line: this.lineno, col: c, endLine: this.lineno, endCol: c }, true);
  }

  /** syntaxerror_known_range(): CPython passes byte offsets, and reports them as they are. */
  private syntaxErrorRange(message: string, start: number, end: number): never {
    const col = utf8Length(this.src.slice(this.lineStart, start));
    const endCol = utf8Length(this.src.slice(this.lineStart, end)) - 1;
    this.raise({ type: "SyntaxError", message, line: this.lineno, col, endLine: this.lineno, endCol }, true);
  }

  private raise(error: PySyntaxError, raised: boolean): never {
    let unclosed: PySyntaxError | null = null;
    if (!raised && this.level > 0) {
      unclosed = this.unclosedError();
    }
    throw new Stop({ error, raised, unclosed });
  }

  private unclosedError(): PySyntaxError {
    const i = this.level - 1;
    const line = this.parenlinenostack[i];
    return {
      type: "SyntaxError",
      message: `'${this.parenstack[i]}' was never closed`,
      line,
      col: this.parencolstack[i],
      endLine: line,
      endCol: -1,
    };
  }

  /** An ERRORTOKEN without an exception: pegen's _Pypegen_tokenizer_error reports it. */
  private errorToken(kind: "dedent" | "tabspace" | "toodeep" | "linecont" | "eof"): never {
    const curCol = this.cur - this.lineStart;
    switch (kind) {
      case "dedent":
        // RAISE_INDENTATION_ERROR at the error token, whose column is unknown: tok->cur is used.
        this.raise(
          {
            type: "IndentationError",
            message: "unindent does not match any outer indentation level",
            line: this.lineno,
            col: curCol - 1,
            endLine: this.lineno,
            endCol: -2,
          },
          false,
        );
      case "tabspace":
      case "toodeep":
        this.raise(
          {
            type: kind === "tabspace" ? "TabError" : "IndentationError",
            message: kind === "tabspace" ? "inconsistent use of tabs and spaces in indentation" : "too many levels of indentation",
            line: this.lineno,
            col: 0,
            endLine: this.lineno,
            endCol: -1,
          },
          false,
        );
      case "linecont":
        this.raise(
          {
            type: "SyntaxError",
            message: "unexpected character after line continuation character",
            line: this.lineno,
            col: this.cur - this.buf - 1,
            endLine: this.lineno,
            endCol: -1,
          },
          false,
        );
      case "eof":
        if (this.level > 0) {
          this.raise(this.unclosedError(), false);
        }
        this.raise(
          { type: "SyntaxError", message: "unexpected EOF while parsing", line: this.lineno, col: curCol - 1, endLine: this.lineno, endCol: -2 },
          false,
        );
    }
  }

  // ------------------------------------------------------------ tok_get

  private get(): Raw {
    let c: number;
    let blankline: boolean;
    for (;;) {
      // nextline:
      this.tokStart = -1;
      blankline = false;
      if (this.atbol) {
        this.indentation();
        blankline = this.blank;
      }
      this.tokStart = this.cur;
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return { type: DEDENT, start: -1, end: -1 };
        }
        this.pendin--;
        return { type: INDENT, start: -1, end: -1 };
      }
      // again:
      for (;;) {
        this.tokStart = -1;
        do {
          c = this.nextc();
        } while (c === 32 || c === 9 || c === 12);
        this.tokStart = this.cur - 1;
        if (c === C_HASH) {
          while (c !== EOF && c !== C_NL) {
            c = this.nextc();
          }
        }
        if (c === EOF) {
          if (this.level > 0) {
            this.errorToken("eof");
          }
          return { type: ENDMARKER, start: -1, end: -1 };
        }
        if (c === C_BACKSLASH) {
          // Line continuation.
          c = this.nextc();
          if (c !== C_NL) {
            this.errorToken("linecont");
          }
          c = this.nextc();
          if (c === EOF) {
            this.cur = this.inp;
            this.errorToken("eof");
          }
          this.backup(c);
          continue;
        }
        break;
      }
      if (c === C_NL) {
        this.atbol = true;
        if (blankline || this.level > 0) {
          continue;
        }
        // A comment before the newline is part of the NEWLINE token's span (tok->start is not reset).
        return { type: NEWLINE, start: this.tokStart, end: this.cur - 1 };
      }
      return this.token(c);
    }
  }

  /** The indentation part of tok_get, at the beginning of a line. */
  private indentation(): void {
    let col = 0;
    let altcol = 0;
    let contLineCol = 0;
    let c: number;
    this.atbol = false;
    this.blank = false;
    for (;;) {
      c = this.nextc();
      if (c === 32) {
        col++;
        altcol++;
      } else if (c === 9) {
        col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
        altcol = altcol + 1;
      } else if (c === 12) {
        col = altcol = 0;
      } else if (c === C_BACKSLASH) {
        // Indentation cannot be split over lines: the first backslash decides it.
        contLineCol = contLineCol || col;
        c = this.nextc();
        if (c !== C_NL) {
          this.errorToken("linecont");
        }
        c = this.nextc();
        if (c === EOF) {
          this.cur = this.inp;
          this.errorToken("eof");
        }
        this.backup(c);
      } else {
        break;
      }
    }
    this.backup(c);
    if (c === C_HASH || c === C_NL) {
      this.blank = true;
    }
    if (!this.blank && this.level === 0) {
      if (contLineCol) {
        col = altcol = contLineCol;
      }
      const top = this.indstack.length - 1;
      if (col === this.indstack[top]) {
        if (altcol !== this.altindstack[top]) {
          this.cur = this.inp;
          this.errorToken("tabspace");
        }
      } else if (col > this.indstack[top]) {
        if (top + 1 >= MAXINDENT) {
          this.cur = this.inp;
          this.errorToken("toodeep");
        }
        if (altcol <= this.altindstack[top]) {
          this.cur = this.inp;
          this.errorToken("tabspace");
        }
        this.pendin++;
        this.indstack.push(col);
        this.altindstack.push(altcol);
      } else {
        while (this.indstack.length > 1 && col < this.indstack[this.indstack.length - 1]) {
          this.pendin--;
          this.indstack.pop();
          this.altindstack.pop();
        }
        const t = this.indstack.length - 1;
        if (col !== this.indstack[t]) {
          this.cur = this.inp;
          this.errorToken("dedent");
        }
        if (altcol !== this.altindstack[t]) {
          this.cur = this.inp;
          this.errorToken("tabspace");
        }
      }
    }
  }

  /** Everything after whitespace, comments and newlines: names, numbers, strings, operators. */
  private token(first: number): Raw {
    let c = first;
    const start = this.tokStart;
    if (isIdentStart(c)) {
      // String prefixes: b, r, u, f and the legal combinations.
      let sawB = false;
      let sawR = false;
      let sawU = false;
      let sawF = false;
      for (;;) {
        if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) {
          sawB = true;
        } else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) {
          sawU = true;
        } else if (!(sawR || sawU) && (c === 114 || c === 82)) {
          sawR = true;
        } else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) {
          sawF = true;
        } else {
          break;
        }
        c = this.nextc();
        if (c === 34 || c === 39) {
          return this.string(c);
        }
      }
      let nonascii = false;
      while (isIdentChar(c)) {
        if (c >= 128) {
          nonascii = true;
        }
        c = this.nextc();
      }
      this.backup(c);
      if (nonascii) {
        this.verifyIdentifier();
      }
      return { type: NAME, start, end: this.cur };
    }
    if (c === 46) {
      // '.', '...' or a number starting with '.'
      c = this.nextc();
      if (isDigit(c)) {
        return this.number(c, "fraction");
      } else if (c === 46) {
        c = this.nextc();
        if (c === 46) {
          return { type: OP, start, end: this.cur };
        }
        this.backup(c);
        this.backup(46);
      } else {
        this.backup(c);
      }
      return { type: OP, start, end: this.cur };
    }
    if (isDigit(c)) {
      return this.number(c, "start");
    }
    if (c === 34 || c === 39) {
      return this.string(c);
    }
    // Two- and three-character operators.
    const c2 = this.nextc();
    const two = String.fromCharCode(c) + (c2 === EOF ? "" : String.fromCharCode(c2));
    if (c2 !== EOF && TWO_CHAR_OPS.has(two)) {
      const c3 = this.nextc();
      if (c3 !== EOF && THREE_CHAR_OPS.has(two + String.fromCharCode(c3))) {
        return { type: OP, start, end: this.cur };
      }
      this.backup(c3);
      return { type: OP, start, end: this.cur };
    }
    this.backup(c2);
    const ch = String.fromCharCode(c);
    if (ch === "(" || ch === "[" || ch === "{") {
      if (this.level >= MAXLEVEL) {
        this.syntaxError("too many nested parentheses");
      }
      this.parenstack[this.level] = ch;
      this.parenlinenostack[this.level] = this.lineno;
      this.parencolstack[this.level] = this.tokStart - this.lineStart;
      this.level++;
    } else if (ch === ")" || ch === "]" || ch === "}") {
      if (!this.level) {
        this.syntaxError(`unmatched '${ch}'`);
      }
      this.level--;
      const opening = this.parenstack[this.level];
      if (!((opening === "(" && ch === ")") || (opening === "[" && ch === "]") || (opening === "{" && ch === "}"))) {
        if (this.parenlinenostack[this.level] !== this.lineno) {
          this.syntaxError(
            `closing parenthesis '${ch}' does not match opening parenthesis '${opening}' on line ${this.parenlinenostack[this.level]}`,
          );
        }
        this.syntaxError(`closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`);
      }
    }
    if (!isPrintable(ch)) {
      this.syntaxError(`invalid non-printable character U+${hex4(c)}`);
    }
    return { type: OP, start, end: this.cur };
  }

  /** verify_identifier: every character of a non-ASCII name must be XID_Start/XID_Continue. */
  private verifyIdentifier(): void {
    const text = this.src.slice(this.tokStart, this.cur);
    let first = true;
    let offset = 0;
    for (const ch of text) {
      const ok = first ? XID_START.test(ch) : XID_CONTINUE.test(ch);
      offset += ch.length;
      if (!ok) {
        this.cur = this.tokStart + offset;
        const cp = ch.codePointAt(0) ?? 0;
        if (isPrintable(ch)) {
          this.syntaxError(`invalid character '${ch}' (U+${hex4(cp)})`);
        }
        this.syntaxError(`invalid non-printable character U+${hex4(cp)}`);
      }
      first = false;
    }
  }

  // ------------------------------------------------------------ numbers

  private decimalTail(): number {
    let c: number;
    for (;;) {
      do {
        c = this.nextc();
      } while (isDigit(c));
      if (c !== 95) {
        break;
      }
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.syntaxError("invalid decimal literal");
      }
    }
    return c;
  }

  private lookahead(test: string): boolean {
    let i = 0;
    for (;;) {
      const c = this.nextc();
      let res = false;
      if (i === test.length) {
        res = !isIdentChar(c);
      } else if (c === test.charCodeAt(i)) {
        i++;
        continue;
      }
      this.backup(c);
      while (i > 0) {
        this.backup(test.charCodeAt(--i));
      }
      return res;
    }
  }

  /**
   * verify_end_of_number: `1if x else y` is only deprecated (a keyword may follow a number),
   * but a number followed by any other identifier character is an error.
   */
  private verifyEndOfNumber(c: number, kind: string): void {
    let r = false;
    if (c === 97) {
      r = this.lookahead("nd");
    } else if (c === 101) {
      r = this.lookahead("lse");
    } else if (c === 102) {
      r = this.lookahead("or");
    } else if (c === 105) {
      const c2 = this.nextc();
      r = c2 === 102 || c2 === 110 || c2 === 115;
      this.backup(c2);
    } else if (c === 111) {
      r = this.lookahead("r");
    } else if (c === 110) {
      r = this.lookahead("ot");
    }
    // CPython 3.11.7 lets a non-ASCII character follow a number (`1é` is NUMBER NAME).
    if (!r && c < 128 && isIdentChar(c)) {
      this.backup(c);
      this.syntaxError(`invalid ${kind} literal`);
    }
  }

  private number(first: number, entry: "start" | "fraction"): Raw {
    const start = this.tokStart;
    let c = first;
    const done = (): Raw => {
      this.backup(c);
      return { type: NUMBER, start, end: this.cur };
    };
    if (entry === "fraction") {
      return this.fraction(c, start);
    }
    if (c === 48) {
      c = this.nextc();
      if (c === 120 || c === 88) {
        c = this.nextc();
        do {
          if (c === 95) {
            c = this.nextc();
          }
          if (!isXDigit(c)) {
            this.backup(c);
            this.syntaxError("invalid hexadecimal literal");
          }
          do {
            c = this.nextc();
          } while (isXDigit(c));
        } while (c === 95);
        this.verifyEndOfNumber(c, "hexadecimal");
        return done();
      }
      if (c === 111 || c === 79 || c === 98 || c === 66) {
        const octal = c === 111 || c === 79;
        const kind = octal ? "octal" : "binary";
        const max = octal ? 56 : 50;
        c = this.nextc();
        do {
          if (c === 95) {
            c = this.nextc();
          }
          if (c < 48 || c >= max) {
            if (isDigit(c)) {
              this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
            }
            this.backup(c);
            this.syntaxError(`invalid ${kind} literal`);
          }
          do {
            c = this.nextc();
          } while (c >= 48 && c < max);
        } while (c === 95);
        if (isDigit(c)) {
          this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
        }
        this.verifyEndOfNumber(c, kind);
        return done();
      }
      // Maybe an old-style octal; in any case '0' is a literal.
      let nonzero = false;
      for (;;) {
        if (c === 95) {
          c = this.nextc();
          if (!isDigit(c)) {
            this.backup(c);
            this.syntaxError("invalid decimal literal");
          }
        }
        if (c !== 48) {
          break;
        }
        c = this.nextc();
      }
      const zerosEnd = this.cur;
      if (isDigit(c)) {
        nonzero = true;
        c = this.decimalTail();
      }
      if (c === 46) {
        c = this.nextc();
        return this.fraction(c, start);
      } else if (c === 101 || c === 69) {
        return this.exponent(c, start);
      } else if (c === 106 || c === 74) {
        return this.imaginary(start);
      } else if (nonzero) {
        this.backup(c);
        this.syntaxErrorRange(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
          start,
          zerosEnd,
        );
      }
      this.verifyEndOfNumber(c, "decimal");
      return done();
    }
    c = this.decimalTail();
    if (c === 46) {
      c = this.nextc();
      return this.fraction(c, start);
    }
    return this.afterFraction(c, start);
  }

  private fraction(first: number, start: number): Raw {
    let c = first;
    if (isDigit(c)) {
      c = this.decimalTail();
    }
    return this.afterFraction(c, start);
  }

  private afterFraction(first: number, start: number): Raw {
    const c = first;
    if (c === 101 || c === 69) {
      return this.exponent(c, start);
    }
    if (c === 106 || c === 74) {
      return this.imaginary(start);
    }
    this.verifyEndOfNumber(c, "decimal");
    this.backup(c);
    return { type: NUMBER, start, end: this.cur };
  }

  private exponent(e: number, start: number): Raw {
    let c = this.nextc();
    if (c === 43 || c === 45) {
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.syntaxError("invalid decimal literal");
      }
    } else if (!isDigit(c)) {
      this.backup(c);
      this.verifyEndOfNumber(e, "decimal");
      this.backup(e);
      return { type: NUMBER, start, end: this.cur };
    }
    c = this.decimalTail();
    if (c === 106 || c === 74) {
      return this.imaginary(start);
    }
    this.verifyEndOfNumber(c, "decimal");
    this.backup(c);
    return { type: NUMBER, start, end: this.cur };
  }

  private imaginary(start: number): Raw {
    const c = this.nextc();
    this.verifyEndOfNumber(c, "imaginary");
    this.backup(c);
    return { type: NUMBER, start, end: this.cur };
  }

  // ------------------------------------------------------------ strings

  private string(quote: number): Raw {
    const start = this.tokStart;
    let quoteSize = 1;
    let endQuoteSize = 0;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;
    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) {
        quoteSize = 3;
      } else {
        endQuoteSize = 1;
      }
    }
    if (c !== quote) {
      this.backup(c);
    }
    while (endQuoteSize !== quoteSize) {
      c = this.nextc();
      if (c === EOF || (quoteSize === 1 && c === C_NL)) {
        // Report from the opening quote: shift the position back to the start of the string.
        const detected = this.lineno;
        this.cur = start + 1;
        this.lineStart = this.multiLineStart;
        this.lineno = this.firstLineno;
        this.syntaxError(
          quoteSize === 3
            ? `unterminated triple-quoted string literal (detected at line ${detected})`
            : `unterminated string literal (detected at line ${detected})`,
        );
      }
      if (c === quote) {
        endQuoteSize += 1;
      } else {
        endQuoteSize = 0;
        if (c === C_BACKSLASH) {
          this.nextc();
        }
      }
    }
    return { type: STRING, start, end: this.cur };
  }
}

/** Tokenize normalised source (see normalizeSource). */
export function tokenize(src: string, options: TokenizeOptions = {}): TokenizeResult {
  const first = options.firstLine ?? 1;
  return new Tokenizer(src, first, options.firstLineColShift ?? 0).run();
}
