import { defineConfig } from "vitest/config";

// The end-to-end suites drive a real workbench (code-server + Chromium): one file at a time.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
    reporters: ["verbose"],
  },
});
