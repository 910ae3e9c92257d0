/**
 * The extension host's handle on the simulator worker (node:worker_threads, driven with
 * comlink). One worker, started on first use; a cancelled run terminates it and a crashed one
 * is replaced on the next call, so the extension host never runs the interpreter and never dies
 * with it. No 'vscode' import: the unit tests drive it directly.
 */
import { Worker } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import type { Report } from "../simulator/trace/report";
import type { RunRequest, WorkerApi } from "./worker";

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
    if (signal?.aborted) {
      return Promise.reject(new RunCancelled());
    }
    const l = this.ensure();
    return new Promise<Report>((resolve, reject) => {
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
      l.api.simulate(source, request).then(
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
