/**
 * `str` (CPython's Objects/unicodeobject.c and Objects/stringlib/). A Python str is a JS string.
 *
 * Python indexes code points; JS strings are UTF-16. Each operation first asks whether the string
 * holds surrogates (one regex scan, cached for long strings so `s[i]` in a loop stays cheap).
 * Without them code units are code points and the JS string is used directly: the common,
 * allocation-free path. Unicode properties follow CPython 3.11 (Unicode 14.0). JS regex property
 * classes come from a newer Unicode, so code points assigned since 14.0 are masked out; what JS
 * lacks (Numeric_Type, titlecase, case folding) comes from small tables generated from CPython 3.11.
 */
import { defMethods } from "../define";
import {
  indexError,
  LookupErrorType,
  MemoryErrorType,
  newException,
  overflowError,
  typeError,
  valueError,
} from "../errors";
import { parseSpec } from "../format";
import { PyNativeIter } from "../iterators";
import { subclassing } from "./numeric";
import {
  isInstance,
  None,
  NotImplemented,
  PyBaseException,
  PyBoxed,
  PyBuiltin,
  PyByteArray,
  PyBytes,
  PyDict,
  PyList,
  PySlice,
  PyStaticMethod,
  PyTuple,
  PyType,
  StrType,
  newTuple,
  typeOf,
  type KwArgs,
  type PyValue,
} from "../objects";
import { compareResult, getItem, hash, index, isIterable, str as toStr, toArray, typeName, type CompareKind } from "../protocol";
import { sliceIndices } from "../slice";
import { formatMap, percentFormat, strFormat } from "../strformat";
import { decodeBytes, encodeStr } from "./bytes";

// ---------------------------------------------------------------- code points

const SURROGATE = /[\ud800-\udfff]/;
export const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Strings at least this long keep their code point offsets in a small cache. */
const CACHE_MIN = 64;
const cacheKeys = ["", "", "", ""];
const cacheVals: (Uint32Array | null)[] = [null, null, null, null];
let cacheNext = 0;

function buildOffsets(s: string): Uint32Array {
  const out = new Uint32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    out[n++] = i;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
      }
    }
  }
  out[n] = s.length;
  return out.subarray(0, n + 1);
}

/**
 * The UTF-16 offset of every code point of `s`, then s.length; or null when `s` has no
 * surrogates, so that indices and offsets coincide (the fast path).
 */
export function cpOffsets(s: string): Uint32Array | null {
  if (s.length < CACHE_MIN) {
    return SURROGATE.test(s) ? buildOffsets(s) : null;
  }
  for (let i = 0; i < 4; i++) {
    if (cacheKeys[i] === s) {
      return cacheVals[i];
    }
  }
  const v = SURROGATE.test(s) ? buildOffsets(s) : null;
  cacheKeys[cacheNext] = s;
  cacheVals[cacheNext] = v;
  cacheNext = (cacheNext + 1) & 3;
  return v;
}

/** len(s): the number of code points. */
export function cpLen(s: string): number {
  const o = cpOffsets(s);
  return o === null ? s.length : o.length - 1;
}

/** The code point index of the UTF-16 offset `u` (a code point boundary). */
function cpIndexAt(o: Uint32Array, u: number): number {
  let lo = 0;
  let hi = o.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (o[mid] < u) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The first `n` code points of `s`. */
export function cpPrefix(s: string, n: number): string {
  const o = cpOffsets(s);
  if (o === null) {
    return s.slice(0, n);
  }
  return n >= o.length - 1 ? s : s.slice(0, o[n]);
}

/**
 * Code point order. JS `<` compares UTF-16 units, which agrees with code point order except
 * that astral characters (surrogate pairs) must sort above U+E000–U+FFFF.
 */
export function strCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) {
    i++;
  }
  if (i === n) {
    return a.length - b.length;
  }
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  if (x >= 0xd800 && y >= 0xd800) {
    const xs = x <= 0xdfff;
    const ys = y <= 0xdfff;
    if (xs !== ys) {
      return xs ? 1 : -1;
    }
  }
  return x - y;
}

// ---------------------------------------------------------------- Unicode 14.0 tables

/** Code points unassigned in Unicode 14.0 (CPython 3.11) but assigned in newer Unicode (JS engines): regex class body. */
const UNASSIGNED_IN_14 =
  "\\u088f\\u0897\\u0c5c\\u0cdc\\u0cf3\\u0ece\\u1acf-\\u1add\\u1ae0-\\u1aeb\\u1b4e-\\u1b4f\\u1b7f\\u1c89-" +
  "\\u1c8a\\u20c1\\u2427-\\u2429\\u2b96\\u2ffc-\\u2fff\\u31e4-\\u31e5\\u31ef\\ua7cb-\\ua7cf\\ua7d2\\ua7d4" +
  "\\ua7da-\\ua7dc\\ua7f1\\ufbc3-\\ufbd2\\ufd90-\\ufd91\\ufdc8-\\ufdce\\u{105c0}-\\u{105f3}\\u{10940}-" +
  "\\u{10959}\\u{10d40}-\\u{10d65}\\u{10d69}-\\u{10d85}\\u{10d8e}-\\u{10d8f}\\u{10ec2}-\\u{10ec7}" +
  "\\u{10ed0}-\\u{10ed8}\\u{10efa}-\\u{10eff}\\u{1123f}-\\u{11241}\\u{11380}-\\u{11389}\\u{1138b}" +
  "\\u{1138e}\\u{11390}-\\u{113b5}\\u{113b7}-\\u{113c0}\\u{113c2}\\u{113c5}\\u{113c7}-\\u{113ca}" +
  "\\u{113cc}-\\u{113d5}\\u{113d7}-\\u{113d8}\\u{113e1}-\\u{113e2}\\u{116d0}-\\u{116e3}\\u{11b00}-" +
  "\\u{11b09}\\u{11b60}-\\u{11b67}\\u{11bc0}-\\u{11be1}\\u{11bf0}-\\u{11bf9}\\u{11db0}-\\u{11ddb}" +
  "\\u{11de0}-\\u{11de9}\\u{11f00}-\\u{11f10}\\u{11f12}-\\u{11f3a}\\u{11f3e}-\\u{11f5a}\\u{1342f}" +
  "\\u{13439}-\\u{13455}\\u{13460}-\\u{143fa}\\u{16100}-\\u{16139}\\u{16d40}-\\u{16d79}\\u{16ea0}-" +
  "\\u{16eb8}\\u{16ebb}-\\u{16ed3}\\u{16ff2}-\\u{16ff6}\\u{187f8}-\\u{187ff}\\u{18cff}\\u{18d09}-" +
  "\\u{18d1e}\\u{18d80}-\\u{18df2}\\u{1b132}\\u{1b155}\\u{1cc00}-\\u{1ccfc}\\u{1cd00}-\\u{1ceb3}" +
  "\\u{1ceba}-\\u{1ced0}\\u{1cee0}-\\u{1cef0}\\u{1d2c0}-\\u{1d2d3}\\u{1df25}-\\u{1df2a}\\u{1e030}-" +
  "\\u{1e06d}\\u{1e08f}\\u{1e4d0}-\\u{1e4f9}\\u{1e5d0}-\\u{1e5fa}\\u{1e5ff}\\u{1e6c0}-\\u{1e6de}" +
  "\\u{1e6e0}-\\u{1e6f5}\\u{1e6fe}-\\u{1e6ff}\\u{1f6d8}\\u{1f6dc}\\u{1f774}-\\u{1f77f}\\u{1f7d9}" +
  "\\u{1f8b2}-\\u{1f8bb}\\u{1f8c0}-\\u{1f8c1}\\u{1f8d0}-\\u{1f8d8}\\u{1fa54}-\\u{1fa57}\\u{1fa75}-" +
  "\\u{1fa77}\\u{1fa87}-\\u{1fa8a}\\u{1fa8e}-\\u{1fa8f}\\u{1faad}-\\u{1faaf}\\u{1fabb}-\\u{1fabf}" +
  "\\u{1fac6}\\u{1fac8}\\u{1facd}-\\u{1facf}\\u{1fada}-\\u{1fadc}\\u{1fadf}\\u{1fae8}-\\u{1faea}" +
  "\\u{1faef}\\u{1faf7}-\\u{1faf8}\\u{1fbcb}-\\u{1fbef}\\u{1fbfa}\\u{2b739}-\\u{2b73f}\\u{2cea2}-" +
  "\\u{2cead}\\u{2ebf0}-\\u{2ee5d}\\u{31350}-\\u{33479}";
