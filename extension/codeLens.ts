/** "▶ Run concurrently" and "Explore" above each concurrency entry point (entryPoints.ts). */
import * as vscode from "vscode";
import { findEntryPoints, type EntryPoint } from "./entryPoints";

export class EntryPointLenses implements vscode.CodeLensProvider {
  private cache: { uri: string; version: number; points: EntryPoint[] } | undefined;

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (this.cache?.uri !== doc.uri.toString() || this.cache.version !== doc.version) {
      this.cache = { uri: doc.uri.toString(), version: doc.version, points: findEntryPoints(doc.getText()) };
    }
    return this.cache.points.flatMap((p) => {
      const range = new vscode.Range(p.line - 1, 0, p.line - 1, 0);
      return [
        new vscode.CodeLens(range, { title: "▶ Run concurrently", tooltip: `Run this file in the Interleave simulator (${p.name})`, command: "interleave.runFile", arguments: [doc.uri] }),
        new vscode.CodeLens(range, { title: "Explore", tooltip: "Run several seeds and show the outcome histogram", command: "interleave.exploreSchedules", arguments: [doc.uri] }),
      ];
    });
  }
}
