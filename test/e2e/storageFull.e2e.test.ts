import { describe, expect, inject, it } from 'vitest'
import type { CDPSession, Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('storage-full')
const origin = new URL(inject('baseUrl')).origin

/**
 * Text that neither Chromium's value compression nor its string packing can shrink: CJK characters
 * (two bytes each) drawn at random, so the save below really needs about twice its length in bytes
 * for the row, and as much again in the history entry (its changed fields and its snapshot).
 */
function incompressibleText(length: number): string {
  let text = ''
  for (let index = 0; index < length; index += 1) text += String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x5000))
  return text
}

async function usageOf(session: CDPSession): Promise<number> {
  const { usage } = await session.send('Storage.getUsageAndQuota', { origin })
  return usage
}

const textboxValue = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true }).inputValue()

describe('a save under a full disk in Chromium (web mode, forced low quota)', () => {
  it('refuses the write whole, keeps the draft, says the storage is full and never says "Saved"; saves once there is room', async () => {
    // Start-up seeds the knowledge base with the browser's own quota.
    let page = await openAppPage(browser.context, '#/incidents')
    const session = await browser.context.newCDPSession(page)
    // Chromium reads a quota override only when it opens an origin's IndexedDB store, and keeps the
    // store open for about two seconds after its last connection closes: leave the app, wait, then
    // let this origin grow by 8 KB only, while the save below needs about 30 KB. This is the browser's
    // own quota check, not an injected error (`navigator.storage.estimate()` does not see the override).
    await page.goto('about:blank')
    await new Promise((resolve) => setTimeout(resolve, 5000))
    await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usageOf(session)) + 8192 })
    const { overrideActive } = await session.send('Storage.getUsageAndQuota', { origin })
    expect(overrideActive).toBe(true)
    page = await openAppPage(browser.context, '#/sources/new')

    const title = 'Regulator statement kept through a full disk'
    const passage = incompressibleText(5000)
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title)
    await page.getByRole('textbox', { name: 'Publisher', exact: true }).fill('Data Protection Commission')
    await page.getByLabel('Quoted passage', { exact: true }).fill(passage)
    await page.getByRole('button', { name: 'Create source' }).click()

    const alert = page.getByRole('alert').filter({ hasText: /\S/ })
    await Promise.race([alert.waitFor(), page.getByText(/^Saved\.$/).waitFor()])
    await page.screenshot({ path: 'test-results/storage-full-source-form.png', fullPage: true })
    await expect(alert.textContent()).resolves.toBe(
      'Not saved: the disk or browser storage is full. Free some space, then try again; your changes are still in the form.'
    )
    await expect(textboxValue(page, 'Title')).resolves.toBe(title)
    await expect(textboxValue(page, 'Publisher')).resolves.toBe('Data Protection Commission')
    await expect(page.getByLabel('Quoted passage', { exact: true }).inputValue()).resolves.toBe(passage)
    expect(page.url()).toMatch(/#\/sources\/new$/)
    await expect(page.getByText(/\bSaved\b/).count()).resolves.toBe(0)
    const storedTitles = await page.evaluate(async () => {
      const request = indexedDB.open('precedent')
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const all = db.transaction('sources').objectStore('sources').getAll()
      const rows = await new Promise<{ title: string }[]>((resolve) => {
        all.onsuccess = () => resolve(all.result as { title: string }[])
      })
      db.close()
      return rows.map((row) => row.title)
    })
    expect(storedTitles).not.toContain(title)

    // Space freed (the override lifted): the same draft saves, and only now "Saved." is shown.
    await session.send('Storage.overrideQuotaForOrigin', { origin })
    await page.getByRole('button', { name: 'Create source' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title)
    expect(browser.pageErrors).toEqual([])
  })
})
