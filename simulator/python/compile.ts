/**
 * The compiler: AST → code objects, following CPython 3.11's Python/compile.c. This file holds
 * the entry point and the state shared by statement and expression compilation (the stack of
 * compilation units, name resolution, closures, source locations); `compileStmt.ts` and
 * `compileExpr.ts` hold the code generation proper.
 *
 * Source locations work as in compile.c: the compiler keeps a current location (`loc`), set to
 * each statement and, while it is being compiled, each expression; every instruction gets the
 * current location when it is emitted. That gives a call the Call node's span, a BINARY the
 * BinOp's span, a store the target's span, and statement-level instructions the statement's.
 */
import type { ClassDef, ExprContext, FunctionDef, Lambda, Module, Span, Stmt } from "./ast";
import { CodeFlag, type CodeObject, type CompileResult, type Const } from "./code";
import { CodeBuilder, type Label } from "./codeBuilder";
import { CompileError, spanOf } from "./compileError";
import { compileModuleBody } from "./compileStmt";
import { Op } from "./opcodes";
import { buildSymtable, mangle, NameScope, type Block, type BlockNode, type Symtable } from "./symtable";

/**
 * Compiles a parsed module. Compile-time SyntaxErrors come back as `error` (CPython's message
 * and span); constructs the simulator refuses (the match statement) as `unsupported`.
 */
export function compileModule(module: Module, filename: string): CompileResult {
  try {
    const future = futureFeatures(module);
    const symtable = buildSymtable(module, { futureAnnotations: future.annotations });
    const c = new Compiler(symtable, filename, future);
    return { ok: true, code: c.compileModule(module) };
  } catch (e) {
    if (e instanceof CompileError) {
      if ("syntaxError" in e.outcome) {
        return { ok: false, error: { type: "SyntaxError", message: e.outcome.syntaxError, ...e.span } };
      }
      return { ok: false, unsupported: { what: e.outcome.unsupported, ...e.span } };
    }
    throw e;
  }
}

/** What kind of code a unit compiles (CPython's COMPILER_SCOPE_*). */
export const enum UnitKind {
  Module,
  Class,
  Function,
  AsyncFunction,
  Lambda,
  Comprehension,
}

/**
 * What a `return`, `break` or `continue` must undo when it leaves a block (CPython's fblockinfo).
 * - loop: `for` keeps its iterator on the stack; `head` is where `continue` goes, `exit` where `break` goes.
 * - tryExcept: the body of a try with handlers (a handler block to pop).
 * - finallyTry: the body of a try/finally (pop the handler, run the finally body inline).
 * - finallyEnd: the finally body on the exception path (the exception is on the stack and being handled).
 * - with: a with body (pop the handler, call __exit__(None, None, None)).
 * - handlerCleanup: an except handler's body (`name`: the `as` name, whose cleanup handler is to pop).
 * - popValue: a value the compiler keeps on the stack (a return value while a finally body runs).
 */
export type FBlock =
  | { kind: "loop"; isFor: boolean; head: Label; exit: Label }
  | { kind: "tryExcept" }
  | { kind: "finallyTry"; body: Stmt[] }
  | { kind: "finallyEnd" }
  | { kind: "with"; isAsync: boolean; at: Span }
  | { kind: "handlerCleanup"; name: string | null }
  | { kind: "popValue" };

/** One code object being compiled (CPython's compiler_unit). */
class Unit {
  readonly code: CodeBuilder;
  readonly cellvars: string[];
  readonly freevars: string[];
  readonly fblocks: FBlock[] = [];
  /** The class whose name mangles `__private` names (u_private). */
  privateName: string | null = null;
  /** The enclosing unit's location when this one was entered, restored on exit. */
  outerLoc: Span | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;

  constructor(
    readonly kind: UnitKind,
    readonly name: string,
    readonly qualname: string,
    readonly block: Block,
    readonly firstLine: number,
    readonly span: Span,
  ) {
    this.code = new CodeBuilder(kind === UnitKind.Module || kind === UnitKind.Class ? [] : block.params);
    // A class body whose methods use `super`/`__class__` has one implicit cell, `__class__`.
    this.cellvars = kind === UnitKind.Class ? (block.needsClassClosure ? ["__class__"] : []) : block.cellvars();
    this.freevars = block.freevars();
  }

