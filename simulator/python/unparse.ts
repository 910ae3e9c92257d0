/**
 * Expression → source text, as CPython 3.11's Python/ast_unparse.c writes it. Used for
 * annotations under `from __future__ import annotations`, which are stored as these strings
 * (`x: list[int]` puts 'list[int]' in __annotations__).
 */
import type { Arguments, Comprehension, ConstantValue, Expr } from "./ast";

/** ast_unparse.c's precedence levels. */
const enum Pr {
  Tuple,
  Test,
  Or,
  And,
  Not,
  Cmp,
  Bor,
  Bxor,
  Band,
  Shift,
  Arith,
  Term,
  Factor,
  Power,
  Await,
  Atom,
}

const BIN: Record<string, [string, Pr]> = {
  Add: ["+", Pr.Arith],
  Sub: ["-", Pr.Arith],
  Mult: ["*", Pr.Term],
  MatMult: ["@", Pr.Term],
  Div: ["/", Pr.Term],
  Mod: ["%", Pr.Term],
  FloorDiv: ["//", Pr.Term],
  Pow: ["**", Pr.Power],
  LShift: ["<<", Pr.Shift],
  RShift: [">>", Pr.Shift],
  BitOr: ["|", Pr.Bor],
  BitXor: ["^", Pr.Bxor],
  BitAnd: ["&", Pr.Band],
};

const CMP: Record<string, string> = {
  Eq: "==",
  NotEq: "!=",
  Lt: "<",
  LtE: "<=",
  Gt: ">",
  GtE: ">=",
  Is: "is",
  IsNot: "is not",
  In: "in",
  NotIn: "not in",
};

/** The source of an annotation (_PyAST_ExprAsUnicode, which starts at the `test` level). */
export function unparseExpr(e: Expr): string {
  return unparse(e, Pr.Test);
}

function paren(cond: boolean, s: string): string {
  return cond ? `(${s})` : s;
}

