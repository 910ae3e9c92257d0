/**
 * The differential suite: every program in cases/ must print exactly what CPython 3.11
 * printed (recorded in expected/ by record.mjs), stdout, stderr and exit code. When python3
 * is on the machine, the recordings themselves are checked against it first, so a stale
 * recording cannot hide a difference.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSource } from "../../simulator/run";

const dir = __dirname;
const cases = readdirSync(join(dir, "cases"))
  .filter((f) => f.endsWith(".py"))
  .sort();

interface Expected {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const expected = (name: string): Expected =>
  JSON.parse(readFileSync(join(dir, "expected", name.replace(/\.py$/, ".out")), "utf8")) as Expected;

function hasPython(): boolean {
  try {
    return execFileSync("python3", ["-c", "import sys; print(sys.version_info[:2] == (3, 11))"]).toString().trim() === "True";
  } catch {
    return false;
  }
}

describe("differential: the simulator prints what CPython prints", () => {
  it("has at least 150 programs", () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.skipIf(!hasPython())("recordings match python3 3.11 on this machine", () => {
    const out = execFileSync("node", [join(dir, "record.mjs"), "--check"], { encoding: "utf8" });
    expect(out).toContain("all recordings match");
  }, 300_000);

  for (const name of cases) {
    it(name, () => {
      const source = readFileSync(join(dir, "cases", name), "utf8");
      const want = expected(name);
      const got = runSource(source, { filename: name });
      expect({ stdout: got.stdout, stderr: got.stderr, exitCode: got.exitCode }).toEqual(want);
    });
  }
});
