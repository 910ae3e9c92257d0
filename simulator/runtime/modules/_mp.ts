/**
 * `_mp`: the process-level primitives of the simulated `multiprocessing` (its Python half is
 * multiprocessing.ts): starting a process by spawn or fork, joining and terminating it, and
 * the constructors of the objects processes share (runtime/mpsync.ts, mpchannels.ts,
 * mpvalues.ts). Shared objects are the same JS object in every process (transfer.ts
 * `markShared`); values crossing between processes are pickled.
 */
import { arity, builtin } from "../../vm/define";
import { Unsupported } from "../../vm/errors";
import { registerModule } from "../../vm/modules";
import { None, PyBaseException, type KwArgs, type PyValue } from "../../vm/objects";
import { callPy, getAttr, truthy } from "../../vm/protocol";
import { formatException, formatExceptionOnly } from "../../vm/traceback";
import { vm } from "../../vm/vm";
import { cloneHeap, reseedRandom } from "../fork";
import { machine, Machine } from "../machine";
import { CHANNEL_FACTORIES } from "../mpchannels";
import { SYNC_FACTORIES } from "../mpsync";
import { VALUE_FACTORIES } from "../mpvalues";
import type { SimProcess } from "../task";
import { pickle, unpickle } from "../transfer";
import { tmo } from "../waiters";

/** The frames CPython's spawn_main shows when a child cannot unpickle what the parent sent (3.11.7). */
const SPAWN_MAIN_TRACEBACK =
  "Traceback (most recent call last):\n" +
  '  File "<string>", line 1, in <module>\n' +
  '  File "<stdlib>/multiprocessing/spawn.py", line 122, in spawn_main\n' +
  "    exitcode = _main(fd, parent_sentinel)\n" +
  "               ^^^^^^^^^^^^^^^^^^^^^^^^^^\n" +
  '  File "<stdlib>/multiprocessing/spawn.py", line 132, in _main\n' +
  "    self = reduction.pickle.load(from_parent)\n" +
  "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n";

/** CPU time a spawned child spends starting an interpreter and importing the main module (measured: ~50 ms on CPython 3.11). */
const SPAWN_STARTUP_S = 0.05;
/** CPU time fork() and the child's bootstrap take. */
const FORK_STARTUP_S = 0.002;

// ---------------------------------------------------------------- processes

/** The SimProcess behind a pid. */
function procOf(pid: PyValue): SimProcess | undefined {
  return machine().processes.find((p) => p.pid === pid);
}

/** CPython's report of an exception that ends a process (BaseProcess._bootstrap; 3.11.7 line numbers). */
function reportProcessException(name: string, exc: PyBaseException, defaultRun: boolean): void {
  const v = vm();
  const saved = exc.traceback;
  exc.traceback = saved.filter((e) => !e.code.filename.startsWith("<stdlib>/multiprocessing"));
  let text: string;
  try {
    text = formatException(exc, (f) => v.sources.get(f), v.builtins.keyList().map(String));
  } finally {
    exc.traceback = saved;
  }
  const head = "Traceback (most recent call last):\n";
  let stdlib = `  File "<stdlib>/multiprocessing/process.py", line 314, in _bootstrap\n    self.run()\n`;
  if (defaultRun) {
    stdlib += `  File "<stdlib>/multiprocessing/process.py", line 108, in run\n    self._target(*self._args, **self._kwargs)\n`;
  }
  text = text.startsWith(head) ? head + stdlib + text.slice(head.length) : head + stdlib + text;
  v.write("stderr", `Process ${name}:\n${text}`);
}

