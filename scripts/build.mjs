// Bundles the CLI, the simulator library, and the VS Code extension (host, worker, webview,
// integration suite) with esbuild.
import { cpSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

const node = { bundle: true, platform: "node", target: "node20", format: "cjs", sourcemap: true, logLevel: "warning" };

await build({ ...node, entryPoints: ["simulator/cli.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } });

// The simulator as a library (benchmarks).
await build({ ...node, entryPoints: ["simulator/index.ts"], outfile: "dist/simulator.js" });

// The extension host side ('vscode' is provided by the host) and the simulator worker.
await build({ ...node, entryPoints: ["extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] });
await build({ ...node, entryPoints: ["extension/worker.ts"], outfile: "dist/worker.js" });

// The timeline webview, with its stylesheet, the codicons font and the panel icon beside it:
// media/dist/ is the webview's only resource root.
mkdirSync("media/dist/codicons", { recursive: true });
await build({
  entryPoints: ["media/timeline.ts"],
  outfile: "media/dist/timeline.js",
  bundle: true,
  platform: "browser",
  target: "es2022",
  format: "iife",
  sourcemap: true,
  logLevel: "warning",
});
cpSync("media/timeline.css", "media/dist/timeline.css");
cpSync("media/icon.svg", "media/dist/icon.svg");
for (const f of ["codicon.css", "codicon.ttf"]) {
  cpSync(`node_modules/@vscode/codicons/dist/${f}`, `media/dist/codicons/${f}`);
}

// The Mocha integration suite (test/integration), run inside a real extension host.
await build({
  ...node,
  entryPoints: ["test/integration/suite/index.ts"],
  outfile: "dist/integration/suite.js",
  external: ["vscode"],
  // Mocha's parallel mode (unused here) resolves its worker files at run time.
  logOverride: { "require-resolve-not-external": "silent" },
});
