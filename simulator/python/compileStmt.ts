/**
 * Code generation for statements (compile.c's compiler_visit_stmt and friends): definitions,
 * assignments, control flow, exception handling, `with`, imports. The exception-handling
 * shapes follow the block model of opcodes.ts; `return`, `break` and `continue` leave enclosing
 * blocks the way compiler_unwind_fblock does, running `finally` bodies and `__exit__` inline.
 */
import type {
  AnnAssign,
  AugAssign,
  ClassDef,
  Expr,
  For,
  FunctionDef,
  ImportFrom,
  Import,
  Module,
  Return,
  Stmt,
  Try,
  While,
  With,
} from "./ast";
import { firstLineOf, UnitKind, type Compiler, type FBlock } from "./compile";
import {
  assignTupleDisplay,
  attributeLoc,
  awaitValue,
  binaryOp,
  callHelper,
  defaultArguments,
  expr,
  iterable,
  jumpIf,
  sendLoop,
  setArgCounts,
} from "./compileExpr";
import { foldConstant } from "./astOpt";
import { Op } from "./opcodes";
import { mangle } from "./symtable";
import { unparseExpr } from "./unparse";

/** The module body; returns the module docstring. */
export function compileModuleBody(c: Compiler, m: Module): string | null {
  if (m.body.length) {
    c.loc = m.body[0];
  }
  return compileBody(c, m.body);
}

/** The docstring of a body: its first statement when that is a string literal. */
function docstringOf(body: Stmt[]): string | null {
  const first = body[0];
  if (first?.kind === "ExprStmt" && first.value.kind === "Constant" && typeof first.value.value === "string") {
    return first.value.value;
  }
  return null;
}

/** compiler_body: a module or class body, with `__annotations__` set up and `__doc__` stored. */
function compileBody(c: Compiler, body: Stmt[]): string | null {
  if (findAnnotation(body)) {
    c.emit(Op.SETUP_ANNOTATIONS);
  }
  const doc = docstringOf(body);
  let i = 0;
  if (doc !== null) {
    const value = (body[0] as { value: Expr }).value;
    expr(c, value);
    c.at(value, () => c.nameOp("__doc__", "Store"));
    i = 1;
  }
  for (; i < body.length; i++) {
    compileStmt(c, body[i]);
  }
  return doc;
}

/** find_ann: whether a body (not counting nested definitions) has an annotated assignment. */
function findAnnotation(body: Stmt[]): boolean {
  return body.some((s) => {
    switch (s.kind) {
      case "AnnAssign":
        return true;
      case "For":
      case "While":
      case "If":
        return findAnnotation(s.body) || findAnnotation(s.orelse);
      case "With":
        return findAnnotation(s.body);
      case "Try":
        return (
          s.handlers.some((h) => findAnnotation(h.body)) ||
          findAnnotation(s.body) ||
          findAnnotation(s.orelse) ||
          findAnnotation(s.finalbody)
        );
      default:
        return false;
    }
  });
}

function compileStmts(c: Compiler, body: Stmt[]): void {
  for (const s of body) {
    compileStmt(c, s);
  }
}

