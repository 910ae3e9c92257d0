/**
 * Index and slice arithmetic shared by every sequence (CPython's PySlice_Unpack and
 * PySlice_AdjustIndices).
 */
import { indexError, valueError } from "./errors";
import { None, type PySlice } from "./objects";
import { index } from "./protocol";

/** start, stop, step and the number of items a slice selects from a sequence of `length`. */
export interface SliceRange {
  start: number;
  stop: number;
  step: number;
  count: number;
}

const clampBig = (v: number | bigint): number =>
  typeof v === "bigint" ? (v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : v;

export function sliceIndices(s: PySlice, length: number): SliceRange {
  let step = 1;
  if (s.step !== None) {
    step = clampBig(index(s.step));
    if (step === 0) {
      throw valueError("slice step cannot be zero");
    }
  }
  let start: number;
  let stop: number;
  if (s.start === None) {
    start = step < 0 ? length - 1 : 0;
  } else {
    start = clampBig(index(s.start));
    if (start < 0) {
      start += length;
      if (start < 0) {
        start = step < 0 ? -1 : 0;
      }
    } else if (start >= length) {
      start = step < 0 ? length - 1 : length;
    }
  }
  if (s.stop === None) {
    stop = step < 0 ? -1 : length;
  } else {
    stop = clampBig(index(s.stop));
    if (stop < 0) {
      stop += length;
      if (stop < 0) {
        stop = step < 0 ? -1 : 0;
      }
    } else if (stop >= length) {
      stop = step < 0 ? length - 1 : length;
    }
  }
  let count = 0;
  if (step < 0) {
    if (stop < start) {
      count = Math.floor((start - stop - 1) / -step) + 1;
    }
  } else if (start < stop) {
    count = Math.floor((stop - start - 1) / step) + 1;
  }
  return { start, stop, step, count };
}

/**
 * A subscript index made non-negative, or an IndexError with CPython's message
 * ("list index out of range", "tuple index out of range", "string index out of range", ...).
 */
export function seqIndex(i: number | bigint, length: number, what: string): number {
  let n = typeof i === "bigint" ? (i < 0n ? -Infinity : Infinity) : i;
  if (n < 0) {
    n += length;
  }
  if (n < 0 || n >= length) {
    throw indexError(`${what} index out of range`);
  }
  return n;
}
