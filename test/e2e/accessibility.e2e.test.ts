import { AxeBuilder } from '@axe-core/playwright'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

// axe-core on every view, record pages, forms and the graph included, with the browser in English
// and in Chinese: no serious or critical violation. Each view is checked once its content is drawn.

interface ViewToCheck {
  readonly path: string
  /** What is drawn once the view's content is there (besides its heading). */
  readonly drawn?: (page: Page) => Locator
}

const VIEWS: readonly ViewToCheck[] = [
  { path: '#/incidents', drawn: (page) => page.getByRole('table').getByRole('row').nth(1) },
  { path: '#/organisations', drawn: (page) => page.getByRole('table').getByRole('row').nth(1) },
  { path: '#/jurisdictions', drawn: (page) => page.getByRole('table').getByRole('row').nth(1) },
  { path: '#/laws', drawn: (page) => page.getByRole('table').getByRole('row').nth(1) },
  { path: '#/responses', drawn: (page) => page.getByRole('table').getByRole('row').nth(1) },
  { path: '#/sources', drawn: (page) => page.getByRole('table').getByRole('row').nth(1) },
  { path: '#/search?q=alipay', drawn: (page) => page.locator('.search-results').getByRole('link').first() },
  { path: '#/timeline', drawn: (page) => page.locator('.timeline-item').first() },
  { path: '#/compare?category=breach', drawn: (page) => page.getByRole('heading', { level: 2 }).first() },
  { path: '#/charts', drawn: (page) => page.getByRole('main').getByRole('img').first() },
  { path: '#/graph/organisation/org-alibaba', drawn: (page) => page.locator('svg[aria-roledescription]') },
  { path: '#/duplicates' },
  { path: '#/import' },
  { path: '#/briefings' },
  { path: '#/backups' },
  { path: '#/preferences' },
  { path: '#/team' },
  { path: '#/incidents/inc-alipay-annual-bill-2018' },
  { path: '#/incidents/inc-uc-browser-data-transmission' },
  { path: '#/organisations/org-alibaba' },
  { path: '#/laws/law-cn-cybersecurity-law' },
  { path: '#/incidents/new' },
  { path: '#/organisations/new' },
  { path: '#/laws/new' },
  { path: '#/responses/new' }
]

async function seriousViolations(page: Page, view: ViewToCheck): Promise<string[]> {
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await view.drawn?.(page).first().waitFor()
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html.slice(0, 160)}`))
}

for (const locale of ['en', 'zh-CN'] as const) {
  describe(`accessibility with the browser in ${locale}`, () => {
    const browser = useBrowserProfile(`axe-${locale}`, { locale })

    it.each(VIEWS.map((view) => [view.path, view] as const))('%s has no serious or critical axe violation', async (_path, view) => {
      const page = await openAppPage(browser.context, view.path, { freshLoad: true })

      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
      expect(await seriousViolations(page, view)).toEqual([])
    })
  })
}
