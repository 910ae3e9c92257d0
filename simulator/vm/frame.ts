/**
 * Frames: the data the interpreter runs. A task's call stack is a linked list of frames
 * (`back`), never the JS stack, so a task can stop between any two instructions and resume
 * later (DESIGN.md §3).
 */
import type { CodeObject } from "../python/code";
import type { PyBaseException, PyCell, PyDict, PyType, PyValue } from "./objects";
import type { PyGenerator } from "./iterators";

/** What happens to a frame's result when it returns (or, for generators, yields). */
export const enum ReturnMode {
  /** Push the result on the caller's stack (a Python-to-Python call). */
  Normal,
  /** `__init__` run by a class call: check it returned None, push the new instance. */
  Init,
  /** A generator resumed by next()/send() called from Python: a yield pushes the value; a return raises StopIteration. */
  GenCall,
  /** A generator resumed by FOR_ITER: a yield pushes the value; a return ends the loop (the caller jumps). */
  GenFor,
  /** A generator resumed by SEND (`yield from` / `await`): a yield pushes the value; a return pops the receiver, pushes the result and jumps. */
  GenSend,
  /** A class body run by __build_class__: its namespace becomes a class, pushed on the caller's stack. */
  ClassBody,
  /** A generator resumed from TypeScript (protocol.next): yield and return both end the nested run; lastExit() tells which. */
  GenSync,
}

/**
 * Shared empty arrays for frames that never enter a `try` (most calls): never pushed to;
 * the interpreter gives a frame its own array at its first SETUP_HANDLER or handled exception.
 */
export const NO_BLOCKS: number[] = [];
export const NO_HANDLED: PyBaseException[] = [];

export class Frame {
  /** Index of the next instruction. */
  pc = 0;
  stack: PyValue[] = [];
  /** Fast locals (undefined: unbound). */
  locals: (PyValue | undefined)[];
  /** Cells: cellvars then freevars. */
  cells: PyCell[] | null = null;
  /** Handler blocks, three words each: target, stack depth, handled depth (NO_BLOCKS until the first). */
  blocks: number[] = NO_BLOCKS;
  /** Exceptions being handled in this frame, innermost last (sys.exc_info()); NO_HANDLED until the first. */
  handled: PyBaseException[] = NO_HANDLED;
  back: Frame | null = null;
  returnMode: ReturnMode = ReturnMode.Normal;
  /** Run from TypeScript (callPy): when this frame returns, the interpreter loop returns its result to its JS caller. */
  nested = false;
  /** The instance for ReturnMode.Init. */
  initSelf: PyValue | null = null;
  /** For ReturnMode.ClassBody: what __build_class__ needs after the body ran. */
  classInfo: { name: string; bases: PyType[]; meta: PyType; kwargs: Map<string, PyValue> | null } | null = null;
  /** The generator or coroutine this frame belongs to. */
  generator: PyGenerator | null = null;
  /** The code's constants as Python values. */
  consts: PyValue[];

  constructor(
    public code: CodeObject,
    public globals: PyDict,
    /** The namespace of module and class bodies (*_NAME instructions); null in functions. */
    public localsDict: PyDict | null,
    consts: PyValue[],
  ) {
    this.locals = new Array(code.varnames.length);
    this.consts = consts;
  }

  /** The source line of the instruction at pc (or the last one run). */
  line(pc: number = Math.max(0, this.pc - 1)): number {
    return this.code.positions[pc * 4];
  }
}
