/**
 * The `interleave` command line. `interleave run FILE` behaves like `python3 FILE`: the
 * program's stdout on stdout, its stderr on stderr, exit code 1 on an uncaught exception.
 *
 * Exit codes besides the program's own: 2 usage error, 3 unsupported construct,
 * 4 a limit was reached, 5 a deadlock or a hang, 70 an internal error of the simulator.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { StrategyName } from "./scheduler/scheduler";
import type { MachineSettings } from "./runtime/session";
import { simulate } from "./simulate";
import { explore, failingFindings, type ExploreOptions, type ExploreReport } from "./explore";
import { toChromeTrace } from "./trace/chrome";
import type { Profile } from "./trace/report";

const USAGE = `usage: interleave run FILE [--strategy timed|random|pct] [--seed N] [--depth D]
                      [--profile 3.12|3.9|3.13t] [--cores N] [--switch-interval MS]
                      [--start-method spawn|fork] [--schedule TOKEN] [--json]
                      [--chrome-trace OUT] [--summary] [--max-steps N] [--max-time S] [--stdin TEXT]
       interleave explore FILE [--runs N | --time S] [--json] [machine options as for run]
       interleave check FILE... [--runs N] [--json] [--fail-on KINDS] [machine options]

  run FILE             run a Python program in the simulator, printing what python3 would print
  explore FILE         run many schedules (timed, then random and pct); print the outcomes seen
                       and every finding with a schedule token that replays it
  check FILE...        explore each file; print its findings as FILE:LINE:COL: lines; exit 1 when
                       one fails the check (every error-level finding, or --fail-on KINDS:
                       comma-separated kinds such as race,deadlock,hang), 0 when clean
  --runs N             schedules to explore (default 100 for explore, 50 for check)
  --time S             explore for S wall-clock seconds instead of a number of runs
  --strategy S         how the scheduler decides: timed (faithful GIL timing, default), random, pct
  --seed N             seed for the strategy and for random when the program does not seed it (default 0)
  --depth D            PCT's bug depth (default 3)
  --profile P          Python's threading model: 3.12 (default), 3.9 (switch at any bytecode),
                       3.13t (free-threaded, no GIL)
  --cores N            virtual cores (default 4; os.cpu_count() returns N)
  --switch-interval MS the GIL switch interval in milliseconds (default 5)
  --start-method M     multiprocessing start method: spawn (default) or fork
  --schedule TOKEN     replay the run a schedule token describes (from --summary or the Report)
  --json               print the Report (JSON) instead of the program's output
  --chrome-trace OUT   write the run's timeline as Chrome trace-event JSON (opens in Perfetto)
  --summary            print a short summary on stderr after the run, with the schedule token
  --max-steps N        stop after N instructions (default 50000000)
  --max-time S         stop after S virtual seconds (default 3600)
  --stdin TEXT         text the program reads as standard input (default: empty)
`;

function fail(message: string): never {
  process.stderr.write(`interleave: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help") {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== "run" && command !== "explore" && command !== "check") {
    fail(`unknown command '${command}'`);
  }
  const files: string[] = [];
  let runs: number | undefined;
  let timeS: number | undefined;
  let failOn: string[] | null = null;
  let json = false;
  let summary = false;
  let seed = 0;
  let stdin = "";
  let chromeOut: string | undefined;
  const machine: MachineSettings = {};
  const oneOf = <T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T => {
    if (v === undefined || !(allowed as readonly string[]).includes(v)) {
      fail(`${flag} needs one of ${allowed.join(", ")}`);
    }
    return v as T;
  };
  const limits: { maxSteps?: number; maxTimeS?: number } = {};
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0) {
      fail(`${flag} needs a non-negative number`);
    }
    return n;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    switch (a) {
      case "--json":
        json = true;
        break;
      case "--summary":
        summary = true;
        break;
      case "--seed":
        seed = num(a, rest[++i]);
        break;
      case "--max-steps":
        limits.maxSteps = num(a, rest[++i]);
        break;
      case "--max-time":
        limits.maxTimeS = num(a, rest[++i]);
        break;
      case "--strategy":
        machine.strategy = oneOf<StrategyName>(a, rest[++i], ["timed", "random", "pct"]);
        break;
      case "--depth":
        machine.depth = Math.max(1, Math.floor(num(a, rest[++i])));
        break;
      case "--profile":
        machine.profile = oneOf<Profile>(a, rest[++i], ["3.12", "3.9", "3.13t"]);
        break;
      case "--cores":
        machine.cores = Math.max(1, Math.floor(num(a, rest[++i])));
        break;
      case "--switch-interval": {
        const ms = num(a, rest[++i]);
        if (ms <= 0) {
          fail("--switch-interval needs a positive number of milliseconds");
        }
        machine.switchIntervalS = ms / 1000;
        break;
      }
      case "--start-method":
        machine.startMethod = oneOf(a, rest[++i], ["spawn", "fork"] as const);
        break;
      case "--schedule":
        machine.schedule = rest[++i] ?? fail("--schedule needs a token");
        if (!machine.schedule.startsWith("il1.")) {
          fail(`not a schedule token: ${machine.schedule}`);
        }
        break;
      case "--chrome-trace":
        chromeOut = rest[++i] ?? fail("--chrome-trace needs a file name");
        break;
      case "--stdin":
        stdin = rest[++i] ?? fail("--stdin needs a value");
        break;
      case "--runs":
        if (command === "run") {
          fail("--runs is for explore and check");
        }
        runs = Math.max(1, Math.floor(num(a, rest[++i])));
        break;
      case "--time":
        if (command === "run") {
          fail("--time is for explore and check");
        }
        timeS = num(a, rest[++i]);
        break;
      case "--fail-on":
        if (command !== "check") {
          fail("--fail-on is for check");
        }
        failOn = (rest[++i] ?? fail("--fail-on needs kinds")).split(",").map((k) => k.trim()).filter((k) => k !== "");
        break;
      default:
        if (a.startsWith("-")) {
          fail(`unknown option '${a}'`);
        }
        files.push(a);
    }
  }
  if (files.length === 0) {
    fail("missing FILE");
  }
  if (files.length > 1 && command !== "check") {
    fail(`only one FILE can be given to ${command}`);
  }
  if (runs !== undefined && timeS !== undefined) {
    fail("give --runs or --time, not both");
  }
  const sources: string[] = [];
  for (const f of files) {
    try {
      sources.push(readFileSync(f, "utf8"));
    } catch (e) {
      process.stderr.write(`interleave: can't open file '${f}': ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (command !== "run") {
    const options = { seed, stdin, limits, machine, runs: runs ?? (timeS === undefined ? (command === "check" ? 50 : 100) : undefined), timeS };
    return command === "explore"
      ? exploreCommand(files[0], sources[0], options, json)
      : checkCommand(files, sources, options, json, failOn);
  }
  const file = files[0];
  const source = sources[0];
  const report = simulate(source, { filename: resolve(file), seed, stdin, limits, machine });
  if (chromeOut !== undefined) {
    writeFileSync(chromeOut, JSON.stringify(toChromeTrace(report)) + "\n");
    if (summary) {
      process.stderr.write(`interleave: wrote the timeline to ${chromeOut} (Chrome trace events: open it in https://ui.perfetto.dev)\n`);
    }
  }
  const o = report.outcome;
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    process.stdout.write(o.stdout);
    process.stderr.write(o.stderr);
  }
  const stopFinding = report.findings.find((f) => STOP_KINDS.has(f.kind) && f.severity !== "info");
  if (!json && stopFinding !== undefined && o.status !== "syntax-error") {
    const l = stopFinding.locations[0];
    process.stderr.write(`interleave: ${o.status} at ${basename(file)}:${l?.line ?? "?"}: ${stopFinding.message}\n`);
  }
  if (summary) {
    for (const f of report.findings.filter((x) => !STOP_KINDS.has(x.kind) && x.kind !== "unhandled-exception")) {
      process.stderr.write(`interleave: ${f.severity} ${f.kind}: ${f.message}\n`);
    }
    process.stderr.write(
      `interleave: ${o.status}, exit code ${o.exitCode ?? "-"}, ${report.stats.steps} steps, ${seconds(report.stats.virtualTime)} virtual time, ` +
        `parallelism ${(report.stats.parallelism ?? 0).toFixed(2)}, schedule ${report.schedule}\n`,
    );
  }
  switch (o.status) {
    case "unsupported":
      return 3;
    case "step-limit":
    case "time-limit":
    case "output-limit":
      return 4;
    case "deadlock":
    case "hang":
      return 5;
    case "internal-error":
      return 70;
    default:
      return o.exitCode ?? 1;
  }
}

/** A duration as people read it: "2.500 s", "0.356 ms". */
const seconds = (s: number): string => (s >= 1 ? `${s.toFixed(3)} s` : `${(s * 1000).toFixed(3)} ms`);