/** Numeric_Type=Digit outside Nd (str.isdigit: superscripts, circled digits, ...): regex class body. */
const DIGIT_EXTRA =
  "\\u00b2-\\u00b3\\u00b9\\u1369-\\u1371\\u19da\\u2070\\u2074-\\u2079\\u2080-\\u2089\\u2460-\\u2468\\u2474-" +
  "\\u247c\\u2488-\\u2490\\u24ea\\u24f5-\\u24fd\\u24ff\\u2776-\\u277e\\u2780-\\u2788\\u278a-\\u2792" +
  "\\u{10a40}-\\u{10a43}\\u{10e60}-\\u{10e68}\\u{11052}-\\u{1105a}\\u{1f100}-\\u{1f10a}";
/** Numeric_Type=Numeric outside the N categories (str.isnumeric: CJK numerals): regex class body. */
const NUMERIC_EXTRA =
  "\\u3405\\u3483\\u382a\\u3b4d\\u4e00\\u4e03\\u4e07\\u4e09\\u4e5d\\u4e8c\\u4e94\\u4e96\\u4ebf-\\u4ec0\\u4edf" +
  "\\u4ee8\\u4f0d\\u4f70\\u5104\\u5146\\u5169\\u516b\\u516d\\u5341\\u5343-\\u5345\\u534c\\u53c1-\\u53c4\\u56db" +
  "\\u58f1\\u58f9\\u5e7a\\u5efe-\\u5eff\\u5f0c-\\u5f0e\\u5f10\\u62fe\\u634c\\u67d2\\u6f06\\u7396\\u767e\\u8086" +
  "\\u842c\\u8cae\\u8cb3\\u8d30\\u9621\\u9646\\u964c\\u9678\\u96f6\\uf96b\\uf973\\uf978\\uf9b2\\uf9d1\\uf9d3" +
  "\\uf9fd\\u{20001}\\u{20064}\\u{200e2}\\u{20121}\\u{2092a}\\u{20983}\\u{2098c}\\u{2099c}\\u{20aea}" +
  "\\u{20afd}\\u{20b19}\\u{22390}\\u{22998}\\u{23b1b}\\u{2626d}\\u{2f890}";
/** Titlecase mappings that differ from toUpperCase (base-36 code points; "a:b.c" maps a to b c, "a-b+d" shifts a..b by d). */
const TITLE_TABLE =
  "67:2b.37 ck:cl cl:cl cm:cl cn:co co:co cp:co cq:cr cr:cr cs:cr dt:du du:du dv:du " +
  "13b:111.136 3bk-3cq+0 3ct-3cv+0 680-687+8 688-68f+0 68g-68n+8 68o-68v+0 68w-693+8 694-69b+0 " +
  "69e:69m.n9 69f:69o 69g:p2.n9 69j:pd.n6.n9 69o:69o 69u:6a2.n9 69v:6a4 69w:p5.n9 69z:pj.n6.n9 " +
  "6a4:6a4 6b6:6be.n9 6b7:6bg 6b8:pb.n9 6bb:q1.n6.n9 6bg:6bg 1dkw:1y.2u 1dkx:1y.2x 1dky:1y.30 " +
  "1dkz:1y.2u.2x 1dl0:1y.2u.30 1dl1:2b.38 1dl2:2b.38 1dlf:11g.12u 1dlg:11g.12d 1dlh:11g.12j " +
  "1dli:11q.12u 1dlj:11g.12l";
/** Case foldings (CaseFolding.txt C+F) that differ from toLowerCase, same encoding as TITLE_TABLE. */
const FOLD_TABLE =
  "51:qk 67:37.37 95:jg.32 an:37 ds:2y.lo n9:qh pc:qh.lk.ld q8:qt.lk.ld qq:qr r4:qa r5:qg " +
  "r9:qu ra:qo s0:qi s1:qp s5:qd 13b:12d.136 3vk-3xx+0 3y0-3y5-8 5mo:tu 5mp:tw 5mq:u6 5mr:u9 " +
  "5ms:ua 5mt:ua 5mu:ui 5mv:v7 5mw:wuj 61i:2w.mp 61j:38.lk 61k:3b.lm 61l:3d.lm 61m:2p.ji " +
  "61n:601 61q:37.37 66o:qt.lv 66q:qt.lv.lc 66s:qt.lv.ld 66u:qt.lv.n6 680:64g.qh 681:64h.qh " +
  "682:64i.qh 683:64j.qh 684:64k.qh 685:64l.qh 686:64m.qh 687:64n.qh 688:64g.qh 689:64h.qh " +
  "68a:64i.qh 68b:64j.qh 68c:64k.qh 68d:64l.qh 68e:64m.qh 68f:64n.qh 68g:65c.qh 68h:65d.qh " +
  "68i:65e.qh 68j:65f.qh 68k:65g.qh 68l:65h.qh 68m:65i.qh 68n:65j.qh 68o:65c.qh 68p:65d.qh " +
  "68q:65e.qh 68r:65f.qh 68s:65g.qh 68t:65h.qh 68u:65i.qh 68v:65j.qh 68w:674.qh 68x:675.qh " +
  "68y:676.qh 68z:677.qh 690:678.qh 691:679.qh 692:67a.qh 693:67b.qh 694:674.qh 695:675.qh " +
  "696:676.qh 697:677.qh 698:678.qh 699:679.qh 69a:67a.qh 69b:67b.qh 69e:67k.qh 69f:q9.qh " +
  "69g:q4.qh 69i:q9.n6 69j:q9.n6.qh 69o:q9.qh 69q:qh 69u:67o.qh 69v:qf.qh 69w:q6.qh 69y:qf.n6 " +
  "69z:qf.n6.qh 6a4:qf.qh 6aa:qh.lk.lc 6ab:qh.lk.ld 6ae:qh.n6 6af:qh.lk.n6 6aq:qt.lk.lc " +
  "6ar:qt.lk.ld 6as:qp.lv 6au:qt.n6 6av:qt.lk.n6 6b6:67w.qh 6b7:qx.qh 6b8:r2.qh 6ba:qx.n6 " +
  "6bb:qx.n6.qh 6bg:qx.qh xv4-xxb-tzk 1dkw:2u.2u 1dkx:2u.2x 1dky:2u.30 1dkz:2u.2u.2x " +
  "1dl0:2u.2u.30 1dl1:37.38 1dl2:37.38 1dlf:12s.12u 1dlg:12s.12d 1dlh:12s.12j 1dli:132.12u " +
  "1dlj:12s.12l";

// ---------------------------------------------------------------- character classes

