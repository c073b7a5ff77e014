/**
 * Money and counts as foreign files write them: "€3m", "EUR 1,234,567.89", "1.234.567,89 €",
 * "1 234 567,89 zł", "CHF 1'234'567.89", "US$ 2.5 million", "₹5 crore", "1.2亿元", "12,34,567";
 * "n/a", "unknown", "—", "-" as not known (never zero). The amount is kept in the currency written,
 * never converted.
 *
 * Separators. A space, a narrow or normal no-break space and an apostrophe only ever group
 * thousands. A comma or a point may group thousands or mark decimals; a cell settles it when it
 * can only be read one way (both marks, a mark twice, a mark not followed by three digits, or a
 * mark after a space grouping). "1,234" alone cannot: it is read in the way the rest of its column
 * settles (`detectDecimalMark`, as slash dates are read in their column's order), or else by its
 * currency (euros have cents, so "€1.234" cannot be one euro and 234 thousandths: it is 1234), and
 * is otherwise refused with the reason. A count is whole, so "1,234" people are 1234.
 *
 * Never throws: a result or a reason.
 */

import { message, type Message } from '../../locale/message'

/** Which mark a column uses before decimals, as its unambiguous cells say; `unknown` when they say nothing or contradict each other. */
export type DecimalMark = '.' | ',' | 'unknown'

/** What a cell of money says. `absent`: the cell is empty; `unknown`: it says the amount is not known. */
export type ForeignAmountResult =
  | { readonly ok: true; readonly kind: 'absent' | 'unknown' }
  | { readonly ok: true; readonly kind: 'amount'; readonly amount: number; readonly currency?: string }
  | { readonly ok: false; readonly reason: Message }

export type ForeignCountResult =
  { readonly ok: true; readonly count: { readonly count: number; readonly isEstimate: boolean } | undefined } | { readonly ok: false; readonly reason: Message }

const UNKNOWN = /^(?:n\/?a|n\.a\.?|na|unknown|not known|undisclosed|not disclosed|none given|tbd|tbc|\?+|-|–|—|‐|未知|不详)$/iu

/** ISO 4217 codes in use, from the runtime's own ICU data (Node and Chromium alike), so the list stays current. */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

export function isIsoCurrency(code: string): boolean {
  return ISO_CURRENCIES.has(code)
}

/**
 * Signs and words for currencies. `codes[0]` is what the sign means alone; a sign with several
 * codes and no `meansAlone` is ambiguous and needs the column or the row to say which. A bare "$"
 * is the US dollar, as English sources write it; the other dollars are written A$, C$, HK$, …
 */
interface CurrencySign {
  readonly codes: readonly string[]
  readonly meansAlone: boolean
}
const DOLLARS = ['USD', 'AUD', 'CAD', 'NZD', 'HKD', 'SGD', 'MXN', 'TWD', 'BRL']
const SIGNS: ReadonlyMap<string, CurrencySign> = new Map(
  (
    [
      ['us$', ['USD']],
      ['$us', ['USD']],
      ['£gb', ['GBP']],
      ['a$', ['AUD']],
      ['au$', ['AUD']],
      ['c$', ['CAD']],
      ['ca$', ['CAD']],
      ['hk$', ['HKD']],
      ['nz$', ['NZD']],
      ['s$', ['SGD']],
      ['r$', ['BRL']],
      ['mx$', ['MXN']],
      ['nt$', ['TWD']],
      ['$', DOLLARS],
      ['dollars', DOLLARS],
      ['€', ['EUR']],
      ['euro', ['EUR']],
      ['euros', ['EUR']],
      ['£', ['GBP']],
      ['sterling', ['GBP']],
      ['cn¥', ['CNY']],
      ['rmb', ['CNY']],
      ['元', ['CNY']],
      ['人民币', ['CNY']],
      ['yuan', ['CNY']],
      ['jp¥', ['JPY']],
      ['円', ['JPY']],
      ['yen', ['JPY']],
      ['₹', ['INR']],
      ['₩', ['KRW']],
      ['₽', ['RUB']],
      ['₺', ['TRY']],
      ['₪', ['ILS']],
      ['₫', ['VND']],
      ['₱', ['PHP']],
      ['฿', ['THB']],
      ['zł', ['PLN']],
      ['kč', ['CZK']]
    ] as const
  ).map(([sign, codes]) => [sign, { codes, meansAlone: true }])
)
const AMBIGUOUS_SIGNS: ReadonlyMap<string, CurrencySign> = new Map([
  ['¥', { codes: ['CNY', 'JPY'], meansAlone: false }],
  ['kr', { codes: ['SEK', 'NOK', 'DKK', 'ISK'], meansAlone: false }],
  ['rs', { codes: ['INR', 'PKR', 'LKR', 'NPR'], meansAlone: false }],
  ['rupees', { codes: ['INR', 'PKR', 'LKR', 'NPR'], meansAlone: false }]
])

