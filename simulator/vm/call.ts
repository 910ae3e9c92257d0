/**
 * Calling: binding arguments to a Python function's frame (CPython's
 * _PyEval_MakeFrameVector and its error messages), calling classes (type.__call__), the
 * generator protocol's entry points, and the bridge that lets TypeScript run Python frames
 * to completion (`runPending`).
 *
 * A call of a Python function never recurses in JS from the interpreter: callValue prepares
 * the frame, leaves it as the *pending* frame and returns ENTER; the interpreter links it on
 * top of the task's stack and goes on. `callPy` (protocol.ts) instead runs it nested.
 */
import { CodeFlag, type Const } from "../python/code";
import {
  GeneratorExitType,
  newException,
  pyErr,
  RuntimeErrorType,
  StopIterationType,
  stopIteration,
  typeError,
  Unsupported as UnsupportedError,
  valueError,
} from "./errors";
import { nameList, plural } from "./define";
import { Frame, ReturnMode } from "./frame";
import { execute, currentTask, type ExitKind, lastExit } from "./interp";
import { PyGenerator } from "./iterators";
import {
  Ellipsis,
  None,
  ObjectType,
  PyBaseException,
  PyBoxed,
  PyBuiltin,
  PyBytes,
  PyCell,
  PyCode,
  PyDict,
  PyFloat,
  PyFunction,
  PyMethod,
  PyObject,
  PyStaticMethod,
  PyTuple,
  PyType,
  StrType,
  TypeType,
  isInstance,
  normInt,
  typeOf,
  type KwArgs,
  type PyValue,
} from "./objects";
import { ENTER } from "./sentinels";
import type { CodeObject } from "../python/code";

let pending: Frame | null = null;

/** The frame a callable prepared when it returned ENTER (taken once). */
export function takePending(): Frame {
  const f = pending!;
  pending = null;
  return f;
}

/** Makes `f` the pending frame and returns ENTER, for natives that hand a frame to the interpreter. */
export function enterFrame(f: Frame): PyValue {
  pending = f;
  return ENTER;
}

// ---------------------------------------------------------------- constants

const constCache = new WeakMap<CodeObject, PyValue[]>();

function toValue(c: Const): PyValue {
  if (c === null) {
    return None;
  }
  switch (typeof c) {
    case "boolean":
    case "number":
    case "string":
      return c;
    case "bigint":
      return normInt(c);
  }
  if ("float" in c) {
    return new PyFloat(c.float);
  }
  if ("bytes" in c) {
    return new PyBytes(c.bytes);
  }
  if ("ellipsis" in c) {
    return Ellipsis;
  }
  if ("tuple" in c) {
    return new PyTuple(c.tuple.map(toValue));
  }
  return new PyCode(c);
}

/** A code object's constants as Python values, converted once. */
export function codeConsts(code: CodeObject): PyValue[] {
  let v = constCache.get(code);
  if (v === undefined) {
    v = code.consts.map(toValue);
    constCache.set(code, v);
  }
  return v;
}

// ---------------------------------------------------------------- calling anything

/** The plain int or str inside an instance of a subclass of int or str. */
export const unbox = (v: PyValue): PyValue => (v instanceof PyBoxed ? v.value : v);

/**
 * Calls `f`. Returns the result, or ENTER when a Python frame was prepared (take it with
 * takePending). Raises (throws) Python exceptions for bad arguments.
 */
export function callValue(f: PyValue, args: PyValue[], kwargs: KwArgs | null): PyValue {
  if (f instanceof PyFunction) {
    return callFunction(f, args, kwargs);
  }
  if (f instanceof PyBuiltin) {
    if (f.self !== undefined) {
      args = [f.self, ...args];
    }
    if (f.owner !== null && f.owner.unboxes) {
      args = args.map(unbox);
    }
    return f.fn(args, kwargs);
  }
  if (f instanceof PyMethod) {
    return callValue(f.func, [f.self, ...args], kwargs);
  }
  if (f instanceof PyType) {
    return callType(f, args, kwargs);
  }
  const call = typeOf(f).lookup("__call__");
  if (call === undefined || call === None) {
    throw typeError(`'${typeOf(f).name}' object is not callable`);
  }
  return callValue(call, [f, ...args], kwargs);
}

