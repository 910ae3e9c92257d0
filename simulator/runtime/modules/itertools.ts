/**
 * The `itertools` module (CPython 3.11's Modules/itertoolsmodule.c). Every iterator is lazy
 * and pulls from its inputs exactly when CPython's does (so side effects of user iterators
 * and predicates happen in the same order), and its type is named as in CPython
 * (`type(itertools.count()).__name__ == 'count'`, `repr(itertools.count(5)) == 'count(5)'`).
 */
import { BinaryOp } from "../../python/opcodes";
import { arity, defMethods, noKwargs } from "../../vm/define";
import { stopIteration, typeError, valueError } from "../../vm/errors";
import { PyNativeIter } from "../../vm/iterators";
import { registerModule } from "../../vm/modules";
import {
  None,
  nativeType,
  ObjectType,
  PyClassMethod,
  PyBuiltin,
  PyFloat,
  PyTuple,
  type KwArgs,
  type NativeFn,
  type PyType,
  type PyValue,
} from "../../vm/objects";
import { binaryOp } from "../../vm/operators";
import { callPy, eq, getAttrOpt, index, iter, next, repr, toArray, truthy } from "../../vm/protocol";
import { clinicArgs } from "./bisect";

/**
 * An itertools iterator: a native iterator (so protocol.next takes its fast path) whose
 * type is the itertools class, or the Python subclass it was created for.
 */
class ItertoolsIter<S = null> extends PyNativeIter {
  constructor(
    cls: PyType,
    readonly state: S,
    step: (s: S) => PyValue | undefined,
  ) {
    super("iterator", () => step(state));
    this.cls = cls;
  }
}

/** Defines an itertools class: iteration dunders plus a `__new__` that builds the iterator. */
function itertoolsType(name: string, make: (cls: PyType, args: PyValue[], kwargs: KwArgs | null) => PyValue): PyType {
  const t = nativeType(name, ObjectType, (cls) => new ItertoolsIter(cls, null, () => undefined));
  t.module = "itertools";
  defMethods(t, {
    __new__: (args, kwargs) => make(args[0] as PyType, args.slice(1), kwargs),
    __iter__: (args) => args[0],
    __next__: (args) => {
      const v = (args[0] as PyNativeIter).next();
      if (v === undefined) {
        throw stopIteration();
      }
      return v;
    },
  });
  return t;
}

/**
 * For the constructors that unpack a tuple of positional arguments (PyArg_UnpackTuple):
 * "cycle() takes no keyword arguments", "cycle expected 1 argument, got 0",
 * "islice expected at least 2 arguments, got 1".
 */
function positionalOnly(name: string, args: PyValue[], kwargs: KwArgs | null, min: number, max: number = min): void {
  noKwargs(name, kwargs);
  if (min === max && args.length !== min) {
    throw typeError(`${name} expected ${min} argument${min === 1 ? "" : "s"}, got ${args.length}`);
  }
  arity(name, args.length, min, max);
}

const tuple = (items: PyValue[]): PyTuple => new PyTuple(items);

/** PyNumber_Check: what count() accepts (int, float, complex, or anything with __index__/__int__/__float__). */
function isNumber(v: PyValue): boolean {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || v instanceof PyFloat) {
    return true;
  }
  if (typeof v === "string") {
    return false;
  }
  const t = v.cls;
  return (
    ["__index__", "__int__", "__float__"].some((n) => {
      const m = t.lookup(n);
      return m !== undefined && m !== None;
    }) || t.name === "complex"
  );
}

// ---------------------------------------------------------------- infinite iterators

interface CountState {
  cnt: PyValue;
  step: PyValue;
}

const CountType = itertoolsType("count", (cls, args, kwargs) => {
  const [start, step] = clinicArgs("count", args, kwargs, ["start", "step"], 0);
  const s: CountState = { cnt: start ?? 0, step: step ?? 1 };
  if (!isNumber(s.cnt) || !isNumber(s.step)) {
    throw typeError("a number is required");
  }
  return new ItertoolsIter(cls, s, (st) => {
    const r = st.cnt;
    st.cnt = binaryOp(st.cnt, st.step, BinaryOp.Add);
    return r;
  });
});
defMethods(CountType, {
  __repr__: (args) => {
    const s = (args[0] as ItertoolsIter<CountState>).state;
    const name = (args[0] as ItertoolsIter<CountState>).cls.name;
    // The step is left out when it is an int equal to 1.
    const stepIsOne = (typeof s.step === "number" || typeof s.step === "boolean") && +s.step === 1;
    return stepIsOne ? `${name}(${repr(s.cnt)})` : `${name}(${repr(s.cnt)}, ${repr(s.step)})`;
  },
});