  get isFunctionLike(): boolean {
    return this.block.type === "function";
  }
}

export class Compiler {
  /** The unit being compiled. */
  u!: Unit;
  private readonly units: Unit[] = [];
  /** The current source location (compile.c's u_lineno/u_col_offset/...). */
  loc: Span = { line: 1, col: 0, endLine: 1, endCol: 0 };
  /** Code objects already compiled, by defining node (see nestedCode). */
  private readonly compiled = new Map<BlockNode, CodeObject>();

  constructor(
    readonly symtable: Symtable,
    readonly filename: string,
    readonly future: FutureFeatures,
  ) {}

  compileModule(m: Module): CodeObject {
    const span = moduleSpan(m);
    this.enterScope("<module>", UnitKind.Module, m, 1, span);
    const doc = compileModuleBody(this, m);
    return this.exitScope(doc);
  }

  // ---------------------------------------------------------------- units

  /** compiler_enter_scope: starts a new code object for the block of `node`. */
  enterScope(name: string, kind: UnitKind, node: BlockNode, firstLine: number, span: Span): void {
    const block = this.symtable.blocks.get(node);
    if (block === undefined) {
      throw new Error(`no symbol table for ${name}`);
    }
    const parent = this.units.length ? this.u : null;
    const u = new Unit(kind, name, parent === null ? name : qualnameOf(parent, kind, name), block, firstLine, spanOf(span));
    u.privateName = parent?.privateName ?? null;
    u.outerLoc = this.loc;
    this.units.push(u);
    this.u = u;
    this.loc = { line: firstLine, col: 0, endLine: firstLine, endCol: 0 };
  }

  /** Finishes the current unit (adding `return None` if control can fall off its end) and returns to the enclosing one. */
  exitScope(doc: string | null): CodeObject {
    const u = this.u;
    if (u.code.isReachable) {
      const at = u.code.lastSpan() ?? this.loc;
      u.code.emit(Op.LOAD_CONST, u.code.addConst(null), at);
      u.code.emit(Op.RETURN_VALUE, 0, at);
    }
    const { code, positions } = u.code.finish();
    const b = u.block;
    let flags = 0;
    if (b.type === "function") {
      if (b.generator && b.coroutine) {
        flags |= CodeFlag.AsyncGenerator;
      } else if (b.generator) {
        flags |= CodeFlag.Generator;
      } else if (b.coroutine) {
        flags |= CodeFlag.Coroutine;
      }
      if (b.varargs) {
        flags |= CodeFlag.VarArgs;
      }
      if (b.varkeywords) {
        flags |= CodeFlag.VarKeywords;
      }
    }
    const varnames = u.code.varnames;
    const result: CodeObject = {
      kind: "code",
      name: u.name,
      qualname: u.qualname,
      filename: this.filename,
      firstLine: u.firstLine,
      argcount: u.argcount,
      posonlyargcount: u.posonlyargcount,
      kwonlyargcount: u.kwonlyargcount,
      flags,
      varnames,
      cellvars: u.cellvars,
      freevars: u.freevars,
      cell2arg: u.cellvars.map((n) => (u.kind === UnitKind.Class ? -1 : b.params.indexOf(n))),
      names: u.code.names,
      consts: u.code.consts,
      code,
      positions,
      doc,
      span: u.span,
    };
    this.units.pop();
    if (this.units.length) {
      this.u = this.units[this.units.length - 1];
      this.loc = u.outerLoc!;
    }
    return result;
  }

  /**
   * The code object of a nested block, compiled on first use. A `finally` body is emitted once
   * per way out of its try and a `while` test twice; CPython then merges the identical code
   * objects into one constant, and so do we by compiling each definition once.
   */
  nestedCode(node: BlockNode, compile: () => CodeObject): CodeObject {
    let code = this.compiled.get(node);
    if (code === undefined) {
      code = compile();
      this.compiled.set(node, code);
    }
    return code;
  }

