// `npm run test:vscode`: the integration suite in a VS Code downloaded by @vscode/test-electron
// (or the one VSCODE_EXECUTABLE_PATH names, for machines that cannot download it). Where
// neither is possible, test/e2e/integration.e2e.ts runs the same suite inside code-server.
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { runTests } from "@vscode/test-electron";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, "dist/integration/suite.js"),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    launchArgs: ["--disable-extensions", "--disable-workspace-trust"],
  });
} catch (e) {
  console.error(`The integration suite failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
