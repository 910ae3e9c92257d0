/**
 * Scope analysis: which names of each block are locals, cells, free variables, explicit or
 * implicit globals. A transcription of CPython 3.11's Python/symtable.c: one pass over the
 * AST records how each block uses each name (symtable_visit_*), then `analyzeBlock` resolves
 * every name against the enclosing function blocks (analyze_block / analyze_name).
 *
 * Blocks are the module, each class body, each function, lambda and comprehension. The code
 * generator looks a block up by its AST node.
 */
import type {
  Arguments,
  ClassDef,
  Comprehension,
  DictComp,
  Expr,
  FunctionDef,
  GeneratorExp,
  Lambda,
  ListComp,
  Module,
  Name,
  SetComp,
  Span,
  Stmt,
} from "./ast";
import { CompileError } from "./compileError";

/** How a block uses a name (CPython's DEF_* flags). */
export const enum Def {
  Global = 1,
  Local = 2,
  Param = 4,
  Nonlocal = 8,
  Use = 16,
  /** Free in a nested block and bound (or global) in this class body. */
  FreeClass = 64,
  Import = 128,
  Annot = 256,
  /** A comprehension's iteration variable. */
  CompIter = 512,
}

const DEF_BOUND = Def.Local | Def.Param | Def.Import;

/** The resolved scope of a name (CPython's LOCAL, GLOBAL_EXPLICIT, ...); None: not a symbol of the block. */
export const enum NameScope {
  None = 0,
  Local,
  GlobalExplicit,
  GlobalImplicit,
  Free,
  Cell,
}

export type BlockType = "module" | "class" | "function";
export type ComprehensionKind = "list" | "set" | "dict" | "generator";
export type ComprehensionExpr = ListComp | SetComp | DictComp | GeneratorExp;
/** The AST node that opens a block. */
export type BlockNode = Module | FunctionDef | ClassDef | Lambda | ComprehensionExpr;

/** One block's symbol table (CPython's PySTEntryObject). */
export class Block {
  /** Name → Def flags, in first-use order (the order CPython's dict keeps). */
  readonly symbols = new Map<string, number>();
  /** Name → resolved scope, filled by the analysis. */
  readonly scopes = new Map<string, NameScope>();
  readonly children: Block[] = [];
  /** Parameter names in declaration order: positional, keyword-only, *args, **kwargs (ste_varnames). */
  readonly params: string[] = [];
  /** Where each `global`/`nonlocal` (or walrus-implied) directive stands, for error locations. */
  readonly directives = new Map<string, Span>();
  /** The body contains yield (ste_generator). */
  generator = false;
  /** async def, or a comprehension with await / async for (ste_coroutine). */
  coroutine = false;
  comprehension: ComprehensionKind | null = null;
  varargs = false;
  varkeywords = false;
  /** A class body some method of which uses `super` or `__class__` (ste_needs_class_closure). */
  needsClassClosure = false;
  /** Visiting a comprehension's iteration target / iterable expression (ste_comp_iter_*). */
  compIterTarget = false;
  compIterExpr = 0;

  constructor(
    readonly type: BlockType,
    readonly name: string,
    readonly node: BlockNode,
  ) {}

  scopeOf(name: string): NameScope {
    return this.scopes.get(name) ?? NameScope.None;
  }

  flagsOf(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /**
   * Cell variables in CPython 3.11's co_cellvars order: captured parameters in parameter
   * order, then the other cells sorted (dictbytype). A class's `__class__` cell is added by
   * the code generator.
   */
  cellvars(): string[] {
    const cells = [...this.scopes].filter(([, s]) => s === NameScope.Cell).map(([n]) => n);
    const params = this.params.filter((p) => cells.includes(p));
    return [...params, ...cells.filter((n) => !params.includes(n)).sort(compareNames)];
  }

  /** Free variables, sorted; includes names bound in a class body and free in its methods (DEF_FREE_CLASS). */
  freevars(): string[] {
    return [...this.symbols.keys()]
      .filter((n) => this.scopeOf(n) === NameScope.Free || (this.flagsOf(n) & Def.FreeClass) !== 0)
      .sort(compareNames);
  }
}

/** Code-point order, as PyList_Sort on str. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The symbol tables of a module. */
export interface Symtable {
  top: Block;
  /** The block each defining node opens. */
  blocks: Map<BlockNode, Block>;
}

/**
 * CPython's _Py_Mangle: inside class `C`, `__x` becomes `_C__x`; dunder names and dotted
 * names are left alone, and so is everything in a class whose name is all underscores.
 */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith("__") || name.endsWith("__") || name.includes(".")) {
    return name;
  }
  const stripped = privateName.replace(/^_+/, "");
  return stripped === "" ? name : `_${stripped}${name}`;
}