const escape = (text: string) => text.replace(/[$.]/gu, '\\$&')
const SIGN_PATTERN = [...SIGNS.keys(), ...AMBIGUOUS_SIGNS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')
const LEADING_CURRENCY = new RegExp(`^(${SIGN_PATTERN}|[a-z]{3}(?=[\\s\\d$]))\\.?\\s*`, 'iu')
const TRAILING_CURRENCY = new RegExp(`\\s*(${SIGN_PATTERN}|(?<=[\\s\\d])[a-z]{3})$`, 'iu')

/** Powers of ten of the words that multiply an amount. */
const MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 3,
  k: 3,
  千: 3,
  万: 4,
  lakh: 5,
  lakhs: 5,
  lac: 5,
  million: 6,
  millions: 6,
  mn: 6,
  mln: 6,
  mio: 6,
  m: 6,
  crore: 7,
  crores: 7,
  cr: 7,
  亿: 8,
  billion: 9,
  billions: 9,
  bn: 9,
  b: 9
}
const TRAILING_MULTIPLIER = new RegExp(
  `\\s*(${Object.keys(MULTIPLIERS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\.?$`,
  'iu'
)

function currencyOf(text: string): CurrencySign | undefined {
  const lower = text.toLowerCase()
  const sign = SIGNS.get(lower) ?? AMBIGUOUS_SIGNS.get(lower)
  if (sign !== undefined) return sign
  const code = text.toUpperCase()
  return ISO_CURRENCIES.has(code) ? { codes: [code], meansAlone: true } : undefined
}

/** An ISO 4217 code named by a column's header: "Fine (EUR)", "fine_eur", "罚款（元）". */
export function currencyNamedInHeader(header: string): string | undefined {
  const words = header
    .normalize('NFKC')
    .split(/[^\p{L}\p{Sc}]+/u)
    .filter((word) => word !== '')
  for (const [index, word] of words.entries()) {
    const sign = currencyOf(word)
    if (sign === undefined || !sign.meansAlone || sign.codes.length !== 1) continue
    // "Fine all", "penalty per try": a lower-case word that happens to be a code (ALL, TRY) names a
    // currency only as the header's last word ("fine_eur").
    if (/^[a-z]{3}$/iu.test(word) && word !== word.toUpperCase() && index !== words.length - 1) continue
    return sign.codes[0]
  }
  return undefined
}

/** Reads a currency cell (a code, or a sign that names one currency) as an ISO 4217 code. */
export function parseForeignCurrency(
  cell: string
): { readonly ok: true; readonly currency: string | undefined } | { readonly ok: false; readonly reason: Message } {
  const text = cell.normalize('NFKC').trim()
  if (text === '' || UNKNOWN.test(text)) return { ok: true, currency: undefined }
  const sign = currencyOf(text)
  if (sign === undefined) return { ok: false, reason: message('importProblems.amount.notACurrency', { text }) }
  if (sign.codes.length > 1 && !sign.meansAlone) return { ok: false, reason: ambiguousSign(text, sign) }
  return { ok: true, currency: sign.codes[0] }
}

const ambiguousSign = (text: string, sign: CurrencySign): Message =>
  message('importProblems.amount.ambiguousSign', { text, codes: sign.codes.join(', '), first: sign.codes[0] ?? '' })

const minorUnitsByCurrency = new Map<string, number>()

/** Decimals the currency has (EUR 2, JPY 0, BHD 3), from ICU's ISO 4217 data; worked out once per currency. */
function minorUnits(currency: string): number {
  let units = minorUnitsByCurrency.get(currency)
  if (units === undefined) {
    units = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    minorUnitsByCurrency.set(currency, units)
  }
  return units
}

type NumberReading = { ok: true; whole: string; fraction: string } | { ok: false; reason: Message }
type Mark = '.' | ','

