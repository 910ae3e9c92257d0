/**
 * Threads waiting on an object that several processes share (multiprocessing's semaphores,
 * events, pipes and queues). Woken threads retry their call when they next run, as with OS
 * semaphores: another thread may take the resource first.
 */
import type { PyValue } from "../vm/objects";
import { Unsupported } from "../vm/errors";
import type { Machine } from "./machine";
import type { SimThread } from "./task";
import { timeoutArg } from "./modules/_thread";

/** A timeout argument where None means "forever" (-1 here). */
export const tmo = (v: PyValue | undefined): number => timeoutArg(v);

/** A FIFO of threads waiting on a shared object; woken ones retry their call (barging, as with OS semaphores). */
export class Waiters {
  readonly list: SimThread[] = [];
  wakeAll(m: Machine): void {
    for (const w of this.list.splice(0)) {
      if (!w.done) {
        m.wakeRetry(w);
      }
    }
  }
  wakeOne(m: Machine): void {
    if (this.list.length === 0) {
      return;
    }
    const live = this.list.filter((w) => !w.done);
    this.list.length = 0;
    this.list.push(...live);
    if (live.length === 0) {
      return;
    }
    const id = live.length > 1 ? m.options.scheduler.pick(live.map((w) => w.id), "wake", -1) : live[0].id;
    const w = live.find((x) => x.id === id)!;
    this.list.splice(this.list.indexOf(w), 1);
    m.wakeRetry(w);
  }
  /**
   * Blocks the running thread until `attempt` succeeds (returns a value) or the timeout
   * passes (then the call returns `onTimeout()`).
   */
  wait(m: Machine, reason: string, timeout: number, attempt: () => PyValue | undefined, onTimeout: () => PyValue, waitsFor: () => SimThread[] = () => []): PyValue {
    const first = attempt();
    if (first !== undefined) {
      return first;
    }
    if (timeout === 0) {
      return onTimeout();
    }
    if (!m.canBlock()) {
      throw new Unsupported(`${reason} inside Python code run from the simulator's native code`);
    }
    const t = m.cur!;
    const deadline = timeout < 0 ? Infinity : m.now() + timeout;
    const park = (): PyValue => {
      this.list.push(t);
      const left = deadline === Infinity ? undefined : Math.max(0, deadline - m.now());
      t.retry = again;
      return m.block({
        reason,
        timeout: left,
        onTimeout,
        cancel: () => {
          const i = this.list.indexOf(t);
          if (i >= 0) {
            this.list.splice(i, 1);
          }
        },
        waitsFor,
      });
    };
    const again = (): PyValue => {
      const r = attempt();
      if (r !== undefined) {
        return r;
      }
      if (deadline !== Infinity && m.now() >= deadline) {
        return onTimeout();
      }
      return park();
    };
    return park();
  }
}

