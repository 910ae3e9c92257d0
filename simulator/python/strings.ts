/**
 * String literals: prefixes, escape sequences, implicit concatenation and f-strings, ported from
 * CPython 3.11's Parser/string_parser.c (_PyPegen_concatenate_strings, _PyPegen_parsestr,
 * decode_unicode_with_escapes, fstring_find_literal/fstring_find_expr/fstring_compile_expr) so
 * that values, node positions and error messages match.
 *
 * In 3.11 an f-string is one STRING token. Its replacement fields are found by scanning the
 * raw text; each expression is then parsed on its own as "(" + text + ")" by a sub-parser (see
 * StringHost.fstringExpr). Constant parts and FormattedValues take the span of the whole
 * concatenation, a format spec's JoinedStr the span of its own token: CPython 3.11 does so.
 */
import type { Constant, Expr, FormattedValue, JoinedStr, Span } from "./ast";
import type { Token } from "./tokenize";

/** What the string parser needs from the parser that called it. */
export interface StringHost {
  /** RAISE_SYNTAX_ERROR: a SyntaxError at the last token the parser has read. */
  raise(message: string): never;
  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION at a token. */
  raiseAtToken(t: Token, message: string): never;
  /** fstring_compile_expr: parse "(" + text + ")" with CPython's line and column shift. */
  fstringExpr(text: string, firstLine: number, colShift: number): Expr;
}

/** Unicode code points that count as whitespace for Py_ISSPACE (ASCII only). */
function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v";
}

function isHex(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
}

function spanOf(first: Token, last: Token): Span {
  return { line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  b: "\b",
  f: "\f",
  t: "\t",
  n: "\n",
  r: "\r",
  v: "\v",
  a: "\x07",
};

/** Length of text in decode_unicode_with_escapes' buffer (non-ASCII characters take 10 bytes). */
function bufferLength(text: string): number {
  let n = 0;
  for (const ch of text) {
    n += (ch.codePointAt(0) ?? 0) < 128 ? 1 : 10;
  }
  return n;
}

/**
 * decode_unicode_with_escapes. CPython first rewrites non-ASCII characters as \Uxxxxxxxx
 * (10 bytes each) and then runs the unicode-escape codec; error positions are in that buffer.
 */
export function decodeUnicodeEscapes(host: StringHost, s: string): string {
  if (s.indexOf("\\") < 0) {
    return s;
  }
  let out = "";
  let i = 0;
  let bp = 0;
  const fail = (start: number, end: number, message: string): never => {
    const where = end - start === 1 ? `byte 0x5c in position ${start}` : `bytes in position ${start}-${end - 1}`;
    return host.raise(`(unicode error) 'unicodeescape' codec can't decode ${where}: ${message}`);
  };
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    if (cp !== 92) {
      const w = cp > 0xffff ? 2 : 1;
      out += s.slice(i, i + w);
      bp += cp < 128 ? 1 : 10;
      i += w;
      continue;
    }
    const startBp = bp;
    i++;
    bp++;
    if (i >= s.length || s.charCodeAt(i) >= 128) {
      // A trailing backslash, or one before a non-ASCII character, stays a backslash
      // (CPython writes "\\u005c" into the buffer).
      out += "\\";
      bp += 5;
      continue;
    }
    const c = s[i];
    i++;
    bp++;
    if (c === "\n") {
      continue;
    }
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (c >= "0" && c <= "7") {
      let v = c.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && i < s.length && s[i] >= "0" && s[i] <= "7"; k++) {
        v = v * 8 + (s.charCodeAt(i) - 48);
        i++;
        bp++;
      }
      out += String.fromCodePoint(v);
      continue;
    }
    if (c === "x" || c === "u" || c === "U") {
      const count = c === "x" ? 2 : c === "u" ? 4 : 8;
      const message = c === "x" ? "truncated \\xXX escape" : c === "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
      let v = 0;
      for (let k = 0; k < count; k++) {
        if (!isHex(s[i])) {
          fail(startBp, bp, message);
        }
        v = v * 16 + parseInt(s[i], 16);
        i++;
        bp++;
      }
      if (v > 0x10ffff) {
        fail(startBp, bp, "illegal Unicode character");
      }
      out += String.fromCodePoint(v);
      continue;
    }
    if (c === "N") {
      // A malformed escape fails as in CPython; a well-formed one needs the Unicode name
      // database, which Interleave does not carry.
      if (s[i] === "{") {
        const close = s.indexOf("}", i + 1);
        if (close < 0) {
          fail(startBp, bp + bufferLength(s.slice(i)), "malformed \\N character escape");
        }
        if (close === i + 1) {
          fail(startBp, bp + 1, "malformed \\N character escape");
        }
        host.raise("\\N{...} escapes are not supported by Interleave");
      }
      fail(startBp, bp, "malformed \\N character escape");
    }
    // Unknown escapes stay as written (CPython only warns).
    out += "\\" + c;
  }
  return out;
}

