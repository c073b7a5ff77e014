import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { guessColumnMapping, readMappedCsv } from '@shared/interchange/csv/columnMapping'
import { currencyNamedInHeader, detectDecimalMark, parseForeignAmount, parseForeignCount, parseForeignCurrency } from '@shared/interchange/csv/foreignAmount'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { IMPORTED_AT } from './recordArbitraries'
import { describedInEnglish as describeImportProblem, inEnglish, inEnglishThroughout } from '../../../support/words'

const amountOf = (cell: string, currency?: string) => parseForeignAmount(cell, { decimalMark: 'unknown', ...(currency === undefined ? {} : { currency }) })

const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'it-IT', 'nl-NL', 'ja-JP', 'zh-CN', 'pl-PL', 'sv-SE']
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'INR', 'CNY', 'JPY', 'PLN', 'SEK']

describe('parseForeignAmount', () => {
  it.each([
    ['€3m', 3_000_000, 'EUR'],
    ['EUR 1,234,567.89', 1_234_567.89, 'EUR'],
    ['1.234.567,89 €', 1_234_567.89, 'EUR'],
    ['1 234 567,89 zł', 1_234_567.89, 'PLN'],
    ['1\u202f234\u202f567,89 €', 1_234_567.89, 'EUR'],
    ['1\u00a0234\u00a0567,89 €', 1_234_567.89, 'EUR'],
    ["CHF 1'234'567.89", 1_234_567.89, 'CHF'],
    ['500 CHF', 500, 'CHF'],
    ['US$ 2.5 million', 2_500_000, 'USD'],
    ['$1.1 million', 1_100_000, 'USD'],
    ['£500k', 500_000, 'GBP'],
    ['₹5 crore', 50_000_000, 'INR'],
    ['₹12,34,567', 1_234_567, 'INR'],
    ['1.2亿元', 120_000_000, 'CNY'],
    ['人民币500万元', 5_000_000, 'CNY'],
    ['JP¥5,000', 5000, 'JPY'],
    ['3 million euros', 3_000_000, 'EUR'],
    ['EUR1250000', 1_250_000, 'EUR'],
    ['€1.234', 1234, 'EUR'],
    ['２ bn EUR', 2_000_000_000, 'EUR']
  ])('reads %j as %d %s, in the currency written', (cell, amount, currency) => {
    expect(inEnglishThroughout(amountOf(cell))).toEqual({ ok: true, kind: 'amount', amount, currency })
  })

  it('reads "n/a", "unknown", "—" and "-" as not known and an empty cell as nothing, never as zero', () => {
    for (const cell of ['n/a', 'N/A', 'unknown', 'Unknown', '—', '–', '-', '?', 'undisclosed'])
      expect(inEnglishThroughout(amountOf(cell))).toEqual({ ok: true, kind: 'unknown' })
    expect(inEnglishThroughout(amountOf('  '))).toEqual({ ok: true, kind: 'absent' })
    expect(inEnglishThroughout(amountOf('0'))).toEqual({ ok: true, kind: 'amount', amount: 0 })
  })

  it('reads "1,234" as its column or its currency says, and otherwise refuses it saying why', () => {
    expect(inEnglishThroughout(parseForeignAmount('1,234', { decimalMark: '.' }))).toEqual({ ok: true, kind: 'amount', amount: 1234 })
    expect(inEnglishThroughout(parseForeignAmount('1,234', { decimalMark: ',' }))).toEqual({ ok: true, kind: 'amount', amount: 1.234 })
    // Euros have cents: three digits after the mark cannot be decimals. Bahraini dinars have fils (three decimals).
    expect(inEnglishThroughout(amountOf('1,234', 'EUR'))).toEqual({ ok: true, kind: 'amount', amount: 1234, currency: 'EUR' })
    expect(inEnglishThroughout(amountOf('BHD 1,234'))).toEqual({
      ok: false,
      reason:
        '"BHD 1,234" could be 1234 or 1.234 (is "," between thousands or before decimals?), and no other amount in the column says which: write it as 1234 or 1.234'
    })
    expect(inEnglishThroughout(amountOf('1.234'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^"1\.234" could be 1234 or 1\.234/) as string })
    expect(inEnglishThroughout(amountOf('1.5 million'))).toEqual({ ok: true, kind: 'amount', amount: 1_500_000 })
    expect(inEnglishThroughout(amountOf('1,234 million'))).toMatchObject({ ok: false })
  })

  it('settles an ambiguous sign by the row or the header, and refuses it otherwise', () => {
    expect(inEnglishThroughout(amountOf('¥5,000'))).toEqual({
      ok: false,
      reason: '"¥" could be any of CNY, JPY: write the ISO 4217 code, or name it in the column\'s header, e.g. "Fine (CNY)"'
    })
    expect(inEnglishThroughout(amountOf('¥5,000', 'JPY'))).toEqual({ ok: true, kind: 'amount', amount: 5000, currency: 'JPY' })
    expect(inEnglishThroughout(amountOf('kr 500'))).toMatchObject({ ok: false, reason: expect.stringContaining('SEK, NOK, DKK, ISK') as string })
    expect(inEnglishThroughout(amountOf('$5,000', 'AUD'))).toEqual({ ok: true, kind: 'amount', amount: 5000, currency: 'AUD' })
    expect(inEnglishThroughout(amountOf('€5,000', 'USD'))).toEqual({ ok: false, reason: '"€5,000" is in EUR, but the row\'s currency is USD' })
    expect(inEnglishThroughout(amountOf('5,000', 'GBP'))).toEqual({ ok: true, kind: 'amount', amount: 5000, currency: 'GBP' })
  })

  it('refuses what is not one amount, saying what to write', () => {
    expect(inEnglishThroughout(amountOf('12x'))).toEqual({
      ok: false,
      reason: '"12x" is not an amount: write e.g. 1250000, 1,250,000.50, 1.250.000,50, €1.25m or EUR 1250000'
    })
    expect(inEnglishThroughout(amountOf('-500'))).toEqual({ ok: false, reason: '"-500" is negative: a penalty is an amount of 0 or more' })
    for (const cell of ['1,2,3', '1.2.3,4,5', '5 ABC', '€1–2 million', '1 234.567,8', '12,3456,789']) expect(amountOf(cell).ok, cell).toBe(false)
  })

  it('reads back any amount as Intl formats it in a dozen locales, in its currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom('symbol' as const, 'code' as const, 'narrowSymbol' as const),
        (minor, locale, currency, currencyDisplay) => {
          const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay })
          const digits = format.resolvedOptions().maximumFractionDigits ?? 2
          const amount = Number((minor / 100).toFixed(digits))
          const cell = format.format(amount)
          // The header names the currency, as a tracker's "Fine (EUR)" column does: it settles "¥" and "kr".
          expect(inEnglishThroughout(parseForeignAmount(cell, { decimalMark: 'unknown', currency })), cell).toEqual({
            ok: true,
            kind: 'amount',
            amount,
            currency
          })
        }
      )
    )
  })

  it('never throws: any text is an amount, unknown, nothing or a one-line reason', () => {
    const moneyish = fc
      .array(fc.constantFrom('1', '234', ',', '.', ' ', "'", '€', '$', '¥', 'EUR', 'm', 'bn', '万', '元', '-', 'n/a', '\u202f'), { maxLength: 8 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(fc.string(), moneyish), fc.constantFrom('.' as const, ',' as const, 'unknown' as const), (text, decimalMark) => {
        for (const result of [parseForeignAmount(text, { decimalMark }), parseForeignCount(text, decimalMark), parseForeignCurrency(text)]) {
          if (!result.ok) expect(inEnglish(result.reason)).not.toMatch(/\n/)
        }
        const amount = parseForeignAmount(text, { decimalMark })
        if (amount.ok && amount.kind === 'amount') expect(Number.isFinite(amount.amount) && amount.amount >= 0).toBe(true)
      })
    )
  })
})

