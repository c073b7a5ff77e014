import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  duplicateIndexKeys,
  findDuplicateCandidates,
  incidentDuplicateProfile,
  minimumTitleSimilarity
} from '../../../src/shared/domain/duplicates'
import type { Incident } from '../../../src/shared/domain/incident'
import { anIncident } from '../../builders/sharedDomain'
import * as reference from './referenceDuplicates'

// Incidents' loose blocking keys are a prefix of their title's character pairs (rarest first),
// not every pair. These properties compare the pairs found through them with the pairs every
// character pair finds (`referenceDuplicates`, the scheme of versions 5 and 6), on near-duplicate
// titles: typos, reordered and dropped words, accents and case, Chinese titles (no spaces) and
// original-language titles. At most 50 incidents, so no loose block passes the cap of 50 and the
// reference finds every pair that shares a character pair: the keys must lose none of them.

const ENGLISH = [
  'Alipay',
  'pre-ticked',
  'consent',
  'breach',
  'exposed',
  'records',
  'customers',
  'Société',
  'Générale',
  'phishing',
  'campaign',
  'ransomware',
  'hospital',
  'leak',
  '237k',
  'subscribers',
  'Équifax',
  'card',
  'numbers'
]
const CHINESE = ['支付宝', '默认勾选', '同意', '泄露', '客户', '数据', '银行', '勒索软件', '医院', '信息']
const DATES = [undefined, '2018', '2018-01', '2018-01-03', '2018-01-20', '2018-02-10', '2018-03', '2019']

/** A typo: one character replaced, dropped, doubled, or two swapped. */
const typo = (text: string, at: number, kind: number): string => {
  if (text.length < 2) return text
  const index = at % (text.length - 1)
  switch (kind % 4) {
    case 0:
      return `${text.slice(0, index)}x${text.slice(index + 1)}`
    case 1:
      return `${text.slice(0, index)}${text.slice(index + 1)}`
    case 2:
      return `${text.slice(0, index + 1)}${text.slice(index)}`
    default:
      return `${text.slice(0, index)}${text[index + 1]}${text[index]}${text.slice(index + 2)}`
  }
}

const variation = fc.record({
  typos: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  swap: fc.option(fc.nat(), { nil: undefined }),
  drop: fc.option(fc.nat(), { nil: undefined }),
  upper: fc.boolean(),
  date: fc.constantFrom(...DATES),
  organisationIds: fc.subarray(['org-a', 'org-b']),
  jurisdictionIds: fc.subarray(['CN', 'US'])
})

type Variation = typeof variation extends fc.Arbitrary<infer V> ? V : never

/** A near-duplicate of a title: words reordered or dropped, typos, case changed. */
function vary(words: readonly string[], joiner: string, change: Variation): string {
  const kept = [...words]
  if (change.drop !== undefined && kept.length > 2) kept.splice(change.drop % kept.length, 1)
  if (change.swap !== undefined && kept.length > 1) {
    const index = change.swap % (kept.length - 1)
    ;[kept[index], kept[index + 1]] = [kept[index + 1]!, kept[index]!]
  }
  let title = kept.join(joiner)
  for (const [at, kind] of change.typos) title = typo(title, at, kind)
  return change.upper ? title.toUpperCase() : title
}

const story = fc.record({
  english: fc.array(fc.constantFrom(...ENGLISH), { minLength: 1, maxLength: 7 }),
  chinese: fc.array(fc.constantFrom(...CHINESE), { minLength: 1, maxLength: 5 }),
  script: fc.constantFrom('english', 'chinese', 'both'),
  variations: fc.array(variation, { minLength: 1, maxLength: 4 })
})

