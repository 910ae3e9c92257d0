/**
 * The `bisect` module (CPython 3.11's Modules/_bisectmodule.c, the C version that replaces
 * Lib/bisect.py): bisect_left / bisect_right / insort_left / insort_right with lo, hi and
 * key=, comparing with `<` only, as list.sort and heapq do.
 */
import { builtin } from "../../vm/define";
import { typeError, valueError } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import { ListType, None, PyList, type KwArgs, type NativeFn, type PyValue } from "../../vm/objects";
import { callMethod, callPy, getItem, len, lt, smallIndex } from "../../vm/protocol";

/**
 * Binds arguments the way Argument Clinic does for C functions (_PyArg_UnpackKeywords):
 * `positional` may be passed either way, `kwOnly` only by keyword, the first `required`
 * positional ones must be given. Its messages: "f() takes at most 5 arguments (6 given)",
 * "f() takes at most 4 positional arguments (5 given)", "'foo' is an invalid keyword argument
 * for f()", "argument for f() given by name ('x') and position (2)", "f() missing required
 * argument 'x' (pos 2)". Returns the values in declaration order, undefined where not given.
 * (Shared by the C-implemented modules of this folder.)
 */
export function clinicArgs(
  name: string,
  args: PyValue[],
  kwargs: KwArgs | null,
  positional: string[],
  required: number,
  kwOnly: string[] = [],
): (PyValue | undefined)[] {
  const names = [...positional, ...kwOnly];
  const nkw = kwargs ? kwargs.size : 0;
  const maxargs = names.length;
  const plural = (n: number): string => (n === 1 ? "" : "s");
  if (args.length + nkw > maxargs) {
    throw typeError(
      `${name}() takes at most ${maxargs} ${args.length === 0 ? "keyword " : ""}argument${plural(maxargs)} (${args.length + nkw} given)`,
    );
  }
  const maxpos = positional.length;
  if (args.length > maxpos) {
    throw typeError(
      maxpos === 0
        ? `${name}() takes no positional arguments`
        : `${name}() takes ${required < maxpos ? "at most" : "exactly"} ${maxpos} positional argument${plural(maxpos)} (${args.length} given)`,
    );
  }
  const out: (PyValue | undefined)[] = names.map((_, i) => args[i]);
  if (kwargs) {
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
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      throw typeError(`${name}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  return out;
}

/** `a[i]` with the plain-list fast path (PySequence_GetItem). */
const itemAt = (a: PyValue, i: number): PyValue =>
  a instanceof PyList && a.cls === ListType && i < a.items.length ? a.items[i] : getItem(a, i);

interface Search {
  a: PyValue;
  x: PyValue;
  lo: number;
  hi: number;
  key: PyValue;
}

/** The shared argument parsing of the four functions: lo must be >= 0; hi None (or -1) means len(a). */
function parse(name: string, args: PyValue[], kwargs: KwArgs | null): Search {
  const [a, x, loV, hiV, key] = clinicArgs(name, args, kwargs, ["a", "x", "lo", "hi"], 2, ["key"]);
  const lo = loV === undefined ? 0 : smallIndex(loV);
  let hi = hiV === undefined || hiV === None ? -1 : smallIndex(hiV);
  if (lo < 0) {
    throw valueError("lo must be non-negative");
  }
  if (hi === -1) {
    hi = len(a!);
  }
  return { a: a!, x: x!, lo, hi, key: key ?? None };
}

/** internal_bisect_right: the insertion point after any items equal to x. */
function bisectRight({ a, x, lo, hi, key }: Search): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let item = itemAt(a, mid);
    if (key !== None) {
      item = callPy(key, [item]);
    }
    if (lt(x, item)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

/** internal_bisect_left: the insertion point before any items equal to x. */
function bisectLeft({ a, x, lo, hi, key }: Search): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let item = itemAt(a, mid);
    if (key !== None) {
      item = callPy(key, [item]);
    }
    if (lt(item, x)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** insort: bisects on key(x) when a key is given, then inserts x itself (list.insert, or the object's insert()). */
function insort(name: string, search: (s: Search) => number): NativeFn {
  return (args, kwargs) => {
    const s = parse(name, args, kwargs);
    const item = s.x;
    if (s.key !== None) {
      s.x = callPy(s.key, [item]);
    }
    const i = search(s);
    if (s.a instanceof PyList && s.a.cls === ListType) {
      s.a.items.splice(i, 0, item);
    } else {
      callMethod(s.a, "insert", [i, item]);
    }
    return None;
  };
}

registerModule("bisect", (m) => {
  const d = m.dict!;
  const right = builtin("bisect_right", (args, kwargs) => bisectRight(parse("bisect_right", args, kwargs)));
  const left = builtin("bisect_left", (args, kwargs) => bisectLeft(parse("bisect_left", args, kwargs)));
  const insortRight = builtin("insort_right", insort("insort_right", bisectRight));
  const insortLeft = builtin("insort_left", insort("insort_left", bisectLeft));
  d.setStr("bisect_right", right);
  d.setStr("bisect_left", left);
  d.setStr("insort_right", insortRight);
  d.setStr("insort_left", insortLeft);
  d.setStr("bisect", right);
  d.setStr("insort", insortRight);
});
