import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('silent-reset')
const origin = new URL(inject('baseUrl')).origin

describe('a knowledge base the browser cleared, in Chromium (web mode)', () => {
  it('is noticed at the next start with the number of records lost, and the notice leads to restoring the saved file', async () => {
    let page = await openAppPage(browser.context, '#/sources/new')
    const title = 'Statement that must survive the browser clearing its storage'
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title)
    await page.getByRole('button', { name: 'Create source' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await page.goto(new URL('#/backups', inject('baseUrl')).toString())
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the knowledge base as a file' }).click()])
    const file = join(browser.userDataDir, download.suggestedFilename())
    await download.saveAs(file)
    // What start-up remembered outside IndexedDB: the count the notice must name.
    const remembered = await page.evaluate(
      () => JSON.parse(localStorage.getItem('precedent:knowledge-base-marker') ?? 'null') as { recordCount: number } | null
    )
    expect(remembered?.recordCount).toBeGreaterThan(0)

    // Storage pressure evicts an origin's IndexedDB (the kept backups with it) and leaves localStorage.
    await page.goto('about:blank')
    const cdp = await browser.context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' })
    await cdp.detach()
    page = await openAppPage(browser.context, '#/sources')

    const notice = page.getByRole('alert').filter({ hasText: 'The browser cleared this knowledge base.' })
    await notice.waitFor()
    const count = new Intl.NumberFormat('en-US').format(remembered!.recordCount)
    await expect(notice.textContent()).resolves.toContain(`It held ${count} records when Precedent last opened it`)
    await expect(notice.textContent()).resolves.toContain('The backups kept in this browser were cleared with it.')
    await expect(page.getByText(title).count()).resolves.toBe(0)
    await notice.getByRole('link', { name: 'Restore from a backup file' }).click()

    await page.getByLabel('Restore from a backup file…').setInputFiles(file)
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 60_000 }).toMatch(/^Restored\. /)
    await page.goto(new URL('#/sources', inject('baseUrl')).toString())
    await page.getByRole('link', { name: title }).waitFor()
    expect(browser.pageErrors).toEqual([])
  })
})
