/**
 * Code objects: what the compiler hands the VM. One per module, class body, function, lambda
 * and comprehension, as in CPython.
 *
 * Instructions are pairs of 32-bit words `[op, arg]` in one Int32Array, so the VM's hot loop
 * reads two array slots per step and never allocates; `pc` counts instructions, not words
 * (instruction i is `code[2 * i]`, its argument `code[2 * i + 1]`), and jump targets are
 * instruction indices. Positions are kept apart in a parallel array (four words per
 * instruction) because they are read only for tracebacks, findings and the timeline.
 */
import type { ConstantValue, Span } from "./ast";

/** CPython's co_flags bits, for the ones the VM reads. */
export const enum CodeFlag {
  /** The function takes `*args`: the tuple is the local after the keyword-only ones. */
  VarArgs = 0x04,
  /** The function takes `**kwargs`: the dict is the local after `*args` (or after the keyword-only ones). */
  VarKeywords = 0x08,
  /** Calling the function returns a generator instead of running it. */
  Generator = 0x20,
  /** `async def`: calling it returns a coroutine. */
  Coroutine = 0x80,
  /** `async def` with `yield`: an async generator. */
  AsyncGenerator = 0x200,
}

/**
 * A constant in a code object. Tuples of constants (keyword-name tuples for CALL_KW, import
 * from-lists, folded tuples) are `{ tuple: [...] }`; nested code objects are referenced
 * directly. The VM turns these into Python values once per code object.
 */
export type Const = ConstantValue | CodeObject | { tuple: Const[] };

export interface CodeObject {
  kind: "code";
  /** `<module>`, the function name, `<lambda>`, `<listcomp>`, `<genexpr>`, the class name. */
  name: string;
  /** `Outer.method.<locals>.inner`, as CPython's __qualname__. */
  qualname: string;
  filename: string;
  /** Line of the `def`/`class` (of the first decorator, as CPython does) or 1 for a module. */
  firstLine: number;
  /** Positional parameters, including positional-only ones. */
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  /** CodeFlag bits. */
  flags: number;
  /**
   * Local variable names, CPython's order: positional parameters, keyword-only parameters,
   * then `*args`, then `**kwargs`, then the other locals. Indexed by LOAD_FAST and friends.
   */
  varnames: string[];
  /** Locals captured by inner scopes (stored in cells). */
  cellvars: string[];
  /** Variables of enclosing scopes used here. DEREF index i < cellvars.length is a cellvar, else freevars[i - cellvars.length]. */
  freevars: string[];
  /** For each cellvar that is a parameter, its index in varnames, else -1 (the VM moves the argument into the cell on entry). */
  cell2arg: number[];
  /** Names used by *_NAME, *_GLOBAL, *_ATTR, LOAD_METHOD and IMPORT_* instructions. */
  names: string[];
  consts: Const[];
  /** `[op, arg]` pairs; see Op. */
  code: Int32Array;
  /** Four words per instruction: line, col, endLine, endCol of the source that instruction runs. */
  positions: Int32Array;
  /** The docstring (a function's or class's first statement, when it is a string literal), else null. */
  doc: string | null;
  /** The span of the whole definition (for a module: the whole file). */
  span: Span;
  /** Set by the VM on first call: the positional count a call can bind straight from the stack, or -1. */
  fastArgc?: number;
}

/** Result of compiling a module: a code object, or a compile-time error CPython would also raise at compile time. */
export type CompileResult =
  | { ok: true; code: CodeObject }
  | { ok: false; error: { type: "SyntaxError"; message: string } & Span }
  | { ok: false; unsupported: { what: string } & Span };
