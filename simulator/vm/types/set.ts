/**
 * `set` and `frozenset`: a port of CPython 3.11's Objects/setobject.c hash table, so that
 * iteration order — and therefore printed sets, pop() and the order of every set operation's
 * result — is CPython's for keys whose hashes match CPython's (ints, floats, tuples of them).
 *
 * The table is open addressing: a probe inspects LINEAR_PROBES + 1 neighbouring slots, then
 * jumps by `i = i*5 + 1 + perturb` with perturb the 64-bit hash shifted right 5 bits each time.
 * Deleted slots hold a dummy until the next resize. Hashes are stored as Py_hash_t halves in an
 * Int32Array beside the keys (no per-entry objects).
 */
import { allocInstance } from "../call";
import { defMethods } from "../define";
import { keyError, runtimeError, typeError, TypeErrorType } from "../errors";
import { PyNativeIter } from "../iterators";
import {
  DictType,
  None,
  NotImplemented,
  ObjectType,
  PyBaseException,
  PyDict,
  PyList,
  PyObject,
  PyType,
  isInstance,
  nativeType,
  newTuple,
  type KwArgs,
  type NativeFn,
  type PyValue,
} from "../objects";
import { eq, forEach, repr, reprEnter, reprLeave, typeName, type CompareKind } from "../protocol";
import { noArgs, oneArg } from "./str";
import { hash64, hashValue, mul64, u64 } from "./tuple";

/** Marks a slot whose key was removed (CPython's `dummy`). */
const DUMMY: unique symbol = Symbol("dummy");
type Slot = PyValue | typeof DUMMY | undefined;

const MINSIZE = 8;
const LINEAR_PROBES = 9;

const emptySlots = (n: number): Slot[] => new Array<Slot>(n).fill(undefined);

/**
 * A set or frozenset. Invariants (setobject.c): `fill` counts active + dummy slots, `used`
 * active ones; the table has mask + 1 slots, a power of two, at least 8; an empty slot is
 * undefined; hashes[2i], hashes[2i+1] are the high and low halves of slot i's hash (-1, -1 for dummies).
 */
export class PySet extends PyObject {
  table: Slot[] = emptySlots(MINSIZE);
  hashes = new Int32Array(2 * MINSIZE);
  mask = MINSIZE - 1;
  fill = 0;
  used = 0;
  /** Where pop() resumes its scan. */
  finger = 0;
  /** frozenset's hash, once computed. */
  hashCache: number | bigint | null = null;
}

export const SetType = nativeType("set", ObjectType, (cls) => new PySet(cls));
export const FrozenSetType = nativeType("frozenset", ObjectType, (cls) => new PySet(cls));

const isFrozen = (s: PySet): boolean => s.cls.isSubtypeOf(FrozenSetType);
/** PySet_Check: set or a subclass (not frozenset). */
const isMutableSet = (v: PyValue): v is PySet => v instanceof PySet && !isFrozen(v);

// ---------------------------------------------------------------- the table

/** set_lookkey: the slot holding a key equal to `key`, or -1. A comparison that mutates the set restarts the search. */
function lookKey(so: PySet, key: PyValue, hhi: number, hlo: number): number {
  restart: for (;;) {
    const table = so.table;
    const hashes = so.hashes;
    let mask = so.mask;
    let i = hlo & mask;
    let pHi = hhi >>> 0;
    let pLo = hlo >>> 0;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = table[j];
        if (k === undefined) {
          return -1;
        }
        if (hashes[2 * j] === hhi && hashes[2 * j + 1] === hlo) {
          if (k === key) {
            return j;
          }
          const same = eq(k as PyValue, key);
          if (so.table !== table || table[j] !== k) {
            continue restart;
          }
          if (same) {
            return j;
          }
          mask = so.mask;
        }
        j++;
      } while (probes--);
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi >>>= 5;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }
}

/** set_insert_clean: places a key known to be absent into a table without dummies. */
function insertClean(table: Slot[], hashes: Int32Array, mask: number, key: PyValue, hhi: number, hlo: number): void {
  let i = hlo & mask;
  let pHi = hhi >>> 0;
  let pLo = hlo >>> 0;
  for (;;) {
    if (table[i] === undefined) {
      break;
    }
    if (i + LINEAR_PROBES <= mask) {
      let found = -1;
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === undefined) {
          found = i + j;
          break;
        }
      }
      if (found >= 0) {
        i = found;
        break;
      }
    }
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi >>>= 5;
    i = (i * 5 + 1 + pLo) & mask;
  }
  table[i] = key;
  hashes[2 * i] = hhi;
  hashes[2 * i + 1] = hlo;
}

