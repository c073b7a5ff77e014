import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppBenchContext, BenchUnit } from '../benchContract'
import { percentile } from '../benchContract'
import {
  afterTwoFrames,
  busyWorkerLongestTask,
  heapMb,
  launchApp,
  loadApp,
  navigateInApp,
  rawAsStoredWriteMs,
  rawBulkWriteMs,
  rawReadAllMs,
  timeInAppNavigation,
  withLongestMainThreadTask,
  within,
  type AppSession
} from '../app/appDriver'
import { NEUTRAL_VIEW, VIEWS, type ViewTargets } from '../app/paintedConditions'
import { recordMix, syntheticAppBundle } from '../app/syntheticBundle'

// The app benchmark (issue #10): the real built web app in Chromium, driven through its own UI and
// workers, on a knowledge base of n records made by the app's own import of a generated bundle.
// Every step has a time limit; a step that fails or runs out of time is logged (stderr) with the
// reason and prints no row, so the run always ends and never prints a made-up value.

/** Timed opens of each view, after one untimed open (which loads the view's code). */
const OPENS = 5
const seconds = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return (Number.isFinite(value) && value > 0 ? value : fallback) * 1000
}
/** Time limit of one step (a view open, a backup, a search); PRECEDENT_BENCH_APP_STEP_S. */
const STEP_MS = seconds('PRECEDENT_BENCH_APP_STEP_S', 120)
/** Time limit of planning, and of committing, an import; PRECEDENT_BENCH_APP_IMPORT_S. */
const IMPORT_MS = seconds('PRECEDENT_BENCH_APP_IMPORT_S', 1200)
/**
 * Time limit of the app's start (a page load until the knowledge base is open, which takes minutes
 * at 100k today): for the loads between measurements, and for the timed cold starts (a cold
 * Duplicates page, the first search after a reload); PRECEDENT_BENCH_APP_START_S.
 */
const START_MS = seconds('PRECEDENT_BENCH_APP_START_S', 600)
/**
 * `PRECEDENT_BENCH_APP_ONLY=import` stops each size after the import's metrics (raw write, plan,
 * commit), for working on the import alone; unset, everything is measured.
 */
const ONLY_IMPORT = process.env.PRECEDENT_BENCH_APP_ONLY === 'import'
/** How long the app is left alone once its search index is ready after an import (see settleAfterImport). */
const SNAPSHOT_SETTLE_MS = 15_000
/** How long the anchor of longest_task_ms keeps a worker busy (see busyWorkerLongestTask). */
const BUSY_WORKER_MS = 15_000

class SizeRun {
  private readonly targets: ViewTargets
  private imported = false

  constructor(
    private readonly context: AppBenchContext,
    private readonly session: AppSession,
    private readonly n: number,
    private readonly bundlePath: string,
    private readonly bundleUrl: string,
    generated: ReturnType<typeof syntheticAppBundle>
  ) {
    const incident = generated.bundle.records.incidents[0]!
    this.targets = { searchWord: generated.searchWord, incidentId: incident.id, incidentTitle: incident.title, hubOrganisationId: generated.hubOrganisationId }
    this.duplicateBase = generated.bundle.records.organisations.find((organisation) => organisation.kind !== 'regulator')!.name.replace(/ \S+$/, '')
  }

  private readonly duplicateBase: string

  private get page() {
    return this.session.page
  }

  private emit(metric: string, kind: string, value: number, unit: BenchUnit = 'ms'): void {
    this.context.emit({ dataset: 'synthetic', n: this.n, metric, kind, value, unit })
  }

