import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBrowserProfile } from './browser'

// Two pages of one browser context are two windows of one origin: one knowledge base, one set of
// Web Locks. Every bulk write (import, restore, taking a backup) holds the exclusive write lock.
const browser = useBrowserProfile('windows')

const EXCLUSIVE_WRITE_LOCK = 'precedent-exclusive-write'
const CREATED_AT = '2026-01-31T12:00:00.000Z'

/** A second (or third) window on the app, ready. */
async function openWindow(path: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(new URL(path, inject('baseUrl')).toString())
  await page.waitForSelector('main[data-ready="yes"]')
  return page
}

/** A bundle of `count` organisations named `prefix …`, unrelated enough that none is taken for a duplicate. */
function organisationsBundle(prefix: string, count: number): Buffer {
  const organisations = Array.from({ length: count }, (_, index) => ({
    id: `org-${prefix}-${index}`,
    name: `${prefix} ${index.toString(36)}-${((index * 2654435761) % 2 ** 32).toString(36)} Holdings`,
    kind: 'company',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    revision: 1
  }))
  return Buffer.from(
    JSON.stringify({ format: 'precedent-bundle', version: 1, id: prefix, revision: 1, createdAt: CREATED_AT, records: { organisations } }),
    'utf8'
  )
}

async function checkImport(page: Page, fileName: string, file: Buffer, count: number): Promise<void> {
  await page.getByLabel('Files to import').setInputFiles({ name: fileName, mimeType: 'application/json', buffer: file })
  await page.getByText('Recognised as Precedent bundle (JSON).').waitFor({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Check what would be imported' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `${count} new, 0 updated` })
    .waitFor({ timeout: 30_000 })
}

/**
 * Holds the exclusive write lock in `page` until {@link releaseLock}: a stand-in for that window's
 * long restore or import, so that what happens meanwhile in another window is certain, not timed.
 */
async function holdLock(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((held) => {
        void navigator.locks.request(name, { mode: 'exclusive' }, () => {
          held()
          return new Promise<void>((release) => {
            ;(window as unknown as { releaseLock: () => void }).releaseLock = release
          })
        })
      }),
    EXCLUSIVE_WRITE_LOCK
  )
}

async function releaseLock(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { releaseLock: () => void }).releaseLock())
}

/** How many requests, from any window or worker of the origin, wait for the exclusive write lock. */
async function waitingForLock(page: Page): Promise<number> {
  return page.evaluate(async (name) => ((await navigator.locks.query()).pending ?? []).filter((lock) => lock.name === name).length, EXCLUSIVE_WRITE_LOCK)
}

interface StoredState {
  readonly counts: Record<string, number>
  readonly ids: Record<string, string[]>
  /** Where the revision log disagrees with the records, in words (empty when it agrees). */
  readonly disagreements: string[]
}

/**
 * Every record table and the revision log, read straight from IndexedDB in one transaction, with
 * the check that the log agrees with the records (as the unit tests' `integrityProblems` does):
 * a record with a history is at its newest entry's revision, and one whose history ends with its
 * deletion is gone. Built-in records have no history. No merges happen here.
 */