/** _PyBytes_DecodeEscape: the escapes of a bytes literal (ASCII only, checked before). */
function decodeBytesEscapes(host: StringHost, s: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch !== "\\") {
      out.push(s.charCodeAt(i));
      i++;
      continue;
    }
    const at = i;
    i++;
    const c = s[i];
    i++;
    if (c === "\n") {
      continue;
    }
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out.push(simple.charCodeAt(0));
      continue;
    }
    if (c >= "0" && c <= "7") {
      let v = c.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && i < s.length && s[i] >= "0" && s[i] <= "7"; k++) {
        v = v * 8 + (s.charCodeAt(i) - 48);
        i++;
      }
      out.push(v & 0xff);
      continue;
    }
    if (c === "x") {
      if (isHex(s[i]) && isHex(s[i + 1])) {
        out.push(parseInt(s.slice(i, i + 2), 16));
        i += 2;
        continue;
      }
      host.raise(`(value error) invalid \\x escape at position ${at}`);
    }
    out.push(92, c.charCodeAt(0));
  }
  return out;
}

interface ParsedStr {
  bytes: boolean;
  raw: boolean;
  /** For an f-string: the body and its offset in the token's text. */
  fstr: { body: string; offset: number } | null;
  str: string;
  byteValues: number[];
}

/** _PyPegen_parsestr: split off the prefix and quotes, decode a plain literal. */
function parseStr(host: StringHost, t: Token): ParsedStr {
  const text = t.str;
  let i = 0;
  let bytes = false;
  let raw = false;
  let fmode = false;
  for (;;) {
    const c = text[i];
    if (c === "b" || c === "B") {
      bytes = true;
    } else if (c === "u" || c === "U") {
      // The u prefix changes nothing.
    } else if (c === "r" || c === "R") {
      raw = true;
    } else if (c === "f" || c === "F") {
      fmode = true;
    } else {
      break;
    }
    i++;
  }
  const quote = text[i];
  let q = 1;
  if (text.length - i >= 6 && text[i + 1] === quote && text[i + 2] === quote) {
    q = 3;
  }
  const bodyStart = i + q;
  const body = text.slice(bodyStart, text.length - q);
  if (fmode) {
    return { bytes: false, raw, fstr: { body, offset: bodyStart }, str: "", byteValues: [] };
  }
  if (bytes) {
    if (/[^\x00-\x7f]/.test(text)) {
      host.raiseAtToken(t, "bytes can only contain ASCII literal characters");
    }
    const byteValues = raw ? Array.from(body, (ch) => ch.charCodeAt(0)) : decodeBytesEscapes(host, body);
    return { bytes: true, raw, fstr: null, str: "", byteValues };
  }
  return { bytes: false, raw, fstr: null, str: raw ? body : decodeUnicodeEscapes(host, body), byteValues: [] };
}

/** The FstringParser state of string_parser.c. */
class FstringState {
  fmode = false;
  lastStr: string | null = null;
  exprList: Expr[] = [];

  concat(s: string): void {
    if (s.length === 0) {
      return;
    }
    this.lastStr = this.lastStr === null ? s : this.lastStr + s;
  }

  flushStr(first: Token, last: Token): void {
    if (this.lastStr !== null) {
      this.exprList.push(strNode(this.lastStr, first, last));
      this.lastStr = null;
    }
  }

  finish(first: Token, last: Token): Constant | JoinedStr {
    if (!this.fmode) {
      return strNode(this.lastStr ?? "", first, last);
    }
    this.flushStr(first, last);
    return { kind: "JoinedStr", values: this.exprList, ...spanOf(first, last) };
  }
}

function strNode(value: string, first: Token, last: Token): Constant {
  return { kind: "Constant", value, ...spanOf(first, last) };
}

/** Scanning state over one f-string token's body. */
interface Scan {
  host: StringHost;
  /** The token's whole text and the body's offset in it. */
  t: Token;
  body: string;
  offset: number;
  pos: number;
  raw: boolean;
  first: Token;
  last: Token;
}

/**
 * fstring_find_literal: the literal text up to a single '{' (or '}' ending a format spec).
 * Returns the decoded literal and whether a doubled brace was consumed.
 */
