/**
 * Specs as data: each cases/NAME.py must print exactly cases/NAME.out (what CPython 3.11
 * printed, run with the spawn start method, paths shown as the simulator names them), and
 * cases/NAME.fork.out when it exists under the fork start method.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSource } from "../../simulator/run";

const dir = join(__dirname, "cases");

describe("runtime cases", () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
    const source = readFileSync(join(dir, name), "utf8");
    for (const [method, suffix] of [["spawn", ".out"], ["fork", ".fork.out"]] as const) {
      const file = join(dir, name.replace(/\.py$/, suffix));
      if (!existsSync(file)) {
        continue;
      }
      it(`${name} prints what CPython printed (${method})`, () => {
        const r = runSource(source, { filename: name, machine: { startMethod: method } });
        expect(r.output.map((c) => c.text).join("")).toBe(readFileSync(file, "utf8"));
        expect(r.status).toBe("completed");
      });
    }
  }
});
