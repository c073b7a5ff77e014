import type { BenchMeasurement } from '../benchContract'
import { runSuites, type SuiteRunRequest } from '../suiteRunner'

// Functions bench/run.mjs exposes to the page (playwright's exposeFunction): rows, progress and
// heap measurement go back to Node, which owns the DevTools session.
interface BenchBridge {
  __benchEmit(suite: string, row: BenchMeasurement): Promise<void>
  __benchLog(message: string): Promise<void>
  __benchHeapMb(): Promise<number>
  __runBench?: (request: SuiteRunRequest) => Promise<void>
}

const bridge = window as unknown as Window & BenchBridge

bridge.__runBench = async (request) => {
  // Rows cross to Node asynchronously: wait for all of them before saying the run is over.
  const delivered: Promise<void>[] = []
  await runSuites(request, {
    env: 'chromium',
    emit: (suite, row) => void delivered.push(bridge.__benchEmit(suite, row)),
    log: (message) => void bridge.__benchLog(message),
    // The runner serves ../shared/data read-only under shared-data/.
    readSharedData: async (path) => {
      const response = await fetch(`shared-data/${path}`)
      return response.ok ? response.text() : undefined
    },
    measureHeapMb: () => bridge.__benchHeapMb()
  })
  await Promise.all(delivered)
}
