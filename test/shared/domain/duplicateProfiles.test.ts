import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  duplicateIndexKeys,
  findDuplicateCandidates,
  incidentDuplicateData,
  incidentDuplicateProfile,
  organisationDuplicateData,
  organisationDuplicateProfile,
  scoreIncidentProfiles,
  scoreOrganisationProfiles
} from '../../../src/shared/domain/duplicates'
import { anIncident, anOrganisation } from '../../builders/sharedDomain'
import * as reference from './referenceDuplicates'

// A small vocabulary, so that random records share names, words, prefixes and character pairs,
// and blocks fill past the cap of 50 (where loose keys stop proposing pairs).
const WORDS = ['Alipay', 'alipay', 'Ant', 'Sesame', 'Credit', 'Zhima', 'Société', 'Générale', 'Bank', 'Data', 'breach', 'leak', '支付宝', '蚂蚁', 'UC', 'Web']
const ENDINGS = ['', ' Ltd', ' Co., Ltd.', ' S.A.', ' (USA)', ' (支付宝)', ' 有限公司', ' Group']
const DATES = [undefined, '2018', '2018-01', '2018-01-03', '2018-01-20', '2018-03', '2019~', '2018/2019', '2021-06-30']

const name = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), fc.constantFrom(...ENDINGS))
  .map(([words, ending]) => `${words.join(' ')}${ending}`)

const organisations = fc
  .array(fc.record({ name, aliases: fc.array(name, { maxLength: 2 }) }), { maxLength: 70, size: 'medium' })
  .map((drafts) =>
    drafts.map((draft, index) => anOrganisation({ id: `org-${index}`, name: draft.name, aliases: draft.aliases.map((alias) => ({ name: alias })) }))
  )

const incidents = fc
  .array(
    fc.record({
      title: name,
      original: fc.option(name, { nil: undefined }),
      occurredOn: fc.constantFrom(...DATES),
      organisationIds: fc.subarray(['org-a', 'org-b', 'org-c']),
      jurisdictionIds: fc.subarray(['CN', 'US'])
    }),
    { maxLength: 70, size: 'medium' }
  )
  .map((drafts) =>
    drafts.map((draft, index) =>
      anIncident({
        id: `inc-${index}`,
        title: draft.title,
        ...(draft.original === undefined ? {} : { original: { language: 'zh', title: draft.original } }),
        ...(draft.occurredOn === undefined ? {} : { occurredOn: draft.occurredOn }),
        organisations: draft.organisationIds.map((organisationId) => ({ organisationId, role: 'operator' as const })),
        jurisdictionIds: draft.jurisdictionIds
      })
    )
  )

// The reference scores in English only; the messages beside the English are checked against it on the page (duplicateReasons.test.ts).
const inEnglish = <T extends { readonly reasonMessages: unknown }>({ reasonMessages: _messages, ...rest }: T): Omit<T, 'reasonMessages'> => rest

describe('duplicate profiles', () => {
  it('find exactly the candidates that comparing the records themselves found, in the same order', () => {
    fc.assert(
      fc.property(organisations, incidents, fc.constantFrom(0, 0.3, 0.75), (someOrganisations, someIncidents, threshold) => {
        const records = { organisations: someOrganisations, incidents: someIncidents }
        expect(findDuplicateCandidates(records, { threshold }).map(inEnglish)).toEqual(reference.findDuplicateCandidates(records, { threshold }))
      }),
      { numRuns: 12 }
    )
  }, 60_000)

  it('score a pair exactly as the records are scored, from data that went through storage as JSON', () => {
    fc.assert(
      fc.property(organisations, incidents, (someOrganisations, someIncidents) => {
        const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
        for (let index = 0; index + 1 < someOrganisations.length; index += 1) {
          const [a, b] = [someOrganisations[index]!, someOrganisations[index + 1]!]
          const profiled = scoreOrganisationProfiles(
            organisationDuplicateProfile(a, stored(organisationDuplicateData(a))),
            organisationDuplicateProfile(b, stored(organisationDuplicateData(b)))
          )
          expect(inEnglish(profiled)).toEqual(reference.scoreOrganisationPair(a, b))
        }
        for (let index = 0; index + 1 < someIncidents.length; index += 1) {
          const [a, b] = [someIncidents[index]!, someIncidents[index + 1]!]
          const profiled = scoreIncidentProfiles(
            incidentDuplicateProfile(a, stored(incidentDuplicateData(a))),
            incidentDuplicateProfile(b, stored(incidentDuplicateData(b)))
          )
          expect(inEnglish(profiled)).toEqual(reference.scoreIncidentPair(a, b))
        }
      }),
      { numRuns: 8 }
    )
  }, 60_000)

  it('pair records through a loose key shared by up to 50 of them, and not through one shared by more', () => {
    const named = (count: number, stem: string) =>
      Array.from({ length: count }, (_, index) => anOrganisation({ id: `org-${stem}-${index}`, name: `${stem} ${String.fromCharCode(0x4e00 + index)}` }))
    for (const organisations of [named(50, 'Acme'), named(51, 'Acme')]) {
      const found = findDuplicateCandidates({ organisations }, { threshold: 0 })
      expect(found.map(inEnglish)).toEqual(reference.findDuplicateCandidates({ organisations }, { threshold: 0 }))
      expect(found.length).toBe(organisations.length === 50 ? (50 * 49) / 2 : 0)
    }
  })

  it('index an organisation under its exact and loose keys, each once', () => {
    const keys = duplicateIndexKeys(organisationDuplicateProfile(anOrganisation({ name: 'Alipay (支付宝)', aliases: [{ name: 'ALIPAY Co., Ltd.' }] })))

    expect(keys).toEqual(expect.arrayContaining(['x:alipay支付宝', 'x:alipay', 'x:支付宝', 'l:prefix:alip', 'l:word:alipay']))
    expect(new Set(keys).size).toBe(keys.length)
  })
})
