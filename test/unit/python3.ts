/**
 * The reference interpreter for the unit suites that compare with CPython directly: whether
 * this machine has python3 3.11, and a way to run a script through it.
 */
import { execFileSync } from "node:child_process";

/** python3 is CPython 3.11 (the reference); suites that need it skip without it. */
export const hasPython = ((): boolean => {
  try {
    return execFileSync("python3", ["--version"]).toString().startsWith("Python 3.11");
  } catch {
    return false;
  }
})();

/** Runs `script` with `python3 -c`, feeding `input` on stdin; returns its stdout. */
export function python(script: string, input = ""): string {
  return execFileSync("python3", ["-c", script], { input, maxBuffer: 256 << 20 }).toString();
}
