import { beforeAll, describe, expect, it } from 'vitest'
import { precisionOf, toPartialDate } from '@shared/domain/partialDate'
import { parseForeignAmount, parseForeignCount } from '@shared/interchange/csv/foreignAmount'
import { parseForeignDate } from '@shared/interchange/csv/foreignCsvDate'
import { sharedData } from '../../../support/sharedData'
import { inEnglishThroughout } from '../../../support/words'

const hibpFile = sharedData('hibp-breaches-2025/breaches.json')
const catalogueFile = sharedData('securitybreach-catalog/breaches.ndjson')

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']
const LOCALES = ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN']

describe.skipIf(!hibpFile.present)('the Have I Been Pwned list (875 breaches): dates and account counts', () => {
  let breaches: { BreachDate: string; PwnCount: number }[] = []
  beforeAll(() => {
    breaches = JSON.parse(hibpFile.text()) as typeof breaches
  })

  it('reads every breach date as the day it names', () => {
    expect(breaches.length).toBeGreaterThan(800)
    const wrong = breaches.filter((breach) => {
      const result = parseForeignDate(breach.BreachDate, 'unknown')
      return !result.ok || result.date?.value !== breach.BreachDate || precisionOf(result.date.value) !== 'day'
    })
    expect(wrong).toEqual([])
  })

  it('reads every account count back exactly however five locales group its thousands', () => {
    const wrong = breaches.flatMap((breach) =>
      LOCALES.map((locale) => new Intl.NumberFormat(locale).format(breach.PwnCount)).filter((cell) => {
        const result = parseForeignCount(cell)
        return !result.ok || result.count?.count !== breach.PwnCount
      })
    )
    expect(wrong).toEqual([])
  })
})

describe.skipIf(!catalogueFile.present)('the SecurityBreach catalogue (899 records): year and month, costs in dollars', () => {
  let records: { year?: number; month?: number; tags?: { 'cost-usd'?: number } }[] = []
  beforeAll(() => {
    records = catalogueFile
      .text()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as (typeof records)[number])
  })

  it('reads each year and month written as a breach list writes it ("Sept 2019") at month precision, and refuses a month without its year', () => {
    const read = records.map((record) => {
      const cell = `${record.month === undefined ? '' : SHORT_MONTHS[record.month - 1]} ${record.year ?? ''}`.trim()
      return { record, result: parseForeignDate(cell, 'unknown') }
    })
    const withYear = read.filter(({ record }) => typeof record.year === 'number' && typeof record.month === 'number')
    expect(withYear.length).toBeGreaterThan(890)
    for (const { record, result } of withYear) {
      expect(inEnglishThroughout(result)).toEqual({ ok: true, date: { value: `${record.year}-${String(record.month).padStart(2, '0')}`, notes: [] } })
      if (result.ok) expect(precisionOf(toPartialDate(result.date!.value))).toBe('month')
    }
    const withoutYear = read.filter(({ record }) => typeof record.year !== 'number' && typeof record.month === 'number')
    for (const { result } of withoutYear)
      expect(inEnglishThroughout(result)).toMatchObject({ ok: false, reason: expect.stringMatching(/has no year/) as string })
    console.info(`SecurityBreach: ${withYear.length} dates read at month precision, ${withoutYear.length} without a year refused`)
  })

  it('reads every cost written "$1,234,567" or "US$1.2 million"-style back in US dollars', () => {
    const costs = records.map((record) => record.tags?.['cost-usd']).filter((cost): cost is number => typeof cost === 'number' && cost > 0)
    expect(costs.length).toBeGreaterThan(50)
    for (const cost of costs) {
      expect(parseForeignAmount(`$${new Intl.NumberFormat('en-US').format(cost)}`, { decimalMark: 'unknown' })).toEqual({
        ok: true,
        kind: 'amount',
        amount: cost,
        currency: 'USD'
      })
      if (cost % 100_000 === 0) {
        expect(parseForeignAmount(`US$${cost / 1_000_000} million`, { decimalMark: 'unknown' })).toEqual({
          ok: true,
          kind: 'amount',
          amount: cost,
          currency: 'USD'
        })
      }
    }
  })
})
