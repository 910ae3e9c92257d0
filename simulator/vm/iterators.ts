/**
 * Iterators implemented in TypeScript, and generator/coroutine objects (whose bodies are
 * Python frames the interpreter resumes).
 */
import { defMethods } from "./define";
import type { Frame } from "./frame";
import { nativeType, ObjectType, PyObject, type PyType, type PyValue } from "./objects";
import { stopIteration } from "./errors";

const iterTypes = new Map<string, PyType>();

/** The builtin type of a kind of native iterator (`list_iterator`, `range_iterator`, `map`, ...). */
export function iteratorType(name: string): PyType {
  let t = iterTypes.get(name);
  if (t === undefined) {
    t = nativeType(name, ObjectType);
    defMethods(t, {
      __iter__: (args) => args[0],
      __next__: (args) => {
        const v = (args[0] as PyNativeIter).next();
        if (v === undefined) {
          throw stopIteration();
        }
        return v;
      },
    });
    iterTypes.set(name, t);
  }
  return t;
}

/**
 * An iterator whose next() is a TypeScript closure returning the next item or undefined when
 * exhausted. Used for the iterators of builtin containers and for map, zip, enumerate, ...
 */
export class PyNativeIter extends PyObject {
  constructor(
    kind: string,
    public next: () => PyValue | undefined,
  ) {
    super(iteratorType(kind));
  }
}

export const GeneratorType = nativeType("generator", ObjectType);
export const CoroutineType = nativeType("coroutine", ObjectType);

/**
 * range()'s iterator over safe integers: its state in fields, so that FOR_ITER can step it
 * without a call (the commonest loop there is).
 */
export class PyRangeIter extends PyNativeIter {
  constructor(
    public cur: number,
    public step: number,
    /** Values left. */
    public left: number,
  ) {
    super("range_iterator", () => undefined);
    this.next = () => {
      if (this.left <= 0) {
        return undefined;
      }
      this.left--;
      const v = this.cur;
      this.cur += this.step;
      return v;
    };
  }
}

/** The generator most recently made by calling a generator function (see PyGenerator.ephemeral). */
export let lastMadeGenerator: PyGenerator | null = null;

/** A generator or coroutine: a suspended frame plus its state. */
export class PyGenerator extends PyObject {
  /** Set while its frame is on a task's stack (re-entry raises ValueError). */
  running = false;
  /** The frame has returned or raised; further resumption raises StopIteration. */
  finished = false;
  /** The frame has not run yet (the first send must be None). */
  started = false;
  /**
   * Made by the call that a `for` loop iterates over, and referenced only by that loop: leaving
   * the loop early drops the last reference, so it is closed then, as CPython's refcounting does
   * (its `finally` blocks run before the code after the loop).
   */
  ephemeral = false;
  constructor(
    public frame: Frame,
    public name: string,
    public qualname: string,
    coroutine: boolean,
  ) {
    super(coroutine ? CoroutineType : GeneratorType);
    lastMadeGenerator = this;
  }
}
