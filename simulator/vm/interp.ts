/**
 * The interpreter loop (CPython's ceval.c, for the instruction set of python/opcodes.ts).
 *
 * A task's frames form a linked list; calls push a frame and returns pop one without JS
 * recursion, so the loop can stop between any two instructions (the step budget) and a
 * scheduler can later switch tasks there. The loop keeps the current frame's code, stack and
 * locals in JS locals for speed and reloads them whenever the frame changes.
 */
import { BinaryOp, CompareOp, Op, UnaryOp } from "../python/opcodes";
import { CodeFlag, type CodeObject } from "../python/code";
import { callValue, closeGenerator, codeConsts as codeConstsOf, currentHandledException, resumeGenerator, takePending } from "./call";
import { finishClass } from "./classes";
import {
  AssertionErrorType,
  LimitReached,
  NameErrorType,
  pyErr,
  RecursionErrorType,
  RuntimeErrorType,
  StopAsyncIterationType,
  StopIterationType,
  typeError,
  UnboundLocalErrorType,
  valueError,
  newException,
} from "./errors";
import { Frame, NO_BLOCKS, NO_HANDLED, ReturnMode } from "./frame";
import { Access, accessHook } from "./access";
import { lastMadeGenerator, PyGenerator, PyNativeIter, PyRangeIter } from "./iterators";
import {
  BaseExceptionType,
  None,
  PyBaseException,
  PyBuiltin,
  PyCell,
  PyCode,
  PyDict,
  PyFloat,
  PyFunction,
  PyList,
  PyModule,
  PyObject,
  PySlice,
  PySuper,
  PyTuple,
  PyType,
  isInstance,
  newTuple,
  typeOf,
  type KwArgs,
  type PyValue,
} from "./objects";
import { binaryOp, compareOp, inplaceOp, unaryOp } from "./operators";
import {
  callDunder,
  callPy,
  delItem,
  forEach,
  getAttr,
  getAttrOpt,
  getItem,
  isIterable,
  iter,
  next as pyNext,
  repr,
  setAttr,
  setItem,
  str,
  toArray,
  truthy,
  typeName,
  ascii,
} from "./protocol";
import { ENTER, NULL } from "./sentinels";
import { vm } from "./vm";
import { formatValue } from "./strformat";
import { makeSet, setAdd, setUpdate } from "./types/set";
import { importName, importFrom, importStar } from "./imports";

/** A thread of Python execution: its frames and what the scheduler needs to resume it. */
export class Task {
  frame: Frame | null = null;
  /** An exception to raise in the top frame when the task next runs (generator.throw). */
  pendingThrow: PyBaseException | null = null;
  /** Python frames on the stack (for RecursionError). */
  depth = 0;
  /** Instructions left before the next preemption check; synced at calls and when execute() returns (runtime/machine.ts reads it for the virtual clock). */
  budget = 0;
}

/**
 * Called when a task's instruction budget runs out, before the instruction at `pc` of `f`:
 * returns the next budget, or 0 to suspend the task there (execute() then returns SUSPENDED;
 * only allowed when `f` is not run from TypeScript). The default enforces the step limit.
 */
export type PreemptHook = (t: Task, f: Frame, pc: number) => number;

/** Returned by execute() when the preempt hook suspended the task or a native blocked it. */
export const SUSPENDED: PyObject = new PyObject(BaseExceptionType);
/** Returned by a native called from bytecode to block the current task (the runtime wakes it with a value). */
export const BLOCK: PyObject = new PyObject(BaseExceptionType);
/** Thrown inside execute() to unwind to its loop when a call returned BLOCK. */
const SUSPEND_SIGNAL = { suspend: true };

const stepLimitHook: PreemptHook = () => {
  const machine = vm();
  machine.steps += STEP_BATCH;
  if (machine.steps > machine.limits.maxSteps) {
    throw new LimitReached("step-limit", `the program ran more than ${machine.limits.maxSteps} steps`);
  }
  return STEP_BATCH;
};
let preempt: PreemptHook = stepLimitHook;
/** Installs the runtime's preempt hook (null: the single-task default). */
export function setPreemptHook(h: PreemptHook | null): void {
  preempt = h ?? stepLimitHook;
}

let task: Task = new Task();

export const currentTask = (): Task => task;
export function setCurrentTask(t: Task): void {
  task = t;
}

export type ExitKind = "return" | "yield";
let exitKind: ExitKind = "return";
/** How the last nested run ended: its frame returned, or (a generator) yielded. */
export const lastExit = (): ExitKind => exitKind;

/** CPython's default recursion limit (sys.getrecursionlimit()). */
export const DEFAULT_RECURSION_LIMIT = 1000;
export let recursionLimit = DEFAULT_RECURSION_LIMIT;
export function setRecursionLimit(n: number): void {
  recursionLimit = n;
}

/** A StopIteration that a nested generator run raises to its TypeScript caller (see RETURN_VALUE). */
let escaping: PyBaseException | null = null;

/** Set by RERAISE so the handler that catches it does not add a traceback entry (CPython skips PyTraceBack_Here). */
let reraising = false;

/** Instructions between checks of the step limit. */
const STEP_BATCH = 4096;

function unboundLocal(name: string): PyBaseException {
  return pyErr(UnboundLocalErrorType, `cannot access local variable '${name}' where it is not associated with a value`);
}

function nameNotDefined(name: string): PyBaseException {
  const e = pyErr(NameErrorType, `name '${name}' is not defined`);
  e.dict ??= new PyDict();
  e.dict.setStr("name", name);
  return e;
}

/** Checks an `except` clause's class (or tuple of classes) and matches the exception against it. */
function exceptionMatches(exc: PyValue, spec: PyValue): boolean {
  if (spec instanceof PyTuple) {
    let any = false;
    for (const t of spec.items) {
      if (exceptionMatches(exc, t)) {
        any = true;
      }
    }
    return any;
  }
  if (!(spec instanceof PyType) || !spec.isSubtypeOf(BaseExceptionType)) {
    throw typeError("catching classes that do not inherit from BaseException is not allowed");
  }
  return isInstance(exc, spec);
}