/** set_table_resize: a fresh table with more than `minused` slots, the active keys reinserted in table order. */
function tableResize(so: PySet, minused: number): void {
  let newsize = MINSIZE;
  while (newsize <= minused) {
    newsize *= 2;
  }
  if (newsize === MINSIZE && so.mask === MINSIZE - 1 && so.fill === so.used) {
    return; // the small table without dummies: nothing to do
  }
  const oldTable = so.table;
  const oldHashes = so.hashes;
  const table = emptySlots(newsize);
  const hashes = new Int32Array(2 * newsize);
  const mask = newsize - 1;
  so.table = table;
  so.hashes = hashes;
  so.mask = mask;
  so.fill = so.used;
  for (let i = 0; i < oldTable.length; i++) {
    const k = oldTable[i];
    if (k !== undefined && k !== DUMMY) {
      insertClean(table, hashes, mask, k, oldHashes[2 * i], oldHashes[2 * i + 1]);
    }
  }
}

/** set_add_entry: a comparison that mutates the set restarts; a new key reuses the last dummy on its probe path. */
function addEntry(so: PySet, key: PyValue, hhi: number, hlo: number): void {
  restart: for (;;) {
    const table = so.table;
    const hashes = so.hashes;
    let mask = so.mask;
    let i = hlo & mask;
    let freeslot = -1;
    let pHi = hhi >>> 0;
    let pLo = hlo >>> 0;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = table[j];
        if (k === undefined) {
          if (freeslot >= 0) {
            so.used++;
            table[freeslot] = key;
            hashes[2 * freeslot] = hhi;
            hashes[2 * freeslot + 1] = hlo;
            return;
          }
          so.fill++;
          so.used++;
          table[j] = key;
          hashes[2 * j] = hhi;
          hashes[2 * j + 1] = hlo;
          if (so.fill * 5 >= mask * 3) {
            tableResize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
          }
          return;
        }
        if (hashes[2 * j] === hhi && hashes[2 * j + 1] === hlo) {
          if (k === key) {
            return;
          }
          if (eq(k as PyValue, key)) {
            return;
          }
          if (so.table !== table || table[j] !== k) {
            continue restart;
          }
          mask = so.mask;
        } else if (k === DUMMY) {
          freeslot = j;
        }
        j++;
      } while (probes--);
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi >>>= 5;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }
}

/** set_discard_entry: true when the key was present (its slot becomes a dummy). */
function discardEntry(so: PySet, key: PyValue, hhi: number, hlo: number): boolean {
  const j = lookKey(so, key, hhi, hlo);
  if (j < 0) {
    return false;
  }
  so.table[j] = DUMMY;
  so.hashes[2 * j] = -1;
  so.hashes[2 * j + 1] = -1;
  so.used--;
  return true;
}

/** set_add_key: hashes (TypeError for unhashable keys) and adds. */
export function setAddKey(so: PySet, key: PyValue): void {
  hash64(key);
  addEntry(so, key, u64.hi | 0, u64.lo | 0);
}

export function setContainsKey(so: PySet, key: PyValue): boolean {
  hash64(key);
  return lookKey(so, key, u64.hi | 0, u64.lo | 0) >= 0;
}

function discardKey(so: PySet, key: PyValue): boolean {
  hash64(key);
  return discardEntry(so, key, u64.hi | 0, u64.lo | 0);
}

/** set_clear_internal: back to an empty 8-slot table (the pop() finger is kept, as in CPython). */
function clearSet(so: PySet): void {
  so.table = emptySlots(MINSIZE);
  so.hashes = new Int32Array(2 * MINSIZE);
  so.mask = MINSIZE - 1;
  so.fill = 0;
  so.used = 0;
  so.hashCache = null;
}

/**
 * set_next over every active entry in table order, re-reading the table at each step (the
 * callback may run Python code). Stops early when `f` returns true.
 */
function eachEntry(so: PySet, f: (key: PyValue, hhi: number, hlo: number) => boolean | void): void {
  for (let i = 0; i <= so.mask; i++) {
    const k = so.table[i];
    if (k !== undefined && k !== DUMMY) {
      if (f(k, so.hashes[2 * i], so.hashes[2 * i + 1]) === true) {
        return;
      }
    }
  }
}

