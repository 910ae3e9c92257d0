/// <reference lib="dom" />
/**
 * The timeline webview (bundled to media/dist/timeline.js): a canvas with a lane per task,
 * state segments, lock/queue arrows and stdout on the time axis; the findings list, the outcome
 * histogram and the run controls as HTML. Talks to the extension only through protocol.ts,
 * validating every message; keeps its state across reloads with getState/setState.
 */
import type { Finding, SourceSpan } from "../simulator/trace/report";
import { isControls, isPanelModel, parseHostMessage, PROFILES, STRATEGIES, type Controls, type PanelModel, type WebviewToHost } from "../extension/protocol";
import { formatTick, formatTime } from "../extension/timeFormat";
import {
  buildLayout, fitView, forEachVisibleSegment, forEachVisibleTick, lowerBound, panBy, segmentAt, STATES, tickStep, timeToX, xToTime, zoomAt,
  type Layout, type View,
} from "./timelineLayout";

interface VsCodeApi {
  postMessage(m: WebviewToHost): void;
  getState(): unknown;
  setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives a reload. The model is kept only while small, since setState serializes it. */
interface SavedState {
  model: PanelModel | null;
  controls: Controls | null;
  view: View | null;
  scrub: number | null;
}

const MAX_SAVED_ITEMS = 20_000;
const LANE_H = 26;
const AXIS_H = 24;
const STDOUT_H = 22;

const vscode = acquireVsCodeApi();

/** Render timings (ms), read by the e2e suite to measure zoom and pan. */
interface PerfProbe {
  renders: number[];
  lastDrawn: number;
}
const perf: PerfProbe = { renders: [], lastDrawn: 0 };
(window as unknown as { __interleavePerf: PerfProbe }).__interleavePerf = perf;

// ---------------------------------------------------------------- DOM skeleton

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls !== undefined) {
    e.className = cls;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

function icon(name: string): HTMLElement {
  return el("span", `codicon codicon-${name}`);
}

function button(iconName: string, label: string, title: string): HTMLButtonElement {
  const b = el("button", "btn");
  b.title = title;
  b.append(icon(iconName), el("span", undefined, label));
  return b;
}

const app = document.getElementById("app")!;
const toolbar = el("div", "toolbar");
const strategySel = el("select");
const profileSel = el("select");
const seedIn = el("input");
const coresIn = el("input");
const runsIn = el("input");
const runBtn = button("play", "Run", "Run the file again with these settings");
const exploreBtn = button("beaker", "Explore", "Run several seeds and show the outcome histogram");
const exportBtn = button("export", "Export", "Export the trace as Chrome/Perfetto JSON");
const fitBtn = button("screen-full", "Fit", "Show the whole run (0)");
for (const s of STRATEGIES) {
  strategySel.append(new Option(s, s));
}
for (const p of PROFILES) {
  profileSel.append(new Option(`Python ${p}`, p));
}
for (const [inp, min, max] of [[seedIn, 0, 2 ** 31], [coresIn, 1, 256], [runsIn, 1, 10000]] as const) {
  inp.type = "number";
  inp.min = String(min);
  inp.max = String(max);
}
const labelled = (text: string, control: HTMLElement): HTMLLabelElement => {
  const l = el("label", "control");
  l.append(el("span", undefined, text), control);
  return l;
};
toolbar.append(
  labelled("Strategy", strategySel),
  labelled("Profile", profileSel),
  labelled("Seed", seedIn),
  labelled("Cores", coresIn),
  labelled("Runs", runsIn),
  runBtn,
  exploreBtn,
  exportBtn,
  fitBtn,
);

const status = el("div", "status");
const busy = el("div", "busy hidden");
const errorBox = el("div", "error hidden");
const legend = el("div", "legend");
const flowHint = el("span", "flow-hint");
const STATE_LABEL: Record<string, string> = { running: "running", ready: "waiting for the GIL / a core", blocked: "blocked", sleeping: "sleeping", io: "I/O" };
for (const s of STATES) {
  const item = el("span", "legend-item");
  item.append(el("span", `swatch state-${s}`), el("span", undefined, STATE_LABEL[s]));
  legend.append(item);
}
legend.append(flowHint);
const timeline = el("div", "timeline");
const gutter = el("div", "gutter");
const canvasWrap = el("div", "canvas-wrap");
const canvas = el("canvas");
canvas.tabIndex = 0;
canvas.setAttribute("aria-label", "Timeline: wheel to zoom, drag to pan, drag on the time axis to scrub, click a segment to reveal its line");
const tooltip = el("div", "tooltip hidden");
canvasWrap.append(canvas, tooltip);
timeline.append(gutter, canvasWrap);

const findingsSec = el("section", "findings");
const histogramSec = el("section", "histogram hidden");
const stdoutSec = el("section", "stdout-sec");
const stdoutPre = el("pre", "stdout");
stdoutSec.append(el("h3", undefined, "Output"), stdoutPre);
const empty = el("div", "empty", "Run a Python file (Interleave: Run File Concurrently) to see its threads here.");
app.append(toolbar, status, busy, errorBox, empty, legend, timeline, histogramSec, findingsSec, stdoutSec);

// ---------------------------------------------------------------- state

let model: PanelModel | null = null;
let layout: Layout | null = null;
let view: View | null = null;
let scrub: number | null = null;
let controls: Controls | null = null;
let saveTimer = 0;

function saveState(): void {
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => {
    const small = model !== null && model.report.events.length + model.report.segments.length <= MAX_SAVED_ITEMS;
    const s: SavedState = { model: small ? model : null, controls, view, scrub };
    vscode.setState(s);
  }, 250);
}

