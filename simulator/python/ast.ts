/**
 * The typed Python AST. It mirrors CPython 3.11's `ast` module node for node and field for
 * field (the `kind` is the class name), so that the parser can be checked against
 * `python3 -c "import ast; ..."` and the compiler can be read beside CPython's compile.c.
 *
 * Positions follow CPython: `line`/`endLine` are 1-based, `col`/`endCol` are 0-based
 * offsets in characters (CPython counts UTF-8 bytes; we count UTF-16 units of the source).
 */

/** Where a node stands in the source. */
export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type Node = Stmt | Expr | ExceptHandler | Arguments | Arg | Keyword | Alias | WithItem | Comprehension | MatchCase;

export interface Module {
  kind: "Module";
  body: Stmt[];
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | With
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue
  | Match;

export interface FunctionDef extends Span {
  kind: "FunctionDef";
  /** `async def` when true (CPython's AsyncFunctionDef). */
  isAsync: boolean;
  name: string;
  args: Arguments;
  body: Stmt[];
  decoratorList: Expr[];
  returns: Expr | null;
}

export interface ClassDef extends Span {
  kind: "ClassDef";
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decoratorList: Expr[];
}

export interface Return extends Span {
  kind: "Return";
  value: Expr | null;
}

export interface Delete extends Span {
  kind: "Delete";
  targets: Expr[];
}

export interface Assign extends Span {
  kind: "Assign";
  /** `a = b = 1` has two targets, assigned left to right. */
  targets: Expr[];
  value: Expr;
}

export interface AugAssign extends Span {
  kind: "AugAssign";
  target: Name | Attribute | Subscript;
  op: BinOperator;
  value: Expr;
}

export interface AnnAssign extends Span {
  kind: "AnnAssign";
  target: Name | Attribute | Subscript;
  annotation: Expr;
  value: Expr | null;
  /** True for a bare name target not in parentheses. */
  simple: boolean;
}

export interface For extends Span {
  kind: "For";
  isAsync: boolean;
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface While extends Span {
  kind: "While";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface If extends Span {
  kind: "If";
  test: Expr;
  body: Stmt[];
  /** An `elif` is a single nested If here, as in CPython. */
  orelse: Stmt[];
}

export interface With extends Span {
  kind: "With";
  isAsync: boolean;
  items: WithItem[];
  body: Stmt[];
}

export interface WithItem extends Span {
  kind: "withitem";
  contextExpr: Expr;
  optionalVars: Expr | null;
}

export interface Raise extends Span {
  kind: "Raise";
  exc: Expr | null;
  cause: Expr | null;
}

export interface Try extends Span {
  kind: "Try";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface ExceptHandler extends Span {
  kind: "ExceptHandler";
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface Assert extends Span {
  kind: "Assert";
  test: Expr;
  msg: Expr | null;
}

export interface Import extends Span {
  kind: "Import";
  names: Alias[];
}

export interface ImportFrom extends Span {
  kind: "ImportFrom";
  /** null for `from . import x`. */
  module: string | null;
  names: Alias[];
  level: number;
}

export interface Alias extends Span {
  kind: "alias";
  /** Dotted name, or "*" for `from m import *`. */
  name: string;
  asname: string | null;
}

export interface Global extends Span {
  kind: "Global";
  names: string[];
}

export interface Nonlocal extends Span {
  kind: "Nonlocal";
  names: string[];
}

/** An expression statement (CPython's `Expr` statement; renamed to keep `Expr` for expressions). */
export interface ExprStmt extends Span {
  kind: "ExprStmt";
  value: Expr;
}

export interface Pass extends Span {
  kind: "Pass";
}

export interface Break extends Span {
  kind: "Break";
}

export interface Continue extends Span {
  kind: "Continue";
}

/** `match` is parsed so that the compiler can refuse it with an `unsupported` outcome. */
export interface Match extends Span {
  kind: "Match";
  subject: Expr;
  cases: MatchCase[];
}

export interface MatchCase extends Span {
  kind: "match_case";
  body: Stmt[];
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

export type ExprContext = "Load" | "Store" | "Del";

export interface BoolOp extends Span {
  kind: "BoolOp";
  op: "And" | "Or";
  /** `a or b or c` is one BoolOp with three values. */
  values: Expr[];
}

export interface NamedExpr extends Span {
  kind: "NamedExpr";
  target: Name;
  value: Expr;
}

export type BinOperator =
  | "Add"
  | "Sub"
  | "Mult"
  | "MatMult"
  | "Div"
  | "Mod"
  | "Pow"
  | "LShift"
  | "RShift"
  | "BitOr"
  | "BitXor"
  | "BitAnd"
  | "FloorDiv";

export interface BinOp extends Span {
  kind: "BinOp";
  left: Expr;
  op: BinOperator;
  right: Expr;
}

export interface UnaryOp extends Span {
  kind: "UnaryOp";
  op: "Invert" | "Not" | "UAdd" | "USub";
  operand: Expr;
}

export interface Lambda extends Span {
  kind: "Lambda";
  args: Arguments;
  body: Expr;
}

export interface IfExp extends Span {
  kind: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
}

export interface Dict extends Span {
  kind: "Dict";
  /** A null key stands for `**value` unpacking. */
  keys: (Expr | null)[];
  values: Expr[];
}

/** CPython's `Set` display (renamed so as not to shadow the JS global). */
export interface SetExpr extends Span {
  kind: "Set";
  elts: Expr[];
}

export interface Comprehension {
  kind: "comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}

export interface ListComp extends Span {
  kind: "ListComp";
  elt: Expr;
  generators: Comprehension[];
}

export interface SetComp extends Span {
  kind: "SetComp";
  elt: Expr;
  generators: Comprehension[];
}

export interface DictComp extends Span {
  kind: "DictComp";
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}

export interface GeneratorExp extends Span {
  kind: "GeneratorExp";
  elt: Expr;
  generators: Comprehension[];
}

export interface Await extends Span {
  kind: "Await";
  value: Expr;
}

export interface Yield extends Span {
  kind: "Yield";
  value: Expr | null;
}

export interface YieldFrom extends Span {
  kind: "YieldFrom";
  value: Expr;
}

export type CmpOperator = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

export interface Compare extends Span {
  kind: "Compare";
  left: Expr;
  /** `a < b < c`: ops [Lt, Lt], comparators [b, c]. */
  ops: CmpOperator[];
  comparators: Expr[];
}

export interface Call extends Span {
  kind: "Call";
  func: Expr;
  /** Positional arguments; `*x` appears as a Starred. */
  args: Expr[];
  /** Keyword arguments; `**x` appears with arg null. */
  keywords: Keyword[];
}

export interface Keyword extends Span {
  kind: "keyword";
  arg: string | null;
  value: Expr;
}

export interface FormattedValue extends Span {
  kind: "FormattedValue";
  value: Expr;
  /** -1 none, 115 's', 114 'r', 97 'a' (as CPython). */
  conversion: number;
  /** A JoinedStr, or null. */
  formatSpec: JoinedStr | null;
}

export interface JoinedStr extends Span {
  kind: "JoinedStr";
  /** Constant strings and FormattedValues. */
  values: Expr[];
}

/** A literal. Integers beyond 2**53 come as bigint; floats as FloatLiteral; complex is unsupported. */
export type ConstantValue = null | boolean | number | bigint | string | FloatLiteral | BytesLiteral | EllipsisLiteral;

/** A float literal, kept apart from ints (`1.0` is not `1`). */
export interface FloatLiteral {
  float: number;
}

export interface BytesLiteral {
  bytes: Uint8Array;
}

export interface EllipsisLiteral {
  ellipsis: true;
}

export interface Constant extends Span {
  kind: "Constant";
  value: ConstantValue;
}

export interface Attribute extends Span {
  kind: "Attribute";
  value: Expr;
  attr: string;
  ctx: ExprContext;
}

export interface Subscript extends Span {
  kind: "Subscript";
  value: Expr;
  /** A Slice, a Tuple (of slices or not), or any expression. */
  slice: Expr;
  ctx: ExprContext;
}

export interface Starred extends Span {
  kind: "Starred";
  value: Expr;
  ctx: ExprContext;
}

export interface Name extends Span {
  kind: "Name";
  id: string;
  ctx: ExprContext;
}

export interface List extends Span {
  kind: "List";
  elts: Expr[];
  ctx: ExprContext;
}

export interface Tuple extends Span {
  kind: "Tuple";
  elts: Expr[];
  ctx: ExprContext;
}

export interface Slice extends Span {
  kind: "Slice";
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

// ---------------------------------------------------------------- function signatures

export interface Arguments {
  kind: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** Parallel to kwonlyargs; null where there is no default. */
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last positional parameters (posonlyargs + args). */
  defaults: Expr[];
}

export interface Arg extends Span {
  kind: "arg";
  arg: string;
  annotation: Expr | null;
}

/** What the parser returns for source it cannot accept. */
export interface PySyntaxError extends Span {
  /** The exception class CPython raises: SyntaxError, IndentationError or TabError. */
  type: "SyntaxError" | "IndentationError" | "TabError";
  /** CPython's message, e.g. "Missing parentheses in call to 'print'. Did you mean print(...)?" */
  message: string;
  /** Not an error in Python: a construct Interleave refuses (complex literals, except*, \N{...}); the run is `unsupported`. */
  refused?: true;
}

export type ParseResult = { ok: true; module: Module } | { ok: false; error: PySyntaxError };
