/**
 * The analysis corpus (issue 4): each `cases/NN_name.py` states in its header the findings the
 * analysis must report, and `cases/NN_name.stdout` (when present) what CPython 3.11 printed.
 *
 * Header lines (at the top of the file, `# key: value`):
 *   expect:   comma-separated finding kinds that must be present, or `clean`; `a|b` means
 *             at least one of them (and both are allowed)
 *   allow:    kinds that may be present but are not required (e.g. a potential-deadlock
 *             next to the deadlock it predicts)
 *   explore:  N — run explore() with N schedules instead of one simulate()
 *   profile:  3.9 | 3.12 | 3.13t
 *   severity: error | warning | info — a severity the expected kinds' findings must include
 *
 * Kinds in GATED that are neither expected nor allowed must be absent, and so must a
 * gil-serialized *warning* (the info-level note on I/O-bound threads is fine anywhere).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simulate } from "../../simulator/simulate";
import { explore } from "../../simulator/explore";
import type { Finding, OutcomeStatus, Profile } from "../../simulator/trace/report";

export const CASES_DIR = join(__dirname, "cases");

/** The kinds whose absence is checked when a snippet does not list them. */
export const GATED = ["race", "deadlock", "hang", "potential-deadlock"] as const;

export interface Case {
  file: string;
  source: string;
  expect: string[];
  allow: string[];
  explore?: number;
  profile?: Profile;
  severity?: "error" | "warning" | "info";
  /** CPython 3.11's stdout, for snippets whose output is deterministic. */
  stdout?: string;
}

export interface CaseResult {
  findings: Finding[];
  kinds: string[];
  /** Every outcome (one for simulate, the histogram for explore). */
  outcomes: { status: OutcomeStatus; stdout: string }[];
}

export function caseFiles(): string[] {
  return readdirSync(CASES_DIR)
    .filter((f) => /^\d\d_.*\.py$/.test(f))
    .sort();
}

export function loadCase(file: string): Case {
  const source = readFileSync(join(CASES_DIR, file), "utf8");
  const header: Record<string, string> = {};
  for (const line of source.split("\n")) {
    const m = /^#\s*(expect|allow|explore|profile|severity):\s*(.*?)\s*$/.exec(line);
    if (m) {
      header[m[1]] = m[2];
    } else if (!line.startsWith("#")) {
      break;
    }
  }
  if (header.expect === undefined) {
    throw new Error(`${file}: no "# expect:" header`);
  }
  const list = (s: string | undefined): string[] =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== "" && x !== "clean");
  const out = join(CASES_DIR, file.replace(/\.py$/, ".stdout"));
  return {
    file,
    source,
    expect: list(header.expect),
    allow: list(header.allow),
    explore: header.explore !== undefined ? Number(header.explore) : undefined,
    profile: header.profile as Profile | undefined,
    severity: header.severity as Case["severity"],
    stdout: existsSync(out) ? readFileSync(out, "utf8") : undefined,
  };
}

export function runCase(c: Case): CaseResult {
  const options = { filename: c.file, ...(c.profile !== undefined ? { profile: c.profile } : {}) };
  if (c.explore !== undefined) {
    const r = explore(c.source, { ...options, runs: c.explore });
    return {
      findings: r.findings,
      kinds: [...new Set(r.findings.map((f) => f.kind))].sort(),
      outcomes: r.outcomes.map((o) => ({ status: o.status, stdout: o.stdout })),
    };
  }
  const r = simulate(c.source, options);
  return {
    findings: r.findings,
    kinds: [...new Set(r.findings.map((f) => f.kind))].sort(),
    outcomes: [{ status: r.outcome.status, stdout: r.outcome.stdout }],
  };
}

/** What is wrong with a result, as a list of sentences (empty: the verdict is right). */
export function problems(c: Case, r: CaseResult): string[] {
  const out: string[] = [];
  for (const k of c.expect) {
    if (!k.split("|").some((alt) => r.kinds.includes(alt))) {
      out.push(`missing ${k}`);
    }
  }
  const listed = new Set([...c.expect.flatMap((k) => k.split("|")), ...c.allow]);
  for (const k of GATED) {
    if (!listed.has(k) && r.kinds.includes(k)) {
      const f = r.findings.find((x) => x.kind === k);
      out.push(`unexpected ${k}: ${f?.message ?? ""}`);
    }
  }
  if (!listed.has("gil-serialized")) {
    const g = r.findings.find((f) => f.kind === "gil-serialized" && f.severity !== "info");
    if (g !== undefined) {
      out.push(`unexpected gil-serialized ${g.severity}: ${g.message}`);
    }
  }
  for (const k of ["unsupported", "internal-error", "limit", "syntax-error"]) {
    if (r.kinds.includes(k)) {
      out.push(`${k}: ${r.findings.find((x) => x.kind === k)?.message ?? ""}`);
    }
  }
  if (c.severity !== undefined) {
    // The expected kinds' findings must include one of this severity.
    const mine = r.findings.filter((f) => listed.has(f.kind));
    if (mine.length > 0 && !mine.some((f) => f.severity === c.severity)) {
      out.push(`severity ${mine.map((f) => f.severity).join("/")}, want ${c.severity}`);
    }
  }
  return out;
}
