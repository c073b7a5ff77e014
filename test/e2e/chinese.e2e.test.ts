import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { openAppPage, useBrowserProfile } from './browser'

// The app with the browser's language set to Chinese (locale and --lang), as a Chinese-speaking
// analyst's browser or system would have it.
const browser = useBrowserProfile('chinese', { locale: 'zh-CN' })

const ALIPAY = 'inc-alipay-annual-bill-2018'
const UC_BROWSER = 'inc-uc-browser-data-transmission'
const SUMMONS = 'Cyberspace Administration of China summons Alipay and Sesame Credit'

describe('the app in Chinese', () => {
  it('follows the browser language at first start: navigation, footer and <html lang> in Chinese', async () => {
    const page = await openAppPage(browser.context, '#/incidents')
    const navigation = page.getByRole('navigation', { name: '主导航' })

    for (const name of ['事件', '组织', '法域', '法律', '应对', '来源', '时间线', '比较', '图表', '导入', '重复项', '简报']) {
      await expect(navigation.getByRole('link', { name, exact: true }).isVisible(), name).resolves.toBe(true)
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    await expect(page.getByRole('link', { name: '偏好设置', exact: true }).isVisible()).resolves.toBe(true)
  })

  it('writes each date at its precision: 2018年1月3日 for Alipay, 2015年5月 (never a made-up day) for UC Browser', async () => {
    const page = await openAppPage(browser.context, `#/incidents/${ALIPAY}`)
    await page.getByRole('heading', { level: 1 }).waitFor()

    await expect(page.locator('main').getByText('2018年1月3日').first().isVisible()).resolves.toBe(true)

    await openAppPage(browser.context, `#/incidents/${UC_BROWSER}`, { freshLoad: true })
    await page.getByRole('heading', { level: 1 }).waitFor()
    const main = await page.locator('main').innerText()

    expect(main).toContain('2015年5月')
    expect(main).not.toMatch(/2015年5月\d+日/)
  })

  it('searches with the filters’ Chinese names: 法域:CN finds Alipay, 法域:IN leaves it out', async () => {
    const page = await openAppPage(browser.context, `#/search?q=${encodeURIComponent('法域:CN alipay')}`, { freshLoad: true })
    const results = page.locator('.search-results')

    await results
      .getByRole('link', { name: /^Alipay annual-bill consent default/ })
      .first()
      .waitFor()

    await openAppPage(browser.context, `#/search?q=${encodeURIComponent('法域：IN alipay')}`, { freshLoad: true })
    await page.locator('main h1').first().waitFor()
    await page
      .getByRole('link', { name: /^UC Browser/ })
      .or(page.getByText('没有'))
      .first()
      .waitFor()
    await expect(results.getByRole('link', { name: /^Alipay annual-bill consent default/ }).count()).resolves.toBe(0)
  })

  it('writes a briefing in Chinese by default: a DOCX exported from the page has Chinese headings and dates', async () => {
    const downloads = await mkdtemp(join(tmpdir(), 'precedent-e2e-chinese-downloads-'))
    try {
      const page = await openAppPage(browser.context, '#/briefings', { freshLoad: true })
      await page.getByLabel('新简报的标题').fill('支付宝默认同意')
      await page.getByRole('button', { name: '新建简报' }).click()
      await page.getByRole('heading', { level: 1, name: '支付宝默认同意' }).waitFor()
      const picker = page.getByRole('combobox', { name: '添加记录' })
      await picker.fill('Alipay annual')
      await page.getByRole('option', { name: /^Alipay annual-bill consent default/ }).waitFor()
      await picker.press('ArrowDown')
      await picker.press('Enter')
      await page.getByRole('link', { name: /^Alipay annual-bill consent default/ }).waitFor()
      expect(await page.getByRole('combobox', { name: '语言' }).inputValue()).toBe('zh-CN')

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 DOCX' }).click()])
      const file = join(downloads, 'briefing.docx')
      await download.saveAs(file)
      const documentXml = strFromU8(unzipSync(new Uint8Array(await readFile(file)))['word/document.xml']!)

      for (const heading of ['摘要', '大事记', '法律依据', '应对与结果', '来源'])
        expect(documentXml, heading).toContain(`<w:t xml:space="preserve">${heading}</w:t>`)
      expect(documentXml).toContain('2018年1月3日')
      expect(documentXml).not.toMatch(/>(Summary|Chronology|Legal basis|Responses and outcomes|Sources)</)
    } finally {
      await rm(downloads, { recursive: true, force: true })
    }
  })

  it('says a required field left empty in Chinese when a form is saved, logging no refused script on the way', async () => {
    const page = await openAppPage(browser.context, '#/sources/new', { freshLoad: true })
    // zod is jitless: under the CSP's Trusted Types its `new Function` probe would be logged as refused.
    const refused: string[] = []
    page.on('console', (entry) => {
      if (entry.type() === 'error' && /TrustedScript|unsafe-eval|evaluate a string/i.test(entry.text())) refused.push(entry.text())
    })
    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')

    await page.getByRole('button', { name: '创建来源' }).click()

    await page.getByRole('alert').filter({ hasText: '未保存：有 1 个字段需要处理。' }).waitFor()
    await expect(page.getByText('标题为必填项').first().isVisible()).resolves.toBe(true)
    await page.getByRole('textbox', { name: '地址（URL）' }).fill('ftp://example.org/report')
    await page.getByRole('textbox', { name: '地址（URL）' }).blur()
    await page.getByText('网址须为以 http:// 或 https:// 开头的完整地址').first().waitFor()
    expect(refused).toEqual([])
  })

  it('lists an import’s rejected row by file, row and field, the reason in Chinese', async () => {
    const page = await openAppPage(browser.context, '#/import', { freshLoad: true })
    const csv = 'Title,Date\nLeak at a clinic,2016-03\nLeak at a school,2016-13\n'
    await page.getByLabel('要导入的文件').setInputFiles({ name: 'leaks.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await page.getByRole('button', { name: '检查将导入的内容' }).click()

    const rejected = page.getByRole('table', { name: '各条被拒绝的记录或行未能导入的原因' })
    await rejected.waitFor()
    await expect(rejected.locator('tbody tr').first().locator('td').allTextContents()).resolves.toEqual([
      'leaks.csv',
      '3',
      'Date',
      '“2016-13”：不存在第 13 月（01 至 12）'
    ])
  })

  it('draws the timeline in Chinese: lanes by the jurisdictions’ Chinese names, the axis in Chinese dates, a response by its kind', async () => {
    const page = await openAppPage(browser.context, '#/timeline?group=jurisdiction', { freshLoad: true })
    await page.locator('g.timeline-lane[data-lane-label="中国"]').waitFor()

    await page.getByRole('combobox', { name: '转到记录' }).selectOption({ label: `${SUMMONS}（2018年1月6日）` })
    const summons = page.locator(`.timeline-canvas g.timeline-item[data-label^="${SUMMONS} — "]`).first()
    await summons.waitFor()

    expect(await summons.getAttribute('aria-label')).toMatch(new RegExp(`^约谈：${SUMMONS} — 2018年1月6日`))
    const ticks = (await page.locator('svg.timeline-axis text').allTextContents()).map((tick) => tick.trim())
    expect(ticks.length).toBeGreaterThan(0)
    for (const tick of ticks) expect(tick).toMatch(/^\d{4}年(?:\d{1,2}月)?$|^\d{1,2}月\d{1,2}日$|^\d{4}年代$/)
    await page.screenshot({ path: 'test-results/chinese-timeline.png' })
    expect(browser.pageErrors).toEqual([])
  })

  it('says how each linked record relates to an incident in Chinese', async () => {
    const page = await openAppPage(browser.context, `#/incidents/${ALIPAY}`, { freshLoad: true })
    const organisations = page.getByRole('region', { name: '关联的组织' })
    await organisations.getByRole('link', { name: 'Alipay', exact: true }).waitFor()

    const relations = (await organisations.locator('li').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())
    expect(relations).toContainEqual(expect.stringMatching(/^Alipay · 运营者/))
    expect(relations).toContainEqual(expect.stringMatching(/^Ant Financial · 母公司/))
    // The jurisdiction is named by its Chinese name from the reference data.
    await expect(page.getByRole('region', { name: '关联的法域' }).getByRole('link', { name: '中国', exact: true }).isVisible()).resolves.toBe(true)
    await page.locator('section.linked-records').screenshot({ path: 'test-results/chinese-linked-records.png' })
  })

  it('switches to English in Preferences at once, and stays in English after a reload', async () => {
    const page = await openAppPage(browser.context, '#/preferences', { freshLoad: true })
    await expect(page.getByRole('heading', { level: 1, name: '偏好设置' }).isVisible()).resolves.toBe(true)

    await page.getByLabel('语言').selectOption('en')

    await page.getByRole('heading', { level: 1, name: 'Preferences' }).waitFor()
    await expect(page.getByRole('status').filter({ hasText: 'The interface is now in English.' }).isVisible()).resolves.toBe(true)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')

    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents', exact: true }).isVisible()).resolves.toBe(true)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
  })
})