/** Builds and analyses the symbol tables; throws CompileError for the SyntaxErrors symtable.c raises. */
export function buildSymtable(module: Module, options: { futureAnnotations: boolean }): Symtable {
  const builder = new SymtableBuilder(module, options.futureAnnotations);
  builder.visitModule(module);
  analyzeBlock(builder.top, null, new Set(), new Set());
  return { top: builder.top, blocks: builder.blocks };
}

// ---------------------------------------------------------------- the recording pass (symtable_visit_*)

class SymtableBuilder {
  readonly top: Block;
  readonly blocks = new Map<BlockNode, Block>();
  private cur: Block;
  private readonly stack: Block[] = [];
  /** The class name used for mangling (st_private). */
  private privateName: string | null = null;

  constructor(
    module: Module,
    private readonly futureAnnotations: boolean,
  ) {
    this.top = new Block("module", "top", module);
    this.blocks.set(module, this.top);
    this.cur = this.top;
    this.stack.push(this.top);
  }

  visitModule(m: Module): void {
    this.visitBody(m.body);
  }

  private enterBlock(type: BlockType, name: string, node: BlockNode): void {
    const prev = this.cur;
    const b = new Block(type, name, node);
    prev.children.push(b);
    this.blocks.set(node, b);
    this.stack.push(b);
    this.cur = b;
  }

  private exitBlock(): void {
    this.stack.pop();
    this.cur = this.stack[this.stack.length - 1];
  }

  /** symtable_add_def_helper. */
  private addDef(name: string, flag: number, at: Span, block: Block = this.cur): void {
    const mangled = mangle(this.privateName, name);
    let val = block.symbols.get(mangled);
    if (val !== undefined) {
      if (flag & Def.Param && val & Def.Param) {
        throw CompileError.syntax(`duplicate argument '${name}' in function definition`, at);
      }
      val |= flag;
    } else {
      val = flag;
    }
    if (block.compIterTarget) {
      if (val & (Def.Global | Def.Nonlocal)) {
        throw CompileError.syntax(`comprehension inner loop cannot rebind assignment expression target '${name}'`, at);
      }
      val |= Def.CompIter;
    }
    block.symbols.set(mangled, val);
    if (flag & Def.Param) {
      block.params.push(mangled);
    } else if (flag & Def.Global) {
      // A `global x` anywhere also marks x global in the module's table (st_global).
      this.top.symbols.set(mangled, (this.top.symbols.get(mangled) ?? 0) | flag);
    }
  }

  private lookup(name: string): number {
    return this.cur.symbols.get(mangle(this.privateName, name)) ?? 0;
  }

  private recordDirective(name: string, at: Span): void {
    const mangled = mangle(this.privateName, name);
    if (!this.cur.directives.has(mangled)) {
      this.cur.directives.set(mangled, at);
    }
  }

  private visitBody(body: Stmt[]): void {
    for (const s of body) {
      this.visitStmt(s);
    }
  }

  private visitExprs(es: (Expr | null)[]): void {
    for (const e of es) {
      if (e !== null) {
        this.visitExpr(e);
      }
    }
  }

