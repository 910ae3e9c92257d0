/**
 * The seed corpus: every snippet of the tutorials Interleave serves. The ones whose
 * constructs the simulator covers must print what CPython printed (expected/*.cpython311.txt:
 * stdout and stderr as a terminal showed them, and the exit code; for snippets that start
 * processes, expected/*.cpython311-spawn.txt is the spawn run, the simulator's default, and
 * the plain file the fork run). Every other snippet must stop with a clear `unsupported`
 * outcome naming what it lacks — never a wrong answer. Later issues move snippets from
 * WAITING to RUNS.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSource, type RunResult } from "../../simulator/run";

const dir = join(__dirname, "seeds");

/** Snippets that must reproduce CPython's output exactly, byte for byte. */
const RUNS = new Set([
  // asyncio: one event loop in Python on the running thread; the 3.11 errors of the originals
  "s000_14_asyncio_coroutine_hello.py",
  "s000_14_asyncio_coroutine_hello_py311.py",
  "s000_15_asyncio_wait_two_hello.py",
  "s000_17_async_await_syntax.py",
  "s003_11_asyncio_wait_coroutines_py311.py",
  "s004_06_asyncio_run_hello_world.py",
  "s004_08_asyncio_create_task_get_html.py",
  "s000_06_thread_loop_join.py",
  "s000_07_thread_balance_nolock.py",
  "s000_08_thread_balance_lock.py",
  "s000_10_threadlocal_student.py",
  "s000_13_generator_consumer_produce.py",
  "s002_01_coroutine_decorator_producer.py",
  "s002_01_coroutine_decorator_producer_py3.py",
  "s003_09_thread_event_wait.py",
]);

/**
 * Snippets that must reproduce CPython's output except for pids and clock readings (which
 * the simulator makes deterministic: pids from 4001, time.time() from a fixed epoch), under
 * spawn and under fork.
 */
const RUNS_NORMALIZED = new Set([
  "s000_15_asyncio_wait_two_hello_py311.py",
  "s000_01_os_fork_getpid.py",
  "s000_02_process_run_proc.py",
  "s000_05_process_queue_reader_terminate.py",
  "s001_16_process_three_sleep.py",
  "s001_17_process_subclass_run.py",
  "s001_18_pipe_process_subclass.py",
  "s001_19_pipe_function.py",
  "s001_20_queue_three_processes.py",
  "s001_27_module_level_print_reexec.py",
]);

type Want = { exit: number; text: string };
type StartMethod = "spawn" | "fork";

/**
 * Snippets that run but whose output depends on timing or randomness CPython does not
 * control: each gets a check of what must hold in every run, per start method.
 */
