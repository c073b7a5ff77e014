import { readFile } from 'node:fs/promises'
import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const baseUrl = inject('baseUrl')
const ALIPAY_INCIDENT = 'Alipay annual-bill consent default enrolled users in Sesame Credit'
const UC_INCIDENT = 'UC Browser transmitted device identifiers and location data to remote servers'
const browser = useBrowserProfile('graph')

const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

function diagram(page: Page) {
  return page.getByRole('group', { name: /^Relationships of Alibaba Group/ })
}

/** A record drawn in the graph; its accessible name starts with the record's name. */
function graphNode(page: Page, name: string) {
  return diagram(page).getByRole('link', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) })
}

describe('the relationship graph in Chromium (web mode)', () => {
  it('shows Ant Financial, Alipay, UC Browser and both incidents in the graph of Alibaba Group at 2 hops', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')

    await graphNode(page, 'Alipay').waitFor()

    for (const name of ['Alibaba Group', 'Ant Financial', 'Alipay', 'UC Browser', ALIPAY_INCIDENT, UC_INCIDENT]) {
      await expect(graphNode(page, name).count(), name).resolves.toBe(1)
    }
    await page.screenshot({ path: 'test-results/graph-alibaba-2-hops.png', fullPage: true })
    await diagram(page).screenshot({ path: 'test-results/graph-alibaba-2-hops-diagram.png' })
  })

  it('opens from a record page', async () => {
    const page = await openApp('#/organisations/org-alibaba')

    await page.getByRole('link', { name: 'Show relationship graph' }).click()

    await page.getByRole('heading', { level: 1, name: 'Relationships of Alibaba Group' }).waitFor()
    await expect(graphNode(page, 'Ant Financial').count()).resolves.toBe(1)
  })

  it('reaches only direct links at 1 hop, and keeps the reach in the address', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')
    await graphNode(page, 'Alipay').waitFor()

    await page.getByRole('radio', { name: '1 hop' }).check()

    await expect.poll(() => graphNode(page, 'Alipay').count()).toBe(0)
    await expect(graphNode(page, 'Ant Financial').count()).resolves.toBe(1)
    expect(page.url()).not.toContain('hops=2')
  })

  it('leaves out a record type when it is unticked, and a bookmarked address comes back the same', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')
    await graphNode(page, 'China').waitFor()

    await page.getByRole('group', { name: 'Show' }).getByRole('checkbox', { name: 'Jurisdictions' }).uncheck()

    await expect.poll(() => graphNode(page, 'China').count()).toBe(0)
    const bookmark = page.url()
    expect(decodeURIComponent(bookmark)).toContain('hide=jurisdiction,source')
    const reopened = await openApp(`#${bookmark.split('#')[1] ?? ''}`)
    await graphNode(reopened, 'Ant Financial').waitFor()
    await expect(graphNode(reopened, 'China').count()).resolves.toBe(0)
    await expect(reopened.getByRole('radio', { name: '2 hops' }).isChecked()).resolves.toBe(true)
  })

  it('sums up a record and names its links while it is pointed at', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')
    await diagram(page).scrollIntoViewIfNeeded()

    await graphNode(page, 'Ant Financial').hover()

    const summary = page.locator('.graph-node-summary')
    await summary.waitFor()
    await expect(summary.textContent()).resolves.toContain('Affiliate of: Alibaba Group')
    await expect(diagram(page).locator('.graph-line-label').allTextContents()).resolves.toContain('Affiliate of')
    await page.screenshot({ path: 'test-results/graph-alibaba-hover.png' })
  })

  it('opens the record when its node is clicked', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')

    await graphNode(page, 'Ant Financial').click()

    await page.getByRole('heading', { level: 1, name: 'Ant Financial' }).waitFor()
    expect(page.url()).toContain('org-ant-financial')
  })

  it('opens the record from the keyboard: Tab reaches the nodes nearest first, Enter opens one', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')
    await graphNode(page, 'Alibaba Group').waitFor()

    await graphNode(page, 'Alibaba Group').focus()
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
    await page.keyboard.press('Enter')

    expect(focused).toMatch(/1 hop away$/)
    await expect.poll(() => page.url()).not.toContain('/graph/')
  })

  it('lets keyboard users skip past the drawing to the list of relationships', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')
    await graphNode(page, 'Alipay').waitFor()

    await page.getByRole('button', { name: 'Skip the drawing, to the list of relationships' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')

    const focusedText = await page.evaluate(() => document.activeElement?.textContent ?? '')
    expect(focusedText).toBe('Alibaba Group')
  })

  it('lists the relationships as text', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')

    const relationships = page.getByRole('list', { name: 'Relationships' })
    await relationships.getByRole('listitem').first().waitFor()
    const sentences = (await relationships.getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())

    expect(sentences).toContain('Alipay — Operated by → Ant Financial')
    expect(sentences).toContain('Ant Financial — Affiliate of → Alibaba Group')
    expect(sentences).toContain('UC Browser — Operated by → UCWeb')
  })

  it('zooms with the buttons', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')
    await graphNode(page, 'Alipay').waitFor()
    const drawing = diagram(page).locator(':scope > g').first()

    await page.getByRole('button', { name: 'Zoom in' }).click()

    await expect.poll(() => drawing.getAttribute('transform')).toMatch(/scale\(1\.4\)/)
    await page.getByRole('button', { name: 'Show all' }).click()
    await expect.poll(() => drawing.getAttribute('transform')).toMatch(/scale\(1\)/)
  })

  it('zooms with the keyboard while a record is focused, and with the mouse wheel', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba?hops=2')
    await graphNode(page, 'Alipay').waitFor()
    const drawing = diagram(page).locator(':scope > g').first()

    await graphNode(page, 'Alibaba Group').focus()
    await page.keyboard.press('+')
    await expect.poll(() => drawing.getAttribute('transform')).toMatch(/scale\(1\.4\)/)
    await page.keyboard.press('0')
    await expect.poll(() => drawing.getAttribute('transform')).toMatch(/scale\(1\)/)

    const box = await diagram(page).boundingBox()
    await page.mouse.move((box?.x ?? 0) + 40, (box?.y ?? 0) + 40)
    await page.mouse.wheel(0, 300)
    await expect.poll(() => drawing.getAttribute('transform')).toMatch(/scale\(0\.\d+\)/)
  })

  it('exports an SVG with the title, the settings, an "as of" date and every record shown', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba')
    await graphNode(page, 'Ant Financial').waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()])
    const svg = await readFile((await download.path()) ?? '', 'utf8')
    await download.saveAs('test-results/graph-export.svg')

    expect(download.suggestedFilename()).toMatch(/^relationships-org-alibaba-\d{4}-\d{2}-\d{2}\.svg$/)
    expect(svg).toContain('Relationships of Alibaba Group')
    expect(svg).toContain('1 hop · sources left out')
    expect(svg).toMatch(/As of \d{1,2} \w+ \d{4}/)
    for (const name of ['Alibaba Group', 'Ant Financial', 'UCWeb', 'China']) expect(svg, name).toContain(`>${name}<`)
  })

  it('exports a PNG at print resolution', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba')
    await graphNode(page, 'Ant Financial').waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()])
    const png = await readFile((await download.path()) ?? '')
    await download.saveAs('test-results/graph-export.png')

    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // The exported SVG is at least 640 px wide; at 300 dpi over 96 that is 2,000 pixels.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(2000)
  })

  it('redraws live when a record in the graph is renamed in another tab', async () => {
    const page = await openApp('#/graph/organisation/org-alibaba')
    await graphNode(page, 'UCWeb').waitFor()
    const editor = await browser.context.newPage()

    await editor.goto(new URL('#/organisations/org-ucweb/edit', baseUrl).toString())
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('UCWeb Inc.')
    await editor.getByRole('button', { name: 'Save changes' }).click()
    await editor.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await editor.close()

    await expect.poll(() => graphNode(page, 'UCWeb Inc.').count()).toBe(1)
  })

  it('says what to do when the record does not exist', async () => {
    const page = await openApp('#/graph/organisation/org-nowhere')

    await page.getByRole('region', { name: 'Record not found' }).waitFor()
    await expect(page.getByRole('link', { name: 'Search for a record' }).isVisible()).resolves.toBe(true)
  })

  it('raised no page errors', () => {
    expect(browser.pageErrors).toEqual([])
  })
})
