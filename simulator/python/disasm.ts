/**
 * A disassembler in the manner of CPython's `dis`: one line per instruction with its source
 * line, index, name, argument and what the argument means, `>>` before jump targets, then
 * each nested code object. For debugging the compiler and for tests.
 */
import { CodeFlag, type CodeObject, type Const } from "./code";
import { JUMP_OPS } from "./codeBuilder";
import { floatRepr, stringRepr } from "./unparse";
import { BinaryOp, CompareOp, Op, UnaryOp, opNames } from "./opcodes";

export interface DisassembleOptions {
  /** Append each instruction's full span (line:col-endLine:endCol). */
  positions?: boolean;
}

/** Disassembles `code` and, after it, every code object among its constants, recursively. */
export function disassemble(code: CodeObject, options: DisassembleOptions = {}): string {
  const out: string[] = [];
  const queue: CodeObject[] = [code];
  for (let i = 0; i < queue.length; i++) {
    const co = queue[i];
    if (i > 0) {
      out.push("");
      out.push(`Disassembly of ${codeRepr(co)}:`);
    }
    out.push(...disassembleOne(co, options));
    for (const k of co.consts) {
      if (isCode(k)) {
        queue.push(k);
      }
    }
  }
  return out.join("\n") + "\n";
}

function isCode(k: Const): k is CodeObject {
  return k !== null && typeof k === "object" && "kind" in k && k.kind === "code";
}

function codeRepr(co: CodeObject): string {
  return `<code object ${co.name}, file "${co.filename}", line ${co.firstLine}>`;
}

/** A one-line summary of a code object's header: the parts of `dis.code_info` worth reading. */
function header(co: CodeObject): string {
  const flags: string[] = [];
  const names: [number, string][] = [
    [CodeFlag.VarArgs, "VARARGS"],
    [CodeFlag.VarKeywords, "VARKEYWORDS"],
    [CodeFlag.Generator, "GENERATOR"],
    [CodeFlag.Coroutine, "COROUTINE"],
    [CodeFlag.AsyncGenerator, "ASYNC_GENERATOR"],
  ];
  for (const [bit, name] of names) {
    if (co.flags & bit) {
      flags.push(name);
    }
  }
  const parts = [`# ${co.qualname}`, `args=${co.argcount}`];
  if (co.posonlyargcount) {
    parts.push(`posonly=${co.posonlyargcount}`);
  }
  if (co.kwonlyargcount) {
    parts.push(`kwonly=${co.kwonlyargcount}`);
  }
  if (flags.length) {
    parts.push(`flags=${flags.join("|")}`);
  }
  if (co.varnames.length) {
    parts.push(`varnames=(${co.varnames.join(", ")})`);
  }
  if (co.cellvars.length) {
    parts.push(`cellvars=(${co.cellvars.join(", ")})`);
  }
  if (co.freevars.length) {
    parts.push(`freevars=(${co.freevars.join(", ")})`);
  }
  return parts.join(" ");
}

/** One instruction, decoded: its name, argument, and what the argument means (a name, a constant's repr, a jump target...). */
export interface Instruction {
  op: Op;
  name: string;
  arg: number;
  argRepr: string;
}

/** The instructions of one code object (not of the nested ones). */
export function instructionsOf(co: CodeObject): Instruction[] {
  const out: Instruction[] = [];
  for (let i = 0; i < co.code.length >> 1; i++) {
    const op = co.code[2 * i] as Op;
    const arg = co.code[2 * i + 1];
    out.push({ op, name: opNames[op] ?? `<${op}>`, arg, argRepr: argRepr(co, op, arg) });
  }
  return out;
}

function disassembleOne(co: CodeObject, options: DisassembleOptions): string[] {
  const lines = [header(co)];
  const n = co.code.length >> 1;
  const targets = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (JUMP_OPS.has(co.code[2 * i] as Op)) {
      targets.add(co.code[2 * i + 1]);
    }
  }
  let lastLine = -1;
  instructionsOf(co).forEach(({ name: opName, arg, argRepr: meaning }, i) => {
    const line = co.positions[4 * i];
    const lineCol = line !== lastLine ? String(line).padStart(4) : "    ";
    lastLine = line;
    const mark = targets.has(i) ? ">>" : "  ";
    const name = opName.padEnd(22);
    let text = `${lineCol} ${mark}${String(i).padStart(5)} ${name}${String(arg).padStart(4)}${meaning ? ` (${meaning})` : ""}`;
    if (options.positions) {
      const p = co.positions;
      text = `${text.padEnd(72)} ${p[4 * i]}:${p[4 * i + 1]}-${p[4 * i + 2]}:${p[4 * i + 3]}`;
    }
    lines.push(text);
  });
  return lines;
}