  /** Runs a step; on failure logs which metric was not measured and why, and recovers from a crash. */
  private async attempt(metric: string, step: () => Promise<void>): Promise<boolean> {
    const start = performance.now()
    try {
      await step()
      return true
    } catch (error) {
      const after = `${((performance.now() - start) / 1000).toFixed(1)} s`
      this.context.log(`n=${this.n}: ${metric} not measured (failed after ${after}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
      if (this.page.isClosed() || /crash/i.test(String(error))) {
        this.context.log(`n=${this.n}: the page crashed; opening a new tab on the same profile`)
        await this.session.replacePage()
      }
      await loadApp(this.session, this.context.launch.appUrl, NEUTRAL_VIEW.path, START_MS).catch(() => undefined)
      return false
    }
  }

  async importBundle(): Promise<void> {
    const page = this.page
    // The noise floor of longest_task_ms at this moment's load, before the app is opened.
    await this.attempt('longest_task_ms (busy-worker)', async () => {
      const { longestTaskMs, longestTaskCpuMs } = await within(
        this.session,
        STEP_MS,
        'the busy-worker page',
        busyWorkerLongestTask(this.session, this.context.dataDir, this.context.launch.dataUrl, BUSY_WORKER_MS)
      )
      if (longestTaskMs !== undefined) this.emit('longest_task_ms', 'busy-worker', longestTaskMs)
      if (longestTaskCpuMs !== undefined) this.emit('longest_task_cpu_ms', 'busy-worker', longestTaskCpuMs)
    })
    await loadApp(this.session, this.context.launch.appUrl, '#/import', START_MS)
    // The anchor first, in the same page while the app is idle: measured after the import, it would
    // share the cores with the app's own work that follows an import (the search index build).
    await this.attempt('raw_write_ms', async () => {
      const { ms, records } = await within(this.session, IMPORT_MS, 'raw IndexedDB bulk put', rawBulkWriteMs(page, this.bundleUrl))
      this.context.log(`n=${this.n}: raw bulk put of ${records} records into a scratch database: ${ms.toFixed(0)} ms`)
      this.emit('raw_write_ms', 'idb-bulk', ms)
    })
    // The raw write leaves the parsed bundle as garbage in this page's heap; collected now, or V8's
    // next major collection (tens of ms of the main thread at 10k, more at 100k) would fall in the
    // plan and count as the app's longest task.
    await this.session.cdp.send('HeapProfiler.collectGarbage').catch(() => undefined)
    await page.getByLabel('Files to import').setInputFiles(this.bundlePath)
    const check = page.getByRole('button', { name: 'Check what would be imported' })
    // Empty live regions with role alert stay in the page; only one with text is a refusal.
    const refused = page.getByRole('alert').filter({ hasText: /\S/ })
    await within(this.session, STEP_MS, 'reading the bundle', check.or(refused).first().waitFor())
    if (await refused.isVisible()) throw new Error(`the Import page refused the bundle: ${(await refused.textContent())?.trim()}`)
    let planned = false
    await this.attempt('import_plan_ms', async () => {
      const {
        value: ms,
        longestTaskMs,
        longestTaskCpuMs,
        traceNote
      } = await withLongestMainThreadTask(this.session, async () => {
        const start = performance.now()
        await check.click()
        const summary = page.getByRole('status').filter({ hasText: /^\d+ new, / })
        await within(this.session, IMPORT_MS, 'planning the import', summary.or(refused).first().waitFor({ timeout: IMPORT_MS }))
        if (await refused.isVisible()) throw new Error(`planning failed: ${(await refused.textContent())?.trim()}`)
        await afterTwoFrames(page)
        const elapsed = performance.now() - start
        this.context.log(`n=${this.n}: plan: ${(await summary.textContent())?.trim()}`)
        return elapsed
      })
      this.emit('import_plan_ms', 'bundle', ms)
      planned = true
      if (longestTaskMs === undefined)
        this.context.log(`n=${this.n}: longest_task_ms (plan) not measured: neither the trace nor the Long Tasks API saw a main-thread task`)
      else this.emit('longest_task_ms', 'plan', longestTaskMs)
      if (longestTaskCpuMs !== undefined) this.emit('longest_task_cpu_ms', 'plan', longestTaskCpuMs)
      else this.context.log(`n=${this.n}: longest_task_cpu_ms (plan) not measured (${traceNote})`)
    })
    if (!planned) throw new Error('the import was not planned, so nothing was imported')
    await this.attempt('import_commit_ms', async () => {
      const {
        value: ms,
        longestTaskMs,
        longestTaskCpuMs,
        traceNote
      } = await withLongestMainThreadTask(this.session, async () => {
        const start = performance.now()
        await page.getByRole('button', { name: /^Import \d+ records?$/ }).click()
        const done = page.getByRole('heading', { name: /^Imported \d+ records?$/ })
        await within(this.session, IMPORT_MS, 'committing the import', done.or(refused).first().waitFor({ timeout: IMPORT_MS }))
        if (await refused.isVisible()) throw new Error(`the import failed: ${(await refused.textContent())?.trim()}`)
        await afterTwoFrames(page)
        const elapsed = performance.now() - start
        this.context.log(`n=${this.n}: ${(await done.textContent())?.trim()}`)
        return elapsed
      })
      this.emit('import_commit_ms', 'bundle', ms)
      this.imported = true
      if (longestTaskMs === undefined)
        this.context.log(`n=${this.n}: longest_task_ms (commit) not measured: neither the trace nor the Long Tasks API saw a main-thread task`)
      else this.emit('longest_task_ms', 'commit', longestTaskMs)
      if (longestTaskCpuMs !== undefined) this.emit('longest_task_cpu_ms', 'commit', longestTaskCpuMs)
      else this.context.log(`n=${this.n}: longest_task_cpu_ms (commit) not measured (${traceNote})`)
    })
    if (!this.imported) throw new Error('the import was not committed')
  }

  /**
   * The anchor of `import_commit_ms`: the rows the app stored, put by raw IndexedDB into a scratch
   * database. Measured after every other step: Chromium keeps all of an origin's databases in one
   * LevelDB store, and the scratch database's rows (200,000 at 100k, written then deleted) left it
   * compacting while the views were timed (first opens of 0.9-1.4 s that a run without them did not
   * show). On a page of the origin where the app is not running: its workers would otherwise share
   * the cores with the anchor.
   */
  async rawWriteAsStored(): Promise<void> {
    const page = this.page
    await this.attempt('raw_write_ms (as stored)', async () => {
      await page.goto(new URL('bench-idle', this.context.launch.appUrl).href)
      const { ms, rows } = await within(this.session, IMPORT_MS, 'raw IndexedDB bulk put of the stored rows', rawAsStoredWriteMs(page))
      this.context.log(
        `n=${this.n}: raw bulk put of the ${rows} rows and history entries the app stores, with its indexes, into a scratch database: ${ms.toFixed(0)} ms`
      )
      this.emit('raw_write_ms', 'idb-bulk-as-stored', ms)
    })
  }

  /**
   * After an import the app builds its search index in a worker. Views are timed after that, so a
   * view's figure is its own cost and not the index build's: reloaded on the search page, the
   * app has settled once the word finds its first result (logged, not a metric), and then been
   * left alone `SNAPSHOT_SETTLE_MS`, in which the index saves its snapshot (about 6 s at 100k):
   * reloaded before that, as the views step does, the app would build the index again while the
   * first views are timed.
   */
  async settleAfterImport(): Promise<void> {
    const start = performance.now()
    await this.attempt('settling after the import (search ready)', async () => {
      await loadApp(this.session, this.context.launch.appUrl, `#/search?q=${encodeURIComponent(this.targets.searchWord)}`, START_MS)
      await within(
        this.session,
        IMPORT_MS,
        'the first search result after the import',
        this.page.locator('.search-results').getByRole('link').first().waitFor({ timeout: IMPORT_MS })
      )
      this.context.log(
        `n=${this.n}: search ready ${((performance.now() - start) / 1000).toFixed(1)} s after the import; left alone ${SNAPSHOT_SETTLE_MS / 1000} s for its snapshot`
      )
      await this.page.waitForTimeout(SNAPSHOT_SETTLE_MS)
    })
  }

