import { describe, expect, it } from 'vitest'
import {
  BUNDLE_COLLECTION,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleRecordsInOrder,
  bundleSchema,
  findLinkProblems,
  formatIssuePath,
  parseBundle
} from '@shared/domain/bundle'
import { RECORD_TYPES } from '@shared/domain/recordTypes'
import { aBundleInput, aJurisdictionInput, aLawInput, anIncidentInput, anOrganisationInput, aResponseInput, aSourceInput } from '../../builders/sharedDomain'
import { withReasonInEnglish } from '../../support/words'

/** A small bundle whose every link resolves inside it. */
function aLinkedBundleInput() {
  return aBundleInput({
    jurisdictions: [aJurisdictionInput({ id: 'CN' })],
    organisations: [
      anOrganisationInput({ id: 'org-cac', name: 'Cyberspace Administration of China', kind: 'regulator', headquartersJurisdictionId: 'CN' }),
      anOrganisationInput({ id: 'org-alipay' })
    ],
    sources: [aSourceInput({ id: 'src-reuters-2018' })],
    laws: [aLawInput({ id: 'law-cybersecurity', jurisdictionId: 'CN' })],
    incidents: [
      anIncidentInput({
        id: 'inc-alipay-2018',
        jurisdictionIds: ['CN'],
        organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
        citations: [{ sourceId: 'src-reuters-2018' }]
      })
    ],
    responses: [
      aResponseInput({
        id: 'resp-cac-summons',
        actorId: 'org-cac',
        incidentIds: ['inc-alipay-2018'],
        legalBasis: [{ lawId: 'law-cybersecurity' }]
      })
    ]
  })
}

/** The bundle's problems, each message in English as a person reads it. */
function problemsOf(json: unknown, knownIds?: ReadonlySet<string>) {
  const result = parseBundle(json, knownIds)
  return result.ok ? [] : result.problems.map(withReasonInEnglish)
}

describe('parseBundle', () => {
  it('accepts a valid bundle whose links all resolve', () => {
    const result = parseBundle(aLinkedBundleInput())

    expect(result.ok).toBe(true)
  })

  it('returns the parsed records with their defaults', () => {
    const result = parseBundle(aBundleInput({ incidents: [anIncidentInput()] }))

    expect(result.ok && result.bundle.records.incidents[0]?.tags).toEqual([])
  })

  it('fills in missing collections as empty', () => {
    const result = parseBundle(aBundleInput({}))

    expect(result.ok && result.bundle.records).toEqual({
      jurisdictions: [],
      organisations: [],
      sources: [],
      laws: [],
      incidents: [],
      responses: []
    })
  })

  it('refuses a file in another format, saying which format it must be', () => {
    const problems = problemsOf(aBundleInput({}, { format: 'elk-backup' }))

    expect(problems).toEqual([{ path: 'format', message: 'format must be "precedent-bundle"' }])
  })

  it('refuses another version, saying which version this app reads', () => {
    const problems = problemsOf(aBundleInput({}, { version: 3 }))

    expect(problems).toEqual([{ path: 'version', message: 'version must be 1 or 2; this app reads bundle versions 1 and 2' }])
  })

  it('refuses something that is not an object, at the root', () => {
    const problems = problemsOf('not a bundle')

    expect(problems.map((problem) => problem.path)).toEqual([''])
  })

  it('refuses unknown top-level keys', () => {
    const problems = problemsOf(aBundleInput({}, { checksum: 'abc' }))

    expect(problems).toEqual([{ path: '', message: 'Unrecognized key: "checksum"' }])
  })

  it('refuses an unknown collection', () => {
    const problems = problemsOf(aBundleInput({ widgets: [] } as never))

    expect(problems).toEqual([{ path: 'records', message: 'Unrecognized key: "widgets"' }])
  })

  it('locates a bad field by its path within the records', () => {
    const problems = problemsOf(aBundleInput({ incidents: [anIncidentInput({ occurredOn: '2015-13' })] }))

    expect(problems).toEqual([{ path: 'records.incidents[0].occurredOn', message: '"2015-13": month 13 does not exist (01 to 12)' }])
  })

  it('locates a bad field nested in a list inside a record', () => {
    const problems = problemsOf(
      aBundleInput({
        laws: [aLawInput({ id: 'law-a' }), aLawInput({ id: 'law-b', provisions: [{ unit: 'article', number: '' }] })]
      })
    )

    expect(problems).toEqual([{ path: 'records.laws[1].provisions[0].number', message: 'Provision number is required' }])
  })

  it('reports every schema problem, not just the first', () => {
    const problems = problemsOf(
      aBundleInput({
        incidents: [anIncidentInput({ occurredOn: '2015-13' }), anIncidentInput({ id: 'inc-2', status: 'unknown' as never })]
      })
    )

    expect(problems.map((problem) => problem.path)).toEqual(['records.incidents[0].occurredOn', 'records.incidents[1].status'])
  })

  it('refuses the same id on records of different types', () => {
    const problems = problemsOf(
      aBundleInput({
        jurisdictions: [aJurisdictionInput({ id: 'CN' })],
        organisations: [anOrganisationInput({ id: 'CN' })]
      })
    )

    expect(problems).toEqual([{ path: 'records.organisations[0].id', message: 'The id "CN" is used by more than one record' }])
  })

  it('locates a duplicate id within one collection at the second record', () => {
    const problems = problemsOf(
      aBundleInput({
        sources: [aSourceInput({ id: 'src-a' }), aSourceInput({ id: 'src-b' }), aSourceInput({ id: 'src-a' })]
      })
    )

    expect(problems).toEqual([{ path: 'records.sources[2].id', message: 'The id "src-a" is used by more than one record' }])
  })

  it('refuses a link to an id that is neither in the bundle nor known', () => {
    const problems = problemsOf(aBundleInput({ laws: [aLawInput({ id: 'law-pipl', jurisdictionId: 'CN' })] }))

    expect(problems).toEqual([{ path: 'records.laws[0]', message: '"law-pipl" links (jurisdiction) to "CN", which does not exist' }])
  })

  it('accepts a link to a record passed in as known', () => {
    const result = parseBundle(aBundleInput({ laws: [aLawInput({ jurisdictionId: 'CN' })] }), new Set(['CN']))

    expect(result.ok).toBe(true)
  })

  it('reports each broken link of a record, naming its relation', () => {
    const problems = problemsOf(aBundleInput({ responses: [aResponseInput({ id: 'resp-1', actorId: 'org-cac', incidentIds: ['inc-missing'] })] }))

    expect(problems.map((problem) => problem.message)).toEqual([
      '"resp-1" links (actor) to "org-cac", which does not exist',
      '"resp-1" links (answers) to "inc-missing", which does not exist'
    ])
  })

  it('checks links only once every field is valid', () => {
    const problems = problemsOf(aBundleInput({ laws: [aLawInput({ jurisdictionId: 'CN', kind: 'decree' as never })] }))

    expect(problems.map((problem) => problem.path)).toEqual(['records.laws[0].kind'])
  })
})