const NEW = UNASSIGNED_IN_14;
const u = (src: string): RegExp => new RegExp(src, "u");
const ALPHA_RE = u(`^(?:(?![${NEW}])\\p{L})+$`);
const DECIMAL_CHAR = `(?![${NEW}])\\p{Nd}`;
const DECIMAL_RE = u(`^(?:${DECIMAL_CHAR})+$`);
const DECIMAL_CHAR_RE = u(`^${DECIMAL_CHAR}$`);
const DIGIT_RE = u(`^(?:(?![${NEW}])[\\p{Nd}${DIGIT_EXTRA}])+$`);
const NUMERIC_RE = u(`^(?:(?![${NEW}])[\\p{N}${NUMERIC_EXTRA}])+$`);
const ALNUM_RE = u(`^(?:(?![${NEW}])[\\p{L}\\p{N}${NUMERIC_EXTRA}])+$`);
/** Py_UNICODE_ISSPACE: bidirectional class WS, B or S, or category Zs (JS `\s` differs). */
const SPACE_RE = /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;
const SPACE_RUNS = /[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
/** Not Py_UNICODE_ISPRINTABLE: categories Cc Cf Cs Co Cn Zl Zp Zs, except the space. */
const NONPRINTABLE_RE = u(`(?! )[\\p{C}\\p{Z}]|[${NEW}]`);
const IDENTIFIER_RE = u(
  `^(?![${NEW}])[\\p{XID_Start}_](?:(?![${NEW}\\u200c\\u200d\\u30fb\\uff65])\\p{XID_Continue})*$`,
);
// Lowercase/Uppercase/Cased as in Unicode 14 (U+0295 lost Lowercase later; a few letters gained it).
const LOWER = `(?![${NEW}\\u10fc\\ua7f2-\\ua7f4\\uab69])[\\p{Lowercase}\\u0295]`;
const UPPER = `(?![${NEW}])\\p{Uppercase}`;
const CASED = `(?![${NEW}\\u10fc\\ua7f2-\\ua7f4\\uab69])[\\p{Cased}\\u0295]`;
const HAS_LOWER = u(LOWER);
const HAS_UPPER = u(UPPER);
const HAS_LOWER_OR_TITLE = u(`${LOWER}|\\p{Lt}`);
const HAS_UPPER_OR_TITLE = u(`${UPPER}|\\p{Lt}`);
const LOWER_CHAR = u(`^${LOWER}$`);
const UPPER_CHAR = u(`^${UPPER}$`);
const UPPER_OR_TITLE_CHAR = u(`^(?:${UPPER}|\\p{Lt})$`);
const CASED_CHAR = u(`^${CASED}$`);
const CASE_IGNORABLE_CHAR = /^\p{Case_Ignorable}$/u;
/** Code points assigned after Unicode 14: CPython 3.11 maps no case for them. */
const NEW_CHAR = u(`[${NEW}]`);
/** Characters that keep their case in upper() under Unicode 14 (newer Unicode maps them). */
const UPPER_UNCHANGED = u(`[${NEW}\\u019b\\u0264\\ua7d3\\ua7d5]`);

const ASCII_SPACE = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 0x1c, 0x1d, 0x1e, 0x1f, 0x20]) {
  ASCII_SPACE[c] = 1;
}

/** A predicate on UTF-16 units (str) or bytes (bytes, as latin-1 strings). */
export type UnitTest = (c: number) => boolean;

/** Py_UNICODE_ISSPACE on a UTF-16 unit (no whitespace is astral). */
export const isSpaceUnit: UnitTest = (c) =>
  c < 128
    ? ASCII_SPACE[c] === 1
    : c === 0x85 ||
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000;

/** str.splitlines' line boundaries (Py_UNICODE_ISLINEBREAK). */
const isLineBreakUnit: UnitTest = (c) =>
  (c >= 10 && c <= 13) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;

/** The value of a decimal digit (category Nd), or -1. Nd digits come in runs of ten starting at zero. */
export function decimalValue(cp: number): number {
  if (cp < 0x80) {
    return cp >= 0x30 && cp <= 0x39 ? cp - 0x30 : -1;
  }
  if (!DECIMAL_CHAR_RE.test(String.fromCodePoint(cp))) {
    return -1;
  }
  let k = 0;
  while (DECIMAL_CHAR_RE.test(String.fromCodePoint(cp - k - 1))) {
    k++;
  }
  return k % 10;
}

// ---------------------------------------------------------------- case mapping

/** Parses TITLE_TABLE / FOLD_TABLE. */
function parseCaseTable(t: string): Map<number, string> {
  const m = new Map<number, string>();
  for (const e of t.trim().split(/ +/)) {
    const colon = e.indexOf(":");
    if (colon >= 0) {
      const to = e
        .slice(colon + 1)
        .split(".")
        .map((x) => String.fromCodePoint(parseInt(x, 36)));
      m.set(parseInt(e.slice(0, colon), 36), to.join(""));
    } else {
      const [, a, b, d] = /^([0-9a-z]+)-([0-9a-z]+)([+-][0-9a-z]+)$/.exec(e)!;
      const delta = parseInt(d, 36);
      for (let c = parseInt(a, 36); c <= parseInt(b, 36); c++) {
        m.set(c, String.fromCodePoint(c + delta));
      }
    }
  }
  return m;
}

let titleMap: Map<number, string> | null = null;
let foldMap: Map<number, string> | null = null;

const upperChar = (ch: string): string => (UPPER_UNCHANGED.test(ch) ? ch : ch.toUpperCase());
const lowerChar = (ch: string): string => (NEW_CHAR.test(ch) ? ch : ch.toLowerCase());
const titleChar = (ch: string): string =>
  (titleMap ??= parseCaseTable(TITLE_TABLE)).get(ch.codePointAt(0)!) ?? upperChar(ch);
const foldChar = (ch: string): string =>
  (foldMap ??= parseCaseTable(FOLD_TABLE)).get(ch.codePointAt(0)!) ?? lowerChar(ch);

/** lower() of cps[i], with CPython's Final_Sigma rule for U+03A3 (handle_capital_sigma). */
function lowerAt(cps: string[], i: number): string {
  const ch = cps[i];
  if (ch !== "\u03a3") {
    return lowerChar(ch);
  }
  let j = i - 1;
  while (j >= 0 && CASE_IGNORABLE_CHAR.test(cps[j])) {
    j--;
  }
  let final = j >= 0 && CASED_CHAR.test(cps[j]);
  if (final) {
    j = i + 1;
    while (j < cps.length && CASE_IGNORABLE_CHAR.test(cps[j])) {
      j++;
    }
    final = j === cps.length || !CASED_CHAR.test(cps[j]);
  }
  return final ? "\u03c2" : "\u03c3";
}

/** lower(): JS's toLowerCase (which applies Final_Sigma too) unless newer-Unicode characters are present. */
export function strLower(s: string): string {
  if (ASCII_ONLY.test(s) || !NEW_CHAR.test(s)) {
    return s.toLowerCase();
  }
  const cps = Array.from(s);
  return cps.map((_, i) => lowerAt(cps, i)).join("");
}

export function strUpper(s: string): string {
  return UPPER_UNCHANGED.test(s) ? Array.from(s, upperChar).join("") : s.toUpperCase();
}

function casefold(s: string): string {
  return ASCII_ONLY.test(s) ? s.toLowerCase() : Array.from(s, foldChar).join("");
}

function capitalize(s: string): string {
  if (ASCII_ONLY.test(s)) {
    return s.slice(0, 1).toUpperCase() + s.slice(1).toLowerCase();
  }
  const cps = Array.from(s);
  let out = titleChar(cps[0]);
  for (let i = 1; i < cps.length; i++) {
    out += lowerAt(cps, i);
  }
  return out;
}

function title(s: string): string {
  if (ASCII_ONLY.test(s)) {
    return s.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
  }
  const cps = Array.from(s);
  let out = "";
  let prevCased = false;
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i];
    out += prevCased ? lowerAt(cps, i) : titleChar(ch);
    prevCased = CASED_CHAR.test(ch);
  }
  return out;
}

function swapcase(s: string): string {
  if (ASCII_ONLY.test(s)) {
    return s.replace(/[A-Za-z]/g, (c) => (c <= "Z" ? c.toLowerCase() : c.toUpperCase()));
  }
  const cps = Array.from(s);
  let out = "";
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i];
    out += UPPER_CHAR.test(ch) ? lowerAt(cps, i) : LOWER_CHAR.test(ch) ? upperChar(ch) : ch;
  }
  return out;
}