/** Findings that say why a run stopped (printed after the program's output by `run`). */
const STOP_KINDS = new Set(["syntax-error", "unsupported", "limit", "internal-error", "deadlock", "hang"]);

const oneLine = (s: string, n = 70): string => {
  const t = JSON.stringify(s);
  return t.length > n ? `${t.slice(0, n - 4)}..."` : t;
};

function exploreCommand(file: string, source: string, options: ExploreOptions, json: boolean): number {
  const r = explore(source, { ...options, filename: resolve(file) });
  if (json) {
    process.stdout.write(JSON.stringify(r, null, 2) + "\n");
    return 0;
  }
  const out: string[] = [];
  out.push(`${r.runs} schedules of ${basename(file)} (${r.schedulesPerSecond} per second): ${r.outcomes.length} different outcome${r.outcomes.length === 1 ? "" : "s"}`);
  for (const o of r.outcomes.slice(0, 20)) {
    out.push(`  ${String(o.count).padStart(5)} x ${o.status}: ${oneLine(o.stdout)}`);
  }
  if (r.outcomes.length > 20) {
    out.push(`  ... and ${r.outcomes.length - 20} more (--json lists them all)`);
  }
  out.push(r.findings.length === 0 ? "no findings" : `${r.findings.length} finding${r.findings.length === 1 ? "" : "s"}:`);
  for (const f of r.findings) {
    const l = f.locations[0];
    out.push(`  ${f.severity} ${f.kind} (in ${f.runs} of ${r.runs} runs)${l ? ` at line ${l.line}` : ""}: ${f.message}`);
    if (f.schedule) {
      out.push(`    replay: interleave run ${file} --schedule ${f.schedule}`);
    }
  }
  process.stdout.write(out.join("\n") + "\n");
  return 0;
}