/** Prepares the frame of a Python function call; generator and coroutine functions return their object instead. */
export function callFunction(func: PyFunction, args: PyValue[], kwargs: KwArgs | null): PyValue {
  const frame = makeFrame(func, args, kwargs);
  const code = func.code;
  if (code.flags & (CodeFlag.Generator | CodeFlag.Coroutine | CodeFlag.AsyncGenerator)) {
    if (code.flags & CodeFlag.AsyncGenerator) {
      throw new UnsupportedError("async generators");
    }
    const gen = new PyGenerator(frame, func.name, func.qualname, (code.flags & CodeFlag.Coroutine) !== 0);
    frame.generator = gen;
    return gen;
  }
  pending = frame;
  return ENTER;
}

/** Builds a frame for `func` with its arguments bound. */
export function makeFrame(func: PyFunction, args: PyValue[], kwargs: KwArgs | null): Frame {
  const code = func.code;
  const frame = new Frame(code, func.globals, null, func.consts);
  const locals = frame.locals;
  const argcount = code.argcount;
  if (
    kwargs === null &&
    args.length === argcount &&
    (code.flags & (CodeFlag.VarArgs | CodeFlag.VarKeywords)) === 0 &&
    code.kwonlyargcount === 0
  ) {
    for (let i = 0; i < argcount; i++) {
      locals[i] = args[i];
    }
  } else {
    bindArguments(func, args, kwargs, locals);
  }
  if (code.cellvars.length !== 0 || code.freevars.length !== 0) {
    const cells: PyCell[] = [];
    for (let i = 0; i < code.cellvars.length; i++) {
      const a = code.cell2arg[i];
      if (a >= 0) {
        cells.push(new PyCell(locals[a]));
        locals[a] = undefined;
      } else {
        cells.push(new PyCell(undefined));
      }
    }
    if (func.closure !== null) {
      for (const c of func.closure) {
        cells.push(c);
      }
    }
    frame.cells = cells;
  }
  return frame;
}


/** The general argument binder (defaults, keywords, *args, **kwargs) with CPython's messages. */
function bindArguments(func: PyFunction, args: PyValue[], kwargs: KwArgs | null, locals: (PyValue | undefined)[]): void {
  const code = func.code;
  const name = func.qualname;
  const argcount = code.argcount;
  const kwonly = code.kwonlyargcount;
  const hasVarargs = (code.flags & CodeFlag.VarArgs) !== 0;
  const hasVarkw = (code.flags & CodeFlag.VarKeywords) !== 0;
  const varnames = code.varnames;
  let extraKw: PyDict | null = null;
  if (hasVarkw) {
    extraKw = new PyDict();
    locals[argcount + kwonly + (hasVarargs ? 1 : 0)] = extraKw;
  }
  const n = Math.min(args.length, argcount);
  for (let i = 0; i < n; i++) {
    locals[i] = args[i];
  }
  if (hasVarargs) {
    locals[argcount + kwonly] = new PyTuple(args.slice(n));
  } else if (args.length > argcount) {
    const defaults = func.defaults.length;
    let kwGiven = 0;
    if (kwargs) {
      for (const k of kwargs.keys()) {
        const i = varnames.indexOf(k);
        if (i >= argcount && i < argcount + kwonly) {
          kwGiven++;
        }
      }
    }
    const takes =
      defaults > 0 ? `from ${argcount - defaults} to ${argcount}` : `${argcount}`;
    const takesWord = defaults > 0 ? `${takes} positional arguments` : `${takes} positional argument${argcount === 1 ? "" : "s"}`;
    const given = kwGiven
      ? `${plural(args.length, "positional argument")} (and ${plural(kwGiven, "keyword-only argument")}) were given`
      : `${args.length} ${args.length === 1 ? "was" : "were"} given`;
    throw typeError(`${name}() takes ${takesWord} but ${given}`);
  }
  if (kwargs) {
    const posOnlyAsKw: string[] = [];
    for (const [k, v] of kwargs) {
      let i = -1;
      for (let j = code.posonlyargcount; j < argcount + kwonly; j++) {
        if (varnames[j] === k) {
          i = j;
          break;
        }
      }
      if (i < 0) {
        if (extraKw !== null) {
          extraKw.setStr(k, v);
          continue;
        }
        if (varnames.slice(0, code.posonlyargcount).includes(k)) {
          posOnlyAsKw.push(k);
          continue;
        }
        throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
      }
      if (locals[i] !== undefined) {
        throw typeError(`${name}() got multiple values for argument '${k}'`);
      }
      locals[i] = v;
    }
    if (posOnlyAsKw.length) {
      throw typeError(
        `${name}() got some positional-only arguments passed as keyword arguments: '${posOnlyAsKw.join(", ")}'`,
      );
    }
  }
  // Defaults for the trailing positional parameters.
  const defaults = func.defaults;
  const firstDefault = argcount - defaults.length;
  const missing: string[] = [];
  for (let i = 0; i < argcount; i++) {
    if (locals[i] === undefined) {
      if (i >= firstDefault) {
        locals[i] = defaults[i - firstDefault];
      } else {
        missing.push(varnames[i]);
      }
    }
  }
  if (missing.length) {
    throw typeError(
      `${name}() missing ${plural(missing.length, "required positional argument")}: ${nameList(missing)}`,
    );
  }
  const missingKw: string[] = [];
  for (let i = argcount; i < argcount + kwonly; i++) {
    if (locals[i] === undefined) {
      const d = func.kwdefaults?.getStr(varnames[i]);
      if (d !== undefined) {
        locals[i] = d;
      } else {
        missingKw.push(varnames[i]);
      }
    }
  }
  if (missingKw.length) {
    throw typeError(
      `${name}() missing ${plural(missingKw.length, "required keyword-only argument")}: ${nameList(missingKw)}`,
    );
  }
}

