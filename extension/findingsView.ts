/**
 * A Report's findings in the editor: Diagnostics (source "interleave", related information for
 * the other locations), inline decorations for races, deadlocks and GIL serialization, hovers
 * with a Replay link, and the scrubber's "where each thread was" marks. Cleared as soon as the
 * document changes, since their positions no longer hold.
 */
import * as vscode from "vscode";
import type { Finding, Report, SourceSpan } from "../simulator/trace/report";
import { decorationKind, lineNotes, type DecorationKind } from "./findingStyle";
import { formatTime } from "./timeFormat";
import type { TaskPosition } from "./whereAt";

/** Arguments of the Replay command link in hovers (and of the command). */
export interface ReplayArgs {
  uri: string;
  seed: number;
  schedule: string;
}

const SEVERITY: Record<Finding["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The document range of a Report span (a column of -1 means "the whole line"). */
export function rangeOf(doc: vscode.TextDocument, s: SourceSpan): vscode.Range {
  const line = Math.min(Math.max(s.line - 1, 0), doc.lineCount - 1);
  const endLine = Math.min(Math.max(s.endLine - 1, line), doc.lineCount - 1);
  const text = doc.lineAt(line);
  if (s.col < 0 || (endLine === line && s.endCol <= s.col)) {
    return new vscode.Range(line, text.firstNonWhitespaceCharacterIndex, line, text.range.end.character);
  }
  return new vscode.Range(line, s.col, endLine, Math.min(Math.max(s.endCol, 0), doc.lineAt(endLine).range.end.character));
}

export class FindingsView implements vscode.HoverProvider, vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection("interleave");
  private readonly types: Record<Exclude<DecorationKind, "other">, vscode.TextEditorDecorationType>;
  private readonly scrubType: vscode.TextEditorDecorationType;
  /** Findings shown per document URI, with the run configuration that produced them. */
  private readonly shown = new Map<string, { findings: Finding[]; seed: number }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const after = (color: string): vscode.ThemableDecorationAttachmentRenderOptions => ({ color: new vscode.ThemeColor(color), margin: "0 0 0 1em", fontStyle: "italic" });
    this.types = {
      race: vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor("diffEditor.removedTextBackground"),
        overviewRulerColor: new vscode.ThemeColor("editorError.foreground"),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        after: after("editorError.foreground"),
      }),
      deadlock: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor("inputValidation.errorBackground"),
        overviewRulerColor: new vscode.ThemeColor("editorError.foreground"),
        overviewRulerLane: vscode.OverviewRulerLane.Full,
        after: after("editorError.foreground"),
      }),
      gil: vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor("editor.findMatchHighlightBackground"),
        overviewRulerColor: new vscode.ThemeColor("editorWarning.foreground"),
        overviewRulerLane: vscode.OverviewRulerLane.Center,
        after: after("editorWarning.foreground"),
      }),
    };
    this.scrubType = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      backgroundColor: new vscode.ThemeColor("editor.rangeHighlightBackground"),
      after: { color: new vscode.ThemeColor("editorCodeLens.foreground"), margin: "0 0 0 2em" },
    });
    this.disposables.push(
      this.diagnostics,
      this.types.race,
      this.types.deadlock,
      this.types.gil,
      this.scrubType,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) {
          this.clear(e.document.uri);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((ed) => this.decorate(ed))),
    );
  }

  /** Shows `report`'s findings on `doc` (replacing what was shown there). */
  show(doc: vscode.TextDocument, report: Report): void {
    const key = doc.uri.toString();
    this.shown.set(key, { findings: report.findings, seed: report.config.seed });
    this.diagnostics.set(
      doc.uri,
      report.findings.map((f) => {
        const d = new vscode.Diagnostic(rangeOf(doc, f.locations[0] ?? { line: 1, col: -1, endLine: 1, endCol: -1 }), f.message, SEVERITY[f.severity]);
        d.source = "interleave";
        d.code = f.kind;
        d.relatedInformation = f.locations.slice(1).map(
          (l) => new vscode.DiagnosticRelatedInformation(new vscode.Location(doc.uri, rangeOf(doc, l)), `${l.role}${l.task === undefined ? "" : ` (${l.task})`}`),
        );
        return d;
      }),
    );
    vscode.window.visibleTextEditors.filter((ed) => ed.document.uri.toString() === key).forEach((ed) => this.decorate(ed));
  }

  private decorate(editor: vscode.TextEditor): void {
    const entry = this.shown.get(editor.document.uri.toString());
    const options: Record<Exclude<DecorationKind, "other">, vscode.DecorationOptions[]> = { race: [], deadlock: [], gil: [] };
    const findings = entry?.findings ?? [];
    for (const f of findings) {
      const kind = decorationKind(f);
      if (kind !== "other") {
        f.locations.forEach((l) => options[kind].push({ range: rangeOf(editor.document, l) }));
      }
    }
    for (const n of lineNotes(findings)) {
      const line = Math.min(Math.max(n.line - 1, 0), editor.document.lineCount - 1);
      const end = editor.document.lineAt(line).range.end;
      options[n.kind].push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: n.text } } });
    }
    editor.setDecorations(this.types.race, options.race);
    editor.setDecorations(this.types.deadlock, options.deadlock);
    editor.setDecorations(this.types.gil, options.gil);
  }

  /** Marks, on `doc`, the line each task was at (the timeline's scrubber); [] removes the marks. */
  showPositions(uri: string, positions: TaskPosition[], time: number | null): void {
    for (const ed of vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri)) {
      const byLine = new Map<number, TaskPosition[]>();
      positions.forEach((p) => byLine.set(p.span.line, [...(byLine.get(p.span.line) ?? []), p]));
      const when = time === null ? "" : ` @ ${formatTime(time)}`;
      ed.setDecorations(
        this.scrubType,
        [...byLine.values()].map((ps) => ({
          range: rangeOf(ed.document, ps[0].span),
          renderOptions: { after: { contentText: `◀ ${ps.map((p) => `${p.task.name} ${p.state}${p.reason ? ` (${p.reason})` : ""}`).join(", ")}${when}` } },
        })),
      );
    }
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.shown.has(key)) {
      return;
    }
    this.shown.delete(key);
    this.diagnostics.delete(uri);
    vscode.window.visibleTextEditors.filter((ed) => ed.document.uri.toString() === key).forEach((ed) => {
      this.decorate(ed);
      ed.setDecorations(this.scrubType, []);
    });
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const entry = this.shown.get(doc.uri.toString());
    const hits = (entry?.findings ?? []).filter((f) => f.locations.some((l) => rangeOf(doc, l).contains(pos)));
    if (entry === undefined || hits.length === 0) {
      return undefined;
    }
    const md = new vscode.MarkdownString("", true);
    md.isTrusted = { enabledCommands: ["interleave.replaySchedule"] };
    for (const f of hits) {
      md.appendMarkdown(`**Interleave — ${f.kind}** (${f.severity})\n\n`);
      md.appendText(f.message);
      md.appendMarkdown("\n\n");
      if (f.locations.length > 1) {
        for (const l of f.locations) {
          md.appendMarkdown(`- line ${l.line}: `);
          md.appendText(`${l.role}${l.task === undefined ? "" : ` (${l.task})`}`);
          md.appendMarkdown("\n");
        }
        md.appendMarkdown("\n");
      }
      const args: ReplayArgs = { uri: doc.uri.toString(), seed: entry.seed, schedule: f.schedule ?? "" };
      const link = `command:interleave.replaySchedule?${encodeURIComponent(JSON.stringify([args]))}`;
      const what = f.schedule ? `schedule \`${f.schedule}\`` : `seed ${entry.seed}`;
      md.appendMarkdown(`[$(debug-rerun) Replay](${link} "Replay the run that showed this") — ${what}\n\n`);
      if (f.detail !== undefined && f.detail !== "") {
        md.appendCodeblock(f.detail, "text");
      }
    }
    return new vscode.Hover(md);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
