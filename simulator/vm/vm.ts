/**
 * Per-run state of the interpreter: loaded modules, output streams, the virtual clock and
 * the limits. One Vm exists per run; `vm()` returns the current one (a run is synchronous,
 * so runs in one JS thread never interleave).
 */
import { LimitReached, Unsupported } from "./errors";
import { instantiateModule } from "./modules";
import type { PyDict, PyModule } from "./objects";

export interface Limits {
  /** Instructions executed before the run stops with `step-limit`. */
  maxSteps: number;
  /** Virtual seconds before the run stops with `time-limit`. */
  maxTimeS: number;
  /** Characters of stdout + stderr kept; past it the run stops with `output-limit`. */
  maxOutputChars: number;
}

export const defaultLimits: Limits = { maxSteps: 50_000_000, maxTimeS: 3600, maxOutputChars: 1_000_000 };

/** Where the virtual clock starts: time.time() at the start of every run (2026-01-01T00:00:00Z). */
export const EPOCH_S = 1767225600;

export class Vm {
  /** sys.modules (of the running process: runtime/machine.ts swaps it with the process). */
  modules = new Map<string, PyModule>();
  /** Observes every write to stdout/stderr (the runtime records print events). */
  onWrite: ((stream: "stdout" | "stderr", text: string) => void) | null = null;
  /** Chunks of output in the order written, as a terminal shows them. */
  readonly output: { stream: "stdout" | "stderr"; text: string }[] = [];
  outputChars = 0;
  /** Virtual seconds since the run started. */
  clock = 0;
  /** Instructions executed. */
  steps = 0;
  /** Simulated standard input for input() and sys.stdin. */
  stdinPos = 0;
  /** Source lines by file name, for tracebacks. */
  readonly sources = new Map<string, string[]>();
  builtins!: PyDict;
  /** The in-memory file system of open() (files.ts): path → contents. */
  readonly files = new Map<string, string>();

  constructor(
    readonly limits: Limits,
    readonly stdin: string,
    readonly seed: number,
  ) {}

  write(stream: "stdout" | "stderr", text: string): void {
    if (text.length === 0) {
      return;
    }
    this.onWrite?.(stream, text);
    const room = this.limits.maxOutputChars - this.outputChars;
    if (text.length > room) {
      this.pushOutput(stream, text.slice(0, Math.max(0, room)));
      throw new LimitReached("output-limit", `output exceeded ${this.limits.maxOutputChars} characters`);
    }
    this.pushOutput(stream, text);
  }

  private pushOutput(stream: "stdout" | "stderr", text: string): void {
    this.outputChars += text.length;
    const last = this.output[this.output.length - 1];
    if (last !== undefined && last.stream === stream) {
      last.text += text;
    } else {
      this.output.push({ stream, text });
    }
  }

  text(stream: "stdout" | "stderr"): string {
    return this.output
      .filter((c) => c.stream === stream)
      .map((c) => c.text)
      .join("");
  }

  /** time.time() */
  now(): number {
    return EPOCH_S + this.clock;
  }

  /** Advances the virtual clock (time.sleep in a single-task run). */
  sleep(seconds: number): void {
    this.clock += seconds;
    if (this.clock > this.limits.maxTimeS) {
      throw new LimitReached("time-limit", `virtual time exceeded ${this.limits.maxTimeS} s`);
    }
  }

  /** sys.modules lookup, creating a registered module on first import. */
  importModule(name: string): PyModule {
    let m = this.modules.get(name);
    if (m === undefined) {
      m = instantiateModule(name, (fresh) => this.modules.set(name, fresh));
      if (m === undefined) {
        throw new Unsupported(`the module '${name}'`);
      }
    }
    return m;
  }
}

let current: Vm | null = null;

/** The current run's state. */
export function vm(): Vm {
  if (current === null) {
    throw new Error("no Interleave run is active");
  }
  return current;
}

export function setVm(v: Vm | null): void {
  current = v;
}
