/**
 * Programs that cannot finish end with a clear outcome within the limits, never a hung run:
 * a deadlock (a cycle in the wait-for graph), a hang (everyone waits, no cycle), a step or
 * time limit. And the shapes of a normal exit: non-daemon threads are waited for, daemon
 * threads end with the main thread.
 */
import { describe, expect, it } from "vitest";
import { out, run } from "./run";

describe("outcomes", () => {
  it("two threads taking two locks in opposite order deadlock", () => {
    const r = run(`
      import threading, time
      a = threading.Lock(); b = threading.Lock()
      def t1():
          with a:
              time.sleep(0.1)
              with b:
                  print("t1")
      def t2():
          with b:
              time.sleep(0.1)
              with a:
                  print("t2")
      x = threading.Thread(target=t1); y = threading.Thread(target=t2)
      x.start(); y.start(); x.join(); y.join()
    `);
    expect(r.status).toBe("deadlock");
    expect(r.stop?.message).toMatch(/Thread-1 \(t1\).*Lock\.acquire\(\) at line 6.*Thread-2 \(t2\).*line 11/);
    expect(r.stop?.line).toBe(6);
  });

  it("a lock acquired twice by the same thread deadlocks", () => {
    const r = run(`
      import threading
      l = threading.Lock()
      l.acquire()
      l.acquire()
    `);
    expect(r.status).toBe("deadlock");
  });

  it("an Event nobody sets is a hang, named by the call that waits", () => {
    const r = run(`
      import threading
      e = threading.Event()
      t = threading.Thread(target=e.wait)
      t.start()
      t.join()
    `);
    expect(r.status).toBe("hang");
    expect(r.stop?.message).toMatch(/Thread\.join\(\).*Event\.wait\(\)/);
  });

  it("a queue.get() with no producer is a hang", () => {
    const r = run(`
      import queue
      q = queue.Queue()
      print("waiting")
      q.get()
    `);
    expect(r.status).toBe("hang");
    expect(r.stdout).toBe("waiting\n");
    expect(r.stop?.message).toMatch(/Queue\.get\(\) at line 4/);
  });

  it("joining a process before draining its full Queue deadlocks (the documented pitfall)", () => {
    const r = run(`
      import multiprocessing as mp
      def f(q):
          q.put("x" * 100000)
      if __name__ == "__main__":
          q = mp.Queue()
          p = mp.Process(target=f, args=(q,))
          p.start()
          p.join()
          print(q.get()[:3])
    `);
    expect(r.status).toBe("deadlock");
    expect(r.stop?.message).toMatch(/Process\.join\(\).*flushing a multiprocessing\.Queue/);
  });

  it("a pipe holds 64 KiB: a bigger message blocks its sender until someone reads", () => {
    const r = run(`
      import multiprocessing as mp
      def f(c):
          c.send("x" * 70000)
          print("sent")
      if __name__ == "__main__":
          a, b = mp.Pipe()
          p = mp.Process(target=f, args=(b,))
          p.start()
          p.join()
    `);
    expect(r.status).toBe("deadlock");
    const ok = run(`
      import multiprocessing as mp
      def f(c):
          c.send("x" * 70000)
          print("sent")
      if __name__ == "__main__":
          a, b = mp.Pipe()
          p = mp.Process(target=f, args=(b,))
          p.start()
          print(len(a.recv()))
          p.join()
    `);
    expect(ok.status).toBe("completed");
    expect(ok.stdout.split("\n").sort().join(" ")).toBe(" 70000 sent");
  });

  it("a thread that never ends stops at the step limit", () => {
    const r = run(
      `
      import threading
      def spin():
          x = 0
          while True:
              x += 1
      threading.Thread(target=spin).start()
      print("main done")
    `,
      {},
      1_000_000,
    );
    expect(r.status).toBe("step-limit");
    expect(r.stdout).toBe("main done\n");
  });

  it("a thread that sleeps forever stops at the virtual time limit", () => {
    const r = runSourceWithTime(`
      import threading, time
      def tick():
          while True:
              time.sleep(1)
      threading.Thread(target=tick).start()
    `);
    expect(r.status).toBe("time-limit");
  });

  it("10 000 threads start, run and are joined", () => {
    const r = run(`
      import threading
      n = 0
      lock = threading.Lock()
      def inc():
          global n
          with lock:
              n += 1
      ts = [threading.Thread(target=inc) for _ in range(10000)]
      for t in ts: t.start()
      for t in ts: t.join()
      print(n, threading.active_count())
    `);
    expect(r.status).toBe("completed");
    expect(r.stdout).toBe("10000 1\n");
  });

  it("the program waits for non-daemon threads and ends daemon threads with the main thread", () => {
    const r = run(`
      import threading, time
      def tick():
          while True:
              time.sleep(1)
              print("tick")
      def slow():
          time.sleep(3.5)
          print("slow done")
      threading.Thread(target=tick, daemon=True).start()
      threading.Thread(target=slow).start()
      print("main exits")
    `);
    expect(r.status).toBe("completed");
    expect(r.stdout).toBe("main exits\ntick\ntick\ntick\nslow done\n");
    expect(r.virtualTime).toBeCloseTo(3.5, 3);
  });

  it("an uncaught exception in the main thread still waits for the other threads", () => {
    const r = run(`
      import threading, time
      def later():
          time.sleep(1)
          print("later")
      threading.Thread(target=later).start()
      raise ValueError("main fails")
    `);
    expect(r.status).toBe("exception");
    expect(r.exitCode).toBe(1);
    expect(out(r)).toMatch(/ValueError: main fails\nlater\n$/);
  });

  it("blocking inside Python code called from native code is unsupported, by name", () => {
    const r = run(`
      import threading
      l = threading.Lock()
      class K:
          def __lt__(self, other):
              l.acquire()
              return True
      l.acquire()
      t = threading.Thread(target=l.release)
      sorted([K(), K()])
    `);
    expect(r.status).toBe("unsupported");
    expect(r.stop?.message).toMatch(/lock inside Python code run from the simulator's native code/);
  });

  it("a blocking call made by native code (map over time.sleep) is unsupported before it can print", () => {
    const r = run(`
      import time
      list(map(time.sleep, [1, 2]))
      print("after")
    `);
    expect(r.status).toBe("unsupported");
    expect(r.stdout).toBe("");
  });

  it("Pool and Manager are later issues: unsupported, by name", () => {
    expect(run(`
      import multiprocessing
      multiprocessing.Pool(2)
    `).stop?.message).toMatch(/multiprocessing\.Pool is not supported/);
  });
});

import { runSource } from "../../simulator/run";
import { py } from "./run";

function runSourceWithTime(src: string) {
  return runSource(py(src), { filename: "main.py", limits: { maxTimeS: 100 } });
}