function restoreState(): void {
  const s = vscode.getState() as Partial<SavedState> | undefined;
  if (s === undefined || s === null || typeof s !== "object") {
    return;
  }
  if (isControls(s.controls)) {
    setControls(s.controls);
  }
  if (isPanelModel(s.model)) {
    showModel(s.model);
    if (s.view && typeof s.view.start === "number" && typeof s.view.scale === "number" && s.view.scale > 0) {
      view = { start: s.view.start, scale: s.view.scale };
    }
    scrub = typeof s.scrub === "number" ? s.scrub : null;
    requestDraw();
  }
}

function setControls(c: Controls): void {
  controls = c;
  strategySel.value = c.strategy;
  profileSel.value = c.profile;
  seedIn.value = String(c.seed);
  coresIn.value = String(c.cores);
  runsIn.value = String(c.runs);
}

function readControls(): Controls | undefined {
  const c = {
    strategy: strategySel.value,
    profile: profileSel.value,
    seed: Number(seedIn.value),
    cores: Number(coresIn.value),
    switchIntervalMs: controls?.switchIntervalMs ?? 5,
    runs: Number(runsIn.value),
  };
  return isControls(c) ? c : undefined;
}

function post(m: WebviewToHost): void {
  vscode.postMessage(m);
}

// ---------------------------------------------------------------- model -> DOM

function showModel(m: PanelModel): void {
  model = m;
  layout = buildLayout(m.report);
  view = null;
  scrub = null;
  empty.classList.add("hidden");
  errorBox.classList.add("hidden");
  renderStatus(m);
  renderGutter();
  renderFindings(m.report.findings);
  renderHistogram(m);
  stdoutPre.textContent = m.report.outcome.stdout + (m.report.outcome.stderr ? `\n${m.report.outcome.stderr}` : "");
  resize();
  saveState();
}

