/**
 * The settings of one simulated machine (the CLI's --profile, --cores, --strategy, ...) and
 * how a run's machine and schedule token are made from them. A token carries every setting
 * that decides the schedule, so `--schedule TOKEN` alone replays a run.
 */
import { decodeToken, encodeToken, makeScheduler, type StrategyName } from "../scheduler/index";
import type { Profile } from "../trace/report";
import type { Vm } from "../vm/vm";
import { DEFAULT_SWITCH_INTERVAL_S, Machine } from "./machine";

export interface MachineSettings {
  profile?: Profile;
  cores?: number;
  /** sys.getswitchinterval() at start, in seconds. */
  switchIntervalS?: number;
  strategy?: StrategyName;
  /** PCT's depth d. */
  depth?: number;
  startMethod?: "spawn" | "fork";
  /** A schedule token to replay (overrides the other settings). */
  schedule?: string;
}

/** The settings a run actually used, with defaults filled in (from the token when replaying). */
export function resolveSettings(seed: number, m: MachineSettings = {}): Required<Omit<MachineSettings, "schedule">> & { seed: number; replay?: number[] } {
  if (m.schedule !== undefined) {
    const t = decodeToken(m.schedule);
    if (t === undefined) {
      throw new Error(`not a schedule token: ${m.schedule}`);
    }
    return {
      seed: t.seed,
      profile: t.profile,
      cores: t.cores,
      switchIntervalS: t.switchIntervalUs / 1e6,
      strategy: t.strategy,
      depth: t.depth,
      startMethod: t.startMethod,
      replay: t.choices,
    };
  }
  return {
    seed,
    profile: m.profile ?? "3.12",
    cores: Math.max(1, Math.floor(m.cores ?? 4)),
    switchIntervalS: m.switchIntervalS ?? DEFAULT_SWITCH_INTERVAL_S,
    strategy: m.strategy ?? "timed",
    depth: m.depth ?? 3,
    startMethod: m.startMethod ?? "spawn",
  };
}

/** A machine for one run of `filename`. */
export function makeMachine(vm: Vm, filename: string, options: { seed?: number; machine?: MachineSettings }): Machine {
  const s = resolveSettings(options.seed ?? 0, options.machine);
  const scheduler = makeScheduler(s.strategy, s.seed, s.depth, s.replay);
  const m = new Machine(vm, {
    profile: s.profile,
    cores: s.cores,
    switchIntervalS: s.switchIntervalS,
    startMethod: s.startMethod,
    scheduler,
    filename,
  });
  m.settings = s;
  return m;
}

/** The token that replays the run `m` made. */
export function scheduleToken(m: Machine): string {
  const s = m.settings!;
  return encodeToken({
    strategy: s.strategy,
    seed: s.seed,
    profile: s.profile,
    cores: s.cores,
    startMethod: s.startMethod,
    switchIntervalUs: Math.round(s.switchIntervalS * 1e6),
    depth: s.depth,
    // A seeded run's choices are drawn again from its seed; a replayed one's are spelled out.
    choices: s.replay !== undefined ? m.options.scheduler.choices.recorded : undefined,
  });
}