  private async goNeutral(): Promise<void> {
    await navigateInApp(this.page, NEUTRAL_VIEW.path)
    await within(this.session, STEP_MS, 'open the neutral page', NEUTRAL_VIEW.painted(this.page).waitFor({ timeout: STEP_MS }))
  }

  async openEveryView(): Promise<void> {
    await loadApp(this.session, this.context.launch.appUrl, NEUTRAL_VIEW.path, START_MS)
    const failed: string[] = []
    for (const view of VIEWS) {
      const opened = await this.attempt(`view_open_ms (${view.kind})`, async () => {
        const times: number[] = []
        for (let open = 0; open <= OPENS; open += 1) {
          await this.goNeutral()
          const ms = await timeInAppNavigation(this.session, view.path(this.targets), view.painted(this.page, this.targets), STEP_MS)
          if (open > 0) times.push(ms)
        }
        this.context.log(`n=${this.n}: ${view.kind}: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`)
        this.emit('view_open_ms', view.kind, percentile(times, 95))
      })
      if (!opened) failed.push(view.kind)
    }
    // A failed view was given up on and the app reloaded, which empties the heap: the figure would
    // not be the heap after every view.
    if (failed.length > 0) return void this.context.log(`n=${this.n}: heap_mb not measured: not every view opened (${failed.join(', ')})`)
    await this.attempt('heap_mb', async () => {
      this.emit('heap_mb', 'after-every-view', await within(this.session, STEP_MS, 'heap', heapMb(this.session.cdp)), 'MB')
    })
  }

