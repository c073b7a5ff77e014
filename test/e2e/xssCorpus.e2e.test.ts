import { describe, expect, inject, it } from 'vitest'
import { openAppPage, useBrowserProfile } from './browser'

/**
 * RELIABILITY-SECURITY 43 (H): text is data, never markup. A bundle whose every free-text field holds
 * a script-running payload is imported through the Import page, then every view that shows those
 * fields is opened. Nothing may run (no dialog, no global set by a payload) and no payload may
 * become an element.
 */
const baseUrl = inject('baseUrl')
const browser = useBrowserProfile('xss-corpus')

/** Each payload sets `window.__xss` (or opens a dialog) if the text ever becomes markup or code. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload=window.__xss=3>',
  'javascript:window.__xss=4',
  '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
  '{{ constructor.constructor("window.__xss=6")() }}',
  '<a href="javascript:alert(7)">click</a>',
  '<math><mi xlink:href="javascript:alert(8)">x</mi></math>',
  '${alert(9)}',
  '<style>@import "javascript:alert(10)"</style>'
]
const poisoned = (text: string, index = 0): string => `${text} ${PAYLOADS[index % PAYLOADS.length]} ${PAYLOADS[(index + 1) % PAYLOADS.length]}`

const AT = '2026-12-07T00:00:00.000Z'
const bookkeeping = { createdAt: AT, updatedAt: AT, revision: 1 }

function xssBundle(): string {
  return JSON.stringify({
    format: 'precedent-bundle',
    version: 1,
    id: 'xss-corpus',
    revision: 1,
    title: poisoned('XSS corpus'),
    createdAt: AT,
    records: {
      organisations: [
        {
          id: 'org-xss-operator',
          name: poisoned('Xsscorp operator', 0),
          aliases: [{ name: poisoned('Xss alias', 1) }],
          kind: 'company',
          headquartersJurisdictionId: 'CN',
          headquartersCity: poisoned('City', 2),
          description: poisoned('Operator description', 3),
          links: [],
          citations: [],
          ...bookkeeping
        },
        {
          id: 'org-xss-regulator',
          name: poisoned('Xsscorp regulator', 4),
          aliases: [],
          kind: 'regulator',
          headquartersJurisdictionId: 'CN',
          description: poisoned('Regulator description', 5),
          links: [],
          citations: [],
          ...bookkeeping
        }
      ],
      sources: [
        {
          id: 'src-xss-report',
          title: poisoned('Xsscorp report', 6),
          publisher: poisoned('Publisher', 7),
          author: poisoned('Author', 8),
          publishedOn: '2018-01-04',
          url: 'https://news.example.org/xss',
          quotedPassage: poisoned('Quoted', 9),
          ...bookkeeping
        }
      ],
      laws: [],
      incidents: [
        {
          id: 'inc-xss-incident',
          title: poisoned('Xsscorp incident', 1),
          summary: poisoned('Incident summary', 2),
          categories: ['breach'],
          dataCategories: [poisoned('Data', 3).slice(0, 200)],
          occurredOn: '2018-01-03',
          status: 'alleged',
          tags: [poisoned('Tag', 4).slice(0, 200)],
          jurisdictionIds: ['CN'],
          organisations: [{ organisationId: 'org-xss-operator', role: 'operator' }],
          implicatedProvisions: [],
          citations: [{ sourceId: 'src-xss-report', passage: poisoned('Passage', 5), locator: poisoned('p. 1', 6).slice(0, 200) }],
          ...bookkeeping
        }
      ],
      responses: [
        {
          id: 'resp-xss-response',
          title: poisoned('Xsscorp response', 7),
          kind: 'summons',
          actorId: 'org-xss-regulator',
          datedOn: '2018-01-10',
          description: poisoned('Response description', 8),
          targetOrganisationIds: ['org-xss-operator'],
          incidentIds: ['inc-xss-incident'],
          legalBasis: [],
          outcome: poisoned('Outcome', 9),
          citations: [{ sourceId: 'src-xss-report' }],
          ...bookkeeping
        }
      ]
    }
  })
}

const VIEWS = [
  ['#/incidents', 'Incidents'],
  ['#/incidents/inc-xss-incident', 'the incident'],
  ['#/organisations', 'Organisations'],
  ['#/organisations/org-xss-operator', 'the operator'],
  ['#/responses/resp-xss-response', 'the response'],
  ['#/sources', 'Sources'],
  ['#/sources/src-xss-report', 'the source'],
  ['#/search?q=Xsscorp', 'search'],
  ['#/timeline', 'the timeline'],
  ['#/charts', 'charts'],
  ['#/compare?category=breach', 'comparison'],
  ['#/graph/incident/inc-xss-incident', 'the graph'],
  ['#/duplicates', 'duplicates']
] as const

describe('an XSS corpus in every text field (Chromium, web mode)', () => {
  it('is imported and shown as text in every view: nothing runs and no payload becomes an element', async () => {
    const page = await openAppPage(browser.context, '#/import')
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.getByLabel('Files to import').setInputFiles({ name: 'xss.json', mimeType: 'application/json', buffer: Buffer.from(xssBundle(), 'utf8') })
    await page.getByRole('button', { name: 'Check what would be imported' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^5 new, / })
      .waitFor()
    await page.getByRole('button', { name: 'Import 5 records' }).click()
    await page.getByRole('heading', { name: 'Imported 5 records' }).waitFor()

    for (const [path, what] of VIEWS) {
      await page.goto(new URL(path, baseUrl).toString())
      await page.waitForSelector('main[data-ready="yes"]')
      // The payload text itself must be on the page (so the view did show the field), as text.
      if (!['#/charts', '#/compare?category=breach', '#/duplicates'].includes(path)) {
        await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000, message: what }).toContain('Xsscorp')
      }
      await page.waitForTimeout(300)
      const injected = await page.evaluate(() => ({
        flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
        elements: document.querySelectorAll(
          'main img[src="x"], main script:not([src]), main iframe, main svg[onload], main a[href^="javascript:"], main style, main math'
        ).length
      }))
      expect(injected, what).toEqual({ flag: null, elements: 0 })
    }
    expect(dialogs).toEqual([])
  })
})
