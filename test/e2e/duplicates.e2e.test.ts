import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('duplicates')
const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

const PLANTED = 'Wexford ferry booking system exposed passenger passports'
const RETYPED = 'Wexford ferry booking-system exposed passenger passports'
const bookkeeping = { createdAt: '2026-01-31T12:00:00.000Z', updatedAt: '2026-01-31T12:00:00.000Z', revision: 1 }

/** A seeded word of made-up syllables, so that generated titles are unlike each other. */
function wordsOf(seed: number, count: number): string {
  let state = seed * 2654435761 + 1
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state
  }
  const consonants = 'bcdfghjklmnprstvwz'
  const vowels = 'aeiou'
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 }, () => `${consonants[next() % consonants.length]}${vowels[next() % vowels.length]}`).join('')
  ).join(' ')
}

/** A Precedent bundle of 3,000 unrelated incidents with one planted pair of look-alikes among them. */
function aBundleWithAPlantedPair(): string {
  const incidents = Array.from({ length: 2_998 }, (_, index) => ({
    id: `inc-generated-${index}`,
    title: `${wordsOf(index, 4)} ${index}`,
    status: 'alleged',
    occurredOn: String(1995 + (index % 30)),
    ...bookkeeping
  }))
  incidents.splice(1_234, 0, { id: 'inc-planted-a', title: PLANTED, status: 'alleged', occurredOn: '2022-06-14', ...bookkeeping })
  incidents.push({ id: 'inc-planted-b', title: RETYPED, status: 'alleged', occurredOn: '2022-06', ...bookkeeping })
  return JSON.stringify({ format: 'precedent-bundle', version: 1, id: 'generated', revision: 1, createdAt: bookkeeping.createdAt, records: { incidents } })
}

describe('duplicates among thousands of records in Chromium (web mode)', () => {
  it('lists a planted pair among 3,000 imported incidents, and merging stays one click away', async () => {
    const page = await openApp('#/incidents')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import', exact: true }).click()
    await page
      .getByLabel('Files to import')
      .setInputFiles({ name: 'generated.json', mimeType: 'application/json', buffer: Buffer.from(aBundleWithAPlantedPair(), 'utf8') })
    await page.getByRole('button', { name: 'Check what would be imported' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^3,?000 new/ })
      .waitFor({ timeout: 60_000 })
    await page.getByRole('button', { name: /^Import 3,?000 records$/ }).click()
    await page.getByRole('heading', { name: /^Imported 3,?000 records$/ }).waitFor({ timeout: 120_000 })

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click()
    const pair = page.getByRole('list', { name: 'Possible duplicate incidents' }).getByRole('article').filter({ hasText: PLANTED }).filter({ hasText: RETYPED })
    await pair.waitFor({ timeout: 60_000 })
    await page.screenshot({ path: 'test-results/duplicates-among-thousands.png', fullPage: true })

    await expect(pair.textContent()).resolves.toMatch(/100% alike.*Same title.*Dates overlap: 14 June 2022 and June 2022/s)
    await expect(pair.getByRole('link', { name: /^Compare and merge/ }).isVisible()).resolves.toBe(true)
  })
})
