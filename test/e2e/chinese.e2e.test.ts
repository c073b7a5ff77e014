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

    await results.getByRole('link', { name: /^Alipay annual-bill consent default/ }).first().waitFor()

    await openAppPage(browser.context, `#/search?q=${encodeURIComponent('法域：IN alipay')}`, { freshLoad: true })
    await page.locator('main h1').first().waitFor()
    await page.getByRole('link', { name: /^UC Browser/ }).or(page.getByText('没有')).first().waitFor()
    await expect(results.getByRole('link', { name: /^Alipay annual-bill consent default/ }).count()).resolves.toBe(0)
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
