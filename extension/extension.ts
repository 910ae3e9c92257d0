/**
 * Interleave's VS Code entry point: registers the commands, the CodeLens and hover providers
 * and the timeline panel's serializer. Activation does no work beyond that; the simulator
 * worker starts on the first run.
 */
import * as vscode from "vscode";
import { EntryPointLenses } from "./codeLens";
import type { ReplayArgs } from "./findingsView";
import { TIMELINE_VIEW_TYPE } from "./panel";
import { openSample } from "./samples";
import { RunSession } from "./session";

const PYTHON: vscode.DocumentSelector = [{ language: "python" }];

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel("Interleave");
  const session = new RunSession(context.extensionUri, log);
  const command = (id: string, run: (...args: never[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    log,
    session,
    command("interleave.runSelection", () => session.runSelection()),
    command("interleave.runFile", (uri?: vscode.Uri) => session.runFile(uri)),
    command("interleave.exploreSchedules", (uri?: vscode.Uri) => session.explore(uri)),
    command("interleave.replaySchedule", (args?: ReplayArgs) => session.replay(args)),
    command("interleave.exportTrace", (target?: vscode.Uri | string) => session.exportTrace(target)),
    command("interleave.openSample", (id?: string) => openSample(context.extensionUri, id)),
    command("interleave.openReport", (target?: vscode.Uri | string) => session.openReport(target)),
    vscode.languages.registerCodeLensProvider(PYTHON, new EntryPointLenses()),
    vscode.languages.registerHoverProvider(PYTHON, session.findings),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, session.panel),
  );
}

export function deactivate(): void {}