describe('findLinkProblems', () => {
  it('finds nothing wrong in a bundle whose links resolve', () => {
    const bundle = bundleSchema.parse(aLinkedBundleInput())

    const problems = findLinkProblems(bundle.records, new Set())

    expect(problems).toEqual([])
  })

  it('locates a broken link in a later record of a collection at that record', () => {
    const bundle = bundleSchema.parse(
      aBundleInput({
        jurisdictions: [aJurisdictionInput({ id: 'CN' })],
        laws: [aLawInput({ id: 'law-a', jurisdictionId: 'CN' }), aLawInput({ id: 'law-b', jurisdictionId: 'IN' })]
      })
    )

    const problems = findLinkProblems(bundle.records, new Set())

    expect(problems.map((problem) => problem.path)).toEqual(['records.laws[1]'])
  })

  it('locates a broken link of a record with a duplicated id at that record, not the first with the id', () => {
    const bundle = bundleSchema.parse(
      aBundleInput({
        jurisdictions: [aJurisdictionInput({ id: 'CN' })],
        laws: [aLawInput({ id: 'law-a', jurisdictionId: 'CN' }), aLawInput({ id: 'law-a', jurisdictionId: 'IN' })]
      })
    )

    const problems = findLinkProblems(bundle.records, new Set())

    expect(problems.map((problem) => problem.path)).toEqual(['records.laws[1].id', 'records.laws[1]'])
  })
})

describe('formatIssuePath', () => {
  it('joins names with dots and puts indexes in brackets', () => {
    const path = formatIssuePath(['records', 'incidents', 0, 'occurredOn'])

    expect(path).toBe('records.incidents[0].occurredOn')
  })

  it('writes consecutive indexes one after the other', () => {
    const path = formatIssuePath(['records', 'laws', 2, 'amendedOn', 1])

    expect(path).toBe('records.laws[2].amendedOn[1]')
  })

  it('writes the root as an empty path', () => {
    const path = formatIssuePath([])

    expect(path).toBe('')
  })

  it('writes a path that starts with an index', () => {
    const path = formatIssuePath([3, 'id'])

    expect(path).toBe('[3].id')
  })
})

describe('bundleRecordsInOrder', () => {
  it('lists what is linked to before what links to it', () => {
    const bundle = bundleSchema.parse(aLinkedBundleInput())

    const types = bundleRecordsInOrder(bundle.records).map((typed) => typed.type)

    expect(types).toEqual(['jurisdiction', 'organisation', 'organisation', 'source', 'law', 'incident', 'response'])
  })

  it('keeps the order of records within a collection', () => {
    const bundle = bundleSchema.parse(aLinkedBundleInput())

    const organisationIds = bundleRecordsInOrder(bundle.records)
      .filter((typed) => typed.type === 'organisation')
      .map((typed) => typed.record.id)

    expect(organisationIds).toEqual(['org-cac', 'org-alipay'])
  })
})

describe('BUNDLE_COLLECTION', () => {
  it('gives every record type a collection', () => {
    expect(Object.keys(BUNDLE_COLLECTION).sort()).toEqual([...RECORD_TYPES].sort())
  })

  it('names the format and version the app writes', () => {
    expect([BUNDLE_FORMAT, BUNDLE_VERSION]).toEqual(['precedent-bundle', 2])
  })
})
