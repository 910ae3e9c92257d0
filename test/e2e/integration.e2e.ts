/**
 * The Mocha integration suite (test/integration) inside code-server's real extension host: a
 * small runner extension, built here, activates on startup, runs the suite's `run()` (the same
 * entry point @vscode/test-electron calls) and writes each result to a file we wait for.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestResult } from "../integration/suite/index";
import { launchBrowser, openWorkbench, ROOT, startCodeServer, type CodeServer } from "./codeServer";

const RUN_DIR = path.join(ROOT, ".e2e/run");
const RESULTS = path.join(RUN_DIR, "integration-results.json");

function buildRunner(): string {
  const dir = path.join(RUN_DIR, "integration-runner");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(ROOT, "dist/integration/suite.js"), path.join(dir, "suite.js"));
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: "interleave-integration-runner",
      displayName: "Interleave integration runner (test only)",
      publisher: "interleave",
      version: "0.0.1",
      license: "MIT",
      engines: { vscode: "^1.90.0" },
      main: "./runner.js",
      activationEvents: ["onStartupFinished"],
      extensionDependencies: ["interleave.interleave"],
    }),
  );
  writeFileSync(
    path.join(dir, "runner.js"),
    `const fs = require("fs");
const out = ${JSON.stringify(RESULTS)};
exports.activate = async () => {
  const results = [];
  // Written aside and renamed, so the test never reads half a file.
  const write = (done, error) => {
    fs.writeFileSync(out + ".tmp", JSON.stringify({ done, error, results }));
    fs.renameSync(out + ".tmp", out);
  };
  write(false);
  try {
    await require("./suite.js").run((r) => { results.push(r); write(false); });
    write(true);
  } catch (e) {
    write(true, String((e && e.message) || e));
  }
};
`,
  );
  writeFileSync(path.join(dir, "README.md"), "Runs Interleave's integration suite in the extension host (test only).\n");
  const vsce = path.join(ROOT, "node_modules/.bin/vsce");
  const r = spawnSync(vsce, ["package", "--no-dependencies", "--allow-missing-repository", "--skip-license", "-o", "runner.vsix"], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`packing the runner failed:\n${r.stdout}\n${r.stderr}`);
  }
  return path.join(dir, "runner.vsix");
}

interface Results {
  done: boolean;
  error?: string;
  results: TestResult[];
}

describe("integration suite in code-server's extension host", () => {
  let server: CodeServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(RUN_DIR, { recursive: true });
    rmSync(RESULTS, { force: true });
    const workspace = path.join(RUN_DIR, "integration-workspace");
    mkdirSync(workspace, { recursive: true });
    server = await startCodeServer("integration", [path.join(ROOT, "interleave.vsix"), buildRunner()], workspace);
    browser = await launchBrowser();
    // The extension host starts when a window connects.
    await openWorkbench(browser, server, workspace);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("passes every test", async () => {
    const deadline = Date.now() + 240_000;
    let res: Results | undefined;
    while (Date.now() < deadline) {
      if (existsSync(RESULTS)) {
        res = JSON.parse(readFileSync(RESULTS, "utf8")) as Results;
        if (res.done) {
          break;
        }
      }

      await new Promise((r) => setTimeout(r, 500));
    }
    expect(res, "the runner extension wrote results").toBeDefined();
    for (const t of res!.results) {
      console.log(`  ${t.state === "passed" ? "✓" : "✗"} ${t.title} (${t.durationMs} ms)${t.error ? `\n${t.error}` : ""}`);
    }
    expect(res!.done, "the suite finished").toBe(true);
    expect(res!.results.filter((t) => t.state === "failed").map((t) => `${t.title}: ${t.error}`)).toEqual([]);
    expect(res!.error).toBeUndefined();
    expect(res!.results.length).toBeGreaterThanOrEqual(10);
  });
});
