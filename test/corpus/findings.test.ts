/**
 * The seed corpus's `expect:` lines about races, deadlocks, hangs and the GIL (issue 4): for
 * each snippet the simulator runs, the finding kinds it must report and those it must not.
 * Precision matters as much as recall: the locked, thread-local and process versions report
 * no race.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../simulator/simulate";
import type { Finding } from "../../simulator/trace/report";

const dir = join(__dirname, "seeds");

interface Verdict {
  /** Finding kind (and severity) that must be reported. */
  must?: { kind: Finding["kind"]; severity?: Finding["severity"]; mentions?: string }[];
  /** Kinds that must not be reported at error or warning level. */
  mustNot: Finding["kind"][];
  /** Smaller limits for the long CPU-bound loops (the verdict does not need the whole run). */
  maxSteps?: number;
}

const NO_SYNC_BUG: Finding["kind"][] = ["race", "deadlock", "hang", "potential-deadlock"];

const VERDICTS: Record<string, Verdict> = {
  // data race on balance; CPython 3.11 prints 0, so the finding must come from the analysis
  s000_07_thread_balance_nolock: { must: [{ kind: "race", severity: "error", mentions: "balance" }], mustNot: ["deadlock", "hang", "potential-deadlock"], maxSteps: 3_000_000 },
  // the same under a lock: nothing
  s000_08_thread_balance_lock: { mustNot: NO_SYNC_BUG, maxSteps: 3_000_000 },
  s000_06_thread_loop_join: { mustNot: NO_SYNC_BUG },
  // CPU-bound threads, one per core, forever: serialized by the GIL (stopped by the step limit)
  s000_09_cpu_count_busy_threads: { must: [{ kind: "gil-serialized", severity: "warning" }], mustNot: NO_SYNC_BUG, maxSteps: 12_000_000 },
  s000_10_threadlocal_student: { mustNot: NO_SYNC_BUG },
  // the reader blocked on q.get() is terminated: no hang, no deadlock
  s000_05_process_queue_reader_terminate: { mustNot: NO_SYNC_BUG },
  s001_16_process_three_sleep: { mustNot: [...NO_SYNC_BUG, "gil-serialized"] },
  s001_17_process_subclass_run: { mustNot: [...NO_SYNC_BUG, "gil-serialized"] },
  s001_18_pipe_process_subclass: { mustNot: NO_SYNC_BUG },
  s001_19_pipe_function: { mustNot: NO_SYNC_BUG },
  s001_22_semaphore_two_slots: { mustNot: NO_SYNC_BUG },
  s001_23_event_block_and_timeout: { mustNot: NO_SYNC_BUG },
  s001_25_processes_no_lock_sleep: { mustNot: NO_SYNC_BUG },
  s001_26_processes_lock_serialized: { mustNot: NO_SYNC_BUG },
  s001_28_global_lock_spawn: { mustNot: NO_SYNC_BUG },
  // polling a global flag: a warning (use an Event), not an error
  s003_08_thread_flag_polling: { must: [{ kind: "race", severity: "warning", mentions: "flag" }], mustNot: ["deadlock", "hang", "potential-deadlock"] },
  s003_09_thread_event_wait: { mustNot: NO_SYNC_BUG },
  s004_01_thread_download_two_files: { mustNot: NO_SYNC_BUG },
  s004_02_process_download_two_files: { mustNot: [...NO_SYNC_BUG, "gil-serialized"] },
};

describe("seed corpus: what the analysis must and must not find", () => {
  for (const [name, v] of Object.entries(VERDICTS)) {
    it(name, () => {
      const source = readFileSync(join(dir, `${name}.py`), "utf8");
      const r = simulate(source, { filename: `${name}.py`, limits: v.maxSteps ? { maxSteps: v.maxSteps } : undefined });
      expect(r.outcome.status, r.outcome.stderr).not.toBe("unsupported");
      for (const m of v.must ?? []) {
        const hit = r.findings.find((f) => f.kind === m.kind && (m.severity === undefined || f.severity === m.severity) && (m.mentions === undefined || f.message.includes(m.mentions)));
        expect(hit, `${m.kind} in ${JSON.stringify(r.findings.map((f) => f.message))}`).toBeDefined();
      }
      const wrong = r.findings.filter((f) => v.mustNot.includes(f.kind) && f.severity !== "info" && !(v.must ?? []).some((m) => m.kind === f.kind));
      expect(wrong.map((f) => `${f.kind}: ${f.message}`)).toEqual([]);
    }, 120_000);
  }
});
