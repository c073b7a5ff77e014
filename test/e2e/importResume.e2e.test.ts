import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchBrowser, openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('import-resume')

const GENERATED = 4000
const CREATED_AT = '2026-01-31T12:00:00.000Z'

/** A bundle of `count` organisations with unrelated names, so none is taken for a duplicate of another. */
function generatedBundle(count: number): Buffer {
  const organisations = Array.from({ length: count }, (_, index) => ({
    id: `org-generated-${index}`,
    name: `Company ${index.toString(36)}-${((index * 2654435761) % 2 ** 32).toString(36)} Holdings`,
    kind: 'company',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    revision: 1
  }))
  const bundle = { format: 'precedent-bundle', version: 1, id: 'generated', revision: 1, createdAt: CREATED_AT, records: { organisations } }
  return Buffer.from(JSON.stringify(bundle), 'utf8')
}

/** Rows of a record store, read straight from IndexedDB: the count the knowledge base really holds. */
function storedCount(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('precedent')
        opening.onerror = () => reject(opening.error)
        opening.onsuccess = () => {
          const db = opening.result
          const counting = db.transaction(name, 'readonly').objectStore(name).count()
          counting.onsuccess = () => {
            db.close()
            resolve(counting.result)
          }
          counting.onerror = () => reject(counting.error)
        }
      }),
    store
  )
}

async function checkAndStartImport(page: Page, file: Buffer): Promise<void> {
  await page.getByLabel('Files to import').setInputFiles({ name: 'generated.json', mimeType: 'application/json', buffer: file })
  await page.getByText('Recognised as Precedent bundle (JSON).').waitFor({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Check what would be imported' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `${GENERATED} new, 0 updated` })
    .waitFor({ timeout: 120_000 })
  await page.getByRole('button', { name: `Import ${GENERATED} records` }).click()
}

describe('an import closed mid-commit (web mode, real browser restart)', () => {
  it('is rolled back on the next start with counts exact, and imports again without duplicates', { timeout: 600_000 }, async () => {
    const file = generatedBundle(GENERATED)
    let page = await openAppPage(browser.context, '#/import')
    const before = await storedCount(page, 'organisations')
    const revisionsBefore = await storedCount(page, 'revisions')

    await checkAndStartImport(page, file)
    const progress = page.getByRole('progressbar', { name: 'Import progress' })
    await progress.waitFor({ timeout: 60_000 })
    // Close the browser once at least one chunk has committed and before the last one has.
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 120_000, interval: 50 }).toBeGreaterThan(0)
    const writtenWhenClosed = Number(await progress.getAttribute('value'))
    expect(writtenWhenClosed).toBeLessThan(GENERATED)
    await browser.context.close()

    let restarted: BrowserContext | undefined
    try {
      restarted = await launchBrowser(browser.userDataDir)
      page = await openAppPage(restarted, '#/import')
      const notice = page.getByRole('status').filter({ hasText: 'was interrupted' })
      await notice.waitFor({ timeout: 120_000 })
      const removed = Number(/: (\d+) records? taken out/.exec((await notice.textContent()) ?? '')?.[1])
      // Whole chunks only: what was written when the page closed, or one chunk more that was committing.
      expect(removed).toBeGreaterThanOrEqual(writtenWhenClosed)
      expect(removed % 500 === 0 || removed === GENERATED).toBe(true)
      await expect(storedCount(page, 'organisations')).resolves.toBe(before)
      // The rolled-back records' import revisions went with them: no trace of the import is left.
      await expect(storedCount(page, 'revisions')).resolves.toBe(revisionsBefore)

      await checkAndStartImport(page, file)
      await page.getByRole('heading', { name: `Imported ${GENERATED} records` }).waitFor({ timeout: 300_000 })
      await expect(storedCount(page, 'organisations')).resolves.toBe(before + GENERATED)
    } finally {
      await restarted?.close()
    }
  })
})