function istitle(s: string): boolean {
  let cased = false;
  let prev = false;
  for (const ch of s) {
    if (UPPER_OR_TITLE_CHAR.test(ch)) {
      if (prev) {
        return false;
      }
      prev = cased = true;
    } else if (LOWER_CHAR.test(ch)) {
      if (!prev) {
        return false;
      }
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return cased;
}

// ---------------------------------------------------------------- repr

const PLAIN_ASCII = /^[ -[\]-~]*$/;
const hex = (c: number, digits: number): string => c.toString(16).padStart(digits, "0");

/** The escape CPython's repr uses for a non-printable code point. */
function escapeCodePoint(c: number): string {
  return c <= 0xff ? "\\x" + hex(c, 2) : c <= 0xffff ? "\\u" + hex(c, 4) : "\\U" + hex(c, 8);
}

/**
 * repr() of a str (CPython's unicode_repr): single quotes unless the string holds ' and no ";
 * \\ \n \r \t and the quote escaped; other ASCII controls and non-printable code points as
 * \xNN, \uNNNN or \UNNNNNNNN; printable non-ASCII text (é, 中文, emoji) as is.
 */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (PLAIN_ASCII.test(s) && !s.includes(quote)) {
    return quote + s + quote;
  }
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") {
      out += "\\" + ch;
    } else if (c === 9) {
      out += "\\t";
    } else if (c === 10) {
      out += "\\n";
    } else if (c === 13) {
      out += "\\r";
    } else if (c < 0x20 || c === 0x7f) {
      out += "\\x" + hex(c, 2);
    } else if (c < 0x7f || !NONPRINTABLE_RE.test(ch)) {
      out += ch;
    } else {
      out += escapeCodePoint(c);
    }
  }
  return out + quote;
}

/** ascii() of a str: its repr with every non-ASCII code point escaped. */
export function asciiRepr(s: string): string {
  const r = strRepr(s);
  return ASCII_ONLY.test(r) ? r : r.replace(/[^\x00-\x7f]/gu, (ch) => escapeCodePoint(ch.codePointAt(0)!));
}

// ---------------------------------------------------------------- argument helpers (shared with bytes)

/** The receiver of a str method, or CPython's descriptor error. */
function strSelf(v: PyValue | undefined, name: string): string {
  if (typeof v === "string") {
    return v;
  }
  if (v === undefined) {
    throw typeError(`unbound method str.${name}() needs an argument`);
  }
  throw typeError(`descriptor '${name}' for 'str' objects doesn't apply to a '${typeName(v)}' object`);
}

function noKw(owner: string, name: string, kwargs: KwArgs | null): void {
  if (kwargs !== null && kwargs.size > 0) {
    throw typeError(`${owner}.${name}() takes no keyword arguments`);
  }
}

const plural = (n: number): string => (n === 1 ? "" : "s");

/** METH_NOARGS: `n` arguments given besides self. */
export function noArgs(owner: string, name: string, n: number, kwargs: KwArgs | null): void {
  noKw(owner, name, kwargs);
  if (n !== 0) {
    throw typeError(`${owner}.${name}() takes no arguments (${n} given)`);
  }
}

/** METH_O: exactly one argument besides self. */
export function oneArg(owner: string, name: string, n: number, kwargs: KwArgs | null): void {
  noKw(owner, name, kwargs);
  if (n !== 1) {
    throw typeError(`${owner}.${name}() takes exactly one argument (${n} given)`);
  }
}

/** Argument Clinic, positional-only parameters (_PyArg_CheckPositional). */
export function posOnly(owner: string, name: string, n: number, kwargs: KwArgs | null, min: number, max: number): void {
  noKw(owner, name, kwargs);
  if (n < min) {
    throw typeError(`${name} expected ${min === max ? "" : "at least "}${min} argument${plural(min)}, got ${n}`);
  }
  if (n > max) {
    throw typeError(`${name} expected ${min === max ? "" : "at most "}${max} argument${plural(max)}, got ${n}`);
  }
}

/** METH_VARARGS parsed by PyArg_ParseTuple ("O|OO:find"). */
export function varArgs(owner: string, name: string, n: number, kwargs: KwArgs | null, min: number, max: number): void {
  noKw(owner, name, kwargs);
  if (n < min) {
    throw typeError(`${name}() takes at least ${min} argument${plural(min)} (${n} given)`);
  }
  if (n > max) {
    throw typeError(`${name}() takes at most ${max} argument${plural(max)} (${n} given)`);
  }
}

/**
 * Argument Clinic with keyword parameters (_PyArg_UnpackKeywords): the values of `names` from
 * args[first..] and kwargs, undefined when not given.
 */
export function clinicArgs(
  name: string,
  args: PyValue[],
  kwargs: KwArgs | null,
  names: string[],
  first = 1,
): (PyValue | undefined)[] {
  const n = args.length - first;
  if (n > names.length) {
    throw typeError(`${name}() takes at most ${names.length} argument${plural(names.length)} (${n} given)`);
  }
  const out: (PyValue | undefined)[] = names.map((_, i) => args[first + i]);
  if (kwargs !== null) {
    for (const [k, v] of kwargs) {
      const i = names.indexOf(k);
      if (i < 0) {
        throw typeError(`'${k}' is an invalid keyword argument for ${name}()`);
      }
      if (out[i] !== undefined) {
        throw typeError(`argument for ${name}() given by name ('${k}') and position (${i + 1})`);
      }
      out[i] = v;
    }
  }
  return out;
}

const SSIZE_MAX = Number.MAX_SAFE_INTEGER;

/** A start/end argument (_PyEval_SliceIndex): None keeps the default; huge ints clamp. */
export function sliceArg(v: PyValue | undefined, dflt: number): number {
  if (v === undefined || v === None) {
    return dflt;
  }
  if (typeof v === "number") {
    return v;
  }
  if (typeof v === "boolean") {
    return +v;
  }
  if (typeof v !== "bigint" && typeOf(v).lookup("__index__") === undefined) {
    throw typeError("slice indices must be integers or None or have an __index__ method");
  }
  const i = index(v);
  return typeof i === "bigint" ? (i > 0n ? SSIZE_MAX : -SSIZE_MAX) : i;
}

/** ADJUST_INDICES (Objects/stringlib): start and end clamped into [0, len]. */
export function adjustIndices(start: number, end: number, len: number): [number, number] {
  if (end > len) {
    end = len;
  } else if (end < 0) {
    end += len;
    if (end < 0) {
      end = 0;
    }
  }
  if (start < 0) {
    start += len;
    if (start < 0) {
      start = 0;
    }
  }
  return [start, end];
}

/** A Py_ssize_t argument (widths, counts). */
export function ssizeArg(v: PyValue): number {
  const i = index(v);
  if (typeof i === "bigint") {
    throw overflowError("Python int too large to convert to C ssize_t");
  }
  return i;
}

/** A C int argument (tabsize, keepends). */
export function intArg(v: PyValue): number {
  const i = index(v);
  if (typeof i === "bigint" || i > 0x7fffffff || i < -0x80000000) {
    throw overflowError("Python int too large to convert to C int");
  }
  return i;
}

/** V8's longest string: past it CPython would allocate; the simulator raises MemoryError instead of crashing. */
const MAX_STRING = (1 << 29) - 24;

export function checkSize(n: number): void {
  if (n > MAX_STRING) {
    throw newException(MemoryErrorType, []);
  }
}


/** An operand a sequence's `+`/`*` should leave to the other side (a Python class defining the reflected method). */
export const defersTo = (other: PyValue, reflected: string): boolean =>
  typeof other === "object" && other.cls.heap && other.cls.lookup(reflected) !== undefined;

/** The repeat count of `seq * n`, or undefined when `n` is not an integer. */
export function repeatCount(n: PyValue): number | undefined {
  if (typeof n === "number") {
    return n;
  }
  if (typeof n === "boolean") {
    return +n;
  }
  if (typeof n !== "bigint" && (typeof n === "string" || typeOf(n).lookup("__index__") === undefined)) {
    return undefined;
  }
  const i = index(n);
  if (typeof i === "bigint") {
    throw overflowError("cannot fit 'int' into an index-sized integer");
  }
  return i;
}

// ---------------------------------------------------------------- algorithms (str, and bytes as latin-1 strings)

