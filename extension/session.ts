/**
 * The run session: turns commands into worker runs (with progress and cancellation), keeps the
 * last Report per document, and hands it to the editor UI (findingsView.ts) and the timeline
 * (panel.ts). Holds no analysis: everything shown comes from the Report.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import type { Report } from "../simulator/trace/report";
import { FindingsView, rangeOf, type ReplayArgs } from "./findingsView";
import { histogramOf } from "./histogram";
import { TimelinePanel } from "./panel";
import { toChromeTrace } from "../simulator/trace/chrome";
import { isReport, type Controls, type Histogram, type PanelModel, type WebviewToHost } from "./protocol";
import { readControls, requestOf } from "./settings";
import { RunCancelled, SimulatorWorker, WorkerCrashed } from "./simulatorWorker";
import { shiftReport, snippetOf, type Snippet } from "./snippet";
import { PositionIndex } from "./whereAt";

/** What was run for a document, so a Replay runs the same text even after edits elsewhere. */
interface RunRecord {
  uri: string;
  name: string;
  snippet: Snippet;
  controls: Controls;
  report: Report;
  histogram: Histogram | null;
  positions?: PositionIndex;
}

export class RunSession implements vscode.Disposable {
  private readonly worker: SimulatorWorker;
  readonly findings = new FindingsView();
  readonly panel: TimelinePanel;
  private readonly records = new Map<string, RunRecord>();
  private panelRecord: RunRecord | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {
    this.worker = new SimulatorWorker(vscode.Uri.joinPath(extensionUri, "dist", "worker.js").fsPath);
    this.panel = new TimelinePanel(extensionUri, readControls(), (m) => void this.onPanelMessage(m), log);
  }