/** The active keys in table (iteration) order. */
export function setItems(so: PySet): PyValue[] {
  const out: PyValue[] = [];
  eachEntry(so, (k) => {
    out.push(k);
  });
  return out;
}

/** set_merge: adds every key of another set, copying its layout outright when that is safe. */
function setMerge(so: PySet, other: PySet): void {
  if (other === so || other.used === 0) {
    return;
  }
  if ((so.fill + other.used) * 5 >= so.mask * 3) {
    tableResize(so, (so.used + other.used) * 2);
  }
  if (so.fill === 0 && so.mask === other.mask && other.fill === other.used) {
    // Same size, no dummies: the same slots.
    for (let i = 0; i <= other.mask; i++) {
      const k = other.table[i];
      if (k !== undefined) {
        so.table[i] = k;
        so.hashes[2 * i] = other.hashes[2 * i];
        so.hashes[2 * i + 1] = other.hashes[2 * i + 1];
      }
    }
    so.fill = other.fill;
    so.used = other.used;
    return;
  }
  if (so.fill === 0) {
    so.fill = other.used;
    so.used = other.used;
    for (let i = 0; i <= other.mask; i++) {
      const k = other.table[i];
      if (k !== undefined && k !== DUMMY) {
        insertClean(so.table, so.hashes, so.mask, k, other.hashes[2 * i], other.hashes[2 * i + 1]);
      }
    }
    return;
  }
  for (let i = 0; i <= other.mask; i++) {
    const k = other.table[i];
    if (k !== undefined && k !== DUMMY) {
      addEntry(so, k, other.hashes[2 * i], other.hashes[2 * i + 1]);
    }
  }
}

/** set_update_internal: another set (merged), an exact dict (its keys, after one big resize), or any iterable. */
export function setUpdateInternal(so: PySet, other: PyValue): void {
  if (other instanceof PySet) {
    setMerge(so, other);
    return;
  }
  if (other instanceof PyDict && other.cls === DictType) {
    if ((so.fill + other.size) * 5 >= so.mask * 3) {
      tableResize(so, (so.used + other.size) * 2);
    }
    for (const k of other.keyList()) {
      setAddKey(so, k);
    }
    return;
  }
  forEach(other, (x) => {
    setAddKey(so, x);
  });
}

/** make_new_set: a set or frozenset of class `cls`, filled from `iterable`. */
export function makeNewSet(cls: PyType, iterable?: PyValue): PySet {
  const so = allocInstance(cls) as PySet;
  if (iterable !== undefined) {
    setUpdateInternal(so, iterable);
  }
  return so;
}

/** make_new_set_basetype: results of set operations are plain sets or frozensets, whatever subclass `cls` is. */
function makeBaseSet(cls: PyType, iterable?: PyValue): PySet {
  if (cls !== SetType && cls !== FrozenSetType) {
    cls = cls.isSubtypeOf(SetType) ? SetType : FrozenSetType;
  }
  return makeNewSet(cls, iterable);
}

/** set(iterable) — PySet_New. */
export const newSet = (iterable?: PyValue): PySet => makeNewSet(SetType, iterable);

// ---------------------------------------------------------------- the algorithms of the operations

function setCopy(so: PySet): PySet {
  return makeBaseSet(so.cls, so);
}

/** set_intersection: iterates the smaller set (keeping its key objects) or the iterable. */
export function setIntersection(so: PySet, other: PyValue): PySet {
  if (so === other) {
    return setCopy(so);
  }
  const result = makeBaseSet(so.cls);
  if (other instanceof PySet) {
    let big = so;
    let small = other;
    if (other.used > so.used) {
      big = other;
      small = so;
    }
    eachEntry(small, (k, hhi, hlo) => {
      if (lookKey(big, k, hhi, hlo) >= 0) {
        addEntry(result, k, hhi, hlo);
      }
    });
    return result;
  }
  forEach(other, (k) => {
    hash64(k);
    const hhi = u64.hi | 0;
    const hlo = u64.lo | 0;
    if (lookKey(so, k, hhi, hlo) >= 0) {
      addEntry(result, k, hhi, hlo);
    }
  });
  return result;
}

