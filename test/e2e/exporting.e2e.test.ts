import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const ALIPAY_INCIDENT = 'Alipay annual-bill consent default enrolled users in Sesame Credit'
// A title a spreadsheet would run as a formula if it were written as it is.
const FORMULA_TITLE = '=1+2 Sesame Credit formula check'
let downloadDir: string
const browser = useBrowserProfile('exporting')

const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

/** Runs an export from the open dialog and returns the downloaded file's name and text. */
async function exportFromDialog(page: Page, format: string): Promise<{ name: string; text: string }> {
  const dialog = page.getByRole('dialog', { name: 'Export search results for sesame' })
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check()
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()])
  const file = join(downloadDir, download.suggestedFilename())
  await download.saveAs(file)
  await dialog.getByText(`Downloaded as ${download.suggestedFilename()}.`).waitFor()
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') }
}

describe('exporting in Chromium (web mode)', () => {
  beforeAll(async () => {
    downloadDir = await mkdtemp(join(tmpdir(), 'precedent-e2e-exporting-downloads-'))
  })

  afterAll(async () => {
    await rm(downloadDir, { recursive: true, force: true })
  })

  it('exports search results as CSV with the formula cell escaped, and as STIX with the incident', async () => {
    const form = await openApp('#/incidents/new')
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(FORMULA_TITLE)
    await form.getByLabel('Occurred', { exact: true }).fill('2018-01')
    await form.keyboard.press('Control+s')
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()

    const page = await openApp('#/search?q=sesame')
    await page.getByRole('link', { name: FORMULA_TITLE }).waitFor()
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export search results for sesame' })
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toMatch(/^\d+ records will be exported \(\d+ incidents?, /)

    await dialog.getByRole('radio', { name: /^CSV/ }).check()
    await mkdir('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/export-dialog.png' })
    const recordType = dialog.getByLabel('Record type', { exact: true })
    const incidentsOption = (await recordType.locator('option').allTextContents()).find((text) => text.startsWith('Incidents ('))
    await recordType.selectOption({ label: incidentsOption ?? 'Incidents' })
    const csv = await exportFromDialog(page, 'CSV')
    expect(csv.name).toMatch(/^search-results-for-sesame-incidents-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(csv.text.startsWith('\uFEFF"')).toBe(true)
    expect(csv.text).toContain(`"'${FORMULA_TITLE}"`)
    expect(csv.text).not.toContain(`"${FORMULA_TITLE}"`)
    expect(csv.text).toContain(`"${ALIPAY_INCIDENT}"`)

    const stix = await exportFromDialog(page, 'STIX 2.1')
    expect(stix.name).toMatch(/^search-results-for-sesame-\d{4}-\d{2}-\d{2}\.stix\.json$/)
    const bundle = JSON.parse(stix.text) as { type: string; objects: { type: string; name?: string }[] }
    expect(bundle.type).toBe('bundle')
    expect(bundle.objects.filter((object) => object.type === 'incident').map((object) => object.name)).toEqual(
      expect.arrayContaining([ALIPAY_INCIDENT, FORMULA_TITLE])
    )

    // Escape closes the dialog and the keyboard is back on the button that opened it.
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Export…')
    expect(browser.pageErrors).toEqual([])

    // The CSV reads back as the very same records, the formula title included: nothing new, nothing changed.
    const incidentRows = csv.text.trimEnd().split('\r\n').length - 1
    const importPage = await openApp('#/import')
    await importPage.getByLabel('Files to import').setInputFiles({ name: csv.name, mimeType: 'text/csv', buffer: Buffer.from(csv.text, 'utf8') })
    await importPage.getByRole('button', { name: 'Check what would be imported' }).click()
    await importPage
      .getByRole('status')
      .filter({ hasText: `0 new, 0 updated, ${incidentRows} unchanged, 0 duplicates, 0 rejected` })
      .waitFor()
  })

  it('exports one record from its page, naming the file after it', async () => {
    const page = await openApp('#/incidents/inc-alipay-annual-bill-2018')
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: `Export incident ${ALIPAY_INCIDENT}` })
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe('1 record will be exported (1 incident).')
    await dialog.getByRole('radio', { name: /^Markdown/ }).check()

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()])

    expect(download.suggestedFilename()).toMatch(/^incident-alipay-annual-bill-consent-default-enrolled-users-in-sesame-credit-\d{4}-\d{2}-\d{2}\.md$/)
    const file = join(downloadDir, download.suggestedFilename())
    await download.saveAs(file)
    expect(await readFile(file, 'utf8')).toContain('Alipay annual-bill consent default')

    // A DOCX of the same selection carries the timeline picture, drawn by the app's own chart.
    await dialog.getByRole('radio', { name: /^DOCX/ }).check()
    const [docx] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()])
    const docxFile = join(downloadDir, docx.suggestedFilename())
    await docx.saveAs(docxFile)
    const members = execFileSync('/usr/bin/unzip', ['-Z1', docxFile], { encoding: 'utf8' }).split('\n')
    expect(members.filter((member) => /^word\/media\/.+\.png$/.test(member))).toHaveLength(1)
    expect(execFileSync('/usr/bin/unzip', ['-p', docxFile, 'word/document.xml'], { encoding: 'utf8' })).toContain('3 January 2018')
  })

  it('exports a hand-picked selection of records of different types, in the order picked', async () => {
    const page = await openApp('#/export')
    await page.getByRole('region', { name: 'Nothing picked yet' }).waitFor()
    const picker = page.getByRole('combobox', { name: 'Pick a record' })
    for (const [typed, title] of [
      ['Alipay annual', ALIPAY_INCIDENT],
      ['Online privacy', 'Online privacy concerns regulator']
    ] as const) {
      await picker.fill(typed)
      await page.getByRole('option', { name: new RegExp(`^${title}`) }).waitFor()
      await picker.press('ArrowDown')
      await picker.press('Enter')
      await page.getByRole('link', { name: title }).waitFor()
    }
    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')
    await page.getByRole('link', { name: 'Online privacy concerns regulator' }).waitFor()

    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export 2 picked records' })
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe('2 records will be exported (1 incident, 1 source).')
    await dialog.getByRole('radio', { name: /^CSV/ }).check()
    await dialog.getByLabel('Record type', { exact: true }).selectOption({ label: 'Sources (1)' })
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()])

    expect(download.suggestedFilename()).toMatch(/^2-picked-records-sources-\d{4}-\d{2}-\d{2}\.csv$/)
    const file = join(downloadDir, download.suggestedFilename())
    await download.saveAs(file)
    const csv = await readFile(file, 'utf8')
    expect(csv).toContain('"Online privacy concerns regulator"')
    expect(csv).not.toContain(ALIPAY_INCIDENT)
    expect(browser.pageErrors).toEqual([])
  })
})
