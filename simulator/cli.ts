/**
 * The `interleave` command line. `interleave run FILE` behaves like `python3 FILE`: the
 * program's stdout on stdout, its stderr on stderr, exit code 1 on an uncaught exception.
 *
 * Exit codes besides the program's own: 2 usage error, 3 unsupported construct,
 * 4 a limit was reached, 70 an internal error of the simulator.
 */
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { simulate } from "./simulate";

const USAGE = `usage: interleave run FILE [--json] [--summary] [--seed N] [--max-steps N] [--max-time S] [--stdin TEXT]

  run FILE      run a Python program in the simulator, printing what python3 would print
  --json        print the Report (JSON) instead of the program's output
  --summary     print a short summary on stderr after the run
  --seed N      seed for the random module when the program does not seed it (default 0)
  --max-steps N stop after N instructions (default 50000000)
  --max-time S  stop after S virtual seconds (default 3600)
  --stdin TEXT  text the program reads as standard input (default: empty)
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
  if (command !== "run") {
    fail(`unknown command '${command}'`);
  }
  let file: string | undefined;
  let json = false;
  let summary = false;
  let seed = 0;
  let stdin = "";
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
      case "--stdin":
        stdin = rest[++i] ?? fail("--stdin needs a value");
        break;
      default:
        if (a.startsWith("-")) {
          fail(`unknown option '${a}'`);
        }
        if (file !== undefined) {
          fail("only one FILE can be run");
        }
        file = a;
    }
  }
  if (file === undefined) {
    fail("missing FILE");
  }
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (e) {
    process.stderr.write(`interleave: can't open file '${file}': ${(e as Error).message}\n`);
    return 2;
  }
  const report = simulate(source, { filename: resolve(file), seed, stdin, limits });
  const o = report.outcome;
  if (json) {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    process.stdout.write(o.stdout);
    process.stderr.write(o.stderr);
  }
  const stopFinding = report.findings.find((f) => f.kind !== "unhandled-exception");
  if (!json && stopFinding !== undefined && o.status !== "syntax-error") {
    const l = stopFinding.locations[0];
    process.stderr.write(`interleave: ${o.status} at ${basename(file)}:${l?.line ?? "?"}: ${stopFinding.message}\n`);
  }
  if (summary) {
    process.stderr.write(
      `interleave: ${o.status}, exit code ${o.exitCode ?? "-"}, ${report.stats.steps} steps, ${report.stats.virtualTime.toFixed(3)} s virtual time\n`,
    );
  }
  switch (o.status) {
    case "unsupported":
      return 3;
    case "step-limit":
    case "time-limit":
    case "output-limit":
      return 4;
    case "internal-error":
      return 70;
    default:
      return o.exitCode ?? 1;
  }
}

process.exitCode = main(process.argv.slice(2));
