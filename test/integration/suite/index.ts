/**
 * The integration suite's entry point, in @vscode/test-electron's layout: `run()` is called
 * inside a real extension host (by test-electron's runTests, or by the code-server runner of
 * test/e2e) and resolves when every test passed. Bundled to dist/integration/suite.js.
 */
import Mocha from "mocha";

export interface TestResult {
  title: string;
  state: "passed" | "failed";
  durationMs: number;
  error?: string;
}

/** Runs the suite; `onResult` (the code-server runner's) gets each test as it ends. */
export function run(onResult?: (r: TestResult) => void): Promise<void> {
  const mocha = new Mocha({ ui: "tdd", color: false, timeout: 120_000 });
  mocha.suite.emit("pre-require", globalThis, "extension.test.ts", mocha);
  // Registers the suites on the globals set up above; bundled, so required rather than globbed.
  require("./extension.test");
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
    runner.on("pass", (t) => onResult?.({ title: t.fullTitle(), state: "passed", durationMs: t.duration ?? 0 }));
    runner.on("fail", (t, err: Error) => onResult?.({ title: t.fullTitle(), state: "failed", durationMs: t.duration ?? 0, error: err.stack ?? err.message }));
  });
}
