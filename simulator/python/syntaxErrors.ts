/**
 * The `invalid_*` rules of CPython 3.11's grammar (Grammar/python.gram, "INVALID RULES"): the
 * parser runs them only in its second pass, after the grammar proper failed, to raise the
 * specialised SyntaxError messages. Each function follows its rule's alternatives in order and
 * either raises or fails (returns null); the caller restores the mark.
 *
 * Also the helpers behind them: _PyPegen_get_expr_name and _PyPegen_get_invalid_target
 * (Parser/action_helpers.c).
 */
import type { Comprehension, Expr, PySyntaxError } from "./ast";
import type { Parser } from "./parse";
import { INDENT, KEYWORD, NAME, NEWLINE, STRING, type Token } from "./tokenize";

/** A SyntaxError on its way out of the parser. */
export class ParseError extends Error {
  constructor(
    readonly error: PySyntaxError,
    /** Raised by the tokenizer: never replaced by a later tokenizer error. */
    readonly fromTokenizer: boolean,
  ) {
    super(`${error.type}: ${error.message}`);
  }
}

/** _PyPegen_get_expr_name: how messages name an expression. */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v === null) {
        return "None";
      }
      if (v === false) {
        return "False";
      }
      if (v === true) {
        return "True";
      }
      if (typeof v === "object" && "ellipsis" in v) {
        return "ellipsis";
      }
      return "literal";
    }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "Slice":
      return "slice";
  }
}

type TargetsType = "star" | "del" | "for";

/** _PyPegen_get_invalid_target: the part of an expression that cannot be assigned (or deleted). */
export function invalidTarget(e: Expr | null, type: TargetsType): Expr | null {
  if (e === null) {
    return null;
  }
  switch (e.kind) {
    case "List":
    case "Tuple":
      for (const x of e.elts) {
        const child = invalidTarget(x, type);
        if (child !== null) {
          return child;
        }
      }
      return null;
    case "Starred":
      if (type === "del") {
        return e;
      }
      return invalidTarget(e.value, type);
    case "Compare":
      // `for a in b` parses `a in b` as a comparison: look at its left side.
      if (type === "for") {
        return e.ops[0] === "In" ? invalidTarget(e.left, type) : null;
      }
      return e;
    case "Name":
    case "Subscript":
    case "Attribute":
      return null;
    default:
      return e;
  }
}

/** RAISE_SYNTAX_ERROR_INVALID_TARGET: raise if there is an invalid target, else fail. */
function raiseInvalidTarget(p: Parser, type: TargetsType, e: Expr | null): null {
  const t = invalidTarget(e, type);
  if (t !== null) {
    const verb = type === "del" ? "delete" : "assign to";
    p.raiseAt(t, t, `cannot ${verb} ${exprName(t)}`);
  }
  return null;
}

/** _PyPegen_get_last_comprehension_item. */
function lastComprehensionItem(c: Comprehension): Expr {
  return c.ifs.length === 0 ? c.iter : c.ifs[c.ifs.length - 1];
}

/** `elem+` that leaves the mark where it was when nothing matched. */
function some<T>(p: Parser, elem: () => T | null): T[] | null {
  const out = p.repeat(elem);
  return out.length ? out : null;
}

// ---------------------------------------------------------------- arguments

