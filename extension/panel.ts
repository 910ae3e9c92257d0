/**
 * The timeline webview panel's host side: one panel, its HTML (strict CSP with a nonce, only
 * media/dist as a resource root), the typed message channel (protocol.ts, validated here), and
 * the serializer that brings the panel back after a reload (the webview restores its own state
 * with getState/setState).
 */
import * as vscode from "vscode";
import { parseWebviewMessage, toWire, type Controls, type HostToWebview, type PanelModel, type WebviewToHost } from "./protocol";

export const TIMELINE_VIEW_TYPE = "interleave.timeline";

export class TimelinePanel implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private model: PanelModel | undefined;
  private controls: Controls;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly log: vscode.OutputChannel;

  constructor(
    private readonly extensionUri: vscode.Uri,
    initialControls: Controls,
    private readonly onMessage: (m: WebviewToHost) => void,
    log: vscode.OutputChannel,
  ) {
    this.controls = initialControls;
    this.log = log;
  }

  /** The model shown (for commands that act on "the report in the panel"). */
  get current(): PanelModel | undefined {
    return this.model;
  }

  /** Shows `model` in the panel, opening the panel beside the editor if needed. */
  show(model: PanelModel, controls: Controls): void {
    this.model = model;
    this.controls = controls;
    if (this.panel === undefined) {
      const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, "Interleave Timeline", { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.options());
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    this.post({ type: "show", model, controls });
  }

  busy(text: string | null): void {
    this.post({ type: "busy", text });
  }

  error(message: string): void {
    this.post({ type: "error", message });
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = this.options();
    this.attach(panel);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "media", "dist")],
      enableCommandUris: false,
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, "media", "dist", "icon.svg");
    panel.webview.html = this.html(panel.webview);
    this.disposables.push(
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
        }
      }),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = parseWebviewMessage(raw);
        if (m === undefined) {
          this.log.appendLine(`Ignored an invalid message from the timeline webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
          return;
        }
        if (m.type === "ready" && this.model !== undefined) {
          this.post({ type: "show", model: this.model, controls: this.controls });
        }
        this.onMessage(m);
      }),
    );
  }

  private post(m: HostToWebview): void {
    void this.panel?.webview.postMessage(toWire(m));
  }

  private html(webview: vscode.Webview): string {
    const nonce = makeNonce();
    const dist = (f: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, "media", "dist", f)).toString();
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join("; ");
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${dist("codicons/codicon.css")}">
<link rel="stylesheet" href="${dist("timeline.css")}">
<title>Interleave Timeline</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${dist("timeline.js")}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function makeNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64").replace(/[^A-Za-z0-9]/g, "");
}