/** Starts the child process of the Process object `obj` (spawn re-runs the main module; fork copies the heap). */
function startProcess(obj: PyValue, method: string, name: string, daemon: boolean): number {
  const m = machine();
  const parent = m.proc();
  if (method !== "spawn" && method !== "fork") {
    throw new Unsupported(`the '${method}' start method`);
  }
  let init: () => ReturnType<typeof Machine.moduleFrame> | null;
  let child: SimProcess;
  if (method === "fork") {
    const heap = cloneHeap(parent.modules, vm().builtins, [obj]);
    const copy = heap.roots[0] as PyValue;
    init = () => {
      const mp = child.modules.get("multiprocessing");
      if (mp !== undefined) {
        callPy(mp.dict!.getStr("_after_fork")!, [copy]);
      }
      reseedRandom(child.modules, m.vm.seed * 1000003 + child.pid);
      return Machine.callFrame(getAttr(copy, "_bootstrap"), []);
    };
    child = m.newProcess(parent, name, () => init());
    child.modules = heap.modules;
    child.builtins = heap.builtins;
  } else {
    const pickled = pickle(obj).p;
    const code = m.mainCode;
    if (code === null) {
      throw new Unsupported("spawning a process from a program without a main module");
    }
    init = () => {
      const v = vm();
      v.builtins = m.freshBuiltins();
      child.builtins = v.builtins;
      const main = m.newMainModule("__mp_main__");
      v.modules.set("__mp_main__", main);
      v.modules.set("__main__", main);
      return Machine.moduleFrame(code, main);
    };
    child = m.newProcess(parent, name, () => init());
    child.main.onRootDone = () => {
      child.main.onRootDone = (code2) => {
        child.pendingExit = typeof code2 === "number" ? code2 : 0;
        return null;
      };
      let copy: PyValue;
      try {
        copy = unpickle(pickled);
      } catch (err) {
        if (err instanceof PyBaseException) {
          vm().write("stderr", SPAWN_MAIN_TRACEBACK + formatExceptionOnly(err));
          child.pendingExit = 1;
          child.main.onRootDone = null;
          return null;
        }
        throw err;
      }
      const mp = vm().importModule("multiprocessing");
      callPy(mp.dict!.getStr("_after_spawn")!, [copy]);
      return Machine.callFrame(getAttr(copy, "_bootstrap"), []);
    };
  }
  if (method === "fork") {
    child.main.onRootDone = (code2) => {
      child.pendingExit = typeof code2 === "number" ? code2 : 0;
      return null;
    };
  }
  child.daemon = daemon;
  // A spawned interpreter starts with the default switch interval; fork copies the parent's.
  if (method === "spawn") {
    child.switchInterval = m.options.switchIntervalS;
  }
  child.main.startupCost = method === "spawn" ? SPAWN_STARTUP_S : FORK_STARTUP_S;
  child.handle = obj;
  const at = m.now();
  m.record("process-start", m.cur!, { detail: `${name} (pid ${child.pid}, ${method})`, target: child.main.id }, at);
  m.start(child.main, null);
  return child.pid;
}

registerModule("_mp", (mod) => {
  const d = mod.dict!;
  const def = (name: string, fn: (args: PyValue[], kwargs: KwArgs | null) => PyValue): void => {
    d.setStr(name, builtin(name, fn));
  };
  def("_start", (args) => {
    arity("_start", args.length, 4);
    return startProcess(args[0], String(args[1]), String(args[2]), truthy(args[3]));
  });
  def("_join", (args) => {
    arity("_join", args.length, 2);
    const m = machine();
    const p = procOf(args[0]);
    const timeout = tmo(args[1]);
    const me = m.cur!;
    if (p === undefined || !p.alive) {
      if (p !== undefined) {
        m.record("process-join", me, { detail: p.name, target: p.main.id, from: p.main.endEvent });
      }
      return None;
    }
    if (timeout === 0) {
      return None;
    }
    if (!m.canBlock()) {
      throw new Unsupported("Process.join() inside Python code run from the simulator's native code");
    }
    const onEnd = (): void => {
      m.record("process-join", me, { detail: p.name, target: p.main.id, from: p.main.endEvent }, p.endTime ?? undefined);
      m.wake(me, None, p.endTime ?? undefined);
    };
    p.joiners.push(onEnd);
    return m.block({
      reason: `Process.join() on ${p.name}`,
      timeout: timeout < 0 ? undefined : timeout,
      onTimeout: () => None,
      cancel: () => {
        const i = p.joiners.indexOf(onEnd);
        if (i >= 0) {
          p.joiners.splice(i, 1);
        }
      },
      waitsFor: () => [p.main, ...p.threads.filter((t) => !t.done && t !== p.main)],
    });
  });
  def("_alive", (args) => procOf(args[0])?.alive ?? false);
  def("_exitcode", (args) => procOf(args[0])?.exitcode ?? None);
  def("_terminate", (args) => {
    const m = machine();
    const p = procOf(args[0]);
    if (p !== undefined && p.alive) {
      m.record("terminate", m.cur!, { detail: p.name, target: p.main.id });
      m.terminate(p, m.now(), args.length > 1 ? Number(args[1]) : -15);
    }
    return None;
  });
  def("_pid", () => machine().proc().pid);
  def("_unsupported", (args) => {
    throw new Unsupported(String(args[0]));
  });
  def("_ppid", () => machine().proc().parent?.pid ?? None);
  def("_start_method", () => machine().options.startMethod);
  def("_report_exception", (args) => {
    const [name, exc, defaultRun] = args;
    if (exc instanceof PyBaseException) {
      reportProcessException(String(name), exc, truthy(defaultRun));
    }
    return None;
  });  for (const factories of [SYNC_FACTORIES, CHANNEL_FACTORIES, VALUE_FACTORIES]) {
    for (const [name, fn] of Object.entries(factories)) {
      def(name, fn);
    }
  }
});

