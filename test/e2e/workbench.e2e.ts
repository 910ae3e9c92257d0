/**
 * The extension in a real workbench: code-server in headless Chromium, driven like a person
 * would. Runs a corpus snippet from the palette and from its CodeLens, explores it, opens a
 * synthetic 100 000-event Report (a test fixture) and measures zoom and pan on it, checks the
 * editor's diagnostics, decorations and hovers, and saves screenshots to test-results/e2e/.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openFile, openWorkbench, ROOT, runFromPalette, startCodeServer, timelineFrame, type CodeServer } from "./codeServer";
import { SYNTHETIC_SOURCE, syntheticReport } from "./syntheticReport";

const WORKSPACE = path.join(ROOT, ".e2e/run/workspace");
const SHOTS = path.join(ROOT, "test-results/e2e");
// Two corpus seeds that the simulator runs in about a second: the lost update, and flag polling.
const CORPUS = ["s000_07_thread_balance_nolock.py", "s003_08_thread_flag_polling.py"];
// A seed that takes several seconds (400 000 lock events): long enough to cancel.
const SLOW = "s000_08_thread_balance_lock.py";
const OPEN_SYNTHETIC_KEY = "ctrl+alt+shift+o";
const OPEN_SYNTHETIC_PRESS = "Control+Alt+Shift+O";

let server: CodeServer;
let browser: Browser;
let page: Page;
/** Console messages about the Content Security Policy, from any frame (the webview's included). */
const cspViolations: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** All CSS rule text of the workbench (decorations' after-text lives in generated rules). */
function cssText(): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        for (const r of Array.from(sheet.cssRules)) {
          out.push(r.cssText);
        }
      } catch {
        // cross-origin sheet
      }
    }
    return out.join("\n");
  });
}

