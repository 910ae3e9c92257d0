/**
 * Time on the simulated machine: a virtual clock from a fixed epoch, sleeps that block only
 * their thread, CPU time that counts instructions, and a random module seeded per run.
 */
import { describe, expect, it } from "vitest";
import { run } from "./run";

describe("virtual time", () => {
  it("starts at a fixed epoch and advances by sleeps", () => {
    const r = run(`
      import time
      t0 = time.time()
      time.sleep(1.5)
      print(int(t0), round(time.time() - t0, 3), round(time.monotonic(), 3), round(time.perf_counter(), 3))
    `);
    expect(r.stdout).toBe("1767225600 1.5 1.5 1.5\n");
  });

  it("sleeps in two threads overlap: max, not sum", () => {
    const r = run(`
      import threading, time
      ts = [threading.Thread(target=time.sleep, args=(s,)) for s in (3, 5)]
      for t in ts: t.start()
      for t in ts: t.join()
      print(round(time.monotonic(), 3))
    `);
    expect(r.stdout).toBe("5.0\n");
  });

  it("process_time and thread_time count CPU time, not sleeping", () => {
    const r = run(`
      import threading, time
      def work():
          x = 0
          for i in range(100000):
              x ^= i
          time.sleep(1)
      ts = [threading.Thread(target=work) for _ in range(2)]
      for t in ts: t.start()
      for t in ts: t.join()
      cpu, wall = time.process_time(), time.perf_counter()
      print(0 < cpu < 0.1, wall > 1, time.thread_time() < 0.001)
    `);
    expect(r.stdout).toBe("True True True\n");
  });

  it("random is seeded per run: same seed, same numbers; another seed, others", () => {
    const src = `
      import random
      print(random.random())
    `;
    const a = run(src, {}, undefined, 1).stdout;
    expect(run(src, {}, undefined, 1).stdout).toBe(a);
    expect(run(src, {}, undefined, 2).stdout).not.toBe(a);
  });
});