const CycleType = itertoolsType("cycle", (cls, args, kwargs) => {
  positionalOnly("cycle", args, kwargs, 1);
  const state = { it: iter(args[0]) as PyValue | null, saved: [] as PyValue[], index: 0 };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.it !== null) {
      const item = next(s.it);
      if (item !== undefined) {
        s.saved.push(item);
        return item;
      }
      s.it = null;
    }
    if (s.saved.length === 0) {
      return undefined;
    }
    const item = s.saved[s.index++];
    if (s.index >= s.saved.length) {
      s.index = 0;
    }
    return item;
  });
});

interface RepeatState {
  element: PyValue;
  /** Remaining repetitions; -1 forever. */
  cnt: number;
}

const RepeatType = itertoolsType("repeat", (cls, args, kwargs) => {
  const [element, times] = clinicArgs("repeat", args, kwargs, ["object", "times"], 1);
  let cnt = -1;
  if (times !== undefined) {
    const n = index(times);
    cnt = n < 0 ? 0 : typeof n === "bigint" ? Number.MAX_SAFE_INTEGER : n;
  }
  return new ItertoolsIter<RepeatState>(cls, { element: element!, cnt }, (s) => {
    if (s.cnt === 0) {
      return undefined;
    }
    if (s.cnt > 0) {
      s.cnt--;
    }
    return s.element;
  });
});
defMethods(RepeatType, {
  __repr__: (args) => {
    const o = args[0] as ItertoolsIter<RepeatState>;
    return o.state.cnt === -1 ? `${o.cls.name}(${repr(o.state.element)})` : `${o.cls.name}(${repr(o.state.element)}, ${o.state.cnt})`;
  },
  __length_hint__: (args) => {
    const s = (args[0] as ItertoolsIter<RepeatState>).state;
    if (s.cnt === -1) {
      throw typeError("len() of unsized object");
    }
    return s.cnt;
  },
});

// ---------------------------------------------------------------- iterators terminating on the shortest input

const AccumulateType = itertoolsType("accumulate", (cls, args, kwargs) => {
  const [iterable, func, initial] = clinicArgs("accumulate", args, kwargs, ["iterable", "func"], 1, ["initial"]);
  const state = {
    it: iter(iterable!),
    func: func ?? None,
    total: undefined as PyValue | undefined,
    initial: initial === undefined || initial === None ? undefined : initial,
  };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.initial !== undefined) {
      s.total = s.initial;
      s.initial = undefined;
      return s.total;
    }
    const v = next(s.it);
    if (v === undefined) {
      return undefined;
    }
    if (s.total === undefined) {
      s.total = v;
    } else {
      s.total = s.func === None ? binaryOp(s.total, v, BinaryOp.Add) : callPy(s.func, [s.total, v]);
    }
    return s.total;
  });
});

/** chain's state: the iterator of iterables and the one being drained. */
interface ChainState {
  source: PyValue | null;
  active: PyValue | null;
}

function chainStep(s: ChainState): PyValue | undefined {
  while (s.source !== null) {
    if (s.active === null) {
      const iterable = next(s.source);
      if (iterable === undefined) {
        s.source = null;
        return undefined;
      }
      try {
        s.active = iter(iterable);
      } catch (e) {
        s.source = null;
        throw e;
      }
    }
    const item = next(s.active);
    if (item !== undefined) {
      return item;
    }
    s.active = null;
  }
  return undefined;
}

const ChainType = itertoolsType("chain", (cls, args, kwargs) => {
  noKwargs("chain", kwargs);
  return new ItertoolsIter<ChainState>(cls, { source: iter(tuple(args)), active: null }, chainStep);
});
ChainType.dict!.setStr(
  "from_iterable",
  new PyClassMethod(
    new PyBuiltin(
      "from_iterable",
      (args) => {
        arity("from_iterable", args.length - 1, 1);
        return new ItertoolsIter<ChainState>(args[0] as PyType, { source: iter(args[1]), active: null }, chainStep);
      },
      ChainType,
    ),
  ),
);

