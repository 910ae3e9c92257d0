/**
 * Runs a Python program in the simulator: parse, compile, execute the main module, and
 * turn how it ended into an outcome (DESIGN.md §5): completed, exception, syntax-error,
 * unsupported, or a limit. Output is recorded in the order written, as a terminal shows it.
 */
import "./vm/load";
import { parse } from "./python/parse";
import { INT_MAX_STR_DIGITS, setIntMaxStrDigits } from "./vm/numbers";
import { compileModule } from "./python/compile";
import type { CodeObject } from "./python/code";
import { codeConsts } from "./vm/call";
import { LimitReached, SystemExitType, Unsupported } from "./vm/errors";
import { Frame } from "./vm/frame";
import { resetIds } from "./vm/identity";
import { setCurrentTask, setRecursionLimit, Task, execute, currentTask, DEFAULT_RECURSION_LIMIT } from "./vm/interp";
import { setPythonModuleLoader } from "./vm/modules";
import { None, PyBaseException, PyModule, isInstance, type PyValue } from "./vm/objects";
import { str } from "./vm/protocol";
import { formatException, formatExceptionOnly, formatSyntaxError } from "./vm/traceback";
import { defaultLimits, setVm, Vm, type Limits } from "./vm/vm";
import { makeBuiltins } from "./vm/builtins";
import { Machine } from "./runtime/machine";
import { MachineStop, type Waiter } from "./runtime/waitfor";
import { makeMachine, resolveSettings, scheduleToken, type MachineSettings } from "./runtime/session";

export type RunStatus =
  | "completed"
  | "exception"
  | "syntax-error"
  | "unsupported"
  | "step-limit"
  | "time-limit"
  | "output-limit"
  | "deadlock"
  | "hang"
  | "internal-error";

export interface RunOptions {
  /** The script's name in tracebacks and sys.argv[0]. */
  filename?: string;
  /** Simulated standard input. */
  stdin?: string;
  /** Seeds `random` when the program does not seed it. */
  seed?: number;
  limits?: Partial<Limits>;
  /** The simulated machine: profile, cores, switch interval, strategy, start method (runtime/session.ts). */
  machine?: MachineSettings;
}

/** Where a run stopped for a reason that is not a Python exception. */
export interface StopInfo {
  message: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** For a deadlock or a hang: the threads that wait, in what call and where. */
  waiting?: Waiter[];
}

export interface RunResult {
  status: RunStatus;
  stdout: string;
  stderr: string;
  /** Output chunks in the order written (stdout and stderr interleaved). */
  output: { stream: "stdout" | "stderr"; text: string }[];
  /** The process exit code as `python3` would give it; null when the run did not finish (unsupported, limits, internal error). */
  exitCode: number | null;
  /** For syntax errors, unsupported constructs, limits and internal errors: what and where. */
  stop?: StopInfo;
  steps: number;
  /** Virtual seconds the run took. */
  virtualTime: number;
  /** The machine that ran it: tasks, segments, events (for the Report). */
  machine?: Machine;
  /** The schedule token that replays this run. */
  schedule?: string;
}

/** Runs Python source in the module's namespace; used for the main program and for library modules written in Python. */
function execModule(code: CodeObject, module: PyModule): PyValue {
  const task = currentTask();
  const frame = new Frame(code, module.dict!, module.dict!, codeConsts(code));
  frame.nested = true;
  frame.back = task.frame;
  task.frame = frame;
  task.depth++;
  return execute();
}

/**
 * Library modules written in Python, compiled once per process: code objects are immutable,
 * so every run (and every simulated process) executes the same ones. This is most of the cost
 * of a run that imports threading or multiprocessing, and explore() makes hundreds of runs.
 */
const libraryCode = new Map<string, CodeObject>();

setPythonModuleLoader((m, source) => {
  const filename = String(m.dict!.getStr("__file__"));
  const key = `${filename}\u0000${source}`;
  let code = libraryCode.get(key);
  if (code === undefined) {
    const r = parse(source);
    if (!r.ok) {
      throw new Error(`library module ${m.name} does not parse: ${r.error.message} (line ${r.error.line})`);
    }
    const c = compileModule(r.module, filename);
    if (!c.ok) {
      throw new Error(`library module ${m.name} does not compile`);
    }
    code = c.code;
    libraryCode.set(key, code);
  }
  execModule(code, m);
});

const spanOf = (line: number, col = 0, endLine = line, endCol = col): Omit<StopInfo, "message"> => ({
  line,
  col,
  endLine,
  endCol,
});

