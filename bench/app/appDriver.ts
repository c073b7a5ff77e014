import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type CDPSession, type Locator, type Page } from 'playwright-core'

// Driving the built web app in Chromium from Node: a fresh profile per knowledge base, timed
// navigations inside the app, the main thread's longest task from a trace, and raw IndexedDB reads
// and writes in the app's own page (the physical anchors the issue compares the app with).

/** How the runner (bench/run.mjs) tells an app suite where Chromium and the built app are. */
export interface AppLaunch {
  readonly chromiumPath: string
  readonly chromiumArgs: readonly string[]
  /** The served web app, e.g. http://127.0.0.1:4321/ (its index.html). */
  readonly appUrl: string
  /** The same server's folder of generated files, e.g. http://127.0.0.1:4321/bench-data/. */
  readonly dataUrl: string
}

/** A step that did not finish in its time limit: logged, never printed as a value. */
export class StepTimeout extends Error {}

/** One Chromium on a fresh profile (persistent, so IndexedDB is on disk as for a user). */
export interface AppSession {
  readonly context: BrowserContext
  page: Page
  cdp: CDPSession
  /** Rejects when the page's renderer crashes ("Aw, Snap!"). */
  crashed: Promise<never>
  close(): Promise<void>
  /** A new tab after a crash, on the same profile. */
  replacePage(): Promise<void>
}

async function attach(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession; crashed: Promise<never> }> {
  const page = await context.newPage()
  // Every main-thread task over 50 ms (the Long Tasks API), from the first script of every load: the
  // fallback of withLongestMainThreadTask when a long trace loses events.
  await page.addInitScript(() => {
    const tasks: number[][] = []
    Object.assign(window, { __precedentBenchLongTasks: tasks })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration])
    }).observe({ type: 'longtask', buffered: true })
  })
  const cdp = await context.newCDPSession(page)
  const crashed = new Promise<never>((_resolve, reject) => page.on('crash', () => reject(new Error('the page crashed (renderer gone)'))))
  crashed.catch(() => undefined)
  page.on('pageerror', (error) => console.error(`[app] page error: ${error.message}`))
  return { page, cdp, crashed }
}

export async function launchApp(launch: AppLaunch): Promise<AppSession> {
  const profile = await mkdtemp(join(tmpdir(), 'precedent-bench-app-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.chromiumPath,
    headless: true,
    args: [...launch.chromiumArgs],
    // The size of the app's main window (src/main/mainWindow.ts).
    viewport: { width: 1280, height: 820 }
  })
  for (const page of context.pages()) await page.close()
  const session: AppSession = {
    context,
    ...(await attach(context)),
    async close() {
      await context.close().catch(() => undefined)
      await rm(profile, { recursive: true, force: true })
    },
    async replacePage() {
      await session.page.close().catch(() => undefined)
      Object.assign(session, await attach(context))
    }
  }
  return session
}

/** Waits for `work`, failing after `ms` or when the page crashes. */
export async function within<T>(session: AppSession, ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`${what}: not done within ${Math.round(ms / 1000)} s`)), ms)
  })
  try {
    return await Promise.race([work, timeout, session.crashed])
  } finally {
    clearTimeout(timer)
  }
}

/** Loads the app at a route (a full page load) and waits until the knowledge base is open. */
export async function loadApp(session: AppSession, appUrl: string, path: string, timeoutMs: number): Promise<void> {
  await session.page.goto('about:blank')
  await session.page.goto(new URL(path, appUrl).toString(), { timeout: timeoutMs })
  await session.page.waitForSelector('main[data-ready="yes"]', { timeout: timeoutMs })
}

/** The page's clock after two animation frames: the frame showing what is now in the DOM was produced. */
export function afterTwoFrames(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))))
}

/** Changes the route inside the app (what a click on a link does) and returns the page's clock at that moment. */
export function navigateInApp(page: Page, path: string): Promise<number> {
  return page.evaluate((hash) => {
    const start = performance.now()
    window.location.hash = hash
    return start
  }, path)
}

/** Milliseconds from an in-app navigation to `painted` visible and two frames drawn. */
export async function timeInAppNavigation(session: AppSession, path: string, painted: Locator, timeoutMs: number): Promise<number> {
  const start = await navigateInApp(session.page, path)
  await within(session, timeoutMs, `open ${path}`, painted.waitFor({ state: 'visible', timeout: timeoutMs }))
  return (await afterTwoFrames(session.page)) - start
}

