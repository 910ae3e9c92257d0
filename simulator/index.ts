/** The simulator's public surface (for the CLI, benchmarks, and the extension's worker). */
export { runSource, type RunOptions, type RunResult, type RunStatus } from "./run";
export { simulate, type SimulateOptions } from "./simulate";
export type * from "./trace/report";
export { explore, failingFindings, type ExploreOptions, type ExploreReport, type ExploreOutcome, type ExploreFinding } from "./explore";