const NONDETERMINISTIC: Record<string, (r: RunResult, want: Want, method: StartMethod) => void> = {
  // Three pollers wake at the same instant; their order is the OS's.
  "s003_08_thread_flag_polling.py": (r, want) => {
    expect(sortedLines(r)).toEqual(sortedText(want.text));
    expect(r.virtualTime).toBeCloseTo(3, 2);
  },
  // Bare coroutines passed to asyncio.wait: 3.11's TypeError (the traceback runs through
  // Interleave's asyncio, not CPython's files, so only its first and last lines are compared).
  "s003_11_asyncio_wait_coroutines.py": (r, want) => {
    expect(r.status).toBe("exception");
    expect(lines(r)[0]).toBe(want.text.split("\n")[0]);
    expect(r.stderr.endsWith("TypeError: Passing coroutines is forbidden, use tasks explicitly.\n")).toBe(true);
  },
  // Three asyncio workers share 20 random sleeps: every item is slept once, in about a third of the total.
  "s004_09_asyncio_queue_workers.py": (r) => {
    expect(r.stdout.match(/^worker-[012] has slept for \d\.\d\d seconds$/gm)).toHaveLength(20);
    const parallel = Number(/slept in parallel for ([\d.]+) seconds/.exec(r.stdout)![1]);
    const total = Number(/total expected sleep time: ([\d.]+) seconds/.exec(r.stdout)![1]);
    expect(parallel).toBeLessThan(total / 2);
    expect(parallel).toBeGreaterThan(total / 3 - 0.01);
  },
  // Two sleeps of randint(5, 10) s overlap: the total is the longer one, not the sum.
  "s004_01_thread_download_two_files.py": (r) => expectMaxNotSum(r),
  "s004_02_process_download_two_files.py": (r) => expectMaxNotSum(r),
  // Two semaphore slots for sleeps of 0..9 s: the same lines as CPython, about 25 s.
  "s001_22_semaphore_two_slots.py": (r, want) => {
    expect(sortedLines(r)).toEqual(sortedText(want.text));
    expect(r.virtualTime).toBeGreaterThan(24.9);
    expect(r.virtualTime).toBeLessThan(25.5);
  },
  // Whether the waiter's line comes before "end" is a race; the lines are the same.
  "s001_23_event_block_and_timeout.py": (r, want) => {
    expect(sortedLines(r)).toEqual(sortedText(want.text));
  },
  // Timeouts of 0..4 s against a set() at 3 s: 3 give up, 2 see it set.
  "s001_24_event_ten_processes.py": (r, want) => {
    expect(sortedLines(r)).toEqual(sortedText(want.text));
    expect(r.stdout.match(/e\.is_set->False/g)).toHaveLength(3);
  },
  // Ten processes sleep 5 s each at the same time: about 5 s, not 50.
  "s001_25_processes_no_lock_sleep.py": (r, want) => {
    expect(sortedLines(r)).toEqual(sortedText(want.text));
    expect(r.virtualTime).toBeGreaterThan(5);
    expect(r.virtualTime).toBeLessThan(5.5);
  },
  // One Lock passed to ten processes serializes their 5 s sleeps: about 50 s (CPython's run was cut at 30 s).
  "s001_26_processes_lock_serialized.py": (r) => {
    expect(r.stdout.match(/^hello world \d$/gm)).toHaveLength(10);
    expect(r.virtualTime).toBeGreaterThan(50);
    expect(r.virtualTime).toBeLessThan(51);
  },
  // A module-level Lock: under spawn every child re-creates its own (about 5 s); under fork they share it (about 50 s).
  "s001_28_global_lock_spawn.py": (r, want, method) => {
    expect(r.stdout.match(/^hello world \d$/gm)).toHaveLength(10);
    if (method === "spawn") {
      expect(sortedLines(r)).toEqual(sortedText(want.text));
      expect(r.virtualTime).toBeLessThan(5.5);
    } else {
      expect(r.virtualTime).toBeGreaterThan(50);
    }
  },
};

/** Snippets that never end, or do more work than the default limits allow: a clear limit outcome, never a hung run. */
const LIMITED: Record<string, RegExp> = {
  // One `while True` thread per core.
  "s000_09_cpu_count_busy_threads.py": /step-limit/,
  // Builds a list of 10^8 ints before it starts its processes.
  "s004_05_process_queue_sum_8_slices.py": /step-limit/,
};

/**
 * Snippets CPython was not run on (they open network connections) whose outcome is known
 * anyway: the original s000_16 dies at `@asyncio.coroutine`, removed in 3.11.
 */
const KNOWN_OUTCOME: Record<string, (r: RunResult) => void> = {
  "s000_16_asyncio_wget_headers.py": (r) => {
    expect(r.exitCode).toBe(1);
    expect(r.stderr.endsWith("AttributeError: module 'asyncio' has no attribute 'coroutine'. Did you mean: 'coroutines'?\n")).toBe(true);
  },
};

/** What each remaining snippet waits for (the module or construct the unsupported outcome must name). */
const WAITING: Record<string, RegExp> = {};

