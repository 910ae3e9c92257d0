/**
 * Comprehensions (compile.c's compiler_comprehension): each is a function of the iterator of
 * its first `for` clause, `.0`, evaluated in the enclosing scope; the function builds the list,
 * set or dict (or, for a generator expression, yields each element), one loop per clause.
 */
import type { Comprehension, Expr } from "./ast";
import type { Label } from "./codeBuilder";
import { UnitKind, type Compiler } from "./compile";
import { assignTupleDisplay, awaitValue, expr, iterable, jumpIf, sendLoop } from "./compileExpr";
import { foldConstant } from "./astOpt";
import { Op } from "./opcodes";
import type { ComprehensionExpr } from "./symtable";

type ComprehensionName = "<listcomp>" | "<setcomp>" | "<dictcomp>" | "<genexpr>";

/**
 * compiler_comprehension: the comprehension is a function taking the iterator of its first
 * `for` clause (evaluated here, in the enclosing scope) as its only argument, `.0`.
 */
export function compileComprehension(
  c: Compiler,
  e: ComprehensionExpr,
  name: ComprehensionName,
  elt: Expr,
  value: Expr | null,
): void {
  const outerKind = c.u.kind;
  const outermost = e.generators[0];
  const isAsync = c.symtable.blocks.get(e)!.coroutine;
  const code = c.nestedCode(e, () => {
    c.enterScope(name, UnitKind.Comprehension, e, e.line, e);
    c.loc = e;
    if (isAsync && name !== "<genexpr>" && outerKind !== UnitKind.AsyncFunction && outerKind !== UnitKind.Comprehension) {
      throw c.error("asynchronous comprehension outside of an asynchronous function");
    }
    c.u.argcount = 1;
    if (name === "<listcomp>") {
      c.emit(Op.BUILD_LIST, 0);
    } else if (name === "<setcomp>") {
      c.emit(Op.BUILD_SET, 0);
    } else if (name === "<dictcomp>") {
      c.emit(Op.BUILD_MAP, 0);
    }
    comprehensionClause(c, e.generators, 0, 0, name, elt, value);
    if (name !== "<genexpr>") {
      c.emit(Op.RETURN_VALUE);
    }
    return c.exitScope(null);
  });
  c.makeClosure(code, 0);
  iterable(c, outermost.iter);
  c.emit(outermost.isAsync ? Op.GET_AITER : Op.GET_ITER);
  c.emit(Op.CALL, 1);
  if (isAsync && name !== "<genexpr>") {
    awaitValue(c);
  }
}

/**
 * compiler_sync/async_comprehension_generator: one `for` clause, its `if`s, then the next
 * clause or the element. `depth` counts the iterators on the stack above the result being
 * built, which LIST_APPEND / SET_ADD / MAP_ADD reach past.
 */
function comprehensionClause(
  c: Compiler,
  generators: Comprehension[],
  index: number,
  depth: number,
  name: ComprehensionName,
  elt: Expr,
  value: Expr | null,
): void {
  const gen = generators[index];
  const ifCleanup = c.newLabel();
  const anchor = c.newLabel();
  let start: Label | null = c.newLabel();
  let asyncExcept: Label | null = null;
  if (index === 0) {
    c.emit(Op.LOAD_FAST, c.u.code.addVarname(".0"));
  } else if (gen.isAsync) {
    expr(c, gen.iter);
    c.emit(Op.GET_AITER);
  } else {
    // `for y in [f(x)]` binds y without a loop (the temporary-variable idiom).
    const it = gen.iter;
    if ((it.kind === "List" || it.kind === "Tuple") && it.elts.length === 1 && it.elts[0].kind !== "Starred" && foldConstant(it) === undefined) {
      start = null;
    } else {
      iterable(c, it);
      c.emit(Op.GET_ITER);
    }
  }
  if (start !== null) {
    depth++;
    c.bind(start);
    if (gen.isAsync) {
      asyncExcept = c.newLabel();
      c.emitJump(Op.SETUP_HANDLER, asyncExcept);
      c.emit(Op.GET_ANEXT);
      c.loadConst(null);
      sendLoop(c);
      c.emit(Op.POP_BLOCK);
    } else {
      c.emitJump(Op.FOR_ITER, anchor);
    }
  }
  if (start !== null) {
    expr(c, gen.target);
  } else {
    const value = (gen.iter as { elts: Expr[] }).elts[0];
    if (!assignTupleDisplay(c, value, gen.target)) {
      expr(c, value);
      expr(c, gen.target);
    }
  }
  for (const cond of gen.ifs) {
    jumpIf(c, cond, ifCleanup, false);
  }
  if (index + 1 < generators.length) {
    comprehensionClause(c, generators, index + 1, depth, name, elt, value);
  } else {
    switch (name) {
      case "<genexpr>":
        expr(c, elt);
        c.emit(Op.YIELD_VALUE, 0);
        c.emit(Op.POP_TOP);
        break;
      case "<listcomp>":
        expr(c, elt);
        c.emit(Op.LIST_APPEND, depth + 1);
        break;
      case "<setcomp>":
        expr(c, elt);
        c.emit(Op.SET_ADD, depth + 1);
        break;
      case "<dictcomp>":
        expr(c, elt);
        expr(c, value!);
        c.emit(Op.MAP_ADD, depth + 1);
        break;
    }
  }
  c.bind(ifCleanup);
  if (start !== null) {
    c.emitJump(Op.JUMP, start);
    if (asyncExcept !== null) {
      c.bind(asyncExcept);
      c.emit(Op.END_ASYNC_FOR);
    } else {
      c.bind(anchor);
    }
  }
}