function unparse(e: Expr, level: Pr): string {
  switch (e.kind) {
    case "BoolOp": {
      const pr = e.op === "And" ? Pr.And : Pr.Or;
      const word = e.op === "And" ? " and " : " or ";
      return paren(level > pr, e.values.map((v) => unparse(v, pr + 1)).join(word));
    }
    case "NamedExpr":
      return paren(level > Pr.Tuple, `${unparse(e.target, Pr.Atom)} := ${unparse(e.value, Pr.Atom)}`);
    case "BinOp": {
      const [op, pr] = BIN[e.op];
      const rassoc = e.op === "Pow";
      return paren(level > pr, `${unparse(e.left, rassoc ? pr + 1 : pr)} ${op} ${unparse(e.right, rassoc ? pr : pr + 1)}`);
    }
    case "UnaryOp": {
      if (e.op === "Not") {
        return paren(level > Pr.Not, `not ${unparse(e.operand, Pr.Not)}`);
      }
      const op = e.op === "Invert" ? "~" : e.op === "UAdd" ? "+" : "-";
      return paren(level > Pr.Factor, `${op}${unparse(e.operand, Pr.Factor)}`);
    }
    case "Lambda": {
      const args = unparseArgs(e.args);
      return paren(level > Pr.Test, `lambda${args ? " " + args : ""}: ${unparse(e.body, Pr.Test)}`);
    }
    case "IfExp":
      return paren(
        level > Pr.Test,
        `${unparse(e.body, Pr.Test + 1)} if ${unparse(e.test, Pr.Test + 1)} else ${unparse(e.orelse, Pr.Test)}`,
      );
    case "Dict":
      return `{${e.keys
        .map((k, i) => (k === null ? `**${unparse(e.values[i], Pr.Bor)}` : `${unparse(k, Pr.Test)}: ${unparse(e.values[i], Pr.Test)}`))
        .join(", ")}}`;
    case "Set":
      return e.elts.length ? `{${e.elts.map((x) => unparse(x, Pr.Test)).join(", ")}}` : "{*()}";
    case "ListComp":
      return `[${unparse(e.elt, Pr.Test)}${comprehensions(e.generators)}]`;
    case "SetComp":
      return `{${unparse(e.elt, Pr.Test)}${comprehensions(e.generators)}}`;
    case "DictComp":
      return `{${unparse(e.key, Pr.Test)}: ${unparse(e.value, Pr.Test)}${comprehensions(e.generators)}}`;
    case "GeneratorExp":
      return `(${unparse(e.elt, Pr.Test)}${comprehensions(e.generators)})`;
    case "Await":
      return paren(level > Pr.Await, `await ${unparse(e.value, Pr.Atom)}`);
    case "Yield":
      return paren(level > Pr.Tuple, e.value === null ? "yield" : `yield ${unparse(e.value, Pr.Test)}`);
    case "YieldFrom":
      return paren(level > Pr.Tuple, `yield from ${unparse(e.value, Pr.Test)}`);
    case "Compare": {
      let s = unparse(e.left, Pr.Cmp + 1);
      e.ops.forEach((op, i) => {
        s += ` ${CMP[op]} ${unparse(e.comparators[i], Pr.Cmp + 1)}`;
      });
      return paren(level > Pr.Cmp, s);
    }
    case "Call": {
      const parts = e.args.map((a) => unparse(a, Pr.Test));
      if (e.args.length === 1 && e.keywords.length === 0 && e.args[0].kind === "GeneratorExp") {
        // A lone generator argument keeps only its own parentheses.
        return `${unparse(e.func, Pr.Atom)}${parts[0]}`;
      }
      for (const k of e.keywords) {
        parts.push(k.arg === null ? `**${unparse(k.value, Pr.Test)}` : `${k.arg}=${unparse(k.value, Pr.Test)}`);
      }
      return `${unparse(e.func, Pr.Atom)}(${parts.join(", ")})`;
    }
    case "JoinedStr":
    case "FormattedValue":
      return `f${stringRepr(fstringBody(e))}`;
    case "Constant":
      return constantRepr(e.value);
    case "Attribute": {
      const v = unparse(e.value, Pr.Atom);
      // `1 .real`: an int literal needs a space before the dot.
      const sep = e.value.kind === "Constant" && typeof e.value.value === "number" ? " ." : ".";
      return `${v}${sep}${e.attr}`;
    }
    case "Subscript": {
      const s = e.slice;
      const inner =
        s.kind === "Tuple" && s.elts.length > 0
          ? s.elts.map((x) => unparse(x, Pr.Test)).join(", ") + (s.elts.length === 1 ? "," : "")
          : unparse(s, Pr.Tuple);
      return `${unparse(e.value, Pr.Atom)}[${inner}]`;
    }
    case "Starred":
      return `*${unparse(e.value, Pr.Bor)}`;
    case "Name":
      return e.id;
    case "List":
      return `[${e.elts.map((x) => unparse(x, Pr.Test)).join(", ")}]`;
    case "Tuple": {
      if (e.elts.length === 0) {
        return "()";
      }
      const body = e.elts.map((x) => unparse(x, Pr.Test)).join(", ") + (e.elts.length === 1 ? "," : "");
      return paren(level > Pr.Tuple, body);
    }
    case "Slice": {
      let s = e.lower !== null ? unparse(e.lower, Pr.Test) : "";
      s += ":";
      if (e.upper !== null) {
        s += unparse(e.upper, Pr.Test);
      }
      if (e.step !== null) {
        s += `:${unparse(e.step, Pr.Test)}`;
      }
      return s;
    }
  }
}

function comprehensions(gens: Comprehension[]): string {
  return gens
    .map(
      (g) =>
        ` ${g.isAsync ? "async " : ""}for ${unparse(g.target, Pr.Tuple)} in ${unparse(g.iter, Pr.Test + 1)}` +
        g.ifs.map((x) => ` if ${unparse(x, Pr.Test + 1)}`).join(""),
    )
    .join("");
}

