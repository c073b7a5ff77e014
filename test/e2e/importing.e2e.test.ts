import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { sharedData } from '../support/sharedData'
import { openAppPage, useBrowserProfile } from './browser'

const cmsDownload = sharedData('gdpr-fines-cms-2024/enforcementtracker_full_download.json')

const baseUrl = inject('baseUrl')
const browser = useBrowserProfile('import')

const CSV = [
  'headline,when,note',
  'Contoso loyalty database left open to the internet,2021-03,found by a researcher',
  'Fabrikam payroll files emailed to the wrong client,2020,year only'
].join('\n')

const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

/** A made-up download in the CMS Enforcement Tracker's layout: `count` fines, each on its own controller, decision and page. */
function madeUpCmsDownload(count: number): string {
  const rows = Array.from({ length: count }, (_, index) => {
    const etid = `ETid-${index + 1}`
    return [
      '',
      etid,
      "<img src='./flags/flag_austria.png' alt='AUSTRIA'><br />AUSTRIA",
      'Austrian Data Protection Authority (dsb)',
      '2019-03-01',
      '4,800',
      `Made-up Controller ${index + 1}`,
      'Industry and Commerce',
      'Art. 13 GDPR',
      'Insufficient fulfilment of information obligations',
      'Video surveillance was not marked.',
      `<a class='blau' href='https://dpa.example.org/decisions/${index + 1}.pdf' target='_blank'>link</a>`,
      `<a href='https://www.enforcementtracker.com/${etid}' target='_blank'>https://www.enforcementtracker.com/${etid}</a>`
    ]
  })
  return JSON.stringify({ data: rows })
}

function fileOf(name: string, content: string | Buffer) {
  return { name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') }
}

async function openImport(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor()
}

async function chooseFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.getByLabel('Files to import').setInputFiles(fileOf(name, content))
}

async function incidentCount(page: Page): Promise<number> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents', exact: true }).click()
  const rows = page.getByRole('table', { name: 'Incidents' }).locator('tbody tr')
  await rows.first().waitFor()
  return rows.count()
}