  // ---------------------------------------------------------------- emission

  emit(op: Op, arg = 0): void {
    this.u.code.emit(op, arg, this.loc);
  }

  emitJump(op: Op, target: Label): void {
    this.u.code.emitJump(op, target, this.loc);
  }

  newLabel(): Label {
    return this.u.code.newLabel();
  }

  bind(label: Label): void {
    this.u.code.bind(label);
  }

  loadConst(value: Const): void {
    this.emit(Op.LOAD_CONST, this.u.code.addConst(value));
  }

  /** An instruction taking a name from co_names (mangled, as compiler_addop_name does). */
  emitName(op: Op, name: string): void {
    this.emit(op, this.u.code.addName(mangle(this.u.privateName, name)));
  }

  /** Runs `f` with `at` as the current location, then restores it (SET_LOC around a sub-node). */
  at<T>(at: Span, f: () => T): T {
    const saved = this.loc;
    this.loc = at;
    try {
      return f();
    } finally {
      this.loc = saved;
    }
  }

  error(message: string, at: Span = this.loc): CompileError {
    return CompileError.syntax(message, at);
  }

  unsupported(what: string, at: Span): CompileError {
    return CompileError.unsupported(what, at);
  }

  // ---------------------------------------------------------------- names

  /** compiler_nameop: LOAD/STORE/DELETE a variable with the FAST, DEREF, GLOBAL or NAME instruction its scope calls for. */
  nameOp(name: string, ctx: ExprContext): void {
    if (name === "__debug__" && ctx !== "Load") {
      throw this.error(ctx === "Store" ? "cannot assign to __debug__" : "cannot delete __debug__");
    }
    const u = this.u;
    const mangled = mangle(u.privateName, name);
    const scope = u.block.scopeOf(mangled);
    const inFunction = u.isFunctionLike;
    if (scope === NameScope.Free || scope === NameScope.Cell) {
      const i = this.derefIndex(mangled, scope === NameScope.Cell);
      const op =
        ctx === "Load"
          ? u.kind === UnitKind.Class
            ? Op.LOAD_CLASSDEREF
            : Op.LOAD_DEREF
          : ctx === "Store"
            ? Op.STORE_DEREF
            : Op.DELETE_DEREF;
      this.emit(op, i);
      return;
    }
    if (scope === NameScope.Local && inFunction) {
      const op = ctx === "Load" ? Op.LOAD_FAST : ctx === "Store" ? Op.STORE_FAST : Op.DELETE_FAST;
      this.emit(op, u.code.addVarname(mangled));
      return;
    }
    if (scope === NameScope.GlobalExplicit || (scope === NameScope.GlobalImplicit && inFunction)) {
      const op = ctx === "Load" ? Op.LOAD_GLOBAL : ctx === "Store" ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL;
      this.emit(op, u.code.addName(mangled));
      return;
    }
    const op = ctx === "Load" ? Op.LOAD_NAME : ctx === "Store" ? Op.STORE_NAME : Op.DELETE_NAME;
    this.emit(op, u.code.addName(mangled));
  }

  /** Whether `name` is a plain local of a function (STORE_FAST). */
  isFastLocal(name: string): boolean {
    return this.u.isFunctionLike && this.u.block.scopeOf(mangle(this.u.privateName, name)) === NameScope.Local;
  }

  /** Index of a cell or free variable in cellvars ++ freevars (the operand of *_DEREF and LOAD_CLOSURE). */
  private derefIndex(name: string, isCell: boolean): number {
    const u = this.u;
    const i = isCell ? u.cellvars.indexOf(name) : u.freevars.indexOf(name);
    if (i < 0) {
      throw new Error(`${name} is not a ${isCell ? "cell" : "free"} variable of ${u.qualname}`);
    }
    return isCell ? i : u.cellvars.length + i;
  }

