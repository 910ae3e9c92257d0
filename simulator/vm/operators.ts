/**
 * Operator dispatch (CPython's binary_op1, PyNumber_InPlace*, PyObject_RichCompare entry):
 * numbers first, then the operands' dunders with the reflected-operand rule, then the
 * TypeError CPython raises.
 */
import { BinaryOp, CompareOp, UnaryOp } from "../python/opcodes";
import { typeError } from "./errors";
import { None, NotImplemented, PyFloat, typeOf, type PyValue } from "./objects";
import { callPy, contains, richCompare, truthy, typeName } from "./protocol";
import { numBinary, numUnary } from "./numbers";

const NAMES = ["add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or", "xor", "and", "floordiv"];
export const BINARY_SYMBOLS = ["+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"];
const DUNDER = NAMES.map((n) => `__${n}__`);
const RDUNDER = NAMES.map((n) => `__r${n}__`);
const IDUNDER = NAMES.map((n) => `__i${n}__`);

function tryDunder(name: string, self: PyValue, other: PyValue): PyValue {
  const m = typeOf(self).lookup(name);
  if (m === undefined || m === None) {
    return NotImplemented;
  }
  return callPy(m, [self, other]);
}

/** `a op b` without the numeric fast path's TypeError (NotImplemented when no operand handles it). */
function binaryDispatch(a: PyValue, b: PyValue, op: BinaryOp): PyValue {
  const n = numBinary(op, a, b);
  if (n !== undefined) {
    return n;
  }
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb && tb.isSubtypeOf(ta) && tb.lookup(RDUNDER[op]) !== ta.lookup(RDUNDER[op])) {
    const r = tryDunder(RDUNDER[op], b, a);
    if (r !== NotImplemented) {
      return r;
    }
    const l = tryDunder(DUNDER[op], a, b);
    return l;
  }
  const l = tryDunder(DUNDER[op], a, b);
  if (l !== NotImplemented) {
    return l;
  }
  if (ta !== tb) {
    return tryDunder(RDUNDER[op], b, a);
  }
  return NotImplemented;
}

function unsupported(a: PyValue, b: PyValue, op: BinaryOp, inplace: boolean): never {
  const sym = BINARY_SYMBOLS[op] + (inplace ? "=" : "");
  if (op === BinaryOp.Pow && !inplace) {
    throw typeError(`unsupported operand type(s) for ** or pow(): '${typeName(a)}' and '${typeName(b)}'`);
  }
  throw typeError(`unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function binaryOp(a: PyValue, b: PyValue, op: BinaryOp): PyValue {
  const r = binaryDispatch(a, b, op);
  if (r === NotImplemented) {
    unsupported(a, b, op, false);
  }
  return r;
}

/** `a op= b`: __iop__ first (mutating containers), then the plain operator. */
export function inplaceOp(a: PyValue, b: PyValue, op: BinaryOp): PyValue {
  if (typeof a === "object" && !(a instanceof PyFloat)) {
    const r = tryDunder(IDUNDER[op], a, b);
    if (r !== NotImplemented) {
      return r;
    }
  }
  const r = binaryDispatch(a, b, op);
  if (r === NotImplemented) {
    unsupported(a, b, op, true);
  }
  return r;
}

const UNARY_DUNDER = ["__neg__", "__pos__", "__invert__"];
const UNARY_SYMBOL = ["unary -", "unary +", "unary ~"];

export function unaryOp(a: PyValue, op: UnaryOp): PyValue {
  if (op === UnaryOp.Not) {
    return !truthy(a);
  }
  const n = numUnary(op, a);
  if (n !== undefined) {
    return n;
  }
  const m = typeOf(a).lookup(UNARY_DUNDER[op]);
  if (m === undefined || m === None) {
    throw typeError(`bad operand type for ${UNARY_SYMBOL[op]}: '${typeName(a)}'`);
  }
  return callPy(m, [a]);
}

const CMP_KIND = ["lt", "le", "eq", "ne", "gt", "ge"] as const;

/** The COMPARE instruction: ordering, equality, membership, identity. */
export function compareOp(a: PyValue, b: PyValue, op: CompareOp): PyValue {
  switch (op) {
    case CompareOp.In:
      return contains(b, a);
    case CompareOp.NotIn:
      return !contains(b, a);
    case CompareOp.Is:
      return isSame(a, b);
    case CompareOp.IsNot:
      return !isSame(a, b);
    default:
      return richCompare(a, b, CMP_KIND[op]);
  }
}

/** `a is b`. Small ints and strs compare by value (CPython caches and interns them). */
export function isSame(a: PyValue, b: PyValue): boolean {
  return a === b;
}