describe('parseForeignCount', () => {
  it.each([
    ['1,272', 1272, false],
    ['1.272', 1272, false],
    ['1 272', 1272, false],
    ["1'272", 1272, false],
    ['12,34,567', 1_234_567, false],
    ['~3800', 3800, true],
    ['about 500', 500, true],
    ['500+', 500, true],
    ['1.2 million', 1_200_000, true],
    ['500万', 5_000_000, true],
    ['3,000,000 records', 3_000_000, false]
  ])('reads %j as %d (estimate: %s)', (cell, count, isEstimate) => {
    expect(inEnglishThroughout(parseForeignCount(cell))).toEqual({ ok: true, count: { count, isEstimate } })
  })

  it('reads "unknown", "n/a", "—" and an empty cell as no count, never zero, and refuses a fraction', () => {
    for (const cell of ['', 'unknown', 'n/a', '—', '-']) expect(inEnglishThroughout(parseForeignCount(cell))).toEqual({ ok: true, count: undefined })
    expect(inEnglishThroughout(parseForeignCount('1.5'))).toEqual({
      ok: false,
      reason: '"1.5" is not a whole number: write e.g. 1250000, 1,250,000 or 1.25 million'
    })
    expect(inEnglishThroughout(parseForeignCount('1,234', ','))).toMatchObject({ ok: false })
  })

  it('reads back any count as Intl groups it in a dozen locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(...LOCALES), (count, locale) => {
        const cell = new Intl.NumberFormat(locale).format(count)
        expect(inEnglishThroughout(parseForeignCount(cell)), cell).toEqual({ ok: true, count: { count, isEstimate: false } })
      })
    )
  })
})

