import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { runSuites, type SuiteRunRequest } from '../suiteRunner'

// Built by bench/run.mjs into out/bench/node and forked with --expose-gc; the request comes as the
// first argument (JSON) and rows go back over the IPC channel, so suites may log freely.
const request = JSON.parse(process.argv[2] ?? '{}') as SuiteRunRequest & { sharedDataDir: string }
const send = (message: unknown): void => {
  process.send?.(message)
}
const gc = (globalThis as { gc?: () => void }).gc

runSuites(request, {
  env: 'node',
  emit: (suite, row) => send({ type: 'row', row: { suite, env: 'node', ...row } }),
  log: (message) => console.error(`[node] ${message}`),
  readSharedData: async (path) => readFile(resolve(request.sharedDataDir, path), 'utf8').catch(() => undefined),
  measureHeapMb: async () => {
    gc?.()
    return process.memoryUsage().heapUsed / 2 ** 20
  }
}).then(
  () => process.disconnect?.(),
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
    process.disconnect?.()
  }
)
