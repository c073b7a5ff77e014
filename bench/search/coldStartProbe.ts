// Cold-start probe (not a suite; run by hand): seeds N synthetic records into the built web app (as one import transaction
// with 'import' revisions), measures the first search after the import, raw getAll of every record
// store, and reload-to-first-result. Run: JITI_ALIAS=... npx jiti bench/search/coldStartProbe.ts N (JITI_ALIAS maps @shared, @renderer, @resources to their folders)
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { serveStatic } from '../../test/e2e/staticServer'
import { syntheticRecords } from './syntheticRecords'
import { toRow } from '../../src/renderer/db/storedRow'
import { diffRecords } from '../../src/shared/domain/recordHistory'
import { TABLE_OF } from '../../src/renderer/db/precedentDatabase'

const n = Number(process.argv[2] ?? 10000)
const webDir = process.env.WEB_DIR ?? 'out/web-search'
const query = process.env.QUERY ?? 'ransomware'
const reloads = Number(process.env.RELOADS ?? 3)

const at = new Date().toISOString()
const records = syntheticRecords(n, at)
const items = records.map((typed, index) => ({
  table: TABLE_OF[typed.type],
  row: toRow(typed.type, typed.record as never),
  revision: {
    id: `rev-import-${index}`,
    recordType: typed.type,
    recordId: typed.record.id,
    revision: 1,
    at,
    author: '',
    action: 'import',
    changes: diffRecords(undefined, typed.record),
    snapshot: typed.record,
    note: 'Imported from probe.json'
  }
}))

const server = await serveStatic(webDir)
const profile = await mkdtemp(join(tmpdir(), 'precedent-probe-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 }
})
const log = (message: string) => console.error(`[probe n=${n}] ${message}`)
try {
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (w.__longTasks as unknown[]).push({ start: Math.round(entry.startTime), ms: Math.round(entry.duration) })
    }).observe({ type: 'longtask', buffered: true })
    const seen = () => {
      if (w.__firstResultAt === undefined && document.querySelector('.search-results a.search-result-link')) w.__firstResultAt = performance.now()
    }
    new MutationObserver(seen).observe(document, { subtree: true, childList: true })
  })
  const page: Page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (message) => {
    if (message.text().includes('[search-timing]')) log(message.text())
  })
  page.on('pageerror', (error) => log(`page error: ${error.message}`))
  await page.goto(new URL('#/search', server.url).toString())
  await page.waitForSelector('main[data-ready="yes"]')
  // let the sample's index settle and save
  await page.waitForTimeout(3500)
  log('seeding')
  const CHUNK = 2000
  for (let start = 0; start < items.length; start += CHUNK) {
    await page.evaluate(
      (chunk) => {
        const w = window as unknown as { __items?: unknown[] }
        w.__items ??= []
        for (const item of chunk) w.__items.push(item)
      },
      items.slice(start, start + CHUNK)
    )
  }
  const written = await page.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const w = window as unknown as { __items: { table: string; row: unknown; revision: unknown }[] }
        const request = indexedDB.open('precedent')
        request.onerror = () => fail(request.error)
        request.onsuccess = () => {
          const db = request.result
          const stores = ['incidents', 'organisations', 'sources', 'responses', 'revisions']
          const started = performance.now()
          const tx = db.transaction(stores, 'readwrite')
          for (const item of w.__items) {
            tx.objectStore(item.table).put(item.row)
            tx.objectStore('revisions').put(item.revision)
          }
          tx.oncomplete = () => {
            db.close()
            w.__items = []
            ;(window as unknown as Record<string, number>).__importCommittedAt = performance.now()
            done(performance.now() - started)
          }
          tx.onerror = () => fail(tx.error)
        }
      })
  )
  log(`raw write of ${n} records + revisions: ${written.toFixed(0)} ms`)
  // First search after the import, on the same page (no reload): as the user would search next.
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    w.__firstResultAt = undefined
    w.__longTasks = []
  })
  // Raw writes are not seen by the app's live query: reload, as the user did after importing.
  await page.goto('about:blank')
  const searchStarted = 0
  await page.goto(new URL(`#/search?q=${encodeURIComponent(query)}`, server.url).toString())
  await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__firstResultAt !== undefined, undefined, { timeout: 600_000, polling: 50 })
  const firstAfterImport = (await page.evaluate(() => (window as unknown as Record<string, number>).__firstResultAt)) ?? 0
  log(`first search after import (reload to first imported result): ${(firstAfterImport - searchStarted).toFixed(0)} ms`)
  // wait for the full index (count of documents) to be saved
  const expected = n + (await page.evaluate(() => 0))
  const snapshotCount = () =>
    page.evaluate(
      () =>
        new Promise<number>((done) => {
          const request = indexedDB.open('precedent')
          request.onsuccess = () => {
            const read = request.result.transaction('meta').objectStore('meta').get('search:snapshot')
            read.onsuccess = () => {
              const tables =
                (read.result as { value?: { watermark?: { tables?: Record<string, { count: number }> } } } | undefined)?.value?.watermark?.tables ?? {}
              done(Object.values(tables).reduce((sum, mark) => sum + mark.count, 0))
              request.result.close()
            }
          }
        })
    )
  const savedStart = Date.now()
  while ((await snapshotCount()) < expected) {
    if (Date.now() - savedStart > 600_000) throw new Error('snapshot never saved')
    await page.waitForTimeout(500)
  }
  log(`snapshot saved (${await snapshotCount()} documents) ${Date.now() - savedStart} ms after the first result`)
  await page.waitForTimeout(1000)

  for (let round = 0; round < reloads; round += 1) {
    const rawRead = await page.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          const request = indexedDB.open('precedent')
          request.onerror = () => fail(request.error)
          request.onsuccess = () => {
            const db = request.result
            const stores = ['incidents', 'organisations', 'jurisdictions', 'laws', 'responses', 'sources']
            const started = performance.now()
            const tx = db.transaction(stores, 'readonly')
            let count = 0
            for (const store of stores) {
              tx.objectStore(store).getAll().onsuccess = (event) => {
                count += ((event.target as IDBRequest).result as unknown[]).length
              }
            }
            tx.oncomplete = () => {
              db.close()
              done(performance.now() - started)
              void count
            }
          }
        })
    )
    await page.goto('about:blank')
    await page.goto(new URL(`#/search?q=${encodeURIComponent(query)}`, server.url).toString())
    await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__firstResultAt !== undefined, undefined, { timeout: 600_000, polling: 50 })
    const result = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      return { first: w.__firstResultAt as number, tasks: w.__longTasks as { start: number; ms: number }[] }
    })
    const longest = Math.max(0, ...result.tasks.filter((task) => task.start < result.first).map((task) => task.ms))
    log(
      `reload ${round + 1}: raw getAll ${rawRead.toFixed(0)} ms; reload to first result ${result.first.toFixed(0)} ms (ratio ${(result.first / rawRead).toFixed(2)}); longest task before it ${longest} ms; tasks ${JSON.stringify(result.tasks.slice(0, 12))}`
    )
    await page.waitForTimeout(1500)
  }
} finally {
  await context.close()
  await server.close()
  await rm(profile, { recursive: true, force: true })
}
