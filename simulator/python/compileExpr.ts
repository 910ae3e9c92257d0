/**
 * Code generation for expressions (compile.c's compiler_visit_expr and its helpers): operators,
 * displays and unpacking, calls, attribute and subscript access, f-strings, lambdas, yield
 * and await (comprehensions are in compileComprehension.ts). Each expression sets the current location to its own span
 * while it is compiled, so the instructions it emits carry it (see compile.ts).
 */
import type {
  Arguments,
  Attribute,
  BinOperator,
  Call,
  CmpOperator,
  Compare,
  Dict,
  Expr,
  Keyword,
  Lambda,
  Span,
} from "./ast";
import type { Const } from "./code";
import type { Label } from "./codeBuilder";
import { UnitKind, type Compiler } from "./compile";
import { constTruth, foldConstant, percentFormat } from "./astOpt";
import { BinaryOp, CompareOp, Op, UnaryOp } from "./opcodes";
import { compileComprehension } from "./compileComprehension";
import { Def, mangle } from "./symtable";

/** compile.c's STACK_USE_GUIDELINE: above it, calls and displays are built incrementally. */
const STACK_USE_GUIDELINE = 30;

const BINARY_OPS: Record<BinOperator, BinaryOp> = {
  Add: BinaryOp.Add,
  Sub: BinaryOp.Sub,
  Mult: BinaryOp.Mul,
  MatMult: BinaryOp.MatMul,
  Div: BinaryOp.TrueDiv,
  Mod: BinaryOp.Mod,
  Pow: BinaryOp.Pow,
  LShift: BinaryOp.LShift,
  RShift: BinaryOp.RShift,
  BitOr: BinaryOp.Or,
  BitXor: BinaryOp.Xor,
  BitAnd: BinaryOp.And,
  FloorDiv: BinaryOp.FloorDiv,
};

export function binaryOp(op: BinOperator): BinaryOp {
  return BINARY_OPS[op];
}

const COMPARE_OPS: Record<CmpOperator, CompareOp> = {
  Eq: CompareOp.Eq,
  NotEq: CompareOp.Ne,
  Lt: CompareOp.Lt,
  LtE: CompareOp.Le,
  Gt: CompareOp.Gt,
  GtE: CompareOp.Ge,
  Is: CompareOp.Is,
  IsNot: CompareOp.IsNot,
  In: CompareOp.In,
  NotIn: CompareOp.NotIn,
};

/** The comparisons `not` can be folded into (not ==, <...: a class may define them inconsistently). */
const INVERSE_OPS: Partial<Record<CmpOperator, CmpOperator>> = { Is: "IsNot", IsNot: "Is", In: "NotIn", NotIn: "In" };

const UNARY_OPS = { Invert: UnaryOp.Invert, Not: UnaryOp.Not, UAdd: UnaryOp.Pos, USub: UnaryOp.Neg } as const;

/** Compiles `e` with its own span as the current location (compiler_visit_expr). */
export function expr(c: Compiler, e: Expr): void {
  const saved = c.loc;
  c.loc = e;
  visitExpr(c, e);
  c.loc = saved;
}

