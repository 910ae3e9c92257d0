/**
 * Same input + seed + settings give a byte-identical Report, across the whole seed corpus;
 * a schedule token replays its run exactly; tokens survive a round trip.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeToken, encodeToken, type ScheduleToken } from "../../simulator/scheduler/index";
import { SplitMix32 } from "../../simulator/scheduler/choices";
import { simulate } from "../../simulator/simulate";
import { py } from "./run";

const corpus = join(__dirname, "..", "corpus", "seeds");
const limits = { maxSteps: 3_000_000 };

describe("determinism", () => {
  const names = readdirSync(corpus).filter((f) => f.endsWith(".py")).sort();
  for (const name of names) {
    it(`${name}: two runs give the same Report, byte for byte`, () => {
      const src = readFileSync(join(corpus, name), "utf8");
      const a = JSON.stringify(simulate(src, { filename: name, seed: 7, limits }));
      const b = JSON.stringify(simulate(src, { filename: name, seed: 7, limits }));
      expect(a).toBe(b);
    });
  }
});

const racy = py(`
  import threading, sys, random
  sys.setswitchinterval(1e-5)
  balance = 0
  def change_it(n):
      global balance
      balance = balance + n
      balance = balance - n
  def run_thread(n):
      for i in range(3000):
          change_it(n)
  ts = [threading.Thread(target=run_thread, args=(k,)) for k in (5, 8, 13)]
  for t in ts: t.start()
  for t in ts: t.join()
  print(balance, random.random())
`);

describe("schedule tokens", () => {
  for (const strategy of ["timed", "random", "pct"] as const) {
    for (const seed of [1, 2, 3]) {
      it(`replaying a ${strategy} run (seed ${seed}) from its token reproduces it exactly`, () => {
        const first = simulate(racy, { filename: "main.py", seed, machine: { strategy, profile: "3.9" } });
        expect(first.outcome.status).toBe("completed");
        const again = simulate(racy, { filename: "main.py", machine: { schedule: first.schedule } });
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      });
    }
  }

  it("random schedules differ from seed to seed on a racy program", () => {
    const outs = new Set([1, 2, 3, 4, 5].map((seed) => simulate(racy, { filename: "main.py", seed, machine: { strategy: "random", profile: "3.9" } }).schedule));
    expect(outs.size).toBeGreaterThan(1);
  });

  it("round-trips through encode and decode", () => {
    const rng = new SplitMix32(42);
    for (let i = 0; i < 200; i++) {
      const t: ScheduleToken = {
        strategy: (["timed", "random", "pct"] as const)[rng.below(3)],
        seed: rng.nextU32(),
        profile: (["3.9", "3.12", "3.13t"] as const)[rng.below(3)],
        cores: 1 + rng.below(64),
        startMethod: rng.below(2) ? "fork" : "spawn",
        switchIntervalUs: rng.below(1_000_000),
        depth: 1 + rng.below(5),
        ...(rng.below(4) === 0 ? {} : { choices: Array.from({ length: rng.below(300) }, () => (rng.below(3) === 0 ? rng.below(1000) : 0)) }),
      };
      expect(decodeToken(encodeToken(t))).toEqual(t);
    }
    expect(decodeToken("not-a-token")).toBeUndefined();
  });

  it("a seeded run's token is short; a token with explicit choices replays them", () => {
    const first = simulate(racy, { filename: "main.py", seed: 5, machine: { strategy: "random", profile: "3.9" } });
    expect(first.schedule.length).toBeLessThan(40);
    const t = decodeToken(first.schedule)!;
    // Spelling out the choices the seed made gives the same run.
    const seeded = simulate(racy, { filename: "main.py", machine: { schedule: first.schedule } });
    expect(seeded.outcome.stdout).toBe(first.outcome.stdout);
    const zeros = encodeToken({ ...t, choices: [] });
    const a = simulate(racy, { filename: "main.py", machine: { schedule: zeros } });
    const b = simulate(racy, { filename: "main.py", machine: { schedule: a.schedule } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