export function compileStmt(c: Compiler, s: Stmt): void {
  c.loc = s;
  switch (s.kind) {
    case "FunctionDef":
      compileFunctionDef(c, s);
      return;
    case "ClassDef":
      compileClassDef(c, s);
      return;
    case "Return":
      compileReturn(c, s);
      return;
    case "Delete":
      for (const t of s.targets) {
        expr(c, t);
      }
      return;
    case "Assign":
      compileAssign(c, s.targets, s.value);
      return;
    case "AugAssign":
      compileAugAssign(c, s);
      return;
    case "AnnAssign":
      compileAnnAssign(c, s);
      return;
    case "For":
      if (s.isAsync) {
        compileAsyncFor(c, s);
      } else {
        compileFor(c, s);
      }
      return;
    case "While":
      compileWhile(c, s);
      return;
    case "If": {
      const end = c.newLabel();
      const next = s.orelse.length ? c.newLabel() : end;
      jumpIf(c, s.test, next, false);
      compileStmts(c, s.body);
      if (s.orelse.length) {
        c.emitJump(Op.JUMP, end);
        c.bind(next);
        compileStmts(c, s.orelse);
      }
      c.bind(end);
      return;
    }
    case "With":
      if (s.isAsync && c.u.kind !== UnitKind.AsyncFunction) {
        throw c.error("'async with' outside async function");
      }
      compileWith(c, s, 0);
      return;
    case "Raise": {
      let n = 0;
      if (s.exc !== null) {
        expr(c, s.exc);
        n++;
        if (s.cause !== null) {
          expr(c, s.cause);
          n++;
        }
      }
      c.emit(Op.RAISE_VARARGS, n);
      return;
    }
    case "Try":
      if (s.finalbody.length) {
        compileTryFinally(c, s);
      } else {
        compileTryExcept(c, s);
      }
      return;
    case "Assert": {
      const end = c.newLabel();
      jumpIf(c, s.test, end, true);
      c.emit(Op.LOAD_ASSERTION_ERROR);
      if (s.msg !== null) {
        expr(c, s.msg);
        c.emit(Op.CALL, 1);
      }
      c.emit(Op.RAISE_VARARGS, 1);
      c.bind(end);
      return;
    }
    case "Import":
      compileImport(c, s);
      return;
    case "ImportFrom":
      compileImportFrom(c, s);
      return;
    case "Global":
    case "Nonlocal":
      return;
    case "ExprStmt":
      // A constant expression statement (a docstring-like string, `...`) does nothing.
      if (foldConstant(s.value) !== undefined) {
        c.u.code.noteSpan(s);
        return;
      }
      expr(c, s.value);
      c.emit(Op.POP_TOP);
      return;
    case "Pass":
      c.u.code.noteSpan(s);
      return;
    case "Break": {
      const loop = unwindFBlockStack(c, false, true);
      if (loop === null) {
        throw c.error("'break' outside loop");
      }
      unwindFBlock(c, loop, false);
      c.emitJump(Op.JUMP, loop.exit);
      return;
    }
    case "Continue": {
      const loop = unwindFBlockStack(c, false, true);
      if (loop === null) {
        throw c.error("'continue' not properly in loop");
      }
      c.emitJump(Op.JUMP, loop.head);
      return;
    }
    case "Match":
      throw c.unsupported("the match statement", s);
  }
}

// ---------------------------------------------------------------- definitions

/** Decorators are applied innermost (last) first, each call located at its decorator. */
function applyDecorators(c: Compiler, decorators: Expr[]): void {
  for (let i = decorators.length - 1; i >= 0; i--) {
    c.at(decorators[i], () => c.emit(Op.CALL, 1));
  }
}

/** compiler_function. */
function compileFunctionDef(c: Compiler, s: FunctionDef): void {
  for (const d of s.decoratorList) {
    expr(c, d);
  }
  const flags = defaultArguments(c, s.args);
  const code = c.nestedCode(s, () => {
    c.enterScope(s.name, s.isAsync ? UnitKind.AsyncFunction : UnitKind.Function, s, firstLineOf(s), s);
    setArgCounts(c, s.args);
    const doc = docstringOf(s.body);
    for (let i = doc !== null ? 1 : 0; i < s.body.length; i++) {
      compileStmt(c, s.body[i]);
    }
    return c.exitScope(doc);
  });
  c.makeClosure(code, flags);
  parameterAnnotations(c, s);
  applyDecorators(c, s.decoratorList);
  c.nameOp(s.name, "Store");
}

/**
 * compiler_visit_annotations: `def f(x: int) -> str` gives f `__annotations__ =
 * {'x': int, 'return': str}`, in CPython's order (args, positional-only, *args, keyword-only,
 * **kwargs, return). CPython passes them to MAKE_FUNCTION; here they are evaluated right after
 * it and stored with STORE_ATTR, which no Python code can tell apart.
 */