function visitExpr(c: Compiler, e: Expr): void {
  const k = foldConstant(e);
  if (k !== undefined) {
    c.loadConst(k);
    return;
  }
  switch (e.kind) {
    case "BoolOp": {
      const jump = e.op === "And" ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
      const end = c.newLabel();
      const last = e.values.length - 1;
      for (let i = 0; i < last; i++) {
        expr(c, e.values[i]);
        c.emitJump(jump, end);
      }
      expr(c, e.values[last]);
      c.bind(end);
      return;
    }
    case "NamedExpr":
      expr(c, e.value);
      c.emit(Op.DUP_TOP);
      expr(c, e.target);
      return;
    case "BinOp": {
      const fstring = percentFormat(e);
      if (fstring !== null) {
        visitExpr(c, fstring);
        return;
      }
      expr(c, e.left);
      expr(c, e.right);
      c.emit(Op.BINARY, BINARY_OPS[e.op]);
      return;
    }
    case "UnaryOp": {
      // fold_unaryop: `not a in b` is `a not in b` (likewise `is`), located at the comparison.
      const inverse = e.op === "Not" && e.operand.kind === "Compare" && e.operand.ops.length === 1 ? INVERSE_OPS[e.operand.ops[0]] : undefined;
      if (inverse !== undefined && e.operand.kind === "Compare") {
        expr(c, { ...e.operand, ops: [inverse] });
        return;
      }
      expr(c, e.operand);
      c.emit(Op.UNARY, UNARY_OPS[e.op]);
      return;
    }
    case "Lambda":
      compileLambda(c, e);
      return;
    case "IfExp": {
      const next = c.newLabel();
      const end = c.newLabel();
      jumpIf(c, e.test, next, false);
      expr(c, e.body);
      c.emitJump(Op.JUMP, end);
      c.bind(next);
      expr(c, e.orelse);
      c.bind(end);
      return;
    }
    case "Dict":
      compileDict(c, e);
      return;
    case "Set":
      starUnpack(c, e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
      return;
    case "ListComp":
      compileComprehension(c, e, "<listcomp>", e.elt, null);
      return;
    case "SetComp":
      compileComprehension(c, e, "<setcomp>", e.elt, null);
      return;
    case "DictComp":
      compileComprehension(c, e, "<dictcomp>", e.key, e.value);
      return;
    case "GeneratorExp":
      compileComprehension(c, e, "<genexpr>", e.elt, null);
      return;
    case "Await":
      if (c.u.block.type !== "function") {
        throw c.error("'await' outside function");
      }
      if (c.u.kind !== UnitKind.AsyncFunction && c.u.kind !== UnitKind.Comprehension) {
        throw c.error("'await' outside async function");
      }
      expr(c, e.value);
      awaitValue(c);
      return;
    case "Yield":
      if (c.u.block.type !== "function") {
        throw c.error("'yield' outside function");
      }
      if (e.value !== null) {
        expr(c, e.value);
      } else {
        c.loadConst(null);
      }
      c.emit(Op.YIELD_VALUE, 0);
      return;
    case "YieldFrom":
      if (c.u.block.type !== "function") {
        throw c.error("'yield' outside function");
      }
      if (c.u.kind === UnitKind.AsyncFunction) {
        throw c.error("'yield from' inside async function");
      }
      expr(c, e.value);
      c.emit(Op.GET_YIELD_FROM_ITER);
      c.loadConst(null);
      sendLoop(c);
      return;
    case "Compare":
      compileCompare(c, e);
      return;
    case "Call":
      compileCall(c, e);
      return;
    case "FormattedValue": {
      expr(c, e.value);
      let flags = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
      if (e.formatSpec !== null) {
        expr(c, e.formatSpec);
        flags |= 4;
      }
      c.emit(Op.FORMAT_VALUE, flags);
      return;
    }
    case "JoinedStr":
      for (const v of e.values) {
        expr(c, v);
      }
      if (e.values.length !== 1) {
        c.emit(Op.BUILD_STRING, e.values.length);
      }
      return;
    case "Constant":
      c.loadConst(e.value);
      return;
    case "Attribute":
      expr(c, e.value);
      c.loc = attributeLoc(c.loc, e);
      c.emitName(e.ctx === "Load" ? Op.LOAD_ATTR : e.ctx === "Store" ? Op.STORE_ATTR : Op.DELETE_ATTR, e.attr);
      return;
    case "Subscript":
      expr(c, e.value);
      expr(c, e.slice);
      c.emit(e.ctx === "Load" ? Op.BINARY_SUBSCR : e.ctx === "Store" ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
      return;
    case "Starred":
      if (e.ctx === "Store") {
        throw c.error("starred assignment target must be in a list or tuple");
      }
      throw c.error(e.ctx === "Del" ? "cannot delete starred" : "can't use starred expression here");
    case "Name":
      c.nameOp(e.id, e.ctx);
      return;
    case "List":
    case "Tuple":
      if (e.ctx === "Store") {
        assignmentHelper(c, e.elts);
      } else if (e.ctx === "Del") {
        for (const x of e.elts) {
          expr(c, x);
        }
      } else {
        starUnpack(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, e.kind === "Tuple");
      }
      return;
    case "Slice":
      sliceParts(c, e.lower, e.upper, e.step);
      return;
  }
}

function sliceParts(c: Compiler, lower: Expr | null, upper: Expr | null, step: Expr | null): void {
  for (const part of [lower, upper]) {
    if (part !== null) {
      expr(c, part);
    } else {
      c.loadConst(null);
    }
  }
  if (step !== null) {
    expr(c, step);
  }
  c.emit(Op.BUILD_SLICE, step !== null ? 3 : 2);
}

/**
 * update_start_location_to_match_attr: when `a.b` spans lines, the attribute access is
 * located at the attribute name, so a traceback points at `.b` rather than at `a`.
 */
export function attributeLoc(loc: Span, attr: Attribute): Span {
  if (loc.line === attr.endLine) {
    return loc;
  }
  const col = attr.endCol - attr.attr.length;
  return { line: attr.endLine, col: col >= 0 ? col : loc.col, endLine: loc.endLine, endCol: loc.endCol };
}

/** The SEND loop that delegates to the awaitable or iterator under the top of stack (ADD_YIELD_FROM). */
export function sendLoop(c: Compiler): void {
  const loop = c.newLabel();
  const exit = c.newLabel();
  c.bind(loop);
  c.emitJump(Op.SEND, exit);
  c.emit(Op.YIELD_VALUE, 1);
  c.emitJump(Op.JUMP, loop);
  c.bind(exit);
}

/** `await` of the value on top of the stack. */
export function awaitValue(c: Compiler): void {
  c.emit(Op.GET_AWAITABLE);
  c.loadConst(null);
  sendLoop(c);
}

// ---------------------------------------------------------------- conditions

/**
 * compiler_jump_if: jumps to `target` when `e` is true (cond) or false (!cond), without
 * materializing booleans for `not`, `and`/`or`, conditional expressions and chained comparisons.
 */
export function jumpIf(c: Compiler, e: Expr, target: Label, cond: boolean): void {
  const k = foldConstant(e);
  if (k !== undefined) {
    // The flow-graph optimizer turns a constant test into an unconditional jump or nothing.
    if (constTruth(k) === cond) {
      c.at(e, () => c.emitJump(Op.JUMP, target));
    }
    return;
  }
  switch (e.kind) {
    case "UnaryOp":
      if (e.op === "Not") {
        jumpIf(c, e.operand, target, !cond);
        return;
      }
      break;
    case "BoolOp": {
      const cond2 = e.op === "Or";
      const next2 = cond2 !== cond ? c.newLabel() : target;
      const last = e.values.length - 1;
      for (let i = 0; i < last; i++) {
        jumpIf(c, e.values[i], next2, cond2);
      }
      jumpIf(c, e.values[last], target, cond);
      if (next2 !== target) {
        c.bind(next2);
      }
      return;
    }
    case "IfExp": {
      const end = c.newLabel();
      const next2 = c.newLabel();
      jumpIf(c, e.test, next2, false);
      jumpIf(c, e.body, target, cond);
      c.emitJump(Op.JUMP, end);
      c.bind(next2);
      jumpIf(c, e.orelse, target, cond);
      c.bind(end);
      return;
    }
    case "Compare":
      // CPython 3.11 moves the location to the comparison here and does not move it back: the
      // jump and whatever the statement emits next (an assert's raise) are located at `a < b`.
      c.loc = e;
      if (e.ops.length > 1) {
        const cleanup = c.newLabel();
        const end = c.newLabel();
        compareChainHead(c, e, cleanup, Op.POP_JUMP_IF_FALSE);
        c.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target);
        c.emitJump(Op.JUMP, end);
        c.bind(cleanup);
        c.emit(Op.POP_TOP);
        if (!cond) {
          c.emitJump(Op.JUMP, target);
        }
        c.bind(end);
        return;
      }
      break;
    default:
      break;
  }
  expr(c, e);
  c.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target);
}