/** set_swap_bodies: exchanges two sets' tables (intersection_update keeps the identity of the updated set). */
function swapBodies(a: PySet, b: PySet): void {
  const { table, hashes, mask, fill, used } = a;
  a.table = b.table;
  a.hashes = b.hashes;
  a.mask = b.mask;
  a.fill = b.fill;
  a.used = b.used;
  b.table = table;
  b.hashes = hashes;
  b.mask = mask;
  b.fill = fill;
  b.used = used;
  if (isFrozen(a) && isFrozen(b)) {
    const h = a.hashCache;
    a.hashCache = b.hashCache;
    b.hashCache = h;
  } else {
    a.hashCache = null;
    b.hashCache = null;
  }
}

/** set_difference_update_internal, then the resize that purges dummies once they pass a quarter of the table. */
export function setDifferenceUpdate(so: PySet, other: PyValue): void {
  if (so === other) {
    clearSet(so);
    return;
  }
  if (other instanceof PySet) {
    // When the other set is much larger, only the common keys matter.
    const src = other.used >> 3 > so.used ? setIntersection(so, other) : other;
    eachEntry(src, (k, hhi, hlo) => {
      discardEntry(so, k, hhi, hlo);
    });
  } else {
    forEach(other, (k) => {
      discardKey(so, k);
    });
  }
  if (so.fill - so.used <= so.mask >>> 2) {
    return;
  }
  tableResize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
}

function copyAndDifference(so: PySet, other: PyValue): PySet {
  const result = setCopy(so);
  setDifferenceUpdate(result, other);
  return result;
}

/** set_difference: builds the result from the keys of `so` missing from `other` (or copies and removes, when `so` is much larger). */
function setDifference(so: PySet, other: PyValue): PySet {
  let otherSize: number;
  if (other instanceof PySet) {
    otherSize = other.used;
  } else if (other instanceof PyDict && other.cls === DictType) {
    otherSize = other.size;
  } else {
    return copyAndDifference(so, other);
  }
  if (so.used >> 2 > otherSize) {
    return copyAndDifference(so, other);
  }
  const result = makeBaseSet(so.cls);
  if (other instanceof PyDict) {
    eachEntry(so, (k, hhi, hlo) => {
      if (!other.has(k)) {
        addEntry(result, k, hhi, hlo);
      }
    });
    return result;
  }
  const o = other as PySet;
  eachEntry(so, (k, hhi, hlo) => {
    if (lookKey(o, k, hhi, hlo) < 0) {
      addEntry(result, k, hhi, hlo);
    }
  });
  return result;
}

/** set_symmetric_difference_update: each key of `other` is removed when present, added when not. */
export function setSymmetricDifferenceUpdate(so: PySet, other: PyValue): void {
  if (so === other) {
    clearSet(so);
    return;
  }
  const toggle = (k: PyValue, hhi: number, hlo: number): void => {
    if (!discardEntry(so, k, hhi, hlo)) {
      addEntry(so, k, hhi, hlo);
    }
  };
  if (other instanceof PyDict && other.cls === DictType) {
    for (const k of other.keyList()) {
      hash64(k);
      toggle(k, u64.hi | 0, u64.lo | 0);
    }
    return;
  }
  const otherSet = other instanceof PySet ? other : makeBaseSet(so.cls, other);
  eachEntry(otherSet, toggle);
}

/** set_symmetric_difference: a copy of `other` toggled by the keys of `so`. */
function setSymmetricDifference(so: PySet, other: PyValue): PySet {
  const result = makeBaseSet(so.cls, other);
  setSymmetricDifferenceUpdate(result, so);
  return result;
}

function setIsSubset(so: PySet, other: PyValue): boolean {
  if (!(other instanceof PySet)) {
    return setIsSubset(so, newSet(other));
  }
  if (so.used > other.used) {
    return false;
  }
  let ok = true;
  eachEntry(so, (k, hhi, hlo) => {
    if (lookKey(other, k, hhi, hlo) < 0) {
      ok = false;
      return true;
    }
    return false;
  });
  return ok;
}

function setIsSuperset(so: PySet, other: PyValue): boolean {
  return setIsSubset(other instanceof PySet ? other : newSet(other), so);
}

