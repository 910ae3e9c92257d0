// Times the simulator against python3 on the same CPU-bound programs: median of 5 runs each,
// both measured inside their own process (no start-up time), side by side in one session.
// Writes bench/results.json and bench/results.md with the ratios.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { runSource } = require("../dist/simulator.js");
const dir = new URL("./programs/", import.meta.url).pathname;
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pyTimer = `
import sys, time, io, contextlib
src = open(sys.argv[1]).read()
code = compile(src, sys.argv[1], "exec")
times = []
for _ in range(${RUNS}):
    buf = io.StringIO()
    t = time.perf_counter()
    with contextlib.redirect_stdout(buf):
        exec(code, {"__name__": "__main__"})
    times.append(time.perf_counter() - t)
print(" ".join(repr(x) for x in times))
print(buf.getvalue(), end="")
`;

const rows = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
  const path = join(dir, file);
  const source = readFileSync(path, "utf8");
  const [pyLine, ...pyOut] = execFileSync("python3", ["-c", pyTimer, path], { encoding: "utf8" }).split("\n");
  const py = median(pyLine.split(" ").map(Number));
  const times = [];
  let out = "";
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = runSource(source, { filename: file });
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
    out = r.stdout;
    if (r.status !== "completed") {
      throw new Error(`${file}: ${r.status} ${r.stop?.message ?? r.stderr}`);
    }
  }
  const same = out === pyOut.join("\n");
  const sim = median(times);
  rows.push({ program: file, python3_s: py, interleave_s: sim, ratio: sim / py, sameOutput: same });
  console.log(`${file.padEnd(14)} python3 ${py.toFixed(4)} s  interleave ${sim.toFixed(4)} s  ratio ${(sim / py).toFixed(2)}x${same ? "" : "  OUTPUT DIFFERS"}`);
}
const pyVersion = execFileSync("python3", ["--version"], { encoding: "utf8" }).trim();
// Lock contention: the same locked increments in two threads against one thread. Each engine's
// own ratio shows what contention costs it (CPython: GIL and lock hand-offs; Interleave: the
// machine's thread switches and blocking), side by side. Ratios, not thresholds.
const row = (name) => rows.find((r) => r.program === name);
const one = row("lock_one_thread.py");
const two = row("lock_two_threads.py");
const contention = one && two ? { python3: two.python3_s / one.python3_s, interleave: two.interleave_s / one.interleave_s } : null;
if (contention) {
  console.log(`contended lock, two threads / one thread: python3 ${contention.python3.toFixed(2)}x  interleave ${contention.interleave.toFixed(2)}x`);
}
const result = { date: new Date().toISOString(), node: process.version, python: pyVersion, runs: RUNS, rows, contention };
writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify(result, null, 2) + "\n");
const md = [
  `# Interpreter benchmark`,
  ``,
  `Median of ${RUNS} in-process runs each, ${pyVersion} against Interleave on node ${process.version}, same machine, same session (${result.date}).`,
  `Ratio = Interleave time / CPython time (lower is better; the target is 3x, the stretch 1.5x).`,
  ``,
  `| program | python3 (s) | interleave (s) | ratio | same output |`,
  `| --- | --- | --- | --- | --- |`,
  ...rows.map((r) => `| ${r.program} | ${r.python3_s.toFixed(4)} | ${r.interleave_s.toFixed(4)} | ${r.ratio.toFixed(2)}x | ${r.sameOutput ? "yes" : "NO"} |`),
  ``,
  ...(contention
    ? [
        `Contended lock (lock_two_threads.py / lock_one_thread.py, the same 100 000 locked increments):`,
        `python3 ${contention.python3.toFixed(2)}x, Interleave ${contention.interleave.toFixed(2)}x.`,
        ``,
      ]
    : []),
].join("\n");
writeFileSync(new URL("./results.md", import.meta.url), md);
