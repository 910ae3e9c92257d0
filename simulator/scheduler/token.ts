/**
 * The schedule token: a compact, printable encoding of everything that decides a run —
 * strategy, seed, profile, cores, start method, switch interval, PCT depth and the choices
 * made — so `replay` reproduces the run exactly (shuttle's schedule string, adapted).
 * A run whose choices all came from its seed needs no choices in its token: the same
 * strategy with the same seed makes them again. A schedule built or changed choice by
 * choice (explored, minimized) carries them.
 * Layout: "il1." + base64url of varints; choices are run-length coded (a run of zeros,
 * common under `timed`, costs two varints).
 */
import type { StrategyName } from "./scheduler";

export interface ScheduleToken {
  strategy: StrategyName;
  seed: number;
  profile: "3.9" | "3.12" | "3.13t";
  cores: number;
  startMethod: "spawn" | "fork";
  /** Switch interval in microseconds. */
  switchIntervalUs: number;
  depth: number;
  /** The choices made, in order; undefined when they are the seed's own (drawn again on replay). */
  choices?: number[];
}

const STRATEGIES: StrategyName[] = ["timed", "random", "pct"];
const PROFILES: ScheduleToken["profile"][] = ["3.9", "3.12", "3.13t"];
const PREFIX = "il1.";

function pushVarint(out: number[], n: number): void {
  let v = Math.max(0, Math.floor(n));
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

export function encodeToken(t: ScheduleToken): string {
  const out: number[] = [];
  pushVarint(out, STRATEGIES.indexOf(t.strategy));
  pushVarint(out, t.seed >>> 0);
  pushVarint(out, PROFILES.indexOf(t.profile));
  pushVarint(out, t.cores);
  pushVarint(out, t.startMethod === "fork" ? 1 : 0);
  pushVarint(out, t.switchIntervalUs);
  pushVarint(out, t.depth);
  pushVarint(out, t.choices === undefined ? 0 : 1);
  // Choices: a 0 followed by a count is a run of zeros; a choice c > 0 is written as itself.
  const cs = t.choices ?? [];
  for (let i = 0; i < cs.length; ) {
    if (cs[i] === 0) {
      let j = i;
      while (j < cs.length && cs[j] === 0) {
        j++;
      }
      pushVarint(out, 0);
      pushVarint(out, j - i);
      i = j;
    } else {
      pushVarint(out, cs[i]);
      i++;
    }
  }
  return PREFIX + Buffer.from(out).toString("base64url");
}

/** Decodes a token; returns undefined when it is not one. */
export function decodeToken(s: string): ScheduleToken | undefined {
  if (!s.startsWith(PREFIX)) {
    return undefined;
  }
  const bytes = Buffer.from(s.slice(PREFIX.length), "base64url");
  let i = 0;
  const read = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (i >= bytes.length) {
        throw new Error("truncated");
      }
      const b = bytes[i++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) {
        return v;
      }
      mul *= 0x80;
    }
  };
  try {
    const strategy = STRATEGIES[read()];
    const seed = read();
    const profile = PROFILES[read()];
    const cores = read();
    const startMethod = read() === 1 ? "fork" : "spawn";
    const switchIntervalUs = read();
    const depth = read();
    const explicit = read() === 1;
    const choices: number[] = [];
    while (i < bytes.length) {
      const c = read();
      if (c === 0) {
        const n = read();
        for (let k = 0; k < n; k++) {
          choices.push(0);
        }
      } else {
        choices.push(c);
      }
    }
    if (strategy === undefined || profile === undefined) {
      return undefined;
    }
    return { strategy, seed, profile, cores, startMethod, switchIntervalUs, depth, ...(explicit ? { choices } : {}) };
  } catch {
    return undefined;
  }
}