function findLiteral(sc: Scan, recurseLvl: number): { literal: string; doubled: boolean } {
  const s = sc.body;
  const literalStart = sc.pos;
  let i = sc.pos;
  let doubled = false;
  let end = -1;
  while (i < s.length) {
    let ch = s[i++];
    if (!sc.raw && ch === "\\" && i < s.length) {
      ch = s[i++];
      if (ch === "N") {
        if (i < s.length && s[i++] === "{") {
          while (i < s.length && s[i++] !== "}") {
            // skip the name
          }
        }
        continue;
      }
    }
    if (ch === "{" || ch === "}") {
      if (recurseLvl === 0) {
        if (i < s.length && s[i] === ch) {
          // A doubled brace: the literal ends with one brace; resume after the second.
          end = i;
          sc.pos = i + 1;
          doubled = true;
          break;
        }
        if (ch === "}") {
          sc.pos = i - 1;
          sc.host.raise("f-string: single '}' is not allowed");
        }
      }
      i--;
      break;
    }
  }
  if (!doubled) {
    end = i;
    sc.pos = i;
  }
  const text = s.slice(literalStart, end);
  const literal = text.length === 0 ? "" : sc.raw ? text : decodeUnicodeEscapes(sc.host, text);
  return { literal, doubled };
}