function unparseArgs(a: Arguments): string {
  const parts: string[] = [];
  const positional = [...a.posonlyargs, ...a.args];
  const firstDefault = positional.length - a.defaults.length;
  positional.forEach((p, i) => {
    parts.push(i >= firstDefault ? `${p.arg}=${unparse(a.defaults[i - firstDefault], Pr.Test)}` : p.arg);
    if (a.posonlyargs.length && i === a.posonlyargs.length - 1) {
      parts.push("/");
    }
  });
  if (a.vararg !== null) {
    parts.push(`*${a.vararg.arg}`);
  } else if (a.kwonlyargs.length) {
    parts.push("*");
  }
  a.kwonlyargs.forEach((p, i) => {
    const d = a.kwDefaults[i];
    parts.push(d !== null ? `${p.arg}=${unparse(d, Pr.Test)}` : p.arg);
  });
  if (a.kwarg !== null) {
    parts.push(`**${a.kwarg.arg}`);
  }
  return parts.join(", ");
}

/** The text between the quotes of an f-string. */
function fstringBody(e: Expr): string {
  if (e.kind === "JoinedStr") {
    return e.values.map(fstringBody).join("");
  }
  if (e.kind === "Constant" && typeof e.value === "string") {
    return e.value.replace(/\{/g, "{{").replace(/\}/g, "}}");
  }
  if (e.kind === "FormattedValue") {
    const inner = unparse(e.value, Pr.Test + 1);
    const conv = e.conversion > 0 ? `!${String.fromCharCode(e.conversion)}` : "";
    const spec = e.formatSpec !== null ? `:${fstringBody(e.formatSpec)}` : "";
    return `{${inner.startsWith("{") ? " " : ""}${inner}${conv}${spec}}`;
  }
  return "";
}

/** repr() of a str: single quotes unless the text has one and no double quote. */
export function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") {
      out += "\\" + ch;
    } else if (ch === "\n") {
      out += "\\n";
    } else if (ch === "\r") {
      out += "\\r";
    } else if (ch === "\t") {
      out += "\\t";
    } else if (cp < 0x20 || cp === 0x7f) {
      out += "\\x" + cp.toString(16).padStart(2, "0");
    } else {
      out += ch;
    }
  }
  return out + quote;
}

/** repr() of a float: shortest round-trip digits, exponent form outside 1e-4 <= |v| < 1e16. */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) {
    return "nan";
  }
  if (!Number.isFinite(v)) {
    return v > 0 ? "inf" : "-inf";
  }
  if (Number.isInteger(v) && Math.abs(v) < 1e16) {
    return `${Object.is(v, -0) ? "-0" : v}.0`;
  }
  const s = Math.abs(v) >= 1e16 || Math.abs(v) < 1e-4 ? v.toExponential() : String(v);
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  return m ? `${m[1]}e${m[2]}${m[3].padStart(2, "0")}` : s;
}

function constantRepr(v: ConstantValue): string {
  if (v === null) {
    return "None";
  }
  switch (typeof v) {
    case "boolean":
      return v ? "True" : "False";
    case "number":
    case "bigint":
      return String(v);
    case "string":
      return stringRepr(v);
  }
  if ("float" in v) {
    // The unparser writes infinity as an overflowing literal.
    return Number.isFinite(v.float) ? floatRepr(v.float) : v.float > 0 ? "1e309" : "-1e309";
  }
  if ("bytes" in v) {
    let out = "b'";
    for (const b of v.bytes) {
      if (b === 0x27 || b === 0x5c) {
        out += "\\" + String.fromCharCode(b);
      } else if (b >= 0x20 && b < 0x7f) {
        out += String.fromCharCode(b);
      } else {
        out += "\\x" + b.toString(16).padStart(2, "0");
      }
    }
    return out + "'";
  }
  return "...";
}