function storedState(page: Page): Promise<StoredState> {
  return page.evaluate(
    () =>
      new Promise<StoredState>((resolve, reject) => {
        const opening = indexedDB.open('precedent')
        opening.onerror = () => reject(opening.error)
        opening.onsuccess = () => {
          const db = opening.result
          const tables = ['incidents', 'organisations', 'jurisdictions', 'laws', 'responses', 'sources']
          const tx = db.transaction([...tables, 'revisions'], 'readonly')
          const rows: Record<string, { id: string; revision: number }[]> = {}
          let revisions: { recordId: string; revision: number; action: string; at: string; snapshot?: unknown }[] = []
          for (const table of tables) {
            const request = tx.objectStore(table).getAll()
            request.onsuccess = () => {
              rows[table] = request.result as { id: string; revision: number }[]
            }
          }
          const history = tx.objectStore('revisions').getAll()
          history.onsuccess = () => {
            revisions = history.result as typeof revisions
          }
          tx.onerror = () => reject(tx.error)
          tx.oncomplete = () => {
            db.close()
            // A record's newest entry, in the app's order (compareRevisions): highest revision; at one
            // revision, a deletion (no snapshot; it keeps the revision it deleted), then the latest.
            type Entry = (typeof revisions)[number]
            const newest = new Map<string, Entry>()
            const isGone = (entry: Entry): boolean => entry.snapshot === undefined
            const isNewer = (a: Entry, b: Entry): boolean =>
              a.revision !== b.revision ? a.revision > b.revision : isGone(a) !== isGone(b) ? isGone(a) : a.at > b.at
            for (const entry of revisions) {
              const current = newest.get(entry.recordId)
              if (current === undefined || isNewer(entry, current)) newest.set(entry.recordId, entry)
            }
            const stored = new Map<string, number>()
            for (const table of tables) for (const row of rows[table] ?? []) stored.set(row.id, row.revision)
            const disagreements: string[] = []
            for (const [recordId, entry] of newest) {
              const revision = stored.get(recordId)
              if (isGone(entry)) {
                if (revision !== undefined) disagreements.push(`${recordId} is stored though its history ends with its deletion`)
              } else if (revision === undefined) disagreements.push(`${recordId} has a history but no record`)
              else if (revision !== entry.revision) disagreements.push(`${recordId} is at revision ${revision}, its history at ${entry.revision}`)
            }
            resolve({
              counts: Object.fromEntries(tables.map((table) => [table, rows[table]?.length ?? 0])),
              ids: Object.fromEntries(tables.map((table) => [table, (rows[table] ?? []).map((row) => row.id)])),
              disagreements
            })
          }
        }
      })
  )
}

/** The kept backups' reasons and organisation counts, newest first, read straight from the backup database. */
function keptBackups(page: Page): Promise<{ reason: string; organisations: number; incidents: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('precedent-backups')
        opening.onerror = () => reject(opening.error)
        opening.onsuccess = () => {
          const db = opening.result
          const request = db.transaction('backups', 'readonly').objectStore('backups').getAll()
          request.onerror = () => reject(request.error)
          request.onsuccess = () => {
            db.close()
            const rows = request.result as { reason: string; createdAt: string; counts: { organisation: number; incident: number } }[]
            rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
            resolve(rows.map((row) => ({ reason: row.reason, organisations: row.counts.organisation, incidents: row.counts.incident })))
          }
        }
      })
  )
}

async function createIncident(page: Page, title: string): Promise<void> {
  await page.goto(new URL('#/incidents/new', page.url()).toString())
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title)
  await page.getByRole('button', { name: 'Create incident' }).click()
  // Committed: the app opens the new record. (Not "Saved.": a restore that commits just after
  // removes the new record, which its page then says.) A save waits for a restore's or an
  // import's transaction on the same tables to commit.
  await page.waitForURL(/#\/incidents\/[^/?]+\?saved=1$/, { timeout: 60_000 })
}