/** Makes a raisable exception instance from `raise X` (a class is instantiated). */
function toException(v: PyValue): PyBaseException {
  if (v instanceof PyType && v.isSubtypeOf(BaseExceptionType)) {
    const e = callPy(v, []);
    if (!(e instanceof PyBaseException)) {
      throw typeError(`calling ${repr(v)} should have returned an instance of BaseException, not ${typeName(e)}`);
    }
    return e;
  }
  if (v instanceof PyBaseException) {
    return v;
  }
  throw typeError("exceptions must derive from BaseException");
}

/** Sets __context__ to the exception being handled, breaking cycles as CPython's _PyErr_SetObject does. */
function chainContext(e: PyBaseException): void {
  const handled = currentHandledException();
  if (handled === null || handled === e) {
    return;
  }
  let o: PyValue = handled;
  while (o instanceof PyBaseException) {
    if (o.context === e) {
      o.context = None;
      break;
    }
    o = o.context;
  }
  e.context = handled;
}

function unpackSequence(seq: PyValue, n: number): PyValue[] {
  if ((seq instanceof PyTuple || seq instanceof PyList) && !seq.cls.heap) {
    const items = seq.items;
    if (items.length === n) {
      return items;
    }
    if (items.length < n) {
      throw valueError(`not enough values to unpack (expected ${n}, got ${items.length})`);
    }
    throw valueError(`too many values to unpack (expected ${n})`);
  }
  if (!isIterable(seq)) {
    throw typeError(`cannot unpack non-iterable ${typeName(seq)} object`);
  }
  const it = iter(seq);
  const out: PyValue[] = [];
  for (let i = 0; i < n; i++) {
    const v = pyNext(it);
    if (v === undefined) {
      throw valueError(`not enough values to unpack (expected ${n}, got ${i})`);
    }
    out.push(v);
  }
  if (pyNext(it) !== undefined) {
    throw valueError(`too many values to unpack (expected ${n})`);
  }
  return out;
}

function kwargsFrom(names: PyValue, values: PyValue[]): KwArgs {
  const kw: KwArgs = new Map();
  const items = (names as PyTuple).items;
  for (let i = 0; i < items.length; i++) {
    kw.set(items[i] as string, values[i]);
  }
  return kw;
}

/** How CPython names a callee in call errors (_PyObject_FunctionStr): `__main__.f()`, `print()`, `int object`. */
function functionStr(callee: PyValue): string {
  const qualname = getAttrOpt(callee, "__qualname__");
  if (typeof qualname !== "string") {
    return `${typeName(callee)} object`;
  }
  const module = getAttrOpt(callee, "__module__");
  return typeof module === "string" && module !== "builtins" ? `${module}.${qualname}()` : `${qualname}()`;
}

/** The `**mapping` of a call, checked as CPython's DICT_MERGE. */
function mergeKwargs(target: PyDict, m: PyValue, callee: PyValue): void {
  const fname = (): string => functionStr(callee);
  if (!(m instanceof PyDict)) {
    if (typeOf(m).lookup("keys") === undefined) {
      throw typeError(`${fname()} argument after ** must be a mapping, not ${typeName(m)}`);
    }
    for (const k of toArray(callPy(getAttr(m, "keys"), []))) {
      mergeOne(target, k, getItem(m, k), fname);
    }
    return;
  }
  for (const [k, v] of m.entries()) {
    mergeOne(target, k, v, fname);
  }
}

function mergeOne(target: PyDict, k: PyValue, v: PyValue, fname: () => string): void {
  if (typeof k !== "string") {
    throw typeError(`keywords must be strings`);
  }
  if (target.getStr(k) !== undefined) {
    throw typeError(`${fname()} got multiple values for keyword argument '${k}'`);
  }
  target.setStr(k, v);
}

function dictToKwargs(d: PyDict): KwArgs | null {
  if (d.size === 0) {
    return null;
  }
  const kw: KwArgs = new Map();
  for (const [k, v] of d.entries()) {
    if (typeof k !== "string") {
      throw typeError("keywords must be strings");
    }
    kw.set(k, v);
  }
  return kw;
}

/** The traceback object passed to __exit__ (tb_lineno and friends). */
function tracebackOf(e: PyBaseException): PyValue {
  return e.traceback.length ? getAttr(e, "__traceback__") : None;
}

/**
 * Runs the current task from its top frame until a frame marked `nested` returns (or, for a
 * generator run from TypeScript, yields); returns that value. Python exceptions that leave
 * the nested frame are thrown as JS exceptions.
 */