function setIsDisjoint(so: PySet, other: PyValue): boolean {
  if (so === other) {
    return so.used === 0;
  }
  let disjoint = true;
  if (other instanceof PySet && (other.cls === SetType || other.cls === FrozenSetType)) {
    let big = so;
    let small = other;
    if (other.used > so.used) {
      big = other;
      small = so;
    }
    eachEntry(small, (k, hhi, hlo) => {
      if (lookKey(big, k, hhi, hlo) >= 0) {
        disjoint = false;
        return true;
      }
      return false;
    });
    return disjoint;
  }
  forEach(other, (k) => {
    if (setContainsKey(so, k)) {
      disjoint = false;
      return true;
    }
    return false;
  });
  return disjoint;
}

/** A set used as a key of a set operation stands for the frozenset of its items (set_contains, set_remove, set_discard). */
function withFrozenRetry<T>(key: PyValue, f: (k: PyValue) => T): T {
  try {
    return f(key);
  } catch (e) {
    if (!isMutableSet(key) || !(e instanceof PyBaseException) || !isInstance(e, TypeErrorType)) {
      throw e;
    }
  }
  return f(makeNewSet(FrozenSetType, key));
}

// ---------------------------------------------------------------- frozenset hash

/** _shuffle_bits: ((h ^ 89869747) ^ (h << 16)) * 3644798167, into u64. */
function shuffleBits(hi: number, lo: number): void {
  const xlo = (lo ^ 89869747 ^ (lo << 16)) >>> 0;
  const xhi = (hi ^ ((hi << 16) | (lo >>> 16))) >>> 0;
  mul64(xhi, xlo, 0, 3644798167);
}

/** frozenset_hash: order-independent (xor of shuffled entry hashes), then dispersed. */
function frozensetHash(so: PySet): number | bigint {
  if (so.hashCache !== null) {
    return so.hashCache;
  }
  let hi = 0;
  let lo = 0;
  eachEntry(so, (_k, hhi, hlo) => {
    shuffleBits(hhi >>> 0, hlo >>> 0);
    hi ^= u64.hi;
    lo ^= u64.lo;
  });
  mul64(0, so.used + 1, 0, 1927868237);
  hi = (hi ^ u64.hi) >>> 0;
  lo = (lo ^ u64.lo) >>> 0;
  // hash ^= (hash >> 11) ^ (hash >> 25)
  const s11hi = hi >>> 11;
  const s11lo = ((lo >>> 11) | (hi << 21)) >>> 0;
  const s25hi = hi >>> 25;
  const s25lo = ((lo >>> 25) | (hi << 7)) >>> 0;
  hi = (hi ^ s11hi ^ s25hi) >>> 0;
  lo = (lo ^ s11lo ^ s25lo) >>> 0;
  // hash = hash * 69069 + 907133923
  mul64(hi, lo, 0, 69069);
  const sum = u64.lo + 907133923;
  hi = (u64.hi + (sum > 0xffffffff ? 1 : 0)) >>> 0;
  lo = sum >>> 0;
  if (hi === 0xffffffff && lo === 0xffffffff) {
    hi = 0;
    lo = 590923713;
  }
  so.hashCache = hashValue(hi, lo);
  return so.hashCache;
}

// ---------------------------------------------------------------- methods

function anySelf(v: PyValue | undefined, owner: string, name: string): PySet {
  if (v instanceof PySet && (owner === "frozenset") === isFrozen(v)) {
    return v;
  }
  if (v === undefined) {
    throw typeError(`unbound method ${owner}.${name}() needs an argument`);
  }
  throw typeError(`descriptor '${name}' for '${owner}' objects doesn't apply to a '${typeName(v)}' object`);
}

function setIterator(so: PySet): PyNativeIter {
  let used = so.used;
  let pos = 0;
  return new PyNativeIter("set_iterator", () => {
    if (pos < 0) {
      return undefined;
    }
    if (used !== so.used) {
      used = -1; // sticky, as CPython's si_used = -1
      throw runtimeError("Set changed size during iteration");
    }
    const table = so.table;
    let i = pos;
    while (i <= so.mask && (table[i] === undefined || table[i] === DUMMY)) {
      i++;
    }
    if (i > so.mask) {
      pos = -1;
      return undefined;
    }
    pos = i + 1;
    return table[i] as PyValue;
  });
}

function setRepr(so: PySet): string {
  const name = so.cls.name;
  if (!reprEnter(so)) {
    return `${name}(...)`;
  }
  try {
    if (so.used === 0) {
      return `${name}()`;
    }
    const body = setItems(so).map(repr).join(", ");
    return so.cls === SetType ? `{${body}}` : `${name}({${body}})`;
  } finally {
    reprLeave(so);
  }
}

