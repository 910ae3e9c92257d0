import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/differential/**/*.test.ts", "test/corpus/**/*.test.ts", "test/runtime/**/*.test.ts", "test/analysis/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "threads",
  },
});
