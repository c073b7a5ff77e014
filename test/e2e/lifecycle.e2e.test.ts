import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('lifecycle')

const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

async function openIncident(title: RegExp): Promise<Page> {
  const page = await openApp('#/incidents')
  await page.getByRole('table', { name: 'Incidents' }).getByRole('link', { name: title }).click()
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
  await page.locator('#responses-heading').waitFor()
  return page
}

function responsesSection(page: Page) {
  return page.locator('section[aria-labelledby="responses-heading"]')
}

describe('law status and the response lifecycle in Chromium (web mode)', () => {
  it('says Cybersecurity Law article 41 was in force on the day of the Alipay incident', async () => {
    const page = await openIncident(/Alipay/)
    const provisions = page.locator('section[aria-labelledby="provisions-heading"] li')

    const article41 = provisions.filter({ hasText: 'Article 41' })

    await expect.poll(() => article41.textContent()).toMatch(/In force on 3 January 2018/)
  })

  it('says the personal information standard was not yet in force on the day of the Alipay incident', async () => {
    const page = await openIncident(/Alipay/)

    const standard = page.locator('section[aria-labelledby="provisions-heading"] li').filter({ hasText: /Personal information security specification/i })

    await expect.poll(() => standard.textContent()).toMatch(/Not yet in force \(from 1 May 2018\)/)
  })

  it('shows the Alipay matter concluded by the rectification order, with the steps in order', async () => {
    const page = await openIncident(/Alipay/)
    const section = responsesSection(page)

    await expect.poll(() => section.locator('.matter-state').textContent()).toMatch(/State of the matter:\s*concluded — rectification order, 10 January 2018/)
    const steps = await section.getByRole('list', { name: 'Steps taken' }).getByRole('listitem').allTextContents()
    const summons = steps.findIndex((text) => /Summons/.test(text))
    const order = steps.findIndex((text) => /Rectification order/.test(text))
    expect(summons).toBeGreaterThanOrEqual(0)
    expect(order).toBeGreaterThan(summons)
    await expect(section.locator('[aria-current="step"]').textContent()).resolves.toMatch(/Concludes the matter: .*Rectification order/)
    await page.screenshot({ path: 'test-results/lifecycle-alipay.png', fullPage: true })
  })

  it("shows UC Browser's 2020 block as the concluding step and the threatened 2017 ban apart", async () => {
    const page = await openIncident(/UC Browser/)
    const section = responsesSection(page)

    await expect.poll(() => section.locator('.matter-state').textContent()).toMatch(/concluded — block or ban, 29 June 2020/)
    const steps = await section.getByRole('list', { name: 'Steps taken' }).getByRole('listitem').allTextContents()
    const proposed = await section.getByRole('list', { name: 'Proposed or threatened measures' }).getByRole('listitem').allTextContents()
    expect(steps.at(-1)).toMatch(/29 June 2020.*blocks 59 apps/s)
    expect(steps.some((text) => /MeitY official says/.test(text))).toBe(false)
    expect(proposed).toHaveLength(1)
    expect(proposed[0]).toMatch(/22 August 2017.*MeitY official says UC Browser may be banned/s)
    await page.screenshot({ path: 'test-results/lifecycle-uc-browser.png', fullPage: true })
  })

  it('offers to record a response for the incident, from the keyboard', async () => {
    const page = await openIncident(/UC Browser/)

    await responsesSection(page).getByRole('link', { name: 'Record a response' }).focus()
    await page.keyboard.press('Enter')

    await expect.poll(() => page.url()).toMatch(/#\/responses\/new\?incident=inc-uc-browser-data-transmission$/)
  })

  it("shows the Cybersecurity Law's status over time on its page", async () => {
    const page = await openApp('#/laws/law-cn-cybersecurity-law')
    await page.getByRole('heading', { level: 1, name: /Cybersecurity Law/ }).waitFor()

    const history = page.getByRole('list', { name: 'Status history' })

    await expect(history.getByRole('listitem').allTextContents()).resolves.toEqual(['7 November 2016 — Adopted', '1 June 2017 — In force'])
    await expect(page.locator('section[aria-labelledby="law-status-heading"] .current-status').textContent()).resolves.toBe('Current status: In force')
    await page.screenshot({ path: 'test-results/lifecycle-law-status.png', fullPage: true })
  })
})
