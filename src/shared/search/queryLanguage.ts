import { RECORD_TYPES, type RecordType } from '../domain/recordTypes'
import { message, type Message } from '../locale/message'

/** A word or an exact phrase to look for. */
export type TextMatch = { readonly kind: 'term'; readonly text: string } | { readonly kind: 'phrase'; readonly text: string }

/** One condition every result must meet: any one of its alternatives ("a OR b") is enough. */
export interface QueryClause {
  readonly alternatives: readonly TextMatch[]
}

export const FILTER_FIELDS = ['type', 'jurisdiction', 'org', 'kind', 'year', 'law', 'category', 'status', 'tag'] as const
export type FilterField = (typeof FILTER_FIELDS)[number]

/**
 * The filters' Chinese names, part of the query language itself (not of the interface): a query
 * saved or shared as `法域:CN 年份:2018` means the same whichever language the reader's interface is
 * in. A full-width colon (法域：CN) reads as a colon, as the query is NFKC-normalised first.
 */
export const CHINESE_FILTER_NAMES: Readonly<Record<string, FilterField>> = {
  类型: 'type',
  法域: 'jurisdiction',
  组织: 'org',
  种类: 'kind',
  年份: 'year',
  法律: 'law',
  类别: 'category',
  状态: 'status',
  标签: 'tag'
}

/** An inclusive range of years; an open end is absent. */
export interface YearRange {
  readonly from?: number
  readonly to?: number
}

export interface QueryFilters {
  readonly types: readonly RecordType[]
  /** Field values as typed (jurisdiction codes or names, organisation names, kinds, law names, …). */
  readonly values: Readonly<Record<Exclude<FilterField, 'type' | 'year'>, readonly string[]>>
  readonly years?: YearRange
  /** `-field:value`: results matching any of these are left out. */
  readonly excluded: readonly { readonly field: Exclude<FilterField, 'year'>; readonly value: string }[]
}

/** A query as a person typed it, understood. Parsing never throws: what it cannot read becomes a hint (a message saying what to type). */
export interface ParsedQuery {
  readonly clauses: readonly QueryClause[]
  readonly exclusions: readonly TextMatch[]
  readonly filters: QueryFilters
  readonly hints: readonly Message[]
}

const TYPE_WORDS: Readonly<Record<string, RecordType>> = {
  ...Object.fromEntries(
    RECORD_TYPES.flatMap((type) => [
      [type, type],
      [`${type}s`, type]
    ])
  ),
  organization: 'organisation',
  organizations: 'organisation',
  org: 'organisation',
  orgs: 'organisation',
  company: 'organisation',
  companies: 'organisation'
}

interface Token {
  readonly text: string
  readonly isQuoted: boolean
  readonly isNegated: boolean
  readonly field?: string
}

/** Splits the query into tokens: words, "quoted phrases", -negations and field:values. */
function tokenise(query: string, hints: Message[]): Token[] {
  const tokens: Token[] = []
  let index = 0
  const length = query.length
  while (index < length) {
    while (index < length && /\s/.test(query[index] ?? '')) index += 1
    if (index >= length) break
    let isNegated = false
    if (query[index] === '-' && index + 1 < length && !/\s/.test(query[index + 1] ?? '')) {
      isNegated = true
      index += 1
    }
    let field: string | undefined
    // A Chinese word before a colon is a filter only when it names one: Chinese text often has a
    // colon after a word (关于：网络安全), which stays text.
    const fieldMatch = /^(?:([A-Za-z]+)|(\p{Script=Han}+)):(?=\S)/u.exec(query.slice(index))
    const chineseField = fieldMatch?.[2] === undefined ? undefined : CHINESE_FILTER_NAMES[fieldMatch[2]]
    if (fieldMatch?.[1] !== undefined && !query.slice(index).startsWith(`${fieldMatch[1]}://`)) {
      field = fieldMatch[1].toLowerCase()
      index += fieldMatch[0].length
    } else if (fieldMatch !== null && chineseField !== undefined) {
      field = chineseField
      index += fieldMatch[0].length
    }
    if (query[index] === '"') {
      const close = query.indexOf('"', index + 1)
      const end = close === -1 ? length : close
      if (close === -1) hints.push(message('search.hints.unclosedQuote'))
      tokens.push({ text: query.slice(index + 1, end), isQuoted: true, isNegated, field })
      index = end + 1
      continue
    }
    let end = index
    while (end < length && !/\s/.test(query[end] ?? '')) end += 1
    tokens.push({ text: query.slice(index, end), isQuoted: false, isNegated, field })
    index = end
  }
  return tokens
}

const YEAR_RANGE = /^(\d{4})?(\.\.)?(\d{4})?$/