/** str.find / rfind: the code point index of `sub` in s[start:end], or -1. */
export function findIn(s: string, sub: string, start: number, end: number, reverse: boolean): number {
  if (start === 0 && end >= s.length && sub.length > 0) {
    // the whole string: search it directly and convert the offset only if astral text precedes it
    const u = reverse ? s.lastIndexOf(sub) : s.indexOf(sub);
    return u <= 0 || !SURROGATE.test(s.slice(0, u)) ? u : cpIndexAt(cpOffsets(s)!, u);
  }
  const o = cpOffsets(s);
  [start, end] = adjustIndices(start, end, o === null ? s.length : o.length - 1);
  if (end - start < cpLen(sub)) {
    return -1;
  }
  const us = o === null ? start : o[start];
  const ue = o === null ? end : o[end];
  const u = reverse ? s.lastIndexOf(sub, ue - sub.length) : s.indexOf(sub, us);
  if (u < us || u < 0 || u + sub.length > ue) {
    return -1;
  }
  return o === null ? u : cpIndexAt(o, u);
}

/** str.count: non-overlapping occurrences of `sub` in s[start:end]. */
export function countIn(s: string, sub: string, start: number, end: number): number {
  if (start === 0 && end >= s.length && sub.length > 0) {
    let n = 0;
    for (let u = s.indexOf(sub); u >= 0; u = s.indexOf(sub, u + sub.length)) {
      n++;
    }
    return n;
  }
  const o = cpOffsets(s);
  [start, end] = adjustIndices(start, end, o === null ? s.length : o.length - 1);
  if (end - start < cpLen(sub)) {
    return 0;
  }
  if (sub.length === 0) {
    return end - start + 1;
  }
  const ue = o === null ? end : o[end];
  let n = 0;
  for (let u = s.indexOf(sub, o === null ? start : o[start]); u >= 0 && u + sub.length <= ue; u = s.indexOf(sub, u + sub.length)) {
    n++;
  }
  return n;
}

/** startswith/endswith of one candidate (CPython's tailmatch). */
export function tailMatch(s: string, sub: string, start: number, end: number, suffix: boolean): boolean {
  if (start === 0 && end >= s.length) {
    return suffix ? s.endsWith(sub) : s.startsWith(sub);
  }
  const o = cpOffsets(s);
  [start, end] = adjustIndices(start, end, o === null ? s.length : o.length - 1);
  const subLen = cpLen(sub);
  if (end - subLen < start) {
    return false;
  }
  if (subLen === 0) {
    return true;
  }
  const us = o === null ? start : o[start];
  const ue = o === null ? end : o[end];
  return suffix
    ? ue - sub.length >= us && s.startsWith(sub, ue - sub.length)
    : us + sub.length <= ue && s.startsWith(sub, us);
}

/** split() without a separator (CPython's split_whitespace). */
export function splitWhitespace(s: string, maxsplit: number, isSpace: UnitTest): string[] {
  if (maxsplit < 0 && isSpace === isSpaceUnit) {
    return s.match(SPACE_RUNS) ?? [];
  }
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  let left = maxsplit < 0 ? Infinity : maxsplit;
  while (left-- > 0) {
    while (i < n && isSpace(s.charCodeAt(i))) {
      i++;
    }
    if (i === n) {
      break;
    }
    const j = i++;
    while (i < n && !isSpace(s.charCodeAt(i))) {
      i++;
    }
    out.push(s.slice(j, i));
  }
  if (i < n) {
    while (i < n && isSpace(s.charCodeAt(i))) {
      i++;
    }
    if (i !== n) {
      out.push(s.slice(i));
    }
  }
  return out;
}

/** rsplit() without a separator (CPython's rsplit_whitespace). */
export function rsplitWhitespace(s: string, maxsplit: number, isSpace: UnitTest): string[] {
  if (maxsplit < 0) {
    return splitWhitespace(s, maxsplit, isSpace);
  }
  const out: string[] = [];
  let i = s.length - 1;
  let left = maxsplit;
  while (left-- > 0) {
    while (i >= 0 && isSpace(s.charCodeAt(i))) {
      i--;
    }
    if (i < 0) {
      break;
    }
    const j = i--;
    while (i >= 0 && !isSpace(s.charCodeAt(i))) {
      i--;
    }
    out.push(s.slice(i + 1, j + 1));
  }
  if (i >= 0) {
    while (i >= 0 && isSpace(s.charCodeAt(i))) {
      i--;
    }
    if (i >= 0) {
      out.push(s.slice(0, i + 1));
    }
  }
  return out.reverse();
}

/** split(sep, maxsplit) with a non-empty separator. */
export function splitSep(s: string, sep: string, maxsplit: number): string[] {
  if (maxsplit < 0) {
    return s.split(sep);
  }
  const out: string[] = [];
  let i = 0;
  for (let left = maxsplit; left > 0; left--) {
    const j = s.indexOf(sep, i);
    if (j < 0) {
      break;
    }
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

/** rsplit(sep, maxsplit) with a non-empty separator. */
export function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  if (maxsplit < 0) {
    return s.split(sep);
  }
  const out: string[] = [];
  let j = s.length;
  for (let left = maxsplit; left > 0; left--) {
    const pos = j - sep.length < 0 ? -1 : s.lastIndexOf(sep, j - sep.length);
    if (pos < 0) {
      break;
    }
    out.push(s.slice(pos + sep.length, j));
    j = pos;
  }
  out.push(s.slice(0, j));
  return out.reverse();
}

/** splitlines (\r\n counts as one break). */
export function splitLines(s: string, keepends: boolean, isBreak: UnitTest): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const j = i;
    while (i < n && !isBreak(s.charCodeAt(i))) {
      i++;
    }
    let eol = i;
    if (i < n) {
      i += s.charCodeAt(i) === 13 && i + 1 < n && s.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (keepends) {
        eol = i;
      }
    }
    out.push(s.slice(j, eol));
  }
  return out;
}

/** Which ends strip() works on. A string union, not an enum: bytes.ts uses it while this module may still be loading. */
export type Strip = "left" | "right" | "both";

/** Strips the units for which `test` holds from the chosen ends. */
export function stripBy(s: string, mode: Strip, test: UnitTest): string {
  let i = 0;
  let j = s.length;
  if (mode !== "right") {
    while (i < j && test(s.charCodeAt(i))) {
      i++;
    }
  }
  if (mode !== "left") {
    while (j > i && test(s.charCodeAt(j - 1))) {
      j--;
    }
  }
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

/** strip(chars) by code point (chars may hold astral characters). */
function stripChars(s: string, chars: string, mode: Strip): string {
  if (!SURROGATE.test(chars)) {
    return stripBy(s, mode, (c) => chars.indexOf(String.fromCharCode(c)) >= 0);
  }
  const set = new Set(chars);
  const cps = Array.from(s);
  let i = 0;
  let j = cps.length;
  if (mode !== "right") {
    while (i < j && set.has(cps[i])) {
      i++;
    }
  }
  if (mode !== "left") {
    while (j > i && set.has(cps[j - 1])) {
      j--;
    }
  }
  return cps.slice(i, j).join("");
}

/** replace(old, new, count); count < 0 replaces all. An empty `old` inserts between code points. */
export function replaceIn(s: string, old: string, rep: string, count: number): string {
  if (count < 0) {
    count = Infinity;
  }
  if (count === 0) {
    return s;
  }
  if (old === "") {
    const cps = SURROGATE.test(s) ? Array.from(s) : null;
    const times = Math.min(count, (cps === null ? s.length : cps.length) + 1);
    checkSize(s.length + times * rep.length);
    let out = "";
    for (let k = 0; k < times; k++) {
      out += rep;
      if (k < times - 1) {
        out += cps === null ? s[k] : cps[k];
      }
    }
    return out + (cps === null ? s.slice(times - 1) : cps.slice(times - 1).join(""));
  }
  if (count === Infinity) {
    const parts = s.split(old);
    if (parts.length === 1) {
      return s;
    }
    checkSize(s.length + (parts.length - 1) * (rep.length - old.length));
    return parts.join(rep);
  }
  let out = "";
  let i = 0;
  for (let left = count; left > 0; left--) {
    const j = s.indexOf(old, i);
    if (j < 0) {
      break;
    }
    out += s.slice(i, j) + rep;
    checkSize(out.length);
    i = j + old.length;
  }
  return i === 0 ? s : out + s.slice(i);
}

/** Where padding goes: "left" (rjust), "right" (ljust) or both sides (center). */
export type Pad = "left" | "right" | "center";

/**
 * ljust/rjust/center: `s` (of `len` code points) padded with `fill` to `width`.
 * `"right"` pads on the right (ljust). Centering puts the odd fill character where CPython's
 * pad() does (left = marg / 2 + (marg & width & 1)).
 */
export function padTo(s: string, len: number, width: number, fill: string, where: Pad): string {
  if (width <= len) {
    return s;
  }
  const marg = width - len;
  checkSize(s.length + marg * fill.length);
  const left = where === "center" ? Math.floor(marg / 2) + (marg & width & 1) : where === "left" ? marg : 0;
  return fill.repeat(left) + s + fill.repeat(marg - left);
}

/** zfill: zeros on the left, after a leading sign. */
export function zfillTo(s: string, len: number, width: number): string {
  if (len >= width) {
    return s;
  }
  checkSize(s.length + width - len);
  const zeros = "0".repeat(width - len);
  const c = s.charAt(0);
  return c === "+" || c === "-" ? c + zeros + s.slice(1) : zeros + s;
}

/** expandtabs: columns count code points and restart after \n and \r. */
export function expandTabs(s: string, tabsize: number): string {
  if (s.indexOf("\t") < 0) {
    return s;
  }
  let out = "";
  let col = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9) {
      out += s.slice(run, i);
      run = i + 1;
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize);
        checkSize(out.length + incr);
        out += " ".repeat(incr);
        col += incr;
      }
    } else if (c === 10 || c === 13) {
      col = 0;
    } else if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800)) {
      col++;
    }
  }
  return out + s.slice(run);
}

