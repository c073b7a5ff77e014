import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const ALIPAY_INCIDENT = 'Alipay annual-bill consent default enrolled users in Sesame Credit'
const APOLOGY = 'Sesame Credit apologises on Weibo'
const SUMMONS = 'Cyberspace Administration of China summons Alipay and Sesame Credit'
const UC_INCIDENT = 'UC Browser transmitted device identifiers and location data to remote servers'
const browser = useBrowserProfile('timeline')

// A fresh load each time: going from one #/timeline address to another keeps the page, and with
// it the previous test's vertical scroll, which can leave the item a test waits for off screen.
const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path, { freshLoad: true })

/** The drawn items whose label starts with `title` (one per lane the item is in). */
function item(page: Page, title: string) {
  return page.locator(`.timeline-canvas g.timeline-item[data-label^="${title.replace(/"/g, '\\"')} —"]`)
}

async function boxOf(page: Page, title: string) {
  const marker = item(page, title).first().locator('rect.timeline-item-marker')
  await marker.waitFor()
  const box = await marker.boundingBox()
  if (box === null) throw new Error(`${title} is not drawn`)
  return box
}

async function visibleLabels(page: Page): Promise<string[]> {
  return page.locator('.timeline-canvas g.timeline-item').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-label') ?? ''))
}

