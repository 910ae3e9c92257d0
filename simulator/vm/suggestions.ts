/**
 * "Did you mean: 'x'?" for uncaught NameError and AttributeError, as CPython 3.11's
 * traceback module computes it (_compute_suggestion_error, _levenshtein_distance).
 */
import type { Frame } from "./frame";
import { dirNames } from "./types/object";
import type { PyValue } from "./objects";

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}

function levenshtein(aIn: string, bIn: string, maxCost: number): number {
  if (aIn === bIn) {
    return 0;
  }
  let a = aIn;
  let b = bIn;
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) {
    pre++;
  }
  a = a.slice(pre);
  b = b.slice(pre);
  let post = 0;
  while (post < a.length && post < b.length && a[a.length - 1 - post] === b[b.length - 1 - post]) {
    post++;
  }
  a = a.slice(0, a.length - post);
  b = b.slice(0, b.length - post);
  if (!a.length || !b.length) {
    return MOVE_COST * (a.length + b.length);
  }
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) {
    return maxCost + 1;
  }
  if (b.length < a.length) {
    [a, b] = [b, a];
  }
  if ((b.length - a.length) * MOVE_COST > maxCost) {
    return maxCost + 1;
  }
  const row: number[] = [];
  for (let i = 1; i <= a.length; i++) {
    row.push(i * MOVE_COST);
  }
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(b[bi], a[i]);
      distance = row[i];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      row[i] = result;
      if (result < minimum) {
        minimum = result;
      }
    }
    if (minimum > maxCost) {
      return maxCost + 1;
    }
  }
  return result;
}

function bestMatch(wrong: string, candidates: string[]): string | null {
  if (candidates.length > MAX_CANDIDATE_ITEMS || wrong.length > MAX_STRING_SIZE) {
    return null;
  }
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of candidates) {
    if (name === wrong) {
      continue;
    }
    let maxDistance = Math.floor(((name.length + wrong.length + 3) * MOVE_COST) / 6);
    if (best !== null && bestDistance < maxDistance) {
      maxDistance = bestDistance - 1;
    }
    const d = levenshtein(wrong, name, maxDistance);
    if (d > maxDistance) {
      continue;
    }
    if (best === null || d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** The suggestion for a NameError raised in `frame`: its locals, globals and builtins. */
export function suggestName(wrong: string, frame: Frame, builtins: string[]): string | null {
  const names: string[] = [];
  if (frame.localsDict !== null) {
    names.push(...frame.localsDict.keyList().map(String));
  } else {
    frame.code.varnames.forEach((n, i) => {
      if (frame.locals[i] !== undefined) {
        names.push(n);
      }
    });
    [...frame.code.cellvars, ...frame.code.freevars].forEach((n, i) => {
      if (frame.cells?.[i]?.value !== undefined) {
        names.push(n);
      }
    });
  }
  names.push(...frame.globals.keyList().map(String), ...builtins);
  return bestMatch(wrong, names);
}

/** The suggestion for an AttributeError on `obj`: its dir(). */
export function suggestAttribute(wrong: string, obj: PyValue): string | null {
  return bestMatch(wrong, dirNames(obj));
}
