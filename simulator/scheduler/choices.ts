/**
 * Where a run's nondeterminism comes from: every decision a strategy makes goes through a
 * ChoiceSource, which either draws from a seeded generator (and records the choice) or
 * reads the choices of a recorded run back (replay). Replaying the recorded choices with
 * the same strategy therefore reproduces the run exactly.
 */

/** A small, fast, seedable PRNG (splitmix32); deterministic across platforms. */
export class SplitMix32 {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  nextU32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }
  /** A uniform integer in [0, n). */
  below(n: number): number {
    return n <= 1 ? 0 : this.nextU32() % n;
  }
}

/** Hands out choices in [0, n) and records them (invariant: `recorded` holds every choice made with n > 1). */
export interface ChoiceSource {
  choose(n: number): number;
  readonly recorded: number[];
}

/** Draws choices from a seeded PRNG. */
export class SeededChoices implements ChoiceSource {
  readonly recorded: number[] = [];
  private readonly rng: SplitMix32;
  constructor(seed: number) {
    this.rng = new SplitMix32(seed ^ 0x5bd1e995);
  }
  choose(n: number): number {
    if (n <= 1) {
      return 0;
    }
    const c = this.rng.below(n);
    this.recorded.push(c);
    return c;
  }
}

/** Reads recorded choices back; past their end (or on a mismatch) it falls back to 0. */
export class ReplayChoices implements ChoiceSource {
  readonly recorded: number[] = [];
  private i = 0;
  constructor(private readonly choices: readonly number[]) {}
  choose(n: number): number {
    if (n <= 1) {
      return 0;
    }
    const c = this.i < this.choices.length ? this.choices[this.i++] : 0;
    const v = c < n ? c : 0;
    this.recorded.push(v);
    return v;
  }
}