/** set_richcompare: subset relations; NotImplemented unless both are sets. */
function setCompare(args: PyValue[], op: CompareKind): PyValue {
  const v = args[0] as PySet;
  const w = args[1];
  if (!(v instanceof PySet) || !(w instanceof PySet)) {
    return NotImplemented;
  }
  switch (op) {
    case "eq":
      return v.used === w.used && setIsSubset(v, w);
    case "ne":
      return !(v.used === w.used && setIsSubset(v, w));
    case "le":
      return setIsSubset(v, w);
    case "ge":
      return setIsSuperset(v, w);
    case "lt":
      return v.used < w.used && setIsSubset(v, w);
    case "gt":
      return v.used > w.used && setIsSuperset(v, w);
  }
}

const bothSets = (a: PyValue, b: PyValue): boolean => a instanceof PySet && b instanceof PySet;

function setInit(so: PySet, args: PyValue[], kwargs: KwArgs | null): void {
  if (kwargs !== null && kwargs.size > 0) {
    throw typeError("set() takes no keyword arguments");
  }
  if (args.length > 2) {
    throw typeError(`${so.cls.name} expected at most 1 argument, got ${args.length - 1}`);
  }
  if (so.fill) {
    clearSet(so);
  }
  so.hashCache = null;
  if (args.length === 2) {
    setUpdateInternal(so, args[1]);
  }
}

function newChecked(owner: PyType, cls: PyValue): PyType {
  if (!(cls instanceof PyType)) {
    throw typeError(`${owner.name}.__new__(X): X is not a type object (${typeName(cls)})`);
  }
  if (!cls.isSubtypeOf(owner)) {
    throw typeError(`${owner.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${owner.name}`);
  }
  return cls;
}

let objectInit: PyValue | undefined;

