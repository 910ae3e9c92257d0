/**
 * The analysis corpus (issue 4): classic synchronization bugs and their fixed versions, each
 * with the verdict the analysis must give in its header (see harness.ts for the format).
 * Recall: every expected kind is found. Precision: race, deadlock, hang and potential-deadlock
 * are absent unless listed (so the fixed versions report nothing), and no snippet stops as
 * unsupported. Output: where CPython 3.11's stdout is deterministic (cases/NN_name.stdout),
 * the timed run prints exactly that; for an explored clean snippet every schedule does.
 *
 * KNOWN_WRONG lists the snippets on which the simulator is wrong today, each with what it
 * says; they run as `it.fails`, so a fix makes them fail here until they are moved out.
 */
import { describe, expect, it } from "vitest";
import { caseFiles, loadCase, problems, runCase } from "./harness";

const KNOWN_WRONG: Record<string, string> = {
  "56_cpu_bound_threads.py":
    "no gil-serialized: builtins are charged one step of virtual time, so sum(range(2_000_000)) (~40 ms in CPython) costs ~1 µs and the threads never reach the CPU threshold (two switch intervals each)",
  "58_list_pop_check_then_act.py":
    "no race: `while stack: stack.pop()` from two threads (check of the list's emptiness, then act) is not reported; CPython can raise IndexError",
  "59_asyncio_read_await_write.py":
    "no race: asyncio runs (one loop in Python on the main thread), but its tasks are not tasks of the race analysis yet, so a read-await-write across two coroutines is not seen",
  "61_executor_counter_race.py": "unsupported: the module 'concurrent.futures' is not supported (should report the race on `hits`)",
  "62_executor_results.py": "unsupported: the module 'concurrent.futures' is not supported (should be clean)",
  "75_rmw_split_across_calls.py":
    "no race: `write(read() + 1)` reads `counter` in one helper's frame and writes it in another's; the detector pairs a read and a write only within one call",
  "84_pipe_both_recv.py":
    "hang instead of deadlock: both ends of a Pipe wait in recv() for each other, a wait-for cycle through the pipe (DESIGN.md §4 lists pipes); the message says 'nothing can wake one'",
};

const files = caseFiles();

describe("analysis corpus", () => {
  it("has at least 45 snippets, each with a verdict", () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
    for (const f of files) {
      expect(() => loadCase(f), f).not.toThrow();
    }
    for (const f of Object.keys(KNOWN_WRONG)) {
      expect(files, `KNOWN_WRONG names a missing snippet`).toContain(f);
    }
  });

  for (const file of files) {
    const c = loadCase(file);
    const title = `${file}: ${c.expect.length ? c.expect.join(", ") : "clean"}${c.explore ? ` (explore ${c.explore})` : ""}`;
    const test = file in KNOWN_WRONG ? it.fails : it;
    test(title, () => {
      const r = runCase(c);
      expect(problems(c, r), `found [${r.kinds.join(", ")}]`).toEqual([]);
      if (c.stdout !== undefined) {
        if (c.explore === undefined) {
          // The timed run prints what CPython printed.
          expect(r.outcomes[0].stdout).toBe(c.stdout);
        } else if (c.expect.length === 0) {
          // A clean program: every schedule completes and prints the same.
          expect(r.outcomes).toEqual([{ status: "completed", stdout: c.stdout }]);
        } else {
          expect(r.outcomes.map((o) => o.stdout)).toContain(c.stdout);
        }
      }
      if (c.expect.length === 0) {
        expect(r.outcomes.every((o) => o.status === "completed")).toBe(true);
      }
    });
  }
});