  /** Runs the selection (whole lines) of the active editor, or the whole file when nothing is selected. */
  async runSelection(): Promise<Report | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) {
      void vscode.window.showInformationMessage("Interleave: open a Python file and select the lines to run.");
      return undefined;
    }
    const sel = editor.selection;
    if (sel.isEmpty) {
      return this.runDocument(editor.document, "Run File");
    }
    const last = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line - 1 : sel.end.line;
    const lines: string[] = [];
    for (let i = sel.start.line; i <= last; i++) {
      lines.push(editor.document.lineAt(i).text);
    }
    return this.run(editor.document, snippetOf(lines, sel.start.line + 1), readControls(), `Run Selection (lines ${sel.start.line + 1}–${last + 1})`);
  }

  /** Runs a whole document (the active editor's when `uri` is not given). */
  async runFile(uri?: vscode.Uri): Promise<Report | undefined> {
    const doc = await this.documentOf(uri);
    return doc === undefined ? undefined : this.runDocument(doc, "Run File");
  }

  private runDocument(doc: vscode.TextDocument, label: string, controls = readControls()): Promise<Report | undefined> {
    return this.run(doc, snippetOf(doc.getText().split(/\r?\n/), 1), controls, label);
  }

  private async run(doc: vscode.TextDocument, snippet: Snippet, controls: Controls, label: string, seed = controls.seed, schedule?: string): Promise<Report | undefined> {
    const name = path.basename(doc.uri.path) || "main.py";
    this.panel.busy(`${label}…`);
    const raw = await this.withProgress(`Interleave: ${label} — ${name}`, (signal) => this.worker.simulate(snippet.source, requestOf(controls, name, seed, schedule), signal));
    this.panel.busy(null);
    if (raw === undefined) {
      return undefined;
    }
    const report = shiftReport(raw, snippet.lineOffset, snippet.colOffset);
    this.present(doc, { uri: doc.uri.toString(), name, snippet, controls, report, histogram: null }, label);
    return report;
  }

  /**
   * explore() of a document in the worker: the outcome histogram, the de-duplicated findings
   * (each with its schedule token) in the editor and the panel, and the timeline of the run
   * that shows the first finding (or of the most frequent outcome) replayed from its token.
   */
  async explore(uri?: vscode.Uri, controls = readControls()): Promise<Histogram | undefined> {
    const doc = await this.documentOf(uri);
    if (doc === undefined) {
      return undefined;
    }
    const name = path.basename(doc.uri.path) || "main.py";
    const snippet = snippetOf(doc.getText().split(/\r?\n/), 1);
    this.panel.busy(`Exploring ${controls.runs} schedules…`);
    const found = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Interleave: Explore Schedules — ${name}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        let reported = 0;
        try {
          const base = requestOf(controls, name);
          const ex = await this.worker.explore(
            snippet.source,
            { filename: name, seed: controls.seed, runs: controls.runs, machine: { ...base.machine, strategy: undefined } },
            (done, total) => {
              progress.report({ increment: (100 * (done - reported)) / total, message: `${done}/${total} schedules` });
              reported = done;
            },
            abort.signal,
          );
          const show = ex.findings[0]?.schedule ?? ex.outcomes[0]?.schedule;
          const run = await this.worker.simulate(snippet.source, requestOf(controls, name, controls.seed, show || undefined), abort.signal);
          return { ex, run };
        } catch (e) {
          this.reportFailure(e);
          return undefined;
        } finally {
          sub.dispose();
        }
      },
    );
    this.panel.busy(null);
    if (found === undefined) {
      return undefined;
    }
    const histogram = histogramOf(found.ex);
    const report = shiftReport({ ...found.run, findings: found.ex.findings }, snippet.lineOffset, snippet.colOffset);
    this.present(doc, { uri: doc.uri.toString(), name, snippet, controls, report, histogram }, `Explore (${found.ex.runs} schedules)`);
    return histogram;
  }

  /** Re-runs the recorded program of `args.uri` with the seed (and schedule token) that showed a finding. */
  async replay(args?: ReplayArgs): Promise<Report | undefined> {
    let a = args;
    if (a === undefined) {
      const editor = vscode.window.activeTextEditor;
      const token = await vscode.window.showInputBox({
        title: "Interleave: Replay Schedule",
        prompt: "A schedule token from a finding, or a seed number",
        validateInput: (v) => (v.trim() === "" ? "Enter a schedule token or a seed." : undefined),
      });
      if (token === undefined || editor === undefined) {
        return undefined;
      }
      const t = token.trim();
      a = /^\d+$/.test(t) ? { uri: editor.document.uri.toString(), seed: Number(t), schedule: "" } : { uri: editor.document.uri.toString(), seed: 0, schedule: t };
    }
    const rec = this.records.get(a.uri) ?? (this.panelRecord?.uri === a.uri ? this.panelRecord : undefined);
    const doc = await this.documentOf(vscode.Uri.parse(a.uri));
    if (doc === undefined) {
      return undefined;
    }
    const snippet = rec?.snippet ?? snippetOf(doc.getText().split(/\r?\n/), 1);
    const controls = rec?.controls ?? readControls();
    const label = a.schedule !== "" ? `Replay ${a.schedule}` : `Replay (seed ${a.seed})`;
    return this.run(doc, snippet, controls, label, a.seed, a.schedule === "" ? undefined : a.schedule);
  }

  /** Writes the shown (or the active document's) Report as Chrome/Perfetto trace JSON. */
  async exportTrace(target?: vscode.Uri | string): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const rec = (active !== undefined ? this.records.get(active) : undefined) ?? this.panelRecord;
    if (rec === undefined) {
      void vscode.window.showInformationMessage("Interleave: run a file first; Export Trace saves the last run's timeline.");
      return undefined;
    }
    const base = rec.name.replace(/\.py$/, "");
    let uri = typeof target === "string" ? vscode.Uri.file(target) : target;
    if (uri === undefined) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      uri = await vscode.window.showSaveDialog({
        title: "Export Trace (Perfetto JSON)",
        defaultUri: folder === undefined ? undefined : vscode.Uri.joinPath(folder, `${base}.trace.json`),
        filters: { "Chrome trace JSON": ["json"] },
      });
    }
    if (uri === undefined) {
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(toChromeTrace(rec.report))));
    void vscode.window.showInformationMessage(`Interleave: trace written to ${path.basename(uri.path)}. Open it in ui.perfetto.dev or chrome://tracing.`);
    return uri;
  }

  /**
   * Shows a Report saved as JSON (`interleave run --json FILE > FILE.report.json`); its findings go
   * on the sibling `FILE.py` when there is one.
   */
  async openReport(target?: vscode.Uri | string): Promise<Report | undefined> {
    let uri = typeof target === "string" ? vscode.Uri.file(target) : target;
    if (uri === undefined) {
      const picked = await vscode.window.showOpenDialog({ title: "Open an Interleave Report", filters: { "Report JSON": ["json"] }, canSelectMany: false });
      uri = picked?.[0];
    }
    if (uri === undefined) {
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch (e) {
      void vscode.window.showErrorMessage(`Interleave: cannot read ${path.basename(uri.path)} as JSON (${e instanceof Error ? e.message : String(e)}).`);
      return undefined;
    }
    if (!isReport(parsed)) {
      void vscode.window.showErrorMessage(`Interleave: ${path.basename(uri.path)} is not an Interleave Report (version 1).`);
      return undefined;
    }
    const report = parsed;
    const pyUri = vscode.Uri.joinPath(uri, "..", path.basename(uri.path).replace(/(\.report)?\.json$/, ".py"));
    let doc: vscode.TextDocument | undefined;
    try {
      doc = await vscode.workspace.openTextDocument(pyUri);
      await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
    } catch {
      doc = undefined;
    }
    const name = path.basename(doc?.uri.path ?? uri.path);
    const controls: Controls = { ...readControls(), seed: report.config.seed, profile: report.config.profile, cores: report.config.cores };
    const rec: RunRecord = { uri: doc?.uri.toString() ?? uri.toString(), name, snippet: snippetOf(doc?.getText().split(/\r?\n/) ?? [""], 1), controls, report, histogram: null };
    if (doc !== undefined) {
      this.present(doc, rec, `Report ${path.basename(uri.path)}`);
    } else {
      this.panelRecord = rec;
      this.panel.show(this.modelOf(rec, `Report ${path.basename(uri.path)}`, null), controls);
    }
    return report;
  }

  private present(doc: vscode.TextDocument, rec: RunRecord, label: string): void {
    this.records.set(rec.uri, rec);
    this.panelRecord = rec;
    this.findings.show(doc, rec.report);
    this.panel.show(this.modelOf(rec, label, { uri: rec.uri, name: rec.name }), rec.controls);
    const s = rec.report.outcome.status;
    const n = rec.report.findings.length;
    this.log.appendLine(`${label} ${rec.name}: ${s}, ${n} finding(s), ${rec.report.tasks.length} task(s), ${rec.report.events.length} event(s).`);
  }

  private modelOf(rec: RunRecord, label: string, document: PanelModel["document"]): PanelModel {
    return { report: rec.report, document, label, histogram: rec.histogram };
  }

  private async onPanelMessage(m: WebviewToHost): Promise<void> {
    const rec = this.panelRecord;
    switch (m.type) {
      case "ready":
        return;
      case "reveal": {
        if (rec === undefined) {
          return;
        }
        const doc = await this.documentOf(vscode.Uri.parse(rec.uri));
        if (doc !== undefined) {
          const range = rangeOf(doc, m.span);
          const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range, preserveFocus: false });
          editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
        return;
      }
      case "scrub": {
        if (rec === undefined) {
          return;
        }
        rec.positions ??= new PositionIndex(rec.report);
        this.findings.showPositions(rec.uri, m.time === null ? [] : rec.positions.at(m.time), m.time);
        return;
      }
      case "run": {
        if (rec === undefined) {
          return;
        }
        const doc = await this.documentOf(vscode.Uri.parse(rec.uri));
        if (doc !== undefined) {
          await this.runDocument(doc, "Run File", m.controls);
        }
        return;
      }
      case "explore":
        if (rec !== undefined) {
          await this.explore(vscode.Uri.parse(rec.uri), m.controls);
        }
        return;
      case "replay":
        if (rec !== undefined) {
          await this.replay({ uri: rec.uri, seed: m.seed, schedule: m.schedule });
        }
        return;
      case "exportTrace":
        await this.exportTrace();
        return;
    }
  }

  private async documentOf(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    if (uri !== undefined) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return open ?? (await vscode.workspace.openTextDocument(uri));
    }
    const doc = vscode.window.activeTextEditor?.document;
    if (doc === undefined) {
      void vscode.window.showInformationMessage("Interleave: open a Python file to run it.");
    }
    return doc;
  }

  /** Runs `work` under a cancellable notification; undefined when cancelled or failed (the user is told). */
  private async withProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await work(abort.signal);
      } catch (e) {
        this.reportFailure(e);
        return undefined;
      } finally {
        sub.dispose();
      }
    });
  }

  private reportFailure(e: unknown): void {
    this.panel.busy(null);
    if (e instanceof RunCancelled) {
      void vscode.window.showInformationMessage("Interleave: run cancelled.");
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    this.log.appendLine(`Run failed: ${e instanceof Error && e.stack ? e.stack : message}`);
    const text = e instanceof WorkerCrashed ? `${message} The extension is fine; run again to start a new worker.` : `The simulator failed: ${message}`;
    this.panel.error(text);
    void vscode.window.showErrorMessage(`Interleave: ${text}`);
  }

  dispose(): void {
    this.worker.dispose();
    this.findings.dispose();
    this.panel.dispose();
  }
}