// ---------------------------------------------------------------- calling a class

let objectNew: PyValue | undefined;
let objectInit: PyValue | undefined;

/** Creates a bare instance of `cls` (object.__new__ and the builtin layouts). */
export function allocInstance(cls: PyType): PyObject {
  const o = cls.alloc!(cls);
  if (cls.instanceDict && o.dict === null) {
    o.dict = new PyDict();
  }
  return o;
}

/** type.__call__(cls, *args, **kwargs): __new__, then __init__ (entered as a frame when it is Python code). */
export function callType(cls: PyType, args: PyValue[], kwargs: KwArgs | null): PyValue {
  if (args.length === 1 && (kwargs === null || kwargs.size === 0)) {
    if (cls === TypeType) {
      return typeOf(args[0]);
    }
    // str(x) of an int or a str, the commonest conversion: no __new__/__init__ dispatch.
    if (cls === StrType) {
      const x = args[0];
      if (typeof x === "string") {
        return x;
      }
      if (typeof x === "number") {
        return String(x);
      }
    }
  }
  const meta = cls.cls;
  if (meta !== TypeType && meta.heap) {
    const call = meta.lookup("__call__");
    if (call instanceof PyFunction) {
      return callFunction(call, [cls, ...args], kwargs);
    }
  }
  objectNew ??= ObjectType.dict!.getStr("__new__");
  objectInit ??= ObjectType.dict!.getStr("__init__");
  const newFn = cls.lookup("__new__");
  const initFn = cls.lookup("__init__");
  let obj: PyValue;
  if (newFn === objectNew) {
    if ((args.length || (kwargs && kwargs.size)) && initFn === objectInit) {
      throw typeError(`${cls.name}() takes no arguments`);
    }
    obj = allocInstance(cls);
  } else {
    const nf = newFn instanceof PyStaticMethod ? newFn.func : newFn!;
    obj = runToValue(callValue(nf, [cls, ...args], kwargs));
  }
  if (!isInstance(obj, cls)) {
    return obj;
  }
  if (initFn === objectInit || initFn === undefined) {
    if (newFn === objectNew || !(args.length || (kwargs && kwargs.size))) {
      return obj;
    }
    return obj;
  }
  if (initFn instanceof PyFunction) {
    const frame = makeFrame(initFn, [obj, ...args], kwargs);
    frame.returnMode = ReturnMode.Init;
    frame.initSelf = obj;
    pending = frame;
    return ENTER;
  }
  const r = runToValue(callValue(initFn, [obj, ...args], kwargs));
  if (r !== None) {
    throw typeError(`__init__() should return None, not '${typeOf(r).name}'`);
  }
  return obj;
}

