/**
 * The GIL per profile (DESIGN.md §3): where a thread switch may fall decides whether the
 * unlocked `balance` update loses writes, and whether CPU-bound threads run in parallel.
 */
import { describe, expect, it } from "vitest";
import { report, run } from "./run";

const balance = (body: string): string => `
  import threading, sys
  sys.setswitchinterval(1e-6)
  balance = 0
  def bump():
      return 0
  def change_it(n):
      global balance
      ${body}
  def run_thread(n):
      for i in range(20000):
          change_it(n)
  t1 = threading.Thread(target=run_thread, args=(5,))
  t2 = threading.Thread(target=run_thread, args=(8,))
  t1.start(); t2.start(); t1.join(); t2.join()
  print(balance)
`;
const plain = balance("balance = balance + n\n      balance = balance - n");
const withCall = balance("balance = balance + n + bump()\n      balance = balance - n + bump()");

describe("GIL profiles", () => {
  it("3.12 hands the GIL over only at eval-breaker points: no lost update in change_it", () => {
    expect(run(plain, { profile: "3.12" }).stdout).toBe("0\n");
  });

  it("3.9 may switch between any two bytecodes: the unlocked balance loses updates", () => {
    expect(run(plain, { profile: "3.9" }).stdout).not.toBe("0\n");
  });

  it("3.12 loses updates again once a Python call sits inside the statement", () => {
    const results = [1, 2, 3].map((seed) => run(withCall, { profile: "3.12", strategy: "random", schedule: undefined }, undefined, seed).stdout);
    expect(results.some((r) => r !== "0\n")).toBe(true);
    for (const seed of [1, 2]) {
      expect(run(plain, { profile: "3.12", strategy: "random" }, undefined, seed).stdout).toBe("0\n");
    }
  });

  it("3.13t runs the threads in parallel: the unlocked balance loses updates", () => {
    expect(run(plain, { profile: "3.13t" }).stdout).not.toBe("0\n");
  });

  it("the default switch interval is 5 ms and setswitchinterval changes it", () => {
    const r = run(`
      import sys
      print(sys.getswitchinterval())
      sys.setswitchinterval(0.001)
      print(sys.getswitchinterval())
    `);
    expect(r.stdout).toBe("0.005\n0.001\n");
  });
});

const cpuThreads = `
  import threading
  def work():
      x = 0
      for i in range(200000):
          x = x ^ i
  ts = [threading.Thread(target=work) for _ in range(4)]
  for t in ts: t.start()
  for t in ts: t.join()
`;

const cpuProcesses = `
  import multiprocessing as mp
  def work():
      x = 0
      for i in range(200000):
          x = x ^ i
  if __name__ == "__main__":
      ps = [mp.Process(target=work) for _ in range(4)]
      for p in ps: p.start()
      for p in ps: p.join()
`;

describe("parallelism", () => {
  it("four CPU-bound threads under 3.12 are serialized by the GIL and wait for it", () => {
    const r = report(cpuThreads, { profile: "3.12" });
    const main = r.stats.processes![0];
    expect(main.parallelism).toBeGreaterThan(0.95);
    expect(main.parallelism).toBeLessThan(1.05);
    const workers = r.stats.threads!.filter((t) => t.name.startsWith("Thread-"));
    expect(workers).toHaveLength(4);
    for (const w of workers) {
      expect(w.gilWait).toBeGreaterThan(w.running);
    }
    expect(r.segments.some((s) => s.state === "ready" && s.reason === "waiting for the GIL")).toBe(true);
  });

  it("four CPU-bound threads under 3.13t run on min(4, cores) cores", () => {
    for (const cores of [4, 2, 8]) {
      const p = report(cpuThreads, { profile: "3.13t", cores }).stats.processes![0].parallelism;
      expect(p).toBeGreaterThan(Math.min(4, cores) * 0.95);
      expect(p).toBeLessThan(Math.min(4, cores) * 1.05);
    }
  });

  it("four CPU-bound processes run on min(4, cores) cores even under 3.12", () => {
    for (const cores of [4, 2]) {
      const r = report(cpuProcesses, { profile: "3.12", cores });
      expect(r.outcome.status).toBe("completed");
      expect(r.stats.parallelism).toBeGreaterThan(Math.min(4, cores) * 0.8);
      expect(r.stats.parallelism).toBeLessThan(Math.min(4, cores) * 1.05);
      // Each child runs on one core at a time: alone on its core with 4 cores, half of one with 2.
      for (const p of r.stats.processes!.slice(1)) {
        expect(p.parallelism).toBeCloseTo(Math.min(1, cores / 4), 1);
      }
    }
  });

  it("os.cpu_count() and multiprocessing.cpu_count() are the machine's cores", () => {
    const src = `
      import os, multiprocessing
      print(os.cpu_count(), multiprocessing.cpu_count())
    `;
    expect(run(src).stdout).toBe("4 4\n");
    expect(run(src, { cores: 2 }).stdout).toBe("2 2\n");
  });
});
