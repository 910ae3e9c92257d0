/**
 * The seed corpus: every snippet of the tutorials Interleave serves. The ones whose
 * constructs the simulator covers must print what CPython printed (expected/*.cpython311.txt:
 * stdout and stderr as a terminal showed them, and the exit code). Every other snippet must
 * stop with a clear `unsupported` outcome naming what it lacks — never a wrong answer.
 * Later issues move snippets from WAITING to RUNS.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSource, type RunResult } from "../../simulator/run";

const dir = join(__dirname, "seeds");

/**
 * Snippets that must reproduce CPython's output exactly today: under spawn (the default
 * start method) against expected/*.cpython311-spawn.txt when it exists, and under fork
 * against expected/*.cpython311.txt.
 */
const RUNS = new Set([
  "s000_06_thread_loop_join.py",
  "s000_07_thread_balance_nolock.py",
  "s000_08_thread_balance_lock.py",
  "s000_10_threadlocal_student.py",
  "s000_13_generator_consumer_produce.py",
  "s002_01_coroutine_decorator_producer.py",
  "s002_01_coroutine_decorator_producer_py3.py",
  "s003_09_thread_event_wait.py",
]);

/**
 * Snippets that run but whose output depends on timing or randomness CPython does not
 * control: each gets a check of what must hold in every run (on the Report).
 */
const NONDETERMINISTIC: Record<string, (r: RunResult, want: { exit: number; text: string }) => void> = {
  // Three pollers wake at the same instant; their order is the OS's.
  "s003_08_thread_flag_polling.py": (r, want) => {
    expect(lines(r).sort()).toEqual(want.text.split("\n").filter(Boolean).sort());
    expect(r.virtualTime).toBeCloseTo(3, 2);
  },
  // Two sleeps of randint(5, 10) s overlap: the total is the longer one, not the sum.
  "s004_01_thread_download_two_files.py": (r) => {
    const took = lines(r)
      .map((l) => /耗费了(\d+)秒$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => Number(m![1]));
    expect(took).toHaveLength(2);
    const total = Number(/总共耗费了([\d.]+)秒/.exec(r.stdout)![1]);
    expect(total).toBeCloseTo(Math.max(...took), 1);
    expect(total).toBeLessThan(took[0] + took[1]);
  },
};

const lines = (r: RunResult): string[] => r.output.map((c) => c.text).join("").split("\n").filter(Boolean);

/** What each remaining snippet waits for (the module or construct the unsupported outcome must name). */
const WAITING: Record<string, RegExp> = {};

function expectedOf(name: string, variant: "" | "-spawn" = ""): { exit: number; text: string } | null {
  const file = join(dir, "expected", name.replace(/\.py$/, `.cpython311${variant}.txt`));
  if (!existsSync(file)) {
    return null;
  }
  const raw = readFileSync(file, "utf8");
  const m = /^# exit: (\d+)\n/.exec(raw);
  return m ? { exit: Number(m[1]), text: raw.slice(m[0].length) } : null;
}

const snippets = readdirSync(dir)
  .filter((f) => f.endsWith(".py"))
  .sort();

describe("seed corpus", () => {
  it("has all 81 snippets", () => {
    expect(snippets.length).toBe(81);
  });

  for (const name of snippets) {
    const source = readFileSync(join(dir, name), "utf8");
    if (RUNS.has(name)) {
      const spawn = expectedOf(name, "-spawn");
      it(`${name} prints what CPython printed`, () => {
        const want = spawn ?? expectedOf(name)!;
        const r = runSource(source, { filename: name });
        expect(r.output.map((c) => c.text).join("")).toBe(want.text);
        expect(r.exitCode).toBe(want.exit);
      });
      if (spawn !== null) {
        it(`${name} prints what CPython printed under fork`, () => {
          const want = expectedOf(name)!;
          const r = runSource(source, { filename: name, machine: { startMethod: "fork" } });
          expect(r.output.map((c) => c.text).join("")).toBe(want.text);
          expect(r.exitCode).toBe(want.exit);
        });
      }
    } else if (name in NONDETERMINISTIC) {
      it(`${name} runs and shows what every run must show`, () => {
        const r = runSource(source, { filename: name });
        expect(r.status).toBe("completed");
        NONDETERMINISTIC[name](r, expectedOf(name)!);
      });
    } else {
      it(`${name} stops as unsupported, naming what it needs`, () => {
        const r = runSource(source, { filename: name, limits: { maxSteps: 2_000_000 } });
        expect(r.status).toBe("unsupported");
        expect(r.stop?.message).toMatch(WAITING[name] ?? /is not supported by Interleave/);
        expect(r.stop?.line).toBeGreaterThan(0);
      });
    }
  }
});
