/**
 * The instruction stream of one code object while it is being compiled: instructions and
 * their source spans in growable number arrays, jump labels resolved at the end, and the
 * constant, name and local-variable tables with CPython's de-duplication.
 *
 * Code that cannot run (after a return, raise, re-raise or unconditional jump, up to the next
 * label something jumps to) is not emitted, as CPython's flow-graph pass removes it; the
 * compiler still walks it, so compile-time errors in dead code are still reported.
 */
import type { Span } from "./ast";
import type { Const } from "./code";
import { Op } from "./opcodes";

/** A jump target; bound to an instruction index once, referenced by any number of jumps. */
export type Label = number & { readonly brand: unique symbol };

/** The instructions after which control never falls through. */
const TERMINATORS: ReadonlySet<Op> = new Set([Op.JUMP, Op.RETURN_VALUE, Op.RAISE_VARARGS, Op.RERAISE]);

/** The jumps CPython threads through an unconditional JUMP. */
const THREADED: ReadonlySet<Op> = new Set([
  Op.JUMP,
  Op.POP_JUMP_IF_FALSE,
  Op.POP_JUMP_IF_TRUE,
  Op.JUMP_IF_FALSE_OR_POP,
  Op.JUMP_IF_TRUE_OR_POP,
]);

/** Instructions whose argument is a jump target. */
export const JUMP_OPS: ReadonlySet<Op> = new Set([
  Op.JUMP,
  Op.POP_JUMP_IF_FALSE,
  Op.POP_JUMP_IF_TRUE,
  Op.JUMP_IF_FALSE_OR_POP,
  Op.JUMP_IF_TRUE_OR_POP,
  Op.FOR_ITER,
  Op.SETUP_HANDLER,
  Op.SETUP_WITH,
  Op.JUMP_IF_NOT_EXC_MATCH,
  Op.SEND,
]);

export class CodeBuilder {
  /** `[op, arg]` pairs; a jump's arg is a label until `finish`. */
  private readonly words: number[] = [];
  /** line, col, endLine, endCol per instruction. */
  private readonly spans: number[] = [];
  /** Label → instruction index (-1 until bound). */
  private readonly targets: number[] = [];
  /** Label → number of emitted jumps to it. */
  private readonly refs: number[] = [];
  private reachable = true;
  /** A statement that emits nothing (`pass`) still gives later artificial instructions its line. */
  private noted: Span | null = null;

  readonly consts: Const[] = [];
  private readonly constIndex = new Map<string, number>();
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  readonly varnames: string[] = [];
  private readonly varIndex = new Map<string, number>();

  constructor(params: readonly string[]) {
    for (const p of params) {
      this.addVarname(p);
    }
  }

  /** Number of instructions emitted so far. */
  get length(): number {
    return this.words.length >> 1;
  }

  /** False after an unconditional transfer until a referenced label is bound. */
  get isReachable(): boolean {
    return this.reachable;
  }

  emit(op: Op, arg: number, at: Span): void {
    if (!this.reachable) {
      return;
    }
    this.noted = null;
    this.words.push(op, arg);
    this.spans.push(at.line, at.col, at.endLine, at.endCol);
    if (TERMINATORS.has(op)) {
      this.reachable = false;
    }
  }

  emitJump(op: Op, target: Label, at: Span): void {
    if (!this.reachable) {
      return;
    }
    this.refs[target]++;
    this.emit(op, target, at);
  }

  newLabel(): Label {
    this.targets.push(-1);
    this.refs.push(0);
    return (this.targets.length - 1) as Label;
  }

  /** Places the label before the next instruction. */
  bind(label: Label): void {
    if (this.targets[label] !== -1) {
      throw new Error("label bound twice");
    }
    this.targets[label] = this.length;
    if (this.refs[label] > 0) {
      this.reachable = true;
    }
  }

  /** Records the span of a statement that emits no instruction, as CPython's NOP for `pass` would. */
  noteSpan(at: Span): void {
    if (this.reachable) {
      this.noted = at;
    }
  }