function expectMaxNotSum(r: RunResult): void {
  const took = lines(r)
    .map((l) => /耗费了(\d+)秒$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => Number(m![1]));
  expect(took).toHaveLength(2);
  const total = Number(/总共耗费了([\d.]+)秒/.exec(r.stdout)![1]);
  expect(total).toBeGreaterThanOrEqual(Math.max(...took));
  expect(total).toBeLessThan(Math.max(...took) + 0.2);
}

const text = (r: RunResult): string => r.output.map((c) => c.text).join("");
const lines = (r: RunResult): string[] => text(r).split("\n").filter(Boolean);
const normalize = (s: string): string => s.replace(/\d+\.\d+/g, "<t>").replace(/\b\d{4,}\b/g, "<n>");
const sortedText = (s: string): string[] => normalize(s).split("\n").filter(Boolean).sort();
const sortedLines = (r: RunResult): string[] => sortedText(text(r));

function expectedOf(name: string, variant: "" | "-spawn" = ""): Want | null {
  const file = join(dir, "expected", name.replace(/\.py$/, `.cpython311${variant}.txt`));
  if (!existsSync(file)) {
    return null;
  }
  const raw = readFileSync(file, "utf8");
  const m = /^# exit: (\d+)\n/.exec(raw);
  return m ? { exit: Number(m[1]), text: raw.slice(m[0].length) } : null;
}

const snippets = readdirSync(dir)
  .filter((f) => f.endsWith(".py"))
  .sort();

/** The start methods a snippet's expectations exist for: spawn (when recorded) and fork. */
function variants(name: string): { method: StartMethod; want: Want }[] {
  const spawn = expectedOf(name, "-spawn");
  const fork = expectedOf(name)!;
  return spawn === null ? [{ method: "spawn", want: fork }] : [{ method: "spawn", want: spawn }, { method: "fork", want: fork }];
}

describe("seed corpus", () => {
  it("has all 81 snippets", () => {
    expect(snippets.length).toBe(81);
  });

  for (const name of snippets) {
    const source = readFileSync(join(dir, name), "utf8");
    if (RUNS.has(name) || RUNS_NORMALIZED.has(name)) {
      for (const { method, want } of variants(name)) {
        it(`${name} prints what CPython printed (${method})`, () => {
          const r = runSource(source, { filename: name, machine: { startMethod: method } });
          if (RUNS.has(name)) {
            expect(text(r)).toBe(want.text);
          } else {
            expect(normalize(text(r))).toBe(normalize(want.text));
          }
          expect(r.exitCode).toBe(want.exit);
        });
      }
    } else if (name in NONDETERMINISTIC) {
      for (const { method, want } of variants(name)) {
        it(`${name} runs and shows what every run must show (${method})`, () => {
          const r = runSource(source, { filename: name, machine: { startMethod: method } });
          // 124: CPython's run was cut by `timeout 30`; the simulator finishes it.
          const exit = want.exit === 124 ? 0 : want.exit;
          expect(r.exitCode).toBe(exit);
          if (exit === 0) {
            expect(r.status).toBe("completed");
          }
          NONDETERMINISTIC[name](r, want, method);
        });
      }
    } else if (name in KNOWN_OUTCOME) {
      it(`${name} ends as CPython 3.11 would`, () => {
        KNOWN_OUTCOME[name](runSource(source, { filename: name }));
      });
    } else if (name in LIMITED) {
      it(`${name} stops at a limit with a clear outcome`, () => {
        const r = runSource(source, { filename: name, limits: { maxSteps: 2_000_000 } });
        expect(r.status).toMatch(LIMITED[name]);
        expect(r.stop?.line).toBeGreaterThan(0);
      });
    } else {
      it(`${name} stops as unsupported, naming what it needs`, () => {
        const r = runSource(source, { filename: name, limits: { maxSteps: 2_000_000 } });
        expect(r.status).toBe("unsupported");
        expect(r.stop?.message).toMatch(WAITING[name] ?? /is not supported by Interleave/);
        expect(r.stop?.line).toBeGreaterThan(0);
      });
    }
  }
});
