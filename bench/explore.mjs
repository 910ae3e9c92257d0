// Exploration benchmark (issue 4): schedules per second on small snippets, and how many
// schedules the portfolio needs to find the five philosophers' deadlock. Figures, not
// thresholds: written to bench/explore-results.json and bench/explore-results.md.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { explore } = require("../dist/simulator.js");
const cases = new URL("../test/analysis/cases/", import.meta.url).pathname;

const SNIPPETS = [
  ["01_balance_nolock.py", 100],
  ["02_balance_lock.py", 100],
  ["21_list_append_atomic.py", 100],
  ["31_philosophers_print.py", 100],
  ["46_pipeline_sentinel.py", 100],
];

const rows = [];
for (const [name, runs] of SNIPPETS) {
  const source = readFileSync(cases + name, "utf8");
  explore(source, { runs: 5, filename: name }); // warm-up
  const t = process.hrtime.bigint();
  const r = explore(source, { runs, filename: name });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  rows.push({ snippet: name, runs, seconds: s, schedulesPerSecond: runs / s, outcomes: r.outcomes.length, findings: r.findings.map((f) => f.kind) });
  console.log(`${name.padEnd(28)} ${runs} schedules in ${s.toFixed(2)} s: ${(runs / s).toFixed(1)}/s, ${r.outcomes.length} outcomes, findings: ${r.findings.map((f) => f.kind).join(", ") || "none"}`);
}

// The five philosophers (a print between the two forks): the first schedule that deadlocks.
const philosophers = readFileSync(cases + "31_philosophers_print.py", "utf8");
let firstDeadlock = null;
explore(philosophers, {
  runs: 1000,
  filename: "31_philosophers_print.py",
  onRun: (done, _total, report) => {
    if (report.outcome.status === "deadlock") {
      firstDeadlock = done;
      return false;
    }
  },
});
const all = explore(philosophers, { runs: 1000, filename: "31_philosophers_print.py" });
const deadlocks = all.outcomes.filter((o) => o.status === "deadlock").reduce((a, o) => a + o.count, 0);
console.log(`five philosophers: first deadlock at schedule ${firstDeadlock ?? "> 1000"}; ${deadlocks} of 1000 schedules deadlock`);

const result = { date: new Date().toISOString(), node: process.version, rows, philosophers: { firstDeadlock, deadlocksIn1000: deadlocks } };
writeFileSync(new URL("./explore-results.json", import.meta.url), JSON.stringify(result, null, 2) + "\n");
writeFileSync(
  new URL("./explore-results.md", import.meta.url),
  [
    "# Exploration benchmark",
    "",
    `Schedules per second of \`explore()\` (portfolio: timed, then random and PCT), node ${process.version}, ${result.date}.`,
    "",
    "| snippet | schedules | seconds | schedules/s | outcomes | findings |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.snippet} | ${r.runs} | ${r.seconds.toFixed(2)} | ${r.schedulesPerSecond.toFixed(1)} | ${r.outcomes} | ${r.findings.join(", ") || "none"} |`),
    "",
    `Five philosophers (test/analysis/cases/31_philosophers_print.py): the first deadlocking schedule is number ${firstDeadlock ?? "> 1000"}; ${deadlocks} of 1000 schedules deadlock.`,
    "",
  ].join("\n"),
);
