// Bundles the CLI (and, as they arrive, the extension, the worker and the webview) with esbuild.
import { build } from "esbuild";

await build({
  entryPoints: ["simulator/cli.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});

// The simulator as a library (benchmarks now; the extension's worker later).
await build({
  entryPoints: ["simulator/index.ts"],
  outfile: "dist/simulator.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
});