describe('the decimal mark and currency of a column', () => {
  it('learns the decimal mark from cells read only one way, and admits when it cannot tell', () => {
    expect(detectDecimalMark(['1,234', '1,250,000'])).toBe('.')
    expect(detectDecimalMark(['1.234', '2,5'])).toBe(',')
    expect(detectDecimalMark(['1 234,56 €', '7'])).toBe(',')
    expect(detectDecimalMark(['1,234', 'n/a'])).toBe('unknown')
    expect(detectDecimalMark(['1,5', '2.5'])).toBe('unknown')
  })

  it('finds a currency named in a header, and none in a header that names none', () => {
    expect(
      ['Fine (EUR)', 'fine_eur', 'Fine USD', '罚款（元）', 'Penalty in €', 'Fine', 'amount', 'Amount in dollars', 'all fines'].map(currencyNamedInHeader)
    ).toEqual(['EUR', 'EUR', 'USD', 'CNY', 'EUR', undefined, undefined, undefined, undefined])
  })

  it('reads a currency cell as a code or a sign naming one currency', () => {
    expect(inEnglishThroughout(parseForeignCurrency('eur'))).toEqual({ ok: true, currency: 'EUR' })
    expect(inEnglishThroughout(parseForeignCurrency('€'))).toEqual({ ok: true, currency: 'EUR' })
    expect(inEnglishThroughout(parseForeignCurrency('元'))).toEqual({ ok: true, currency: 'CNY' })
    expect(inEnglishThroughout(parseForeignCurrency('n/a'))).toEqual({ ok: true, currency: undefined })
    expect(inEnglishThroughout(parseForeignCurrency('EURO'))).toEqual({ ok: true, currency: 'EUR' })
    expect(inEnglishThroughout(parseForeignCurrency('XYZ'))).toEqual({
      ok: false,
      reason: '"XYZ" is not a currency: write its ISO 4217 code, e.g. EUR, CNY, INR or USD'
    })
    expect(inEnglishThroughout(parseForeignCurrency('¥'))).toMatchObject({ ok: false })
  })
})

describe('a foreign CSV of fines and counts', () => {
  const context = { file: 'fines.csv', importedAt: IMPORTED_AT, jurisdictionIds: new Set<string>() }
  const readFines = (text: string) => {
    const table = parseCsvTable(text, 'fines.csv')
    return readMappedCsv(table, guessColumnMapping(table.headers, 'response'), context)
  }
  const penalties = (reading: ReturnType<typeof readFines>) =>
    reading.candidates.flatMap((candidate) => (candidate.typed.type === 'response' ? [candidate.typed.record.penalty] : []))

  it('keeps each amount in its currency, reads the column in one decimal style, and unknown as no amount', () => {
    const reading = readFines(
      [
        'Title,Authority,Type,Fine',
        'A,CNIL,fine,"1.234.567,89 €"',
        'B,CNIL,fine,€3m',
        'C,CNIL,fine,"5.000 EUR"',
        'D,ICO,fine,£500k',
        'E,CNIL,fine,n/a',
        'F,CNIL,fine,¥5000',
        'G,CNIL,fine,'
      ].join('\n')
    )
    expect(penalties(reading)).toEqual([
      { amount: 1_234_567.89, currency: 'EUR' },
      { amount: 3_000_000, currency: 'EUR' },
      { amount: 5000, currency: 'EUR' },
      { amount: 500_000, currency: 'GBP' },
      {},
      undefined
    ])
    expect(reading.rejected.map(describeImportProblem)).toEqual([
      'fines.csv, row 7, field "Fine": "¥" could be any of CNY, JPY: write the ISO 4217 code, or name it in the column\'s header, e.g. "Fine (CNY)"'
    ])
  })

  it('takes the currency from a currency column in any position, or from the header, and refuses a disagreement', () => {
    const reading = readFines(['Fine,Title,Authority,Type,Currency', '¥5000,A,CNIL,fine,JPY', '"5,000",B,CNIL,fine,CNY', '€5000,C,CNIL,fine,USD'].join('\n'))
    expect(penalties(reading)).toEqual([
      { amount: 5000, currency: 'JPY' },
      { amount: 5000, currency: 'CNY' }
    ])
    expect(reading.rejected.map(describeImportProblem)).toEqual(['fines.csv, row 4, field "Fine": "€5000" is in EUR, but the row\'s currency is USD'])
    // The guessed mapping knows "Fine (CNY)" for the fine.
    const byHeader = readFines(['Title,Authority,Type,Fine (CNY)', 'A,CAC,fine,¥5000', 'B,CAC,fine,500万'].join('\n'))
    expect(penalties(byHeader)).toEqual([
      { amount: 5000, currency: 'CNY' },
      { amount: 5_000_000, currency: 'CNY' }
    ])
  })
})