const CompressType = itertoolsType("compress", (cls, args, kwargs) => {
  const [data, selectors] = clinicArgs("compress", args, kwargs, ["data", "selectors"], 2);
  return new ItertoolsIter(cls, { data: iter(data!), selectors: iter(selectors!) }, (s) => {
    for (;;) {
      const datum = next(s.data);
      if (datum === undefined) {
        return undefined;
      }
      const selector = next(s.selectors);
      if (selector === undefined) {
        return undefined;
      }
      if (truthy(selector)) {
        return datum;
      }
    }
  });
});

const DropwhileType = itertoolsType("dropwhile", (cls, args, kwargs) => {
  positionalOnly("dropwhile", args, kwargs, 2);
  return new ItertoolsIter(cls, { func: args[0], it: iter(args[1]), start: false }, (s) => {
    for (;;) {
      const item = next(s.it);
      if (item === undefined) {
        return undefined;
      }
      if (s.start || !truthy(callPy(s.func, [item]))) {
        s.start = true;
        return item;
      }
    }
  });
});

const TakewhileType = itertoolsType("takewhile", (cls, args, kwargs) => {
  positionalOnly("takewhile", args, kwargs, 2);
  return new ItertoolsIter(cls, { func: args[0], it: iter(args[1]), stop: false }, (s) => {
    if (s.stop) {
      return undefined;
    }
    const item = next(s.it);
    if (item === undefined) {
      return undefined;
    }
    if (truthy(callPy(s.func, [item]))) {
      return item;
    }
    s.stop = true;
    return undefined;
  });
});

const FilterfalseType = itertoolsType("filterfalse", (cls, args, kwargs) => {
  positionalOnly("filterfalse", args, kwargs, 2);
  return new ItertoolsIter(cls, { func: args[0], it: iter(args[1]) }, (s) => {
    for (;;) {
      const item = next(s.it);
      if (item === undefined) {
        return undefined;
      }
      const ok = s.func === None ? truthy(item) : truthy(callPy(s.func, [item]));
      if (!ok) {
        return item;
      }
    }
  });
});

/**
 * groupby's shared state (groupbyobject): the current item and key, the key of the group
 * being produced, and which _grouper is current — advancing the groupby makes older
 * groupers empty, as in CPython.
 */
interface GroupbyState {
  it: PyValue;
  keyfunc: PyValue;
  tgtkey: PyValue | undefined;
  currkey: PyValue | undefined;
  currvalue: PyValue | undefined;
  currgrouper: object | null;
}

/** groupby_step: fetch the next item and its key; false at the end of the input. */
function groupbyStep(g: GroupbyState): boolean {
  const v = next(g.it);
  if (v === undefined) {
    return false;
  }
  const k = g.keyfunc === None ? v : callPy(g.keyfunc, [v]);
  g.currvalue = v;
  g.currkey = k;
  return true;
}

const GrouperType = nativeType("_grouper", ObjectType);
GrouperType.module = "itertools";
defMethods(GrouperType, {
  __iter__: (args) => args[0],
  __next__: (args) => {
    const v = (args[0] as PyNativeIter).next();
    if (v === undefined) {
      throw stopIteration();
    }
    return v;
  },
});

function makeGrouper(g: GroupbyState, tgtkey: PyValue): PyValue {
  const token = {};
  g.currgrouper = token;
  return new ItertoolsIter(GrouperType, null, () => {
    if (g.currgrouper !== token) {
      return undefined;
    }
    if (g.currvalue === undefined && !groupbyStep(g)) {
      return undefined;
    }
    if (!eq(tgtkey, g.currkey!)) {
      return undefined;
    }
    const r = g.currvalue!;
    g.currvalue = undefined;
    g.currkey = undefined;
    return r;
  });
}