/**
 * `a < b < c` up to the last comparison: each intermediate operand is kept for the next
 * comparison (DUP_TOP; ROT_THREE), and a false result jumps to `cleanup` with that operand
 * still under it. Ends with the last COMPARE's result on the stack.
 */
function compareChainHead(c: Compiler, e: Compare, cleanup: Label, jump: Op): void {
  expr(c, e.left);
  const n = e.ops.length - 1;
  for (let i = 0; i < n; i++) {
    expr(c, e.comparators[i]);
    c.emit(Op.DUP_TOP);
    c.emit(Op.ROT_THREE);
    c.emit(Op.COMPARE, COMPARE_OPS[e.ops[i]]);
    c.emitJump(jump, cleanup);
  }
  lastComparator(c, e);
  c.emit(Op.COMPARE, COMPARE_OPS[e.ops[n]]);
}

/** fold_compare: a list display after `in` / `not in` is built as a tuple. */
function lastComparator(c: Compiler, e: Compare): void {
  const n = e.ops.length - 1;
  const op = e.ops[n];
  if (op === "In" || op === "NotIn") {
    iterable(c, e.comparators[n]);
  } else {
    expr(c, e.comparators[n]);
  }
}

function compileCompare(c: Compiler, e: Compare): void {
  if (e.ops.length === 1) {
    expr(c, e.left);
    lastComparator(c, e);
    c.emit(Op.COMPARE, COMPARE_OPS[e.ops[0]]);
    return;
  }
  const cleanup = c.newLabel();
  const end = c.newLabel();
  compareChainHead(c, e, cleanup, Op.JUMP_IF_FALSE_OR_POP);
  c.emitJump(Op.JUMP, end);
  c.bind(cleanup);
  c.emit(Op.ROT_TWO);
  c.emit(Op.POP_TOP);
  c.bind(end);
}