async function cursorLine(): Promise<number> {
  const text = await page.locator('[id="status.editor.selection"]').innerText();
  return Number(/Ln (\d+)/.exec(text)?.[1] ?? -1);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

beforeAll(async () => {
  rmSync(WORKSPACE, { recursive: true, force: true });
  mkdirSync(WORKSPACE, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  for (const f of [...CORPUS, SLOW]) {
    copyFileSync(path.join(ROOT, "test/corpus/seeds", f), path.join(WORKSPACE, f));
  }
  writeFileSync(path.join(WORKSPACE, "synthetic.py"), SYNTHETIC_SOURCE);
  writeFileSync(path.join(WORKSPACE, "synthetic.report.json"), JSON.stringify(syntheticReport(100_000)));
  // Open Report File takes the path as an argument through a keybinding, as a user could set up.
  const keybindings = [{ key: OPEN_SYNTHETIC_KEY, command: "interleave.openReport", args: path.join(WORKSPACE, "synthetic.report.json") }];
  // Untrusted (Restricted Mode): the extension declares it runs nothing real, so all of it works there.
  server = await startCodeServer("workbench", [path.join(ROOT, "interleave.vsix")], WORKSPACE, keybindings, true);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server, WORKSPACE);
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) {
      cspViolations.push(`${m.location().url}: ${m.text()}`);
    }
  });
  // More room for the editor and the panel in the screenshots.
  await runFromPalette(page, "View: Close Primary Side Bar");
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Interleave in the workbench", () => {
  let frame: Frame;

  it("opens the workspace in Restricted Mode (untrusted)", async () => {
    await page.locator('[id="status.workspaceTrust"], .statusbar-item:has-text("Restricted Mode")').first().waitFor({ state: "attached", timeout: 30_000 });
  });

  it("runs a corpus snippet from the palette: lanes in the panel, findings in the editor", async () => {
    await openFile(page, CORPUS[0]);
    await runFromPalette(page, "Interleave: Run File Concurrently");
    frame = await timelineFrame(page, ".lane-label");
    await frame.waitForSelector(`.status .doc:has-text("${CORPUS[0]}")`);
    // The main thread and the two workers; the lost update on `balance` is found by the analysis.
    const lanes = await frame.locator(".lane-label:not(.stdout-label)").count();
    expect(lanes).toBeGreaterThanOrEqual(3);
    const kinds = await frame.locator(".finding .finding-kind").allInnerTexts();
    expect(kinds.length).toBeGreaterThanOrEqual(1);
    if ((await frame.locator(".finding.severity-error").count()) > 0) {
      await page.locator(".monaco-editor .squiggly-error").first().waitFor({ state: "attached", timeout: 15_000 });
    }
    console.log(`corpus run: ${lanes} lane(s), findings ${JSON.stringify(kinds)}, outcome ${await frame.locator(".status .outcome").innerText()}`);
    await shot("corpus-run-from-palette");
  });

  it("runs from the CodeLens above thread creation", async () => {
    await openFile(page, CORPUS[1]);
    const lens = page.locator('.codelens-decoration a:has-text("Run concurrently")').first();
    await lens.waitFor({ state: "visible", timeout: 30_000 });
    expect(await page.locator('.codelens-decoration a:has-text("Explore")').count()).toBeGreaterThanOrEqual(1);
    await lens.click();
    frame = await timelineFrame(page, `.status .doc:has-text("${CORPUS[1]}")`);
    expect(await frame.locator(".lane-label:not(.stdout-label)").count()).toBeGreaterThanOrEqual(1);
  });

  it("explores schedules and shows the outcome histogram, saying what it did", async () => {
    await runFromPalette(page, "Interleave: Explore Schedules");
    frame = await timelineFrame(page, ".histogram:not(.hidden) .bucket");
    expect(await frame.locator(".histogram .note").innerText()).toMatch(/20 schedules explored by explore\(\)/);
    const counts = await frame.locator(".histogram .bucket .count").allInnerTexts();
    expect(counts.map((c) => Number(c.replace("×", ""))).reduce((a, b) => a + b, 0)).toBe(20);
    // Progress notifications stay up a moment after their work ends.
    await page.locator(".notification-toast-container").first().waitFor({ state: "detached", timeout: 10_000 }).catch(() => undefined);
    await shot("explore-histogram");
  });

  it("shows a 100 000-event Report: lanes, findings, diagnostics, decorations and a hover with Replay", async () => {
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press(OPEN_SYNTHETIC_PRESS);
    frame = await timelineFrame(page, '.status .doc:has-text("synthetic.py · Report synthetic.report.json")');
    await frame.waitForSelector(".finding-race");
    await page.locator('.tab.active[aria-label^="synthetic.py"]').waitFor({ state: "visible" });
    expect(await frame.locator(".lane-label:not(.stdout-label)").allInnerTexts()).toEqual(["MainProcess (pid 4242)", "Thread-1 (worker)", "Thread-2 (worker)", "Thread-3 (worker)", "Process-1 (pid 4243)"]);
    expect(await frame.locator(".finding .finding-kind").allInnerTexts()).toEqual(["race", "potential-deadlock", "gil-serialized"]);
    await page.locator(".monaco-editor .squiggly-error").first().waitFor({ state: "attached", timeout: 15_000 });
    const css = await cssText();
    expect(css).toContain("GIL-serialized: 1.04× parallelism");
    expect(css).toContain("⚠ race: read (Thread-1 (worker))");
    await page.mouse.move(5, 500);
    await shot("synthetic-overview");
    await page.locator(".monaco-editor .view-line", { hasText: "balance = balance + n" }).first().hover({ position: { x: 60, y: 5 } });
    const hover = page.locator(".monaco-hover:not(.hidden)").filter({ hasText: "Replay" }).first();
    await hover.waitFor({ state: "visible", timeout: 15_000 });
    expect(await hover.innerText()).toMatch(/Lost update/);
    await page.waitForTimeout(500);
    await shot("synthetic-findings-hover");
    await page.mouse.move(5, 500);
  });

  it("zooms and pans the 100 000-event timeline smoothly", async () => {
    const canvas = frame.locator("canvas");
    const box = (await canvas.boundingBox())!;
    // Render times come from the webview's own probe; frame intervals from a rAF sampler.
    const startSampling = () =>
      frame.evaluate(() => {
        const w = window as unknown as { __interleavePerf: { renders: number[] }; __frames: number[]; __sampling: boolean };
        w.__interleavePerf.renders.length = 0;
        w.__frames = [];
        w.__sampling = true;
        const tick = (t: number): void => {
          if (w.__sampling) {
            w.__frames.push(t);
            requestAnimationFrame(tick);
          }
        };
        requestAnimationFrame(tick);
      });
    const stopSampling = () =>
      frame.evaluate(() => {
        const w = window as unknown as { __interleavePerf: { renders: number[] }; __frames: number[]; __sampling: boolean };
        w.__sampling = false;
        const f = w.__frames;
        return { renders: [...w.__interleavePerf.renders], intervals: f.slice(1).map((t, i) => t - f[i]) };
      });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await startSampling();
    for (let i = 0; i < 16; i++) {
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(16);
    }
    for (let i = 0; i < 20; i++) {
      await page.mouse.down();
      for (let k = 0; k < 4; k++) {
        await page.mouse.move(cx + (k + 1) * 30 * (i % 2 === 0 ? 1 : -1), cy);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      await page.mouse.move(cx, cy);
    }
    const inOut = await stopSampling();
    await shot("synthetic-zoomed");
    await startSampling();
    for (let i = 0; i < 16; i++) {
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(200);
    const out = await stopSampling();
    const renders = [...inOut.renders, ...out.renders];
    const intervals = [...inOut.intervals, ...out.intervals];
    const summary = {
      events: 100_000,
      renders: renders.length,
      renderMs: { p50: percentile(renders, 50), p95: percentile(renders, 95), max: Math.max(...renders) },
      frameIntervalMs: { frames: intervals.length, p50: percentile(intervals, 50), p95: percentile(intervals, 95), max: Math.max(...intervals) },
    };
    writeFileSync(path.join(SHOTS, "frame-times.json"), JSON.stringify(summary, null, 2));
    console.log(`zoom/pan on 100 000 events: ${JSON.stringify(summary)}`);
    expect(renders.length).toBeGreaterThanOrEqual(30);
    expect(summary.renderMs.p95).toBeLessThan(16);
  });

  it("clicking a segment reveals its line; scrubbing the time axis marks where each thread was", async () => {
    const box = (await frame.locator("canvas").boundingBox())!;
    await frame.locator("canvas").focus();
    await page.keyboard.press("0");
    await page.waitForTimeout(100);
    await page.mouse.click(box.x + box.width * 0.4, box.y + 24 + 26 * 1 + 13);
    await expect.poll(cursorLine, { timeout: 10_000 }).toBeGreaterThan(1);
    expect([13, 14, 20, 21, 22]).toContain(await cursorLine());
    await page.mouse.move(box.x + box.width * 0.3, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, box.y + 10, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await cssText()).includes("◀ Thread-"), { timeout: 10_000 }).toBe(true);
    await shot("synthetic-scrub");
  });

  it("loads the webview under its strict CSP without a single violation", () => {
    expect(cspViolations.filter((v) => v.includes("timeline") || v.includes("vscode-webview") || v.includes("vscode-resource"))).toEqual([]);
  });

  it("cancels a long run from its progress notification, then runs again in a new worker", async () => {
    await openFile(page, SLOW);
    await runFromPalette(page, "Interleave: Run File Concurrently");
    const toast = page.locator(".notification-toast", { hasText: `Run File — ${SLOW}` });
    await toast.locator("a.monaco-button", { hasText: "Cancel" }).click({ timeout: 15_000 });
    await page.locator(".notification-toast", { hasText: "run cancelled" }).waitFor({ state: "visible", timeout: 15_000 });
    await openFile(page, CORPUS[1]);
    await runFromPalette(page, "Interleave: Run File Concurrently");
    frame = await timelineFrame(page, `.status .doc:has-text("${CORPUS[1]} · Run File")`);
    expect(await frame.locator(".lane-label:not(.stdout-label)").count()).toBeGreaterThanOrEqual(2);
  });

  it("brings the panel back, with its Report, after the window reloads", async () => {
    await openFile(page, CORPUS[0]);
    await runFromPalette(page, "Interleave: Run File Concurrently");
    frame = await timelineFrame(page, `.status .doc:has-text("${CORPUS[0]}")`);
    await page.waitForTimeout(500);
    await runFromPalette(page, "Developer: Reload Window");
    await page.waitForSelector(".monaco-workbench .part.editor", { timeout: 90_000 });
    frame = await timelineFrame(page, `.status .doc:has-text("${CORPUS[0]}")`, 90_000);
    expect(await frame.locator(".lane-label:not(.stdout-label)").count()).toBeGreaterThanOrEqual(1);
  });
});