const incidents = fc.array(story, { minLength: 1, maxLength: 12 }).map((stories) => {
  const made: Incident[] = []
  for (const { english, chinese, script, variations } of stories) {
    for (const change of variations) {
      if (made.length >= 50) break
      const englishTitle = vary(english, ' ', change)
      const chineseTitle = vary(chinese, '', change)
      made.push(
        anIncident({
          id: `inc-${made.length}`,
          title: script === 'chinese' ? chineseTitle : englishTitle,
          ...(script === 'both' ? { original: { language: 'zh', title: chineseTitle } } : {}),
          ...(change.date === undefined ? {} : { occurredOn: change.date }),
          organisations: change.organisationIds.map((organisationId) => ({ organisationId, role: 'operator' as const })),
          jurisdictionIds: change.jurisdictionIds
        })
      )
    }
  }
  return made
})

const pairsOf = (found: readonly { first: { id: string }; second: { id: string }; score: number }[]) =>
  found.map((pair) => `${pair.first.id}|${pair.second.id}|${pair.score}`).sort()

describe('incident blocking keys', () => {
  it('find every near-duplicate pair that every character pair finds, at the reporting threshold and above', () => {
    fc.assert(
      fc.property(incidents, fc.constantFrom(DEFAULT_DUPLICATE_THRESHOLD, 0.8, 0.9), (someIncidents, threshold) => {
        const expected = reference.findDuplicateCandidates({ incidents: someIncidents }, { threshold })
        expect(pairsOf(findDuplicateCandidates({ incidents: someIncidents }, { threshold }))).toEqual(pairsOf(expected))
      }),
      { numRuns: 300 }
    )
  }, 120_000)

  it('also find them below the reporting threshold, with keys computed for that threshold', () => {
    fc.assert(
      fc.property(incidents, fc.constantFrom(0, 0.3, 0.5, 0.6), (someIncidents, threshold) => {
        const expected = reference.findDuplicateCandidates({ incidents: someIncidents }, { threshold })
        expect(pairsOf(findDuplicateCandidates({ incidents: someIncidents }, { threshold }))).toEqual(pairsOf(expected))
      }),
      { numRuns: 100 }
    )
  }, 120_000)

  it("find the stored keys' pairs: any two titles as alike as the threshold needs share a stored key", () => {
    fc.assert(
      fc.property(incidents, (someIncidents) => {
        const keys = someIncidents.map((incident) => new Set(duplicateIndexKeys(incidentDuplicateProfile(incident))))
        for (const pair of reference.findDuplicateCandidates({ incidents: someIncidents }, { threshold: DEFAULT_DUPLICATE_THRESHOLD })) {
          const [first, second] = [someIncidents.findIndex(({ id }) => id === pair.first.id), someIncidents.findIndex(({ id }) => id === pair.second.id)]
          expect(
            [...keys[first]!].some((key) => keys[second]!.has(key)),
            `${someIncidents[first]!.title} / ${someIncidents[second]!.title}`
          ).toBe(true)
        }
      }),
      { numRuns: 200 }
    )
  }, 120_000)

  it("keep about half of a long title's character pairs, rarest first, and every pair of a short one", () => {
    const title = 'Bluedata plc phishing campaign exposed names of 237k subscribers'
    const loose = duplicateIndexKeys(incidentDuplicateProfile(anIncident({ title }))).filter((key) => key.startsWith('l:'))
    const pairs = new Set(
      [...title.toLowerCase().replace(/[^a-z0-9]/g, '')]
        .map((character, index, all) => `${character}${all[index + 1] ?? ''}`)
        .filter((pair) => pair.length === 2)
    )

    expect(loose.length).toBeLessThan(pairs.size * 0.7)
    // Digits and rare letters go first; the commonest English pairs are left out.
    expect(loose).toEqual(expect.arrayContaining(['l:23', 'l:37', 'l:7k']))
    expect(loose).not.toContain('l:th')
    expect(duplicateIndexKeys(incidentDuplicateProfile(anIncident({ title: '数据' })))).toEqual(['x:数据', 'l:数据'])
    expect(minimumTitleSimilarity()).toBeCloseTo(0.643, 3)
  })
})