describe('importing in Chromium (web mode)', () => {
  it('maps a CSV, shows the dry run, imports it, and finds the record by search', async () => {
    const page = await openApp('#/incidents')
    const before = await incidentCount(page)
    await openImport(page)

    await chooseFile(page, 'breaches.csv', CSV)
    await page.getByText('Recognised as CSV or TSV spreadsheet.').waitFor()
    await page.getByRole('combobox', { name: 'Column headline maps to' }).selectOption({ label: 'Title (required)' })
    await page.getByRole('combobox', { name: 'Column when maps to' }).selectOption({ label: 'Date it happened' })
    await page.getByRole('button', { name: 'Check what would be imported' }).click()

    await page.getByRole('status').filter({ hasText: '2 new, 0 updated, 0 unchanged, 0 duplicates, 0 rejected' }).waitFor()
    await page.screenshot({ path: 'test-results/import-dry-run.png', fullPage: true })
    await page.getByRole('button', { name: 'Import 2 records' }).click()
    await page.getByRole('heading', { name: 'Imported 2 records' }).waitFor()
    await expect(page.getByRole('link', { name: 'Show incidents (2 imported)' }).isVisible()).resolves.toBe(true)

    await expect(incidentCount(page)).resolves.toBe(before + 2)
    await page.goto(new URL('#/search?q=Contoso', baseUrl).toString())
    await page.waitForSelector('main[data-ready="yes"]')
    await expect
      .poll(() => page.locator('.search-results a.search-result-link').allTextContents(), { timeout: 20_000 })
      .toContainEqual(expect.stringContaining('Contoso loyalty database left open to the internet'))
  })

  it('plans the same CSV imported again as unchanged, with the mapping remembered', async () => {
    const page = await openApp('#/import')
    await chooseFile(page, 'breaches.csv', CSV)
    await expect(page.getByRole('combobox', { name: 'Column headline maps to' }).inputValue()).resolves.toBe('title')
    await page.getByRole('button', { name: 'Check what would be imported' }).click()

    await page.getByRole('status').filter({ hasText: '0 new, 0 updated, 2 unchanged, 0 duplicates, 0 rejected' }).waitFor()
    await expect(page.getByRole('button', { name: 'Import 0 records' }).isDisabled()).resolves.toBe(true)
  })

  it('maps JSON records by their fields, nested ones by path, plans them and imports them', async () => {
    const records = [
      {
        headline: 'Northwind rewards app sent contacts to an ad network',
        reported: { on: '2022-09' },
        company: { name: 'Northwind Traders' },
        classes: ['Contacts', 'Device identifiers']
      },
      { headline: 'Tailspin kiosk photos kept without notice', reported: { on: '2023' }, company: { name: 'Tailspin Toys' }, classes: [] },
      { headline: '', reported: { on: '2023' }, company: { name: 'Nobody' } }
    ]
    const page = await openApp('#/import')
    await chooseFile(page, 'catalogue.json', JSON.stringify(records))
    await page.getByText('Recognised as JSON records (an array of objects, or NDJSON).').waitFor()
    await page.getByRole('combobox', { name: 'Column headline maps to' }).selectOption({ label: 'Title (required)' })
    await page.getByRole('combobox', { name: 'Column reported.on maps to' }).selectOption({ label: 'Date it happened' })
    await page.getByRole('combobox', { name: 'Column company.name maps to' }).selectOption({ label: 'Organisations involved (names)' })
    await page.getByRole('combobox', { name: 'Column classes maps to' }).selectOption({ label: 'Data categories' })
    await page.getByRole('button', { name: 'Check what would be imported' }).click()

    await page
      .getByRole('status')
      .filter({ hasText: /^4 new, 0 updated, 0 unchanged, 0 duplicates, 1 rejected/ })
      .waitFor()
    const rejection = page.getByRole('table', { name: 'Why each rejected record or row was not imported' }).locator('tbody tr')
    await expect(rejection.locator('td').allTextContents()).resolves.toEqual(['catalogue.json', '3', 'headline', expect.stringMatching(/\S/)])
    await page.getByRole('button', { name: 'Import 4 records' }).click()
    await page.getByRole('heading', { name: 'Imported 4 records' }).waitFor()

    await page.goto(new URL('#/search?q=Northwind', baseUrl).toString())
    await page.waitForSelector('main[data-ready="yes"]')
    await expect
      .poll(() => page.locator('.search-results a.search-result-link').allTextContents(), { timeout: 20_000 })
      .toContainEqual(expect.stringContaining('Northwind rewards app sent contacts to an ad network'))
  })

  it('recognises a Have I Been Pwned breach list and imports each breach with its company and listing', async () => {
    const breach = {
      Name: 'ContosoForum',
      Title: 'Contoso Forum',
      Domain: 'contosoforum.test',
      BreachDate: '2016-04-01',
      AddedDate: '2017-01-02T00:00:00Z',
      ModifiedDate: '2017-01-02T00:00:00Z',
      PwnCount: 48213,
      Description: 'In April 2016, the <a href="https://news.example.org/contoso">Contoso Forum</a> was breached.',
      DataClasses: ['Email addresses', 'Usernames'],
      IsVerified: true,
      IsFabricated: false,
      IsSensitive: false,
      IsRetired: false,
      IsSpamList: false
    }
    const page = await openApp('#/import')
    await chooseFile(page, 'breaches.json', JSON.stringify([breach]))
    await page.getByText('Recognised as Have I Been Pwned breach list (JSON).').waitFor()
    await page.getByRole('button', { name: 'Check what would be imported' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^4 new, 0 updated, 0 unchanged, 0 duplicates, 0 rejected/ })
      .waitFor()
    await page.getByRole('button', { name: 'Import 4 records' }).click()
    await page.getByRole('heading', { name: 'Imported 4 records' }).waitFor()

    await page.goto(new URL('#/incidents/inc-hibp-contosoforum', baseUrl).toString())
    await page.getByRole('heading', { level: 1, name: 'Contoso Forum data breach' }).waitFor()
    await expect(page.getByRole('main').getByText('48,213').first().isVisible()).resolves.toBe(true)
  })

  it.each([
    [
      'hostile.json',
      '{"format": "precedent-bundle", "version": 1, "__proto__": {"polluted": true}}',
      'hostile.json: The file contains a "__proto__" or "constructor.prototype" key, which is never imported'
    ],
    [
      'latin1.csv',
      Buffer.from([...Buffer.from('title\nCaf', 'utf8'), 0xe9, 0x0a]),
      'latin1.csv: The file is not valid UTF-8: invalid byte sequence at byte offset 9. Save it as UTF-8 and import it again'
    ],
    ['nul.csv', 'title\nA\u0000B\n', 'nul.csv, row 2: The file contains a NUL character (line 2, column 2); it is not a text file'],
    ['twice.csv', 'title,when,title\nA,2015,B\n', 'twice.csv, row 1, field "title": The column "title" appears more than once in the header row']
  ])('refuses %s with a one-line error and changes nothing', async (name, content, message) => {
    const page = await openApp('#/incidents')
    const before = await incidentCount(page)
    await openImport(page)

    await chooseFile(page, name, content)
    const check = page.getByRole('button', { name: 'Check what would be imported' })
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was written.' })
    await Promise.race([alert.waitFor(), check.waitFor()])
    if (!(await alert.isVisible())) await check.click()

    await expect(alert.locator('.import-error').textContent()).resolves.toBe(message)
    await expect(incidentCount(page)).resolves.toBe(before)
  })

  it('shows the progress of a large import, and a cancelled import writes nothing', async () => {
    const page = await openApp('#/incidents')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Responses', exact: true }).click()
    const responses = page.getByRole('table', { name: 'Responses' }).locator('tbody tr')
    await responses.first().waitFor()
    const responsesBefore = await responses.count()
    await openImport(page)

    await chooseFile(page, 'enforcementtracker_full_download.json', madeUpCmsDownload(2000))
    await page.getByText('Recognised as CMS GDPR Enforcement Tracker (JSON).').waitFor()
    await page.getByRole('button', { name: 'Check what would be imported' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^\d+ new, 0 updated/ })
      .waitFor({ timeout: 60_000 })
    const importButton = page.getByRole('button', { name: /^Import \d+ records$/ })
    expect(Number(/\d+/.exec((await importButton.textContent()) ?? '')?.[0])).toBeGreaterThan(4000)

    await importButton.click()
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor()
    await page.getByRole('button', { name: 'Cancel import' }).click()
    await page.getByRole('alert').filter({ hasText: 'Import cancelled. Nothing was written.' }).waitFor({ timeout: 60_000 })

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Responses', exact: true }).click()
    await responses.first().waitFor()
    await expect(responses.count()).resolves.toBe(responsesBefore)
  })

  it.skipIf(!cmsDownload.present)('imports the CMS GDPR fines with a progress bar; a cancelled import writes nothing', async () => {
    const cms = cmsDownload.bytes()
    const page = await openApp('#/incidents')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Responses', exact: true }).click()
    const responses = page.getByRole('table', { name: 'Responses' }).locator('tbody tr')
    await responses.first().waitFor()
    const responsesBefore = await responses.count()
    await openImport(page)

    await chooseFile(page, 'enforcementtracker_full_download.json', cms)
    await page.getByText('Recognised as CMS GDPR Enforcement Tracker (JSON).').waitFor()
    const planning = Date.now()
    await page.getByRole('button', { name: 'Check what would be imported' }).click()
    const summary = page.getByRole('status').filter({ hasText: /^\d+ new, 0 updated/ })
    await summary.waitFor({ timeout: 60_000 })
    const planMs = Date.now() - planning
    const importButton = page.getByRole('button', { name: /^Import \d+ records$/ })
    const count = Number(/\d+/.exec((await importButton.textContent()) ?? '')?.[0])
    expect(count).toBeGreaterThan(4000)

    await importButton.click()
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor()
    await page.getByRole('button', { name: 'Cancel import' }).click()
    await page.getByRole('alert').filter({ hasText: 'Import cancelled. Nothing was written.' }).waitFor({ timeout: 60_000 })

    const importing = Date.now()
    await page.getByRole('button', { name: `Import ${count} records` }).click()
    await page.getByRole('heading', { name: `Imported ${count} records` }).waitFor({ timeout: 120_000 })
    const importMs = Date.now() - importing
    console.info(`CMS fines in Chromium: ${count} records planned in ${planMs} ms, backed up and written in ${importMs} ms`)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Responses', exact: true }).click()
    await expect.poll(() => page.getByRole('table', { name: 'Responses' }).locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(responsesBefore)
  })
})