/** The JS heap in use by the page after a full garbage collection, in MB. */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 2 ** 20
}

interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly pid: number
  readonly tid: number
  readonly dur?: number
  /** The thread's CPU time within the event (absent where the platform gives no thread time). */
  readonly tdur?: number
}

/** The page's main thread is the one that records this user-timing mark. */
const MAIN_THREAD_MARK = 'precedent-bench-main-thread'
/** A top-level task, named after the scheduler that ran it (the name depends on the version). */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask'])

/** How long one trace of {@link withLongestMainThreadTask} lasts before the next replaces it. */
const TRACE_SEGMENT_MS = 20_000

/**
 * Runs `work` under a Chromium trace and returns its result with the longest task (ms) the page's
 * main thread ran meanwhile — every task, not only those over 50 ms that the Long Tasks API reports;
 * workers' threads are left out. The main thread is the one that records a user-timing mark.
 *
 * Also the most CPU time the main thread spent in one task (`longestTaskCpuMs`, the trace's thread
 * time): on a loaded machine a task's wall-clock time is mostly the wait for a core (a task of 120
 * ms may hold 2 ms of work while the import worker and other processes have both cores), and only
 * its CPU time says what the page's own work costs. From the trace only; undefined without it.
 *
 * One trace of a whole 100k plan or commit (minutes of every thread's tasks, IndexedDB's included)
 * came back without the page's marks, so the trace is taken in segments of TRACE_SEGMENT_MS, each
 * ended and read before the next starts; a task cut by a segment's end, or run while one is read,
 * is not in the trace, so tasks over 50 ms reported by the Long Tasks API count too (wall-clock
 * only). `traceNote` says how the segments went, for the log.
 */
export async function withLongestMainThreadTask<T>(
  session: AppSession,
  work: () => Promise<T>
): Promise<{ value: T; longestTaskMs: number | undefined; longestTaskCpuMs: number | undefined; traceNote: string }> {
  const { page } = session
  // Running maxima of the main thread, over every segment: a plan of many minutes traces millions of tasks.
  let longest: number | undefined
  let mostCpu: number | undefined
  let segments = 0
  let unreadSegments = 0
  let unmarkedSegments = 0
  const markMainThread = (): Promise<number> =>
    page.evaluate((mark) => {
      performance.mark(mark)
      return performance.now()
    }, MAIN_THREAD_MARK)
  let finished = false
  const start = await markMainThread()
  let working: Promise<T> | undefined
  while (!finished) {
    // A session of its own per segment, detached at its end: a trace whose completion never came
    // then ends with it instead of refusing the next `Tracing.start`.
    const cdp = await session.context.newCDPSession(page)
    const byThread = new Map<string, { longest: number; mostCpu: number | undefined }>()
    let mainThread: string | undefined
    const onData = ({ value }: { value: object[] }): void => {
      for (const event of value as TraceEvent[]) {
        const thread = `${event.pid}:${event.tid}`
        if (event.name === MAIN_THREAD_MARK) mainThread = thread
        else if (event.ph === 'X' && TASK_EVENTS.has(event.name)) {
          const seen = byThread.get(thread) ?? { longest: 0, mostCpu: undefined }
          seen.longest = Math.max(seen.longest, event.dur ?? 0)
          if (event.tdur !== undefined) seen.mostCpu = Math.max(seen.mostCpu ?? 0, event.tdur)
          byThread.set(thread, seen)
        }
      }
    }
    cdp.on('Tracing.dataCollected', onData)
    let completed = false
    try {
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] }, transferMode: 'ReportEvents' })
      segments += 1
      await markMainThread().catch(() => undefined)
      // The work starts once the first segment records, so its first task (the click) is in it.
      if (working === undefined) {
        working = work().finally(() => {
          finished = true
        })
        working.catch(() => undefined)
      }
      await Promise.race([working.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, TRACE_SEGMENT_MS))])
    } finally {
      // Marked at both ends: a trace that fills its buffer keeps the first events, a ring buffer the last.
      await markMainThread().catch(() => undefined)
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve)).then(() => {
        completed = true
      })
      await cdp.send('Tracing.end').catch(() => undefined)
      await Promise.race([complete, new Promise((resolve) => setTimeout(resolve, 120_000))])
      cdp.off('Tracing.dataCollected', onData)
      await cdp.detach().catch(() => undefined)
    }
    if (!completed) unreadSegments += 1
    const main = mainThread === undefined ? undefined : byThread.get(mainThread)
    if (main === undefined) unmarkedSegments += 1
    else {
      longest = Math.max(longest ?? 0, main.longest)
      if (main.mostCpu !== undefined) mostCpu = Math.max(mostCpu ?? 0, main.mostCpu)
    }
  }
  const value = await working!
  // Tasks over 50 ms since `start`, from the Long Tasks API (installed by attach()).
  const longTasks = await page.evaluate(
    (since) =>
      ((window as { __precedentBenchLongTasks?: number[][] }).__precedentBenchLongTasks ?? [])
        .filter(([taskStart, duration]) => taskStart! + duration! >= since)
        .map(([, duration]) => duration!),
    start
  )
  const candidates = [...(longest === undefined ? [] : [longest / 1000]), ...longTasks]
  const traceNote = `trace: ${segments} segments, ${unreadSegments} not read in time, ${unmarkedSegments} without the main thread's tasks`
  return {
    value,
    longestTaskMs: candidates.length === 0 ? undefined : Math.max(...candidates),
    longestTaskCpuMs: mostCpu === undefined ? undefined : mostCpu / 1000,
    traceNote
  }
}