function renderStatus(m: PanelModel): void {
  const r = m.report;
  const c = r.config;
  status.replaceChildren();
  const outcome = el("span", `outcome outcome-${r.outcome.status}`, r.outcome.status);
  status.append(
    el("span", "doc", `${m.document?.name ?? "report"} · ${m.label}`),
    outcome,
    el("span", undefined, `${formatTime(r.stats.virtualTime)} virtual · ${r.stats.steps.toLocaleString("en")} steps · ${r.tasks.length} tasks · ${r.events.length.toLocaleString("en")} events`),
    el("span", "config", `strategy ${c.strategy} · Python ${c.profile} · seed ${c.seed} · ${c.cores} cores · switch ${c.switchIntervalMs} ms${r.schedule ? ` · schedule ${r.schedule}` : ""}`),
  );
}

function renderGutter(): void {
  gutter.replaceChildren(el("div", "axis-label", "time"));
  for (const lane of layout?.lanes ?? []) {
    const d = el("div", `lane-label indent-${lane.indent}`);
    d.title = `${lane.task.kind} ${lane.task.name} (id ${lane.task.id}, pid ${lane.task.pid})`;
    d.append(icon(lane.task.kind === "process" ? "server-process" : lane.task.kind === "thread" ? "debug-alt-small" : "symbol-event"), el("span", undefined, lane.label));
    gutter.append(d);
  }
  gutter.append(el("div", "lane-label stdout-label", "stdout"));
}

const FINDING_ICON: Record<string, string> = {
  race: "zap", deadlock: "lock", hang: "watch", "potential-deadlock": "lock", "gil-serialized": "debug-pause",
  "blocking-call": "clock", "unhandled-exception": "error", misuse: "warning", "syntax-error": "error",
  unsupported: "circle-slash", limit: "warning", "internal-error": "bug",
};

function spanLink(span: SourceSpan, text: string): HTMLAnchorElement {
  const a = el("a", "loc", text);
  a.href = "#";
  a.addEventListener("click", (e) => {
    e.preventDefault();
    post({ type: "reveal", span });
  });
  return a;
}

function renderFindings(findings: Finding[]): void {
  findingsSec.replaceChildren(el("h3", undefined, findings.length === 0 ? "No findings" : `Findings (${findings.length})`));
  const ul = el("ul");
  for (const f of findings) {
    const li = el("li", `finding finding-${f.kind} severity-${f.severity}`);
    const head = el("div", "finding-head");
    head.append(icon(FINDING_ICON[f.kind] ?? "info"), el("span", "finding-kind", f.kind), el("span", "finding-message", f.message));
    li.append(head);
    const locs = el("div", "finding-locs");
    f.locations.forEach((l) => locs.append(spanLink(l, `line ${l.line}: ${l.role}${l.task ? ` (${l.task})` : ""}`)));
    li.append(locs);
    if (f.detail) {
      const d = el("details");
      d.append(el("summary", undefined, "Step by step"), el("pre", undefined, f.detail));
      li.append(d);
    }
    const replay = button("debug-rerun", "Replay", f.schedule ? `Replay schedule ${f.schedule}` : "Re-run with the seed of this run");
    replay.addEventListener("click", () => post({ type: "replay", schedule: f.schedule ?? "", seed: model?.report.config.seed ?? 0 }));
    li.append(replay);
    ul.append(li);
  }
  findingsSec.append(ul);
}

function renderHistogram(m: PanelModel): void {
  const h = m.histogram;
  histogramSec.classList.toggle("hidden", h === null);
  if (h === null) {
    return;
  }
  histogramSec.replaceChildren(el("h3", undefined, `Outcomes of ${h.runs} runs (${(h.elapsedMs / 1000).toFixed(1)} s)`), el("p", "note", h.note));
  const max = Math.max(...h.buckets.map((b) => b.count));
  for (const b of h.buckets) {
    const row = el("div", "bucket");
    const bar = el("div", "bar");
    bar.style.width = `${(100 * b.count) / max}%`;
    const barWrap = el("div", "bar-wrap");
    barWrap.append(bar);
    const show = button("debug-rerun", "Replay", `Replay schedule ${b.schedule}`);
    show.addEventListener("click", () => post({ type: "replay", schedule: b.schedule, seed: model?.report.config.seed ?? 0 }));
    row.append(el("span", "count", `${b.count}×`), el("span", `outcome outcome-${b.status}`, b.status), barWrap, el("code", "bucket-stdout", b.stdout.trim() === "" ? "(no output)" : b.stdout.trim().slice(0, 200)), show);
    histogramSec.append(row);
  }
}