describe('timeline in Chromium (web mode)', () => {
  it('shows the Alipay incident, the apology and the CAC summons in order, linked', async () => {
    const page = await openApp('#/timeline')
    await page.getByRole('combobox', { name: 'Go to record' }).selectOption({ label: `${ALIPAY_INCIDENT} (3 January 2018)` })

    await expect.poll(() => item(page, SUMMONS).count()).toBeGreaterThan(0)
    const incident = await boxOf(page, ALIPAY_INCIDENT)
    const apology = await boxOf(page, APOLOGY)
    const summons = await boxOf(page, SUMMONS)
    expect(incident.x).toBeLessThanOrEqual(apology.x)
    expect(apology.x).toBeLessThan(summons.x)
    const links = await page.locator('.timeline-links path').evaluateAll((paths) => paths.map((path) => path.getAttribute('data-link') ?? ''))
    expect(links).toContain(`jurisdiction:CN|inc-alipay-annual-bill-2018:incident-occurred|resp-sesame-credit-apology-2018-01-03:response`)
    expect(links).toContain(`jurisdiction:CN|inc-alipay-annual-bill-2018:incident-occurred|resp-cac-summons-2018-01-06:response`)
    await page.screenshot({ path: 'test-results/timeline-alipay.png' })
    expect(browser.pageErrors).toEqual([])
  })

  it('opens the record when an event is activated with Enter', async () => {
    const page = await openApp('#/timeline')
    await page.getByRole('combobox', { name: 'Go to record' }).selectOption({ label: `${APOLOGY} (3 January 2018)` })

    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-label') ?? '')).toMatch(new RegExp(`^${APOLOGY}`))
    await page.keyboard.press('Enter')

    await expect.poll(() => page.url()).toContain('#/responses/resp-sesame-credit-apology-2018-01-03')
  })

  it('puts China and India in separate lanes when grouped by jurisdiction', async () => {
    const page = await openApp('#/timeline?group=jurisdiction')

    await page.locator('g.timeline-lane[data-lane-label="China"]').waitFor()
    // The chart draws the part of the timeline the worker sends for the view: lanes arrive as it answers.
    const laneLabels = () => page.locator('g.timeline-lane').evaluateAll((lanes) => lanes.map((lane) => lane.getAttribute('data-lane-label')))

    await expect.poll(laneLabels, { timeout: 10_000 }).toEqual(expect.arrayContaining(['China', 'India']))
    await expect.poll(() => item(page, ALIPAY_INCIDENT).first().getAttribute('data-lane-key')).toBe('jurisdiction:CN')
    // India's lane may start below the fold: Go to record scrolls to it.
    await page.getByRole('combobox', { name: 'Go to record' }).selectOption({ label: `${UC_INCIDENT} (May 2015)` })
    await expect.poll(() => item(page, UC_INCIDENT).first().getAttribute('data-lane-key')).toBe('jurisdiction:IN')
  })

  it('draws the UC Browser incident of May 2015 as a span over the whole month', async () => {
    const page = await openApp('#/timeline?group=jurisdiction&from=2015-04-01&zoom=10')
    const event = item(page, UC_INCIDENT).first()
    await event.waitFor()

    const label = await event.getAttribute('aria-label')
    const width = Number(await event.locator('rect.timeline-item-marker').getAttribute('width'))
    const x = Number(await event.locator('rect.timeline-item-marker').getAttribute('x'))

    expect(label).toContain('May 2015')
    expect(label).not.toMatch(/\d May 2015/)
    expect(width).toBeCloseTo(31 * 10, 6)
    // 1 April 2015 + 30 days = 1 May 2015.
    expect(x).toBeCloseTo(30 * 10, 6)
    await page.screenshot({ path: 'test-results/timeline-uc-browser-month.png' })
  })

  it('keeps the zoom in the address, and a bookmarked address restores the same view', async () => {
    const page = await openApp('#/timeline?group=jurisdiction')
    await item(page, ALIPAY_INCIDENT).first().waitFor()

    await page.getByRole('button', { name: 'Zoom in' }).click()
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(() => page.url()).toMatch(/zoom=/)
    await page.getByRole('button', { name: 'Collapse India' }).click()
    await expect.poll(() => page.url()).toMatch(/collapsed=jurisdiction%3AIN|collapsed=jurisdiction:IN/)
    const bookmark = page.url()
    const before = await page.locator('.timeline-status').textContent()
    const labelsBefore = await visibleLabels(page)

    const restored = await browser.context.newPage()
    await restored.goto(bookmark)
    await restored.waitForSelector('main[data-ready="yes"]')
    await restored.locator('g.timeline-lane[data-lane-label="India"]').waitFor()

    await expect.poll(() => restored.locator('.timeline-status').textContent()).toBe(before)
    await expect.poll(() => visibleLabels(restored)).toEqual(labelsBefore)
    await expect.poll(() => restored.getByRole('button', { name: 'Expand India' }).getAttribute('aria-expanded')).toBe('false')
    await restored.close()
  })

  it('zooms with the keyboard and moves a lane up', async () => {
    const page = await openApp('#/timeline?group=jurisdiction')
    await item(page, ALIPAY_INCIDENT).first().waitFor()
    const zoomOf = () => new URL(page.url().replace('#/', '')).searchParams.get('zoom')
    await page.getByRole('button', { name: 'Zoom out' }).click()
    await expect.poll(zoomOf).not.toBeNull()
    const zoomBefore = Number(zoomOf())

    await page.getByRole('region', { name: 'Timeline', exact: true }).focus()
    await page.keyboard.press('+')

    await expect.poll(() => Number(zoomOf())).toBeCloseTo(zoomBefore * 1.5, 2)
    const laneOrder = () => page.locator('g.timeline-lane').evaluateAll((lanes) => lanes.map((lane) => lane.getAttribute('data-lane-label')))
    await page.getByRole('button', { name: 'Move India up' }).focus()
    await page.keyboard.press('Enter')

    await expect.poll(laneOrder).toEqual(['China', 'India', 'European Union'])
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move India up')
    await expect.poll(() => decodeURIComponent(page.url())).toContain('order=jurisdiction:CN,jurisdiction:IN,jurisdiction:EU')
  })

  it('exports an SVG of the view that contains every visible event label', async () => {
    const page = await openApp('#/timeline?group=jurisdiction')
    await item(page, ALIPAY_INCIDENT).first().waitFor()
    const labels = await visibleLabels(page)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()])
    const svg = await readFile((await download.path()) ?? '', 'utf8')

    expect(labels.length).toBeGreaterThan(3)
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    for (const label of labels) expect(svg, label).toContain(escaped(label))
    expect(svg).toContain('Filters: grouped by jurisdiction')
    expect(svg).toMatch(/As of \d{1,2} \w+ \d{4}/)
    expect(download.suggestedFilename()).toMatch(/^timeline-\d{4}-\d{2}-\d{2}\.svg$/)
  })

  it('exports a PNG', async () => {
    const page = await openApp('#/timeline?group=jurisdiction')
    await item(page, ALIPAY_INCIDENT).first().waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()])
    const png = await readFile((await download.path()) ?? '')

    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  })

  it("shows an organisation's timeline from its address", async () => {
    const page = await openApp('#/timeline?org=org-alibaba&group=organisation')

    await expect.poll(() => page.locator('.timeline-scope').textContent()).toContain('Alibaba Group and the organisations under it')
    await page.locator('g.timeline-lane[data-lane-label="UC Browser"]').waitFor()
    await page.screenshot({ path: 'test-results/timeline-alibaba-by-organisation.png' })
  })

  it('narrows the timeline with a facet, in the search language', async () => {
    const page = await openApp('#/timeline')
    await item(page, ALIPAY_INCIDENT).first().waitFor()

    await page.getByText('Narrow by type, jurisdiction, organisation, category or year').click()
    await page.getByRole('button', { name: /^Jurisdiction: India, \d+$/ }).click()

    await expect.poll(() => decodeURIComponent(page.url())).toContain('q=jurisdiction:IN')
    await expect.poll(() => item(page, ALIPAY_INCIDENT).count()).toBe(0)
    await expect.poll(() => item(page, UC_INCIDENT).count()).toBeGreaterThan(0)
  })

  it('narrows the timeline with the query language and updates the address', async () => {
    const page = await openApp('#/timeline')
    await item(page, ALIPAY_INCIDENT).first().waitFor()

    await page.getByRole('searchbox', { name: 'Filter the timeline' }).fill('jurisdiction:IN')
    await page.getByRole('button', { name: 'Apply' }).click()

    await expect.poll(() => decodeURIComponent(page.url())).toContain('q=jurisdiction:IN')
    await expect.poll(() => item(page, ALIPAY_INCIDENT).count()).toBe(0)
  })
})
