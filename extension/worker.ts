/**
 * The simulator worker's entry point (bundled to dist/worker.js): simulate() and explore()
 * behind comlink. Runs in a node:worker_threads worker started by simulatorWorker.ts.
 */
import { parentPort } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { explore, type ExploreOptions, type ExploreReport } from "../simulator/explore";
import { simulate, type SimulateOptions } from "../simulator/simulate";
import type { Report } from "../simulator/trace/report";

/** One run's options: simulate()'s own (the machine settings, or a schedule token to replay). */
export type RunRequest = SimulateOptions;

/** An exploration's options, without the callback (which crosses the thread as its own argument). */
export type ExploreRequest = Omit<ExploreOptions, "onRun">;

const api = {
  simulate(source: string, request: RunRequest): Report {
    return simulate(source, request);
  },
  /**
   * `onRun` is a comlink proxy of the host's progress callback: each call posts a message at once
   * (the exploration itself is synchronous), so the host sees progress as it happens.
   */
  explore(source: string, request: ExploreRequest, onRun?: (done: number, total: number) => unknown): ExploreReport {
    return explore(source, { ...request, onRun: onRun === undefined ? undefined : (done, total) => void onRun(done, total) });
  },
};

export type WorkerApi = typeof api;

if (parentPort !== null) {
  Comlink.expose(api, nodeEndpoint(parentPort));
}
