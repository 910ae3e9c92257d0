#!/usr/bin/env python3
"""Print CPython's AST of Python source as JSON in Interleave's shape (simulator/python/ast.ts).

Usage:
  python3 py_ast_dump.py            < source.py      -> one JSON object
  python3 py_ast_dump.py --batch    < sources.json   -> JSON array, one object per source

Each object is either {"module": {...}} or {"error": {type, message, line, col, endLine, endCol}}.

The conversion follows ast.ts: class names as `kind` (Expr statement -> ExprStmt, Async*
-> isAsync flags), camelCase fields, spans as line/col/endLine/endCol with col in UTF-16
units of the line (CPython counts UTF-8 bytes), floats as {"float": x} ("inf"/"nan" for
non-finite values), ints beyond 2**53-1 as {"bigint": "digits"}, bytes as {"bytes": hex},
Ellipsis as {"ellipsis": true}. withitem and match_case have no position in CPython; they get
the span Interleave gives them (see withitem_span / match_case_span). Patterns and guards of
`match` are dropped, as in ast.ts. Interleave refuses complex literals and except*, which
CPython accepts: these give the error Interleave gives, at the first such node.

Syntax errors are those of `python3 file.py` (see dump()): CPython's lineno/offset/end_lineno/
end_offset become line/col/endLine/endCol with col = offset - 1 and endCol = end_offset - 1,
in whatever unit CPython counted them.
"""
import ast
import json
import math
import os
import sys
import tempfile
import warnings

MAX_SAFE = 2**53 - 1

RENAMES = {"Expr": "ExprStmt", "AsyncFunctionDef": "FunctionDef", "AsyncFor": "For", "AsyncWith": "With"}
ASYNC_KINDS = {"FunctionDef", "For", "With", "AsyncFunctionDef", "AsyncFor", "AsyncWith"}
SKIP_FIELDS = {"type_comment", "kind", "type_ignores"}


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


class Refused(Exception):
    def __init__(self, message, node):
        self.message = message
        self.node = node


