/// <reference types="mocha" />
/**
 * The extension against the real vscode API: commands, CodeLens, diagnostics and hovers,
 * selection runs, clearing on edit, exploring, reports saved as JSON, trace export, the panel.
 */
import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import type { Report } from "../../../simulator/trace/report";
import { SYNTHETIC_SOURCE, syntheticReport } from "../../e2e/syntheticReport";
import type { Histogram } from "../../../extension/protocol";

const EXTENSION_ID = "interleave.interleave";
const COMMANDS = [
  "interleave.runSelection",
  "interleave.runFile",
  "interleave.exploreSchedules",
  "interleave.replaySchedule",
  "interleave.exportTrace",
  "interleave.openSample",
  "interleave.openReport",
];

async function open(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: "python", content });
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

function interleaveDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "interleave");
}

async function until<T>(what: string, f: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) {
      return v;
    }
    if (Date.now() > end) {
      throw new Error(`Timed out waiting for ${what}.`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

suite("Interleave extension", () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await ext.activate();
  });

  test("registers its commands", async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of COMMANDS) {
      assert.ok(all.includes(c), c);
    }
  });

  test("Open Sample opens a classic as an untitled Python document", async () => {
    const doc = (await vscode.commands.executeCommand("interleave.openSample", "lock-order-deadlock")) as vscode.TextDocument;
    assert.equal(doc.languageId, "python");
    assert.match(doc.getText(), /with b:\n\s+time\.sleep/);
  });

  test("the classics, run from the palette, show what they teach in the editor", async () => {
    const cases: [string, string[], string[]][] = [
      // sample, diagnostic codes it must show, codes it must not show
      ["lost-update", ["race"], ["deadlock"]],
      ["lost-update-lock", [], ["race", "deadlock", "potential-deadlock"]],
      ["lock-order-deadlock", ["deadlock"], ["race"]],
      ["cpu-threads-vs-processes", ["gil-serialized"], ["race", "deadlock"]],
    ];
    for (const [id, must, mustNot] of cases) {
      const doc = (await vscode.commands.executeCommand("interleave.openSample", id)) as vscode.TextDocument;
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const report = (await vscode.commands.executeCommand("interleave.runFile")) as Report;
      assert.ok(report, `${id}: a Report`);
      const codes = interleaveDiagnostics(doc.uri).map((d) => String(d.code));
      for (const c of must) {
        assert.ok(codes.includes(c), `${id}: ${c} in ${JSON.stringify(codes)}`);
      }
      for (const c of mustNot) {
        assert.ok(!codes.includes(c), `${id}: no ${c} in ${JSON.stringify(codes)}`);
      }
      if (id === "lock-order-deadlock") {
        const d = interleaveDiagnostics(doc.uri).find((x) => x.code === "deadlock")!;
        assert.match(d.message, /holds a .* holds b|holds b .* holds a/);
        assert.ok((d.relatedInformation ?? []).length >= 1, "the other thread's lines as related information");
      }
    }
  });

  test("CodeLens puts Run and Explore above thread creation", async () => {
    const doc = (await vscode.commands.executeCommand("interleave.openSample", "lost-update")) as vscode.TextDocument;
    const lenses = (await vscode.commands.executeCommand("vscode.executeCodeLensProvider", doc.uri, 10)) as vscode.CodeLens[];
    const ours = lenses.filter((l) => l.command?.command.startsWith("interleave."));
    const lines = [...new Set(ours.map((l) => l.range.start.line))].map((l) => doc.lineAt(l).text);
    assert.deepEqual(lines, ["t1 = threading.Thread(target=run_thread, args=(5,))", "t2 = threading.Thread(target=run_thread, args=(8,))"]);
    assert.deepEqual(ours.slice(0, 2).map((l) => l.command?.title), ["▶ Run concurrently", "Explore"]);
  });

  test("Run File turns an uncaught exception into a diagnostic whose hover offers Replay", async () => {
    const editor = await open("def divide(a, b):\n    return a / b\n\nprint(divide(1, 0))\n");
    const report = (await vscode.commands.executeCommand("interleave.runFile")) as Report;
    assert.equal(report.outcome.status, "exception");
    const diags = interleaveDiagnostics(editor.document.uri);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].range.start.line, 1);
    assert.equal(diags[0].code, "unhandled-exception");
    const hovers = (await vscode.commands.executeCommand("vscode.executeHoverProvider", editor.document.uri, diags[0].range.start.translate(0, 1))) as vscode.Hover[];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : "value" in c ? c.value : ""))).join("\n");
    assert.match(text, /command:interleave\.replaySchedule/);
    assert.match(text, /ZeroDivisionError/);
  });

  test("findings are cleared when the document changes", async () => {
    const editor = await open("x = 1 / 0\n");
    await vscode.commands.executeCommand("interleave.runFile");
    assert.equal(interleaveDiagnostics(editor.document.uri).length, 1);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "# edited\n"));
    await until("diagnostics to clear", () => (interleaveDiagnostics(editor.document.uri).length === 0 ? true : undefined));
  });

  test("Run Selection runs whole, dedented lines and maps positions back", async () => {
    const editor = await open("import math\n\ndef main():\n    a = 1\n    b = a / 0\n    return b\n");
    editor.selection = new vscode.Selection(3, 2, 4, 6);
    const report = (await vscode.commands.executeCommand("interleave.runSelection")) as Report;
    assert.equal(report.outcome.status, "exception");
    const d = interleaveDiagnostics(editor.document.uri);
    assert.equal(d.length, 1);
    assert.equal(d[0].range.start.line, 4);
    assert.equal(editor.document.getText(d[0].range).includes("a / 0"), true);
  });

  test("Replay re-runs the recorded program with the finding's seed", async () => {
    const editor = await open("import sys\nprint('out')\nraise ValueError('boom')\n");
    await vscode.commands.executeCommand("interleave.runFile");
    const report = (await vscode.commands.executeCommand("interleave.replaySchedule", { uri: editor.document.uri.toString(), seed: 7, schedule: "" })) as Report;
    assert.equal(report.config.seed, 7);
    assert.equal(report.outcome.stdout, "out\n");
    assert.equal(interleaveDiagnostics(editor.document.uri)[0].range.start.line, 2);
  });

  test("Explore Schedules runs explore() for the configured number of schedules and builds a histogram", async () => {
    const config = vscode.workspace.getConfiguration("interleave");
    await config.update("explore.runs", 3, vscode.ConfigurationTarget.Global);
    try {
      await open("print('same every time')\n");
      const h = (await vscode.commands.executeCommand("interleave.exploreSchedules")) as Histogram;
      assert.equal(h.runs, 3);
      assert.deepEqual(h.buckets.map((b) => [b.stdout, b.count]), [["same every time\n", 3]]);
      assert.match(h.note, /explore\(\)/);
      assert.match(h.buckets[0].schedule, /^il1\./);
    } finally {
      await config.update("explore.runs", undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test("Open Report shows a saved multi-thread Report's findings with related locations", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "interleave-it-"));
    writeFileSync(path.join(dir, "synthetic.py"), SYNTHETIC_SOURCE);
    writeFileSync(path.join(dir, "synthetic.report.json"), JSON.stringify(syntheticReport(5000)));
    const report = (await vscode.commands.executeCommand("interleave.openReport", path.join(dir, "synthetic.report.json"))) as Report;
    assert.equal(report.tasks.length, 5);
    const uri = vscode.Uri.file(path.join(dir, "synthetic.py"));
    const diags = interleaveDiagnostics(uri);
    const race = diags.find((d) => d.code === "race");
    assert.ok(race, "a race diagnostic");
    assert.equal(race.range.start.line, 12);
    assert.equal(race.relatedInformation?.length, 1);
    assert.equal(race.relatedInformation?.[0].location.range.start.line, 13);
    assert.ok(diags.some((d) => d.code === "gil-serialized" && d.severity === vscode.DiagnosticSeverity.Information));

    const out = path.join(dir, "synthetic.trace.json");
    await vscode.commands.executeCommand("interleave.exportTrace", out);
    const trace = JSON.parse(readFileSync(out, "utf8")) as { traceEvents: { ph: string; name: string }[] };
    assert.ok(trace.traceEvents.some((e) => e.ph === "M" && e.name === "thread_name"));
    assert.ok(trace.traceEvents.some((e) => e.ph === "X"));
    assert.ok(trace.traceEvents.some((e) => e.ph === "s"));
  });

  test("the timeline panel is open beside the editor", async () => {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith("interleave.timeline")));
  });
});