// ---------------------------------------------------------------- canvas

interface Palette {
  state: string[];
  fg: string;
  muted: string;
  grid: string;
  laneAlt: string;
  flow: Record<string, string>;
  scrub: string;
  stdout: string;
  background: string;
}
let palette: Palette | null = null;

function readPalette(): Palette {
  const cs = getComputedStyle(document.body);
  const v = (name: string, fallback: string): string => cs.getPropertyValue(name).trim() || fallback;
  return {
    state: [
      v("--vscode-charts-green", "#89d185"),
      v("--vscode-charts-yellow", "#cca700"),
      v("--vscode-charts-red", "#f14c4c"),
      v("--vscode-charts-blue", "#3794ff"),
      v("--vscode-charts-purple", "#b180d7"),
      v("--vscode-descriptionForeground", "#999999"),
    ],
    fg: v("--vscode-editor-foreground", "#cccccc"),
    muted: v("--vscode-descriptionForeground", "#999999"),
    grid: v("--vscode-editorRuler-foreground", "#5a5a5a"),
    laneAlt: v("--vscode-list-hoverBackground", "rgba(128,128,128,0.08)"),
    flow: { lock: v("--vscode-charts-orange", "#d18616"), queue: v("--vscode-charts-blue", "#3794ff"), message: v("--vscode-charts-purple", "#b180d7"), signal: v("--vscode-charts-foreground", "#cccccc") },
    scrub: v("--vscode-editorCursor-foreground", "#aeafad"),
    stdout: v("--vscode-terminal-ansiGreen", "#23d18b"),
    background: v("--vscode-editor-background", "#1e1e1e"),
  };
}
new MutationObserver(() => {
  palette = null;
  requestDraw();
}).observe(document.body, { attributes: true, attributeFilter: ["class"] });

let width = 0;
let height = 0;
let drawPending = false;

function resize(): void {
  const lanes = layout?.lanes.length ?? 0;
  width = Math.max(100, canvasWrap.clientWidth);
  height = AXIS_H + lanes * LANE_H + STDOUT_H;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  if (layout !== null && view === null) {
    view = fitView(layout, width);
  }
  requestDraw();
}
new ResizeObserver(() => resize()).observe(canvasWrap);

function requestDraw(): void {
  if (!drawPending) {
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      draw();
    });
  }
}

function laneY(i: number): number {
  return AXIS_H + i * LANE_H;
}