/** A plain page whose worker keeps one core busy and reports progress every 100 ms, as the import worker does. */
const BUSY_WORKER_PAGE = `<!doctype html><meta charset="utf-8"><title>Busy worker</title><p id="progress">0</p>
<script>
window.runBusyWorker = (ms) => new Promise((done) => {
  const worker = new Worker('busy-worker.js')
  worker.onmessage = (event) => {
    if (event.data === 'done') { worker.terminate(); done() }
    else document.getElementById('progress').textContent = String(event.data)
  }
  worker.postMessage(ms)
})
</script>
`
const BUSY_WORKER = `onmessage = (event) => {
  const end = performance.now() + event.data
  let last = performance.now()
  let sum = 0
  for (let i = 0; performance.now() < end; i += 1) {
    sum += Math.sqrt(i) % 7
    if (performance.now() - last >= 100) { last = performance.now(); postMessage(Math.round(sum)) }
  }
  postMessage('done')
}
`

/**
 * The anchor of `longest_task_ms`: the same browser's main thread doing almost nothing (a line of
 * text set on each progress message) for `ms` while a worker of the page keeps one core busy, as
 * the import and backup workers do. Its longest task is what waiting for a core alone gives at the
 * machine's present load; the app's figures are compared with it. Leaves the tab on that page.
 */
export async function busyWorkerLongestTask(
  session: AppSession,
  dataDir: string,
  dataUrl: string,
  ms: number
): Promise<{ longestTaskMs: number | undefined; longestTaskCpuMs: number | undefined }> {
  await writeFile(join(dataDir, 'busy-worker.html'), BUSY_WORKER_PAGE)
  await writeFile(join(dataDir, 'busy-worker.js'), BUSY_WORKER)
  await session.page.goto(new URL('busy-worker.html', dataUrl).toString())
  const { longestTaskMs, longestTaskCpuMs } = await withLongestMainThreadTask(session, () =>
    session.page.evaluate((duration) => (window as unknown as { runBusyWorker(ms: number): Promise<void> }).runBusyWorker(duration), ms)
  )
  return { longestTaskMs, longestTaskCpuMs }
}

/**
 * Writes every record of the bundle at `bundleUrl` with one raw IndexedDB transaction (a bulk put per
 * record store, strict durability as the app's database uses) into a scratch database of the same
 * page; returns the milliseconds from the transaction's start to its commit. The scratch database
 * is deleted afterwards.
 */
export function rawBulkWriteMs(page: Page, bundleUrl: string): Promise<{ ms: number; records: number }> {
  return page.evaluate(async (url) => {
    const bundle = (await (await fetch(url)).json()) as { records: Record<string, { id: string }[]> }
    const stores = Object.keys(bundle.records).filter((name) => (bundle.records[name] ?? []).length > 0)
    const name = 'precedent-bench-raw-write'
    const request = (target: IDBRequest | IDBTransaction, done: 'success' | 'complete'): Promise<void> =>
      new Promise((resolve, reject) => {
        target.addEventListener(done, () => resolve())
        target.addEventListener('error', () => reject(target.error))
        target.addEventListener('abort', () => reject(target.error))
      })
    const open = indexedDB.open(name, 1)
    open.onupgradeneeded = () => {
      for (const store of stores) open.result.createObjectStore(store, { keyPath: 'id' })
    }
    await request(open, 'success')
    const db = open.result
    let records = 0
    const start = performance.now()
    const transaction = db.transaction(stores, 'readwrite', { durability: 'strict' })
    for (const store of stores) {
      const objectStore = transaction.objectStore(store)
      for (const record of bundle.records[store] ?? []) {
        objectStore.put(record)
        records += 1
      }
    }
    await request(transaction, 'complete')
    const ms = performance.now() - start
    db.close()
    await request(indexedDB.deleteDatabase(name), 'success')
    return { ms, records }
  }, bundleUrl)
}