/** The methods set and frozenset share, with `owner` naming the type in messages. */
function commonMethods(owner: "set" | "frozenset"): Record<string, (args: PyValue[], kwargs: KwArgs | null) => PyValue> {
  const self = (v: PyValue | undefined, name: string): PySet => anySelf(v, owner, name);
  const varargs = (name: string, kwargs: KwArgs | null): void => {
    if (kwargs !== null && kwargs.size > 0) {
      throw typeError(`${owner}.${name}() takes no keyword arguments`);
    }
  };
  return {
    __len__: (args) => self(args[0], "__len__").used,
    __contains__: (args, kwargs) => {
      const so = self(args[0], "__contains__");
      oneArg(owner, "__contains__", args.length - 1, kwargs);
      return withFrozenRetry(args[1], (k) => setContainsKey(so, k));
    },
    __iter__: (args) => setIterator(self(args[0], "__iter__")),
    __repr__: (args) => setRepr(self(args[0], "__repr__")),
    __eq__: (args) => setCompare(args, "eq"),
    __ne__: (args) => setCompare(args, "ne"),
    __lt__: (args) => setCompare(args, "lt"),
    __le__: (args) => setCompare(args, "le"),
    __gt__: (args) => setCompare(args, "gt"),
    __ge__: (args) => setCompare(args, "ge"),
    __or__: (args) => {
      const [a, b] = args;
      if (!bothSets(a, b)) {
        return NotImplemented;
      }
      const result = setCopy(a as PySet);
      if (a !== b) {
        setUpdateInternal(result, b);
      }
      return result;
    },
    __and__: (args) => (bothSets(args[0], args[1]) ? setIntersection(args[0] as PySet, args[1]) : NotImplemented),
    __sub__: (args) => (bothSets(args[0], args[1]) ? setDifference(args[0] as PySet, args[1]) : NotImplemented),
    __xor__: (args) => (bothSets(args[0], args[1]) ? setSymmetricDifference(args[0] as PySet, args[1]) : NotImplemented),
    __ror__: (args) => {
      const [b, a] = args;
      if (!bothSets(a, b)) {
        return NotImplemented;
      }
      const result = setCopy(a as PySet);
      setUpdateInternal(result, b);
      return result;
    },
    __rand__: (args) => (bothSets(args[1], args[0]) ? setIntersection(args[1] as PySet, args[0]) : NotImplemented),
    __rsub__: (args) => (bothSets(args[1], args[0]) ? setDifference(args[1] as PySet, args[0]) : NotImplemented),
    __rxor__: (args) => (bothSets(args[1], args[0]) ? setSymmetricDifference(args[1] as PySet, args[0]) : NotImplemented),
    copy: (args, kwargs) => {
      const so = self(args[0], "copy");
      noArgs(owner, "copy", args.length - 1, kwargs);
      return so.cls === FrozenSetType ? so : setCopy(so);
    },
    union: (args, kwargs) => {
      const so = self(args[0], "union");
      varargs("union", kwargs);
      const result = setCopy(so);
      for (let i = 1; i < args.length; i++) {
        if (args[i] !== so) {
          setUpdateInternal(result, args[i]);
        }
      }
      return result;
    },
    intersection: (args, kwargs) => {
      const so = self(args[0], "intersection");
      varargs("intersection", kwargs);
      if (args.length === 1) {
        return setCopy(so);
      }
      let result = so;
      for (let i = 1; i < args.length; i++) {
        result = setIntersection(result, args[i]);
      }
      return result;
    },
    difference: (args, kwargs) => {
      const so = self(args[0], "difference");
      varargs("difference", kwargs);
      if (args.length === 1) {
        return setCopy(so);
      }
      const result = setDifference(so, args[1]);
      for (let i = 2; i < args.length; i++) {
        setDifferenceUpdate(result, args[i]);
      }
      return result;
    },
    symmetric_difference: (args, kwargs) => {
      const so = self(args[0], "symmetric_difference");
      oneArg(owner, "symmetric_difference", args.length - 1, kwargs);
      return setSymmetricDifference(so, args[1]);
    },
    issubset: (args, kwargs) => {
      const so = self(args[0], "issubset");
      oneArg(owner, "issubset", args.length - 1, kwargs);
      return setIsSubset(so, args[1]);
    },
    issuperset: (args, kwargs) => {
      const so = self(args[0], "issuperset");
      oneArg(owner, "issuperset", args.length - 1, kwargs);
      return setIsSuperset(so, args[1]);
    },
    isdisjoint: (args, kwargs) => {
      const so = self(args[0], "isdisjoint");
      oneArg(owner, "isdisjoint", args.length - 1, kwargs);
      return setIsDisjoint(so, args[1]);
    },
    __reduce__: (args) => {
      const so = self(args[0], "__reduce__");
      return newTuple([so.cls, newTuple([new PyList(setItems(so))]), so.dict ?? None]);
    },
  };
}

/** `s |= t` and its kin: only with another set (a frozenset too), else NotImplemented; the result is s itself. */
function inPlace(name: string, update: (so: PySet, other: PySet) => void): NativeFn {
  return (args) => {
    const so = anySelf(args[0], "set", name);
    if (!(args[1] instanceof PySet)) {
      return NotImplemented;
    }
    update(so, args[1]);
    return so;
  };
}

