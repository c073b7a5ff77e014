import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('backups')
let page: Page

async function go(path: string): Promise<void> {
  page = await openAppPage(browser.context, path)
}

async function openAlipay(): Promise<void> {
  await go('#/incidents')
  await page
    .getByRole('table', { name: 'Incidents' })
    .getByRole('link', { name: /Alipay/ })
    .click()
  await page.getByRole('heading', { level: 1, name: /Alipay/ }).waitFor()
}

describe('backups in Chromium (web mode)', () => {
  it('takes a backup, and restoring it undoes a later edit', async () => {
    await openAlipay()
    const original = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
    await page.getByRole('link', { name: 'Backups' }).click()
    await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor()
    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Backup taken: \d+ records?\./)

    await openAlipay()
    await page.getByRole('link', { name: 'Edit incident' }).click()
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Edited after the backup')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('heading', { level: 1, name: 'Edited after the backup' }).waitFor()

    await go('#/backups')
    const row = page.getByRole('row').filter({ hasText: 'Backup taken by hand' })
    await row.getByRole('button', { name: /^Restore the backup of / }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore this backup' }).click()
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Restored\. 1 record written back, 0 removed/)
    await page.screenshot({ path: 'test-results/backups.png', fullPage: true })

    await openAlipay()
    await expect.poll(async () => (await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(original)

    // The state before the restore was kept, so the restore itself can be undone.
    await go('#/backups')
    await page
      .getByRole('row')
      .filter({ hasText: /^.*Before restoring the backup of .*/ })
      .first()
      .waitFor()
  })

  it('saves the whole knowledge base as a compressed bundle file, and restoring that file undoes a later edit', async () => {
    await go('#/backups')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the knowledge base as a file' }).click()])
    const path = join(browser.userDataDir, download.suggestedFilename())
    await download.saveAs(path)

    const bundle = JSON.parse(gunzipSync(await readFile(path)).toString('utf8')) as { format: string; records: { incidents: { title: string }[] } }
    expect(download.suggestedFilename()).toMatch(/^precedent-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.json\.gz$/)
    expect(bundle.format).toBe('precedent-bundle')
    expect(bundle.records.incidents.map((incident) => incident.title).join('\n')).toContain('Alipay')

    await openAlipay()
    const original = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
    await page.getByRole('link', { name: 'Edit incident' }).click()
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Edited after saving the file')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('heading', { level: 1, name: 'Edited after saving the file' }).waitFor()

    await go('#/backups')
    await page.getByLabel('Restore from a backup file…').setInputFiles(path)
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Restored\. 1 record written back, 0 removed/)

    await openAlipay()
    await expect.poll(async () => (await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(original)
    await go('#/backups')
    await page
      .getByRole('row')
      .filter({ hasText: `Before restoring ${download.suggestedFilename()}` })
      .first()
      .waitFor()
  })
})