// ---------------------------------------------------------------- indexing, iteration, concatenation

function strGetItem(s: string, k: PyValue): string {
  if (typeof k === "number") {
    const o = cpOffsets(s);
    const n = o === null ? s.length : o.length - 1;
    const i = k < 0 ? k + n : k;
    if (i < 0 || i >= n) {
      throw indexError("string index out of range");
    }
    return o === null ? s[i] : s.slice(o[i], o[i + 1]);
  }
  if (k instanceof PySlice) {
    return strSlice(s, k);
  }
  if (typeof k === "boolean" || typeof k === "bigint" || (typeof k === "object" && k.cls.lookup("__index__") !== undefined)) {
    const i = index(k);
    if (typeof i === "bigint") {
      throw indexError("cannot fit 'int' into an index-sized integer");
    }
    return strGetItem(s, i);
  }
  throw typeError(`string indices must be integers, not '${typeName(k)}'`);
}

function strSlice(s: string, sl: PySlice): string {
  const o = cpOffsets(s);
  const { start, step, count } = sliceIndices(sl, o === null ? s.length : o.length - 1);
  if (count <= 0) {
    return "";
  }
  if (step === 1) {
    return o === null ? s.slice(start, start + count) : s.slice(o[start], o[start + count]);
  }
  let out = "";
  for (let k = 0, i = start; k < count; k++, i += step) {
    out += o === null ? s[i] : s.slice(o[i], o[i + 1]);
  }
  return out;
}

/** iter(s): CPython 3.11 names the iterator of an ASCII string str_ascii_iterator. */
function strIter(s: string): PyNativeIter {
  const kind = ASCII_ONLY.test(s) ? "str_ascii_iterator" : "str_iterator";
  if (!SURROGATE.test(s)) {
    let i = 0;
    return new PyNativeIter(kind, () => (i < s.length ? s[i++] : undefined));
  }
  const cps = Array.from(s);
  let i = 0;
  return new PyNativeIter(kind, () => (i < cps.length ? cps[i++] : undefined));
}

function strRepeat(s: string, n: PyValue): PyValue {
  const count = repeatCount(n);
  if (count === undefined) {
    if (defersTo(n, "__rmul__")) {
      return NotImplemented;
    }
    throw typeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  }
  if (count <= 0 || s.length === 0) {
    return "";
  }
  checkSize(s.length * count);
  return s.repeat(count);
}

/** str.join: the fast path joins a list or tuple of str without copying it. */
function strJoin(sep: string, iterable: PyValue): string {
  let items: PyValue[];
  if ((iterable instanceof PyList || iterable instanceof PyTuple) && !iterable.cls.heap) {
    items = iterable.items;
  } else {
    if (!isIterable(iterable)) {
      throw typeError("can only join an iterable");
    }
    items = toArray(iterable);
  }
  let size = sep.length * Math.max(0, items.length - 1);
  for (let i = 0; i < items.length; i++) {
    let it = items[i];
    if (it instanceof PyBoxed && typeof it.value === "string") {
      items = items.slice(); // never write into the caller's list
      it = items[i] = it.value;
    }
    if (typeof it !== "string") {
      throw typeError(`sequence item ${i}: expected str instance, ${typeName(it)} found`);
    }
    size += it.length;
  }
  checkSize(size);
  return (items as string[]).join(sep);
}

// ---------------------------------------------------------------- format()

/** str.__format__ (CPython's _PyUnicode_FormatAdvancedWriter and format_string_internal). */
export function formatStr(s: string, spec: string): string {
  if (spec === "") {
    return s;
  }
  const f = parseSpec(spec, "str");
  if (f.type !== "s") {
    const c = f.type.codePointAt(0)!;
    throw valueError(
      `Unknown format code '${c > 32 && c < 128 ? f.type : "\\x" + c.toString(16)}' for object of type 'str'`,
    );
  }
  if (f.sign !== "") {
    throw valueError(
      f.sign === " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier",
    );
  }
  if (f.noNegZero) {
    throw valueError("Negative zero coercion (z) not allowed in string format specifier");
  }
  if (f.alternate) {
    throw valueError("Alternate form (#) not allowed in string format specifier");
  }
  if (f.align === "=") {
    throw valueError("'=' alignment not allowed in string format specifier");
  }
  let len = cpLen(s);
  let body = s;
  if (f.precision !== null && len > f.precision) {
    body = cpPrefix(s, f.precision);
    len = f.precision;
  }
  if (f.width === null || f.width <= len) {
    return body;
  }
  const marg = f.width - len;
  checkSize(body.length + marg * f.fill.length);
  const left = f.align === "^" ? Math.floor(marg / 2) : f.align === ">" ? marg : 0;
  return f.fill.repeat(left) + body + f.fill.repeat(marg - left);
}

// ---------------------------------------------------------------- str()

const STR_PARAMS = ["object", "encoding", "errors"];

/** str.__new__(cls, object='', encoding='utf-8', errors='strict'). */
function strNew(args: PyValue[], kwargs: KwArgs | null): PyValue {
  const cls = args[0];
  if (!(cls instanceof PyType)) {
    throw typeError(`str.__new__(X): X is not a type object (${typeName(cls)})`);
  }
  if (!cls.isSubtypeOf(StrType)) {
    throw typeError(`str.__new__(${cls.name}): ${cls.name} is not a subtype of str`);
  }
  if (args.length - 1 > 3) {
    throw typeError(`str() takes at most 3 arguments (${args.length - 1} given)`);
  }
  const [obj, encoding, errors] = clinicArgs("str", args, kwargs, STR_PARAMS);
  if (obj === undefined) {
    return "";
  }
  if (encoding === undefined && errors === undefined) {
    return toStr(obj);
  }
  for (const [name, v] of [["encoding", encoding], ["errors", errors]] as const) {
    if (v !== undefined && typeof v !== "string") {
      throw typeError(`str() argument '${name}' must be str, not ${typeName(v)}`);
    }
  }
  if (obj instanceof PyBytes || obj instanceof PyByteArray) {
    return decodeBytes(obj.bytes, (encoding as string | undefined) ?? "utf-8", (errors as string | undefined) ?? "strict");
  }
  if (typeof obj === "string") {
    throw typeError("decoding str is not supported");
  }
  throw typeError(`decoding to str: need a bytes-like object, ${typeName(obj)} found`);
}