const GroupbyType = itertoolsType("groupby", (cls, args, kwargs) => {
  const [iterable, key] = clinicArgs("groupby", args, kwargs, ["iterable", "key"], 1);
  const g: GroupbyState = {
    it: iter(iterable!),
    keyfunc: key ?? None,
    tgtkey: undefined,
    currkey: undefined,
    currvalue: undefined,
    currgrouper: null,
  };
  return new ItertoolsIter(cls, g, (s) => {
    s.currgrouper = null;
    // Skip to the next group: the first item whose key differs from the current target.
    for (;;) {
      if (s.currkey !== undefined) {
        if (s.tgtkey === undefined || !eq(s.tgtkey, s.currkey)) {
          break;
        }
      }
      if (!groupbyStep(s)) {
        return undefined;
      }
    }
    s.tgtkey = s.currkey;
    const grouper = makeGrouper(s, s.tgtkey!);
    return tuple([s.currkey!, grouper]);
  });
});

const ISLICE_STOP = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/** An islice index (PyNumber_AsSsize_t raising on overflow): undefined when it is not an integer of that range. */
function isliceIndex(v: PyValue): number | undefined {
  try {
    const i = index(v);
    return typeof i === "bigint" ? undefined : i;
  } catch {
    return undefined;
  }
}

const IsliceType = itertoolsType("islice", (cls, args, kwargs) => {
  positionalOnly("islice", args, kwargs, 2, 4);
  let start = 0;
  let stop = -1;
  let step = 1;
  if (args.length === 2) {
    if (args[1] !== None) {
      const s = isliceIndex(args[1]);
      if (s === undefined || s === -1) {
        throw valueError(ISLICE_STOP);
      }
      stop = s;
    }
  } else {
    if (args[1] !== None) {
      start = isliceIndex(args[1]) ?? -1;
    }
    if (args[2] !== None) {
      const s = isliceIndex(args[2]);
      if (s === undefined || s === -1) {
        throw valueError(ISLICE_STOP);
      }
      stop = s;
    }
  }
  if (start < 0 || stop < -1) {
    throw valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (args.length === 4 && args[3] !== None) {
    step = isliceIndex(args[3]) ?? -1;
  }
  if (step < 1) {
    throw valueError("Step for islice() must be a positive integer or None.");
  }
  const state = { it: iter(args[0]) as PyValue | null, next: start, stop, step, cnt: 0 };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.it === null) {
      return undefined;
    }
    while (s.cnt < s.next) {
      if (next(s.it) === undefined) {
        s.it = null;
        return undefined;
      }
      s.cnt++;
    }
    if (s.stop !== -1 && s.cnt >= s.stop) {
      s.it = null;
      return undefined;
    }
    const item = next(s.it);
    if (item === undefined) {
      s.it = null;
      return undefined;
    }
    s.cnt++;
    s.next += s.step;
    if (s.stop !== -1 && s.next > s.stop) {
      s.next = s.stop;
    }
    return item;
  });
});

const PairwiseType = itertoolsType("pairwise", (cls, args, kwargs) => {
  positionalOnly("pairwise", args, kwargs, 1);
  const state = { it: iter(args[0]) as PyValue | null, old: undefined as PyValue | undefined };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.it === null) {
      return undefined;
    }
    if (s.old === undefined) {
      s.old = next(s.it);
      if (s.old === undefined) {
        s.it = null;
        return undefined;
      }
    }
    const nw = next(s.it);
    if (nw === undefined) {
      s.it = null;
      s.old = undefined;
      return undefined;
    }
    const r = tuple([s.old, nw]);
    s.old = nw;
    return r;
  });
});

const StarmapType = itertoolsType("starmap", (cls, args, kwargs) => {
  positionalOnly("starmap", args, kwargs, 2);
  return new ItertoolsIter(cls, { func: args[0], it: iter(args[1]) }, (s) => {
    const a = next(s.it);
    if (a === undefined) {
      return undefined;
    }
    return callPy(s.func, a instanceof PyTuple ? a.items.slice() : toArray(a));
  });
});

// ---------------------------------------------------------------- tee

/** One link of tee's shared buffer: filled links hold a value; the last one is the empty tail. */
interface TeeLink {
  value: PyValue | undefined;
  next: TeeLink | null;
}

/** The input shared by a family of _tee iterators; links nobody can reach any more are garbage. */
interface TeeSource {
  it: PyValue;
  tail: TeeLink;
  exhausted: boolean;
}

const TeeType = nativeType("_tee", ObjectType);
TeeType.module = "itertools";

