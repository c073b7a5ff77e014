import fc from 'fast-check'
import { INCIDENT_CATEGORIES, INCIDENT_ROLES, INCIDENT_STATUSES } from '@shared/domain/incident'
import { MATTER_EFFECTS, RESPONSE_KINDS, RESPONSE_STAGES } from '@shared/domain/incidentResponse'
import { LAW_KINDS, LAW_RELATIONS, LAW_STATUSES, PROVISION_UNITS } from '@shared/domain/law'
import { ORGANISATION_KINDS, ORGANISATION_RELATIONS } from '@shared/domain/organisation'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { aJurisdiction, aLaw, aResponse, aSource, anIncident, anOrganisation } from './sharedDomain'

/** The jurisdictions generated records link to; they exist in every knowledge base (built in). */
export const WORLD_JURISDICTIONS = ['CN', 'IN', 'EU', 'CN-ZJ'] as const
const JURISDICTIONS = WORLD_JURISDICTIONS

/** Text as people write it: Latin, CJK, the characters STIX and JSON escape, newlines inside. */
const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom('a', 'Z', ' ', '支', '付', '宝', 'é', ',', ';', '\\', '"', '<', '&', '\n', '😀', '1'), minLength: 1, maxLength: max })
    .map((value) => value.normalize('NFC').trim())
    .filter((value) => value !== '')
const oneLine = (max: number) =>
  text(max)
    .map((value) => value.replace(/\n/g, ' ').trim())
    .filter((value) => value !== '')