  async duplicates(): Promise<void> {
    const page = this.page
    await this.attempt('duplicates_ms (incremental)', async () => {
      await loadApp(this.session, this.context.launch.appUrl, '#/organisations/new', START_MS)
      // Case and legal form are set aside by duplicate detection, so this names the same company as
      // an imported one, and its upper-case name tells its pair apart from every other.
      const name = `${this.duplicateBase.toUpperCase()} LLC`
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
      await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Company' })
      await page.getByRole('button', { name: 'Create organisation' }).click()
      await within(this.session, STEP_MS, 'saving an organisation', page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: STEP_MS }))
      // Inside the Duplicates page's list: the record page just left is an article named after it too.
      const pair = page
        .getByRole('list', { name: 'Possible duplicate organisations' })
        .getByRole('article', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
        .first()
      this.emit('duplicates_ms', 'incremental', await timeInAppNavigation(this.session, '#/duplicates', pair, STEP_MS))
    })
    await this.attempt('duplicates_ms (full)', async () => {
      const view = VIEWS.find((candidate) => candidate.kind === 'duplicates')!
      await page.goto('about:blank')
      const start = performance.now()
      await page.goto(new URL(view.path(this.targets), this.context.launch.appUrl).toString(), { timeout: START_MS })
      await within(this.session, START_MS, 'a cold Duplicates page', view.painted(page, this.targets).waitFor({ timeout: START_MS }))
      await afterTwoFrames(page)
      this.emit('duplicates_ms', 'full', performance.now() - start)
    })
  }

  /**
   * Backs up through the Backups page, restores the backup just taken (nothing to write back), and
   * saves that backup as a file (the browser's download) for {@link restoreIntoEmpty}; returns the
   * file's path, or undefined when there is none.
   */
  async backupAndRestore(): Promise<string | undefined> {
    const page = this.page
    let backedUp = false
    await this.attempt('backup_ms', async () => {
      await loadApp(this.session, this.context.launch.appUrl, '#/backups', START_MS)
      await page.getByRole('button', { name: 'Back up now', exact: true }).waitFor({ timeout: STEP_MS })
      const {
        value: ms,
        longestTaskMs,
        longestTaskCpuMs,
        traceNote
      } = await withLongestMainThreadTask(this.session, async () => {
        const start = performance.now()
        await page.getByRole('button', { name: 'Back up now', exact: true }).click()
        const taken = page.getByRole('status').filter({ hasText: /^Backup taken: / })
        await within(
          this.session,
          IMPORT_MS,
          'backing up',
          taken
            .or(page.getByRole('alert').filter({ hasText: /\S/ }))
            .first()
            .waitFor({ timeout: IMPORT_MS })
        )
        if (!(await taken.isVisible())) throw new Error(`the backup failed: ${(await page.getByRole('alert').first().textContent())?.trim()}`)
        await page.getByRole('table', { name: 'Kept backups, newest first' }).getByRole('row').nth(1).waitFor({ timeout: STEP_MS })
        await afterTwoFrames(page)
        const elapsed = performance.now() - start
        this.context.log(`n=${this.n}: ${(await taken.textContent())?.trim()}`)
        return elapsed
      })
      this.emit('backup_ms', 'back-up-now', ms)
      if (longestTaskMs === undefined)
        this.context.log(`n=${this.n}: longest_task_ms (backup) not measured: neither the trace nor the Long Tasks API saw a main-thread task`)
      else this.emit('longest_task_ms', 'backup', longestTaskMs)
      if (longestTaskCpuMs !== undefined) this.emit('longest_task_cpu_ms', 'backup', longestTaskCpuMs)
      else this.context.log(`n=${this.n}: longest_task_cpu_ms (backup) not measured (${traceNote})`)
      backedUp = true
    })
    if (!backedUp) return void this.context.log(`n=${this.n}: restore_ms not measured: no backup was taken`)
    const newest = page.getByRole('table', { name: 'Kept backups, newest first' }).getByRole('row').nth(1)
    let savedPath: string | undefined
    await this.attempt('saving the backup as a file (for restore_ms into-empty)', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: STEP_MS }),
        newest.getByRole('button', { name: /^Save the backup of / }).click()
      ])
      savedPath = join(this.context.dataDir, `backup-${this.n}.json.gz`)
      await within(this.session, STEP_MS, 'saving the download', download.saveAs(savedPath))
    })
    await this.attempt('restore_ms (newest-backup)', async () => {
      await newest.getByRole('button', { name: /^Restore the backup of / }).click()
      const start = performance.now()
      await page.getByRole('button', { name: 'Restore this backup', exact: true }).click()
      const restored = page.getByRole('status').filter({ hasText: /^Restored\. / })
      await within(
        this.session,
        IMPORT_MS,
        'restoring',
        restored
          .or(page.getByRole('alert').filter({ hasText: /\S/ }))
          .first()
          .waitFor({ timeout: IMPORT_MS })
      )
      if (!(await restored.isVisible())) throw new Error(`the restore failed: ${(await page.getByRole('alert').first().textContent())?.trim()}`)
      await afterTwoFrames(page)
      this.emit('restore_ms', 'newest-backup', performance.now() - start)
      this.context.log(`n=${this.n}: ${(await restored.textContent())?.trim()}`)
    })
    return savedPath
  }

  async coldStartSearch(): Promise<void> {
    const page = this.page
    await this.attempt('cold_start_first_search_ms', async () => {
      await page.goto('about:blank')
      const start = performance.now()
      await page.goto(new URL('#/search', this.context.launch.appUrl).toString(), { timeout: START_MS })
      const box = page.getByRole('main').getByRole('searchbox', { name: 'Search', exact: true })
      await within(this.session, START_MS, 'the search box', box.waitFor({ timeout: START_MS }))
      await box.fill(this.targets.searchWord)
      const first = page.locator('.search-results').getByRole('link').first()
      await within(this.session, START_MS, 'the first search result after a reload', first.waitFor({ timeout: START_MS }))
      await afterTwoFrames(page)
      this.emit('cold_start_first_search_ms', 'reload', performance.now() - start)
    })
    await this.attempt('raw_read_ms', async () => {
      const { ms, records } = await within(this.session, STEP_MS, 'raw getAll', rawReadAllMs(page))
      this.context.log(`n=${this.n}: raw getAll of ${records} rows: ${ms.toFixed(0)} ms`)
      this.emit('raw_read_ms', 'idb-getall', ms)
    })
  }
}