/** fstring_find_expr: one replacement field, from its '{' to its '}'. */
function findExpr(sc: Scan, recurseLvl: number): { exprText: string | null; expression: FormattedValue } {
  const host = sc.host;
  const s = sc.body;
  if (recurseLvl >= 2) {
    host.raise("f-string: expressions nested too deeply");
  }
  sc.pos++; // the '{'
  const exprStart = sc.pos;
  let quoteChar = "";
  let stringType = 0;
  const parenstack: string[] = [];
  for (; sc.pos < s.length; sc.pos++) {
    const ch = s[sc.pos];
    if (ch === "\\") {
      host.raise("f-string expression part cannot include a backslash");
    }
    if (quoteChar) {
      if (ch === quoteChar) {
        if (stringType === 3) {
          if (sc.pos + 2 < s.length && s[sc.pos + 1] === ch && s[sc.pos + 2] === ch) {
            sc.pos += 2;
            stringType = 0;
            quoteChar = "";
          }
        } else {
          stringType = 0;
          quoteChar = "";
        }
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      if (sc.pos + 2 < s.length && s[sc.pos + 1] === ch && s[sc.pos + 2] === ch) {
        stringType = 3;
        sc.pos += 2;
      } else {
        stringType = 1;
      }
      quoteChar = ch;
    } else if (ch === "[" || ch === "{" || ch === "(") {
      if (parenstack.length >= 200) {
        host.raise("f-string: too many nested parenthesis");
      }
      parenstack.push(ch);
    } else if (ch === "#") {
      host.raise("f-string expression part cannot include '#'");
    } else if (parenstack.length === 0 && (ch === "!" || ch === ":" || ch === "}" || ch === "=" || ch === ">" || ch === "<")) {
      if (sc.pos + 1 < s.length) {
        const next = s[sc.pos + 1];
        if ((ch === "!" || ch === "=" || ch === "<" || ch === ">") && next === "=") {
          sc.pos++;
          continue;
        }
      }
      if (ch === ">" || ch === "<") {
        continue;
      }
      break;
    } else if (ch === "]" || ch === "}" || ch === ")") {
      if (parenstack.length === 0) {
        host.raise(`f-string: unmatched '${ch}'`);
      }
      const opening = parenstack.pop();
      if (!((opening === "(" && ch === ")") || (opening === "[" && ch === "]") || (opening === "{" && ch === "}"))) {
        host.raise(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`);
      }
    }
  }
  const exprEnd = sc.pos;
  if (quoteChar) {
    host.raise("f-string: unterminated string");
  }
  if (parenstack.length > 0) {
    host.raise(`f-string: unmatched '${parenstack[parenstack.length - 1]}'`);
  }
  const unexpectedEnd = (): never => host.raise("f-string: expecting '}'");
  if (sc.pos >= s.length) {
    unexpectedEnd();
  }
  const value = compileExpr(sc, exprStart, exprEnd);
  let exprText: string | null = null;
  if (s[sc.pos] === "=") {
    sc.pos++;
    while (sc.pos < s.length && isSpace(s[sc.pos])) {
      sc.pos++;
    }
    if (sc.pos >= s.length) {
      unexpectedEnd();
    }
    exprText = s.slice(exprStart, sc.pos);
  }
  let conversion = -1;
  if (s[sc.pos] === "!") {
    sc.pos++;
    if (sc.pos >= s.length) {
      unexpectedEnd();
    }
    conversion = s.charCodeAt(sc.pos);
    sc.pos++;
    if (!(conversion === 115 || conversion === 114 || conversion === 97)) {
      host.raise("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  let formatSpec: JoinedStr | null = null;
  if (sc.pos >= s.length) {
    unexpectedEnd();
  }
  if (s[sc.pos] === ":") {
    sc.pos++;
    if (sc.pos >= s.length) {
      unexpectedEnd();
    }
    const state = new FstringState();
    concatFstring(sc, state, recurseLvl + 1);
    formatSpec = state.finish(sc.t, sc.t) as JoinedStr;
  }
  if (sc.pos >= s.length || s[sc.pos] !== "}") {
    unexpectedEnd();
  }
  sc.pos++;
  // `=` without a conversion or format spec means repr().
  if (exprText !== null && formatSpec === null && conversion === -1) {
    conversion = 114;
  }
  return { exprText, expression: { kind: "FormattedValue", value, conversion, formatSpec, ...spanOf(sc.first, sc.last) } };
}

/** fstring_compile_expr with fstring_find_expr_location: where the expression's tokens go. */
function compileExpr(sc: Scan, exprStart: number, exprEnd: number): Expr {
  const s = sc.body;
  const text = s.slice(exprStart, exprEnd);
  if (/^[ \t\n\f]*$/.test(text)) {
    const endCh = s[exprEnd];
    if (endCh === "!" || endCh === ":" || endCh === "=") {
      sc.host.raise(`f-string: expression required before '${endCh}'`);
    }
    sc.host.raise("f-string: empty expression not allowed");
  }
  // Offsets in the token's text: the '{' is at braceAt.
  const parent = sc.t.str;
  const braceAt = sc.offset + exprStart - 1;
  let newlineAfterBrace = true;
  for (let k = braceAt + 1; k < parent.length && parent[k] !== "}" && parent[k] !== "\n"; k++) {
    if (parent[k] !== " " && parent[k] !== "\t" && parent[k] !== "\f") {
      newlineAfterBrace = false;
      break;
    }
  }
  let cols = 0;
  if (!newlineAfterBrace) {
    let k = braceAt;
    while (k > 0 && parent[k] !== "\n") {
      k--;
    }
    cols = braceAt - k;
    if (parent[k] === "\n") {
      cols -= 1;
    }
  }
  let lines = 0;
  for (let k = 0; k < braceAt; k++) {
    if (parent[k] === "\n") {
      lines++;
    }
  }
  // CPython 3.11.7 adds the token's column only when the field is on the token's first line.
  const shift = (lines === 0 ? sc.t.col : 0) + cols;
  return sc.host.fstringExpr(text, sc.t.line + lines, shift);
}

/** _PyPegen_FstringParser_ConcatFstring: literals and replacement fields of one f-string (or spec). */
function concatFstring(sc: Scan, state: FstringState, recurseLvl: number): void {
  state.fmode = true;
  const s = sc.body;
  for (;;) {
    const { literal, doubled } = findLiteral(sc, recurseLvl);
    state.concat(literal);
    if (doubled) {
      continue;
    }
    if (sc.pos >= s.length || s[sc.pos] === "}") {
      break;
    }
    const { exprText, expression } = findExpr(sc, recurseLvl);
    if (exprText !== null) {
      state.concat(exprText);
    }
    state.flushStr(sc.first, sc.last);
    state.exprList.push(expression);
  }
  if (recurseLvl === 0 && sc.pos < s.length - 1) {
    sc.host.raise("f-string: unexpected end of string");
  }
  if (recurseLvl !== 0 && s[sc.pos] !== "}") {
    sc.host.raise("f-string: expecting '}'");
  }
}

/** _PyPegen_concatenate_strings: adjacent STRING tokens to one Constant or JoinedStr. */
export function concatenateStrings(host: StringHost, toks: Token[]): Constant | JoinedStr {
  const first = toks[0];
  const last = toks[toks.length - 1];
  let bytesmode = false;
  let bytesValues: number[] = [];
  const state = new FstringState();
  toks.forEach((t, i) => {
    const ps = parseStr(host, t);
    if (i !== 0 && bytesmode !== ps.bytes) {
      host.raise("cannot mix bytes and nonbytes literals");
    }
    bytesmode = ps.bytes;
    if (ps.fstr !== null) {
      const sc: Scan = { host, t, body: ps.fstr.body, offset: ps.fstr.offset, pos: 0, raw: ps.raw, first, last };
      concatFstring(sc, state, 0);
    } else if (bytesmode) {
      bytesValues = bytesValues.concat(ps.byteValues);
    } else {
      state.concat(ps.str);
    }
  });
  if (bytesmode) {
    return { kind: "Constant", value: { bytes: Uint8Array.from(bytesValues) }, ...spanOf(first, last) };
  }
  return state.finish(first, last);
}