  /** The span of the last instruction emitted (what CPython gives artificial instructions). */
  lastSpan(): Span | null {
    if (this.noted !== null) {
      return this.noted;
    }
    const n = this.spans.length;
    if (n === 0) {
      return null;
    }
    return { line: this.spans[n - 4], col: this.spans[n - 3], endLine: this.spans[n - 2], endCol: this.spans[n - 1] };
  }

  /** Index of a constant, shared with an equal one of the same type (1, 1.0 and True stay apart). */
  addConst(value: Const): number {
    const key = constKey(value);
    let i = this.constIndex.get(key);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(value);
      this.constIndex.set(key, i);
    }
    return i;
  }

  addName(name: string): number {
    let i = this.nameIndex.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, i);
    }
    return i;
  }

  addVarname(name: string): number {
    let i = this.varIndex.get(name);
    if (i === undefined) {
      i = this.varnames.length;
      this.varnames.push(name);
      this.varIndex.set(name, i);
    }
    return i;
  }

  /**
   * The instruction and position arrays, jumps resolved to instruction indices. Constants
   * after the last one loaded (only dead code used them) are dropped, as CPython 3.11's
   * trim_unused_consts does; the first is always kept.
   */
  finish(): { code: Int32Array; positions: Int32Array } {
    const code = Int32Array.from(this.words);
    let maxConst = 0;
    for (let i = 0; i < code.length; i += 2) {
      if (code[i] === Op.LOAD_CONST) {
        maxConst = Math.max(maxConst, code[i + 1]);
      }
    }
    this.consts.length = Math.min(this.consts.length, maxConst + 1);
    for (let i = 0; i < code.length; i += 2) {
      if (JUMP_OPS.has(code[i] as Op)) {
        const target = this.targets[code[i + 1]];
        if (target < 0) {
          throw new Error("jump to an unbound label");
        }
        code[i + 1] = target;
      }
    }
    this.threadJumps(code);
    return { code, positions: Int32Array.from(this.spans) };
  }

  /**
   * Jump threading (optimize_basic_block's jump_thread): a jump landing on an unconditional
   * JUMP goes straight to that JUMP's target, when both are on the same line, as in CPython
   * 3.11 (a comprehension's `if` jumps back to its FOR_ITER).
   */
  private threadJumps(code: Int32Array): void {
    const n = code.length >> 1;
    for (let i = 0; i < n; i++) {
      if (!THREADED.has(code[2 * i] as Op)) {
        continue;
      }
      for (let hops = 0; hops < n; hops++) {
        const t = code[2 * i + 1];
        const next = code[2 * t + 1];
        if (code[2 * t] !== Op.JUMP || next === t || this.spans[4 * i] !== this.spans[4 * t]) {
          break;
        }
        code[2 * i + 1] = next;
      }
    }
  }
}

/** Identity keys for code objects: one nested code object is one constant, however often it is loaded. */
const codeIds = new WeakMap<object, number>();
let nextCodeId = 0;

/** A key equal for constants CPython would merge (_PyCode_ConstantKey). */
function constKey(v: Const): string {
  if (v === null) {
    return "None";
  }
  switch (typeof v) {
    case "boolean":
      return `b:${v}`;
    case "number":
      return `i:${v}`;
    case "bigint":
      return `I:${v}`;
    case "string":
      return `s:${v}`;
  }
  if ("float" in v) {
    // 0.0 and -0.0 are different constants.
    return `f:${Object.is(v.float, -0) ? "-0" : String(v.float)}`;
  }
  if ("bytes" in v) {
    return `y:${Array.from(v.bytes).join(",")}`;
  }
  if ("ellipsis" in v) {
    return "...";
  }
  if ("kind" in v) {
    let id = codeIds.get(v);
    if (id === undefined) {
      id = nextCodeId++;
      codeIds.set(v, id);
    }
    return `code:${id}`;
  }
  return `t:${JSON.stringify(v.tuple.map(constKey))}`;
}