// Each test opens two or three windows and imports: slower than one page's tests on a busy machine.
describe('two windows of one knowledge base', { timeout: 120_000 }, () => {
  it('a backup and an import in one window wait while another window holds the exclusive write lock, and then hold what it wrote (RELIABILITY 51)', async () => {
    const holding = await openWindow('#/incidents')
    const backingUp = await openWindow('#/backups')
    const before = await storedState(holding)

    await holdLock(holding)
    await backingUp.getByRole('button', { name: 'Back up now' }).click()
    // The backup asks for the lock and waits for it: nothing is kept while it is held.
    await expect.poll(() => waitingForLock(holding)).toBe(1)
    // Saving a form holds no lock: this edit lands while the backup waits, so a backup that did not wait would lack it.
    await createIncident(holding, 'Written while the other window waited')
    expect((await keptBackups(holding)).filter((backup) => backup.reason === 'Backup taken by hand')).toEqual([])
    await releaseLock(holding)

    await backingUp
      .getByRole('status')
      .filter({ hasText: `Backup taken: ${Object.values(before.counts).reduce((sum, count) => sum + count, 0) + 1} records.` })
      .waitFor()
    expect((await keptBackups(holding))[0]).toMatchObject({ reason: 'Backup taken by hand', incidents: before.counts['incidents']! + 1 })

    // The same for an import: its own backup first, then its commit, both wait for the lock.
    const importing = await openWindow('#/import')
    await checkImport(importing, 'waiting.json', organisationsBundle('Waiting', 3), 3)
    await holdLock(holding)
    await importing.getByRole('button', { name: 'Import 3 records' }).click()
    await expect.poll(() => waitingForLock(holding)).toBe(1)
    await importing.getByRole('status').filter({ hasText: 'Writing 0 of 3 records…' }).waitFor()
    expect((await storedState(holding)).ids['organisations']!.filter((id) => id.startsWith('org-Waiting-'))).toEqual([])
    await releaseLock(holding)

    await importing.getByRole('heading', { name: 'Imported 3 records' }).waitFor({ timeout: 30_000 })
    const after = await storedState(holding)
    expect(after.ids['organisations']!.filter((id) => id.startsWith('org-Waiting-'))).toHaveLength(3)
    expect(after.disagreements.join('; ')).toBe('')
    await Promise.all([holding.close(), backingUp.close(), importing.close()])
  })

  it('an import and a restore stay whole while another window saves at the same moment (RELIABILITY 53)', async () => {
    const editing = await openWindow('#/incidents')
    const importing = await openWindow('#/import')
    const before = await storedState(editing)
    await checkImport(importing, 'concurrent.json', organisationsBundle('Concurrent', 120), 120)

    // The import and two saves in the other window, all at once.
    await Promise.all([
      importing.getByRole('button', { name: 'Import 120 records' }).click(),
      (async () => {
        await createIncident(editing, 'Saved during the import, first')
        await createIncident(editing, 'Saved during the import, second')
      })()
    ])
    await importing.getByRole('heading', { name: 'Imported 120 records' }).waitFor({ timeout: 30_000 })
    const imported = await storedState(editing)
    expect(imported.ids['organisations']!.filter((id) => id.startsWith('org-Concurrent-'))).toHaveLength(120)
    expect(imported.counts['organisations']).toBe(before.counts['organisations']! + 120)
    expect(imported.counts['incidents']).toBe(before.counts['incidents']! + 2)
    expect(imported.disagreements.join('; ')).toBe('')

    // A restore of the backup the import took, while the other window saves again.
    const restoring = await openWindow('#/backups')
    const backupBeforeImport = (await keptBackups(editing)).find((backup) => backup.reason === 'Before importing concurrent.json')!
    const row = restoring.getByRole('row').filter({ hasText: 'Before importing concurrent.json' }).first()
    await row.getByRole('button', { name: /^Restore the backup of / }).click()
    await Promise.all([
      restoring.getByRole('alertdialog').getByRole('button', { name: 'Restore this backup' }).click(),
      createIncident(editing, 'Saved during the restore')
    ])
    await expect.poll(() => restoring.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Restored\./)

    const restored = await storedState(editing)
    // Whole: every imported organisation gone, none half-left; the save landed before the restore
    // (and was undone by it) or after it (and is there), either way recorded in its history.
    expect(restored.ids['organisations']!.filter((id) => id.startsWith('org-Concurrent-'))).toEqual([])
    expect(restored.counts['organisations']).toBe(before.counts['organisations'])
    expect([backupBeforeImport.incidents, backupBeforeImport.incidents + 1]).toContain(restored.counts['incidents'])
    expect(restored.disagreements.join('; ')).toBe('')
    await Promise.all([editing.close(), importing.close(), restoring.close()])
  })

  it('a backup taken while another window imports holds the knowledge base before or after that import, never part of it (RELIABILITY 54)', async () => {
    const backingUp = await openWindow('#/backups')
    const importing = await openWindow('#/import')
    const before = await storedState(backingUp)
    const count = 150
    await checkImport(importing, 'snapshot.json', organisationsBundle('Snapshot', count), count)

    await importing.getByRole('button', { name: `Import ${count} records` }).click()
    await importing.getByRole('progressbar', { name: 'Import progress' }).waitFor()
    await backingUp.getByRole('button', { name: 'Back up now' }).click()
    await backingUp
      .getByRole('status')
      .filter({ hasText: /^Backup taken:/ })
      .waitFor({ timeout: 30_000 })
    await importing.getByRole('heading', { name: `Imported ${count} records` }).waitFor({ timeout: 30_000 })

    const byHand = (await keptBackups(backingUp)).find((backup) => backup.reason === 'Backup taken by hand')
    expect([before.counts['organisations'], before.counts['organisations']! + count]).toContain(byHand?.organisations)
    const after = await storedState(backingUp)
    expect(after.counts['organisations']).toBe(before.counts['organisations']! + count)
    expect(after.disagreements.join('; ')).toBe('')
    await Promise.all([backingUp.close(), importing.close()])
  })
})