defMethods(SetType, {
  ...commonMethods("set"),
  __new__: (args) => allocInstance(newChecked(SetType, args[0])),
  __init__: (args, kwargs) => {
    setInit(anySelf(args[0], "set", "__init__"), args, kwargs);
    return None;
  },
  __ior__: inPlace("__ior__", setUpdateInternal),
  __iand__: inPlace("__iand__", (so, other) => swapBodies(so, setIntersection(so, other))),
  __isub__: inPlace("__isub__", setDifferenceUpdate),
  __ixor__: inPlace("__ixor__", setSymmetricDifferenceUpdate),
  add: (args, kwargs) => {
    const so = anySelf(args[0], "set", "add");
    oneArg("set", "add", args.length - 1, kwargs);
    setAddKey(so, args[1]);
    return None;
  },
  discard: (args, kwargs) => {
    const so = anySelf(args[0], "set", "discard");
    oneArg("set", "discard", args.length - 1, kwargs);
    withFrozenRetry(args[1], (k) => discardKey(so, k));
    return None;
  },
  remove: (args, kwargs) => {
    const so = anySelf(args[0], "set", "remove");
    oneArg("set", "remove", args.length - 1, kwargs);
    if (!withFrozenRetry(args[1], (k) => discardKey(so, k))) {
      throw keyError(args[1]);
    }
    return None;
  },
  pop: (args, kwargs) => {
    const so = anySelf(args[0], "set", "pop");
    noArgs("set", "pop", args.length - 1, kwargs);
    if (so.used === 0) {
      throw keyError("pop from an empty set");
    }
    // set_pop: scan on from the finger, wrapping around.
    const table = so.table;
    let i = so.finger & so.mask;
    while (table[i] === undefined || table[i] === DUMMY) {
      i++;
      if (i > so.mask) {
        i = 0;
      }
    }
    const key = table[i] as PyValue;
    table[i] = DUMMY;
    so.hashes[2 * i] = -1;
    so.hashes[2 * i + 1] = -1;
    so.used--;
    so.finger = i + 1;
    return key;
  },
  clear: (args, kwargs) => {
    const so = anySelf(args[0], "set", "clear");
    noArgs("set", "clear", args.length - 1, kwargs);
    clearSet(so);
    return None;
  },
  update: (args, kwargs) => {
    const so = anySelf(args[0], "set", "update");
    if (kwargs !== null && kwargs.size > 0) {
      throw typeError("set.update() takes no keyword arguments");
    }
    for (let i = 1; i < args.length; i++) {
      setUpdateInternal(so, args[i]);
    }
    return None;
  },
  intersection_update: (args, kwargs) => {
    const so = anySelf(args[0], "set", "intersection_update");
    if (kwargs !== null && kwargs.size > 0) {
      throw typeError("set.intersection_update() takes no keyword arguments");
    }
    let result = so;
    if (args.length === 1) {
      result = setCopy(so);
    }
    for (let i = 1; i < args.length; i++) {
      result = setIntersection(result, args[i]);
    }
    swapBodies(so, result);
    return None;
  },
  difference_update: (args, kwargs) => {
    const so = anySelf(args[0], "set", "difference_update");
    if (kwargs !== null && kwargs.size > 0) {
      throw typeError("set.difference_update() takes no keyword arguments");
    }
    for (let i = 1; i < args.length; i++) {
      setDifferenceUpdate(so, args[i]);
    }
    return None;
  },
  symmetric_difference_update: (args, kwargs) => {
    const so = anySelf(args[0], "set", "symmetric_difference_update");
    oneArg("set", "symmetric_difference_update", args.length - 1, kwargs);
    setSymmetricDifferenceUpdate(so, args[1]);
    return None;
  },
});
SetType.dict!.setStr("__hash__", None);

defMethods(FrozenSetType, {
  ...commonMethods("frozenset"),
  __new__: (args, kwargs) => {
    const cls = newChecked(FrozenSetType, args[0]);
    objectInit ??= ObjectType.dict!.getStr("__init__");
    if (kwargs !== null && kwargs.size > 0 && (cls === FrozenSetType || cls.lookup("__init__") === objectInit)) {
      throw typeError("frozenset() takes no keyword arguments");
    }
    if (args.length > 2) {
      throw typeError(`${cls.name} expected at most 1 argument, got ${args.length - 1}`);
    }
    const iterable = args[1];
    if (cls === FrozenSetType && iterable instanceof PySet && iterable.cls === FrozenSetType) {
      return iterable; // frozenset(f) is f
    }
    return makeNewSet(cls, iterable);
  },
  __hash__: (args) => frozensetHash(anySelf(args[0], "frozenset", "__hash__")),
});

// ---------------------------------------------------------------- for the interpreter

/** BUILD_SET: the items added in order. */
export function makeSet(items: PyValue[]): PySet {
  const so = newSet();
  for (let i = 0; i < items.length; i++) {
    setAddKey(so, items[i]);
  }
  return so;
}

/**
 * A display of three or more constants (`{1, 2, 3}`): CPython 3.11 compiles it to BUILD_SET 0,
 * LOAD_CONST frozenset(...), SET_UPDATE 1. The constant is built from the items, then rebuilt
 * from its own iteration order when the compiler merges constants (merge_consts_recursive), and
 * finally merged into the new set; each step can move keys, so the result differs from adding
 * the items one by one.
 */
export function setFromConstants(items: PyValue[]): PySet {
  const so = newSet();
  setMerge(so, makeSet(setItems(makeSet(items))));
  return so;
}

/** SET_ADD */
export function setAdd(so: PyValue, v: PyValue): void {
  setAddKey(so as PySet, v);
}

/** SET_UPDATE */
export function setUpdate(so: PyValue, iterable: PyValue): void {
  setUpdateInternal(so as PySet, iterable);
}