/** Runs a whole program. Never throws for anything the program does. */
export function runSource(source: string, options: RunOptions = {}): RunResult {
  const filename = options.filename ?? "main.py";
  const seed = options.machine?.schedule !== undefined ? resolveSettings(0, options.machine).seed : (options.seed ?? 0);
  const machine = new Vm({ ...defaultLimits, ...options.limits }, options.stdin ?? "", seed);
  const lines = source.split("\n");
  machine.sources.set(filename, lines);
  setVm(machine);
  resetIds();
  // Interpreter settings a program may change (sys.setrecursionlimit, sys.set_int_max_str_digits) start afresh for every run.
  setRecursionLimit(DEFAULT_RECURSION_LIMIT);
  setIntMaxStrDigits(INT_MAX_STR_DIGITS);
  const task = new Task();
  setCurrentTask(task);
  let status: RunStatus = "completed";
  let exitCode: number | null = 0;
  let stop: StopInfo | undefined;
  let sim: Machine | undefined;
  const finish = (): RunResult => {
    const virtualTime = machine.clock;
    setVm(null);
    return {
      status,
      stdout: machine.text("stdout"),
      stderr: machine.text("stderr"),
      output: machine.output,
      exitCode,
      stop,
      steps: machine.steps,
      virtualTime,
      machine: sim,
      schedule: sim ? scheduleToken(sim) : undefined,
    };
  };
  const where = (): Omit<StopInfo, "message"> => {
    const f = currentTask().frame ?? task.frame;
    if (f === null) {
      return spanOf(1);
    }
    const p = f.code.positions;
    const pc = Math.max(0, f.pc - 1) * 4;
    return spanOf(p[pc], p[pc + 1], p[pc + 2], p[pc + 3]);
  };

  const parsed = parse(source);
  if (!parsed.ok && parsed.error.refused) {
    const e = parsed.error;
    status = "unsupported";
    exitCode = null;
    stop = { message: e.message, ...spanOf(e.line, e.col, e.endLine, e.endCol) };
    return finish();
  }
  if (!parsed.ok) {
    const e = parsed.error;
    machine.output.push({
      stream: "stderr",
      text: formatSyntaxError(filename, e.type, e.message, e.line, e.col, e.endLine, e.endCol, lines),
    });
    status = "syntax-error";
    exitCode = 1;
    stop = { message: `${e.type}: ${e.message}`, ...spanOf(e.line, e.col, e.endLine, e.endCol) };
    return finish();
  }
  const compiled = compileModule(parsed.module, filename);
  if (!compiled.ok) {
    if ("unsupported" in compiled) {
      const u = compiled.unsupported;
      status = "unsupported";
      exitCode = null;
      stop = { message: `${u.what} is not supported by Interleave`, ...spanOf(u.line, u.col, u.endLine, u.endCol) };
      return finish();
    }
    const e = compiled.error;
    machine.output.push({
      stream: "stderr",
      text: formatSyntaxError(filename, e.type, e.message, e.line, e.col, e.endLine, e.endCol, lines),
    });
    status = "syntax-error";
    exitCode = 1;
    stop = { message: `${e.type}: ${e.message}`, ...spanOf(e.line, e.col, e.endLine, e.endCol) };
    return finish();
  }

  const pendingTracebacks: (() => void)[] = [];
  const fail = (err: unknown): void => {
    if (err instanceof PyBaseException) {
      if (isInstance(err, SystemExitType)) {
        const code = err.args.items.length ? err.args.items[0] : None;
        if (code === None) {
          exitCode = 0;
        } else if (typeof code === "number" || typeof code === "boolean") {
          exitCode = Number(code) & 0xff;
        } else {
          machine.output.push({ stream: "stderr", text: str(code) + "\n" });
          exitCode = 1;
        }
      } else {
        status = "exception";
        exitCode = 1;
        // The traceback takes its place in the output now; its text is made once the machine
        // has stopped, since str() of the exception may run Python code (a __str__ method).
        const chunk = { stream: "stderr" as const, text: "" };
        machine.output.push(chunk);
        const builtinNames = machine.builtins.keyList().map(String);
        pendingTracebacks.push(() => {
          chunk.text = formatException(err, (f) => machine.sources.get(f), builtinNames);
          const inUser = err.traceback.filter((t) => t.code.filename === filename);
          const last = inUser[inUser.length - 1];
          if (last !== undefined) {
            const p = last.code.positions;
            const i = last.pc * 4;
            stop = { message: formatExceptionOnly(err).trim(), ...spanOf(p[i], p[i + 1], p[i + 2], p[i + 3]) };
          }
        });
      }
    } else if (err instanceof MachineStop) {
      status = err.status;
      exitCode = null;
      stop = { message: err.message, ...err.span, waiting: err.waiting };
    } else if (err instanceof Unsupported) {
      status = "unsupported";
      exitCode = null;
      stop = { message: `${err.what} is not supported by Interleave`, ...where() };
    } else if (err instanceof LimitReached) {
      status = err.limit;
      exitCode = null;
      stop = { message: err.message, ...where() };
    } else {
      status = "internal-error";
      exitCode = null;
      const msg = err instanceof Error ? (err.stack ?? err.message) : String(err);
      stop = { message: `internal error in the simulator: ${msg}`, ...where() };
    }
  };
  try {
    sim = makeMachine(machine, filename, { ...options, seed });
    sim.onMainError = fail;
    sim.mainCode = compiled.code;
    sim.run(() => {
      machine.builtins = makeBuiltins();
      const main = new PyModule("__main__");
      main.dict!.setStr("__file__", filename);
      main.dict!.setStr("__builtins__", machine.importModule("builtins"));
      main.dict!.setStr("__doc__", None);
      machine.modules.set("__main__", main);
      return Machine.moduleFrame(compiled.code, main);
    });
  } catch (err) {
    fail(err);
  }
  for (const format of pendingTracebacks.splice(0)) {
    format();
  }
  return finish();
}