export function invalidArguments(p: Parser): null {
  const m = p.mark;
  {
    // 3.11.7: ((','.(starred_expression | (assignment_expression | expression !':=') !'=')+ ',' kwargs)
    //          | kwargs) ',' b='*'   (the grammar file of 3.11.0 had `a=args ',' '*'`)
    let ok = p.gather(() => p.positionalArg(), ",") !== null && p.expectOp(",") !== null && p.kwargs() !== null;
    if (!ok) {
      p.mark = m;
      ok = p.kwargs() !== null;
    }
    if (ok && p.expectOp(",")) {
      const star = p.expectOp("*");
      if (star !== null) {
        p.raiseAt(star, star, "iterable argument unpacking follows keyword argument unpacking");
      }
    }
  }
  p.mark = m;
  {
    const a = p.expression();
    if (a !== null) {
      const b = p.forIfClauses();
      if (b !== null && p.expectOp(",")) {
        const m2 = p.mark;
        if (p.args() === null) {
          p.mark = m2;
          if (!(p.expression() !== null && p.forIfClauses() !== null)) {
            p.mark = m2;
          }
        }
        p.raiseAt(a, lastComprehensionItem(b[b.length - 1]), "Generator expression must be parenthesized");
      }
    }
  }
  p.mark = m;
  {
    const a = p.expectName();
    const b = a && p.expectOp("=");
    if (a !== null && b && p.expression() !== null && p.forIfClauses() !== null) {
      p.raiseAt(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
  }
  p.mark = m;
  {
    const a = p.args();
    if (a !== null) {
      const b = p.forIfClauses();
      if (b !== null && a.args.length > 1) {
        p.raiseAt(a.args[a.args.length - 1], lastComprehensionItem(b[b.length - 1]), "Generator expression must be parenthesized");
      }
    }
  }
  p.mark = m;
  if (p.args() !== null && p.expectOp(",")) {
    const a = p.expression();
    if (a !== null) {
      const b = p.forIfClauses();
      if (b !== null) {
        p.raiseAt(a, lastComprehensionItem(b[b.length - 1]), "Generator expression must be parenthesized");
      }
    }
  }
  p.mark = m;
  {
    const a = p.args();
    if (a !== null && p.expectOp(",") && p.args() !== null) {
      const unpacking = a.keywords.some((k) => k.arg === null);
      p.raiseError(unpacking ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
    }
  }
  p.mark = m;
  return null;
}

export function invalidKwarg(p: Parser): null {
  const m = p.mark;
  const t = p.peek();
  if (t.type === KEYWORD && (t.str === "True" || t.str === "False" || t.str === "None")) {
    p.mark++;
    const b = p.expectOp("=");
    if (b !== null) {
      p.raiseAt(t, b, `cannot assign to ${t.str}`);
    }
  }
  p.mark = m;
  {
    const a = p.expectName();
    const b = a && p.expectOp("=");
    if (a !== null && b && p.expression() !== null && p.forIfClauses() !== null) {
      p.raiseAt(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
  }
  p.mark = m;
  const nameEq = p.ahead(() => p.expectName() !== null && p.expectOp("=") !== null);
  if (!nameEq) {
    const a = p.expression();
    if (a !== null) {
      const b = p.expectOp("=");
      if (b !== null) {
        p.raiseAt(a, b, 'expression cannot contain assignment, perhaps you meant "=="?');
      }
    }
  }
  p.mark = m;
  return null;
}

// ---------------------------------------------------------------- expressions

function isLegacy(e: Expr): boolean {
  return e.kind === "Name" && (e.id === "print" || e.id === "exec");
}

export function invalidLegacyExpression(p: Parser): null {
  const m = p.mark;
  const t = p.expectName();
  if (t !== null && !p.lookOp("(")) {
    const b = p.starExpressions();
    if (b !== null && (t.str === "print" || t.str === "exec")) {
      p.raiseAt(t, b, `Missing parentheses in call to '${t.str}'. Did you mean ${t.str}(...)?`);
    }
  }
  p.mark = m;
  return null;
}

export function invalidExpression(p: Parser): null {
  const m = p.mark;
  // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
  const blocked = p.ahead(() => {
    const t = p.peek();
    if (p.isSoftKeyword(t)) {
      return true;
    }
    return p.expectName() !== null && p.peek().type === STRING;
  });
  if (!blocked) {
    const a = p.disjunction();
    if (a !== null) {
      const b = p.expressionWithoutInvalid();
      if (b !== null && !isLegacy(a) && p.tokens[p.mark - 1].level !== 0) {
        p.raiseAt(a, b, "invalid syntax. Perhaps you forgot a comma?");
      }
    }
  }
  p.mark = m;
  // a=disjunction 'if' b=disjunction !('else'|':')
  const a = p.disjunction();
  if (a !== null && p.expectKw("if")) {
    const b = p.disjunction();
    if (b !== null && !p.lookKw("else") && !p.lookOp(":")) {
      p.raiseAt(a, b, "expected 'else' after 'if' expression");
    }
  }
  p.mark = m;
  return null;
}

export function invalidNamedExpression(p: Parser): null {
  const m = p.mark;
  {
    const a = p.expression();
    if (a !== null && p.expectOp(":=") && p.expression() !== null) {
      p.raiseAt(a, a, `cannot use assignment expressions with ${exprName(a)}`);
    }
  }
  p.mark = m;
  {
    const a = p.expectName();
    if (a !== null && p.expectOp("=")) {
      const b = p.bitwiseOr();
      if (b !== null && !p.lookOp("=") && !p.lookOp(":=")) {
        p.raiseAt(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
    }
  }
  p.mark = m;
  const excluded = p.ahead(() => {
    const t = p.peek();
    if (t.type === KEYWORD && (t.str === "True" || t.str === "None" || t.str === "False")) {
      return true;
    }
    return p.listRule() !== null || p.tupleRule() !== null || p.genexp() !== null;
  });
  if (!excluded) {
    const a = p.bitwiseOr();
    if (a !== null && p.expectOp("=") && p.bitwiseOr() !== null && !p.lookOp("=") && !p.lookOp(":=")) {
      p.raiseAt(a, a, `cannot assign to ${exprName(a)} here. Maybe you meant '==' instead of '='?`);
    }
  }
  p.mark = m;
  return null;
}

/** invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
function invalidAnnAssignTarget(p: Parser): Expr | null {
  const m = p.mark;
  const a = p.listRule() ?? p.tupleRule();
  if (a !== null) {
    return a;
  }
  if (p.expectOp("(")) {
    const b = invalidAnnAssignTarget(p);
    if (b !== null && p.expectOp(")")) {
      return b;
    }
  }
  p.mark = m;
  return null;
}

export function invalidAssignment(p: Parser): null {
  const m = p.mark;
  {
    const a = invalidAnnAssignTarget(p);
    if (a !== null && p.expectOp(":") && p.expression() !== null) {
      p.raiseAt(a, a, `only single target (not ${exprName(a)}) can be annotated`);
    }
  }
  p.mark = m;
  {
    const a = p.starNamedExpression();
    if (a !== null && p.expectOp(",")) {
      p.repeat(() => p.starNamedExpressions());
      if (p.expectOp(":") && p.expression() !== null) {
        p.raiseAt(a, a, "only single target (not tuple) can be annotated");
      }
    }
  }
  p.mark = m;
  {
    const a = p.expression();
    if (a !== null && p.expectOp(":") && p.expression() !== null) {
      p.raiseAt(a, a, "illegal target for annotation");
    }
  }
  p.mark = m;
  const skipTargets = (): void => {
    for (;;) {
      const mm = p.mark;
      if (p.starTargets() !== null && p.expectOp("=")) {
        continue;
      }
      p.mark = mm;
      return;
    }
  };
  skipTargets();
  {
    const a = p.starExpressions();
    if (a !== null && p.expectOp("=")) {
      raiseInvalidTarget(p, "star", a);
    }
  }
  p.mark = m;
  skipTargets();
  {
    const a = p.yieldExpr();
    if (a !== null && p.expectOp("=")) {
      p.raiseAt(a, a, "assignment to yield expression not possible");
    }
  }
  p.mark = m;
  {
    const a = p.starExpressions();
    if (a !== null && p.isAugassign()) {
      p.mark++;
      if (p.yieldExpr() !== null || p.starExpressions() !== null) {
        p.raiseAt(a, a, `'${exprName(a)}' is an illegal expression for augmented assignment`);
      }
    }
  }
  p.mark = m;
  return null;
}

export function invalidDelStmt(p: Parser): null {
  const m = p.mark;
  if (p.expectKw("del")) {
    const a = p.starExpressions();
    if (a !== null) {
      raiseInvalidTarget(p, "del", a);
    }
  }
  p.mark = m;
  return null;
}

export function invalidBlock(p: Parser): null {
  const m = p.mark;
  if (p.expectType(NEWLINE) && !p.lookType(INDENT)) {
    p.raiseError("expected an indented block", "IndentationError");
  }
  p.mark = m;
  return null;
}

export function invalidComprehension(p: Parser): null {
  const m = p.mark;
  const open = (brackets: string[]): boolean => brackets.some((b) => p.expectOp(b) !== null);
  if (open(["[", "(", "{"])) {
    const a = p.starredExpression();
    if (a !== null && p.forIfClauses() !== null) {
      p.raiseAt(a, a, "iterable unpacking cannot be used in comprehension");
    }
  }
  p.mark = m;
  if (open(["[", "{"])) {
    const a = p.starNamedExpression();
    if (a !== null && p.expectOp(",")) {
      const b = p.starNamedExpressions();
      if (b !== null && p.forIfClauses() !== null) {
        p.raiseAt(a, b[b.length - 1], "did you forget parentheses around the comprehension target?");
      }
    }
  }
  p.mark = m;
  if (open(["[", "{"])) {
    const a = p.starNamedExpression();
    const b = a && p.expectOp(",");
    if (a !== null && b && p.forIfClauses() !== null) {
      p.raiseAt(a, b, "did you forget parentheses around the comprehension target?");
    }
  }
  p.mark = m;
  return null;
}

export function invalidDictComprehension(p: Parser): null {
  const m = p.mark;
  if (p.expectOp("{")) {
    const a = p.expectOp("**");
    if (a !== null && p.bitwiseOr() !== null && p.forIfClauses() !== null && p.expectOp("}")) {
      p.raiseAt(a, a, "dict unpacking cannot be used in dict comprehension");
    }
  }
  p.mark = m;
  return null;
}

// ---------------------------------------------------------------- parameters

export function invalidParameters(p: Parser): null {
  return invalidParams(p, false);
}

export function invalidLambdaParameters(p: Parser): null {
  return invalidParams(p, true);
}

/** invalid_parameters / invalid_lambda_parameters. */
function invalidParams(p: Parser, lambda: boolean): null {
  const m = p.mark;
  const noDefault = (): unknown => p.paramNoDefault(lambda);
  const maybeDefault = (): unknown => p.paramMaybeDefault(lambda);
  // param_no_default* invalid_parameters_helper a=param_no_default
  p.repeat(noDefault);
  if (p.slashWithDefault(lambda) !== null || some(p, () => p.paramWithDefault(lambda)) !== null) {
    const a = p.paramNoDefault(lambda);
    if (a !== null) {
      p.raiseAt(a, a, "non-default argument follows default argument");
    }
  }
  p.mark = m;
  // param_no_default* a='(' param_no_default+ ','? b=')'
  p.repeat(noDefault);
  {
    const a = p.expectOp("(");
    if (a !== null) {
      const items = lambda ? p.gather(() => p.param(true), ",") : some(p, noDefault);
      if (items !== null) {
        p.expectOp(",");
        const b = p.expectOp(")");
        if (b !== null) {
          p.raiseAt(a, b, lambda ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized");
        }
      }
    }
  }
  p.mark = m;
  {
    const a = p.expectOp("/");
    if (a !== null && p.expectOp(",")) {
      p.raiseAt(a, a, "at least one argument must precede /");
    }
  }
  p.mark = m;
  if (p.slashNoDefault(lambda) !== null || p.slashWithDefault(lambda) !== null) {
    p.repeat(maybeDefault);
    const a = p.expectOp("/");
    if (a !== null) {
      p.raiseAt(a, a, "/ may appear only once");
    }
  }
  p.mark = m;
  {
    const m2 = p.mark;
    if (p.slashNoDefault(lambda) === null && p.slashWithDefault(lambda) === null) {
      p.mark = m2;
    }
    p.repeat(maybeDefault);
    if (p.expectOp("*") && (p.expectOp(",") !== null || p.paramNoDefault(lambda) !== null)) {
      p.repeat(maybeDefault);
      const a = p.expectOp("/");
      if (a !== null) {
        p.raiseAt(a, a, "/ must be ahead of *");
      }
    }
  }
  p.mark = m;
  if (some(p, maybeDefault) !== null && p.expectOp("/")) {
    const a = p.expectOp("*");
    if (a !== null) {
      p.raiseAt(a, a, "expected comma between / and *");
    }
  }
  p.mark = m;
  return null;
}

export function invalidDefault(p: Parser): null {
  const m = p.mark;
  const a = p.expectOp("=");
  if (a !== null && (p.lookOp(")") || p.lookOp(","))) {
    p.raiseAt(a, a, "expected default value expression");
  }
  p.mark = m;
  return null;
}

export function invalidStarEtc(p: Parser): null {
  const m = p.mark;
  {
    const a = p.expectOp("*");
    if (a !== null && (p.expectOp(")") || (p.expectOp(",") && (p.expectOp(")") || p.expectOp("**"))))) {
      p.raiseAt(a, a, "named arguments must follow bare *");
    }
  }
  p.mark = m;
  if (p.expectOp("*") && p.param() !== null) {
    const a = p.expectOp("=");
    if (a !== null) {
      p.raiseAt(a, a, "var-positional argument cannot have default value");
    }
  }
  p.mark = m;
  starTwice(p, false);
  p.mark = m;
  return null;
}

export function invalidLambdaStarEtc(p: Parser): null {
  const m = p.mark;
  if (p.expectOp("*") && (p.expectOp(":") || (p.expectOp(",") && (p.expectOp(":") || p.expectOp("**"))))) {
    p.raiseError("named arguments must follow bare *");
  }
  p.mark = m;
  if (p.expectOp("*") && p.param(true) !== null) {
    const a = p.expectOp("=");
    if (a !== null) {
      p.raiseAt(a, a, "var-positional argument cannot have default value");
    }
  }
  p.mark = m;
  starTwice(p, true);
  p.mark = m;
  return null;
}

/** '*' (param_no_default | ',') param_maybe_default* a='*' (param_no_default | ',') */
function starTwice(p: Parser, lambda: boolean): void {
  if (p.expectOp("*") && (p.paramNoDefault(lambda) !== null || p.expectOp(",") !== null)) {
    p.repeat(() => p.paramMaybeDefault(lambda));
    const a = p.expectOp("*");
    if (a !== null && (p.paramNoDefault(lambda) !== null || p.expectOp(",") !== null)) {
      p.raiseAt(a, a, "* argument may appear only once");
    }
  }
}

export function invalidKwds(p: Parser, lambda: boolean): null {
  const m = p.mark;
  if (p.expectOp("**") && p.param(lambda) !== null) {
    const a = p.expectOp("=");
    if (a !== null) {
      p.raiseAt(a, a, "var-keyword argument cannot have default value");
    }
  }
  p.mark = m;
  if (p.expectOp("**") && p.param(lambda) !== null && p.expectOp(",")) {
    const a = p.param(lambda);
    if (a !== null) {
      p.raiseAt(a, a, "arguments cannot follow var-keyword argument");
    }
  }
  p.mark = m;
  if (p.expectOp("**") && p.param(lambda) !== null && p.expectOp(",")) {
    const a = p.expectOp("*") ?? p.expectOp("**") ?? p.expectOp("/");
    if (a !== null) {
      p.raiseAt(a, a, "arguments cannot follow var-keyword argument");
    }
  }
  p.mark = m;
  return null;
}

// ---------------------------------------------------------------- targets and groups

export function invalidWithItem(p: Parser): null {
  const m = p.mark;
  if (p.expression() !== null && p.expectKw("as")) {
    const a = p.expression();
    if (a !== null && (p.lookOp(",") || p.lookOp(")") || p.lookOp(":"))) {
      raiseInvalidTarget(p, "star", a);
    }
  }
  p.mark = m;
  return null;
}

export function invalidForTarget(p: Parser): null {
  const m = p.mark;
  p.expectKw("async");
  if (p.expectKw("for")) {
    const a = p.starExpressions();
    if (a !== null) {
      raiseInvalidTarget(p, "for", a);
    }
  }
  p.mark = m;
  return null;
}

export function invalidGroup(p: Parser): null {
  const m = p.mark;
  if (p.expectOp("(")) {
    const a = p.starredExpression();
    if (a !== null && p.expectOp(")")) {
      p.raiseAt(a, a, "cannot use starred expression here");
    }
  }
  p.mark = m;
  if (p.expectOp("(")) {
    const a = p.expectOp("**");
    if (a !== null && p.expression() !== null && p.expectOp(")")) {
      p.raiseAt(a, a, "cannot use double starred expression here");
    }
  }
  p.mark = m;
  return null;
}

export function invalidImportFromTargets(p: Parser): null {
  const m = p.mark;
  if (p.importFromAsNames() !== null && p.expectOp(",") && p.expectType(NEWLINE)) {
    p.raiseError("trailing comma not allowed without surrounding parentheses");
  }
  p.mark = m;
  return null;
}

// ---------------------------------------------------------------- compound statements

/** An indented block must follow: raise "expected an indented block after ...". */
function expectIndent(p: Parser, what: string, line: number): void {
  if (p.expectOp(":") && p.expectType(NEWLINE) && !p.lookType(INDENT)) {
    p.raiseError(`expected an indented block after ${what} on line ${line}`, "IndentationError");
  }
}

/** ','.(expression ['as' star_target])+ (or `expressions` inside the parentheses). */
function withItems(p: Parser, parenthesized: boolean): boolean {
  const items = p.gather(() => {
    const e = parenthesized ? p.expressions() : p.expression();
    if (e === null) {
      return null;
    }
    const m = p.mark;
    if (!(p.expectKw("as") && p.starTarget() !== null)) {
      p.mark = m;
    }
    return e;
  }, ",");
  return items !== null;
}

export function invalidWithStmt(p: Parser): null {
  const m = p.mark;
  p.expectKw("async");
  if (p.expectKw("with") && withItems(p, false) && p.expectType(NEWLINE)) {
    p.raiseError("expected ':'");
  }
  p.mark = m;
  p.expectKw("async");
  if (p.expectKw("with") && p.expectOp("(") && withItems(p, true)) {
    p.expectOp(",");
    if (p.expectOp(")") && p.expectType(NEWLINE)) {
      p.raiseError("expected ':'");
    }
  }
  p.mark = m;
  return null;
}

export function invalidWithStmtIndent(p: Parser): null {
  const m = p.mark;
  p.expectKw("async");
  let a = p.expectKw("with");
  if (a !== null && withItems(p, false)) {
    expectIndent(p, "'with' statement", a.line);
  }
  p.mark = m;
  p.expectKw("async");
  a = p.expectKw("with");
  if (a !== null && p.expectOp("(") && withItems(p, true)) {
    p.expectOp(",");
    if (p.expectOp(")")) {
      expectIndent(p, "'with' statement", a.line);
    }
  }
  p.mark = m;
  return null;
}

export function invalidTryStmt(p: Parser): null {
  const m = p.mark;
  const a = p.expectKw("try");
  if (a !== null && p.expectOp(":") && p.expectType(NEWLINE) && !p.lookType(INDENT)) {
    p.raiseError(`expected an indented block after 'try' statement on line ${a.line}`, "IndentationError");
  }
  p.mark = m;
  if (p.expectKw("try") && p.expectOp(":") && p.block() !== null && !p.lookKw("except") && !p.lookKw("finally")) {
    p.raiseError("expected 'except' or 'finally' block");
  }
  p.mark = m;
  if (p.expectKw("try") && p.expectOp(":")) {
    p.repeat(() => p.block());
    if (some(p, () => p.exceptBlock()) !== null) {
      const e = p.expectKw("except");
      const b = e && p.expectOp("*");
      if (e !== null && b && p.expression() !== null) {
        optAsName(p);
        if (p.expectOp(":")) {
          p.raiseAt(e, b, "cannot have both 'except' and 'except*' on the same 'try'");
        }
      }
    }
  }
  p.mark = m;
  if (p.expectKw("try") && p.expectOp(":")) {
    p.repeat(() => p.block());
    if (some(p, () => p.exceptStarBlock()) !== null) {
      const e = p.expectKw("except");
      if (e !== null) {
        const m2 = p.mark;
        if (p.expression() !== null) {
          optAsName(p);
        } else {
          p.mark = m2;
        }
        if (p.expectOp(":")) {
          p.raiseAt(e, e, "cannot have both 'except' and 'except*' on the same 'try'");
        }
      }
    }
  }
  p.mark = m;
  return null;
}

function optAsName(p: Parser): void {
  const m = p.mark;
  if (!(p.expectKw("as") && p.expectName())) {
    p.mark = m;
  }
}

export function invalidExceptStmt(p: Parser): null {
  const m = p.mark;
  if (p.expectKw("except")) {
    p.expectOp("*");
    const a = p.expression();
    if (a !== null && p.expectOp(",") && p.expressions() !== null) {
      optAsName(p);
      if (p.expectOp(":")) {
        p.raiseFrom(a, "multiple exception types must be parenthesized");
      }
    }
  }
  p.mark = m;
  if (p.expectKw("except")) {
    p.expectOp("*");
    if (p.expression() !== null) {
      optAsName(p);
      if (p.expectType(NEWLINE)) {
        p.raiseError("expected ':'");
      }
    }
  }
  p.mark = m;
  if (p.expectKw("except") && p.expectType(NEWLINE)) {
    p.raiseError("expected ':'");
  }
  p.mark = m;
  if (p.expectKw("except") && p.expectOp("*") && (p.expectType(NEWLINE) || p.expectOp(":"))) {
    p.raiseError("expected one or more exception types");
  }
  p.mark = m;
  return null;
}

export function invalidFinallyStmt(p: Parser): null {
  const m = p.mark;
  const a = p.expectKw("finally");
  if (a !== null) {
    expectIndent(p, "'finally' statement", a.line);
  }
  p.mark = m;
  return null;
}

export function invalidExceptStmtIndent(p: Parser): null {
  const m = p.mark;
  let a = p.expectKw("except");
  if (a !== null && p.expression() !== null) {
    optAsName(p);
    expectIndent(p, "'except' statement", a.line);
  }
  p.mark = m;
  a = p.expectKw("except");
  if (a !== null) {
    expectIndent(p, "'except' statement", a.line);
  }
  p.mark = m;
  return null;
}

export function invalidExceptStarStmtIndent(p: Parser): null {
  const m = p.mark;
  const a = p.expectKw("except");
  if (a !== null && p.expectOp("*") && p.expression() !== null) {
    optAsName(p);
    expectIndent(p, "'except*' statement", a.line);
  }
  p.mark = m;
  return null;
}

export function invalidMatchStmt(p: Parser): null {
  const m = p.mark;
  if (p.expectSoft("match") && p.subjectExpr() !== null && p.expectType(NEWLINE)) {
    p.raiseError("expected ':'");
  }
  p.mark = m;
  const a = p.expectSoft("match");
  if (a !== null && p.subjectExpr() !== null) {
    expectIndent(p, "'match' statement", a.line);
  }
  p.mark = m;
  return null;
}

export function invalidCaseBlock(p: Parser): null {
  const m = p.mark;
  if (p.expectSoft("case") && p.patterns() !== null) {
    p.guard();
    if (p.expectType(NEWLINE)) {
      p.raiseError("expected ':'");
    }
  }
  p.mark = m;
  const a = p.expectSoft("case");
  if (a !== null && p.patterns() !== null) {
    p.guard();
    expectIndent(p, "'case' statement", a.line);
  }
  p.mark = m;
  return null;
}

export function invalidAsPattern(p: Parser): null {
  const m = p.mark;
  if (p.orPattern() !== null && p.expectKw("as")) {
    const a = p.expectSoft("_");
    if (a !== null) {
      p.raiseAt(a, a, "cannot use '_' as a target");
    }
  }
  p.mark = m;
  if (p.orPattern() !== null && p.expectKw("as") && !p.lookType(NAME)) {
    const a = p.expression();
    if (a !== null) {
      p.raiseAt(a, a, "invalid pattern target");
    }
  }
  p.mark = m;
  return null;
}

export function invalidClassPattern(p: Parser): null {
  const m = p.mark;
  if (p.nameOrAttr() && p.expectOp("(")) {
    // [positional_patterns ','] keyword_patterns ',' a=positional_patterns
    const m2 = p.mark;
    if (!(p.positionalPatterns() !== null && p.expectOp(","))) {
      p.mark = m2;
    }
    if (p.keywordPatterns() !== null && p.expectOp(",")) {
      const a = p.positionalPatterns();
      if (a !== null) {
        p.raiseAt(a[0], a[a.length - 1], "positional patterns follow keyword patterns");
      }
    }
  }
  p.mark = m;
  return null;
}

/** invalid_if_stmt / invalid_elif_stmt. */
export function invalidIfStmt(p: Parser, kw: "if" | "elif"): null {
  const m = p.mark;
  if (p.expectKw(kw) && p.namedExpression() !== null && p.expectType(NEWLINE)) {
    p.raiseError("expected ':'");
  }
  p.mark = m;
  const a = p.expectKw(kw);
  if (a !== null && p.namedExpression() !== null) {
    expectIndent(p, `'${kw}' statement`, a.line);
  }
  p.mark = m;
  return null;
}

export function invalidElseStmt(p: Parser): null {
  const m = p.mark;
  const a = p.expectKw("else");
  if (a !== null) {
    expectIndent(p, "'else' statement", a.line);
  }
  p.mark = m;
  return null;
}

export function invalidWhileStmt(p: Parser): null {
  const m = p.mark;
  if (p.expectKw("while") && p.namedExpression() !== null && p.expectType(NEWLINE)) {
    p.raiseError("expected ':'");
  }
  p.mark = m;
  const a = p.expectKw("while");
  if (a !== null && p.namedExpression() !== null) {
    expectIndent(p, "'while' statement", a.line);
  }
  p.mark = m;
  return null;
}

export function invalidForStmt(p: Parser): null {
  const m = p.mark;
  p.expectKw("async");
  if (p.expectKw("for") && p.starTargets() !== null && p.expectKw("in") && p.starExpressions() !== null && p.expectType(NEWLINE)) {
    p.raiseError("expected ':'");
  }
  p.mark = m;
  p.expectKw("async");
  const a = p.expectKw("for");
  if (a !== null && p.starTargets() !== null && p.expectKw("in") && p.starExpressions() !== null) {
    expectIndent(p, "'for' statement", a.line);
  }
  p.mark = m;
  return null;
}

export function invalidDefRaw(p: Parser): null {
  const m = p.mark;
  p.expectKw("async");
  const a = p.expectKw("def");
  if (a !== null && p.expectName() && p.expectOp("(")) {
    p.params();
    if (p.expectOp(")")) {
      const m2 = p.mark;
      if (!(p.expectOp("->") && p.expression() !== null)) {
        p.mark = m2;
      }
      expectIndent(p, "function definition", a.line);
    }
  }
  p.mark = m;
  return null;
}

export function invalidClassDefRaw(p: Parser): null {
  const m = p.mark;
  const classHead = (): Token | null => {
    const a = p.expectKw("class");
    if (a === null || p.expectName() === null) {
      return null;
    }
    const m2 = p.mark;
    if (p.expectOp("(")) {
      p.arguments();
      if (p.expectOp(")")) {
        return a;
      }
    }
    p.mark = m2;
    return a;
  };
  if (classHead() !== null && p.expectType(NEWLINE)) {
    p.raiseError("expected ':'");
  }
  p.mark = m;
  const a = classHead();
  if (a !== null) {
    expectIndent(p, "class definition", a.line);
  }
  p.mark = m;
  return null;
}

// ---------------------------------------------------------------- dict displays

export function invalidDoubleStarredKvpairs(p: Parser): null {
  const m = p.mark;
  if (p.gather(() => p.doubleStarredKvpair(), ",") !== null && p.expectOp(",")) {
    invalidKvpair(p);
  }
  p.mark = m;
  starredDictValue(p);
  p.mark = m;
  missingDictValue(p);
  p.mark = m;
  return null;
}

function starredDictValue(p: Parser): void {
  if (p.expression() !== null && p.expectOp(":")) {
    const a = p.expectOp("*");
    if (a !== null && p.bitwiseOr() !== null) {
      p.raiseFrom(a, "cannot use a starred expression in a dictionary value");
    }
  }
}

function missingDictValue(p: Parser): void {
  if (p.expression() !== null) {
    const a = p.expectOp(":");
    if (a !== null && (p.lookOp("}") || p.lookOp(","))) {
      p.raiseAt(a, a, "expression expected after dictionary key and ':'");
    }
  }
}

function invalidKvpair(p: Parser): void {
  const m = p.mark;
  const a = p.expression();
  if (a !== null && !p.lookOp(":")) {
    // RAISE_ERROR_KNOWN_LOCATION(p, SyntaxError, a->lineno, a->end_col_offset - 1, a->end_lineno, -1, ...)
    throw p.makeError(a.line, a.endCol - 1, a.endLine, -1, "':' expected after dictionary key");
  }
  p.mark = m;
  starredDictValue(p);
  p.mark = m;
  missingDictValue(p);
  p.mark = m;
}

