import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowserProfile('lists')

/** Enough incidents that the list renders a small window of them, small enough to import in CI. */
const GENERATED = 1500
/** A word only some generated incidents carry in their summary: what the filter and the search look for. */
const PLANTED_WORD = 'quetzalcoatlus'
const PLANTED_EVERY = 97
/** Folded, it sorts after every other title (the sample's included), so it is the last row by title. */
const LAST_BY_TITLE = 'Zzzz final synthetic incident'

/** A seeded generator, so every run imports the same incidents. */
function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

/** Titles of made-up words: no two alike, so the import's duplicate check passes them all as new. */
function syntheticBundle(): string {
  const random = seededRandom(10)
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const word = (): string => Array.from({ length: 5 + Math.floor(random() * 5) }, () => letters[Math.floor(random() * 26)]).join('')
  const stamp = '2026-12-01T00:00:00.000Z'
  const incidents = Array.from({ length: GENERATED }, (_, index) => {
    const title = index === GENERATED - 1 ? LAST_BY_TITLE : `${word().replace(/^./, (first) => first.toUpperCase())} ${word()} ${word()} ${index}`
    const year = 1995 + Math.floor(random() * 30)
    const month = 1 + Math.floor(random() * 12)
    return {
      id: `inc-synthetic-${index}`,
      title,
      summary: `${word()} ${word()} ${index % PLANTED_EVERY === 0 ? PLANTED_WORD : word()} ${word()}.`,
      categories: ['other'],
      dataCategories: [],
      occurredOn: `${year}-${String(month).padStart(2, '0')}`,
      status: 'confirmed',
      tags: [],
      jurisdictionIds: [],
      organisations: [],
      implicatedProvisions: [],
      citations: [],
      createdAt: stamp,
      updatedAt: stamp,
      revision: 1
    }
  })
  return JSON.stringify({
    format: 'precedent-bundle',
    version: 1,
    id: 'synthetic-lists',
    revision: 1,
    title: 'Synthetic incidents for the lists test',
    createdAt: stamp,
    records: { incidents }
  })
}

async function openIncidents(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents', exact: true }).click()
  await page.getByRole('table', { name: 'Incidents' }).locator('tbody tr').first().waitFor()
}

const incidentTable = (page: Page) => page.getByRole('table', { name: 'Incidents' })

/** Titles of the rendered rows, in order (a filtered list this short renders whole). */
async function shownTitles(page: Page): Promise<string[]> {
  return incidentTable(page).locator('tbody tr td:first-child').allTextContents()
}

describe('record lists at a few thousand records (web mode)', () => {
  it('imports generated incidents through the Import page', async () => {
    const page = await openAppPage(browser.context, '#/import')
    await page
      .getByLabel('Files to import')
      .setInputFiles({ name: 'synthetic.json', mimeType: 'application/json', buffer: Buffer.from(syntheticBundle(), 'utf8') })
    await page.getByRole('button', { name: 'Check what would be imported' }).click({ timeout: 60_000 })
    await page.getByRole('button', { name: /^Import [\d,]+ records$/ }).click({ timeout: 120_000 })
    await page.getByRole('heading', { name: /^Imported [\d,]+ records$/ }).waitFor({ timeout: 120_000 })

    await openIncidents(page)

    // Every incident is counted (the two sample ones too), while only a window of rows is rendered.
    await expect.poll(() => incidentTable(page).getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe(String(GENERATED + 2 + 1))
    expect(await incidentTable(page).locator('tbody tr').count()).toBeLessThan(200)
  }, 300_000)

  it('scrolled to its end, the list shows its last record with its row number', async () => {
    const page = await openAppPage(browser.context, '#/incidents', { freshLoad: true })
    await incidentTable(page).locator('tbody tr').first().waitFor()
    await page.getByRole('button', { name: 'Sort by Title' }).click()
    await expect(page.getByRole('columnheader', { name: 'Sort by Title' }).getAttribute('aria-sort')).resolves.toBe('ascending')

    const lastRow = incidentTable(page).locator(`tbody tr[aria-rowindex="${GENERATED + 2 + 1}"]`)
    await expect
      .poll(
        async () => {
          await page.locator('.virtual-table-scroller').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }))
          return lastRow.locator('td').first().textContent()
        },
        { timeout: 20_000 }
      )
      .toBe(LAST_BY_TITLE)
    await page.screenshot({ path: 'test-results/lists-scrolled-to-end.png' })
  })

  it('filtered and sorted, the list shows the records the Search page finds for the same query, in the column order', async () => {
    const page = await openAppPage(browser.context, '#/incidents', { freshLoad: true })
    await incidentTable(page).locator('tbody tr').first().waitFor()
    await page.getByRole('button', { name: 'Sort by Title' }).click()
    await page.getByRole('button', { name: 'Sort by Title' }).click()
    await page.getByLabel('Filter incidents').fill(PLANTED_WORD)
    const planted = Math.ceil(GENERATED / PLANTED_EVERY)
    await expect.poll(() => incidentTable(page).getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe(String(planted + 1))
    // Every row read (a row still being read shows "Loading…").
    await expect.poll(async () => (await shownTitles(page)).filter((title) => title !== 'Loading…').length, { timeout: 20_000 }).toBe(planted)
    const listed = await shownTitles(page)
    await page
      .getByRole('status')
      .filter({ hasText: `${planted} incidents match` })
      .waitFor()

    await page.goto(new URL(`#/search?q=${PLANTED_WORD}`, baseUrl).toString())
    await page.waitForSelector('main[data-ready="yes"]')
    await expect.poll(async () => (await page.locator('.search-results a.search-result-link').allTextContents()).length, { timeout: 30_000 }).toBe(planted)
    const searched = await page.locator('.search-results a.search-result-link').allTextContents()

    expect([...listed].sort()).toEqual([...searched].sort())
    const descendingByTitle = [...listed].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : a.toLowerCase() > b.toLowerCase() ? -1 : 0))
    expect(listed).toEqual(descendingByTitle)
  })
})