function parseYears(value: string, hints: Message[]): YearRange | undefined {
  const match = YEAR_RANGE.exec(value)
  if (!match || (match[1] === undefined && match[3] === undefined) || (match[2] === undefined && match[3] !== undefined)) {
    hints.push(message('search.hints.notAYear', { value }))
    return undefined
  }
  const from = match[1] === undefined ? undefined : Number(match[1])
  const to = match[2] === undefined ? from : match[3] === undefined ? undefined : Number(match[3])
  if (from !== undefined && to !== undefined && to < from) {
    hints.push(message('search.hints.yearsBackwards', { value }))
    return undefined
  }
  return { from, to }
}

function textMatchOf(token: Token): TextMatch | undefined {
  const text = token.text.trim()
  if (text === '') return undefined
  return token.isQuoted ? { kind: 'phrase', text } : { kind: 'term', text }
}

const isFilterField = (field: string): field is FilterField => (FILTER_FIELDS as readonly string[]).includes(field)

/**
 * Reads the query language: words (all must match), "exact phrases", `OR` between alternatives,
 * `-word` to exclude, and filters `type:incident`, `jurisdiction:IN`, `org:alibaba`, `kind:ban`,
 * `year:2017..2018`, `law:"cybersecurity law"`, `category:breach`, `status:confirmed`, `tag:consent`
 * (a `-` before a filter excludes). Mistakes never throw: each becomes a hint that says what to type.
 */
export function parseQuery(query: string): ParsedQuery {
  const hints: Message[] = []
  const tokens = tokenise(query.normalize('NFKC'), hints)
  const clauses: QueryClause[] = []
  const exclusions: TextMatch[] = []
  const types: RecordType[] = []
  const values: Record<Exclude<FilterField, 'type' | 'year'>, string[]> = {
    jurisdiction: [],
    org: [],
    kind: [],
    law: [],
    category: [],
    status: [],
    tag: []
  }
  const excluded: { field: Exclude<FilterField, 'year'>; value: string }[] = []
  let years: YearRange | undefined
  let joinNextWithOr = false

  for (const [position, token] of tokens.entries()) {
    if (!token.isQuoted && !token.isNegated && token.field === undefined && token.text === 'OR') {
      if (clauses.length === 0 || position === tokens.length - 1) hints.push(message('search.hints.orNeedsWords'))
      else joinNextWithOr = true
      continue
    }
    if (token.field !== undefined) {
      joinNextWithOr = false
      if (!isFilterField(token.field)) {
        hints.push(message('search.hints.notAFilter', { field: token.field, filters: FILTER_FIELDS.map((f) => `${f}:`).join(' ') }))
        const match = textMatchOf({ ...token, text: `${token.field} ${token.text}`, isQuoted: true })
        if (match && token.isNegated) exclusions.push(match)
        else if (match) clauses.push({ alternatives: [match] })
        continue
      }
      const value = token.text.trim()
      if (value === '') {
        hints.push(message('search.hints.needsValue', { field: token.field, example: token.field === 'year' ? '2018' : message('search.hints.aValue') }))
        continue
      }
      if (token.field === 'year') {
        if (token.isNegated) hints.push(message('search.hints.yearNotExcluded'))
        else years = parseYears(value, hints) ?? years
        continue
      }
      if (token.field === 'type') {
        const type = TYPE_WORDS[value.toLowerCase()]
        if (type === undefined) {
          hints.push(message('search.hints.notAType', { value, types: RECORD_TYPES.map((t) => `type:${t}`).join(', ') }))
        } else if (token.isNegated) {
          excluded.push({ field: 'type', value: type })
        } else if (!types.includes(type)) {
          types.push(type)
        }
        continue
      }
      if (token.isNegated) excluded.push({ field: token.field, value })
      else values[token.field].push(value)
      continue
    }
    const match = textMatchOf(token)
    if (match === undefined) continue
    if (token.isNegated) {
      if (joinNextWithOr) hints.push(message('search.hints.excludedOr'))
      joinNextWithOr = false
      exclusions.push(match)
      continue
    }
    const previous = clauses.at(-1)
    if (joinNextWithOr && previous !== undefined) {
      clauses[clauses.length - 1] = { alternatives: [...previous.alternatives, match] }
    } else {
      clauses.push({ alternatives: [match] })
    }
    joinNextWithOr = false
  }

  return { clauses, exclusions, filters: { types, values, years, excluded }, hints }
}

/** Whether the query asks for nothing at all (no words, no filters). */
export function isEmptyQuery(parsed: ParsedQuery): boolean {
  const { filters } = parsed
  return (
    parsed.clauses.length === 0 &&
    parsed.exclusions.length === 0 &&
    filters.types.length === 0 &&
    filters.years === undefined &&
    filters.excluded.length === 0 &&
    Object.values(filters.values).every((list) => list.length === 0)
  )
}
