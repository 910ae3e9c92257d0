/**
 * Helpers for defining builtin types, methods and modules in TypeScript, with CPython's
 * argument-count error messages.
 */
import { typeError } from "./errors";
import { PyBuiltin, PyGetSet, type KwArgs, type NativeFn, type PyType, type PyValue } from "./objects";

/** Adds a native method (or dunder) to a builtin type's dict. `self` arrives as args[0]. */
export function defMethod(t: PyType, name: string, fn: NativeFn): void {
  t.dict!.setStr(name, new PyBuiltin(name, fn, t));
}

/** Adds several native methods at once. */
export function defMethods(t: PyType, methods: Record<string, NativeFn>): void {
  for (const [name, fn] of Object.entries(methods)) {
    defMethod(t, name, fn);
  }
}

/** Adds a computed attribute (`__name__`, `real`, `args`, ...). */
export function defGetSet(
  t: PyType,
  name: string,
  get: (self: PyValue) => PyValue,
  set: ((self: PyValue, v: PyValue | undefined) => void) | null = null,
): void {
  t.dict!.setStr(name, new PyGetSet(name, get, set));
}

/** A free-standing native function (builtins, module functions). */
export const builtin = (name: string, fn: NativeFn): PyBuiltin => new PyBuiltin(name, fn);

/**
 * Checks a native call's positional count, CPython style:
 * "len() takes exactly one argument (2 given)", "pop expected at most 1 argument, got 2", ...
 * `n` counts the arguments the Python caller passed (for methods: without self).
 */
export function arity(name: string, n: number, min: number, max: number = min): void {
  if (n >= min && n <= max) {
    return;
  }
  if (min === max) {
    if (min === 0) {
      throw typeError(`${name}() takes no arguments (${n} given)`);
    }
    if (min === 1) {
      throw typeError(`${name}() takes exactly one argument (${n} given)`);
    }
    throw typeError(`${name} expected ${min} arguments, got ${n}`);
  }
  if (n < min) {
    throw typeError(`${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${n}`);
  }
  throw typeError(`${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${n}`);
}

/** Rejects keyword arguments for natives that take none: "append() takes no keyword arguments". */
export function noKwargs(name: string, kwargs: KwArgs | null): void {
  if (kwargs !== null && kwargs.size > 0) {
    throw typeError(`${name}() takes no keyword arguments`);
  }
}

/**
 * Binds a native's arguments by name, for natives with keyword parameters:
 * `const [sep, end] = bindArgs("print", args, kwargs, ["sep", "end"], 0)` style helpers
 * are built on it. Returns the values in `names` order (undefined when not given).
 * Raises "f() got an unexpected keyword argument 'x'" and "f() got multiple values for argument 'x'".
 */
export function kwParams(
  name: string,
  args: PyValue[],
  kwargs: KwArgs | null,
  names: string[],
  maxPositional: number = names.length,
): (PyValue | undefined)[] {
  if (args.length > maxPositional) {
    throw typeError(
      `${name}() takes at most ${maxPositional} positional argument${maxPositional === 1 ? "" : "s"} (${args.length} given)`,
    );
  }
  const out: (PyValue | undefined)[] = names.map((_, i) => args[i]);
  if (kwargs) {
    for (const [k, v] of kwargs) {
      const i = names.indexOf(k);
      if (i < 0) {
        throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
      }
      if (out[i] !== undefined) {
        throw typeError(`${name}() got multiple values for argument '${k}'`);
      }
      out[i] = v;
    }
  }
  return out;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "'a'", "'a' and 'b'", "'a', 'b', and 'c'", as CPython lists missing arguments. */
export function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length <= 2) {
    return q.join(" and ");
  }
  return `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
}

/** A parameter of a function CPython writes in Python (or generates): required unless it has a default. */
export interface PyParam {
  name: string;
  def?: PyValue;
  kwOnly?: boolean;
}

/**
 * Binds arguments the way a function written in Python binds them (for what CPython writes in
 * Python: Lib/random.py, Lib/heapq.py, namedtuple's __new__, a dataclass's __init__), with
 * Python/ceval.c's messages: "Random.randint() missing 1 required positional argument: 'b'",
 * "f() takes from 1 to 2 positional arguments but 3 were given", "f() got an unexpected
 * keyword argument 'x'". `selfCount` is 1 for methods: `args` excludes self, but the counts
 * include it. Values come back in `params` order.
 */
export function pythonArgs(qualname: string, args: PyValue[], kwargs: KwArgs | null, params: PyParam[], selfCount = 0): PyValue[] {
  const positional = params.filter((p) => !p.kwOnly);
  const out: (PyValue | undefined)[] = params.map(() => undefined);
  const posIndex = params.map((p, i) => (p.kwOnly ? -1 : i)).filter((i) => i >= 0);
  if (args.length > positional.length) {
    const defaults = positional.filter((p) => p.def !== undefined).length;
    const n = positional.length + selfCount;
    const takes = defaults > 0 ? `from ${n - defaults} to ${n} positional arguments` : plural(n, "positional argument");
    let kwGiven = 0;
    for (const k of kwargs?.keys() ?? []) {
      if (params.some((p) => p.kwOnly && p.name === k)) {
        kwGiven++;
      }
    }
    const given = args.length + selfCount;
    const was = kwGiven
      ? `${plural(given, "positional argument")} (and ${plural(kwGiven, "keyword-only argument")}) were given`
      : `${given} ${given === 1 ? "was" : "were"} given`;
    throw typeError(`${qualname}() takes ${takes} but ${was}`);
  }
  args.forEach((a, i) => {
    out[posIndex[i]] = a;
  });
  for (const [k, v] of kwargs ?? []) {
    const i = params.findIndex((p) => p.name === k);
    if (i < 0) {
      throw typeError(`${qualname}() got an unexpected keyword argument '${k}'`);
    }
    if (out[i] !== undefined) {
      throw typeError(`${qualname}() got multiple values for argument '${k}'`);
    }
    out[i] = v;
  }
  for (const kwOnly of [false, true]) {
    const missing: string[] = [];
    params.forEach((p, i) => {
      if (!!p.kwOnly === kwOnly && out[i] === undefined) {
        if (p.def !== undefined) {
          out[i] = p.def;
        } else {
          missing.push(p.name);
        }
      }
    });
    if (missing.length) {
      const what = kwOnly ? "required keyword-only argument" : "required positional argument";
      throw typeError(`${qualname}() missing ${plural(missing.length, what)}: ${nameList(missing)}`);
    }
  }
  return out as PyValue[];
}