export function execute(): PyValue {
  const t = task;
  let f = t.frame!;
  let code = f.code.code;
  let stack = f.stack;
  let locals = f.locals;
  let consts = f.consts;
  let names = f.code.names;
  let budget = t.budget > 0 ? t.budget : 1;
  const machine = vm();
  const builtins = machine.builtins;

  const load = (nf: Frame): void => {
    f = nf;
    code = nf.code.code;
    stack = nf.stack;
    locals = nf.locals;
    consts = nf.consts;
    names = nf.code.names;
  };
  /** Pushes a prepared frame on top of the current one and continues in it. */
  const enter = (nf: Frame): void => {
    if (t.depth >= recursionLimit) {
      if (nf.generator) {
        nf.generator.running = false;
      }
      throw pyErr(RecursionErrorType, "maximum recursion depth exceeded");
    }
    t.depth++;
    nf.back = f;
    t.frame = nf;
    // load(nf), inlined: this is the hottest path of every call
    f = nf;
    code = nf.code.code;
    stack = nf.stack;
    locals = nf.locals;
    consts = nf.consts;
    names = nf.code.names;
  };
  /** Calls and either pushes the result or enters the prepared frame. */
  const call = (fn: PyValue, args: PyValue[], kw: KwArgs | null): void => {
    t.budget = budget;
    const r = callValue(fn, args, kw);
    budget = t.budget;
    if (r === ENTER) {
      enter(takePending());
    } else if (r === BLOCK) {
      throw SUSPEND_SIGNAL;
    } else {
      stack.push(r);
    }
  };

  for (;;) {
    try {
      if (t.pendingThrow !== null) {
        const e = t.pendingThrow;
        t.pendingThrow = null;
        e.fresh = true;
        throw e;
      }
      for (;;) {
        const pc = f.pc++;
        const op = code[pc << 1];
        const arg = code[(pc << 1) + 1];
        if (--budget === 0) {
          t.budget = 0;
          budget = preempt(t, f, pc);
          if (budget === 0) {
            f.pc = pc;
            return SUSPENDED;
          }
        }
        switch (op) {
          case Op.NOP:
            break;
          case Op.POP_TOP: {
            const v = stack.pop();
            if (v instanceof PyGenerator && v.ephemeral) {
              closeGenerator(v); // a `for` loop left early: its generator's last reference is gone
            }
            break;
          }
          case Op.ROT_TWO: {
            const n = stack.length;
            const a = stack[n - 1];
            stack[n - 1] = stack[n - 2];
            stack[n - 2] = a;
            break;
          }
          case Op.ROT_THREE: {
            const n = stack.length;
            const top = stack[n - 1];
            stack[n - 1] = stack[n - 2];
            stack[n - 2] = stack[n - 3];
            stack[n - 3] = top;
            break;
          }
          case Op.ROT_FOUR: {
            const n = stack.length;
            const top = stack[n - 1];
            stack[n - 1] = stack[n - 2];
            stack[n - 2] = stack[n - 3];
            stack[n - 3] = stack[n - 4];
            stack[n - 4] = top;
            break;
          }
          case Op.DUP_TOP:
            stack.push(stack[stack.length - 1]);
            break;
          case Op.DUP_TOP_TWO: {
            const n = stack.length;
            stack.push(stack[n - 2], stack[n - 1]);
            break;
          }
          case Op.LOAD_CONST:
            stack.push(consts[arg]);
            break;
          case Op.LOAD_FAST: {
            const v = locals[arg];
            if (v === undefined) {
              throw unboundLocal(f.code.varnames[arg]);
            }
            stack.push(v);
            break;
          }
          case Op.STORE_FAST:
            locals[arg] = stack.pop();
            break;
          case Op.DELETE_FAST:
            if (locals[arg] === undefined) {
              throw unboundLocal(f.code.varnames[arg]);
            }
            locals[arg] = undefined;
            break;
          case Op.LOAD_DEREF: {
            const v = f.cells![arg].value;
            if (v === undefined) {
              throw unboundDeref(f, arg);
            }
            if (accessHook !== null) {
              accessHook(Access.Read, f.cells![arg], derefName(f, arg), v, f, pc);
            }
            stack.push(v);
            break;
          }
          case Op.STORE_DEREF:
            if (accessHook !== null) {
              accessHook(Access.Write, f.cells![arg], derefName(f, arg), stack[stack.length - 1], f, pc);
            }
            f.cells![arg].value = stack.pop();
            break;
          case Op.DELETE_DEREF:
            if (f.cells![arg].value === undefined) {
              throw unboundDeref(f, arg);
            }
            f.cells![arg].value = undefined;
            break;
          case Op.LOAD_CLOSURE:
            stack.push(f.cells![arg]);
            break;
          case Op.LOAD_CLASSDEREF: {
            const name = derefName(f, arg);
            const v = f.localsDict!.getStr(name) ?? f.cells![arg].value;
            if (v === undefined) {
              throw unboundDeref(f, arg);
            }
            stack.push(v);
            break;
          }
          case Op.LOAD_NAME: {
            const name = names[arg];
            const v = f.localsDict!.getStr(name) ?? f.globals.getStr(name) ?? builtins.getStr(name);
            if (v === undefined) {
              throw nameNotDefined(name);
            }
            if (accessHook !== null && f.globals.getStr(name) === v) {
              accessHook(Access.Read, f.globals, name, v, f, pc);
            }
            stack.push(v);
            break;
          }
          case Op.STORE_NAME:
            if (accessHook !== null && f.localsDict === f.globals) {
              accessHook(Access.Write, f.globals, names[arg], stack[stack.length - 1], f, pc);
            }
            f.localsDict!.setStr(names[arg], stack.pop()!);
            break;
          case Op.DELETE_NAME:
            if (f.localsDict!.delete(names[arg]) === undefined) {
              throw nameNotDefined(names[arg]);
            }
            break;
          case Op.LOAD_GLOBAL: {
            const name = names[arg];
            const v = f.globals.getStr(name) ?? builtins.getStr(name);
            if (v === undefined) {
              throw nameNotDefined(name);
            }
            if (accessHook !== null && f.globals.getStr(name) === v) {
              accessHook(Access.Read, f.globals, name, v, f, pc);
            }
            stack.push(v);
            break;
          }
          case Op.STORE_GLOBAL:
            if (accessHook !== null) {
              accessHook(Access.Write, f.globals, names[arg], stack[stack.length - 1], f, pc);
            }
            f.globals.setStr(names[arg], stack.pop()!);
            break;
          case Op.DELETE_GLOBAL:
            if (f.globals.delete(names[arg]) === undefined) {
              throw nameNotDefined(names[arg]);
            }
            break;
          case Op.LOAD_ATTR: {
            const o = stack[stack.length - 1];
            const v = getAttr(o, names[arg]);
            if (accessHook !== null && o instanceof PyObject && o.dict !== null && o.dict.getStr(names[arg]) === v) {
              accessHook(Access.Read, o instanceof PyModule ? o.dict : o, names[arg], v, f, pc);
            }
            stack[stack.length - 1] = v;
            break;
          }
          case Op.STORE_ATTR: {
            const o = stack.pop()!;
            const v = stack.pop()!;
            if (accessHook !== null && o instanceof PyObject && (o.cls.heap || o instanceof PyModule || (o instanceof PyType && o.heap))) {
              accessHook(Access.Write, o instanceof PyModule ? o.dict! : o, names[arg], v, f, pc);
            }
            setAttr(o, names[arg], v);
            break;
          }
          case Op.DELETE_ATTR:
            setAttr(stack.pop()!, names[arg], undefined);
            break;
          case Op.LOAD_METHOD: {
            const o = stack.pop()!;
            const name = names[arg];
            if (!(o instanceof PyType) && !(o instanceof PyModule) && !(o instanceof PySuper)) {
              const type = typeOf(o);
              const d = type.lookup(name);
              if (
                (d instanceof PyFunction || (d instanceof PyBuiltin && d.owner !== null && d.self === undefined)) &&
                !(o instanceof PyObject && o.dict !== null && o.dict.getStr(name) !== undefined) &&
                !(type.heap && type.lookup("__getattribute__") instanceof PyFunction)
              ) {
                stack.push(d, o);
                break;
              }
            }
            stack.push(NULL, getAttr(o, name));
            break;
          }
          case Op.CALL_METHOD: {
            const meth = stack[stack.length - arg - 2];
            if (meth instanceof PyFunction && fastArgc(meth.code) === arg + 1) {
              const nf = frameFromStack(meth, stack, arg + 1); // self and the arguments
              stack.pop(); // the method
              enter(nf);
              break;
            }
            if (meth instanceof PyBuiltin) {
              // A builtin method (`parts.append(x)`): self and the arguments in one array.
              const args: PyValue[] = new Array(arg + 1);
              for (let i = arg; i >= 0; i--) {
                args[i] = stack.pop()!;
              }
              stack.pop();
              call(meth, args, null);
              break;
            }
            const args = stack.splice(stack.length - arg, arg);
            const self = stack.pop()!;
            const m = stack.pop()!;
            if (m === NULL) {
              call(self, args, null);
            } else {
              args.unshift(self);
              call(m, args, null);
            }
            break;
          }
          case Op.CALL_METHOD_KW: {
            const kwnames = stack.pop()!;
            const nk = (kwnames as PyTuple).items.length;
            const kwvals = stack.splice(stack.length - nk, nk);
            const args = stack.splice(stack.length - (arg - nk), arg - nk);
            const self = stack.pop()!;
            const m = stack.pop()!;
            const kw = kwargsFrom(kwnames, kwvals);
            if (m === NULL) {
              call(self, args, kw);
            } else {
              args.unshift(self);
              call(m, args, kw);
            }
            break;
          }
          case Op.CALL: {
            const fn = stack[stack.length - arg - 1];
            if (fn instanceof PyFunction && fastArgc(fn.code) === arg) {
              const nf = frameFromStack(fn, stack, arg);
              stack.pop(); // the function
              enter(nf);
              break;
            }
            const args = stack.splice(stack.length - arg, arg);
            call(stack.pop()!, args, null);
            break;
          }
          case Op.CALL_KW: {
            const kwnames = stack.pop()!;
            const nk = (kwnames as PyTuple).items.length;
            const kwvals = stack.splice(stack.length - nk, nk);
            const args = stack.splice(stack.length - (arg - nk), arg - nk);
            call(stack.pop()!, args, kwargsFrom(kwnames, kwvals));
            break;
          }
          case Op.CALL_EX: {
            const kw = arg & 1 ? dictToKwargs(stack.pop() as PyDict) : null;
            const a = stack.pop()!;
            const fn = stack.pop()!;
            if (!(a instanceof PyTuple || a instanceof PyList) && !isIterable(a)) {
              throw typeError(`${functionStr(fn)} argument after * must be an iterable, not ${typeName(a)}`);
            }
            const args = a instanceof PyTuple || a instanceof PyList ? a.items.slice() : toArray(a);
            call(fn, args, kw);
            break;
          }
          case Op.UNARY:
            stack[stack.length - 1] = unaryOp(stack[stack.length - 1], arg as UnaryOp);
            break;
          case Op.BINARY: {
            const b = stack.pop()!;
            const a = stack[stack.length - 1];
            if (typeof a === "number" && typeof b === "number") {
              if (arg === BinaryOp.Add) {
                const r = a + b;
                if (Number.isSafeInteger(r)) {
                  stack[stack.length - 1] = r;
                  break;
                }
              } else if (arg === BinaryOp.Sub) {
                const r = a - b;
                if (Number.isSafeInteger(r)) {
                  stack[stack.length - 1] = r;
                  break;
                }
              } else if (arg === BinaryOp.Mul) {
                const r = a * b;
                if (Number.isSafeInteger(r)) {
                  stack[stack.length - 1] = r === 0 ? 0 : r;
                  break;
                }
              } else if (arg === BinaryOp.Mod && b !== 0) {
                // Python's modulo takes the divisor's sign; JS's % is exact on safe integers.
                let r = a % b;
                if (r !== 0 && r < 0 !== b < 0) {
                  r += b;
                }
                stack[stack.length - 1] = r === 0 ? 0 : r;
                break;
              } else if (arg === BinaryOp.FloorDiv && b !== 0 && (a | 0) === a && (b | 0) === b) {
                // Exact for 32-bit operands (a double holds every such quotient's neighbourhood).
                const r = Math.floor(a / b);
                stack[stack.length - 1] = r === 0 ? 0 : r;
                break;
              }
            } else if (arg === BinaryOp.Add && typeof a === "string" && typeof b === "string") {
              stack[stack.length - 1] = a + b;
              break;
            }
            stack[stack.length - 1] = binaryOp(a, b, arg as BinaryOp);
            break;
          }
          case Op.INPLACE: {
            const b = stack.pop()!;
            const a = stack[stack.length - 1];
            if (typeof a === "number" && typeof b === "number" && (arg === BinaryOp.Add || arg === BinaryOp.Sub)) {
              const r = arg === BinaryOp.Add ? a + b : a - b;
              if (Number.isSafeInteger(r)) {
                stack[stack.length - 1] = r;
                break;
              }
            } else if (arg === BinaryOp.Add && typeof a === "string" && typeof b === "string") {
              stack[stack.length - 1] = a + b;
              break;
            }
            stack[stack.length - 1] = inplaceOp(a, b, arg as BinaryOp);
            break;
          }
          case Op.COMPARE: {
            const b = stack.pop()!;
            const a = stack[stack.length - 1];
            if (typeof a === "number" && typeof b === "number") {
              switch (arg) {
                case CompareOp.Lt:
                  stack[stack.length - 1] = a < b;
                  continue;
                case CompareOp.Le:
                  stack[stack.length - 1] = a <= b;
                  continue;
                case CompareOp.Eq:
                case CompareOp.Is:
                  stack[stack.length - 1] = a === b;
                  continue;
                case CompareOp.Ne:
                case CompareOp.IsNot:
                  stack[stack.length - 1] = a !== b;
                  continue;
                case CompareOp.Gt:
                  stack[stack.length - 1] = a > b;
                  continue;
                case CompareOp.Ge:
                  stack[stack.length - 1] = a >= b;
                  continue;
              }
            }
            if (accessHook !== null && b instanceof PyDict && (arg === CompareOp.In || arg === CompareOp.NotIn)) {
              accessHook(Access.Read, b, a, undefined, f, pc); // `k in d`: a read of d[k] (check-then-act)
            }
            stack[stack.length - 1] = compareOp(a, b, arg as CompareOp);
            break;
          }
          case Op.BINARY_SUBSCR: {
            const k = stack.pop()!;
            const o = stack[stack.length - 1];
            if (accessHook !== null && (o instanceof PyList || o instanceof PyDict)) {
              const v = getItem(o, k);
              accessHook(Access.Read, o, itemKey(o, k), v, f, pc);
              stack[stack.length - 1] = v;
              break;
            }
            if (o instanceof PyList && typeof k === "number" && o.cls.heap === false) {
              const i = k < 0 ? k + o.items.length : k;
              if (i >= 0 && i < o.items.length) {
                stack[stack.length - 1] = o.items[i];
                break;
              }
            }
            stack[stack.length - 1] = getItem(o, k);
            break;
          }
          case Op.STORE_SUBSCR: {
            const k = stack.pop()!;
            const o = stack.pop()!;
            const v = stack.pop()!;
            if (accessHook !== null && (o instanceof PyList || o instanceof PyDict)) {
              accessHook(Access.Write, o, itemKey(o, k), v, f, pc);
            }
            if (o instanceof PyList && typeof k === "number" && o.cls.heap === false) {
              const i = k < 0 ? k + o.items.length : k;
              if (i >= 0 && i < o.items.length) {
                o.items[i] = v;
                break;
              }
            }
            setItem(o, k, v);
            break;
          }
          case Op.DELETE_SUBSCR: {
            const k = stack.pop()!;
            const o = stack.pop()!;
            if (accessHook !== null && (o instanceof PyList || o instanceof PyDict)) {
              accessHook(Access.Write, o, itemKey(o, k), undefined, f, pc);
            }
            delItem(o, k);
            break;
          }
          case Op.BUILD_SLICE: {
            const step = arg === 3 ? stack.pop()! : None;
            const hi = stack.pop()!;
            const lo = stack.pop()!;
            stack.push(new PySlice(lo, hi, step));
            break;
          }
          case Op.BUILD_TUPLE:
            stack.push(newTuple(stack.splice(stack.length - arg, arg)));
            break;
          case Op.BUILD_LIST:
            stack.push(new PyList(stack.splice(stack.length - arg, arg)));
            break;
          case Op.BUILD_SET:
            stack.push(makeSet(stack.splice(stack.length - arg, arg)));
            break;
          case Op.BUILD_MAP: {
            const items = stack.splice(stack.length - 2 * arg, 2 * arg);
            const d = new PyDict();
            for (let i = 0; i < items.length; i += 2) {
              d.set(items[i], items[i + 1]);
            }
            stack.push(d);
            break;
          }
          case Op.BUILD_STRING:
            stack.push((stack.splice(stack.length - arg, arg) as string[]).join(""));
            break;
          case Op.LIST_APPEND: {
            const v = stack.pop()!;
            (stack[stack.length - arg] as PyList).items.push(v);
            break;
          }
          case Op.SET_ADD: {
            const v = stack.pop()!;
            setAdd(stack[stack.length - arg], v);
            break;
          }
          case Op.MAP_ADD: {
            const v = stack.pop()!;
            const k = stack.pop()!;
            (stack[stack.length - arg] as PyDict).set(k, v);
            break;
          }
          case Op.LIST_EXTEND: {
            const it = stack.pop()!;
            const target = (stack[stack.length - arg] as PyList).items;
            if (
              typeOf(it).lookup("__iter__") === undefined &&
              typeOf(it).lookup("__getitem__") === undefined &&
              typeof it !== "string"
            ) {
              throw typeError(`Value after * must be an iterable, not ${typeName(it)}`);
            }
            forEach(it, (x) => {
              target.push(x);
            });
            break;
          }
          case Op.SET_UPDATE:
            setUpdate(stack[stack.length - arg - 1], stack.pop()!);
            break;
          case Op.DICT_UPDATE: {
            const m = stack.pop()!;
            const d = stack[stack.length - arg] as PyDict;
            if (m instanceof PyDict) {
              for (const [k, v] of m.entries()) {
                d.set(k, v);
              }
            } else {
              if (typeOf(m).lookup("keys") === undefined) {
                throw typeError(`'${typeName(m)}' object is not a mapping`);
              }
              for (const k of toArray(callPy(getAttr(m, "keys"), []))) {
                d.set(k, getItem(m, k));
              }
            }
            break;
          }
          case Op.DICT_MERGE: {
            const m = stack.pop()!;
            mergeKwargs(stack[stack.length - arg] as PyDict, m, stack[stack.length - arg - 2]);
            break;
          }
          case Op.LIST_TO_TUPLE:
            stack[stack.length - 1] = new PyTuple((stack[stack.length - 1] as PyList).items);
            break;
          case Op.FORMAT_VALUE: {
            const spec = arg & 4 ? (stack.pop() as string) : "";
            let v = stack.pop()!;
            switch (arg & 3) {
              case 1:
                v = str(v);
                break;
              case 2:
                v = repr(v);
                break;
              case 3:
                v = ascii(v);
                break;
            }
            if (typeof v === "string" && spec === "") {
              stack.push(v);
            } else if (typeof v === "number" && spec === "") {
              stack.push(String(v));
            } else {
              stack.push(formatValue(v, spec));
            }
            break;
          }
          case Op.UNPACK_SEQUENCE: {
            const items = unpackSequence(stack.pop()!, arg);
            for (let i = items.length - 1; i >= 0; i--) {
              stack.push(items[i]);
            }
            break;
          }
          case Op.UNPACK_EX: {
            const before = arg & 0xff;
            const after = arg >> 8;
            const seq = stack.pop()!;
            if (!isIterable(seq)) {
              throw typeError(`cannot unpack non-iterable ${typeName(seq)} object`);
            }
            const items = toArray(seq);
            if (items.length < before + after) {
              throw valueError(`not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
            }
            for (let i = items.length - 1; i >= items.length - after; i--) {
              stack.push(items[i]);
            }
            stack.push(new PyList(items.slice(before, items.length - after)));
            for (let i = before - 1; i >= 0; i--) {
              stack.push(items[i]);
            }
            break;
          }
          case Op.JUMP:
            f.pc = arg;
            break;
          case Op.POP_JUMP_IF_FALSE: {
            const v = stack.pop()!;
            if (v === false || (v !== true && !truthy(v))) {
              f.pc = arg;
            }
            break;
          }
          case Op.POP_JUMP_IF_TRUE: {
            const v = stack.pop()!;
            if (v === true || (v !== false && truthy(v))) {
              f.pc = arg;
            }
            break;
          }
          case Op.JUMP_IF_FALSE_OR_POP:
            if (!truthy(stack[stack.length - 1])) {
              f.pc = arg;
            } else {
              stack.pop();
            }
            break;
          case Op.JUMP_IF_TRUE_OR_POP:
            if (truthy(stack[stack.length - 1])) {
              f.pc = arg;
            } else {
              stack.pop();
            }
            break;
          case Op.GET_ITER: {
            const o = stack[stack.length - 1];
            if (o instanceof PyGenerator) {
              if (o === lastMadeGenerator && !o.started && pc > 0 && isCallOp(code[(pc - 1) << 1])) {
                o.ephemeral = true;
              }
              break;
            }
            stack[stack.length - 1] = iter(o);
            break;
          }
          case Op.FOR_ITER: {
            const it = stack[stack.length - 1];
            if (it instanceof PyRangeIter) {
              if (it.left > 0) {
                it.left--;
                stack.push(it.cur);
                it.cur += it.step;
              } else {
                stack.pop();
                f.pc = arg;
              }
              break;
            }
            if (it instanceof PyNativeIter) {
              const v = it.next();
              if (v === undefined) {
                stack.pop();
                f.pc = arg;
              } else {
                stack.push(v);
              }
              break;
            }
            if (it instanceof PyGenerator) {
              if (it.finished) {
                stack.pop();
                f.pc = arg;
                break;
              }
              resumeGenerator(it, None, ReturnMode.GenFor);
              enter(takePending());
              break;
            }
            const v = pyNext(it);
            if (v === undefined) {
              stack.pop();
              f.pc = arg;
            } else {
              stack.push(v);
            }
            break;
          }
          case Op.MAKE_FUNCTION: {
            const qualname = stack.pop() as string;
            const codeObj = (stack.pop() as PyCode).code;
            const closure = arg & 8 ? ((stack.pop() as PyTuple).items as PyCell[]) : null;
            const kwdefaults = arg & 2 ? (stack.pop() as PyDict) : null;
            const defaults = arg & 1 ? (stack.pop() as PyTuple).items : [];
            const fn = new PyFunction(codeObj, f.globals, defaults, kwdefaults, closure, qualname);
            fn.consts = codeConstsOf(codeObj);
            stack.push(fn);
            break;
          }
          case Op.RETURN_VALUE: {
            const v = stack.pop()!;
            const done = f;
            const caller = done.back;
            t.depth--;
            const gen = done.generator;
            if (gen !== null) {
              gen.finished = true;
              gen.running = false;
            }
            done.back = null;
            t.frame = caller;
            let result: PyValue = v;
            switch (done.returnMode) {
              case ReturnMode.Init:
                if (v !== None) {
                  if (done.nested) {
                    throw typeError(`__init__() should return None, not '${typeName(v)}'`);
                  }
                  load(caller!);
                  throw typeError(`__init__() should return None, not '${typeName(v)}'`);
                }
                result = done.initSelf!;
                break;
              case ReturnMode.ClassBody:
                if (!done.nested) {
                  load(caller!);
                }
                result = finishClass(done, v);
                break;
              case ReturnMode.GenCall: {
                const stop = newException(StopIterationType, v === None ? [] : [v]);
                if (!done.nested) {
                  load(caller!);
                } else {
                  escaping = stop; // raised in the caller, outside this run: not unwound through the finished frame
                }
                throw stop;
              }
              case ReturnMode.GenFor:
                load(caller!);
                stack.pop();
                f.pc = code[((f.pc - 1) << 1) + 1];
                continue;
              case ReturnMode.GenSend:
                load(caller!);
                stack.pop();
                stack.push(v);
                f.pc = code[((f.pc - 1) << 1) + 1];
                continue;
            }
            if (done.nested) {
              exitKind = "return";
              t.budget = budget;
              return result;
            }
            // load(caller), inlined (the return path of every call)
            f = caller!;
            code = f.code.code;
            stack = f.stack;
            locals = f.locals;
            consts = f.consts;
            names = f.code.names;
            stack.push(result);
            break;
          }
          case Op.LOAD_BUILD_CLASS:
            stack.push(builtins.getStr("__build_class__")!);
            break;
          case Op.SETUP_ANNOTATIONS:
            if (f.localsDict!.getStr("__annotations__") === undefined) {
              f.localsDict!.setStr("__annotations__", new PyDict());
            }
            break;
          case Op.LOAD_ASSERTION_ERROR:
            stack.push(AssertionErrorType);
            break;
          case Op.SETUP_HANDLER:
            if (f.blocks === NO_BLOCKS) {
              f.blocks = [];
            }
            f.blocks.push(arg, stack.length, f.handled.length);
            break;
          case Op.SETUP_WITH:
            if (f.blocks === NO_BLOCKS) {
              f.blocks = [];
            }
            f.blocks.push(arg, stack.length - 1, f.handled.length);
            break;
          case Op.POP_BLOCK:
            f.blocks.length -= 3;
            break;
          case Op.POP_EXCEPT:
            f.handled.pop();
            break;
          case Op.RAISE_VARARGS: {
            if (arg === 0) {
              const h = currentHandledException();
              if (h === null) {
                throw pyErr(RuntimeErrorType, "No active exception to reraise");
              }
              reraising = true;
              throw h;
            }
            const cause = arg === 2 ? stack.pop()! : undefined;
            const e = toException(stack.pop()!);
            if (cause !== undefined) {
              if (cause === None) {
                e.cause = None;
              } else if (cause instanceof PyType && cause.isSubtypeOf(BaseExceptionType)) {
                e.cause = toException(cause);
              } else if (cause instanceof PyBaseException) {
                e.cause = cause;
              } else {
                throw typeError("exception causes must derive from BaseException");
              }
              e.suppressContext = true;
            }
            e.fresh = true;
            throw e;
          }
          case Op.RERAISE: {
            const e = stack.pop() as PyBaseException;
            reraising = true;
            throw e;
          }
          case Op.JUMP_IF_NOT_EXC_MATCH: {
            const spec = stack.pop()!;
            if (!exceptionMatches(stack[stack.length - 1], spec)) {
              f.pc = arg;
            }
            break;
          }
          case Op.BEFORE_WITH: {
            const ctx = stack.pop()!;
            const type = typeOf(ctx);
            const enterFn = type.lookup("__enter__");
            const exitFn = type.lookup("__exit__");
            if (enterFn === undefined || exitFn === undefined) {
              throw typeError(
                `'${type.name}' object does not support the context manager protocol`,
              );
            }
            stack.push(getAttr(ctx, "__exit__"));
            call(enterFn, [ctx], null);
            break;
          }
          case Op.BEFORE_ASYNC_WITH: {
            const ctx = stack.pop()!;
            const type = typeOf(ctx);
            if (type.lookup("__aenter__") === undefined || type.lookup("__aexit__") === undefined) {
              throw typeError(
                `'${type.name}' object does not support the asynchronous context manager protocol`,
              );
            }
            stack.push(getAttr(ctx, "__aexit__"));
            call(getAttr(ctx, "__aenter__"), [], null);
            break;
          }
          case Op.WITH_NORMAL_EXIT:
            call(stack.pop()!, [None, None, None], null);
            break;
          case Op.WITH_EXC_EXIT: {
            const e = stack[stack.length - 1] as PyBaseException;
            call(stack[stack.length - 2], [typeOf(e), e, tracebackOf(e)], null);
            break;
          }
          case Op.YIELD_VALUE: {
            const v = stack.pop()!;
            const done = f;
            const gen = done.generator!;
            gen.running = false;
            const caller = done.back!;
            t.depth--;
            done.back = null;
            t.frame = caller;
            if (done.returnMode === ReturnMode.GenSync || done.nested) {
              exitKind = "yield";
              t.budget = budget;
              return v;
            }
            load(caller);
            stack.push(v);
            break;
          }
          case Op.GET_YIELD_FROM_ITER: {
            const o = stack[stack.length - 1];
            if (o instanceof PyGenerator) {
              if (o.cls.name === "coroutine" && !(f.code.flags & CodeFlag.Coroutine)) {
                throw typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
              }
            } else {
              stack[stack.length - 1] = iter(o);
            }
            break;
          }
          case Op.GET_AWAITABLE: {
            const o = stack[stack.length - 1];
            if (o instanceof PyGenerator && o.cls.name === "coroutine") {
              break;
            }
            const aw = typeOf(o).lookup("__await__");
            if (aw === undefined || aw === None) {
              throw typeError(`object ${typeName(o)} can't be used in 'await' expression`);
            }
            const it = callPy(aw, [o]);
            if (it instanceof PyGenerator && it.cls.name === "coroutine") {
              throw typeError("__await__() returned a coroutine");
            }
            if (typeOf(it).lookup("__next__") === undefined && !(it instanceof PyGenerator)) {
              throw typeError(`__await__() returned non-iterator of type '${typeName(it)}'`);
            }
            stack[stack.length - 1] = it;
            break;
          }
          case Op.SEND: {
            const v = stack.pop()!;
            const recv = stack[stack.length - 1];
            if (recv instanceof PyGenerator) {
              resumeGenerator(recv, v, ReturnMode.GenSend);
              enter(takePending());
              break;
            }
            let y: PyValue | undefined;
            try {
              if (v === None) {
                const m = typeOf(recv).lookup("__next__");
                if (m === undefined) {
                  throw typeError(`'${typeName(recv)}' object is not an iterator`);
                }
                y = callPy(m, [recv]);
              } else {
                y = callPy(getAttr(recv, "send"), [v]);
              }
            } catch (e) {
              if (e instanceof PyBaseException && isInstance(e, StopIterationType)) {
                stack.pop();
                stack.push(e.args.items.length ? e.args.items[0] : None);
                f.pc = arg;
                break;
              }
              throw e;
            }
            stack.push(y);
            break;
          }
          case Op.GET_AITER: {
            const o = stack[stack.length - 1];
            const m = typeOf(o).lookup("__aiter__");
            if (m === undefined) {
              throw typeError(`'async for' requires an object with __aiter__ method, got ${typeName(o)}`);
            }
            stack[stack.length - 1] = callPy(m, [o]);
            break;
          }
          case Op.GET_ANEXT: {
            const o = stack[stack.length - 1];
            const m = typeOf(o).lookup("__anext__");
            if (m === undefined) {
              throw typeError(`'async for' received an object from __aiter__ that does not implement __anext__: ${typeName(o)}`);
            }
            let aw = callPy(m, [o]);
            if (!(aw instanceof PyGenerator)) {
              const a = typeOf(aw).lookup("__await__");
              if (a === undefined) {
                throw typeError(`'async for' received an invalid object from __anext__: ${typeName(aw)}`);
              }
              aw = callPy(a, [aw]);
            }
            stack.push(aw);
            break;
          }
          case Op.END_ASYNC_FOR: {
            const e = stack.pop() as PyBaseException;
            if (isInstance(e, StopAsyncIterationType)) {
              stack.pop();
              f.handled.pop();
            } else {
              reraising = true;
              throw e;
            }
            break;
          }
          case Op.IMPORT_NAME: {
            const fromlist = stack.pop()!;
            const level = stack.pop() as number;
            stack.push(importName(names[arg], fromlist, level, f.globals));
            break;
          }
          case Op.IMPORT_FROM:
            stack.push(importFrom(stack[stack.length - 1], names[arg]));
            break;
          case Op.IMPORT_STAR:
            importStar(stack.pop()!, f.localsDict ?? f.globals);
            break;
          default:
            throw new Error(`unknown opcode ${op} at ${f.code.filename}:${f.line(pc)}`);
        }
      }
    } catch (err) {
      if (err === SUSPEND_SIGNAL) {
        return SUSPENDED;
      }
      let e: PyBaseException;
      if (err === escaping) {
        escaping = null;
        throw err;
      }
      if (err instanceof PyBaseException) {
        e = err;
      } else if (err instanceof RangeError && /call stack/.test(err.message)) {
        e = pyErr(RecursionErrorType, "maximum recursion depth exceeded");
      } else {
        throw err;
      }
      if (reraising) {
        reraising = false;
      } else {
        if (e.fresh) {
          chainContext(e);
          e.fresh = false;
        }
        e.traceback.unshift({ code: f.code, pc: f.pc - 1, frame: f });
      }
      // Unwind to the nearest handler, frame by frame.
      for (;;) {
        const blocks = f.blocks;
        if (blocks.length !== 0) {
          const n = blocks.length;
          const target = blocks[n - 3];
          closeDroppedGenerators(stack, blocks[n - 2]);
          stack.length = blocks[n - 2];
          f.handled.length = blocks[n - 1];
          blocks.length = n - 3;
          if (f.handled === NO_HANDLED) {
            f.handled = [];
          }
          f.handled.push(e);
          stack.push(e);
          f.pc = target;
          break;
        }
        const dying = f;
        closeDroppedGenerators(stack, 0);
        const caller = dying.back;
        t.depth--;
        dying.back = null;
        t.frame = caller;
        const gen = dying.generator;
        if (gen !== null) {
          gen.finished = true;
          gen.running = false;
          if (isInstance(e, StopIterationType)) {
            const what = gen.cls.name === "coroutine" ? "coroutine" : "generator";
            const re = pyErr(RuntimeErrorType, `${what} raised StopIteration`);
            re.cause = e;
            re.context = e;
            re.suppressContext = true;
            re.traceback = [...e.traceback.slice(0, 1)];
            re.fresh = false;
            e = re;
          }
        }
        if (dying.nested || caller === null) {
          t.budget = budget;
          throw e;
        }
        load(caller);
        e.traceback.unshift({ code: f.code, pc: f.pc - 1, frame: f });
      }
    }
  }
}

/** The positional count with which a call to `code` can bind its arguments straight from the caller's stack, or -1. */
function fastArgc(code: CodeObject): number {
  let n = code.fastArgc;
  if (n === undefined) {
    const simple =
      (code.flags & (CodeFlag.VarArgs | CodeFlag.VarKeywords | CodeFlag.Generator | CodeFlag.Coroutine | CodeFlag.AsyncGenerator)) === 0 &&
      code.kwonlyargcount === 0 &&
      code.cellvars.length === 0 &&
      code.freevars.length === 0;
    n = code.fastArgc = simple ? code.argcount : -1;
  }
  return n;
}

/** A frame for a plain call whose `n` arguments are the top of `stack` (popped here). */
function frameFromStack(fn: PyFunction, stack: PyValue[], n: number): Frame {
  const nf = new Frame(fn.code, fn.globals, null, fn.consts);
  const locals = nf.locals;
  for (let i = n - 1; i >= 0; i--) {
    locals[i] = stack.pop();
  }
  return nf;
}

/** The key of a list item or dict entry as the race analysis names it (a list index counted from 0). */
function itemKey(o: PyList | PyDict, k: PyValue): PyValue {
  if (o instanceof PyList && typeof k === "number" && k < 0) {
    return k + o.items.length;
  }
  return k;
}

const isCallOp = (op: number): boolean =>
  op === Op.CALL || op === Op.CALL_KW || op === Op.CALL_METHOD || op === Op.CALL_METHOD_KW || op === Op.CALL_EX;

/** Closes the ephemeral generators of `for` loops that an exception leaves (stack entries from `from` up). */
function closeDroppedGenerators(stack: PyValue[], from: number): void {
  for (let i = stack.length - 1; i >= from; i--) {
    const v = stack[i];
    if (v instanceof PyGenerator && v.ephemeral && !v.running) {
      try {
        closeGenerator(v);
      } catch {
        // CPython reports an exception raised while finalizing as "unraisable" and goes on.
      }
    }
  }
}

function derefName(f: Frame, i: number): string {
  const c = f.code;
  return i < c.cellvars.length ? c.cellvars[i] : c.freevars[i - c.cellvars.length];
}

function unboundDeref(f: Frame, i: number): PyBaseException {
  const name = derefName(f, i);
  if (i < f.code.cellvars.length) {
    return unboundLocal(name);
  }
  return pyErr(
    NameErrorType,
    `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
  );
}