function draw(): void {
  const ctx = canvas.getContext("2d");
  if (ctx === null || layout === null || view === null || model === null) {
    return;
  }
  const started = performance.now();
  palette ??= readPalette();
  const p = palette;
  const v = view;
  const dpr = window.devicePixelRatio || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  let drawn = 0;

  // Axis and grid.
  const step = tickStep(v, 90);
  ctx.font = "11px var(--vscode-font-family, sans-serif)";
  ctx.textBaseline = "middle";
  ctx.fillStyle = p.muted;
  ctx.strokeStyle = p.grid;
  ctx.globalAlpha = 0.35;
  ctx.beginPath();
  for (let t = Math.ceil(v.start / step) * step; t <= xToTime(v, width); t += step) {
    const x = Math.round(timeToX(v, t)) + 0.5;
    ctx.moveTo(x, AXIS_H - 6);
    ctx.lineTo(x, height);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  for (let t = Math.ceil(v.start / step) * step; t <= xToTime(v, width); t += step) {
    ctx.fillText(formatTick(t, step), timeToX(v, t) + 3, AXIS_H / 2);
  }

  // Lanes: background, segments (one per pixel column at most), event ticks.
  layout.lanes.forEach((lane, li) => {
    const y = laneY(li);
    if (li % 2 === 1) {
      ctx.fillStyle = p.laneAlt;
      ctx.fillRect(0, y, width, LANE_H);
    }
    let lastState = -1;
    const labels: { x: number; w: number; text: string }[] = [];
    drawn += forEachVisibleSegment(lane, v, width, (i, x0, x1) => {
      const s = lane.segState[i];
      if (s !== lastState) {
        ctx.fillStyle = p.state[s];
        lastState = s;
      }
      const h = s === 0 ? LANE_H - 8 : LANE_H - 14;
      ctx.fillRect(x0, y + (LANE_H - h) / 2, Math.max(1, x1 - x0), h);
      // Wide enough to read: say why the task was blocked (the lock, the join, the queue).
      if (x1 - x0 > 80 && s !== 0) {
        const reason = model!.report.segments[lane.segIdx[i]].reason;
        if (reason !== undefined) {
          labels.push({ x: x0, w: x1 - x0, text: reason });
        }
      }
    });
    if (labels.length > 0) {
      ctx.fillStyle = p.fg;
      for (const l of labels) {
        ctx.save();
        ctx.beginPath();
        ctx.rect(l.x, y, l.w, LANE_H);
        ctx.clip();
        ctx.fillText(l.text, l.x + 4, y + LANE_H / 2);
        ctx.restore();
      }
      lastState = -1;
    }
    ctx.fillStyle = p.fg;
    drawn += forEachVisibleTick(lane.evT, v, width, (_i, x) => ctx.fillRect(Math.floor(x), y + 1, 1, 4));
  });

  // Flows (lock hand-offs, queue items, messages): only those overlapping the view.
  const tEnd = xToTime(v, width);
  const flows = layout.flows;
  let lo = 0;
  let hi = flows.length;
  const from = v.start - layout.maxFlowSpan;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (flows[mid].t0 < from) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  let last = lo;
  while (last < flows.length && flows[last].t0 <= tEnd) {
    last++;
  }
  // Thousands of arrows across a few hundred pixels are only a smear: ask to zoom in instead.
  const dense = last - lo > width / 3;
  const hint = dense ? `${(last - lo).toLocaleString("en")} lock/queue arrows in view: zoom in to see them` : "";
  if (flowHint.textContent !== hint) {
    flowHint.textContent = hint;
  }
  let lastKey = "";
  ctx.lineWidth = 1;
  for (let fi = lo; !dense && fi < last; fi++) {
    const f = flows[fi];
    if (f.t1 < v.start) {
      continue;
    }
    const x0 = timeToX(v, f.t0);
    const x1 = timeToX(v, f.t1);
    const key = `${Math.floor(x0)}:${Math.floor(x1)}:${f.fromLane}:${f.toLane}`;
    if (key === lastKey) {
      continue;
    }
    lastKey = key;
    const y0 = laneY(f.fromLane) + LANE_H / 2;
    const y1 = laneY(f.toLane) + LANE_H / 2;
    ctx.strokeStyle = p.flow[f.kind];
    ctx.fillStyle = p.flow[f.kind];
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
    const a = Math.atan2(y1 - y0, x1 - x0);
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - 6 * Math.cos(a - 0.4), y1 - 6 * Math.sin(a - 0.4));
    ctx.lineTo(x1 - 6 * Math.cos(a + 0.4), y1 - 6 * Math.sin(a + 0.4));
    ctx.fill();
    drawn++;
  }

  // stdout on the time axis.
  const ys = laneY(layout.lanes.length);
  ctx.fillStyle = p.stdout;
  drawn += forEachVisibleTick(layout.stdoutT, v, width, (_i, x) => ctx.fillRect(Math.floor(x), ys + 4, 2, STDOUT_H - 8));

  // Scrubber.
  if (scrub !== null) {
    const x = Math.round(timeToX(v, scrub)) + 0.5;
    ctx.strokeStyle = p.scrub;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, height);
    ctx.stroke();
    const label = formatTime(scrub);
    const w = ctx.measureText(label).width + 8;
    const lx = Math.min(x + 2, width - w);
    ctx.fillStyle = p.background;
    ctx.fillRect(lx, 2, w, AXIS_H - 4);
    ctx.fillStyle = p.scrub;
    ctx.fillText(label, lx + 4, AXIS_H / 2);
  }
  perf.lastDrawn = drawn;
  perf.renders.push(performance.now() - started);
  if (perf.renders.length > 2000) {
    perf.renders.splice(0, 1000);
  }
}