// ---------------------------------------------------------------- methods

/** The `sub` argument of find/count/...: "must be str, not int". */
function strArg(v: PyValue): string {
  if (typeof v !== "string") {
    throw typeError(`must be str, not ${typeName(v)}`);
  }
  return v;
}

function fillArg(v: PyValue | undefined): string {
  if (v === undefined) {
    return " ";
  }
  if (typeof v !== "string") {
    throw typeError(`The fill character must be a unicode character, not ${typeName(v)}`);
  }
  if (cpLen(v) !== 1) {
    throw typeError("The fill character must be exactly one character long");
  }
  return v;
}

function findMethod(name: string, reverse: boolean, raise: boolean) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    varArgs("str", name, args.length - 1, kwargs, 1, 3);
    const start = sliceArg(args[2], 0);
    const end = sliceArg(args[3], SSIZE_MAX);
    const i = findIn(s, strArg(args[1]), start, end, reverse);
    if (i < 0 && raise) {
      throw valueError("substring not found");
    }
    return i;
  };
}

function tailMethod(name: string, suffix: boolean) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    varArgs("str", name, args.length - 1, kwargs, 1, 3);
    const start = sliceArg(args[2], 0);
    const end = sliceArg(args[3], SSIZE_MAX);
    const what = args[1];
    if (typeof what === "string") {
      return tailMatch(s, what, start, end, suffix);
    }
    if (what instanceof PyTuple) {
      for (const x of what.items) {
        if (typeof x !== "string") {
          throw typeError(`tuple for ${name} must only contain str, not ${typeName(x)}`);
        }
        if (tailMatch(s, x, start, end, suffix)) {
          return true;
        }
      }
      return false;
    }
    throw typeError(`${name} first arg must be str or a tuple of str, not ${typeName(what)}`);
  };
}

function stripMethod(name: string, mode: Strip) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    posOnly("str", name, args.length - 1, kwargs, 0, 1);
    const chars = args[1];
    if (chars === undefined || chars === None) {
      return stripBy(s, mode, isSpaceUnit);
    }
    if (typeof chars !== "string") {
      throw typeError(`${name} arg must be None or str`);
    }
    return stripChars(s, chars, mode);
  };
}

function padMethod(name: string, where: Pad) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    posOnly("str", name, args.length - 1, kwargs, 1, 2);
    const width = ssizeArg(args[1]);
    return padTo(s, cpLen(s), width, fillArg(args[2]), where);
  };
}

function splitMethod(name: string, right: boolean) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    const [sep, max] = clinicArgs(name, args, kwargs, ["sep", "maxsplit"]);
    const maxsplit = max === undefined ? -1 : ssizeArg(max);
    if (sep === undefined || sep === None) {
      return new PyList(right ? rsplitWhitespace(s, maxsplit, isSpaceUnit) : splitWhitespace(s, maxsplit, isSpaceUnit));
    }
    if (typeof sep !== "string") {
      throw typeError(`must be str or None, not ${typeName(sep)}`);
    }
    if (sep === "") {
      throw valueError("empty separator");
    }
    return new PyList(right ? rsplitSep(s, sep, maxsplit) : splitSep(s, sep, maxsplit));
  };
}

function partitionMethod(name: string, right: boolean) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    oneArg("str", name, args.length - 1, kwargs);
    const sep = strArg(args[1]);
    if (sep === "") {
      throw valueError("empty separator");
    }
    const i = right ? s.lastIndexOf(sep) : s.indexOf(sep);
    if (i < 0) {
      return right ? newTuple(["", "", s]) : newTuple([s, "", ""]);
    }
    return newTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
  };
}

/** A predicate method (isdigit, isalpha, ...). */
function isMethod(name: string, test: (s: string) => boolean) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    noArgs("str", name, args.length - 1, kwargs);
    return test(s);
  };
}

/** A method of no arguments returning a new str. */
function mapMethod(name: string, f: (s: string) => string) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    noArgs("str", name, args.length - 1, kwargs);
    return f(s);
  };
}

function prefixMethod(name: string, suffix: boolean) {
  return (args: PyValue[], kwargs: KwArgs | null): PyValue => {
    const s = strSelf(args[0], name);
    oneArg("str", name, args.length - 1, kwargs);
    const p = args[1];
    if (typeof p !== "string") {
      throw typeError(`${name}() argument must be str, not ${typeName(p)}`);
    }
    if (p === "") {
      return s;
    }
    if (suffix) {
      return s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
    }
    return s.startsWith(p) ? s.slice(p.length) : s;
  };
}

function compareMethod(op: CompareKind) {
  return (args: PyValue[]): PyValue => {
    const s = strSelf(args[0], `__${op}__`);
    const o = args[1];
    return typeof o === "string" ? compareResult(strCompare(s, o), op) : NotImplemented;
  };
}

/** A dunder's single operand, or CPython's wrapper error. */
function operand(args: PyValue[]): PyValue {
  if (args.length !== 2) {
    throw typeError(`expected 1 argument, got ${args.length - 1}`);
  }
  return args[1];
}

/** str.translate's lookup of one code point: the replacement text, or null to delete it. */
function translateChar(table: PyValue, fast: PyDict | null, c: number, ch: string): string | null {
  let v: PyValue | undefined;
  if (fast !== null) {
    v = fast.get(c);
  } else {
    try {
      v = getItem(table, c);
    } catch (e) {
      if (!(e instanceof PyBaseException && isInstance(e, LookupErrorType))) {
        throw e;
      }
    }
  }
  if (v === undefined) {
    return ch;
  }
  if (v === None) {
    return null;
  }
  if (typeof v === "string") {
    return v;
  }
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") {
    const n = typeof v === "boolean" ? +v : v;
    if (n < 0 || n > 0x10ffff) {
      throw valueError("character mapping must be in range(0x110000)");
    }
    return String.fromCodePoint(Number(n));
  }
  throw typeError("character mapping must return integer, None or str");
}

function translate(s: string, table: PyValue): string {
  const fast = table instanceof PyDict && !table.cls.heap ? table : null;
  const memo = new Map<number, string | null>();
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    let r = memo.get(c);
    if (r === undefined) {
      r = translateChar(table, fast, c, ch);
      memo.set(c, r);
    }
    if (r !== null) {
      out += r;
    }
  }
  return out;
}

/** str.maketrans(x[, y[, z]]) (a static method). */
function maketrans(args: PyValue[], kwargs: KwArgs | null): PyValue {
  posOnly("str", "maketrans", args.length, kwargs, 1, 3);
  const [x, y, z] = args;
  for (const [i, v] of [[2, y], [3, z]] as const) {
    if (v !== undefined && typeof v !== "string") {
      throw typeError(`maketrans() argument ${i} must be str, not ${typeName(v)}`);
    }
  }
  const d = new PyDict();
  if (y === undefined) {
    if (!(x instanceof PyDict)) {
      throw typeError("if you give only one argument to maketrans it must be a dict");
    }
    for (const [k, v] of x.entries()) {
      if (typeof k === "string") {
        if (cpLen(k) !== 1) {
          throw valueError("string keys in translate table must be of length 1");
        }
        d.set(k.codePointAt(0)!, v);
      } else if (typeof k === "number" || typeof k === "bigint" || typeof k === "boolean") {
        d.set(k, v);
      } else {
        throw typeError("keys in translate table must be strings or integers");
      }
    }
    return d;
  }
  if (typeof x !== "string") {
    throw typeError("first maketrans argument must be a string if there is a second argument");
  }
  const from = Array.from(x);
  const to = Array.from(y as string);
  if (from.length !== to.length) {
    throw valueError("the first two maketrans arguments must have equal length");
  }
  for (let i = 0; i < from.length; i++) {
    d.set(from[i].codePointAt(0)!, to[i].codePointAt(0)!);
  }
  if (z !== undefined) {
    for (const ch of z as string) {
      d.set(ch.codePointAt(0)!, None);
    }
  }
  return d;
}

