/**
 * The one message protocol between the extension host (extension/) and the timeline webview
 * (media/). Both sides import these types and validate every message they receive with the
 * parsers below: the webview is a separate, less trusted context, and a Report may come from a
 * file the user opened.
 *
 * No 'vscode' and no DOM imports here: this module is bundled into both sides.
 */
import type { StrategyName } from "../simulator/scheduler/scheduler";
import type { Finding, Profile, Report, SourceSpan } from "../simulator/trace/report";
import { isPackedReport, packReport, unpackReport, type PackedReport } from "./packedReport";

/** The scheduler's strategies (simulator/scheduler/), in the order the controls list them. */
export const STRATEGIES: readonly StrategyName[] = ["timed", "random", "pct"];
export type Strategy = StrategyName;
export const PROFILES: readonly Profile[] = ["3.9", "3.12", "3.13t"];

/** What the panel's controls (and the settings) choose for the next run. */
export interface Controls {
  strategy: Strategy;
  profile: Profile;
  seed: number;
  cores: number;
  switchIntervalMs: number;
  runs: number;
}

/** One distinct outcome of an exploration: final status and stdout, and how often it came. */
export interface OutcomeBucket {
  status: string;
  stdout: string;
  count: number;
  /** The schedule token of a run that gave it (replay it to see that outcome). */
  schedule: string;
}

/** What "Explore Schedules" found: explore()'s runs grouped by outcome. */
export interface Histogram {
  runs: number;
  strategy: string;
  elapsedMs: number;
  buckets: OutcomeBucket[];
  /** What the exploration actually did, shown to the user as is. */
  note: string;
}

/** The document a panel shows a Report for. */
export interface DocumentRef {
  uri: string;
  name: string;
}

export interface PanelModel {
  report: Report;
  document: DocumentRef | null;
  /** A short description of how this Report was made ("Run File", "Replay 5f3a", ...). */
  label: string;
  histogram: Histogram | null;
}

export type HostToWebview =
  | { type: "show"; model: PanelModel; controls: Controls }
  | { type: "controls"; controls: Controls }
  | { type: "busy"; text: string | null }
  | { type: "error"; message: string };

/** A HostToWebview as posted: a "show" carries its Report packed in columns (packedReport.ts). */
export type HostToWebviewWire =
  | Exclude<HostToWebview, { type: "show" }>
  | { type: "show"; model: Omit<PanelModel, "report"> & { report: PackedReport }; controls: Controls };

/** The message to post for `m`. */
export function toWire(m: HostToWebview): HostToWebviewWire {
  return m.type === "show" ? { ...m, model: { ...m.model, report: packReport(m.model.report) } } : m;
}

export type WebviewToHost =
  | { type: "ready" }
  | { type: "reveal"; span: SourceSpan }
  | { type: "scrub"; time: number | null }
  | { type: "run"; controls: Controls }
  | { type: "explore"; controls: Controls }
  | { type: "replay"; schedule: string; seed: number }
  | { type: "exportTrace" };

// ---------------------------------------------------------------- validation

type Rec = Record<string, unknown>;

const isRec = (x: unknown): x is Rec => typeof x === "object" && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isInt = (x: unknown): x is number => Number.isInteger(x);
const isStr = (x: unknown): x is string => typeof x === "string";
const isOptStr = (x: unknown): boolean => x === undefined || typeof x === "string";

/** A span with 1-based lines and 0-based columns, as the AST and the Report use. */
export const isSpan = (x: unknown): x is SourceSpan =>
  isRec(x) && isInt(x.line) && isInt(x.col) && isInt(x.endLine) && isInt(x.endCol) && x.line >= 1 && x.endLine >= x.line;

const isOptSpan = (x: unknown): boolean => x === undefined || isSpan(x);

export const isControls = (x: unknown): x is Controls =>
  isRec(x) &&
  (STRATEGIES as readonly unknown[]).includes(x.strategy) &&
  (PROFILES as readonly unknown[]).includes(x.profile) &&
  isInt(x.seed) &&
  (x.seed as number) >= 0 &&
  isInt(x.cores) &&
  (x.cores as number) >= 1 &&
  (x.cores as number) <= 256 &&
  isNum(x.switchIntervalMs) &&
  (x.switchIntervalMs as number) > 0 &&
  isInt(x.runs) &&
  (x.runs as number) >= 1 &&
  (x.runs as number) <= 10_000;

/*
 * Kinds and states are checked as strings, not against today's unions: a Report from a newer
 * runtime with a new finding kind or segment state must still be shown (the UI falls back to a
 * neutral look for what it does not know).
 */

