import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBundle } from '@shared/domain/bundle'
import { builtInGdprBundle, serialiseBuiltInLawBundle } from '@shared/interchange/adapters/lawTextBundle'
import { sharedData } from '../../../support/sharedData'
import { readFixture } from '../../../support/testFixtures'

const repoRoot = path.resolve(__dirname, '../../../..')
const gdprFile = sharedData('gdpr-text-en/gdpr.json')
const committedPath = path.join(repoRoot, 'resources/laws/eu-gdpr.json')
const committedText = readFileSync(committedPath, 'utf8')

const jurisdictionIds = new Set(
  (
    JSON.parse(readFileSync(path.join(repoRoot, 'resources/jurisdictions.json'), 'utf8')) as { records: { jurisdictions: { id: string }[] } }
  ).records.jurisdictions.map((jurisdiction) => jurisdiction.id)
)

describe('resources/laws/eu-gdpr.json', () => {
  it('holds, for each article of an excerpt of GDPRtEXT, exactly what the generator makes from it', () => {
    const committed = parseBundle(JSON.parse(committedText), jurisdictionIds)
    if (!committed.ok) throw new Error(JSON.stringify(committed.problems))
    const articles = (provisions: readonly { unit: string; number: string }[]) => provisions.filter((provision) => provision.unit === 'article')
    const made = articles(builtInGdprBundle(JSON.parse(readFixture('gdpr-text-en-excerpt/gdpr.json'))).records.laws[0]!.provisions)
    expect(made.map((provision) => provision.number)).toEqual(['1', '2', '3', '94', '95', '96', '97', '98', '99'])
    const committedArticles = new Map(articles(committed.bundle.records.laws[0]!.provisions).map((provision) => [provision.number, provision]))
    for (const provision of made) expect(provision, `Article ${provision.number}`).toEqual(committedArticles.get(provision.number))
  })

  it.skipIf(!gdprFile.present)('is exactly what scripts/generateGdprLaw.mjs makes from GDPRtEXT (run it after changing the importer)', () => {
    const generated = serialiseBuiltInLawBundle(builtInGdprBundle(JSON.parse(gdprFile.text())))
    expect(committedText === generated, 'resources/laws/eu-gdpr.json is out of date: run node scripts/generateGdprLaw.mjs').toBe(true)
  })

  it('is a valid bundle linking only to built-in jurisdictions, with the full GDPR and its attribution', () => {
    const result = parseBundle(JSON.parse(committedText), jurisdictionIds)
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const { bundle } = result
    expect(bundle.attribution).toMatch(/GDPRtEXT.*github\.com\/coolharsh55\/GDPRtEXT.*CC BY 4\.0/)
    expect(bundle.records.laws).toHaveLength(1)
    const law = bundle.records.laws[0]!
    expect(law.id).toBe('law-eu-gdpr')
    expect(law.provisions.filter((provision) => provision.unit === 'article')).toHaveLength(99)
    expect(Object.values(bundle.records).flat()).toHaveLength(1)
  })

  it("keeps the sample knowledge base's GDPR record and every reference to GDPR provisions valid", () => {
    const sample = JSON.parse(readFileSync(path.join(repoRoot, 'resources/sample-knowledge-base.json'), 'utf8')) as {
      records: Record<string, { id: string; implicatedProvisions?: { lawId: string; provisionNumber?: string }[] }[]>
    }
    // The committed law, which the first test proves is what the generator makes from GDPRtEXT.
    const committed = parseBundle(JSON.parse(committedText), jurisdictionIds)
    if (!committed.ok) throw new Error(JSON.stringify(committed.problems))
    const law = committed.bundle.records.laws[0]!
    const sampleGdpr = sample.records.laws!.find((record) => record.id === 'law-eu-gdpr') as Record<string, unknown> | undefined
    expect(sampleGdpr).toBeDefined()
    for (const field of ['title', 'shortName', 'identifier', 'jurisdictionId', 'kind', 'status', 'appliesFromOn']) {
      expect(law[field as keyof typeof law], field).toEqual(sampleGdpr![field])
    }
    const numbers = new Set(law.provisions.map((provision) => provision.number))
    const references = Object.values(sample.records)
      .flat()
      .flatMap((record) => record.implicatedProvisions ?? [])
      .filter((reference) => reference.lawId === 'law-eu-gdpr' && reference.provisionNumber !== undefined)
    expect(references.filter((reference) => !numbers.has(reference.provisionNumber!))).toEqual([])
  })
})
