import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('comparison')

/** Loads the app afresh at `path` (not a hash change in the open page), so no view state carries over between tests. */
const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path, { freshLoad: true })

function comparisonTable(page: Page) {
  return page.getByRole('table', { name: /Alibaba Group and the organisations under it/ })
}

/** The text of one part (a row) of the comparison, column by column. */
async function partByColumn(page: Page, part: string): Promise<string[]> {
  return comparisonTable(page)
    .getByRole('row', { name: new RegExp(`^${part}`) })
    .getByRole('cell')
    .allTextContents()
}

describe('jurisdiction comparison and charts in Chromium (web mode)', () => {
  it('compares Alibaba in a China column and an India column, picked by keyboard from the navigation', async () => {
    const page = await openApp('#/incidents')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click()

    const picker = page.getByRole('combobox', { name: 'Organisation' })
    await picker.pressSequentially('Alibaba')
    await page.getByRole('option', { name: /^Alibaba Group/ }).waitFor()
    await picker.press('ArrowDown')
    await picker.press('Enter')

    await comparisonTable(page).waitFor()
    expect(await comparisonTable(page).getByRole('columnheader').allTextContents()).toEqual(['China', 'India'])
    expect(decodeURIComponent(page.url())).toContain('compare?org=org-alibaba')
  })

  it('has the CAC summons and rectification order in China’s column, and the 2020 block under s.69A in India’s', async () => {
    const page = await openApp('#/compare?org=org-alibaba')
    await comparisonTable(page).waitFor()

    const [china, india] = await partByColumn(page, 'Responses in order')
    const [chinaLaws, indiaLaws] = await partByColumn(page, 'Laws that apply')

    expect(china).toContain('Cyberspace Administration of China summons Alipay and Sesame Credit')
    expect(china).toContain('Rectification order')
    expect(china).not.toContain('MeitY blocks 59 apps')
    expect(india).toMatch(/MeitY puts UC Browser under review[\s\S]*29 June 2020 · Block or ban[\s\S]*MeitY blocks 59 apps, UC Browser among them/)
    expect(india).toMatch(/Proposed or threatened, not enacted:[\s\S]*MeitY official says UC Browser may be banned/)
    expect(chinaLaws).toContain('Cybersecurity Law: Article 41, Article 42')
    expect(indiaLaws).toContain('Section 69A')
    await page.screenshot({ path: 'test-results/comparison-alibaba.png', fullPage: true })
  })

  it('compares a category chosen from its list, and keeps it in the address', async () => {
    const page = await openApp('#/compare')
    await page.getByRole('region', { name: 'Nothing chosen yet' }).waitFor()

    await page.getByRole('combobox', { name: 'or incident category' }).selectOption({ label: 'Cross-border transfer' })

    const table = page.getByRole('table', { name: /Cross-border transfer incidents by jurisdiction/ })
    await table.waitFor()
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['India'])
    expect(decodeURIComponent(page.url())).toContain('compare?category=cross-border-transfer')
  })

  it('exports the comparison as an SVG with its title, subject, "as of" date and both columns', async () => {
    const page = await openApp('#/compare?org=org-alibaba')
    await comparisonTable(page).waitFor()

    // The picture is drawn only while it is exported.
    const picturesBefore = await page.locator('.jurisdiction-comparison-figure').count()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()])
    const svg = await readFile((await download.path()) ?? '', 'utf8')

    expect(picturesBefore).toBe(0)
    expect(download.suggestedFilename()).toMatch(/^comparison-by-jurisdiction-alibaba-group-\d{4}-\d{2}-\d{2}\.svg$/)
    for (const text of ['Comparison by jurisdiction: Alibaba Group', '>China<', '>India<', 'Filters: organisation: Alibaba Group'])
      expect(svg, text).toContain(text)
    expect(svg).toMatch(/As of \d{1,2} \w+ \d{4}/)
  })

  it('exports the comparison as a PNG at print resolution', async () => {
    const page = await openApp('#/compare?org=org-alibaba')
    await comparisonTable(page).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()])
    const png = await readFile((await download.path()) ?? '')
    await writeFile('test-results/comparison-export.png', png)

    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // The IHDR width: the picture (two 380px columns and margins) at 300/96 of its CSS size.
    expect(png.readUInt32BE(16)).toBeGreaterThan(2400)
  })

  it('charts incidents per year with 2015 and 2018 bars, and a bar leads to its incident', async () => {
    const page = await openApp('#/charts')
    const chart = page.getByRole('img', { name: 'Incidents per year by jurisdiction' })
    await chart.waitFor()
    await page.screenshot({ path: 'test-results/charts.png', fullPage: true })

    await page.getByRole('button', { name: 'Show as table' }).first().click()
    const table = page.getByRole('table', { name: 'Incidents per year by jurisdiction' })
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['2015', '2016', '2017', '2018'])
    expect(await table.getByRole('row', { name: /^2015/ }).getByRole('link').allTextContents()).toEqual(['1'])
    await page.getByRole('button', { name: 'Show as table' }).first().click()

    await chart.locator('[data-bar="2015 India"]').click()

    await expect.poll(() => decodeURIComponent(page.url()).replaceAll('+', ' ')).toContain('q=type:incident year:2015 jurisdiction:IN')
    await page.locator('.search-results').getByRole('link', { name: 'UC Browser transmitted device identifiers and location data to remote servers' }).click()
    await page.getByRole('heading', { level: 1, name: 'UC Browser transmitted device identifiers and location data to remote servers' }).waitFor()
  })

  it('charts responses by kind and outcome, the threatened ban apart from the block, and a bar leads to its responses', async () => {
    const page = await openApp('#/charts')
    const chart = page.getByRole('img', { name: 'Responses by kind and outcome' })
    await chart.waitFor()

    await page.getByRole('button', { name: 'Show as table' }).nth(1).click()
    const banRow = page.getByRole('table', { name: 'Responses by kind and outcome' }).getByRole('row', { name: /^Block or ban/ })
    expect(await banRow.getByRole('link').allTextContents()).toEqual(['1', '1'])
    await page.getByRole('button', { name: 'Show as table' }).nth(1).click()
    await chart.locator('[data-bar="Block or ban Concludes the matter"]').click()

    await expect.poll(() => decodeURIComponent(page.url()).replaceAll('+', ' ')).toContain('q=type:response kind:block-or-ban')
    await page.locator('.search-results').getByRole('link', { name: 'MeitY blocks 59 apps, UC Browser among them' }).waitFor()
  })

  it('splits incidents per year by category when asked', async () => {
    const page = await openApp('#/charts')
    await page.getByRole('img', { name: 'Incidents per year by jurisdiction' }).waitFor()

    await page.getByRole('combobox', { name: 'Split by' }).selectOption('category')

    await page.getByRole('img', { name: 'Incidents per year by category' }).waitFor()
    expect(decodeURIComponent(page.url())).toContain('by=category')
    await page.getByRole('button', { name: 'Show as table' }).first().click()
    const headers = await page.getByRole('table', { name: 'Incidents per year by category' }).getByRole('columnheader').allTextContents()
    expect(headers).toEqual(expect.arrayContaining(['Consent dark pattern', 'Undisclosed transmission']))
  })

  it('filters a chart with the query language and keeps the filter in the address', async () => {
    const page = await openApp('#/charts')
    await page.getByRole('img', { name: 'Incidents per year by jurisdiction' }).waitFor()

    const filter = page.getByRole('searchbox', { name: 'Filter' }).first()
    await filter.fill('jurisdiction:CN')
    await filter.press('Enter')

    await expect.poll(() => decodeURIComponent(page.url())).toContain('incidents=jurisdiction:CN')
    await page.getByRole('button', { name: 'Show as table' }).first().click()
    expect(await page.getByRole('table', { name: 'Incidents per year by jurisdiction' }).getByRole('rowheader').allTextContents()).toEqual(['2018'])
  })

  it('exports the incidents chart as an SVG with its title, axis labels, filters and "as of" date', async () => {
    const page = await openApp('#/charts')
    await page.getByRole('heading', { name: 'Incidents per year by jurisdiction' }).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).first().click()])
    const svg = await readFile((await download.path()) ?? '', 'utf8')

    expect(download.suggestedFilename()).toMatch(/^incidents-per-year-by-jurisdiction-\d{4}-\d{2}-\d{2}\.svg$/)
    for (const text of ['>Incidents per year by jurisdiction<', '>Year<', '>Incidents<', '>2015<', '>2018<', '>China<', '>India<', '>Filters: none<'])
      expect(svg, text).toContain(text)
    expect(svg).toMatch(/As of \d{1,2} \w+ \d{4}/)
  })

  it('exports the responses chart as a PNG', async () => {
    const page = await openApp('#/charts')
    await page.getByRole('heading', { name: 'Responses by kind and outcome' }).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).nth(1).click()])
    const png = await readFile((await download.path()) ?? '')
    await writeFile('test-results/charts-responses-export.png', png)

    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  })

  it('raised no page errors', () => {
    expect(browser.pageErrors).toEqual([])
  })
})