function newTee(src: TeeSource, at: TeeLink): PyValue {
  const pos = { link: at };
  const t = new ItertoolsIter(TeeType, { src, pos }, (s) => {
    if (s.pos.link === s.src.tail) {
      if (s.src.exhausted) {
        return undefined;
      }
      const v = next(s.src.it);
      if (v === undefined) {
        s.src.exhausted = true;
        return undefined;
      }
      const tail = s.src.tail;
      tail.value = v;
      tail.next = { value: undefined, next: null };
      s.src.tail = tail.next;
    }
    const v = s.pos.link.value;
    s.pos.link = s.pos.link.next!;
    return v;
  });
  return t;
}

defMethods(TeeType, {
  __iter__: (args) => args[0],
  __next__: (args) => {
    const v = (args[0] as PyNativeIter).next();
    if (v === undefined) {
      throw stopIteration();
    }
    return v;
  },
  __copy__: (args) => {
    const s = (args[0] as ItertoolsIter<{ src: TeeSource; pos: { link: TeeLink } }>).state;
    return newTee(s.src, s.pos.link);
  },
});

const teeFn: NativeFn = (args, kwargs) => {
  positionalOnly("tee", args, kwargs, 1, 2);
  const n = args.length > 1 ? index(args[1]) : 2;
  if (n < 0) {
    throw valueError("n must be >= 0");
  }
  const it = iter(args[0]);
  if (n === 0) {
    return tuple([]);
  }
  let copyable = it;
  let copyfunc = getAttrOpt(it, "__copy__");
  if (copyfunc === undefined) {
    const tail: TeeLink = { value: undefined, next: null };
    copyable = newTee({ it, tail, exhausted: false }, tail);
    copyfunc = getAttrOpt(copyable, "__copy__")!;
  }
  const out: PyValue[] = [copyable];
  for (let i = 1; i < Number(n); i++) {
    out.push(callPy(copyfunc, []));
  }
  return tuple(out);
};

// ---------------------------------------------------------------- zip_longest

const ZipLongestType = itertoolsType("zip_longest", (cls, args, kwargs) => {
  let fillvalue: PyValue = None;
  if (kwargs && kwargs.size > 0) {
    const fv = kwargs.get("fillvalue");
    if (fv === undefined || kwargs.size > 1) {
      throw typeError("zip_longest() got an unexpected keyword argument");
    }
    fillvalue = fv;
  }
  const its: (PyValue | null)[] = args.map((a) => iter(a));
  const state = { its, active: its.length, fillvalue };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.its.length === 0 || s.active === 0) {
      return undefined;
    }
    const items: PyValue[] = [];
    for (let i = 0; i < s.its.length; i++) {
      const it = s.its[i];
      if (it === null) {
        items.push(s.fillvalue);
        continue;
      }
      let item: PyValue | undefined;
      try {
        item = next(it);
      } catch (e) {
        s.active = 0;
        throw e;
      }
      if (item === undefined) {
        s.active--;
        if (s.active === 0) {
          return undefined;
        }
        s.its[i] = null;
        item = s.fillvalue;
      }
      items.push(item);
    }
    return tuple(items);
  });
});

// ---------------------------------------------------------------- combinatorics

/** The `r` argument of permutations/combinations: an index, "r must be non-negative". */
function rArg(v: PyValue): number {
  const r = index(v);
  if (r < 0) {
    throw valueError("r must be non-negative");
  }
  return typeof r === "bigint" ? Number.MAX_SAFE_INTEGER : r;
}

const ProductType = itertoolsType("product", (cls, args, kwargs) => {
  let repeat = 1;
  if (kwargs && kwargs.size > 0) {
    for (const [k, v] of kwargs) {
      if (k !== "repeat") {
        throw typeError(`'${k}' is an invalid keyword argument for product()`);
      }
      const r = index(v);
      if (r < 0) {
        throw valueError("repeat argument cannot be negative");
      }
      repeat = Number(r);
    }
  }
  const base = args.map((a) => toArray(a));
  const pools: PyValue[][] = [];
  for (let i = 0; i < repeat; i++) {
    pools.push(...base);
  }
  const state = { pools, indices: null as number[] | null, done: pools.some((p) => p.length === 0) };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.done) {
      return undefined;
    }
    if (s.indices === null) {
      s.indices = s.pools.map(() => 0);
    } else {
      // Advance the rightmost index that can move, like an odometer.
      let i = s.pools.length - 1;
      for (; i >= 0; i--) {
        s.indices[i]++;
        if (s.indices[i] < s.pools[i].length) {
          break;
        }
        s.indices[i] = 0;
      }
      if (i < 0) {
        s.done = true;
        return undefined;
      }
    }
    return tuple(s.indices.map((j, k) => s.pools[k][j]));
  });
});

