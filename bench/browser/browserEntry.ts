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

// The page also shows what it measured (text nodes only), so a screenshot of a run says something.
function showRow(suite: string, row: BenchMeasurement): void {
  const cells = [suite, row.dataset, String(row.n), row.metric, row.kind ?? '', `${row.value.toFixed(row.value >= 100 ? 0 : 2)} ${row.unit}`]
  const tr = document.createElement('tr')
  cells.forEach((text, index) => {
    const td = document.createElement('td')
    td.textContent = text
    if (index === cells.length - 1) td.className = 'value'
    tr.append(td)
  })
  document.getElementById('rows')?.append(tr)
}

const showStatus = (text: string): void => {
  const status = document.getElementById('status')
  if (status) status.textContent = text
}

bridge.__runBench = async (request) => {
  // Rows cross to Node asynchronously: wait for all of them before saying the run is over.
  const delivered: Promise<void>[] = []
  await runSuites(request, {
    env: 'chromium',
    emit: (suite, row) => {
      showRow(suite, row)
      delivered.push(bridge.__benchEmit(suite, row))
    },
    log: (message) => {
      showStatus(message)
      void bridge.__benchLog(message)
    },
    // The runner serves ../shared/data read-only under shared-data/.
    readSharedData: async (path) => {
      const response = await fetch(`shared-data/${path}`)
      return response.ok ? response.text() : undefined
    },
    measureHeapMb: () => bridge.__benchHeapMb()
  })
  await Promise.all(delivered)
  showStatus(`Done: sizes ${request.sizes.join(', ')}.`)
}
