// Opens the timeline, charts, comparison, graph and a record page of a built web app at n synthetic
// records and prints how long each took from navigation to its content painted (median and p95 of
// RUNS opens), and the page's JS heap after every view was opened (after a garbage collection).
// Usage: node tools/view-open/measureViews.mjs <web dir> <rows json from syntheticRows.mjs>
// (a quick measuring script for issue 10; the `--suite app` benchmark is the real one).
// ONLY=timeline,comparison opens only the views whose names start so; PROFILE=1 records a CPU
// profile of the page around the last open of each view and prints its hottest functions (self time).
import { createServer } from 'node:http'
import { readFile, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { chromium } from 'playwright-core'

const [webDir, seedFile] = process.argv.slice(2)
const RUNS = Number(process.env.RUNS ?? 5)
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2'
}
const server = createServer(async (request, response) => {
  const path = new URL(request.url, 'http://x').pathname
  const file = path === '/__seed.json' ? seedFile : join(webDir, path === '/' ? 'index.html' : path)
  try {
    if (!(await stat(file)).isFile()) throw new Error()
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file))
  } catch {
    response.writeHead(404).end()
  }
})
await new Promise((ready) => server.listen(0, '127.0.0.1', ready))
const url = `http://127.0.0.1:${server.address().port}/`
const profile = await mkdtemp(join(tmpdir(), 'views-measure-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 }
})
const page = context.pages()[0] ?? (await context.newPage())
page.on('pageerror', (error) => console.error('page error:', error.message))
page.on('crash', () => console.error('the page crashed'))
page.on('console', (message) => message.type() === 'error' && console.error('console:', message.text()))
page.setDefaultTimeout(600_000)
await page.goto(`${url}#/import`)
await page.getByRole('heading', { level: 1 }).first().waitFor()
// The app has opened (and seeded) its database: write the synthetic rows straight into it.
const started = Date.now()
const written = await page.evaluate(async () => {
  const rows = await (await fetch('/__seed.json')).json()
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('precedent')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  let count = 0
  for (const [table, list] of Object.entries(rows)) {
    await new Promise((resolve, reject) => {
      const transaction = db.transaction(table, 'readwrite')
      const store = transaction.objectStore(table)
      for (const row of list) store.put(row)
      transaction.oncomplete = resolve
      transaction.onerror = () => reject(transaction.error)
    })
    count += list.length
  }
  // The index snapshot no longer matches: drop it, so the wait below is for the real rebuild.
  await new Promise((resolve) => {
    const transaction = db.transaction('meta', 'readwrite')
    transaction.objectStore('meta').delete('search:snapshot')
    transaction.oncomplete = resolve
  })
  db.close()
  return count
})
console.log(`seeded ${written} rows in ${Date.now() - started} ms`)
await page.reload()
await page.getByRole('heading', { level: 1 }).first().waitFor()
// Wait for the search index to be rebuilt and saved, so the views are measured on an idle app.
const indexStart = Date.now()
await page.waitForFunction(
  () =>
    new Promise((resolve) => {
      const open = indexedDB.open('precedent')
      open.onsuccess = () => {
        const request = open.result.transaction('meta').objectStore('meta').get('search:snapshot')
        request.onsuccess = () => {
          open.result.close()
          resolve(request.result !== undefined)
        }
      }
    }),
  undefined,
  { polling: 1000, timeout: 600_000 }
)
console.log(`search index ready after ${Date.now() - indexStart} ms`)
await page.waitForTimeout(3000)

const VIEWS = [
  ['timeline', '#/timeline', 'svg.timeline-canvas[aria-label^="Timeline of"]'],
  ['charts', '#/charts', 'svg.stacked-bar-chart'],
  ['comparison', '#/compare?category=breach', '.jurisdiction-comparison-view h2'],
  ['graph', '#/graph/organisation/syn-org-1', 'svg.graph-canvas'],
  ['record page (organisation)', '#/organisations/syn-org-1', 'h1'],
  ['record page (incident)', '#/incidents/syn-inc-1', 'h1']
]
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]
const only = (process.env.ONLY ?? '').split(',').filter((name) => name !== '')
const profiler = process.env.PROFILE === '1' ? await context.newCDPSession(page) : undefined
if (profiler !== undefined) await profiler.send('Profiler.enable')
async function printHottest(name) {
  const { profile } = await profiler.send('Profiler.stop')
  const self = new Map()
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length) / 1000
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  for (const id of profile.samples) {
    const frame = byId.get(id).callFrame
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + interval)
  }
  console.log(`  hottest in ${name} (self ms):`)
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${ms.toFixed(0).padStart(7)}  ${key}`)
}
for (const [name, hash, selector] of VIEWS) {
  if (only.length > 0 && !only.some((prefix) => name.startsWith(prefix))) continue
  const times = []
  for (let run = 0; run < RUNS; run += 1) {
    await page.evaluate(() => (location.hash = '#/import'))
    await page
      .getByRole('heading', { name: /Import/ })
      .first()
      .waitFor()
    await page.waitForTimeout(300)
    const profiling = profiler !== undefined && run === RUNS - 1
    if (profiling) await profiler.send('Profiler.start')
    const ms = await page.evaluate(
      ([target, wanted]) =>
        new Promise((resolve) => {
          const start = performance.now()
          location.hash = target
          const check = () => {
            if (performance.now() - start > 120_000) resolve(-1)
            else if (
              document.querySelector(wanted) !== null &&
              !document.querySelector('[role="status"]')?.textContent?.match(/^(Counting|Comparing|Loading)…$/)
            ) {
              // The frame after the one that added it: painted.
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)))
            } else requestAnimationFrame(check)
          }
          check()
        }),
      [hash, selector]
    )
    times.push(ms)
    if (profiling) await printHottest(name)
  }
  console.log(
    `${name}: median ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`
  )
}
// A record picker at scale: "Link an incident…" on an organisation's page, typing a word, until
// the first option is listed (answered by the views worker).
if (only.length === 0 || only.some((prefix) => 'picker'.startsWith(prefix))) {
  const times = []
  for (let run = 0; run < RUNS; run += 1) {
    // From another page each time, so the link form starts closed.
    await page.evaluate(() => (location.hash = '#/import'))
    await page
      .getByRole('heading', { name: /Import/ })
      .first()
      .waitFor()
    await page.evaluate(() => (location.hash = '#/organisations/syn-org-1'))
    await page.getByRole('button', { name: 'Link an incident…' }).click()
    const picker = page.getByRole('combobox', { name: 'Incident' })
    await picker.fill('')
    const start = Date.now()
    await picker.pressSequentially(run % 2 === 0 ? 'leak' : 'breach')
    const listed = await page
      .getByRole('listbox', { name: 'Incident' })
      .getByRole('option')
      .first()
      .waitFor({ timeout: 60_000 })
      .then(
        () => true,
        () => false
      )
    if (!listed) console.error(`picker: nothing listed after 60 s; it says "${await page.locator('.record-picker-status').first().textContent()}"`)
    times.push(listed ? Date.now() - start : -1)
  }
  console.log(
    `picker (type a word, first option listed): median ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms (${times.join(', ')})`
  )
}
const cdp = await context.newCDPSession(page)
await cdp.send('HeapProfiler.collectGarbage')
const heap = await cdp.send('Runtime.getHeapUsage')
console.log(`page JS heap after every view: ${(heap.usedSize / 1024 / 1024).toFixed(0)} MB used, ${(heap.totalSize / 1024 / 1024).toFixed(0)} MB total`)
await context.close()
await rm(profile, { recursive: true, force: true })
server.close()