  /**
   * compiler_make_closure: pushes the closure cells `code` needs (LOAD_CLOSURE … BUILD_TUPLE),
   * then the code object and qualname, and MAKE_FUNCTION with `flags` (defaults already pushed).
   */
  makeClosure(code: CodeObject, flags: number): void {
    const u = this.u;
    if (code.freevars.length) {
      for (const name of code.freevars) {
        // get_ref_type: the class body's own `__class__` is its implicit cell.
        const isCell = (u.kind === UnitKind.Class && name === "__class__") || u.block.scopeOf(name) === NameScope.Cell;
        this.emit(Op.LOAD_CLOSURE, this.derefIndex(name, isCell));
      }
      this.emit(Op.BUILD_TUPLE, code.freevars.length);
      flags |= 8;
    }
    this.loadConst(code);
    this.loadConst(code.qualname);
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  /** LOAD_CLOSURE of the class body's `__class__` cell (what a class body returns to __build_class__). */
  loadClassCell(): void {
    this.emit(Op.LOAD_CLOSURE, this.derefIndex("__class__", true));
  }

  // ---------------------------------------------------------------- blocks for return/break/continue

  pushFBlock(b: FBlock): void {
    this.u.fblocks.push(b);
  }

  popFBlock(): void {
    this.u.fblocks.pop();
  }
}

/** compiler_set_qualname: `f.<locals>.g` inside a function, `C.m` inside a class, plain at module level or when declared global. */
function qualnameOf(parent: Unit, kind: UnitKind, name: string): string {
  if (parent.kind === UnitKind.Module) {
    return name;
  }
  if (kind === UnitKind.Function || kind === UnitKind.AsyncFunction || kind === UnitKind.Class) {
    if (parent.block.scopeOf(mangle(parent.privateName, name)) === NameScope.GlobalExplicit) {
      return name;
    }
  }
  const p = parent.kind;
  const base =
    p === UnitKind.Function || p === UnitKind.AsyncFunction || p === UnitKind.Lambda
      ? `${parent.qualname}.<locals>`
      : parent.qualname;
  return `${base}.${name}`;
}

function moduleSpan(m: Module): Span {
  if (m.body.length === 0) {
    return { line: 1, col: 0, endLine: 1, endCol: 0 };
  }
  const last = m.body[m.body.length - 1];
  return { line: 1, col: 0, endLine: last.endLine, endCol: last.endCol };
}

/** The line of the first decorator, else of the `def`/`class` (co_firstlineno). */
export function firstLineOf(s: FunctionDef | ClassDef | Lambda): number {
  return s.kind !== "Lambda" && s.decoratorList.length ? s.decoratorList[0].line : s.line;
}

// ---------------------------------------------------------------- __future__ (Python/future.c)

interface FutureFeatures {
  /** `from __future__ import annotations`: annotations become strings. */
  annotations: boolean;
  /** Line of the last future import at the top of the module; a later one is an error. */
  lastLine: number;
}

const FUTURE_NAMES = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "barry_as_FLUFL",
  "generator_stop",
  "annotations",
]);

/** future_parse: `from __future__ import …` statements may follow only a docstring and each other. */
function futureFeatures(m: Module): FutureFeatures {
  const ff: FutureFeatures = { annotations: false, lastLine: -1 };
  let i = 0;
  const first = m.body[0];
  if (first?.kind === "ExprStmt" && first.value.kind === "Constant" && typeof first.value.value === "string") {
    i = 1;
  }
  for (; i < m.body.length; i++) {
    const s = m.body[i];
    if (s.kind !== "ImportFrom" || s.module !== "__future__") {
      break;
    }
    for (const a of s.names) {
      if (a.name === "braces") {
        throw CompileError.syntax("not a chance", s);
      }
      if (!FUTURE_NAMES.has(a.name)) {
        throw CompileError.syntax(`future feature ${a.name} is not defined`, s);
      }
      if (a.name === "annotations") {
        ff.annotations = true;
      }
    }
    ff.lastLine = s.line;
  }
  return ff;
}