/**
 * fold_iter: the iterable of a `for`, of a comprehension clause or after `in` is built as a
 * tuple when it is written as a list display (`for x in [a, b]`), a constant when possible.
 */
export function iterable(c: Compiler, e: Expr): void {
  if (e.kind === "List" && e.ctx === "Load" && !e.elts.some((x) => x.kind === "Starred")) {
    expr(c, { ...e, kind: "Tuple" as const });
    return;
  }
  expr(c, e);
}

// ---------------------------------------------------------------- displays and unpacking

function allConstant(elts: Expr[]): Const[] | null {
  const out: Const[] = [];
  for (const x of elts) {
    const k = foldConstant(x);
    if (k === undefined) {
      return null;
    }
    out.push(k);
  }
  return out;
}

/**
 * starunpack_helper: builds a tuple, list or set from `elts` (with `pushed` items already on
 * the stack), extending it for each `*x`. `build`/`add`/`extend` are the BUILD_*, *_APPEND/ADD
 * and *_EXTEND/UPDATE instructions of the kind; a tuple is built as a list, then converted.
 */
function starUnpack(c: Compiler, elts: Expr[], pushed: number, build: Op, add: Op, extend: Op, tuple: boolean): void {
  const n = elts.length;
  // A constant run becomes one constant tuple (sets would need a frozenset constant, which we lack).
  const consts = n > 2 && build !== Op.BUILD_SET ? allConstant(elts) : null;
  if (consts !== null) {
    if (tuple && pushed === 0) {
      c.loadConst({ tuple: consts });
    } else {
      c.emit(build, pushed);
      c.loadConst({ tuple: consts });
      c.emit(extend, 1);
      if (tuple) {
        c.emit(Op.LIST_TO_TUPLE);
      }
    }
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((x) => x.kind === "Starred");
  if (!seenStar && !big) {
    for (const x of elts) {
      expr(c, x);
    }
    c.emit(tuple ? Op.BUILD_TUPLE : build, n + pushed);
    return;
  }
  let built = false;
  if (big) {
    c.emit(build, pushed);
    built = true;
  }
  elts.forEach((x, i) => {
    if (x.kind === "Starred") {
      if (!built) {
        c.emit(build, i + pushed);
        built = true;
      }
      expr(c, x.value);
      c.emit(extend, 1);
    } else {
      expr(c, x);
      if (built) {
        c.emit(add, 1);
      }
    }
  });
  if (tuple) {
    c.emit(Op.LIST_TO_TUPLE);
  }
}

/**
 * `a, b = b, a` (and the same in a comprehension's `for a, b in [(b, a)]`): the flow-graph
 * optimizer turns BUILD_TUPLE n; UNPACK_SEQUENCE n (n ≤ 3) into a SWAP, and then
 * (apply_static_swaps) into stores in the opposite order when they are all STORE_FAST of
 * different locals on one line. Returns false, compiling nothing, when `value = target` is
 * not of that shape.
 */
export function assignTupleDisplay(c: Compiler, value: Expr, target: Expr): boolean {
  const t = target;
  if (
    value.kind !== "Tuple" ||
    (t.kind !== "Tuple" && t.kind !== "List") ||
    t.elts.length !== value.elts.length ||
    t.elts.length > 3 ||
    foldConstant(value) !== undefined ||
    value.elts.some((x) => x.kind === "Starred") ||
    t.elts.some((x) => x.kind === "Starred")
  ) {
    return false;
  }
  for (const x of value.elts) {
    expr(c, x);
  }
  const names = t.elts.map((x) => (x.kind === "Name" && c.isFastLocal(x.id) ? x.id : null));
  const staticSwap =
    names.length > 1 &&
    names.every((n) => n !== null) &&
    new Set(names).size === names.length &&
    t.elts.every((x) => x.line === t.elts[0].line);
  if (staticSwap) {
    // The locals are numbered in source order, before the optimizer reorders the stores.
    names.forEach((n) => c.u.code.addVarname(mangle(c.u.privateName, n!)));
    for (let i = t.elts.length - 1; i >= 0; i--) {
      expr(c, t.elts[i]);
    }
    return true;
  }
  c.at(t, () => {
    if (t.elts.length === 2) {
      c.emit(Op.ROT_TWO);
    } else if (t.elts.length === 3) {
      c.emit(Op.ROT_THREE);
      c.emit(Op.ROT_TWO);
    }
  });
  for (const x of t.elts) {
    expr(c, x);
  }
  return true;
}

/** Tuple/list assignment targets: UNPACK_SEQUENCE, or UNPACK_EX around one starred target, then each store. */
function assignmentHelper(c: Compiler, elts: Expr[]): void {
  const n = elts.length;
  let seenStar = false;
  elts.forEach((x, i) => {
    if (x.kind !== "Starred") {
      return;
    }
    if (seenStar) {
      throw c.error("multiple starred expressions in assignment");
    }
    if (i >= 1 << 8 || n - i - 1 >= 1 << 23) {
      throw c.error("too many expressions in star-unpacking assignment");
    }
    c.emit(Op.UNPACK_EX, i + ((n - i - 1) << 8));
    seenStar = true;
  });
  if (!seenStar) {
    c.emit(Op.UNPACK_SEQUENCE, n);
  }
  for (const x of elts) {
    expr(c, x.kind === "Starred" ? x.value : x);
  }
}

/** compiler_dict: runs of `k: v` become BUILD_MAP, each `**m` a DICT_UPDATE into the dict built so far. */
function compileDict(c: Compiler, e: Dict): void {
  let haveDict = false;
  let elements = 0;
  const n = e.values.length;
  const subdict = (begin: number, end: number): void => {
    for (let i = begin; i < end; i++) {
      expr(c, e.keys[i]!);
      expr(c, e.values[i]);
    }
    c.emit(Op.BUILD_MAP, end - begin);
    if (haveDict) {
      c.emit(Op.DICT_UPDATE, 1);
    }
    haveDict = true;
  };
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      if (elements) {
        subdict(i - elements, i);
        elements = 0;
      }
      if (!haveDict) {
        c.emit(Op.BUILD_MAP, 0);
        haveDict = true;
      }
      expr(c, e.values[i]);
      c.emit(Op.DICT_UPDATE, 1);
    } else {
      elements++;
    }
  }
  if (elements) {
    subdict(n - elements, n);
  }
  if (!haveDict) {
    c.emit(Op.BUILD_MAP, 0);
  }
}