defMethods(StrType, {
  __new__: subclassing(StrType, strNew),
  __len__: (args) => cpLen(strSelf(args[0], "__len__")),
  __getitem__: (args) => strGetItem(strSelf(args[0], "__getitem__"), operand(args)),
  __iter__: (args) => strIter(strSelf(args[0], "__iter__")),
  __contains__: (args) => {
    const s = strSelf(args[0], "__contains__");
    const k = operand(args);
    if (typeof k !== "string") {
      throw typeError(`'in <string>' requires string as left operand, not ${typeName(k)}`);
    }
    return s.includes(k);
  },
  __add__: (args) => {
    const s = strSelf(args[0], "__add__");
    const o = operand(args);
    if (typeof o === "string") {
      checkSize(s.length + o.length);
      return s + o;
    }
    if (defersTo(o, "__radd__")) {
      return NotImplemented;
    }
    throw typeError(`can only concatenate str (not "${typeName(o)}") to str`);
  },
  __mul__: (args) => strRepeat(strSelf(args[0], "__mul__"), operand(args)),
  __rmul__: (args) => strRepeat(strSelf(args[0], "__rmul__"), operand(args)),
  __mod__: (args) => percentFormat(strSelf(args[0], "__mod__"), operand(args)),
  __rmod__: (args) => {
    strSelf(args[0], "__rmod__");
    operand(args);
    return NotImplemented; // CPython's unicode_mod formats only when the left operand is a str
  },
  __eq__: (args) => {
    const s = strSelf(args[0], "__eq__");
    const o = operand(args);
    return typeof o === "string" ? s === o : NotImplemented;
  },
  __ne__: (args) => {
    const s = strSelf(args[0], "__ne__");
    const o = operand(args);
    return typeof o === "string" ? s !== o : NotImplemented;
  },
  __lt__: compareMethod("lt"),
  __le__: compareMethod("le"),
  __gt__: compareMethod("gt"),
  __ge__: compareMethod("ge"),
  __hash__: (args) => hash(strSelf(args[0], "__hash__")),
  __repr__: (args) => strRepr(strSelf(args[0], "__repr__")),
  __str__: (args) => strSelf(args[0], "__str__"),
  __format__: (args) => {
    const s = strSelf(args[0], "__format__");
    const spec = operand(args);
    if (typeof spec !== "string") {
      throw typeError(`__format__() argument must be str, not ${typeName(spec)}`);
    }
    return formatStr(s, spec);
  },

  capitalize: mapMethod("capitalize", capitalize),
  casefold: mapMethod("casefold", casefold),
  lower: mapMethod("lower", strLower),
  upper: mapMethod("upper", strUpper),
  swapcase: mapMethod("swapcase", swapcase),
  title: mapMethod("title", title),

  isascii: isMethod("isascii", (s) => ASCII_ONLY.test(s)),
  isalpha: isMethod("isalpha", (s) => ALPHA_RE.test(s)),
  isalnum: isMethod("isalnum", (s) => ALNUM_RE.test(s)),
  isdecimal: isMethod("isdecimal", (s) => DECIMAL_RE.test(s)),
  isdigit: isMethod("isdigit", (s) => DIGIT_RE.test(s)),
  isnumeric: isMethod("isnumeric", (s) => NUMERIC_RE.test(s)),
  isspace: isMethod("isspace", (s) => SPACE_RE.test(s)),
  isprintable: isMethod("isprintable", (s) => !NONPRINTABLE_RE.test(s)),
  isidentifier: isMethod("isidentifier", (s) => IDENTIFIER_RE.test(s)),
  islower: isMethod("islower", (s) => HAS_LOWER.test(s) && !HAS_UPPER_OR_TITLE.test(s)),
  isupper: isMethod("isupper", (s) => HAS_UPPER.test(s) && !HAS_LOWER_OR_TITLE.test(s)),
  istitle: isMethod("istitle", istitle),

  find: findMethod("find", false, false),
  rfind: findMethod("rfind", true, false),
  index: findMethod("index", false, true),
  rindex: findMethod("rindex", true, true),
  count: (args, kwargs) => {
    const s = strSelf(args[0], "count");
    varArgs("str", "count", args.length - 1, kwargs, 1, 3);
    const start = sliceArg(args[2], 0);
    const end = sliceArg(args[3], SSIZE_MAX);
    return countIn(s, strArg(args[1]), start, end);
  },
  startswith: tailMethod("startswith", false),
  endswith: tailMethod("endswith", true),

  split: splitMethod("split", false),
  rsplit: splitMethod("rsplit", true),
  splitlines: (args, kwargs) => {
    const s = strSelf(args[0], "splitlines");
    const [keep] = clinicArgs("splitlines", args, kwargs, ["keepends"]);
    return new PyList(splitLines(s, keep !== undefined && intArg(keep) !== 0, isLineBreakUnit));
  },
  partition: partitionMethod("partition", false),
  rpartition: partitionMethod("rpartition", true),
  join: (args, kwargs) => {
    const s = strSelf(args[0], "join");
    oneArg("str", "join", args.length - 1, kwargs);
    return strJoin(s, args[1]);
  },

  strip: stripMethod("strip", "both"),
  lstrip: stripMethod("lstrip", "left"),
  rstrip: stripMethod("rstrip", "right"),
  removeprefix: prefixMethod("removeprefix", false),
  removesuffix: prefixMethod("removesuffix", true),

  replace: (args, kwargs) => {
    const s = strSelf(args[0], "replace");
    posOnly("str", "replace", args.length - 1, kwargs, 2, 3);
    const [, old, rep, count] = args;
    for (const [i, v] of [[1, old], [2, rep]] as const) {
      if (typeof v !== "string") {
        throw typeError(`replace() argument ${i} must be str, not ${typeName(v)}`);
      }
    }
    return replaceIn(s, old as string, rep as string, count === undefined ? -1 : ssizeArg(count));
  },
  center: padMethod("center", "center"),
  ljust: padMethod("ljust", "right"),
  rjust: padMethod("rjust", "left"),
  zfill: (args, kwargs) => {
    const s = strSelf(args[0], "zfill");
    oneArg("str", "zfill", args.length - 1, kwargs);
    return zfillTo(s, cpLen(s), ssizeArg(args[1]));
  },
  expandtabs: (args, kwargs) => {
    const s = strSelf(args[0], "expandtabs");
    const [tab] = clinicArgs("expandtabs", args, kwargs, ["tabsize"]);
    return expandTabs(s, tab === undefined ? 8 : intArg(tab));
  },

  encode: (args, kwargs) => {
    const s = strSelf(args[0], "encode");
    const [enc, err] = clinicArgs("encode", args, kwargs, ["encoding", "errors"]);
    for (const [name, v] of [["encoding", enc], ["errors", err]] as const) {
      if (v !== undefined && typeof v !== "string") {
        throw typeError(`encode() argument '${name}' must be str, not ${typeName(v)}`);
      }
    }
    return new PyBytes(encodeStr(s, (enc as string | undefined) ?? "utf-8", (err as string | undefined) ?? "strict"));
  },
  format: (args, kwargs) => strFormat(strSelf(args[0], "format"), args.slice(1), kwargs),
  format_map: (args, kwargs) => {
    const s = strSelf(args[0], "format_map");
    oneArg("str", "format_map", args.length - 1, kwargs);
    return formatMap(s, args[1]);
  },
  translate: (args, kwargs) => {
    const s = strSelf(args[0], "translate");
    oneArg("str", "translate", args.length - 1, kwargs);
    return translate(s, args[1]);
  },
});

StrType.dict!.setStr("maketrans", new PyStaticMethod(new PyBuiltin("maketrans", maketrans)));

// Instances of subclasses of str carry their value in a PyBoxed; str's methods see the value.
StrType.unboxes = true;
StrType.solid = StrType;