// ---------------------------------------------------------------- interaction

function localX(e: MouseEvent): number {
  return e.clientX - canvas.getBoundingClientRect().left;
}
function localY(e: MouseEvent): number {
  return e.clientY - canvas.getBoundingClientRect().top;
}

canvas.addEventListener(
  "wheel",
  (e) => {
    if (layout === null || view === null) {
      return;
    }
    e.preventDefault();
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      view = panBy(view, -(e.shiftKey ? e.deltaY : e.deltaX), layout, width);
    } else {
      view = zoomAt(view, Math.exp(-e.deltaY * 0.002), localX(e), layout, width);
    }
    requestDraw();
    saveState();
  },
  { passive: false },
);

let drag: { x: number; moved: boolean; scrubbing: boolean } | null = null;

function setScrub(t: number | null): void {
  scrub = t;
  requestDraw();
  post({ type: "scrub", time: t });
  saveState();
}

canvas.addEventListener("pointerdown", (e) => {
  if (view === null) {
    return;
  }
  canvas.setPointerCapture(e.pointerId);
  const scrubbing = localY(e) < AXIS_H;
  drag = { x: e.clientX, moved: false, scrubbing };
  if (scrubbing) {
    setScrub(xToTime(view, localX(e)));
  }
});

canvas.addEventListener("pointermove", (e) => {
  if (layout === null || view === null) {
    return;
  }
  if (drag !== null) {
    const dx = e.clientX - drag.x;
    if (drag.scrubbing) {
      setScrub(xToTime(view, localX(e)));
    } else if (dx !== 0) {
      drag.moved = drag.moved || Math.abs(dx) > 2;
      view = panBy(view, dx, layout, width);
      drag.x = e.clientX;
      requestDraw();
    }
    return;
  }
  showTooltip(e);
});

canvas.addEventListener("pointerup", (e) => {
  const d = drag;
  drag = null;
  if (d === null || d.scrubbing) {
    return;
  }
  if (d.moved) {
    saveState();
    return;
  }
  const span = spanAt(localX(e), localY(e));
  if (span !== undefined) {
    post({ type: "reveal", span });
  }
});

canvas.addEventListener("pointerleave", () => tooltip.classList.add("hidden"));

canvas.addEventListener("keydown", (e) => {
  if (layout === null || view === null) {
    return;
  }
  const step = width / 10;
  const keys: Record<string, () => View> = {
    "+": () => zoomAt(view!, 1.5, width / 2, layout!, width),
    "=": () => zoomAt(view!, 1.5, width / 2, layout!, width),
    "-": () => zoomAt(view!, 1 / 1.5, width / 2, layout!, width),
    ArrowLeft: () => panBy(view!, step, layout!, width),
    ArrowRight: () => panBy(view!, -step, layout!, width),
    "0": () => fitView(layout!, width),
  };
  if (e.key === "Escape") {
    setScrub(null);
  } else if (keys[e.key] !== undefined) {
    view = keys[e.key]();
    requestDraw();
    saveState();
  }
});

fitBtn.addEventListener("click", () => {
  if (layout !== null) {
    view = fitView(layout, width);
    requestDraw();
    saveState();
  }
});

