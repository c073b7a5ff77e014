import fc from 'fast-check'
import { INCIDENT_CATEGORIES, INCIDENT_ROLES, INCIDENT_STATUSES } from '@shared/domain/incident'
import { MATTER_EFFECTS, RESPONSE_KINDS, RESPONSE_STAGES } from '@shared/domain/incidentResponse'
import { JURISDICTION_KINDS } from '@shared/domain/jurisdiction'
import { LAW_KINDS, LAW_RELATIONS, LAW_STATUSES, PROVISION_UNITS } from '@shared/domain/law'
import { ORGANISATION_KINDS, ORGANISATION_RELATIONS } from '@shared/domain/organisation'
import { parsePartialDate } from '@shared/domain/partialDate'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import type { RecordType, TypedRecord } from '@shared/domain/recordTypes'
import { removeUnsafeCharacters } from '@shared/domain/unsafeCharacters'

/**
 * Generators of valid records of every type with every field, for round-trip properties. Text mixes
 * the characters that break naive CSV and list handling (formula starters, quotes, `;`, `\`, `#`,
 * brackets, line breaks) with several scripts and decomposed accents. Records come out of their
 * schema, so they are canonical (trimmed, NFC) as stored ones are.
 */
export const IMPORTED_AT = '2026-02-01T09:30:00.000Z'

const TRICKY = [
  '=',
  '+',
  '-',
  '@',
  "'",
  '"',
  ';',
  '; ',
  '\\',
  ',',
  '\n',
  '\t',
  ' ',
  '#',
  '(',
  ')',
  '{',
  '[',
  'e\u0301',
  'é',
  '支付宝',
  '网络安全法',
  'हिन्दी',
  'العربية',
  'Ελληνικά',
  '한국어',
  'Русский',
  '🇨🇳',
  'ß',
  '=HYPERLINK("http://x")'
]

/**
 * Without what the text schema refuses or drops (`unsafeCharacters.ts`). CR goes too: every
 * imported file has its line ends made `\n` before parsing (decodeImportText), inside quoted cells
 * too, so a CR in stored text cannot survive any text import.
 */
const clean = (text: string) => removeUnsafeCharacters(text.normalize('NFC')).text.trim()

const rawText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 6 })
  .map((parts) => clean(parts.join('')))

const requiredText = rawText.map((text) => (text === '' ? 'x' : text))
const optionalText = fc.option(
  rawText.filter((text) => text !== ''),
  { nil: undefined }
)
const label = rawText.map((text) => text.replace(/\n/g, ' ').trim()).filter((text) => text !== '')

const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,12}$/)

const point = fc
  .record({
    year: fc.integer({ min: 1000, max: 2999 }),
    month: fc.option(fc.integer({ min: 1, max: 12 })),
    day: fc.option(fc.integer({ min: 1, max: 28 })),
    approx: fc.boolean()
  })
  .map(({ year, month, day, approx }) => {
    const monthPart = month === null ? '' : `-${String(month).padStart(2, '0')}`
    const dayPart = month === null || day === null ? '' : `-${String(day).padStart(2, '0')}`
    return `${year}${monthPart}${dayPart}${approx ? '~' : ''}`
  })

export const partialDate = fc
  .oneof(
    point,
    fc.tuple(point, point).map(([a, b]) => (a <= b ? `${a}/${b}` : `${b}/${a}`))
  )
  .filter((text) => parsePartialDate(text).ok)
const optionalDate = fc.option(partialDate, { nil: undefined })
const language = fc.constantFrom('en', 'zh', 'zh-Hans', 'hi', 'ar', 'el')
const optionalLanguage = fc.option(language, { nil: undefined })
const bookkeeping = { createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, revision: 1 }

const citations = fc.array(fc.record({ sourceId: id, passage: optionalText, locator: optionalText }), { maxLength: 3 })
const original = fc.option(fc.record({ language, title: optionalText, summary: optionalText }), { nil: undefined })
const provisionRefs = fc.array(
  fc.record({
    lawId: id,
    provisionNumber: fc.option(
      rawText.map((text) => Array.from(text).slice(0, 20).join('').trim()),
      { nil: undefined }
    )
  }),
  { maxLength: 3 }
)

