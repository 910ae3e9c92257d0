/**
 * Internal markers that travel where Python values do but are never visible to Python code.
 */
import { ObjectType, PyObject } from "./objects";

/**
 * Returned by a callable (native or Python) when it did not run to completion in TypeScript
 * but prepared a frame for the interpreter to enter (`call.ts` keeps it as the pending frame).
 * The interpreter pushes that frame (no JS recursion); `callPy` runs it to completion instead.
 */
export const ENTER: PyObject = new PyObject(ObjectType);

/** LOAD_METHOD's "no unbound method here" marker on the value stack. */
export const NULL: PyObject = new PyObject(ObjectType);
