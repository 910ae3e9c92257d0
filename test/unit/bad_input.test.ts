/**
 * Bad input gets a clear outcome at the right line, and nothing else breaks: syntax errors,
 * Python 2 code, infinite loops, output floods, runaway recursion, unsupported modules, and a
 * run after any of them behaves as if it were the first.
 */
import { describe, expect, it } from "vitest";
import { runSource } from "../../simulator/run";
import { simulate } from "../../simulator/simulate";

describe("bad input", () => {
  it("a Python 2 print statement is a SyntaxError with CPython's hint, at line 1", () => {
    const r = runSource('print "x"\n', { filename: "p2.py" });
    expect(r.status).toBe("syntax-error");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      '  File "p2.py", line 1\n    print "x"\n    ^^^^^^^^^\nSyntaxError: Missing parentheses in call to \'print\'. Did you mean print(...)?\n',
    );
    expect(r.stop).toMatchObject({ line: 1, col: 0 });
  });

  it("a syntax error points at its line and column", () => {
    const r = runSource("x = 1\ndef f(:\n    pass\n", { filename: "se.py" });
    expect(r.status).toBe("syntax-error");
    expect(r.stderr).toBe('  File "se.py", line 2\n    def f(:\n          ^\nSyntaxError: invalid syntax\n');
    expect(r.stop).toMatchObject({ line: 2, col: 6 });
  });

  it("an infinite loop stops at the step limit, where it loops", () => {
    const r = runSource("n = 0\nwhile True:\n    n += 1\n", { limits: { maxSteps: 100_000 } });
    expect(r.status).toBe("step-limit");
    expect(r.exitCode).toBeNull();
    expect(r.stop!.line).toBeGreaterThanOrEqual(2);
    expect(r.stop!.message).toContain("100000 steps");
  });

  it("an output flood is capped", () => {
    const r = runSource('while True:\n    print("spam " * 100)\n', { limits: { maxOutputChars: 10_000 } });
    expect(r.status).toBe("output-limit");
    expect(r.stdout.length).toBeLessThanOrEqual(10_000);
  });

  it("runaway recursion is a RecursionError with CPython's folded traceback", () => {
    const r = runSource("def f(n):\n    return f(n + 1)\nf(0)\n", { filename: "rec.py" });
    expect(r.status).toBe("exception");
    expect(r.stderr).toContain("[Previous line repeated 996 more times]");
    expect(r.stderr.endsWith("RecursionError: maximum recursion depth exceeded\n")).toBe(true);
  });

  it("a module the simulator lacks is unsupported, by name and line; an unknown one is ModuleNotFoundError", () => {
    const r = runSource("import os\nimport requests\n");
    expect(r.status).toBe("unsupported");
    expect(r.stop).toMatchObject({ line: 2, message: "the module 'requests' is not supported by Interleave" });
    const m = runSource("try:\n    import no_such_thing\nexcept ImportError as e:\n    print(type(e).__name__, e)\n");
    expect(m.stdout).toBe("ModuleNotFoundError No module named 'no_such_thing'\n");
  });

  it("constructs Interleave refuses are unsupported, by name and line, not syntax errors", () => {
    for (const [src, line, what] of [
      ["x = 1\ny = 1 + 2j\n", 2, "complex numbers"],
      ["try:\n    pass\nexcept* ValueError:\n    pass\n", 3, "except* (exception groups)"],
      ['print("\\N{BULLET}")\n', 1, "\\N{...} escapes"],
      ["match 1:\n    case 1:\n        pass\n", 1, "the match statement"],
    ] as const) {
      const r = runSource(src);
      expect(r.status, src).toBe("unsupported");
      expect(r.stop).toMatchObject({ line });
      expect(r.stop!.message).toContain(what);
      expect(r.stderr).toBe("");
    }
  });

  it("a run after failed ones starts afresh (recursion limit, int digits limit, modules)", () => {
    runSource("import sys\nsys.setrecursionlimit(50)\nsys.set_int_max_str_digits(0)\nimport requests\n");
    const r = runSource("import sys\nprint(sys.getrecursionlimit(), sys.get_int_max_str_digits())\n");
    expect(r.stdout).toBe("1000 4300\n");
  });

  it("every bad outcome is also a finding of the Report, at its line", () => {
    const r = simulate("x = 1\nprint x\n", { filename: "p.py" });
    expect(r.outcome.status).toBe("syntax-error");
    expect(r.findings[0]).toMatchObject({ kind: "syntax-error", severity: "error" });
    expect(r.findings[0].locations[0].line).toBe(2);
  });
});