/** The mark a number written with one comma or point shows to be decimal, if the number settles it. */
function decimalMarkShownBy(number: string): Mark | undefined {
  const hasComma = number.includes(',')
  const hasPoint = number.includes('.')
  if (hasComma && hasPoint) return number.lastIndexOf(',') > number.lastIndexOf('.') ? ',' : '.'
  const mark: Mark | undefined = hasComma ? ',' : hasPoint ? '.' : undefined
  if (mark === undefined) return undefined
  const other: Mark = mark === ',' ? '.' : ','
  const parts = number.split(mark)
  if (parts.length > 2) return other
  const [before = '', after = ''] = parts
  if (/[\s']/u.test(before)) return mark
  if (after.length !== 3 || before.replace(/\D/gu, '').length > 3 || before === '' || before === '0') return mark
  return undefined
}

/** Learns a column's decimal mark from its cells that can be read only one way ("1,234,567", "2.5", "1.234,56"). */
export function detectDecimalMark(cells: Iterable<string>): DecimalMark {
  let comma = false
  let point = false
  for (const cell of cells) {
    const number = /[\d][\d.,'\s]*/u.exec(cell.normalize('NFKC'))?.[0].trim()
    if (number === undefined) continue
    const shown = decimalMarkShownBy(number)
    if (shown === ',') comma = true
    if (shown === '.') point = true
  }
  // A column that contradicts itself says nothing reliable about its ambiguous cells.
  if (comma === point) return 'unknown'
  return comma ? ',' : '.'
}

const GROUPED = /^\d{1,3}(?:(?<separator>[,. ']|’)\d{3})(?:\k<separator>\d{3})*$/u
const INDIAN_GROUPED = /^\d{1,2}(?:,\d{2})*,\d{3}$/u

/** Why a cell is not a number of its kind, the cell quoted. */
const HOW_TO_WRITE = {
  amount: (text: string) => message('importProblems.amount.notAnAmount', { text }),
  count: (text: string) => message('importProblems.amount.notACount', { text })
} as const

interface NumberContext {
  readonly kind: keyof typeof HOW_TO_WRITE
  readonly decimalMark: DecimalMark
  /** The currency the amount is in, if known: a mark followed by three digits is no decimal where the currency has fewer minor units. */
  readonly currency?: string
  /** Counts are whole, so a single mark followed by three digits groups thousands. */
  readonly hasMultiplier: boolean
}

function readNumber(text: string, number: string, context: NumberContext): NumberReading {
  const notANumber: NumberReading = { ok: false, reason: HOW_TO_WRITE[context.kind](text) }
  if (!/^\d[\d.,'’ ]*$/u.test(number) || /[.,'’ ]$/u.test(number)) return notANumber
  let decimal: Mark | undefined = decimalMarkShownBy(number)
  const single = decimal === undefined && /[.,]/u.test(number) ? (number.includes(',') ? ',' : '.') : undefined
  if (single !== undefined) {
    if (context.decimalMark !== 'unknown') decimal = context.decimalMark
    else if (context.kind === 'count' && !context.hasMultiplier) decimal = single === ',' ? '.' : ','
    else if (context.currency !== undefined && !context.hasMultiplier && minorUnits(context.currency) < 3) decimal = single === ',' ? '.' : ','
    else {
      const plain = number.replace(/\D/gu, '')
      const withDecimals = number.replace(single, '.').replace(/[^\d.]/gu, '')
      return { ok: false, reason: message('importProblems.amount.ambiguousMark', { text, plain, withDecimals, mark: single }) }
    }
  }
  const hasDecimals = decimal !== undefined && number.includes(decimal)
  const [wholePart = '', fraction = '', ...more] = hasDecimals ? number.split(decimal!) : [number]
  if (more.length > 0 || (hasDecimals && !/^\d+$/u.test(fraction))) return notANumber
  const whole = /^\d+$/u.test(wholePart) ? wholePart : GROUPED.test(wholePart) || INDIAN_GROUPED.test(wholePart) ? wholePart.replace(/\D/gu, '') : undefined
  if (whole === undefined) return notANumber
  return { ok: true, whole, fraction }
}

/** whole.fraction × 10^power, worked on the digits so "1.1 million" is exactly 1100000. */
function scaled(whole: string, fraction: string, power: number): number {
  const digits = whole + fraction.padEnd(power, '0')
  const point = whole.length + power
  return Number(`${digits.slice(0, point)}.${digits.slice(point) || '0'}`)
}

interface SplitAmount {
  readonly number: string
  readonly power: number
  readonly signs: readonly { readonly text: string; readonly sign: CurrencySign }[]
}

/** "€3m", "EUR 3 bn", "3m€", "1.2亿元", "人民币500万元": the currency before and after, then the multiplier. */
function splitAmount(text: string): SplitAmount {
  let rest = text
  const signs: { text: string; sign: CurrencySign }[] = []
  const leading = LEADING_CURRENCY.exec(rest)
  if (leading !== null) {
    const sign = currencyOf(leading[1]!)
    if (sign !== undefined) {
      signs.push({ text: leading[1]!, sign })
      rest = rest.slice(leading[0].length)
    }
  }
  const trailing = TRAILING_CURRENCY.exec(rest)
  if (trailing !== null) {
    const sign = currencyOf(trailing[1]!)
    if (sign !== undefined) {
      signs.push({ text: trailing[1]!, sign })
      rest = rest.slice(0, rest.length - trailing[0].length)
    }
  }
  const multiplier = TRAILING_MULTIPLIER.exec(rest)
  const power = multiplier === null ? 0 : MULTIPLIERS[multiplier[1]!.toLowerCase()]!
  if (multiplier !== null) rest = rest.slice(0, rest.length - multiplier[0].length)
  return { number: rest.trim(), power, signs }
}

/**
 * Reads a cell of money. `currency` is what the row or the column says the amounts are in (a
 * currency column, or a code in the header): it reads a cell with no currency of its own, settles
 * an ambiguous sign ("¥" in a column of CNY) and must agree with a cell that names another.
 */
export function parseForeignAmount(cell: string, context: { readonly decimalMark: DecimalMark; readonly currency?: string }): ForeignAmountResult {
  const text = cell.normalize('NFKC').trim().replace(/\s+/gu, ' ')
  if (text === '') return { ok: true, kind: 'absent' }
  if (UNKNOWN.test(text)) return { ok: true, kind: 'unknown' }
  if (/^[-−(]/u.test(text) || /\)$/u.test(text)) return { ok: false, reason: message('importProblems.amount.negative', { text }) }
  const split = splitAmount(text)
  let currency: string | undefined
  for (const { text: signText, sign } of split.signs) {
    const fits = context.currency !== undefined && sign.codes.includes(context.currency)
    const code = fits ? context.currency : sign.meansAlone ? sign.codes[0] : undefined
    if (code === undefined) return { ok: false, reason: ambiguousSign(signText, sign) }
    if (currency !== undefined && currency !== code)
      return { ok: false, reason: message('importProblems.amount.twoCurrencies', { text, first: currency, second: code }) }
    currency = code
  }
  if (currency !== undefined && context.currency !== undefined && currency !== context.currency) {
    return { ok: false, reason: message('importProblems.amount.otherCurrency', { text, currency, rowCurrency: context.currency }) }
  }
  currency ??= context.currency
  const number = readNumber(text, split.number, {
    kind: 'amount',
    decimalMark: context.decimalMark,
    ...(currency === undefined ? {} : { currency }),
    hasMultiplier: split.power > 0
  })
  if (!number.ok) return number
  return { ok: true, kind: 'amount', amount: scaled(number.whole, number.fraction, split.power), ...(currency === undefined ? {} : { currency }) }
}

const ESTIMATE_PREFIX = /^(?:~|≈|about|approx\.?|approximately|around|over|more than|up to|at least|est\.?|estimated|>|≥|almost|nearly|约|超过|逾)\s*/iu

/**
 * Reads a count of people or records: "1,272", "1 272", "1.272", "~3800", "about 500", "500+",
 * "1.2 million", "500万". A prefix such as "about", a trailing "+" or a multiplier word (a rounded
 * figure) makes it an estimate. "unknown", "n/a", "—" or an empty cell is no count, never zero.
 */
export function parseForeignCount(cell: string, decimalMark: DecimalMark = 'unknown'): ForeignCountResult {
  const text = cell.normalize('NFKC').trim().replace(/\s+/gu, ' ')
  if (text === '' || UNKNOWN.test(text)) return { ok: true, count: undefined }
  const estimated = ESTIMATE_PREFIX.exec(text)
  let rest = text.slice(estimated?.[0].length ?? 0)
  const plus = rest.endsWith('+')
  if (plus) rest = rest.slice(0, -1).trim()
  rest = rest.replace(/\s*(?:people|persons|individuals|users|accounts|records|customers|人|条)$/iu, '')
  const multiplier = TRAILING_MULTIPLIER.exec(rest)
  const power = multiplier === null ? 0 : MULTIPLIERS[multiplier[1]!.toLowerCase()]!
  if (multiplier !== null) rest = rest.slice(0, rest.length - multiplier[0].length).trim()
  const number = readNumber(text, rest, { kind: 'count', decimalMark, hasMultiplier: power > 0 })
  if (!number.ok) return number
  const count = scaled(number.whole, number.fraction, power)
  if (!Number.isSafeInteger(count)) return { ok: false, reason: HOW_TO_WRITE.count(text) }
  return { ok: true, count: { count, isEstimate: estimated !== null || plus || power > 0 } }
}
