import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('backup-everything')
let page: Page

// The sample incident, and the same incident typed again by an analyst (a hyphen short): merging
// the sample into it leaves a redirect from the sample's id.
const SAMPLE_ID = 'inc-alipay-annual-bill-2018'
const SAMPLE_TITLE = 'Alipay annual-bill consent default enrolled users in Sesame Credit'
const RETYPED_TITLE = 'Alipay annual bill consent default enrolled users in Sesame Credit'
const BRIEFING_TITLE = 'Consent defaults: note for the Minister'
const SAVED_SEARCH = 'Indian bans'
const AUTHOR = 'Ana Analyst'

async function go(path: string): Promise<void> {
  page = await openAppPage(browser.context, path)
}

/**
 * What a person would miss, read straight from IndexedDB: the briefings, merges, redirects and the
 * held `meta` rows (saved searches, preferences, import log), and the history without the entries
 * a restore adds. Records are compared by the app's own pages.
 */
function readHeldTables(target: Page): Promise<Record<string, unknown>> {
  return target.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('precedent')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const all = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll()
        request.onsuccess = () => resolve(request.result as unknown[])
        request.onerror = () => reject(request.error)
      })
    const meta = (await all('meta')) as { key: string; value: unknown }[]
    const revisions = (await all('revisions')) as { action: string; note?: string }[]
    const held = {
      briefings: await all('briefings'),
      merges: await all('merges'),
      redirects: await all('redirects'),
      meta: meta.filter((row) => ['saved-searches', 'preferences', 'imports:log', 'duplicates.dismissedPairs'].includes(row.key)),
      // The restore's own entries (records written back, and the re-loaded sample's merged-away incident removed) follow the backup's.
      revisions: revisions.filter((entry) => entry.action !== 'restore' && entry.note !== 'Not in the restored backup')
    }
    db.close()
    return held
  })
}

describe('a backup file holds everything a person made (Chromium, web mode)', () => {
  it('brings back a record, a briefing, a saved search, a merge and a preference after the site storage is cleared', async () => {
    // A record, typed through the form.
    await go('#/incidents')
    await page.getByRole('link', { name: 'New incident' }).click()
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(RETYPED_TITLE)
    await page.getByRole('textbox', { name: 'Occurred', exact: true }).fill('2018-01-03')
    await page.getByRole('button', { name: 'Create incident' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    const retypedId = /#\/incidents\/([^/?]+)/.exec(page.url())?.[1]
    expect(retypedId).toBeDefined()

    // A merge: the sample incident into the retyped one.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click()
    const pair = page
      .getByRole('list', { name: 'Possible duplicate incidents' })
      .getByRole('article')
      .filter({ hasText: RETYPED_TITLE })
      .filter({ hasText: SAMPLE_TITLE })
    await pair.getByRole('link', { name: /^Compare and merge/ }).click({ timeout: 60_000 })
    await page.getByRole('radio', { name: `Keep “${RETYPED_TITLE}”` }).check()
    await page.getByRole('button', { name: 'Merge', exact: true }).click()
    await page.getByRole('button', { name: 'Confirm merge' }).click()
    await page.waitForURL(new RegExp(`#/incidents/${retypedId}$`))

    // A briefing citing the new record.
    await go('#/briefings')
    await page.getByLabel('Title of a new briefing').fill(BRIEFING_TITLE)
    await page.getByRole('button', { name: 'New briefing' }).click()
    await page.getByRole('heading', { level: 1, name: BRIEFING_TITLE }).waitFor()
    const picker = page.getByRole('combobox', { name: 'Add a record' })
    await picker.fill('Alipay annual bill')
    await page.getByRole('option', { name: new RegExp(`^${RETYPED_TITLE}`) }).waitFor()
    await picker.press('ArrowDown')
    await picker.press('Enter')
    await page.getByRole('link', { name: RETYPED_TITLE }).waitFor()
    await page.keyboard.press('Control+s')
    await page.getByText('Saved.', { exact: true }).waitFor()

    // A saved search.
    await go('#/search')
    const box = page.getByRole('searchbox', { name: 'Search', exact: true })
    await box.pressSequentially('jurisdiction:IN kind:ban')
    await page.getByRole('button', { name: 'Save search' }).click()
    await page.getByRole('textbox', { name: 'Name for this search' }).fill(SAVED_SEARCH)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `Saved “${SAVED_SEARCH}”.` })
      .waitFor()

    // A changed preference.
    await go('#/preferences')
    await page.getByRole('textbox', { name: 'Author name' }).fill(AUTHOR)
    await page.getByRole('button', { name: 'Save preferences' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: /saved/i }).count()).toBeGreaterThan(0)

    const before = await readHeldTables(page)
    expect(before.briefings).toHaveLength(1)
    expect(before.merges).toHaveLength(1)
    expect(before.redirects).toEqual([expect.objectContaining({ fromId: SAMPLE_ID, toId: retypedId })])

    // Saved as a file.
    await go('#/backups')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the knowledge base as a file' }).click()])
    const file = join(browser.userDataDir, download.suggestedFilename())
    await download.saveAs(file)

    // Every kind of site storage cleared, as "Clear site data" does.
    const origin = new URL(inject('baseUrl')).origin
    await page.goto('about:blank')
    const cdp = await browser.context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' })
    await cdp.detach()
    await go('#/briefings')
    await expect.poll(() => page.getByRole('region', { name: 'No briefings yet' }).isVisible()).toBe(true)
    expect(await readHeldTables(page)).not.toEqual(before)

    // Restored from the file through the Backups page.
    await go('#/backups')
    await page.getByLabel('Restore from a backup file…').setInputFiles(file)
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/^Restored\. .* Also put back: 1 briefing, 1 saved search, 1 merge, the history, preferences and import log\./)

    expect(await readHeldTables(page)).toEqual(before)
    // And as the app shows them:
    await go(`#/incidents/${retypedId}`)
    await page.getByRole('heading', { level: 1, name: RETYPED_TITLE }).waitFor()
    await go(`#/incidents/${SAMPLE_ID}`)
    await page.waitForURL(new RegExp(`#/incidents/${retypedId}$`))
    await go('#/briefings')
    await page.getByRole('link', { name: BRIEFING_TITLE }).waitFor()
    await go('#/incidents')
    await page.getByRole('navigation', { name: 'Saved searches' }).getByRole('link', { name: SAVED_SEARCH }).waitFor()
    await go('#/preferences')
    await expect.poll(() => page.getByRole('textbox', { name: 'Author name' }).inputValue()).toBe(AUTHOR)
    await page.screenshot({ path: 'test-results/backup-everything.png', fullPage: true })
    expect(browser.pageErrors).toEqual([])
  }, 240_000)
})
