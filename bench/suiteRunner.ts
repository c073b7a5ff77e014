import type { BenchContext, BenchEnv, BenchMeasurement, BenchSuite } from './benchContract'

/** What the runner asks an environment to do. */
export interface SuiteRunRequest {
  readonly suites: readonly string[]
  readonly sizes: readonly number[]
}

/** Services the environment provides to suites (how to read data, measure memory, report). */
export type SuiteEnvironment = Omit<BenchContext, 'sizes' | 'emit'> & {
  emit(suite: string, row: BenchMeasurement): void
}

// Every suite file, found at build time: adding bench/suites/<name>.ts is all it takes to add a suite.
const SUITES = import.meta.glob<BenchSuite>('./suites/*.ts')

/** Suite names (file names without extension) that exist. */
export function suiteNames(): string[] {
  return Object.keys(SUITES)
    .map((path) => path.replace(/^\.\/suites\//, '').replace(/\.ts$/, ''))
    .sort()
}

/** Runs the requested suites one after the other in this environment. */
export async function runSuites(request: SuiteRunRequest, environment: SuiteEnvironment): Promise<void> {
  const wanted = request.suites.length === 0 ? suiteNames() : request.suites
  for (const name of wanted) {
    const load = SUITES[`./suites/${name}.ts`]
    if (!load) throw new Error(`No bench suite "${name}" (have: ${suiteNames().join(', ')})`)
    const suite = await load()
    const env: BenchEnv = environment.env
    environment.log(`${name}: running in ${env}`)
    await suite.run({
      sizes: request.sizes,
      env,
      emit: (row) => environment.emit(name, row),
      log: (message) => environment.log(`${name}: ${message}`),
      readSharedData: (path) => environment.readSharedData(path),
      measureHeapMb: () => environment.measureHeapMb()
    })
  }
}