/**
 * The second anchor of the import: every row the app's database holds in its record tables and its
 * revision log (what an import stores: each record's row with its derived index fields, and its
 * history entry), read back and put into a scratch database with the same stores and indexes in
 * one raw `readwrite` transaction with strict durability. Where `rawBulkWriteMs` is the cost of the
 * bare records, this is the cost of what the app must store for them, without any of its code:
 * the commit's distance from it is the app's own overhead. Run on a page of the app's origin where
 * the app is not running (no worker shares the cores). Milliseconds to commit and rows written.
 */
export function rawAsStoredWriteMs(page: Page): Promise<{ ms: number; rows: number }> {
  return page.evaluate(async () => {
    const settled = <T>(target: IDBRequest<T> | IDBTransaction | IDBOpenDBRequest, done: 'success' | 'complete'): Promise<void> =>
      new Promise((resolve, reject) => {
        target.addEventListener(done, () => resolve())
        target.addEventListener('error', () => reject((target as IDBRequest).error))
        target.addEventListener('abort', () => reject((target as IDBTransaction).error))
      })
    const source = indexedDB.open('precedent')
    await settled(source, 'success')
    const app = source.result
    const names = ['incidents', 'organisations', 'jurisdictions', 'laws', 'responses', 'sources', 'revisions'].filter((name) =>
      app.objectStoreNames.contains(name)
    )
    const read = app.transaction(names, 'readonly')
    const stores = await Promise.all(
      names.map(async (name) => {
        const store = read.objectStore(name)
        const indexes = [...store.indexNames].map((indexName) => {
          const index = store.index(indexName)
          return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry }
        })
        const all = store.getAll()
        await settled(all, 'success')
        return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows: all.result as unknown[] }
      })
    )
    app.close()
    const scratchName = 'precedent-bench-as-stored'
    await settled(indexedDB.deleteDatabase(scratchName), 'success')
    const open = indexedDB.open(scratchName, 1)
    open.onupgradeneeded = () => {
      for (const { name, keyPath, autoIncrement, indexes } of stores) {
        const store = open.result.createObjectStore(name, { keyPath, autoIncrement })
        for (const index of indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry })
      }
    }
    await settled(open, 'success')
    const scratch = open.result
    let rows = 0
    const start = performance.now()
    const transaction = scratch.transaction(names, 'readwrite', { durability: 'strict' })
    for (const store of stores) {
      const target = transaction.objectStore(store.name)
      for (const row of store.rows) {
        target.put(row)
        rows += 1
      }
    }
    await settled(transaction, 'complete')
    const ms = performance.now() - start
    scratch.close()
    await settled(indexedDB.deleteDatabase(scratchName), 'success')
    return { ms, rows }
  })
}

/** One raw `getAll` of every record store of the app's database, in one transaction: milliseconds and rows read. */
export function rawReadAllMs(page: Page): Promise<{ ms: number; records: number }> {
  return page.evaluate(async () => {
    const open = indexedDB.open('precedent')
    await new Promise((resolve, reject) => {
      open.onsuccess = resolve
      open.onerror = () => reject(open.error)
    })
    const db = open.result
    const stores = ['incidents', 'organisations', 'jurisdictions', 'laws', 'responses', 'sources'].filter((store) => db.objectStoreNames.contains(store))
    const start = performance.now()
    const transaction = db.transaction(stores, 'readonly')
    const counts = await Promise.all(
      stores.map(
        (store) =>
          new Promise<number>((resolve, reject) => {
            const all = transaction.objectStore(store).getAll()
            all.onsuccess = () => resolve((all.result as unknown[]).length)
            all.onerror = () => reject(all.error)
          })
      )
    )
    const ms = performance.now() - start
    db.close()
    return { ms, records: counts.reduce((sum, count) => sum + count, 0) }
  })
}