// ---------------------------------------------------------------- calls

/** validate_keywords: `f(a=1, a=2)`. */
function validateKeywords(c: Compiler, keywords: Keyword[]): void {
  keywords.forEach((k, i) => {
    if (k.arg === null) {
      return;
    }
    for (const other of keywords.slice(i + 1)) {
      if (other.arg === k.arg) {
        throw c.error(`keyword argument repeated: ${k.arg}`, other);
      }
    }
  });
}

function compileCall(c: Compiler, e: Call): void {
  if (maybeMethodCall(c, e)) {
    return;
  }
  expr(c, e.func);
  callHelper(c, 0, e.args, e.keywords);
}

/**
 * maybe_optimize_method_call: `obj.name(args)` without * or ** becomes LOAD_METHOD +
 * CALL_METHOD(_KW), unless `obj` is a module-level import (calls on modules use LOAD_ATTR).
 */
function maybeMethodCall(c: Compiler, e: Call): boolean {
  const meth = e.func;
  if (meth.kind !== "Attribute" || meth.ctx !== "Load") {
    return false;
  }
  if (meth.value.kind === "Name" && c.symtable.top.flagsOf(meth.value.id) & Def.Import) {
    return false;
  }
  const nargs = e.args.length;
  const nkw = e.keywords.length;
  if (nargs + nkw + (nkw !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) {
    return false;
  }
  if (e.args.some((a) => a.kind === "Starred") || e.keywords.some((k) => k.arg === null)) {
    return false;
  }
  validateKeywords(c, e.keywords);
  expr(c, meth.value);
  c.at(attributeLoc(meth, meth), () => c.emitName(Op.LOAD_METHOD, meth.attr));
  for (const a of e.args) {
    expr(c, a);
  }
  for (const k of e.keywords) {
    expr(c, k.value);
  }
  c.at(attributeLoc(e, meth), () => {
    if (nkw) {
      c.loadConst({ tuple: e.keywords.map((k) => k.arg!) });
      c.emit(Op.CALL_METHOD_KW, nargs + nkw);
    } else {
      c.emit(Op.CALL_METHOD, nargs);
    }
  });
  return true;
}

/**
 * compiler_call_helper: the callable (and `pushed` leading arguments) are on the stack. Plain
 * arguments → CALL / CALL_KW; any `*x` or `**m` → a tuple and a dict, then CALL_EX.
 */
export function callHelper(c: Compiler, pushed: number, args: Expr[], keywords: Keyword[]): void {
  validateKeywords(c, keywords);
  const nargs = args.length;
  const nkw = keywords.length;
  const exCall =
    nargs + nkw * 2 > STACK_USE_GUIDELINE ||
    args.some((a) => a.kind === "Starred") ||
    keywords.some((k) => k.arg === null);
  if (!exCall) {
    for (const a of args) {
      expr(c, a);
    }
    if (nkw) {
      for (const k of keywords) {
        expr(c, k.value);
      }
      c.loadConst({ tuple: keywords.map((k) => k.arg!) });
      c.emit(Op.CALL_KW, pushed + nargs + nkw);
    } else {
      c.emit(Op.CALL, pushed + nargs);
    }
    return;
  }
  if (pushed === 0 && nargs === 1 && args[0].kind === "Starred") {
    // f(*a) passes a itself; CALL_EX takes any iterable.
    expr(c, args[0].value);
  } else {
    starUnpack(c, args, pushed, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
  }
  if (nkw) {
    let haveDict = false;
    let seen = 0;
    const subkwargs = (begin: number, end: number): void => {
      for (let i = begin; i < end; i++) {
        c.loadConst(keywords[i].arg!);
        expr(c, keywords[i].value);
      }
      c.emit(Op.BUILD_MAP, end - begin);
      if (haveDict) {
        c.emit(Op.DICT_MERGE, 1);
      }
      haveDict = true;
    };
    keywords.forEach((k, i) => {
      if (k.arg !== null) {
        seen++;
        return;
      }
      if (seen) {
        subkwargs(i - seen, i);
        seen = 0;
      }
      if (!haveDict) {
        c.emit(Op.BUILD_MAP, 0);
        haveDict = true;
      }
      expr(c, k.value);
      c.emit(Op.DICT_MERGE, 1);
    });
    if (seen) {
      subkwargs(nkw - seen, nkw);
    }
  }
  c.emit(Op.CALL_EX, nkw > 0 ? 1 : 0);
}

// ---------------------------------------------------------------- functions

/**
 * compiler_default_arguments: pushes the positional defaults tuple and the keyword-only
 * defaults dict, and returns the MAKE_FUNCTION flags saying which are there.
 */
export function defaultArguments(c: Compiler, args: Arguments): number {
  let flags = 0;
  if (args.defaults.length) {
    const consts = allConstant(args.defaults);
    if (consts !== null) {
      c.loadConst({ tuple: consts });
    } else {
      for (const d of args.defaults) {
        expr(c, d);
      }
      c.emit(Op.BUILD_TUPLE, args.defaults.length);
    }
    flags |= 1;
  }
  let n = 0;
  args.kwonlyargs.forEach((a, i) => {
    const d = args.kwDefaults[i];
    if (d !== null) {
      c.loadConst(mangle(c.u.privateName, a.arg));
      expr(c, d);
      n++;
    }
  });
  if (n) {
    c.emit(Op.BUILD_MAP, n);
    flags |= 2;
  }
  return flags;
}

/** Sets the parameter counts of the unit being compiled from its signature. */
export function setArgCounts(c: Compiler, args: Arguments): void {
  c.u.argcount = args.posonlyargs.length + args.args.length;
  c.u.posonlyargcount = args.posonlyargs.length;
  c.u.kwonlyargcount = args.kwonlyargs.length;
}

function compileLambda(c: Compiler, e: Lambda): void {
  const flags = defaultArguments(c, e.args);
  const code = c.nestedCode(e, () => {
    c.enterScope("<lambda>", UnitKind.Lambda, e, e.line, e);
    setArgCounts(c, e.args);
    expr(c, e.body);
    c.emit(Op.RETURN_VALUE);
    return c.exitScope(null);
  });
  c.makeClosure(code, flags);
}