  private visitStmt(s: Stmt): void {
    switch (s.kind) {
      case "FunctionDef":
        this.addDef(s.name, Def.Local, s);
        this.visitExprs(s.args.defaults);
        this.visitExprs(s.args.kwDefaults);
        this.visitParamAnnotations(s.args, s.returns);
        this.visitExprs(s.decoratorList);
        this.enterBlock("function", s.name, s);
        if (s.isAsync) {
          this.cur.coroutine = true;
        }
        this.visitArguments(s.args);
        this.visitBody(s.body);
        this.exitBlock();
        break;
      case "ClassDef": {
        this.addDef(s.name, Def.Local, s);
        this.visitExprs(s.bases);
        this.visitExprs(s.keywords.map((k) => k.value));
        this.visitExprs(s.decoratorList);
        this.enterBlock("class", s.name, s);
        const saved = this.privateName;
        this.privateName = s.name;
        this.visitBody(s.body);
        this.privateName = saved;
        this.exitBlock();
        break;
      }
      case "Return":
        if (s.value !== null) {
          this.visitExpr(s.value);
        }
        break;
      case "Delete":
        this.visitExprs(s.targets);
        break;
      case "Assign":
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case "AnnAssign":
        if (s.target.kind === "Name") {
          const cur = this.lookup(s.target.id);
          if (cur & (Def.Global | Def.Nonlocal) && this.cur !== this.top && s.simple) {
            const what = cur & Def.Global ? "global" : "nonlocal";
            throw CompileError.syntax(`annotated name '${s.target.id}' can't be ${what}`, s);
          }
          if (s.simple) {
            this.addDef(s.target.id, Def.Annot | Def.Local, s.target);
          } else if (s.value !== null) {
            this.addDef(s.target.id, Def.Local, s.target);
          }
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value !== null) {
          this.visitExpr(s.value);
        }
        break;
      case "AugAssign":
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case "For":
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitBody(s.body);
        this.visitBody(s.orelse);
        break;
      case "While":
        this.visitExpr(s.test);
        this.visitBody(s.body);
        this.visitBody(s.orelse);
        break;
      case "If":
        this.visitExpr(s.test);
        this.visitBody(s.body);
        this.visitBody(s.orelse);
        break;
      case "Match":
        throw CompileError.unsupported("the match statement", s);
      case "Raise":
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          if (s.cause !== null) {
            this.visitExpr(s.cause);
          }
        }
        break;
      case "Try":
        this.visitBody(s.body);
        this.visitBody(s.orelse);
        for (const h of s.handlers) {
          if (h.type !== null) {
            this.visitExpr(h.type);
          }
          if (h.name !== null) {
            this.addDef(h.name, Def.Local, h);
          }
          this.visitBody(h.body);
        }
        this.visitBody(s.finalbody);
        break;
      case "Assert":
        this.visitExpr(s.test);
        if (s.msg !== null) {
          this.visitExpr(s.msg);
        }
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) {
          this.visitAlias(a.name, a.asname, a);
        }
        break;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s.kind === "Global";
        const word = isGlobal ? "global" : "nonlocal";
        for (const name of s.names) {
          const cur = this.lookup(name);
          if (cur & (Def.Param | Def.Local | Def.Use | Def.Annot)) {
            let msg: string;
            if (cur & Def.Param) {
              msg = `name '${name}' is parameter and ${word}`;
            } else if (cur & Def.Use) {
              msg = `name '${name}' is used prior to ${word} declaration`;
            } else if (cur & Def.Annot) {
              msg = `annotated name '${name}' can't be ${word}`;
            } else {
              msg = `name '${name}' is assigned to before ${word} declaration`;
            }
            throw CompileError.syntax(msg, s);
          }
          this.addDef(name, isGlobal ? Def.Global : Def.Nonlocal, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case "ExprStmt":
        this.visitExpr(s.value);
        break;
      case "With":
        for (const item of s.items) {
          this.visitExpr(item.contextExpr);
          if (item.optionalVars !== null) {
            this.visitExpr(item.optionalVars);
          }
        }
        this.visitBody(s.body);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
    }
  }

  /** symtable_visit_alias: `import a.b` binds `a`; `import *` is for modules only. */
  private visitAlias(name: string, asname: string | null, at: Span): void {
    const bound = asname ?? name;
    if (bound === "*") {
      if (this.cur.type !== "module") {
        throw CompileError.syntax("import * only allowed at module level", at);
      }
      return;
    }
    const dot = bound.indexOf(".");
    this.addDef(dot >= 0 ? bound.slice(0, dot) : bound, Def.Import, at);
  }

  /**
   * symtable_visit_annotation: annotations are names used where they stand (even the ones the
   * compiler does not evaluate, in function bodies). Under `from __future__ import
   * annotations` they become strings and use nothing.
   */
  private visitAnnotation(e: Expr | null): void {
    if (e !== null && !this.futureAnnotations) {
      this.visitExpr(e);
    }
  }

  /** symtable_visit_annotations, in its order. */
  private visitParamAnnotations(a: Arguments, returns: Expr | null): void {
    for (const p of a.args) {
      this.visitAnnotation(p.annotation);
    }
    this.visitAnnotation(a.vararg?.annotation ?? null);
    this.visitAnnotation(a.kwarg?.annotation ?? null);
    for (const p of [...a.kwonlyargs, ...a.posonlyargs]) {
      this.visitAnnotation(p.annotation);
    }
    this.visitAnnotation(returns);
  }