/**
 * `restore_ms` kind `into-empty`: the backup file saved by {@link SizeRun.backupAndRestore} restored
 * into an empty knowledge base, as on a new computer: a fresh profile (the app's first start adds
 * only its built-in jurisdictions, laws and sample), the Backups page, "Restore from a backup
 * file…" until "Restored. …" shows (the app backs up the near-empty state first). The page's
 * longest main-thread task meanwhile is `longest_task_ms` kind `restore`.
 */
async function restoreIntoEmpty(context: AppBenchContext, n: number, file: string): Promise<void> {
  const session = await launchApp(context.launch)
  try {
    const page = session.page
    await loadApp(session, context.launch.appUrl, '#/backups', START_MS)
    const input = page.getByLabel('Restore from a backup file…')
    await input.waitFor({ state: 'attached', timeout: STEP_MS })
    const {
      value: ms,
      longestTaskMs,
      longestTaskCpuMs,
      traceNote
    } = await withLongestMainThreadTask(session, async () => {
      const start = performance.now()
      await input.setInputFiles(file)
      const restored = page.getByRole('status').filter({ hasText: /^Restored\. / })
      await within(
        session,
        IMPORT_MS,
        'restoring into an empty knowledge base',
        restored
          .or(page.getByRole('alert').filter({ hasText: /\S/ }))
          .first()
          .waitFor({ timeout: IMPORT_MS })
      )
      if (!(await restored.isVisible())) throw new Error(`the restore failed: ${(await page.getByRole('alert').first().textContent())?.trim()}`)
      await afterTwoFrames(page)
      const elapsed = performance.now() - start
      context.log(`n=${n}: into an empty knowledge base: ${(await restored.textContent())?.trim()}`)
      return elapsed
    })
    context.emit({ dataset: 'synthetic', n, metric: 'restore_ms', kind: 'into-empty', value: ms, unit: 'ms' })
    if (longestTaskMs !== undefined) context.emit({ dataset: 'synthetic', n, metric: 'longest_task_ms', kind: 'restore', value: longestTaskMs, unit: 'ms' })
    if (longestTaskCpuMs !== undefined)
      context.emit({ dataset: 'synthetic', n, metric: 'longest_task_cpu_ms', kind: 'restore', value: longestTaskCpuMs, unit: 'ms' })
    else context.log(`n=${n}: longest_task_cpu_ms (restore) not measured (${traceNote})`)
  } catch (error) {
    context.log(`n=${n}: restore_ms (into-empty) not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  } finally {
    await session.close()
  }
}

/**
 * Which groups of steps run after the import (PRECEDENT_BENCH_APP_STEPS, comma-separated; default
 * all): `views` (every view, heap), `duplicates`, `backups` (backup, both restores), `search`
 * (cold start, raw read). Lets a run measure one area without the others' minutes.
 */
const STEP_GROUPS = ['views', 'duplicates', 'backups', 'search'] as const
function chosenSteps(): ReadonlySet<string> {
  const given = process.env.PRECEDENT_BENCH_APP_STEPS?.split(',')
    .map((step) => step.trim())
    .filter((step) => step !== '')
  if (given === undefined || given.length === 0) return new Set(STEP_GROUPS)
  const unknown = given.filter((step) => !(STEP_GROUPS as readonly string[]).includes(step))
  if (unknown.length > 0) throw new Error(`PRECEDENT_BENCH_APP_STEPS: unknown ${unknown.join(', ')} (known: ${STEP_GROUPS.join(', ')})`)
  return new Set(given)
}

export async function run(context: AppBenchContext): Promise<void> {
  const steps = chosenSteps()
  for (const n of context.sizes) {
    const generated = syntheticAppBundle(n)
    const file = `bundle-${n}.json`
    const bundlePath = join(context.dataDir, file)
    const text = JSON.stringify(generated.bundle)
    await writeFile(bundlePath, text)
    const mix = recordMix(n)
    context.log(
      `n=${n}: bundle of ${mix.incidents} incidents, ${mix.organisations} organisations, ${mix.responses} responses, ${mix.sources} sources (${(text.length / 2 ** 20).toFixed(1)} MB)`
    )
    const session = await launchApp(context.launch)
    let backupFile: string | undefined
    try {
      const sizeRun = new SizeRun(context, session, n, bundlePath, new URL(file, context.launch.dataUrl).toString(), generated)
      try {
        await sizeRun.importBundle()
      } catch (error) {
        context.log(`n=${n}: every other metric not measured: ${error instanceof Error ? error.message : String(error)}`)
        continue
      }
      if (!ONLY_IMPORT) {
        await sizeRun.settleAfterImport()
        if (steps.has('views')) await sizeRun.openEveryView()
        if (steps.has('duplicates')) await sizeRun.duplicates()
        if (steps.has('backups')) backupFile = await sizeRun.backupAndRestore()
        if (steps.has('search')) await sizeRun.coldStartSearch()
      }
      await sizeRun.rawWriteAsStored()
    } finally {
      await session.close()
    }
    // In a new profile once this one is closed, so the two apps do not share the cores.
    if (backupFile !== undefined) await restoreIntoEmpty(context, n, backupFile)
  }
}
