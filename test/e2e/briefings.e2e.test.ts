import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const ALIPAY_INCIDENT = 'Alipay annual-bill consent default enrolled users in Sesame Credit'
const SUMMONS = 'Cyberspace Administration of China summons Alipay and Sesame Credit'
const BRIEFING_TITLE = 'Alipay consent default'
let downloadDir: string
const browser = useBrowserProfile('briefings')

const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

async function addRecord(page: Page, typed: string, title: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Add a record' })
  await picker.fill(typed)
  await page.getByRole('option', { name: new RegExp(`^${title}`) }).waitFor()
  await picker.press('ArrowDown')
  await picker.press('Enter')
  await page.getByRole('link', { name: title }).waitFor()
}

/** The items of the running order as the page lists them: record titles, heading and commentary texts. */
function runningOrder(page: Page): Promise<string[]> {
  return page
    .locator('.briefing-item-list > li')
    .evaluateAll((items) =>
      items.map((item) => item.querySelector('a')?.textContent?.trim() ?? (item.querySelector('input, textarea') as HTMLInputElement | null)?.value ?? '')
    )
}

function unzipText(file: string, member: string): string {
  return execFileSync('/usr/bin/unzip', ['-p', file, member], { encoding: 'utf8' })
}

describe('briefings in Chromium (web mode)', () => {
  beforeAll(async () => {
    downloadDir = await mkdtemp(join(tmpdir(), 'precedent-e2e-briefings-downloads-'))
  })

  afterAll(async () => {
    await rm(downloadDir, { recursive: true, force: true })
  })

  it('composes a briefing of the Alipay incident, exports it as DOCX with the chronology and footnoted sources, and keeps it after a reload', async () => {
    const page = await openApp('#/briefings')
    await expect.poll(() => page.getByRole('region', { name: 'No briefings yet' }).isVisible()).toBe(true)

    await page.getByLabel('Title of a new briefing').fill(BRIEFING_TITLE)
    await page.getByRole('button', { name: 'New briefing' }).click()
    await page.getByRole('heading', { level: 1, name: BRIEFING_TITLE }).waitFor()

    await addRecord(page, 'Alipay annual', ALIPAY_INCIDENT)
    await addRecord(page, 'summons Alipay', SUMMONS)
    await page.getByRole('button', { name: 'Add heading' }).click()
    await page.keyboard.type('Background')
    await page.getByRole('button', { name: 'Add commentary' }).click()
    await page.keyboard.type('The consent box was pre-ticked on the annual bill page.')
    expect(await runningOrder(page)).toEqual([ALIPAY_INCIDENT, SUMMONS, 'Background', 'The consent box was pre-ticked on the annual bill page.'])

    // Reorder with the keyboard: the heading goes to the top (focus stays on its "Move up" button).
    await page.getByRole('button', { name: 'Move heading “Background” up' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect.poll(() => runningOrder(page)).toEqual(['Background', ALIPAY_INCIDENT, SUMMONS, 'The consent box was pre-ticked on the annual bill page.'])
    // The commentary goes between the incident and the summons.
    await page
      .getByRole('button', { name: /^Move commentary “The consent box/ })
      .first()
      .click()
    await expect.poll(() => runningOrder(page)).toEqual(['Background', ALIPAY_INCIDENT, 'The consent box was pre-ticked on the annual bill page.', SUMMONS])

    await page.keyboard.press('Control+s')
    await page.getByText('Saved.', { exact: true }).waitFor()
    await mkdir('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/briefing-composer.png', fullPage: true })

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export DOCX' }).click()])
    expect(download.suggestedFilename()).toMatch(/^alipay-consent-default-\d{4}-\d{2}-\d{2}\.docx$/)
    const file = join(downloadDir, download.suggestedFilename())
    await download.saveAs(file)
    const documentXml = unzipText(file, 'word/document.xml')
    const footnotesXml = unzipText(file, 'word/footnotes.xml')
    for (const text of [
      'Background',
      'The consent box was pre-ticked on the annual bill page.',
      'Chronology',
      '3 January 2018',
      ALIPAY_INCIDENT,
      '6 January 2018',
      SUMMONS
    ]) {
      expect(documentXml, text).toContain(text)
    }
    // The heading and the commentary come in the order chosen: heading, incident, commentary, summons.
    const summary = documentXml.slice(documentXml.indexOf('Background'))
    expect(summary.indexOf('The consent box was pre-ticked')).toBeGreaterThan(0)
    for (const source of ['China Focus: Ant Financial apologizes for online credit trickery', 'Alipay under fire for breaking customer data rules']) {
      expect(footnotesXml, source).toContain(source)
    }
    // "Timeline picture" is on by default: the briefing's records drawn by the timeline chart, as a PNG.
    const members = execFileSync('/usr/bin/unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n')
    const pictures = members.filter((member) => /^word\/media\/.+\.png$/.test(member))
    expect(pictures).toHaveLength(1)
    const png = execFileSync('/usr/bin/unzip', ['-p', file, pictures[0] ?? ''])
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // Drawn at print resolution: wider than the 900 CSS pixels of the chart.
    expect(png.readUInt32BE(16)).toBeGreaterThan(2000)
    await mkdir('test-results', { recursive: true })
    await writeFile('test-results/briefing-timeline.png', png)
    await expect.poll(() => page.getByText(/^Downloaded as alipay-consent-default-/).isVisible()).toBe(true)

    // The HTML export carries the same picture as an SVG, accepted by the page's SVG sanitiser.
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HTML' }).click()])
    const htmlFile = join(downloadDir, htmlDownload.suggestedFilename())
    await htmlDownload.saveAs(htmlFile)
    const html = await readFile(htmlFile, 'utf8')
    expect(html).toContain('<figure class="timeline"><svg')
    expect(html).not.toContain('The timeline picture was left out')
    expect(html).not.toMatch(/<script/i)

    // Web mode's PDF is the print dialog, which prints the composed briefing, not the form.
    await page.getByRole('button', { name: 'Print or save as PDF' }).click()
    await page.getByText('The print dialog opened: choose “Save as PDF” there.').waitFor()
    await page.emulateMedia({ media: 'print' })
    const printed = page.getByRole('article', { name: 'Briefing as printed' })
    await expect.poll(() => printed.isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Save briefing' }).isVisible()).toBe(false)
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false)
    const printedText = (await printed.textContent()) ?? ''
    for (const text of ['Chronology', '3 January 2018', SUMMONS, 'Background', 'China Focus: Ant Financial apologizes'])
      expect(printedText, text).toContain(text)
    // The timeline picture is printed too, drawn from the app's own SVG.
    await expect
      .poll(() =>
        printed
          .getByRole('img', { name: 'Timeline of the events in this briefing' })
          .evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)
      )
      .toBe(true)
    await page.screenshot({ path: 'test-results/briefing-print.png', fullPage: true })
    await page.emulateMedia({ media: 'screen' })

    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')
    await expect.poll(() => runningOrder(page)).toEqual(['Background', ALIPAY_INCIDENT, 'The consent box was pre-ticked on the annual bill page.', SUMMONS])
    const list = await openApp('#/briefings')
    await list.getByRole('link', { name: BRIEFING_TITLE }).waitFor()
    expect(browser.pageErrors).toEqual([])
  })

  it('writes a briefing in the language chosen for it: from the English interface, a DOCX and HTML in Chinese, and the choice kept', async () => {
    const page = await openApp('#/briefings')
    await page.getByLabel('Title of a new briefing').fill('Alipay for the Chinese desk')
    await page.getByRole('button', { name: 'New briefing' }).click()
    await page.getByRole('heading', { level: 1, name: 'Alipay for the Chinese desk' }).waitFor()
    await addRecord(page, 'Alipay annual', ALIPAY_INCIDENT)
    const language = page.getByRole('combobox', { name: 'Language' })
    // A new briefing is written in the interface language until another is chosen.
    expect(await language.inputValue()).toBe('en')
    await language.selectOption({ label: '简体中文' })
    await page.keyboard.press('Control+s')
    await page.getByText('Saved.', { exact: true }).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export DOCX' }).click()])
    const file = join(downloadDir, download.suggestedFilename())
    await download.saveAs(file)
    const docx = unzipSync(new Uint8Array(await readFile(file)))
    const documentXml = strFromU8(docx['word/document.xml']!)
    for (const heading of ['摘要', '大事记', '法律依据', '应对与结果', '来源'])
      expect(documentXml, heading).toContain(`<w:t xml:space="preserve">${heading}</w:t>`)
    expect(documentXml).toMatch(/截至\d{4}年\d{1,2}月\d{1,2}日/)
    expect(documentXml).toContain('2018年1月3日')
    expect(documentXml).toContain(ALIPAY_INCIDENT)
    expect(documentXml).not.toMatch(/>(Summary|Chronology|Legal basis|Responses and outcomes|Sources)</)
    expect(strFromU8(docx['word/footnotes.xml']!)).toContain('2018年1月4日')
    expect(strFromU8(docx['word/styles.xml']!)).toContain('w:eastAsia="Noto Sans CJK SC"')

    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HTML' }).click()])
    const htmlFile = join(downloadDir, htmlDownload.suggestedFilename())
    await htmlDownload.saveAs(htmlFile)
    const html = await readFile(htmlFile, 'utf8')
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<h2 id="section-2">大事记</h2>')

    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')
    await page.getByRole('heading', { level: 1, name: 'Alipay for the Chinese desk' }).waitFor()
    await expect.poll(() => page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('zh-CN')
    expect(browser.pageErrors).toEqual([])
  })

  it('adds a record to a briefing from its own page', async () => {
    const page = await openApp('#/incidents/inc-alipay-annual-bill-2018')
    await page.getByRole('button', { name: 'Add to briefing…' }).click()
    const dialog = page.getByRole('dialog', { name: `Add ${ALIPAY_INCIDENT} to a briefing` })
    await dialog.getByLabel('Briefing', { exact: true }).selectOption({ label: 'A new briefing' })
    await dialog.getByLabel('Title of the new briefing').fill('From the record page')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await dialog.getByText('Added to “From the record page”.').waitFor()

    await dialog.getByRole('link', { name: 'Open the briefing' }).click()

    await page.getByRole('heading', { level: 1, name: 'From the record page' }).waitFor()
    expect(await runningOrder(page)).toEqual([ALIPAY_INCIDENT])
    expect(browser.pageErrors).toEqual([])
  })
})
