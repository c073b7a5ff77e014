import { stableHash } from '../csv/stableHash'

/**
 * Web addresses found in a free-text reference field ("http://a.example/x, http://b.example/y",
 * addresses run together without a space, an access date in brackets after one, an address
 * written without "http://"), and what is left over that is not an address.
 */
export interface FoundWebAddresses {
  /** Each address once, normalised, in the order found. */
  readonly addresses: readonly FoundWebAddress[]
  /** Pieces of the text that are neither addresses nor access dates, as written. */
  readonly leftovers: readonly string[]
}

export interface FoundWebAddress {
  readonly url: string
  /** The address was written without "http://" ("www.example.org/report.pdf"); it was added. */
  readonly schemeAdded: boolean
  /** An access date written after the address ("(20130215)", "(8/22/2013)"), as a partial date at the precision written. */
  readonly accessedOn?: string
}

const SCHEME = /https?:\/\//gi
/** A host name with a dot and a known shape, then a path: how people write an address without its scheme. */
// Written so that no two quantifiers can match the same characters: linear on any input.
const SCHEMELESS = /^(?:[a-z0-9-]+\.)+[a-z]{2,24}(?::\d{1,5})?(?:[/?#]\S*)?$/i
/** "(20130215)", "(2013-02-15)", "(8/22/2013)", "(8.22.2013)" or "(8/2013)" after an address: when it was read. */
const ACCESS_DATE_YMD = /^\((\d{4})-?(\d{2})-?(\d{2})\)$/
const ACCESS_DATE_MDY = /^\((\d{1,2})[/.](?:(\d{1,2})[/.])?(\d{4})\)$/

/**
 * An access date as a partial date. American month/day order is read only where it cannot be the
 * other way round (a day over 12, or day and month equal); otherwise only the year is kept.
 */
function accessDate(token: string): string | undefined {
  const ymd = ACCESS_DATE_YMD.exec(token)
  const pad = (value: number) => String(value).padStart(2, '0')
  if (ymd !== null) return validDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))
  const mdy = ACCESS_DATE_MDY.exec(token)
  if (mdy === null) return undefined
  const first = Number(mdy[1])
  const year = Number(mdy[3])
  if (mdy[2] === undefined) return first >= 1 && first <= 12 ? `${year}-${pad(first)}` : undefined
  const second = Number(mdy[2])
  if (second > 12 || second === first) return validDay(year, first, second)
  if (first > 12) return validDay(year, second, first)
  return String(year)
}

function validDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day > lastDay ? undefined : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’)\]>]+$/
const LEADING_PUNCTUATION = /^[('"«“‘[<]+/

/**
 * The form of an address used to tell two spellings of it apart: scheme and host in lower case,
 * no default port, no fragment, "/" for an empty path. The path and query keep their case, which
 * servers may respect.
 */
export function normaliseWebAddress(address: string): string {
  const match = /^(https?):\/\/([^/?#]*)([^#]*)/i.exec(address.trim())
  if (match === null) return address.trim()
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string]
  const lowerScheme = scheme.toLowerCase()
  let host = authority.toLowerCase()
  if ((lowerScheme === 'http' && host.endsWith(':80')) || (lowerScheme === 'https' && host.endsWith(':443'))) host = host.replace(/:\d+$/, '')
  return `${lowerScheme}://${host}${rest === '' ? '/' : rest}`
}

/** The id of the Source record for a web address: the same address, however spelled, gives the same id. */
export function sourceIdForWebAddress(address: string): string {
  return `src-${stableHash(normaliseWebAddress(address))}`
}

/** Whether a normalised address has a host that could exist (letters, digits, dots, hyphens, a dot). */
function hasPlausibleHost(address: string): boolean {
  const host = /^https?:\/\/([^/?#:]*)/.exec(address)?.[1] ?? ''
  return /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(host) && host.includes('.') && !host.includes('..')
}

function splitAtSchemes(token: string): string[] {
  const starts = [...token.matchAll(SCHEME)].map((match) => match.index)
  if (starts.length === 0) return [token]
  const pieces: string[] = []
  if (starts[0]! > 0) pieces.push(token.slice(0, starts[0]))
  starts.forEach((start, index) => pieces.push(token.slice(start, starts[index + 1] ?? token.length)))
  return pieces
}

/** Finds every web address in a reference text; see `FoundWebAddresses`. */
export function findWebAddresses(text: string): FoundWebAddresses {
  const addresses: FoundWebAddress[] = []
  const leftovers: string[] = []
  const seen = new Set<string>()
  const tokens = text.split(/\s+|;|,(?=\s|https?:\/\/|$)|\|/).flatMap(splitAtSchemes)
  for (const rawToken of tokens) {
    const token = rawToken.trim()
    if (token === '') continue
    const accessedOn = accessDate(token)
    const previous = addresses[addresses.length - 1]
    if (accessedOn !== undefined && previous !== undefined && previous.accessedOn === undefined) {
      addresses[addresses.length - 1] = { ...previous, accessedOn }
      continue
    }
    const bare = token.replace(LEADING_PUNCTUATION, '').replace(TRAILING_PUNCTUATION, '')
    let url: string | undefined
    let schemeAdded = false
    if (/^https?:\/\//i.test(bare)) {
      url = normaliseWebAddress(bare)
    } else if (SCHEMELESS.test(bare) && (bare.includes('/') || /^www\./i.test(bare))) {
      url = normaliseWebAddress(`http://${bare}`)
      schemeAdded = true
    }
    if (url === undefined || !hasPlausibleHost(url)) {
      if (/[\p{L}\p{N}]/u.test(token)) leftovers.push(token)
      continue
    }
    if (seen.has(url)) continue
    seen.add(url)
    addresses.push({ url, schemeAdded })
  }
  return { addresses, leftovers }
}

/** The fields of a Source record for a web address known only by itself (no title, date or publisher given). */
export interface WebAddressSourceDraft {
  readonly id: string
  readonly title: string
  readonly publisher: string
  readonly url: string
  readonly accessedOn?: string
}

/**
 * A Source for an address: titled by its host and path (the query left out), published by its
 * host without "www.", so a list of sources reads as where each came from.
 */
export function sourceDraftForWebAddress(address: FoundWebAddress | string): WebAddressSourceDraft {
  const found = typeof address === 'string' ? { url: normaliseWebAddress(address), schemeAdded: false } : address
  const match = /^https?:\/\/([^/?#]*)([^?#]*)/.exec(found.url)
  const host = (match?.[1] ?? '').replace(/:\d+$/, '')
  const path = (match?.[2] ?? '').replace(/\/$/, '')
  const title = `${host}${readablePath(path)}`.slice(0, 500)
  return {
    id: sourceIdForWebAddress(found.url),
    title: title === '' ? found.url.slice(0, 500) : title,
    publisher: host.replace(/^www\./, '').slice(0, 300),
    url: found.url,
    ...(found.accessedOn === undefined ? {} : { accessedOn: found.accessedOn })
  }
}

/** "%20" and friends decoded where that gives valid text; otherwise the path as written. */
function readablePath(path: string): string {
  try {
    // eslint-disable-next-line no-control-regex -- "%0A" and the like must not put control characters in a title
    return decodeURIComponent(path).replace(/[\u0000-\u001F\u007F-\u009F]/g, '')
  } catch {
    return path
  }
}
