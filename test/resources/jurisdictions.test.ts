import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBundle, type Bundle } from '@shared/domain/bundle'
import type { Jurisdiction } from '@shared/domain/jurisdiction'
import { sharedData } from '../support/sharedData'
import { fixturePath } from '../support/testFixtures'

const repoRoot = path.resolve(__dirname, '../..')
const bundlePath = path.join(repoRoot, 'resources/jurisdictions.json')
const generatorPath = path.join(repoRoot, 'scripts/generateJurisdictions.mjs')
const countryCodes = sharedData('country-codes/country-codes.csv')

const fileText = readFileSync(bundlePath, 'utf8')
const json: unknown = JSON.parse(fileText)

function parsed(): Bundle {
  const result = parseBundle(json)
  if (!result.ok) throw new Error(`jurisdictions.json is invalid: ${JSON.stringify(result.problems, null, 2)}`)
  return result.bundle
}

function jurisdiction(id: string): Jurisdiction {
  const found = parsed().records.jurisdictions.find((j) => j.id === id)
  if (found === undefined) throw new Error(`No jurisdiction ${id}`)
  return found
}

describe('resources/jurisdictions.json', () => {
  it('is a valid bundle with no problems at all', () => {
    const result = parseBundle(json)
    expect(result.ok ? [] : result.problems).toEqual([])
  })

  it('is the precedent-jurisdictions bundle and credits the country-codes dataset and its licence', () => {
    const bundle = parsed()
    expect(bundle.id).toBe('precedent-jurisdictions')
    expect(bundle.revision).toBe(1)
    expect(bundle.attribution).toContain('datasets/country-codes')
    expect(bundle.attribution).toContain('ODC-PDDL')
  })

  it('holds only jurisdictions', () => {
    const { records } = parsed()
    expect(records.organisations).toEqual([])
    expect(records.sources).toEqual([])
    expect(records.laws).toEqual([])
    expect(records.incidents).toEqual([])
    expect(records.responses).toEqual([])
  })

  it('has about 249 ISO 3166-1 countries and territories', () => {
    const countries = parsed().records.jurisdictions.filter((j) => j.kind === 'country')
    expect(countries.length).toBeGreaterThanOrEqual(245)
    expect(countries.length).toBeLessThanOrEqual(255)
  })

  it('uses the alpha-2 code as the id and code of every country', () => {
    for (const j of parsed().records.jurisdictions.filter((x) => x.kind === 'country')) {
      expect(j.id).toMatch(/^[A-Z]{2}$/)
      expect(j.code).toBe(j.id)
    }
  })

  it('keeps Namibia as "NA" rather than losing it as a missing value', () => {
    expect(jurisdiction('NA')).toMatchObject({ code: 'NA', name: 'Namibia', alpha3: 'NAM', numericCode: '516' })
  })

  it('keeps the leading zeros of numeric codes: Afghanistan is "004"', () => {
    expect(jurisdiction('AF').numericCode).toBe('004')
    for (const j of parsed().records.jurisdictions) {
      if (j.numericCode !== undefined) expect(j.numericCode).toMatch(/^\d{3}$/)
    }
  })

  it('names China "China" in English and "中国" in Chinese, in Asia', () => {
    expect(jurisdiction('CN')).toMatchObject({ name: 'China', nameZh: '中国', alpha3: 'CHN', numericCode: '156', region: 'Asia' })
  })

  it('uses natural short English names, not abbreviations or formal titles', () => {
    expect(jurisdiction('GB').name).toBe('United Kingdom')
    expect(jurisdiction('US').name).toBe('United States')
    expect(jurisdiction('IN').name).toBe('India')
    expect(jurisdiction('CA').name).toBe('Canada')
  })

  it('drops the footnote asterisks of UN short names', () => {
    for (const j of parsed().records.jurisdictions) {
      expect(j.name).not.toContain('*')
      expect(j.nameZh ?? '').not.toContain('*')
    }
  })

  it('includes the European Union as a supranational jurisdiction', () => {
    expect(jurisdiction('EU')).toMatchObject({ kind: 'supranational', code: 'EU', name: 'European Union', nameZh: '欧盟' })
  })

  it('includes Zhejiang (CN-ZJ) as the one subdivision, under China', () => {
    const subdivisions = parsed().records.jurisdictions.filter((j) => j.kind === 'subdivision')
    expect(subdivisions.map((j) => j.id)).toEqual(['CN-ZJ'])
    expect(jurisdiction('CN-ZJ')).toMatchObject({ code: 'CN-ZJ', name: 'Zhejiang', nameZh: '浙江', parentId: 'CN' })
  })

  it('lists the jurisdictions sorted by id, each once', () => {
    const ids = parsed().records.jurisdictions.map((j) => j.id)
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives every record the same fixed bookkeeping, revision 1', () => {
    const bundle = parsed()
    for (const j of bundle.records.jurisdictions) {
      expect(j).toMatchObject({ createdAt: bundle.createdAt, updatedAt: bundle.createdAt, revision: 1 })
    }
  })

  it('has, for each country of an excerpt of the dataset, exactly the record scripts/generateJurisdictions.mjs makes from it', () => {
    // Eight rows of country-codes.csv, unchanged (ODC-PDDL): Namibia's "NA", Afghanistan's "004",
    // and the three countries whose CLDR short name the generator replaces.
    const directory = mkdtempSync(path.join(tmpdir(), 'precedent-jurisdictions-'))
    try {
      const output = path.join(directory, 'jurisdictions.json')
      execFileSync(process.execPath, [generatorPath, fixturePath('country-codes-excerpt/country-codes.csv'), output], { stdio: 'pipe' })
      const generated = (JSON.parse(readFileSync(output, 'utf8')) as { records: { jurisdictions: Jurisdiction[] } }).records.jurisdictions
      expect(generated.map((j) => j.id)).toEqual(['AF', 'BA', 'CN', 'CN-ZJ', 'DE', 'EU', 'GB', 'IN', 'NA', 'US'])
      for (const made of generated) expect(made, made.id).toEqual(jurisdiction(made.id))
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })

  it.skipIf(!countryCodes.present)('is exactly what scripts/generateJurisdictions.mjs makes from the dataset, pretty-printed with two spaces', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'precedent-jurisdictions-'))
    try {
      const output = path.join(directory, 'jurisdictions.json')
      execFileSync(process.execPath, [generatorPath, countryCodes.path, output], { stdio: 'pipe' })
      expect(readFileSync(output, 'utf8')).toBe(fileText)
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
