/**
 * Starts code-server (installed under .e2e/ by install-code-server.sh) with its own user data
 * and extensions directories, installs .vsix files into it, and opens the workbench in Debian's
 * Chromium through playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import * as path from "node:path";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
const ENTRY = path.join(ROOT, ".e2e/node_modules/code-server/out/node/entry.js");

/** User settings that keep the workbench quiet and predictable. */
const SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "chat.commandCenter.enabled": false,
  "chat.disableAIFeatures": true,
  "editor.codeLens": true,
  "git.openRepositoryInParentFolders": "never",
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "files.hotExit": "off",
  "window.confirmBeforeClose": "never",
};

export interface CodeServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A fresh code-server under `.e2e/run/<name>/` with `vsixes` installed and `keybindings`, serving
 * `workspace`. Its output goes to `.e2e/run/<name>/server.log`. With `restricted`, workspace
 * trust stays on and the folder opens untrusted (Restricted Mode), without asking.
 */
export async function startCodeServer(name: string, vsixes: string[], workspace: string, keybindings: unknown[] = [], restricted = false): Promise<CodeServer> {
  const dataDir = path.join(ROOT, ".e2e/run", name);
  rmSync(dataDir, { recursive: true, force: true });
  const userDir = path.join(dataDir, "user");
  const extDir = path.join(dataDir, "extensions");
  mkdirSync(path.join(userDir, "User"), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  const trust = restricted ? { "security.workspace.trust.enabled": true, "security.workspace.trust.startupPrompt": "never", "security.workspace.trust.banner": "always" } : {};
  writeFileSync(path.join(userDir, "User/settings.json"), JSON.stringify({ ...SETTINGS, ...trust }, null, 2));
  writeFileSync(path.join(userDir, "User/keybindings.json"), JSON.stringify(keybindings, null, 2));
  const base = ["--user-data-dir", userDir, "--extensions-dir", extDir];
  for (const vsix of vsixes) {
    const r = spawnSync(process.execPath, [ENTRY, ...base, "--install-extension", vsix], { encoding: "utf8" });
    if (r.status !== 0) {
      throw new Error(`code-server --install-extension ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
    }
  }
  const port = await freePort();
  const logFile = path.join(dataDir, "server.log");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ENTRY, ...base, "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry", "--disable-update-check", "--disable-getting-started-override",
      ...(restricted ? [] : ["--disable-workspace-trust"]),
      workspace,
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CS_DISABLE_FILE_DOWNLOADS: "1" } },
  );
  const log: string[] = [];
  child.stdout?.on("data", (d: Buffer) => log.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}healthz`);
      if (r.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`code-server did not start:\n${log.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    stop: async () => {
      writeFileSync(logFile, log.join(""));
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) {
          child.kill("SIGKILL");
        }
      }
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** Opens the workbench for `workspace` and waits until the editor area is up. */
export async function openWorkbench(browser: Browser, server: CodeServer, workspace: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector(".monaco-workbench .part.editor", { timeout: 90_000 });
  await page.waitForSelector(".monaco-workbench .statusbar", { timeout: 90_000 });
  return page;
}

/** Runs a command from the palette by its title ("Interleave: Run File Concurrently"). */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  // The palette lists a command only once its `when` context holds (editorLangId == python):
  // right after a file opens that can lag, and an open palette does not refresh, so reopen it.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible" });
    await input.fill(`>${title}`);
    const row = page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    try {
      await row.waitFor({ state: "visible", timeout: 5_000 });
      await page.keyboard.press("Enter");
      return;
    } catch (e) {
      if (attempt >= 4) {
        throw e;
      }
      await page.keyboard.press("Escape");
      await page.waitForTimeout(1_000);
    }
  }
}

/** Opens a workspace file by name with Quick Open. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(name);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor({ state: "visible", timeout: 15_000 });
  await page.keyboard.press("Enter");
  await page.locator(`.tab.active[aria-label^="${name}"]`).first().waitFor({ state: "visible", timeout: 15_000 });
}

/** The frame holding the timeline webview's document (nested twice inside the workbench), once `selector` is in it. */
export async function timelineFrame(page: Page, selector: string, timeoutMs = 60_000): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const f of page.frames()) {
      try {
        if ((await f.$(selector)) !== null && (await f.$("#app")) !== null) {
          return f;
        }
      } catch {
        // a frame that went away while we looked
      }
    }
    if (Date.now() > end) {
      throw new Error(`No webview frame with ${selector}.`);
    }
    await page.waitForTimeout(250);
  }
}
