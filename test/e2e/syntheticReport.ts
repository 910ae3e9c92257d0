/**
 * TEST FIXTURE: a synthetic multi-process, multi-thread Report of a chosen size, for developing
 * and measuring the timeline and the editor UI before the multi-thread runtime produces such
 * Reports. Nothing here comes from the simulator; it only has the Report's shape
 * (simulator/trace/report.ts) and positions that fall on SYNTHETIC_SOURCE's lines.
 */
import type { Finding, Report, Segment, TaskInfo, TraceEvent } from "../../simulator/trace/report";

/** The program the synthetic Report pretends to describe (its findings point at these lines). */
export const SYNTHETIC_SOURCE = `import threading
import multiprocessing
import queue

balance = 0
lock_a = threading.Lock()
lock_b = threading.Lock()
jobs = queue.Queue()


def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n


def worker(n):
    for i in range(100000):
        change_it(n)
        with lock_a:
            with lock_b:
                jobs.put(i)


def busy(n):
    total = 0
    for i in range(n):
        total += i * i
    print(total)


if __name__ == "__main__":
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    p = multiprocessing.Process(target=busy, args=(10 ** 6,))
    p.start()
    for t in threads:
        t.join()
    p.join()
`;

const LINE = {
  read: 13,
  write: 14,
  lockA: 20,
  lockB: 21,
  put: 22,
  busy: 28,
  print: 29,
  start: 35,
  join: 39,
};

const span = (line: number, col = 4, endCol = 40): { line: number; col: number; endLine: number; endCol: number } => ({ line, col, endLine: line, endCol });

/** A deterministic PRNG (mulberry32), so the fixture is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A Report with `events` trace events (lock hand-offs, queue puts/gets, accesses, prints) over
 * two processes: the main process with three worker threads, and a CPU-bound child process.
 */
export function syntheticReport(events = 100_000, seed = 1): Report {
  const random = rng(seed);
  const tasks: TaskInfo[] = [
    { id: 0, kind: "process", name: "MainProcess", pid: 4242, parent: null, start: 0, end: null },
    { id: 1, kind: "thread", name: "Thread-1 (worker)", pid: 4242, parent: 0, start: 0.001, end: null },
    { id: 2, kind: "thread", name: "Thread-2 (worker)", pid: 4242, parent: 0, start: 0.0012, end: null },
    { id: 3, kind: "thread", name: "Thread-3 (worker)", pid: 4242, parent: 0, start: 0.0014, end: null },
    { id: 4, kind: "process", name: "Process-1", pid: 4243, parent: 0, start: 0.002, end: null },
  ];
  const segments: Segment[] = [];
  const evs: TraceEvent[] = [];
  const clock = [0, 0.001, 0.0012, 0.0014, 0.002];
  const seg = (task: number, state: Segment["state"], dur: number, line?: number, reason?: string): void => {
    segments.push({ task, state, t0: clock[task], t1: clock[task] + dur, span: line === undefined ? undefined : span(line), reason });
    clock[task] += dur;
  };
  /** Appends an event; returns its index (for the `from` edges of later events). */
  const ev = (task: number, kind: string, line: number, detail?: string, from?: number): number => {
    evs.push({ kind, time: clock[task], task, span: span(line), detail, from });
    return evs.length - 1;
  };
  let lastRelease: number | undefined;
  ev(0, "spawn", LINE.start, "Thread-1");
  seg(0, "running", 0.001, LINE.start);
  seg(0, "blocked", 0, LINE.join, "join Thread-1");
  let k = 0;
  while (evs.length < events) {
    const t = 1 + (k % 3);
    k++;
    const u = () => 2e-6 + random() * 30e-6;
    ev(t, "read", LINE.read, "balance");
    seg(t, "running", u(), LINE.read);
    ev(t, "write", LINE.write, "balance");
    seg(t, "ready", u() * 0.5, LINE.write, "waiting for the GIL");
    ev(t, "lock-acquire", LINE.lockA, "lock_a", lastRelease !== undefined && evs[lastRelease].task !== t ? lastRelease : undefined);
    seg(t, "running", u(), LINE.lockA);
    if (random() < 0.3) {
      seg(t, "blocked", u(), LINE.lockB, "lock_b");
    }
    if (k % 7 === 0) {
      // The main thread takes each item soon after it is put (FIFO pairs stay short).
      const put = ev(t, "queue-put", LINE.put, "jobs");
      clock[0] = Math.max(clock[0], clock[t]) + u();
      ev(0, "queue-get", LINE.join, "jobs", put);
    }
    lastRelease = ev(t, "lock-release", LINE.lockA, "lock_a");
    if (random() < 0.2) {
      seg(t, "sleeping", u() * 2, LINE.put);
    }
    if (k % 5 === 0) {
      seg(4, "running", u() * 4, LINE.busy);
      if (k % 500 === 0) {
        ev(4, "print", LINE.print, `${k * 1234}`);
      }
    }
  }
  evs.length = events;
  const end = Math.max(...clock);
  segments[1].t1 = end;
  tasks.forEach((t) => (t.end = end));
  const findings: Finding[] = [
    {
      kind: "race",
      severity: "error",
      message: "Lost update on global `balance`: a thread reads it, another writes it before the first one writes back.",
      detail: "Thread-1 reads balance (0)\nThread-2 reads balance (0)\nThread-2 writes balance = 8\nThread-1 writes balance = 5  <- Thread-2's update is lost",
      locations: [
        { ...span(LINE.read, 4, 27), role: "read", task: "Thread-1 (worker)" },
        { ...span(LINE.write, 4, 27), role: "concurrent write", task: "Thread-2 (worker)" },
      ],
      schedule: "s1-5f3a09",
    },
    {
      kind: "potential-deadlock",
      severity: "warning",
      message: "lock_a and lock_b are taken in both orders by different threads; they can deadlock.",
      locations: [
        { ...span(LINE.lockA, 8, 19), role: "takes lock_a then lock_b", task: "Thread-1 (worker)" },
        { ...span(LINE.lockB, 12, 23), role: "holds lock_a here", task: "Thread-2 (worker)" },
      ],
      schedule: "s1-77c1e2",
    },
    {
      kind: "gil-serialized",
      severity: "info",
      message: "Three CPU-bound threads ran with parallelism 1.04x: the GIL lets one run at a time. Processes would use the other cores.",
      locations: [{ ...span(LINE.busy, 8, 24), role: "CPU-bound loop", task: "Thread-1 (worker)" }],
    },
  ];
  return {
    version: 1,
    config: { profile: "3.12", strategy: "timed", seed, cores: 4, switchIntervalMs: 5, limits: { maxSteps: 10_000_000, maxTimeS: 60, maxOutputChars: 1_000_000 } },
    outcome: { status: "completed", stdout: "synthetic fixture: no program ran\n", stderr: "", exitCode: 0 },
    schedule: "s1-synthetic",
    tasks,
    segments,
    events: evs,
    findings,
    stats: { virtualTime: end, steps: events * 10 },
  };
}
