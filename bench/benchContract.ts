/**
 * The contract between the benchmark runner (bench/run.mjs) and its suites (bench/suites/*.ts).
 * A suite is a module exporting `run(context)`; the runner runs it once per environment (Node, then
 * headless Chromium) and prints every row it emits. Suites import nothing from Node or the DOM
 * directly for their I/O: what differs between environments is in the context. App suites
 * (bench/appSuites/*.ts) are the exception: they drive the built app from Node (AppBenchContext).
 */
import type { AppLaunch } from './app/appDriver'

/** Where a suite runs: Node (the built suite in a child process) or a page in headless Chromium. */
export type BenchEnv = 'node' | 'chromium'

export type BenchUnit = 'ms' | 'MB'

/** One measurement, as printed by `npm run bench -- --json` (one JSON object per line). */
export interface BenchRow {
  /** The suite's file name without extension ("search", "timeline"). */
  readonly suite: string
  readonly env: BenchEnv
  /** "synthetic", or the folder in ../shared/data the records came from ("vcdb-2013"). */
  readonly dataset: string
  /** Number of records measured. */
  readonly n: number
  /** Metric name in snake case with its unit: "build_ms", "query_p95_ms", "heap_mb". */
  readonly metric: string
  /** What the metric is about within the suite, if several (a query kind: "prefix", "typo"). */
  readonly kind?: string
  readonly value: number
  readonly unit: BenchUnit
}

/** What a suite emits: the runner adds `suite` and `env`. */
export type BenchMeasurement = Omit<BenchRow, 'suite' | 'env'>

export interface BenchContext {
  /** Synthetic data set sizes asked for (`--sizes 1000,10000`), ascending. */
  readonly sizes: readonly number[]
  readonly env: BenchEnv
  /** Records one measurement. Values are rounded for printing; emit raw numbers. */
  emit(row: BenchMeasurement): void
  /** Progress for the person waiting (stderr); never part of the JSON output. */
  log(message: string): void
  /**
   * Text of a file in ../shared/data (path relative to it: "vcdb-2013/incidents.json"), read at bench
   * time and never copied into the repository; undefined when the file is not there.
   */
  readSharedData(path: string): Promise<string | undefined>
  /** Heap in use after a full garbage collection, in MB (Node: --expose-gc; Chromium: DevTools protocol). */
  measureHeapMb(): Promise<number>
}

/** A bench suite module: bench/suites/<name>.ts. */
export interface BenchSuite {
  run(context: BenchContext): Promise<void>
}

/**
 * What an app suite (bench/appSuites/<name>.ts) gets: it runs in Node, in the runner's process, and
 * drives the real built web app in Chromium through playwright-core (so Chromium only). Its rows
 * are printed as `env: 'chromium'`.
 */
export interface AppBenchContext {
  readonly sizes: readonly number[]
  emit(row: BenchMeasurement): void
  log(message: string): void
  /** Chromium, the served app and the folder of generated files (served under `launch.dataUrl`). */
  readonly launch: AppLaunch
  /** Where the suite writes generated files (bundles) so that they are served under `launch.dataUrl`. */
  readonly dataDir: string
}

/** An app suite module: bench/appSuites/<name>.ts. */
export interface AppBenchSuite {
  run(context: AppBenchContext): Promise<void>
}

/**
 * What a node suite (bench/nodeSuites/<name>.ts) gets: it runs in Node, in the runner's process,
 * and may use Node itself (start a throwaway PostgreSQL, run the command line's code). Named with
 * `--suite` only; its rows are printed as `env: 'node'`.
 */
export interface NodeBenchContext {
  readonly sizes: readonly number[]
  emit(row: BenchMeasurement): void
  log(message: string): void
  /** A folder of the suite's own for generated files (bundles), under out/bench. */
  readonly dataDir: string
}

/** A node suite module: bench/nodeSuites/<name>.ts. */
export interface NodeBenchSuite {
  run(context: NodeBenchContext): Promise<void>
}

/** Percentile (0–100) of measured values by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number
}