/** permutations: the index/cycles algorithm of CPython (lexicographic order of positions). */
const PermutationsType = itertoolsType("permutations", (cls, args, kwargs) => {
  const [iterable, rv] = clinicArgs("permutations", args, kwargs, ["iterable", "r"], 1);
  const pool = toArray(iterable!);
  const n = pool.length;
  const r = rv === undefined || rv === None ? n : rArg(rv);
  const state = {
    indices: Array.from({ length: n }, (_, i) => i),
    cycles: Array.from({ length: r }, (_, i) => n - i),
    first: true,
    done: r > n,
  };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.done) {
      return undefined;
    }
    if (s.first) {
      s.first = false;
      return tuple(s.indices.slice(0, r).map((i) => pool[i]));
    }
    if (n === 0) {
      s.done = true;
      return undefined;
    }
    for (let i = r - 1; i >= 0; i--) {
      s.cycles[i]--;
      if (s.cycles[i] === 0) {
        const moved = s.indices[i];
        s.indices.splice(i, 1);
        s.indices.push(moved);
        s.cycles[i] = n - i;
      } else {
        const j = s.cycles[i];
        const t = s.indices[i];
        s.indices[i] = s.indices[n - j];
        s.indices[n - j] = t;
        return tuple(s.indices.slice(0, r).map((k) => pool[k]));
      }
    }
    s.done = true;
    return undefined;
  });
});

const CombinationsType = itertoolsType("combinations", (cls, args, kwargs) => {
  const [iterable, rv] = clinicArgs("combinations", args, kwargs, ["iterable", "r"], 2);
  const pool = toArray(iterable!);
  const n = pool.length;
  const r = rArg(rv!);
  const state = { indices: Array.from({ length: r }, (_, i) => i), first: true, done: r > n };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.done) {
      return undefined;
    }
    if (s.first) {
      s.first = false;
      return tuple(s.indices.map((i) => pool[i]));
    }
    let i = r - 1;
    while (i >= 0 && s.indices[i] === i + n - r) {
      i--;
    }
    if (i < 0) {
      s.done = true;
      return undefined;
    }
    s.indices[i]++;
    for (let j = i + 1; j < r; j++) {
      s.indices[j] = s.indices[j - 1] + 1;
    }
    return tuple(s.indices.map((k) => pool[k]));
  });
});

const CombinationsWithReplacementType = itertoolsType("combinations_with_replacement", (cls, args, kwargs) => {
  const [iterable, rv] = clinicArgs("combinations_with_replacement", args, kwargs, ["iterable", "r"], 2);
  const pool = toArray(iterable!);
  const n = pool.length;
  const r = rArg(rv!);
  const state = { indices: new Array<number>(r).fill(0), first: true, done: n === 0 && r > 0 };
  return new ItertoolsIter(cls, state, (s) => {
    if (s.done) {
      return undefined;
    }
    if (s.first) {
      s.first = false;
      return tuple(s.indices.map((i) => pool[i]));
    }
    let i = r - 1;
    while (i >= 0 && s.indices[i] === n - 1) {
      i--;
    }
    if (i < 0) {
      s.done = true;
      return undefined;
    }
    const v = s.indices[i] + 1;
    for (let j = i; j < r; j++) {
      s.indices[j] = v;
    }
    return tuple(s.indices.map((k) => pool[k]));
  });
});

registerModule("itertools", (m) => {
  const d = m.dict!;
  const types: PyType[] = [
    AccumulateType, ChainType, CombinationsType, CombinationsWithReplacementType, CompressType, CountType, CycleType,
    DropwhileType, FilterfalseType, GroupbyType, IsliceType, PairwiseType, PermutationsType, ProductType, RepeatType,
    StarmapType, TakewhileType, ZipLongestType, GrouperType, TeeType,
  ];
  for (const t of types) {
    d.setStr(t.name, t);
  }
  d.setStr("tee", new PyBuiltin("tee", teeFn));
});
