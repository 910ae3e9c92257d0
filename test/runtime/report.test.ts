/**
 * The Report of a concurrent run: tasks, timeline segments, events with their sync edges
 * (what a happens-before analysis consumes), statistics, and the Chrome trace export.
 */
import { describe, expect, it } from "vitest";
import { toChromeTrace } from "../../simulator/trace/chrome";
import { report } from "./run";

const handoff = `
  import threading, queue, time
  lock = threading.Lock()
  q = queue.Queue()
  def worker():
      with lock:
          time.sleep(1)
      q.put("done")
  t = threading.Thread(target=worker)
  t.start()
  time.sleep(0.5)
  with lock:
      print("main has the lock")
  print(q.get())
  t.join()
`;

describe("the Report", () => {
  const r = report(handoff);

  it("lists the tasks with dense ids, names and lifetimes", () => {
    expect(r.tasks.map((t) => [t.id, t.kind, t.name, t.pid, t.parent])).toEqual([
      [0, "process", "MainThread", 4001, null],
      [1, "thread", "Thread-1 (worker)", 4001, 0],
    ]);
    expect(r.tasks[1].start).toBeGreaterThan(0);
    expect(r.tasks[1].start).toBeLessThan(0.001);
    expect(r.tasks[1].end).toBeCloseTo(1, 3);
  });

  it("shows main blocked on the lock from 0.5 s until the worker releases it at 1 s", () => {
    const blocked = r.segments.find((s) => s.task === 0 && s.state === "blocked" && s.reason === "Lock.acquire()");
    expect(blocked).toBeDefined();
    expect(blocked!.t0).toBeCloseTo(0.5, 3);
    expect(blocked!.t1).toBeCloseTo(1, 3);
    expect(blocked!.span?.line).toBe(11);
    expect(r.segments.some((s) => s.task === 1 && s.state === "sleeping" && s.reason === "time.sleep(1)")).toBe(true);
  });

  it("records sync edges: release -> acquire, put -> get, spawn -> start, end -> join", () => {
    const ev = r.events;
    const edge = (kind: string, task: number) => {
      const e = ev.find((x) => x.kind === kind && x.task === task && x.from !== undefined);
      expect(e, `${kind} on task ${task}`).toBeDefined();
      return [ev[e!.from!].kind, ev[e!.from!].task, e!.time >= ev[e!.from!].time];
    };
    expect(edge("lock-acquire", 0)).toEqual(["lock-release", 1, true]);
    expect(edge("queue-get", 0)).toEqual(["queue-put", 1, true]);
    expect(edge("start", 1)).toEqual(["spawn", 0, true]);
    expect(edge("join", 0)).toEqual(["end", 1, true]);
    const print = ev.find((x) => x.kind === "print");
    expect(print?.detail).toBe("main has the lock\n");
    expect(print?.span?.line).toBe(12);
  });

  it("accounts each thread's time and the process's parallelism", () => {
    expect(r.stats.virtualTime).toBeCloseTo(1, 3);
    const [main, worker] = r.stats.threads!;
    expect(main.blocked).toBeCloseTo(1, 2);
    expect(worker.blocked).toBeCloseTo(1, 2);
    expect(r.stats.processes![0].parallelism).toBeLessThan(0.01);
  });

  it("exports a Chrome trace: a track per task, a slice per segment, flows for sync edges", () => {
    const trace = toChromeTrace(r).traceEvents;
    expect(trace.filter((e) => e.name === "thread_name").map((e) => e.args?.name)).toEqual(["MainThread", "Thread-1 (worker)"]);
    const slices = trace.filter((e) => e.ph === "X");
    expect(slices).toHaveLength(r.segments.length);
    expect(slices.every((e) => typeof e.ts === "number" && typeof e.dur === "number" && e.dur >= 0)).toBe(true);
    const starts = trace.filter((e) => e.ph === "s").length;
    expect(starts).toBe(r.events.filter((e) => e.from !== undefined).length);
    expect(trace.filter((e) => e.ph === "f").length).toBe(starts);
    // Slices of one track never overlap (Perfetto needs them nested or disjoint).
    for (const t of r.tasks) {
      const mine = slices.filter((e) => e.tid === t.id).sort((a, b) => a.ts! - b.ts!);
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i].ts!).toBeGreaterThanOrEqual(mine[i - 1].ts! + mine[i - 1].dur! - 1e-6);
      }
    }
  });

  it("reports a deadlock as a finding with the token that reproduces it", () => {
    const d = report(`
      import threading
      a = threading.Lock(); b = threading.Lock()
      def f():
          with b:
              with a:
                  pass
      with a:
          t = threading.Thread(target=f)
          t.start()
          import time; time.sleep(0.1)
          with b:
              pass
    `);
    expect(d.outcome.status).toBe("deadlock");
    const f = d.findings.find((x) => x.kind === "deadlock");
    expect(f?.schedule).toBe(d.schedule);
    expect(f?.locations.some((l) => l.line === 11)).toBe(true);
    expect(f?.locations.some((l) => l.line === 5)).toBe(true);
  });
});

describe("Report size", () => {
  it("uncontended re-acquisitions of a lock are folded, contended hand-offs kept with their edges", async () => {
    const { simulate } = await import("../../simulator/simulate");
    const src = [
      "import threading",
      "lock = threading.Lock()",
      "n = 0",
      "def work():",
      "    global n",
      "    for _ in range(20000):",
      "        with lock:",
      "            n += 1",
      "ts = [threading.Thread(target=work) for _ in range(2)]",
      "for t in ts: t.start()",
      "for t in ts: t.join()",
      "print(n)",
    ].join("\n");
    const r = simulate(src, { filename: "fold.py" });
    expect(r.outcome.stdout).toBe("40000\n");
    const locks = r.events.filter((e) => e.kind === "lock-acquire" || e.kind === "lock-release");
    expect(locks.length).toBeLessThan(100);
    // Every kept acquire with an edge points at a release of the same lock by another thread.
    for (const e of r.events) {
      if (e.kind === "lock-acquire" && e.from !== undefined) {
        expect(r.events[e.from].kind).toBe("lock-release");
        expect(r.events[e.from].obj).toBe(e.obj);
        expect(r.events[e.from].task).not.toBe(e.task);
      }
    }
    expect(r.events.some((e) => e.detail?.includes("uncontended re-acquisitions"))).toBe(true);
    expect(r.findings.filter((f) => f.kind === "race")).toEqual([]);
  });
});
