import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RunCancelled, SimulatorWorker, WorkerCrashed } from "../../extension/simulatorWorker";

// dist/worker.js is built by `npm test` before vitest runs.
const worker = new SimulatorWorker(path.resolve("dist/worker.js"));
afterAll(() => worker.dispose());

describe("the simulator worker (worker_threads + comlink)", () => {
  it("runs simulate() off the calling thread", async () => {
    const r = await worker.simulate("print(sum(range(10)))\n", { filename: "t.py", seed: 3 });
    expect(r.outcome.stdout).toBe("45\n");
    expect(r.config.seed).toBe(3);
  });

  it("explores in the worker and reports progress through a comlink proxy", async () => {
    const progress: number[] = [];
    const ex = await worker.explore("print('x')\n", { runs: 4 }, (done) => progress.push(done));
    expect(ex.runs).toBe(4);
    expect(ex.outcomes).toEqual([expect.objectContaining({ stdout: "x\n", count: 4 })]);
    await new Promise((r) => setTimeout(r, 50));
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it("is cancelled by terminating it, and the next run starts a new one", async () => {
    const abort = new AbortController();
    const run = worker.simulate("while True:\n    pass\n", { filename: "spin.py" }, abort.signal);
    setTimeout(() => abort.abort(), 150);
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    const r = await worker.simulate("print('again')\n", {});
    expect(r.outcome.stdout).toBe("again\n");
  });

  it("reports a crashing worker as WorkerCrashed, and keeps working", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "interleave-worker-"));
    const script = path.join(dir, "crash.js");
    writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });\n");
    const crashing = new SimulatorWorker(script);
    await expect(crashing.simulate("x = 1\n", {})).rejects.toBeInstanceOf(WorkerCrashed);
    await expect(crashing.simulate("x = 1\n", {})).rejects.toThrow(/boom/);
    crashing.dispose();
  });
});
