#!/usr/bin/env node
/**
 * Records what CPython 3.11 prints for every program in cases/ into expected/NNN_topic.out,
 * as JSON { "stdout": ..., "stderr": ..., "exitCode": N }.
 *
 *   node test/differential/record.mjs            re-record every case
 *   node test/differential/record.mjs 042 json   re-record only cases whose name contains one of the words
 *   node test/differential/record.mjs --check    re-run every case and compare with the recordings;
 *                                                 prints "all recordings match" or the differences (exit 1)
 *
 * Each case runs as `python3 -X utf8 NNN_topic.py` from inside cases/, with PYTHONHASHSEED=0,
 * PYTHONIOENCODING=utf-8 and LC_ALL=C.UTF-8. CPython names the script by its absolute path in
 * tracebacks and warnings; that path is rewritten to the bare file name, which is what the
 * simulator is given as the file name.
 */
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, "cases");
const expectedDir = join(here, "expected");
const PYTHON = process.env.INTERLEAVE_PYTHON || "python3";
const TIMEOUT_MS = 20_000;

function pythonEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Nothing from the caller's environment that could change what Python prints.
    if (k.startsWith("PYTHON") || k.startsWith("INTERLEAVE_") || k.startsWith("LC_") || k === "LANG") continue;
    env[k] = v;
  }
  env.PYTHONHASHSEED = "0";
  env.PYTHONIOENCODING = "utf-8";
  env.LC_ALL = "C.UTF-8";
  return env;
}

function checkVersion() {
  const r = spawnSync(PYTHON, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    console.error(`record.mjs: cannot run ${PYTHON}: ${r.error?.message ?? r.stderr}`);
    process.exit(2);
  }
  const version = r.stdout.trim();
  if (version !== "3.11") {
    console.error(`record.mjs: need CPython 3.11, ${PYTHON} is ${version}`);
    process.exit(2);
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Runs one case and resolves to what it printed, with the script path reduced to its bare name. */
function runCase(name) {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ["-X", "utf8", name], { cwd: casesDir, env: pythonEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`${name}: ${e.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === null) return reject(new Error(`${name}: killed by ${signal}`));
      const prefix = new RegExp(escapeRegExp(casesDir + "/"), "g");
      const clean = (chunks) => Buffer.concat(chunks).toString("utf8").replace(prefix, "");
      resolve({ stdout: clean(out), stderr: clean(err), exitCode: code });
    });
  });
}

/** Runs every case, a few at a time, and returns the results in the order of the names. */
async function runAll(names) {
  const results = new Array(names.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(names.length, Math.max(1, availableParallelism())) }, async () => {
    while (next < names.length) {
      const i = next++;
      results[i] = await runCase(names[i]);
    }
  });
  await Promise.all(workers);
  return results;
}

function outName(name) {
  return name.replace(/\.py$/, ".out");
}

function serialize(result) {
  return JSON.stringify(result, null, 2) + "\n";
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const filters = args.filter((a) => !a.startsWith("--"));
  checkVersion();
  let cases = readdirSync(casesDir)
    .filter((f) => f.endsWith(".py"))
    .sort();
  if (filters.length) cases = cases.filter((c) => filters.some((f) => c.includes(f)));
  if (!cases.length) {
    console.error("record.mjs: no cases selected");
    process.exit(2);
  }
  mkdirSync(expectedDir, { recursive: true });

  const problems = [];
  const results = await runAll(cases);
  for (const [i, name] of cases.entries()) {
    const result = results[i];
    const file = join(expectedDir, outName(name));
    if (check) {
      if (!existsSync(file)) {
        problems.push(`${name}: no recording (${outName(name)})`);
        continue;
      }
      const want = JSON.parse(readFileSync(file, "utf8"));
      for (const key of ["stdout", "stderr", "exitCode"]) {
        if (want[key] !== result[key]) {
          problems.push(`${name}: ${key} differs\n  recorded: ${JSON.stringify(want[key])}\n  python:   ${JSON.stringify(result[key])}`);
        }
      }
    } else {
      writeFileSync(file, serialize(result));
      const tag = result.exitCode === 0 ? "" : ` (exit ${result.exitCode})`;
      console.log(`recorded ${name}${tag}`);
    }
  }
  if (check) {
    const recorded = new Set(cases.map(outName));
    if (!filters.length) {
      for (const f of readdirSync(expectedDir).filter((f) => f.endsWith(".out"))) {
        if (!recorded.has(f)) problems.push(`${f}: recording without a case`);
      }
    }
    if (problems.length) {
      console.log(problems.join("\n"));
      console.log(`${problems.length} problem(s) in ${cases.length} cases`);
      process.exit(1);
    }
    console.log(`all recordings match (${cases.length} cases)`);
  } else {
    console.log(`${cases.length} cases recorded into ${expectedDir}`);
  }
}

main().catch((e) => {
  console.error(`record.mjs: ${e.message}`);
  process.exit(2);
});