/** What is under the pointer: a segment (with its source span, if any) or an event. */
function hit(x: number, y: number): { lane: number; seg: number; ev: number } | null {
  if (layout === null || view === null) {
    return null;
  }
  const li = Math.floor((y - AXIS_H) / LANE_H);
  const lane = layout.lanes[li];
  if (lane === undefined) {
    return null;
  }
  const t = xToTime(view, x);
  const slack = 2 / view.scale;
  const seg = segmentAt(lane, t, slack);
  const ei = lowerBound(lane.evT, t - slack);
  const ev = ei < lane.evT.length && lane.evT[ei] <= t + slack ? ei : -1;
  return { lane: li, seg, ev };
}

function spanAt(x: number, y: number): SourceSpan | undefined {
  const h = hit(x, y);
  if (h === null || layout === null || model === null) {
    return undefined;
  }
  const lane = layout.lanes[h.lane];
  const ev = h.ev >= 0 ? model.report.events[lane.evIdx[h.ev]] : undefined;
  const seg = h.seg >= 0 ? model.report.segments[lane.segIdx[h.seg]] : undefined;
  return ev?.span ?? seg?.span;
}

function showTooltip(e: MouseEvent): void {
  const h = hit(localX(e), localY(e));
  if (h === null || layout === null || model === null) {
    tooltip.classList.add("hidden");
    return;
  }
  const lane = layout.lanes[h.lane];
  const lines = [lane.label];
  if (h.seg >= 0) {
    const s = model.report.segments[lane.segIdx[h.seg]];
    lines.push(`${STATE_LABEL[s.state] ?? s.state}${s.reason ? `: ${s.reason}` : ""}`, `${formatTime(s.t0)} – ${formatTime(s.t1)}${s.span ? ` · line ${s.span.line}` : ""}`);
  }
  if (h.ev >= 0) {
    const ev = model.report.events[lane.evIdx[h.ev]];
    lines.push(`${ev.kind}${ev.detail ? ` ${ev.detail}` : ""} @ ${formatTime(ev.time)}${ev.span ? ` · line ${ev.span.line}` : ""}`);
  }
  tooltip.textContent = lines.join("\n");
  tooltip.classList.remove("hidden");
  tooltip.style.left = `${Math.min(localX(e) + 12, width - 220)}px`;
  tooltip.style.top = `${localY(e) + 12}px`;
}

// ---------------------------------------------------------------- controls and messages

function sendWithControls(type: "run" | "explore"): void {
  const c = readControls();
  if (c === undefined) {
    showError("Check the controls: seed ≥ 0, cores 1–256, runs 1–10000.");
    return;
  }
  controls = c;
  saveState();
  post({ type, controls: c });
}
runBtn.addEventListener("click", () => sendWithControls("run"));
exploreBtn.addEventListener("click", () => sendWithControls("explore"));
exportBtn.addEventListener("click", () => post({ type: "exportTrace" }));

function showError(message: string): void {
  errorBox.replaceChildren(icon("error"), el("span", undefined, message));
  errorBox.classList.remove("hidden");
}

window.addEventListener("message", (e: MessageEvent<unknown>) => {
  const m = parseHostMessage(e.data);
  if (m === undefined) {
    console.warn("Interleave timeline: ignored an invalid message");
    return;
  }
  switch (m.type) {
    case "show":
      setControls(m.controls);
      showModel(m.model);
      return;
    case "controls":
      setControls(m.controls);
      saveState();
      return;
    case "busy":
      busy.replaceChildren();
      if (m.text !== null) {
        busy.append(el("span", "codicon codicon-loading codicon-modifier-spin"), el("span", undefined, m.text));
      }
      busy.classList.toggle("hidden", m.text === null);
      return;
    case "error":
      showError(m.message);
      return;
  }
});

restoreState();
post({ type: "ready" });