class Converter:
    def __init__(self, source):
        # Lines as the tokenizer sees them: universal newlines.
        source = source.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = [l.encode("utf-8", errors="surrogatepass") for l in source.split("\n")]
        self.text_lines = source.split("\n")
        self.refusals = []

    def col(self, line, byte_col):
        if line < 1 or line > len(self.lines):
            return byte_col
        prefix = self.lines[line - 1][:byte_col].decode("utf-8", errors="replace")
        # UTF-16 units, as JS strings count them.
        return sum(2 if ord(c) > 0xFFFF else 1 for c in prefix) + max(0, byte_col - len(self.lines[line - 1]))

    def span(self, node):
        return {
            "line": node.lineno,
            "col": self.col(node.lineno, node.col_offset),
            "endLine": node.end_lineno,
            "endCol": self.col(node.end_lineno, node.end_col_offset),
        }

    def value(self, v):
        if v is None or v is True or v is False:
            return v
        if v is Ellipsis:
            return {"ellipsis": True}
        if isinstance(v, int):
            if abs(v) <= MAX_SAFE:
                return v
            # A hex literal may have more digits than str() converts by default.
            limit = sys.get_int_max_str_digits()
            sys.set_int_max_str_digits(0)
            try:
                return {"bigint": str(v)}
            finally:
                sys.set_int_max_str_digits(limit)
        if isinstance(v, float):
            if math.isfinite(v):
                return {"float": v}
            return {"float": "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")}
        if isinstance(v, str):
            return v
        if isinstance(v, bytes):
            return {"bytes": v.hex()}
        raise TypeError(f"unexpected constant {v!r}")

    def conv(self, node):
        if isinstance(node, list):
            return [self.conv(n) for n in node]
        if not isinstance(node, ast.AST):
            return node
        cls = type(node).__name__
        if isinstance(node, (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
            return cls
        if cls == "TryStar":
            self.refusals.append(("except* (exception groups) is not supported by Interleave", node.handlers[0]))
            cls = "Try"
        if isinstance(node, ast.Constant) and isinstance(node.value, complex):
            self.refusals.append(("complex numbers are not supported by Interleave", node))
        out = {"kind": RENAMES.get(cls, cls)}
        if cls in ASYNC_KINDS:
            out["isAsync"] = cls.startswith("Async")
        if isinstance(node, ast.match_case):
            out["body"] = self.conv(node.body)
            out.update(self.match_case_span(node))
            return out
        for field, val in ast.iter_fields(node):
            if field in SKIP_FIELDS:
                continue
            if isinstance(node, ast.Constant) and field == "value":
                out["value"] = None if isinstance(val, complex) else self.value(val)
            elif isinstance(node, ast.comprehension) and field == "is_async":
                out["isAsync"] = bool(val)
            elif isinstance(node, ast.AnnAssign) and field == "simple":
                out["simple"] = bool(val)
            elif isinstance(node, ast.Match) and field == "cases":
                out["cases"] = self.conv(val)
            else:
                out[camel(field)] = self.conv(val)
        if "lineno" in node._attributes:
            out.update(self.span(node))
        if isinstance(node, ast.withitem):
            out.update(self.withitem_span(node))
        return out

    def withitem_span(self, item):
        """Interleave's withitem span: the context expression through the target, if any."""
        start = self.span(item.context_expr)
        end = self.span(item.optional_vars if item.optional_vars is not None else item.context_expr)
        return {"line": start["line"], "col": start["col"], "endLine": end["endLine"], "endCol": end["endCol"]}

    def match_case_span(self, case):
        """Interleave's match_case span: the `case` keyword through the end of the body."""
        line, byte_col = case.pattern.lineno, case.pattern.col_offset
        text = self.lines[line - 1][:byte_col].decode("utf-8", errors="replace")
        while text.rfind("case") < 0 and line > 1:
            line -= 1
            text = self.text_lines[line - 1]
        col = text.rfind("case")
        end = self.span(case.body[-1])
        return {"line": line, "col": max(col, 0), "endLine": end["endLine"], "endCol": end["endCol"]}


def dump(source, path):
    """The AST or the SyntaxError of `source` as `python3 file.py` sees it.

    The source is written to `path` and compiled as bytes under that name: running a file,
    CPython 3.11 reports a parser error's columns in UTF-8 bytes (its file tokenizer has no
    encoding unless the file declares one), takes the error line's text from the file, and
    skips a byte-order mark; ast.parse() of a str does none of this.
    """
    warnings.simplefilter("ignore")
    data = source.encode("utf-8", errors="surrogatepass")
    with open(path, "wb") as f:
        f.write(data)
    try:
        tree = compile(data, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as e:
        end_line = e.end_lineno if e.end_lineno is not None else e.lineno
        end_offset = e.end_offset if e.end_offset is not None else 0
        return {
            "error": {
                "type": type(e).__name__,
                "message": e.msg,
                "line": e.lineno,
                "col": (e.offset if e.offset is not None else 1) - 1,
                "endLine": end_line,
                "endCol": end_offset - 1,
            }
        }
    except ValueError as e:  # e.g. source with NUL bytes
        return {"error": {"type": "ValueError", "message": str(e), "line": 0, "col": 0, "endLine": 0, "endCol": 0}}
    if source.startswith("\ufeff"):
        source = source[1:]
    c = Converter(source)
    module = {"kind": "Module", "body": c.conv(tree.body)}
    if c.refusals:
        def key(r):
            n = r[1]
            return (n.lineno, n.col_offset)

        message, node = min(c.refusals, key=key)
        return {"error": {"type": "SyntaxError", "message": message, **c.span(node)}}
    return {"module": module}


def main():
    data = sys.stdin.buffer.read().decode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "snippet.py")
        if "--batch" in sys.argv[1:]:
            out = [dump(s, path) for s in json.loads(data)]
        else:
            out = dump(data, path)
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main()