const drafts: { readonly [T in RecordType]: fc.Arbitrary<Record<string, unknown>> } = {
  incident: fc.record({
    id,
    title: requiredText,
    summary: rawText,
    original,
    categories: fc.uniqueArray(fc.constantFrom(...INCIDENT_CATEGORIES)),
    dataCategories: fc.uniqueArray(label, { maxLength: 3 }),
    occurredOn: optionalDate,
    disclosedOn: optionalDate,
    reportedOn: optionalDate,
    status: fc.constantFrom(...INCIDENT_STATUSES),
    affectedUsers: fc.option(fc.record({ count: fc.nat(), isEstimate: fc.boolean() }), { nil: undefined }),
    tags: fc.uniqueArray(label, { maxLength: 3 }),
    jurisdictionIds: fc.array(id, { maxLength: 3 }),
    organisations: fc.array(fc.record({ organisationId: id, role: fc.constantFrom(...INCIDENT_ROLES) }), { maxLength: 3 }),
    implicatedProvisions: provisionRefs,
    citations
  }),
  organisation: fc.record({
    id,
    name: requiredText,
    aliases: fc.array(fc.record({ name: requiredText, language: optionalLanguage }), { maxLength: 3 }),
    kind: fc.constantFrom(...ORGANISATION_KINDS),
    headquartersJurisdictionId: fc.option(id, { nil: undefined }),
    headquartersCity: optionalText,
    description: optionalText,
    links: fc.array(fc.record({ relation: fc.constantFrom(...ORGANISATION_RELATIONS), organisationId: id }), { maxLength: 3 }),
    citations
  }),
  jurisdiction: fc.record({
    id,
    kind: fc.constantFrom(...JURISDICTION_KINDS),
    code: fc.constantFrom('CN', 'IN', 'CN-ZJ', 'US-CA', 'EU'),
    name: requiredText,
    nameZh: optionalText,
    alpha3: fc.option(fc.constantFrom('CHN', 'IND'), { nil: undefined }),
    numericCode: fc.option(fc.constantFrom('004', '156', '356'), { nil: undefined }),
    parentId: fc.option(id, { nil: undefined }),
    region: optionalText,
    notes: optionalText,
    citations
  }),
  law: fc.record({
    id,
    title: requiredText,
    shortName: optionalText,
    nativeTitle: optionalText,
    nativeLanguage: optionalLanguage,
    identifier: optionalText,
    jurisdictionId: id,
    kind: fc.constantFrom(...LAW_KINDS),
    status: fc.constantFrom(...LAW_STATUSES.filter((status) => status !== 'repealed')),
    draftOn: optionalDate,
    adoptedOn: optionalDate,
    inForceOn: optionalDate,
    appliesFromOn: optionalDate,
    amendedOn: fc.array(partialDate, { maxLength: 3 }),
    repealedOn: optionalDate,
    summary: optionalText,
    provisions: fc.uniqueArray(
      fc.record({
        unit: fc.constantFrom(...PROVISION_UNITS),
        number: requiredText.map((text) => Array.from(text).slice(0, 20).join('').trim() || '1'),
        heading: optionalText,
        text: optionalText,
        inForceOn: optionalDate
      }),
      { maxLength: 3, selector: (provision) => `${provision.unit}:${provision.number}` }
    ),
    relations: fc.array(fc.record({ relation: fc.constantFrom(...LAW_RELATIONS), lawId: id }), { maxLength: 2 }),
    citations
  }),
  response: fc.record({
    id,
    title: requiredText,
    kind: fc.constantFrom(...RESPONSE_KINDS),
    actorId: id,
    datedOn: optionalDate,
    stage: fc.constantFrom(...RESPONSE_STAGES),
    matterEffect: fc.option(fc.constantFrom(...MATTER_EFFECTS), { nil: undefined }),
    description: optionalText,
    original,
    targetOrganisationIds: fc.array(id, { maxLength: 3 }),
    incidentIds: fc.array(id, { maxLength: 3 }),
    legalBasis: provisionRefs,
    outcome: optionalText,
    penalty: fc.option(
      fc.record({
        amount: fc.option(
          fc.double({ min: 0, max: 1e15, noNaN: true }).map((amount) => (amount === 0 ? 0 : amount)),
          { nil: undefined }
        ),
        currency: fc.option(fc.constantFrom('EUR', 'CNY', 'INR'), { nil: undefined }),
        description: optionalText
      }),
      { nil: undefined }
    ),
    citations
  }),
  source: fc.record({
    id,
    title: requiredText,
    publisher: optionalText,
    author: optionalText,
    publishedOn: optionalDate,
    url: fc.option(fc.constantFrom('https://example.org/a?b=1&c=;d', 'http://news.example.cn/支付宝', 'https://x.test/=1'), { nil: undefined }),
    accessedOn: optionalDate,
    language: optionalLanguage,
    quotedPassage: optionalText
  })
}

/** Drops keys whose value is undefined, as a record read from storage has none. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, withoutUndefined(item)])
    )
  }
  return value
}

/** A valid record of `type`; drafts the schema refuses (a self-link, a duplicate provision) are filtered out. */
export function recordOf<T extends RecordType>(type: T): fc.Arbitrary<TypedRecord> {
  return drafts[type]
    .map((draft) => RECORD_SCHEMAS[type].safeParse(withoutUndefined({ ...draft, ...bookkeeping })))
    .filter((result) => result.success)
    .map((result) => ({ type, record: result.data }) as TypedRecord)
}