  private visitArguments(a: Arguments): void {
    for (const p of a.posonlyargs) {
      this.addDef(p.arg, Def.Param, p);
    }
    for (const p of a.args) {
      this.addDef(p.arg, Def.Param, p);
    }
    for (const p of a.kwonlyargs) {
      this.addDef(p.arg, Def.Param, p);
    }
    if (a.vararg !== null) {
      this.addDef(a.vararg.arg, Def.Param, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg !== null) {
      this.addDef(a.kwarg.arg, Def.Param, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private visitExpr(e: Expr): void {
    switch (e.kind) {
      case "NamedExpr":
        if (this.cur.compIterExpr > 0) {
          throw CompileError.syntax("assignment expression cannot be used in a comprehension iterable expression", e);
        }
        if (this.cur.comprehension !== null) {
          this.extendNamedExprScope(e.target);
        }
        this.visitExpr(e.value);
        this.visitExpr(e.target);
        break;
      case "BoolOp":
        this.visitExprs(e.values);
        break;
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case "UnaryOp":
        this.visitExpr(e.operand);
        break;
      case "Lambda":
        this.visitExprs(e.args.defaults);
        this.visitExprs(e.args.kwDefaults);
        this.enterBlock("function", "lambda", e);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case "IfExp":
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case "Dict":
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case "Set":
        this.visitExprs(e.elts);
        break;
      case "GeneratorExp":
        this.visitComprehension(e, "genexpr", "generator", e.elt, null);
        break;
      case "ListComp":
        this.visitComprehension(e, "listcomp", "list", e.elt, null);
        break;
      case "SetComp":
        this.visitComprehension(e, "setcomp", "set", e.elt, null);
        break;
      case "DictComp":
        this.visitComprehension(e, "dictcomp", "dict", e.key, e.value);
        break;
      case "Yield":
      case "YieldFrom":
        if (e.value !== null) {
          this.visitExpr(e.value);
        }
        this.cur.generator = true;
        if (this.cur.comprehension !== null) {
          const what = {
            list: "list comprehension",
            set: "set comprehension",
            dict: "dict comprehension",
            generator: "generator expression",
          }[this.cur.comprehension];
          throw CompileError.syntax(`'yield' inside ${what}`, e);
        }
        break;
      case "Await":
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case "Compare":
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case "Call":
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        this.visitExprs(e.keywords.map((k) => k.value));
        break;
      case "FormattedValue":
        this.visitExpr(e.value);
        if (e.formatSpec !== null) {
          this.visitExpr(e.formatSpec);
        }
        break;
      case "JoinedStr":
        this.visitExprs(e.values);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.visitExpr(e.value);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case "Starred":
        this.visitExpr(e.value);
        break;
      case "Slice":
        this.visitExprs([e.lower, e.upper, e.step]);
        break;
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? Def.Use : Def.Local, e);
        // `super()` needs the `__class__` cell of the enclosing class.
        if (e.ctx === "Load" && this.cur.type === "function" && e.id === "super") {
          this.addDef("__class__", Def.Use, e);
        }
        break;
      case "List":
      case "Tuple":
        this.visitExprs(e.elts);
        break;
    }
  }

  /** symtable_handle_comprehension: the first iterable is evaluated outside, the rest inside a new function block. */
  private visitComprehension(
    e: ComprehensionExpr,
    name: string,
    kind: ComprehensionKind,
    elt: Expr,
    value: Expr | null,
  ): void {
    const generators: Comprehension[] = e.generators;
    const outermost = generators[0];
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock("function", name, e);
    const block = this.cur;
    block.comprehension = kind;
    if (outermost.isAsync) {
      block.coroutine = true;
    }
    this.addDef(".0", Def.Param, e);
    block.compIterTarget = true;
    this.visitExpr(outermost.target);
    block.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (const g of generators.slice(1)) {
      block.compIterTarget = true;
      this.visitExpr(g.target);
      block.compIterTarget = false;
      block.compIterExpr++;
      this.visitExpr(g.iter);
      block.compIterExpr--;
      this.visitExprs(g.ifs);
      if (g.isAsync) {
        block.coroutine = true;
      }
    }
    if (value !== null) {
      this.visitExpr(value);
    }
    this.visitExpr(elt);
    block.generator = kind === "generator";
    const isAsync = block.coroutine && kind !== "generator";
    this.exitBlock();
    if (isAsync) {
      this.cur.coroutine = true;
    }
  }

  /** symtable_extend_namedexpr_scope: a walrus in a comprehension binds in the nearest function or module block. */
  private extendNamedExprScope(target: Name): void {
    const name = target.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const b = this.stack[i];
      if (b.comprehension !== null) {
        if (b.flagsOf(mangle(this.privateName, name)) & Def.CompIter) {
          throw CompileError.syntax(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        }
        continue;
      }
      if (b.type === "function") {
        const inScope = b.flagsOf(mangle(this.privateName, name));
        this.addDef(name, inScope & Def.Global ? Def.Global : Def.Nonlocal, target);
        this.recordDirective(name, target);
        this.addDef(name, Def.Local, target, b);
        return;
      }
      if (b.type === "module") {
        this.addDef(name, Def.Global, target);
        this.recordDirective(name, target);
        this.addDef(name, Def.Global, target, b);
        return;
      }
      throw CompileError.syntax("assignment expression within a comprehension cannot be used in a class body", target);
    }
  }
}

// ---------------------------------------------------------------- the analysis (analyze_block)

function errorAtDirective(b: Block, name: string, message: string): CompileError {
  const at = b.directives.get(name);
  return CompileError.syntax(message, at ?? { line: 1, col: 0, endLine: 1, endCol: 0 });
}

/** analyze_name: decides one name's scope from its flags and the enclosing blocks' bindings. */
function analyzeName(
  b: Block,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
): void {
  if (flags & Def.Global) {
    if (flags & Def.Nonlocal) {
      throw errorAtDirective(b, name, `name '${name}' is nonlocal and global`);
    }
    b.scopes.set(name, NameScope.GlobalExplicit);
    global.add(name);
    bound?.delete(name);
    return;
  }
  if (flags & Def.Nonlocal) {
    if (bound === null) {
      throw errorAtDirective(b, name, "nonlocal declaration not allowed at module level");
    }
    if (!bound.has(name)) {
      throw errorAtDirective(b, name, `no binding for nonlocal '${name}' found`);
    }
    b.scopes.set(name, NameScope.Free);
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    b.scopes.set(name, NameScope.Local);
    local.add(name);
    global.delete(name);
    return;
  }
  if (bound !== null && bound.has(name)) {
    b.scopes.set(name, NameScope.Free);
    free.add(name);
    return;
  }
  b.scopes.set(name, NameScope.GlobalImplicit);
}

/**
 * analyze_block. `bound`: names bound by enclosing function blocks (null for the module);
 * `free`: collects the names free in this block and its children; `global`: names declared
 * global further out. The caller passes copies (analyze_child_block).
 */
function analyzeBlock(b: Block, bound: Set<string> | null, free: Set<string>, global: Set<string>): void {
  const local = new Set<string>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();
  // A class body's names are not visible to the functions nested in it.
  if (b.type === "class") {
    addAll(newGlobal, global);
    if (bound !== null) {
      addAll(newBound, bound);
    }
  }
  for (const [name, flags] of b.symbols) {
    analyzeName(b, name, flags, bound, local, free, global);
  }
  if (b.type !== "class") {
    if (b.type === "function") {
      addAll(newBound, local);
    }
    if (bound !== null) {
      addAll(newBound, bound);
    }
    addAll(newGlobal, global);
  } else {
    newBound.add("__class__");
  }
  const allFree = new Set<string>();
  for (const child of b.children) {
    const childFree = new Set(newFree);
    analyzeBlock(child, new Set(newBound), childFree, new Set(newGlobal));
    addAll(allFree, childFree);
  }
  addAll(newFree, allFree);
  if (b.type === "function") {
    // analyze_cells: a local some child uses freely lives in a cell.
    for (const [name, scope] of b.scopes) {
      if (scope === NameScope.Local && newFree.has(name)) {
        b.scopes.set(name, NameScope.Cell);
        newFree.delete(name);
      }
    }
  } else if (b.type === "class") {
    // drop_class_free: `__class__` is provided by the class body's implicit cell.
    if (newFree.delete("__class__")) {
      b.needsClassClosure = true;
    }
  }
  updateSymbols(b, bound, newFree);
  addAll(free, newFree);
}

/** update_symbols: free names of the children pass through this block on their way out. */
function updateSymbols(b: Block, bound: Set<string> | null, free: Set<string>): void {
  for (const name of free) {
    const flags = b.symbols.get(name);
    if (flags !== undefined) {
      // A method's free variable named like a class attribute: both a class local and a free variable.
      if (b.type === "class" && flags & (DEF_BOUND | Def.Global)) {
        b.symbols.set(name, flags | Def.FreeClass);
      }
      continue;
    }
    if (bound !== null && !bound.has(name)) {
      continue;
    }
    b.symbols.set(name, 0);
    b.scopes.set(name, NameScope.Free);
  }
}

function addAll(to: Set<string>, from: Set<string>): void {
  for (const x of from) {
    to.add(x);
  }
}
