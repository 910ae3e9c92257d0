/**
 * The seed corpus: every snippet of the tutorials Interleave serves. The ones whose
 * constructs the simulator covers must print what CPython printed (expected/*.cpython311.txt:
 * stdout and stderr as a terminal showed them, and the exit code). Every other snippet must
 * stop with a clear `unsupported` outcome naming what it lacks — never a wrong answer.
 * Later issues move snippets from WAITING to RUNS.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSource } from "../../simulator/run";

const dir = join(__dirname, "seeds");

/** Snippets that must reproduce CPython's output exactly today. */
const RUNS = new Set([
  "s000_13_generator_consumer_produce.py",
  "s002_01_coroutine_decorator_producer.py",
  "s002_01_coroutine_decorator_producer_py3.py",
]);

/** What each remaining snippet waits for (the module or construct the unsupported outcome must name). */
const WAITING: Record<string, RegExp> = {};

function expectedOf(name: string): { exit: number; text: string } | null {
  const file = join(dir, "expected", name.replace(/\.py$/, ".cpython311.txt"));
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
      it(`${name} prints what CPython printed`, () => {
        const want = expectedOf(name)!;
        const r = runSource(source, { filename: name });
        expect(r.output.map((c) => c.text).join("")).toBe(want.text);
        expect(r.exitCode).toBe(want.exit);
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