function checkCommand(files: string[], sources: string[], options: ExploreOptions, json: boolean, failOn: string[] | null): number {
  let failed = false;
  let unusable = false;
  const results: { file: string; report: ExploreReport }[] = [];
  files.forEach((file, i) => {
    const r = explore(sources[i], { ...options, filename: resolve(file) });
    results.push({ file, report: r });
    if (r.findings.some((f) => f.kind === "syntax-error")) {
      unusable = true;
    }
    const bad = failingFindings(r, failOn);
    failed ||= bad.length > 0;
    if (!json) {
      for (const f of r.findings) {
        const l = f.locations[0];
        process.stdout.write(`${file}:${l?.line ?? 1}:${(l?.col ?? 0) + 1}: ${f.severity} ${f.kind}: ${f.message}\n`);
        if (f.schedule && f.kind !== "syntax-error") {
          process.stdout.write(`    replay: interleave run ${file} --schedule ${f.schedule}\n`);
        }
      }
    }
  });
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + "\n");
  } else {
    const n = results.reduce((a, x) => a + x.report.runs, 0);
    process.stderr.write(`interleave check: ${files.length} file${files.length === 1 ? "" : "s"}, ${n} schedules: ${unusable ? "syntax errors" : failed ? "FAILED" : "ok"}\n`);
  }
  return unusable ? 2 : failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
