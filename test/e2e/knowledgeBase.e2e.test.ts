import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchBrowser, openAppPage } from './browser'

let userDataDir: string
let context: BrowserContext

const openApp = (path = '#/incidents'): Promise<Page> => openAppPage(context, path)

function incidentRows(page: Page) {
  return page.getByRole('table', { name: 'Incidents' }).locator('tbody tr')
}

describe('the knowledge base in Chromium (web mode)', () => {
  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'precedent-e2e-'))
    await mkdir('test-results', { recursive: true })
    context = await launchBrowser(userDataDir)
  })

  afterAll(async () => {
    await context?.close()
    await rm(userDataDir, { recursive: true, force: true })
  })

  it('lists the sample incidents on first run', async () => {
    const page = await openApp()

    await expect.poll(() => incidentRows(page).count()).toBe(2)
    const table = page.getByRole('table', { name: 'Incidents' })
    await expect(table.getByRole('link', { name: /Alipay/ }).isVisible()).resolves.toBe(true)
    await expect(table.getByRole('link', { name: /UC Browser/ }).isVisible()).resolves.toBe(true)
  })

  it('shows a month-precision date as the month, never as a day', async () => {
    const page = await openApp()

    const ucRow = incidentRows(page).filter({ hasText: 'UC Browser' })

    await expect(ucRow.getByRole('cell').nth(1).textContent()).resolves.toBe('May 2015')
  })

  it('sorts the incident list by a column header', async () => {
    const page = await openApp()
    const titles = () => incidentRows(page).locator('td:first-child').allTextContents()

    // Rows show "Loading…" until the page of the new order is read: wait for the first title.
    await page.getByRole('button', { name: 'Sort by Date' }).click()
    await expect.poll(async () => (await titles())[0]).toMatch(/UC Browser/)
    await page.getByRole('button', { name: 'Sort by Date' }).click()
    await expect.poll(async () => (await titles())[0]).toMatch(/Alipay/)
  })

  it('opens the Alipay incident with its responses in order and its sources', async () => {
    const page = await openApp()

    await page
      .getByRole('table', { name: 'Incidents' })
      .getByRole('link', { name: /Alipay/ })
      .click()

    await page.getByRole('heading', { level: 1, name: /Alipay/ }).waitFor()
    await page.locator('#responses-heading').waitFor()
    await page.locator('section[aria-labelledby="responses-heading"] li').nth(3).waitFor()
    const responses = page.locator('section[aria-labelledby="responses-heading"] li')
    const responseTexts = await responses.allTextContents()
    expect(responseTexts.some((text) => /Apology/.test(text))).toBe(true)
    const summonsIndex = responseTexts.findIndex((text) => /Summons/.test(text) && /6 January 2018/.test(text))
    const rectificationIndex = responseTexts.findIndex((text) => /Rectification order/.test(text) && /10 January 2018/.test(text))
    expect(summonsIndex).toBeGreaterThanOrEqual(0)
    expect(rectificationIndex).toBeGreaterThan(summonsIndex)
    const sources = page.getByRole('region', { name: 'Sources' })
    await expect(sources.textContent()).resolves.toMatch(/Ant Financial apologizes for online credit trickery/)
    await expect(sources.textContent()).resolves.toMatch(/xinhuanet\.com/)
    await page.screenshot({ path: 'test-results/incident-detail.png', fullPage: true })
  })

  it('shows Alibaba with its units, both incidents and the responses', async () => {
    const page = await openApp('#/organisations')

    await page.getByRole('table', { name: 'Organisations' }).getByRole('link', { name: 'Alibaba Group' }).click()
    await page.getByRole('heading', { level: 1, name: 'Alibaba Group' }).waitFor()
    await page.locator('section[aria-labelledby="org-incidents-heading"] li').nth(1).waitFor()

    const family = await page.locator('section[aria-labelledby="family-heading"]').textContent()
    expect(family).toMatch(/Ant Financial/)
    expect(family).toMatch(/Alipay/)
    expect(family).toMatch(/UC Browser/)
    const incidents = await page.locator('section[aria-labelledby="org-incidents-heading"] li').allTextContents()
    expect(incidents).toHaveLength(2)
    const responses = await page.locator('section[aria-labelledby="org-responses-heading"] li').allTextContents()
    expect(responses.some((text) => /Summons/.test(text))).toBe(true)
    expect(responses.some((text) => /Block or ban/.test(text))).toBe(true)
  })

  it('opens the timeline and the jurisdiction comparison of an organisation from its page', async () => {
    const page = await openApp('#/organisations/org-alibaba')
    await page.getByRole('heading', { level: 1, name: 'Alibaba Group' }).waitFor()

    await page.getByRole('link', { name: 'Show on timeline' }).click()
    await page.waitForURL(/#\/timeline\?.*org=org-alibaba/)
    await page.goBack()
    await page.getByRole('link', { name: 'Compare jurisdictions' }).click()

    await page.waitForURL(/#\/compare\?org=org-alibaba/)
    await page.getByRole('columnheader', { name: 'China' }).waitFor()
    await page.getByRole('columnheader', { name: 'India' }).waitFor()
  })

  it('shows a linked record from both ends', async () => {
    const page = await openApp('#/organisations')
    await page.getByRole('table', { name: 'Organisations' }).getByRole('link', { name: 'Alipay', exact: true }).click()
    await page.getByRole('region', { name: 'Linked incidents' }).waitFor()

    const linkedIncidents = page.getByRole('region', { name: 'Linked incidents' })

    await expect(linkedIncidents.textContent()).resolves.toMatch(/Alipay.*Incident \(operator\)/s)
    const operator = page.getByRole('region', { name: 'Linked organisations' })
    await expect(operator.textContent()).resolves.toMatch(/Ant Financial.*Operated by/s)
  })

  it('shows a law with its native title, dates, provisions and the incidents that implicate it', async () => {
    const page = await openApp('#/laws')

    await page
      .getByRole('table', { name: 'Laws' })
      .getByRole('link', { name: /^Cybersecurity Law of the People/ })
      .click()
    await page.getByRole('heading', { level: 1, name: /Cybersecurity Law/ }).waitFor()

    await expect(page.locator('.original-title').textContent()).resolves.toBe('网络安全法')
    const details = page.getByLabel('Law details')
    await expect(details.textContent()).resolves.toMatch(/Adopted\s*7 November 2016/)
    await expect(details.textContent()).resolves.toMatch(/In force\s*1 June 2017/)
    await expect(page.locator('section[aria-labelledby="law-provisions-heading"]').textContent()).resolves.toMatch(/Article 41.*consent/s)
    await page.getByRole('region', { name: 'Linked incidents' }).waitFor()
    await expect(page.getByRole('region', { name: 'Linked incidents' }).textContent()).resolves.toMatch(/Alipay/)
  })

  it('shows the 2020 block with its legal basis, date and outcome', async () => {
    const page = await openApp('#/responses')

    await page
      .getByRole('table', { name: 'Responses' })
      .getByRole('link', { name: /blocks 59 apps/ })
      .click()
    await page.getByRole('heading', { level: 1, name: /blocks 59 apps/ }).waitFor()

    const details = await page.getByLabel('Response details').textContent()
    expect(details).toMatch(/Block or ban/)
    expect(details).toMatch(/29 June 2020/)
    await expect.poll(async () => page.getByLabel('Response details').textContent()).toMatch(/Section 69A/)
    await expect(page.getByRole('region', { name: 'Sources' }).textContent()).resolves.toMatch(/India bans 59 Chinese apps/)
  })

  it('shows inline errors for invalid input and saves nothing', async () => {
    const page = await openApp('#/incidents/new')

    await page.getByLabel('Occurred', { exact: true }).fill('2015-13')
    await page.getByRole('button', { name: 'Create incident' }).click()

    await page.getByText('Title is required').waitFor()
    await expect(page.getByText(/month 13 does not exist/).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/Not saved/)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('incident-title')
    const list = await openApp()
    await expect.poll(() => incidentRows(list).count()).toBe(2)
  })

  it('creates an incident that survives a reload and a browser restart', async () => {
    let page = await openApp('#/incidents/new')

    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Ride-hailing app shares trip logs with an affiliate')
    await page.getByLabel('Summary', { exact: true }).fill('Trip histories 行程记录 were shared without consent.')
    await page.getByLabel('Occurred', { exact: true }).fill('2019-07')
    await page.getByLabel('Consent dark pattern').check()
    await page.getByLabel('Jurisdictions').selectOption({ label: 'China (CN)' })
    await page.getByRole('button', { name: 'Add jurisdiction' }).click()
    await page.getByRole('button', { name: 'Create incident' }).click()

    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ride-hailing app shares trip logs with an affiliate')
    await expect(page.locator('time[datetime="2019-07"]').first().textContent()).resolves.toBe('July 2019')

    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ride-hailing app shares trip logs with an affiliate')

    await context.close()
    context = await launchBrowser(userDataDir)
    page = await openApp()
    await expect.poll(() => incidentRows(page).count()).toBe(3)
    await expect(page.getByRole('link', { name: 'Ride-hailing app shares trip logs with an affiliate' }).isVisible()).resolves.toBe(true)
  })

  it('edits an incident and keeps the new text after a reload', async () => {
    const page = await openApp()
    await page.getByRole('link', { name: 'Ride-hailing app shares trip logs with an affiliate' }).click()

    await page.getByRole('link', { name: 'Edit incident' }).click()
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Ride-hailing app shared trip logs')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForSelector('text=Saved.')
    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ride-hailing app shared trip logs')
  })

  it('deletes an incident after confirmation', async () => {
    const page = await openApp()
    await page.getByRole('link', { name: 'Ride-hailing app shared trip logs' }).click()

    await page.getByRole('button', { name: 'Delete incident' }).click()
    await page.getByRole('button', { name: 'Delete permanently' }).click()

    await page.waitForURL(/#\/incidents$/)
    await expect.poll(() => incidentRows(page).count()).toBe(2)
  })

  it('loads the sample knowledge base only once across restarts', async () => {
    await context.close()
    context = await launchBrowser(userDataDir)
    const page = await openApp('#/responses')
    await page.getByRole('table', { name: 'Responses' }).waitFor()

    const rows = await page.getByRole('table', { name: 'Responses' }).locator('tbody tr').count()
    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')

    await expect.poll(() => page.getByRole('table', { name: 'Responses' }).locator('tbody tr').count()).toBe(rows)
  })

  it('opens the new-incident form and the sections from the keyboard', async () => {
    const page = await openApp()

    await page.keyboard.press('Alt+N')
    await page.getByRole('heading', { level: 1, name: 'New incident' }).waitFor()
    await page.keyboard.press('Alt+2')
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor()

    expect(page.url()).toMatch(/#\/organisations$/)
  })

  it("reports a conflict when another tab saved the same incident first, keeping this tab's input", async () => {
    const first = await openApp()
    await first
      .getByRole('table', { name: 'Incidents' })
      .getByRole('link', { name: /UC Browser/ })
      .click()
    await first.getByRole('link', { name: 'Edit incident' }).click()
    // The address changes after the click returns: open the second tab only once it is the form's.
    await first.waitForURL(/\/edit$/)
    const second = await context.newPage()
    await second.goto(first.url())
    await second.waitForSelector('main[data-ready="yes"]')
    const title = (page: Page) => page.getByRole('textbox', { name: 'Title', exact: true })
    await expect.poll(() => title(second).inputValue()).toMatch(/UC Browser/)
    await expect.poll(() => title(first).inputValue()).toMatch(/UC Browser/)

    await first.getByRole('textbox', { name: 'Tags' }).fill('saved-first')
    await first.getByRole('button', { name: 'Save changes' }).click()
    await first.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await title(second).fill('UC Browser edited in a stale tab')
    await second.getByRole('button', { name: 'Save changes' }).click()

    await second.getByRole('alert', { name: 'Edit conflict' }).waitFor()
    await expect(title(second).inputValue()).resolves.toBe('UC Browser edited in a stale tab')
    await second.getByRole('button', { name: 'Load their version' }).click()
    await expect(second.getByRole('textbox', { name: 'Tags' }).inputValue()).resolves.toBe('saved-first')
    await second.close()
  })

  it('blocks an injected inline script under the content security policy', async () => {
    const page = await openApp()

    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      try {
        // Trusted Types refuse the text outright; were they off, the CSP would still not run it.
        script.textContent = 'window.__injected = true'
        document.body.appendChild(script)
      } catch {
        // refused at the sink
      }
      return (window as unknown as { __injected?: boolean }).__injected === true
    })

    expect(ran).toBe(false)
  })

  it('refuses eval and new Function under the content security policy', async () => {
    const page = await openApp()

    // Run from a task of the page's own, not inside the DevTools evaluation, which the protocol lets
    // eval by default (Runtime.evaluate's allowUnsafeEvalBlockedByCSP).
    const outcome = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          setTimeout(() => {
            resolve(
              // eslint-disable-next-line no-eval, no-new-func -- the point: both must be refused in the page
              [() => (0, eval)('1 + 1') as unknown, () => new Function('return 2')() as unknown].map((run) => {
                try {
                  return `ran: ${String(run())}`
                } catch (error) {
                  return error instanceof Error ? error.name : String(error)
                }
              })
            )
          }, 0)
        })
    )

    expect(outcome).toEqual(['EvalError', 'EvalError'])
  })

  it('refuses HTML strings at every sink under Trusted Types, while the search worker (a same-origin script URL) runs', async () => {
    const page = await openApp()

    const outcome = await page.evaluate(() => {
      const target = document.createElement('div')
      try {
        target.innerHTML = '<img src=x onerror="window.__injected = true">'
        return 'assigned'
      } catch (error) {
        return error instanceof TypeError ? 'refused' : String(error)
      }
    })

    expect(outcome).toBe('refused')
    await page
      .getByRole('searchbox', { name: /search/i })
      .first()
      .fill('alipay')
    await page.keyboard.press('Enter')
    await page
      .getByRole('link', { name: /Alipay annual-bill consent default/ })
      .first()
      .waitFor()
    expect(page.workers().some((worker) => worker.url().includes('searchIndex.worker'))).toBe(true)
  })
})
