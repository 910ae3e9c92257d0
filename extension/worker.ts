/**
 * The simulator worker's entry point (bundled to dist/worker.js): simulate() behind comlink.
 * Runs in a node:worker_threads worker started by simulatorWorker.ts.
 */
import { parentPort } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { simulate, type SimulateOptions } from "../simulator/simulate";
import type { Report } from "../simulator/trace/report";

/**
 * simulate()'s options, plus the choices the multi-thread runtime is to accept under these
 * names (strategy, switch interval, a schedule token to replay); simulate() ignores what it does
 * not know yet, and the Report's config says what was actually used.
 */
export interface RunRequest extends SimulateOptions {
  strategy?: string;
  switchIntervalMs?: number;
  schedule?: string;
}

const api = {
  simulate(source: string, request: RunRequest): Report {
    return simulate(source, request);
  },
};

export type WorkerApi = typeof api;

if (parentPort !== null) {
  Comlink.expose(api, nodeEndpoint(parentPort));
}
