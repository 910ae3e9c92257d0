/** Helpers for the runtime specs: run a snippet on the simulated machine. */
import { runSource, type RunResult } from "../../simulator/run";
import type { MachineSettings } from "../../simulator/runtime/session";
import { simulate } from "../../simulator/simulate";
import type { Report } from "../../simulator/trace/report";

/** Strips the common indentation of a snippet written inline. */
export function py(src: string): string {
  const lines = src.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

export function run(src: string, machine: MachineSettings = {}, maxSteps?: number, seed = 0): RunResult {
  return runSource(py(src), { filename: "main.py", machine, seed, limits: maxSteps ? { maxSteps } : undefined });
}

export function report(src: string, machine: MachineSettings = {}, seed = 0): Report {
  return simulate(py(src), { filename: "main.py", machine, seed });
}

/** Everything the program wrote, stdout and stderr in order. */
export const out = (r: RunResult): string => r.output.map((c) => c.text).join("");
