/** The `interleave.*` settings as the Controls of a run. */
import * as vscode from "vscode";
import { isControls, PROFILES, STRATEGIES, type Controls } from "./protocol";
import type { RunRequest } from "./worker";

export const DEFAULT_CONTROLS: Controls = { strategy: "timed", profile: "3.12", seed: 0, cores: 4, switchIntervalMs: 5, runs: 20 };

/** The settings, each one that is missing or out of range replaced by its default. */
export function readControls(): Controls {
  const c = vscode.workspace.getConfiguration("interleave");
  const candidate = {
    strategy: c.get<string>("strategy", DEFAULT_CONTROLS.strategy),
    profile: c.get<string>("profile", DEFAULT_CONTROLS.profile),
    seed: c.get<number>("seed", DEFAULT_CONTROLS.seed),
    cores: c.get<number>("cores", DEFAULT_CONTROLS.cores),
    switchIntervalMs: c.get<number>("switchIntervalMs", DEFAULT_CONTROLS.switchIntervalMs),
    runs: c.get<number>("explore.runs", DEFAULT_CONTROLS.runs),
  };
  if (isControls(candidate)) {
    return candidate;
  }
  return {
    strategy: (STRATEGIES as readonly string[]).includes(candidate.strategy) ? (candidate.strategy as Controls["strategy"]) : DEFAULT_CONTROLS.strategy,
    profile: (PROFILES as readonly string[]).includes(candidate.profile) ? (candidate.profile as Controls["profile"]) : DEFAULT_CONTROLS.profile,
    seed: Number.isInteger(candidate.seed) && candidate.seed >= 0 ? candidate.seed : DEFAULT_CONTROLS.seed,
    cores: Number.isInteger(candidate.cores) && candidate.cores >= 1 ? candidate.cores : DEFAULT_CONTROLS.cores,
    switchIntervalMs: candidate.switchIntervalMs > 0 ? candidate.switchIntervalMs : DEFAULT_CONTROLS.switchIntervalMs,
    runs: Number.isInteger(candidate.runs) && candidate.runs >= 1 ? candidate.runs : DEFAULT_CONTROLS.runs,
  };
}

/**
 * The worker request for one run with these controls. A schedule token, when given, carries
 * its own seed and machine settings and overrides the rest (runtime/session.ts).
 */
export function requestOf(controls: Controls, filename: string, seed = controls.seed, schedule?: string): RunRequest {
  return {
    filename,
    seed,
    machine: {
      profile: controls.profile,
      cores: controls.cores,
      strategy: controls.strategy,
      switchIntervalS: controls.switchIntervalMs / 1000,
      schedule,
    },
  };
}
