/**
 * The extension host's handle on the simulator worker (node:worker_threads, driven with
 * comlink). One worker, started on first use; a cancelled run terminates it and a crashed one
 * is replaced on the next call, so the extension host never runs the interpreter and never dies
 * with it. No 'vscode' import: the unit tests drive it directly.
 */
import { Worker } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import type { ExploreReport } from "../simulator/explore";
import type { Report } from "../simulator/trace/report";
import type { ExploreRequest, RunRequest, WorkerApi } from "./worker";

/** The run was cancelled by the user (the worker was terminated). */
export class RunCancelled extends Error {
  constructor() {
    super("The run was cancelled.");
  }
}

/** The worker died during a run (an exception outside the simulator's own handling, or out of memory). */
export class WorkerCrashed extends Error {}

interface Live {
  worker: Worker;
  api: Comlink.Remote<WorkerApi>;
}

export class SimulatorWorker {
  private live: Live | undefined;

  /** `script` is the bundled worker (dist/worker.js). */
  constructor(
    private readonly script: string,
    private readonly maxMemoryMb = 2048,
  ) {}

  private ensure(): Live {
    if (this.live === undefined) {
      const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb } });
      worker.unref();
      this.live = { worker, api: Comlink.wrap<WorkerApi>(nodeEndpoint(worker)) };
    }
    return this.live;
  }

  private drop(l: Live): void {
    if (this.live === l) {
      this.live = undefined;
    }
    void l.worker.terminate();
  }

  /** One simulate() run in the worker. Rejects with RunCancelled or WorkerCrashed. */
  simulate(source: string, request: RunRequest, signal?: AbortSignal): Promise<Report> {
    return this.call((api) => api.simulate(source, request), signal);
  }

  /** explore() in the worker, with `onRun` called after each run. Rejects with RunCancelled or WorkerCrashed. */
  explore(source: string, request: ExploreRequest, onRun: (done: number, total: number) => void, signal?: AbortSignal): Promise<ExploreReport> {
    return this.call((api) => api.explore(source, request, Comlink.proxy(onRun)), signal);
  }

  /** Runs `f` against the worker, turning its death or a cancellation into a rejection. */
  private call<T>(f: (api: Comlink.Remote<WorkerApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) {
      return Promise.reject(new RunCancelled());
    }
    const l = this.ensure();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (f: () => void): void => {
        if (!settled) {
          settled = true;
          l.worker.off("exit", onExit);
          l.worker.off("error", onError);
          signal?.removeEventListener("abort", onAbort);
          f();
        }
      };
      const onExit = (code: number): void => settle(() => (this.drop(l), reject(new WorkerCrashed(`The simulator worker stopped unexpectedly (exit code ${code}).`))));
      const onError = (err: Error): void => settle(() => (this.drop(l), reject(new WorkerCrashed(`The simulator worker crashed: ${err.message}`))));
      const onAbort = (): void => settle(() => (this.drop(l), reject(new RunCancelled())));
      l.worker.on("exit", onExit);
      l.worker.on("error", onError);
      signal?.addEventListener("abort", onAbort, { once: true });
      f(l.api).then(
        (r) => settle(() => resolve(r)),
        (e: unknown) => settle(() => reject(e instanceof Error ? e : new Error(String(e)))),
      );
    });
  }

  /** Ends the worker (deactivation). */
  dispose(): void {
    if (this.live !== undefined) {
      this.drop(this.live);
    }
  }
}