/** Runs a pending frame when a call returned ENTER; otherwise passes the value through. */
export function runToValue(r: PyValue): PyValue {
  return r === ENTER ? runPending() : r;
}

// ---------------------------------------------------------------- running frames from TypeScript

/** Runs the pending frame to completion on the current task (nested in the JS stack) and returns its result. */
export function runPending(): PyValue {
  const f = takePending();
  const task = currentTask();
  f.nested = true;
  f.back = task.frame;
  task.frame = f;
  task.depth++;
  return execute();
}

// ---------------------------------------------------------------- generators

/**
 * Prepares a generator's frame to resume with `value` sent in (or `exc` thrown in) and
 * returns ENTER; or raises StopIteration at once when it is finished.
 */
export function resumeGenerator(gen: PyGenerator, value: PyValue, mode: ReturnMode, exc: PyBaseException | null = null): PyValue {
  if (gen.running) {
    throw valueError(`${gen.cls.name === "coroutine" ? "coroutine" : "generator"} already executing`);
  }
  if (gen.finished) {
    if (exc !== null) {
      throw exc;
    }
    if (gen.cls.name === "coroutine") {
      throw pyErr(RuntimeErrorType, "cannot reuse already awaited coroutine");
    }
    throw stopIteration();
  }
  const f = gen.frame;
  if (!gen.started) {
    if (value !== None && exc === null) {
      throw typeError(`can't send non-None value to a just-started ${gen.cls.name === "coroutine" ? "coroutine" : "generator"}`);
    }
    gen.started = true;
    if (exc !== null) {
      // Throwing into a generator that never ran: it ends there, raising the exception at its first line.
      gen.finished = true;
      throw exc;
    }
  } else if (exc === null) {
    f.stack.push(value);
  }
  gen.running = true;
  f.returnMode = mode;
  f.nested = false;
  if (exc !== null) {
    currentTask().pendingThrow = exc;
  }
  pending = f;
  return ENTER;
}

/** next(gen) from TypeScript: the next value, or undefined when the generator is exhausted. */
export function resumeGeneratorSync(gen: PyGenerator, value: PyValue): PyValue | undefined {
  if (gen.finished && !gen.running) {
    return undefined;
  }
  resumeGenerator(gen, value, ReturnMode.GenSync);
  const v = runPending();
  return lastExit() === ("yield" satisfies ExitKind) ? v : undefined;
}

/** gen.throw(exc) / gen.close() support: throws into the generator and runs it to its next yield (nested). */
export function throwIntoGenerator(gen: PyGenerator, exc: PyBaseException): PyValue {
  resumeGenerator(gen, None, ReturnMode.GenCall, exc);
  return runPending();
}

let genThrowHook: (gen: PyGenerator, exc: PyBaseException) => PyValue = throwIntoGenerator;
/** Installed by types/generator.ts: gen.throw, which delegates to a sub-generator under `yield from`. */
export function setGenThrow(f: (gen: PyGenerator, exc: PyBaseException) => PyValue): void {
  genThrowHook = f;
}

/** gen.close(): GeneratorExit at the paused yield; RuntimeError if the generator yields again. */
export function closeGenerator(gen: PyGenerator): PyValue {
  if (gen.finished || !gen.started) {
    gen.finished = true;
    return None;
  }
  try {
    genThrowHook(gen, newException(GeneratorExitType, []));
  } catch (e) {
    if (e instanceof PyBaseException && (isInstance(e, GeneratorExitType) || isInstance(e, StopIterationType))) {
      return None;
    }
    throw e;
  }
  throw pyErr(RuntimeErrorType, "generator ignored GeneratorExit");
}

/** The exception being handled (sys.exc_info()), searching the current task's frames from the top. */
export function currentHandledException(): PyBaseException | null {
  for (let f = currentTask().frame; f !== null; f = f.back) {
    if (f.handled.length) {
      return f.handled[f.handled.length - 1];
    }
  }
  return null;
}