const BINARY_SYMBOLS: Record<number, string> = {
  [BinaryOp.Add]: "+",
  [BinaryOp.Sub]: "-",
  [BinaryOp.Mul]: "*",
  [BinaryOp.MatMul]: "@",
  [BinaryOp.TrueDiv]: "/",
  [BinaryOp.Mod]: "%",
  [BinaryOp.Pow]: "**",
  [BinaryOp.LShift]: "<<",
  [BinaryOp.RShift]: ">>",
  [BinaryOp.Or]: "|",
  [BinaryOp.Xor]: "^",
  [BinaryOp.And]: "&",
  [BinaryOp.FloorDiv]: "//",
};

const COMPARE_SYMBOLS: Record<number, string> = {
  [CompareOp.Lt]: "<",
  [CompareOp.Le]: "<=",
  [CompareOp.Eq]: "==",
  [CompareOp.Ne]: "!=",
  [CompareOp.Gt]: ">",
  [CompareOp.Ge]: ">=",
  [CompareOp.In]: "in",
  [CompareOp.NotIn]: "not in",
  [CompareOp.Is]: "is",
  [CompareOp.IsNot]: "is not",
};

const UNARY_SYMBOLS: Record<number, string> = {
  [UnaryOp.Neg]: "-",
  [UnaryOp.Pos]: "+",
  [UnaryOp.Invert]: "~",
  [UnaryOp.Not]: "not",
};

function argRepr(co: CodeObject, op: Op, arg: number): string {
  if (JUMP_OPS.has(op)) {
    return `to ${arg}`;
  }
  switch (op) {
    case Op.LOAD_CONST:
      return constRepr(co.consts[arg]);
    case Op.LOAD_FAST:
    case Op.STORE_FAST:
    case Op.DELETE_FAST:
      return co.varnames[arg] ?? "?";
    case Op.LOAD_DEREF:
    case Op.STORE_DEREF:
    case Op.DELETE_DEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF:
      return (arg < co.cellvars.length ? co.cellvars[arg] : co.freevars[arg - co.cellvars.length]) ?? "?";
    case Op.LOAD_NAME:
    case Op.STORE_NAME:
    case Op.DELETE_NAME:
    case Op.LOAD_GLOBAL:
    case Op.STORE_GLOBAL:
    case Op.DELETE_GLOBAL:
    case Op.LOAD_ATTR:
    case Op.STORE_ATTR:
    case Op.DELETE_ATTR:
    case Op.LOAD_METHOD:
    case Op.IMPORT_NAME:
    case Op.IMPORT_FROM:
      return co.names[arg] ?? "?";
    case Op.BINARY:
      return BINARY_SYMBOLS[arg] ?? "?";
    case Op.INPLACE:
      return `${BINARY_SYMBOLS[arg] ?? "?"}=`;
    case Op.COMPARE:
      return COMPARE_SYMBOLS[arg] ?? "?";
    case Op.UNARY:
      return UNARY_SYMBOLS[arg] ?? "?";
    case Op.FORMAT_VALUE: {
      const parts = [["", "str", "repr", "ascii"][arg & 3]].filter((x) => x);
      if (arg & 4) {
        parts.push("with format");
      }
      return parts.join(", ");
    }
    case Op.MAKE_FUNCTION: {
      const parts: string[] = [];
      if (arg & 1) {
        parts.push("defaults");
      }
      if (arg & 2) {
        parts.push("kwdefaults");
      }
      if (arg & 8) {
        parts.push("closure");
      }
      return parts.join(", ");
    }
    case Op.UNPACK_EX:
      return `${arg & 0xff}, ${arg >> 8}`;
    default:
      return "";
  }
}

/** Python's repr of a constant (code objects as dis shows them). */
function constRepr(k: Const | undefined): string {
  if (k === undefined) {
    return "?";
  }
  if (k === null) {
    return "None";
  }
  switch (typeof k) {
    case "boolean":
      return k ? "True" : "False";
    case "number":
    case "bigint":
      return String(k);
    case "string":
      return stringRepr(k);
  }
  if (isCode(k)) {
    return codeRepr(k);
  }
  if ("float" in k) {
    return floatRepr(k.float);
  }
  if ("bytes" in k) {
    return `b'${Array.from(k.bytes, (b) => (b >= 0x20 && b < 0x7f && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`)).join("")}'`;
  }
  if ("ellipsis" in k) {
    return "Ellipsis";
  }
  const items = k.tuple.map(constRepr);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}