function parameterAnnotations(c: Compiler, s: FunctionDef): void {
  const a = s.args;
  const params = [...a.args, ...a.posonlyargs, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
  const entries: [string, Expr][] = [];
  for (const p of params) {
    if (p.annotation !== null) {
      entries.push([mangle(c.u.privateName, p.arg), p.annotation]);
    }
  }
  if (s.returns !== null) {
    entries.push(["return", s.returns]);
  }
  if (entries.length === 0) {
    return;
  }
  c.emit(Op.DUP_TOP);
  for (const [name, annotation] of entries) {
    c.loadConst(name);
    if (annotation.kind === "Starred" && !c.future.annotations) {
      // `*args: *Ts` stores the one item of Ts.
      expr(c, annotation.value);
      c.emit(Op.UNPACK_SEQUENCE, 1);
    } else {
      annotationValue(c, annotation);
    }
  }
  c.emit(Op.BUILD_MAP, entries.length);
  c.emit(Op.ROT_TWO);
  c.emitName(Op.STORE_ATTR, "__annotations__");
}

/**
 * compiler_class: `name = __build_class__(<body function>, 'name', *bases, **keywords)`. The
 * body stores `__module__` and `__qualname__`, runs, and returns its `__class__` cell (or None)
 * for __build_class__ to fill with the new class.
 */
function compileClassDef(c: Compiler, s: ClassDef): void {
  for (const d of s.decoratorList) {
    expr(c, d);
  }
  const code = c.nestedCode(s, () => {
    c.enterScope(s.name, UnitKind.Class, s, firstLineOf(s), s);
    c.u.privateName = s.name;
    c.nameOp("__name__", "Load");
    c.nameOp("__module__", "Store");
    c.loadConst(c.u.qualname);
    c.nameOp("__qualname__", "Store");
    const doc = compileBody(c, s.body);
    c.at(c.u.code.lastSpan() ?? c.loc, () => {
      if (c.u.block.needsClassClosure) {
        c.loadClassCell();
      } else {
        c.loadConst(null);
      }
      c.emit(Op.RETURN_VALUE);
    });
    return c.exitScope(doc);
  });
  c.emit(Op.LOAD_BUILD_CLASS);
  c.makeClosure(code, 0);
  c.loadConst(s.name);
  callHelper(c, 2, s.bases, s.keywords);
  applyDecorators(c, s.decoratorList);
  c.nameOp(s.name, "Store");
}

// ---------------------------------------------------------------- assignments

function compileAssign(c: Compiler, targets: Expr[], value: Expr): void {
  if (targets.length === 1 && assignTupleDisplay(c, value, targets[0])) {
    return;
  }
  expr(c, value);
  targets.forEach((target, i) => {
    if (i < targets.length - 1) {
      c.emit(Op.DUP_TOP);
    }
    expr(c, target);
  });
}

/** compiler_augassign: the target is read once (its object and key kept on the stack), then written. */
function compileAugAssign(c: Compiler, s: AugAssign): void {
  const t = s.target;
  c.at(t, () => {
    switch (t.kind) {
      case "Attribute":
        expr(c, t.value);
        c.emit(Op.DUP_TOP);
        c.at(attributeLoc(t, t), () => c.emitName(Op.LOAD_ATTR, t.attr));
        break;
      case "Subscript":
        expr(c, t.value);
        expr(c, t.slice);
        c.emit(Op.DUP_TOP_TWO);
        c.emit(Op.BINARY_SUBSCR);
        break;
      case "Name":
        c.nameOp(t.id, "Load");
        break;
    }
  });
  expr(c, s.value);
  c.emit(Op.INPLACE, binaryOp(s.op));
  c.at(t, () => {
    switch (t.kind) {
      case "Attribute":
        c.at(attributeLoc(t, t), () => {
          c.emit(Op.ROT_TWO);
          c.emitName(Op.STORE_ATTR, t.attr);
        });
        break;
      case "Subscript":
        c.emit(Op.ROT_THREE);
        c.emit(Op.STORE_SUBSCR);
        break;
      case "Name":
        c.nameOp(t.id, "Store");
        break;
    }
  });
}

/**
 * compiler_annassign: the value is stored first; in a module or class body a simple name's
 * annotation is then evaluated into `__annotations__` (a string under
 * `from __future__ import annotations`). Function bodies never evaluate annotations.
 */
function compileAnnAssign(c: Compiler, s: AnnAssign): void {
  const t = s.target;
  if (s.value !== null) {
    expr(c, s.value);
    expr(c, t);
  }
  const inBody = c.u.kind === UnitKind.Module || c.u.kind === UnitKind.Class;
  switch (t.kind) {
    case "Name":
      if (s.simple && inBody) {
        annotationValue(c, s.annotation);
        c.emitName(Op.LOAD_NAME, "__annotations__");
        c.loadConst(mangle(c.u.privateName, t.id));
        c.emit(Op.STORE_SUBSCR);
      }
      break;
    case "Attribute":
      if (s.value === null) {
        checkAnnExpr(c, t.value);
      }
      break;
    case "Subscript":
      if (s.value === null) {
        checkAnnExpr(c, t.value);
        checkAnnExpr(c, t.slice);
      }
      break;
  }
  // Annotations of complex targets are evaluated (and dropped) in module and class bodies.
  if (!s.simple && inBody && !c.future.annotations) {
    checkAnnExpr(c, s.annotation);
  }
}

function annotationValue(c: Compiler, annotation: Expr): void {
  if (c.future.annotations) {
    c.at(annotation, () => c.loadConst(unparseExpr(annotation)));
  } else {
    expr(c, annotation);
  }
}

/** check_ann_expr: evaluates an expression for its side effects and errors only. */
function checkAnnExpr(c: Compiler, e: Expr): void {
  expr(c, e);
  c.emit(Op.POP_TOP);
}

// ---------------------------------------------------------------- loops

function compileFor(c: Compiler, s: For): void {
  const start = c.newLabel();
  const cleanup = c.newLabel();
  const end = c.newLabel();
  iterable(c, s.iter);
  c.emit(Op.GET_ITER);
  c.bind(start);
  c.emitJump(Op.FOR_ITER, cleanup);
  expr(c, s.target);
  c.pushFBlock({ kind: "loop", isFor: true, head: start, exit: end });
  compileStmts(c, s.body);
  c.loc = s;
  c.emitJump(Op.JUMP, start);
  c.popFBlock();
  c.bind(cleanup);
  compileStmts(c, s.orelse);
  c.bind(end);
}

/**
 * compiler_async_for: each `__anext__()` is awaited under a handler; StopAsyncIteration sends
 * control to END_ASYNC_FOR, which ends the loop (any other exception is re-raised).
 */
function compileAsyncFor(c: Compiler, s: For): void {
  if (c.u.kind !== UnitKind.AsyncFunction) {
    throw c.error("'async for' outside async function");
  }
  const start = c.newLabel();
  const except = c.newLabel();
  const end = c.newLabel();
  expr(c, s.iter);
  c.emit(Op.GET_AITER);
  c.bind(start);
  c.pushFBlock({ kind: "loop", isFor: true, head: start, exit: end });
  c.emitJump(Op.SETUP_HANDLER, except);
  c.emit(Op.GET_ANEXT);
  c.loadConst(null);
  sendLoop(c);
  c.emit(Op.POP_BLOCK);
  expr(c, s.target);
  compileStmts(c, s.body);
  c.loc = s;
  c.emitJump(Op.JUMP, start);
  c.popFBlock();
  c.bind(except);
  c.at(s.iter, () => c.emit(Op.END_ASYNC_FOR));
  compileStmts(c, s.orelse);
  c.bind(end);
}

/** compiler_while: the test at the top, and again at the bottom jumping back to the body. */
function compileWhile(c: Compiler, s: While): void {
  const loop = c.newLabel();
  const body = c.newLabel();
  const anchor = c.newLabel();
  const end = c.newLabel();
  c.bind(loop);
  c.pushFBlock({ kind: "loop", isFor: false, head: loop, exit: end });
  jumpIf(c, s.test, anchor, false);
  c.bind(body);
  compileStmts(c, s.body);
  c.loc = s;
  jumpIf(c, s.test, body, true);
  c.popFBlock();
  c.bind(anchor);
  compileStmts(c, s.orelse);
  c.bind(end);
}

// ---------------------------------------------------------------- exceptions

/**
 * try/except:
 *   SETUP_HANDLER H; <body>; POP_BLOCK; <orelse>; JUMP END
 *   H: (exc) for each clause: [<type>; JUMP_IF_NOT_EXC_MATCH NEXT]; STORE name | POP_TOP; <handler>; POP_EXCEPT; JUMP END
 *   NEXT: … RERAISE
 * A named handler runs under a cleanup handler that deletes the name on every way out.
 */
function compileTryExcept(c: Compiler, s: Try): void {
  const handler = c.newLabel();
  const end = c.newLabel();
  c.emitJump(Op.SETUP_HANDLER, handler);
  c.pushFBlock({ kind: "tryExcept" });
  compileStmts(c, s.body);
  c.popFBlock();
  c.emit(Op.POP_BLOCK);
  compileStmts(c, s.orelse);
  c.emitJump(Op.JUMP, end);
  c.bind(handler);
  const n = s.handlers.length;
  s.handlers.forEach((h, i) => {
    c.loc = h;
    if (h.type === null && i < n - 1) {
      throw c.error("default 'except:' must be last");
    }
    const next = c.newLabel();
    if (h.type !== null) {
      expr(c, h.type);
      c.emitJump(Op.JUMP_IF_NOT_EXC_MATCH, next);
    }
    if (h.name !== null) {
      const name = h.name;
      const cleanup = c.newLabel();
      c.nameOp(name, "Store");
      c.emitJump(Op.SETUP_HANDLER, cleanup);
      c.pushFBlock({ kind: "handlerCleanup", name });
      compileStmts(c, h.body);
      c.popFBlock();
      // Artificial instructions take the location of the last one run (CPython's line propagation).
      c.loc = c.u.code.lastSpan() ?? h;
      c.emit(Op.POP_BLOCK);
      c.emit(Op.POP_EXCEPT);
      clearName(c, name);
      c.emitJump(Op.JUMP, end);
      // An exception inside the handler: delete the name, then let the new exception go on.
      c.bind(cleanup);
      c.loc = h;
      clearName(c, name);
      c.emit(Op.RERAISE);
    } else {
      c.emit(Op.POP_TOP);
      c.pushFBlock({ kind: "handlerCleanup", name: null });
      compileStmts(c, h.body);
      c.popFBlock();
      c.loc = c.u.code.lastSpan() ?? h;
      c.emit(Op.POP_EXCEPT);
      c.emitJump(Op.JUMP, end);
    }
    c.bind(next);
  });
  // No clause matched: the exception goes on.
  c.emit(Op.RERAISE);
  c.bind(end);
}

/** `name = None; del name`, as CPython ends an `except E as name` handler. */
function clearName(c: Compiler, name: string): void {
  c.loadConst(null);
  c.nameOp(name, "Store");
  c.nameOp(name, "Del");
}

/**
 * try/finally:
 *   SETUP_HANDLER F; <body>; POP_BLOCK; <finalbody>; JUMP END
 *   F: (exc) <finalbody>; RERAISE
 *   END:
 */
function compileTryFinally(c: Compiler, s: Try): void {
  const handler = c.newLabel();
  const exit = c.newLabel();
  c.emitJump(Op.SETUP_HANDLER, handler);
  c.pushFBlock({ kind: "finallyTry", body: s.finalbody });
  if (s.handlers.length) {
    compileTryExcept(c, s);
  } else {
    compileStmts(c, s.body);
  }
  c.popFBlock();
  c.emit(Op.POP_BLOCK);
  compileStmts(c, s.finalbody);
  c.emitJump(Op.JUMP, exit);
  c.bind(handler);
  c.pushFBlock({ kind: "finallyEnd" });
  compileStmts(c, s.finalbody);
  c.popFBlock();
  c.emit(Op.RERAISE);
  c.bind(exit);
}

/**
 * with (items nest, the first outermost):
 *   <ctx>; BEFORE_WITH; SETUP_WITH H; <store target | POP_TOP>; <body>; POP_BLOCK;
 *   WITH_NORMAL_EXIT; POP_TOP; JUMP END
 *   H: (exit exc) WITH_EXC_EXIT; POP_JUMP_IF_TRUE S; RERAISE
 *   S: POP_TOP; POP_TOP; POP_EXCEPT
 *   END:
 * `async with` awaits `__aenter__()` before SETUP_WITH and each `__aexit__` result.
 */
function compileWith(c: Compiler, s: With, pos: number): void {
  const item = s.items[pos];
  const handler = c.newLabel();
  const exit = c.newLabel();
  expr(c, item.contextExpr);
  if (s.isAsync) {
    c.emit(Op.BEFORE_ASYNC_WITH);
    awaitValue(c);
  } else {
    c.emit(Op.BEFORE_WITH);
  }
  c.emitJump(Op.SETUP_WITH, handler);
  c.pushFBlock({ kind: "with", isAsync: s.isAsync, at: s });
  if (item.optionalVars !== null) {
    expr(c, item.optionalVars);
  } else {
    c.emit(Op.POP_TOP);
  }
  if (pos + 1 === s.items.length) {
    compileStmts(c, s.body);
  } else {
    compileWith(c, s, pos + 1);
  }
  c.loc = s;
  c.emit(Op.POP_BLOCK);
  c.popFBlock();
  c.emit(Op.WITH_NORMAL_EXIT);
  if (s.isAsync) {
    awaitValue(c);
  }
  c.emit(Op.POP_TOP);
  c.emitJump(Op.JUMP, exit);
  c.bind(handler);
  const suppress = c.newLabel();
  c.emit(Op.WITH_EXC_EXIT);
  if (s.isAsync) {
    awaitValue(c);
  }
  c.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
  c.emit(Op.RERAISE);
  c.bind(suppress);
  c.emit(Op.POP_TOP);
  c.emit(Op.POP_TOP);
  c.emit(Op.POP_EXCEPT);
  c.bind(exit);
}

// ---------------------------------------------------------------- leaving blocks

/** compiler_return: the value is computed first, then the enclosing blocks are left. */
function compileReturn(c: Compiler, s: Return): void {
  const block = c.u.block;
  if (block.type !== "function") {
    throw c.error("'return' outside function");
  }
  if (s.value !== null && block.coroutine && block.generator) {
    throw c.error("'return' with value in async generator");
  }
  const constant = s.value === null ? null : foldConstant(s.value);
  const preserveTos = constant === undefined;
  if (preserveTos) {
    expr(c, s.value!);
  }
  unwindFBlockStack(c, preserveTos, false);
  c.loc = s;
  if (!preserveTos) {
    c.at(s.value ?? s, () => c.loadConst(constant!));
  }
  c.emit(Op.RETURN_VALUE);
}

type LoopBlock = Extract<FBlock, { kind: "loop" }>;

/**
 * compiler_unwind_fblock_stack: leaves the enclosing blocks, innermost first, up to the
 * nearest loop when `toLoop` (which is returned, not left). Each block is taken off the stack
 * while its exit code is compiled, so a `return` in an inlined finally body does not run that
 * finally body again.
 */
function unwindFBlockStack(c: Compiler, preserveTos: boolean, toLoop: boolean): LoopBlock | null {
  const stack = c.u.fblocks;
  if (stack.length === 0) {
    return null;
  }
  const top = stack[stack.length - 1];
  if (toLoop && top.kind === "loop") {
    return top;
  }
  stack.pop();
  unwindFBlock(c, top, preserveTos);
  const loop = unwindFBlockStack(c, preserveTos, toLoop);
  stack.push(top);
  return loop;
}

/** compiler_unwind_fblock. `preserveTos`: a return value on top of the stack must stay on top. */
function unwindFBlock(c: Compiler, b: FBlock, preserveTos: boolean): void {
  const saved = c.loc;
  switch (b.kind) {
    case "loop":
      if (b.isFor) {
        if (preserveTos) {
          c.emit(Op.ROT_TWO);
        }
        c.emit(Op.POP_TOP);
      }
      break;
    case "tryExcept":
      c.emit(Op.POP_BLOCK);
      break;
    case "finallyTry":
      c.emit(Op.POP_BLOCK);
      if (preserveTos) {
        c.pushFBlock({ kind: "popValue" });
      }
      compileStmts(c, b.body);
      if (preserveTos) {
        c.popFBlock();
      }
      break;
    case "finallyEnd":
      // Leaving a finally body that runs because of an exception: the exception is dropped.
      if (preserveTos) {
        c.emit(Op.ROT_TWO);
      }
      c.emit(Op.POP_TOP);
      c.emit(Op.POP_EXCEPT);
      break;
    case "with":
      c.loc = b.at;
      c.emit(Op.POP_BLOCK);
      if (preserveTos) {
        c.emit(Op.ROT_TWO);
      }
      c.emit(Op.WITH_NORMAL_EXIT);
      if (b.isAsync) {
        awaitValue(c);
      }
      c.emit(Op.POP_TOP);
      break;
    case "handlerCleanup":
      if (b.name !== null) {
        c.emit(Op.POP_BLOCK);
      }
      c.emit(Op.POP_EXCEPT);
      if (b.name !== null) {
        clearName(c, b.name);
      }
      break;
    case "popValue":
      if (preserveTos) {
        c.emit(Op.ROT_TWO);
      }
      c.emit(Op.POP_TOP);
      break;
  }
  c.loc = saved;
}

// ---------------------------------------------------------------- imports

/**
 * `import a.b.c` binds `a` (IMPORT_NAME pushes the top-level package); `import a.b.c as d`
 * walks down with IMPORT_FROM and binds the innermost module.
 */
function compileImport(c: Compiler, s: Import): void {
  for (const alias of s.names) {
    c.loadConst(0);
    c.loadConst(null);
    c.emitName(Op.IMPORT_NAME, alias.name);
    const parts = alias.name.split(".");
    if (alias.asname !== null) {
      for (let i = 1; i < parts.length; i++) {
        // compiler_import_as adds these names unmangled.
        c.emit(Op.IMPORT_FROM, c.u.code.addName(parts[i]));
        if (i < parts.length - 1) {
          c.emit(Op.ROT_TWO);
          c.emit(Op.POP_TOP);
        }
      }
      c.nameOp(alias.asname, "Store");
      if (parts.length > 1) {
        c.emit(Op.POP_TOP);
      }
    } else {
      c.nameOp(parts[0], "Store");
    }
  }
}

function compileImportFrom(c: Compiler, s: ImportFrom): void {
  if (s.module === "__future__" && s.line > c.future.lastLine) {
    throw c.error("from __future__ imports must occur at the beginning of the file");
  }
  c.loadConst(s.level);
  c.loadConst({ tuple: s.names.map((a) => a.name) });
  c.emitName(Op.IMPORT_NAME, s.module ?? "");
  if (s.names.length === 1 && s.names[0].name === "*") {
    c.emit(Op.IMPORT_STAR);
    return;
  }
  for (const alias of s.names) {
    c.emitName(Op.IMPORT_FROM, alias.name);
    c.nameOp(alias.asname ?? alias.name, "Store");
  }
  c.emit(Op.POP_TOP);
}
