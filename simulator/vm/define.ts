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