const point = fc
  .record({
    year: fc.integer({ min: 1990, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    precision: fc.constantFrom(0, 1, 2),
    approximate: fc.boolean()
  })
  .map(({ year, month, day, precision, approximate }) => {
    const parts = [String(year), String(month).padStart(2, '0'), String(day).padStart(2, '0')].slice(0, precision + 1)
    return { text: `${parts.join('-')}${approximate ? '~' : ''}`, key: year * 10000 + month * 100 + day }
  })
/** Every kind of partial date: year, month or day, approximate or not, and ranges. */
const partialDate = fc.oneof(
  point.map((p) => p.text),
  fc.tuple(point, point).map(([a, b]) => (a.key <= b.key ? `${a.text}/${b.text}`.replace(/~(?=\/)|~$/g, '') : a.text))
)
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
const subsetOf = <T>(values: readonly T[], max = 3) => (values.length === 0 ? fc.constant([] as T[]) : fc.array(fc.constantFrom(...values), { maxLength: max }))
/** Drops undefined fields, as a record read from storage has them absent, not undefined. */
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T

/**
 * A closed world of records of every type whose links all point inside it (or at WORLD_JURISDICTIONS),
 * with partial dates of every precision and text in several scripts: for round-trip properties.
 */
export const knowledgeBaseWorld = fc
  .record({
    organisations: fc.integer({ min: 1, max: 3 }),
    laws: fc.integer({ min: 0, max: 2 }),
    incidents: fc.integer({ min: 0, max: 3 }),
    sources: fc.integer({ min: 0, max: 2 })
  })
  .chain(({ organisations, laws, incidents, sources }) => {
    const orgIds = Array.from({ length: organisations }, (_, i) => `org-${i}`)
    const lawIds = Array.from({ length: laws }, (_, i) => `law-${i}`)
    const incidentIds = Array.from({ length: incidents }, (_, i) => `inc-${i}`)
    const sourceIds = Array.from({ length: sources }, (_, i) => `src-${i}`)
    const citations = fc.array(
      fc
        .record({ sourceId: fc.constantFrom(...(sourceIds.length > 0 ? sourceIds : ['src-none'])), passage: maybe(text(40)), locator: maybe(oneLine(20)) })
        .map(defined),
      { maxLength: sourceIds.length > 0 ? 2 : 0 }
    )
    const provisionRefs = fc.array(
      fc
        .record({ lawId: fc.constantFrom(...(lawIds.length > 0 ? lawIds : ['law-none'])), provisionNumber: maybe(fc.constantFrom('1', '41', '69A')) })
        .map(defined),
      { maxLength: lawIds.length > 0 ? 2 : 0 }
    )
    return fc.record({
      organisations: fc.tuple(
        ...orgIds.map((id) =>
          fc
            .record({
              name: oneLine(30),
              aliases: fc.array(fc.record({ name: oneLine(20), language: maybe(fc.constantFrom('zh', 'en', 'zh-Hans')) }).map(defined), { maxLength: 2 }),
              kind: fc.constantFrom(...ORGANISATION_KINDS),
              headquartersJurisdictionId: maybe(fc.constantFrom(...JURISDICTIONS)),
              headquartersCity: maybe(oneLine(20)),
              description: maybe(text(60)),
              links: fc
                .array(fc.record({ relation: fc.constantFrom(...ORGANISATION_RELATIONS), organisationId: fc.constantFrom(...orgIds) }), { maxLength: 2 })
                .map((links) => links.filter((link) => link.organisationId !== id)),
              citations
            })
            .map((fields) => anOrganisation(defined({ id, ...fields })))
        )
      ),
      laws: fc.tuple(
        ...lawIds.map((id) =>
          fc
            .record({
              title: oneLine(40),
              shortName: maybe(oneLine(10)),
              nativeTitle: maybe(oneLine(20)),
              identifier: maybe(oneLine(20)),
              jurisdictionId: fc.constantFrom(...JURISDICTIONS),
              kind: fc.constantFrom(...LAW_KINDS),
              status: fc.constantFrom(...LAW_STATUSES),
              draftOn: maybe(partialDate),
              adoptedOn: maybe(partialDate),
              inForceOn: maybe(partialDate),
              appliesFromOn: maybe(partialDate),
              amendedOn: fc.array(partialDate, { maxLength: 2 }),
              repealedOn: partialDate,
              summary: maybe(text(60)),
              provisions: fc.uniqueArray(
                fc
                  .record({
                    unit: fc.constantFrom(...PROVISION_UNITS),
                    number: fc.constantFrom('1', '41', '69A'),
                    heading: maybe(oneLine(20)),
                    inForceOn: maybe(partialDate)
                  })
                  .map(defined),
                { maxLength: 3, selector: (p) => `${p.unit}:${p.number}` }
              ),
              relations: fc
                .array(fc.record({ relation: fc.constantFrom(...LAW_RELATIONS), lawId: fc.constantFrom(...lawIds) }), { maxLength: 2 })
                .map((links) => links.filter((link) => link.lawId !== id)),
              citations
            })
            .map(({ repealedOn, ...fields }) => aLaw(defined({ id, ...fields, repealedOn: fields.status === 'repealed' ? repealedOn : undefined })))
        )
      ),
      incidents: fc.tuple(
        ...incidentIds.map((id) =>
          fc
            .record({
              title: oneLine(40),
              summary: fc.oneof(fc.constant(''), text(80)),
              original: maybe(fc.record({ language: fc.constantFrom('zh', 'hi'), title: maybe(oneLine(20)), summary: maybe(text(40)) }).map(defined)),
              categories: subsetOf(INCIDENT_CATEGORIES),
              dataCategories: fc.uniqueArray(oneLine(15), { maxLength: 2 }),
              occurredOn: maybe(partialDate),
              disclosedOn: maybe(partialDate),
              reportedOn: maybe(partialDate),
              status: fc.constantFrom(...INCIDENT_STATUSES),
              affectedUsers: maybe(fc.record({ count: fc.nat(), isEstimate: fc.boolean() })),
              tags: fc.uniqueArray(oneLine(15), { maxLength: 2 }),
              jurisdictionIds: subsetOf(JURISDICTIONS),
              organisations: fc.array(fc.record({ organisationId: fc.constantFrom(...orgIds), role: fc.constantFrom(...INCIDENT_ROLES) }), { maxLength: 3 }),
              implicatedProvisions: provisionRefs,
              citations
            })
            .map((fields) => anIncident(defined({ id, ...fields })))
        )
      ),
      responses: fc
        .array(
          fc.record({
            title: oneLine(40),
            kind: fc.constantFrom(...RESPONSE_KINDS),
            actorId: fc.constantFrom(...orgIds),
            datedOn: maybe(partialDate),
            stage: fc.constantFrom(...RESPONSE_STAGES),
            matterEffect: maybe(fc.constantFrom(...MATTER_EFFECTS)),
            description: maybe(text(60)),
            targetOrganisationIds: subsetOf(orgIds),
            incidentIds: subsetOf(incidentIds),
            legalBasis: provisionRefs,
            outcome: maybe(text(30)),
            penalty: maybe(
              fc
                .record({
                  amount: maybe(fc.double({ min: 0, max: 1e9, noNaN: true })),
                  currency: maybe(fc.constantFrom('EUR', 'CNY')),
                  description: maybe(oneLine(20))
                })
                .map(defined)
            ),
            citations
          }),
          { maxLength: 2 }
        )
        .map((list) => list.map((fields, i) => aResponse(defined({ id: `resp-${i}`, ...fields })))),
      // Jurisdictions are reference data; one is exported whole when chosen, e.g. for a person's notes on it.
      jurisdictions: fc.subarray([...JURISDICTIONS]).chain((codes) =>
        fc.tuple(
          ...codes.map((code) =>
            fc.record({ name: oneLine(20), nameZh: maybe(oneLine(10)), notes: maybe(text(60)), citations }).map((fields) =>
              aJurisdiction(
                defined({
                  id: code,
                  code,
                  kind: (code === 'EU' ? 'supranational' : code.includes('-') ? 'subdivision' : 'country') as 'supranational' | 'subdivision' | 'country',
                  parentId: code.includes('-') ? code.slice(0, 2) : undefined,
                  ...fields
                })
              )
            )
          )
        )
      ),
      sources: fc.tuple(
        ...sourceIds.map((id) =>
          fc
            .record({
              title: oneLine(40),
              publisher: maybe(oneLine(20)),
              author: maybe(oneLine(20)),
              publishedOn: maybe(partialDate),
              url: maybe(fc.constantFrom('https://example.org/a', 'http://example.com/支付宝?q=1&r=2')),
              accessedOn: maybe(partialDate),
              language: maybe(fc.constantFrom('en', 'zh-Hans')),
              quotedPassage: maybe(text(40))
            })
            .map((fields) => aSource(defined({ id, ...fields })))
        )
      )
    })
  })
  .map((w): TypedRecord[] => [
    ...w.jurisdictions.map((record) => ({ type: 'jurisdiction' as const, record })),
    ...w.organisations.map((record) => ({ type: 'organisation' as const, record })),
    ...w.laws.map((record) => ({ type: 'law' as const, record })),
    ...w.incidents.map((record) => ({ type: 'incident' as const, record })),
    ...w.responses.map((record) => ({ type: 'response' as const, record })),
    ...w.sources.map((record) => ({ type: 'source' as const, record }))
  ])

/** A record's content without bookkeeping, with its type: what a round trip must keep. */
export function recordContent(typed: TypedRecord): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, revision: _r, ...rest } = typed.record as unknown as Record<string, unknown>
  return { type: typed.type, ...rest }
}

/** Records' content in id order, for comparing two sets of records. */
export const contentById = (records: readonly TypedRecord[]) => [...records].sort((a, b) => a.record.id.localeCompare(b.record.id)).map(recordContent)
