/**
 * The command line as CI jobs and people use it: `run` behaves like python3 (output, exit
 * codes), `explore` gives the ExploreReport, `check` fails a build on a race and passes a clean
 * file. Runs the built bundle (npm test builds before it tests).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const cli = join(__dirname, "..", "..", "dist", "cli.js");
const dir = mkdtempSync(join(tmpdir(), "interleave-cli-"));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const racy = file(
  "racy.py",
  `import threading
count = 0
def work():
    global count
    for _ in range(200):
        count += 1
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(count)
`,
);
const locked = file(
  "locked.py",
  `import threading
count = 0
lock = threading.Lock()
def work():
    global count
    for _ in range(200):
        with lock:
            count += 1
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(count)
`,
);

describe("interleave CLI", () => {
  it("run prints what python3 prints and exits as it does", () => {
    expect(run("run", locked)).toMatchObject({ code: 0, stdout: "400\n", stderr: "" });
    const e = run("run", file("boom.py", "print('a')\n1/0\n"));
    expect(e.code).toBe(1);
    expect(e.stdout).toBe("a\n");
    expect(e.stderr).toMatch(/ZeroDivisionError: division by zero\n$/);
  });

  it("run's own exit codes: usage 2, unsupported 3, limit 4, deadlock 5", () => {
    expect(run("run").code).toBe(2);
    expect(run("run", locked, "--profile", "2.7").code).toBe(2);
    expect(run("run", file("u.py", "import requests\n")).code).toBe(3);
    expect(run("run", file("loop.py", "while True:\n    pass\n"), "--max-steps", "10000").code).toBe(4);
    const d = run("run", file("self.py", "import threading\nl = threading.Lock()\nl.acquire()\nl.acquire()\n"));
    expect(d.code).toBe(5);
    expect(d.stderr).toContain("deadlock");
  });

  it("run --summary names the race; --json is the Report", () => {
    const s = run("run", racy, "--summary");
    expect(s.stdout).toBe("400\n");
    expect(s.stderr).toContain("error race: Lost update on count");
    const j = JSON.parse(run("run", racy, "--json").stdout);
    expect(j.version).toBe(1);
    expect(j.findings.map((f: { kind: string }) => f.kind)).toContain("race");
  });

  it("explore --json is an ExploreReport with the outcome histogram", () => {
    const r = JSON.parse(run("explore", racy, "--runs", "6", "--json").stdout);
    expect(r.runs).toBe(6);
    expect(r.outcomes.reduce((a: number, o: { count: number }) => a + o.count, 0)).toBe(6);
    expect(r.outcomes[0]).toMatchObject({ stdout: "400\n", status: "completed" });
    expect(r.findings[0]).toMatchObject({ kind: "race", severity: "error" });
    expect(r.findings[0].schedule).toMatch(/^il1\./);
  });

  it("check fails on a race (1), passes a clean file (0), refuses a syntax error (2)", () => {
    const bad = run("check", racy, locked, "--runs", "4");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/racy\.py:6:\d+: error race: Lost update on count/);
    expect(bad.stdout).not.toContain("locked.py");
    expect(run("check", locked, "--runs", "4").code).toBe(0);
    expect(run("check", file("py2.py", 'print "x"\n'), "--runs", "2").code).toBe(2);
    expect(run("check", racy, "--runs", "4", "--fail-on", "deadlock").code).toBe(0);
  });

  it("a schedule token replays the run", () => {
    const j = JSON.parse(run("run", racy, "--json", "--strategy", "random", "--seed", "9").stdout);
    const again = JSON.parse(run("run", racy, "--json", "--schedule", j.schedule).stdout);
    expect(again.events).toEqual(j.events);
  });
});