const isFinding = (x: unknown): x is Finding =>
  isRec(x) &&
  isStr(x.kind) &&
  (x.severity === "error" || x.severity === "warning" || x.severity === "info") &&
  isStr(x.message) &&
  isOptStr(x.detail) &&
  isOptStr(x.schedule) &&
  Array.isArray(x.locations) &&
  x.locations.every((l: unknown) => isSpan(l) && isRec(l) && isStr(l.role) && isOptStr(l.task));

/**
 * Whether `x` has the shape of a version-1 Report. Loops over every segment and event: a
 * 100 000-event Report takes a few milliseconds.
 */
export function isReport(x: unknown): x is Report {
  if (!isRec(x) || x.version !== 1 || !isRec(x.config) || !isRec(x.outcome) || !isRec(x.stats)) {
    return false;
  }
  const c = x.config;
  const o = x.outcome;
  if (!(PROFILES as readonly unknown[]).includes(c.profile) || !isStr(c.strategy) || !isNum(c.seed) || !isNum(c.cores) || !isNum(c.switchIntervalMs)) {
    return false;
  }
  if (!isStr(o.status) || !isStr(o.stdout) || !isStr(o.stderr) || !(o.exitCode === null || isNum(o.exitCode))) {
    return false;
  }
  if (!isStr(x.schedule) || !isNum(x.stats.virtualTime) || !isNum(x.stats.steps)) {
    return false;
  }
  if (!Array.isArray(x.tasks) || !Array.isArray(x.segments) || !Array.isArray(x.events) || !Array.isArray(x.findings)) {
    return false;
  }
  for (const t of x.tasks as unknown[]) {
    if (!isRec(t) || !isInt(t.id) || !isStr(t.kind) || !isStr(t.name) || !isInt(t.pid) || !(t.parent === null || isInt(t.parent)) || !isNum(t.start) || !(t.end === null || isNum(t.end))) {
      return false;
    }
  }
  for (const s of x.segments as unknown[]) {
    if (!isRec(s) || !isInt(s.task) || !isStr(s.state) || !isNum(s.t0) || !isNum(s.t1) || !isOptStr(s.reason) || !isOptSpan(s.span)) {
      return false;
    }
  }
  for (const e of x.events as unknown[]) {
    if (!isRec(e) || !isStr(e.kind) || !isNum(e.time) || !isInt(e.task) || !isOptStr(e.detail) || !isOptSpan(e.span)) {
      return false;
    }
  }
  return (x.findings as unknown[]).every(isFinding);
}

const isHistogram = (x: unknown): x is Histogram =>
  isRec(x) &&
  isInt(x.runs) &&
  isStr(x.strategy) &&
  isNum(x.elapsedMs) &&
  isStr(x.note) &&
  Array.isArray(x.buckets) &&
  x.buckets.every((b) => isRec(b) && isStr(b.status) && isStr(b.stdout) && isInt(b.count) && isStr(b.schedule));

const isDocumentRef = (x: unknown): x is DocumentRef => isRec(x) && isStr(x.uri) && isStr(x.name);

export const isPanelModel = (x: unknown): x is PanelModel =>
  isRec(x) && isReport(x.report) && (x.document === null || isDocumentRef(x.document)) && isStr(x.label) && (x.histogram === null || isHistogram(x.histogram));

/** The message as a WebviewToHost, or undefined when it is not one. */
export function parseWebviewMessage(x: unknown): WebviewToHost | undefined {
  if (!isRec(x)) {
    return undefined;
  }
  switch (x.type) {
    case "ready":
    case "exportTrace":
      return { type: x.type };
    case "reveal":
      return isSpan(x.span) ? { type: "reveal", span: x.span } : undefined;
    case "scrub":
      return x.time === null || isNum(x.time) ? { type: "scrub", time: x.time } : undefined;
    case "run":
    case "explore":
      return isControls(x.controls) ? { type: x.type, controls: x.controls } : undefined;
    case "replay":
      return isStr(x.schedule) && x.schedule.length <= 4096 && isInt(x.seed) ? { type: "replay", schedule: x.schedule, seed: x.seed } : undefined;
    default:
      return undefined;
  }
}

/** The posted message (HostToWebviewWire) as a HostToWebview, or undefined when it is not one. */
export function parseHostMessage(x: unknown): HostToWebview | undefined {
  if (!isRec(x)) {
    return undefined;
  }
  switch (x.type) {
    case "show": {
      if (!isRec(x.model) || !isPackedReport(x.model.report) || !isControls(x.controls)) {
        return undefined;
      }
      const model = { ...x.model, report: unpackReport(x.model.report) };
      return isPanelModel(model) ? { type: "show", model, controls: x.controls } : undefined;
    }
    case "controls":
      return isControls(x.controls) ? { type: "controls", controls: x.controls } : undefined;
    case "busy":
      return x.text === null || isStr(x.text) ? { type: "busy", text: x.text } : undefined;
    case "error":
      return isStr(x.message) ? { type: "error", message: x.message } : undefined;
    default:
      return undefined;
  }
}
