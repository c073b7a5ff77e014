import { describe, expect, it } from 'vitest'
import { detectImportFormat, importFormatChoices, readImport } from '@shared/interchange/importers'
import { ImportInputError } from '@shared/interchange/importProblem'
import { guessColumnMapping } from '@shared/interchange/csv/columnMapping'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { planImport } from '@shared/interchange/importPlan'
import { recordSetOf } from '@shared/interchange/recordSet'
import { exportStixBundle } from '@shared/interchange/stix/exportStixBundle'
import { aBundleInput, anIncident, anIncidentInput, anOrganisation, anOrganisationInput } from '../../builders/sharedDomain'
import { sharedData } from '../../support/sharedData'
import { readFixture } from '../../support/testFixtures'
import { thrownInEnglish, withReasonInEnglish } from '../../support/words'

const gdprFile = sharedData('gdpr-text-en/gdpr.json')
const vcdbFile = sharedData('vcdb-2013/incidents.json')
const cmsFile = sharedData('gdpr-fines-cms-2024/enforcementtracker_full_download.json')
/** Articles 1–3 and 94–99 of GDPRtEXT's gdpr.json (CC BY 4.0; see test/fixtures/README.md). */
const gdprExcerpt = () => readFixture('gdpr-text-en-excerpt/gdpr.json')
const context = { importedAt: '2026-11-29T12:00:00.000Z', jurisdictionIds: new Set(['CN', 'EU']) }
const bundleText = (records: Parameters<typeof aBundleInput>[0]) => JSON.stringify(aBundleInput(records))

describe('detectImportFormat', () => {
  it.each([
    [{ name: 'kb.json', text: bundleText({}) }, 'bundle'],
    [{ name: 'x.json', text: '{"type": "bundle", "id": "bundle--1", "objects": []}' }, 'stix'],
    [{ name: 'fines.json', text: '{"data": [["", "ETid-1"]]}' }, 'cms'],
    [{ name: 'vcdb.json', text: '[{"schema_version": "1.2.1", "incident_id": "A"}]' }, 'veris'],
    [{ name: 'list.csv', text: 'title,date\nA,2015\n' }, 'csv'],
    [{ name: 'incidents.csv', text: '_id,incident_id,date,reports,Alleged deployer of AI system,title\n' }, 'aiid']
  ])('recognises %j as %s', (file, format) => {
    expect(detectImportFormat([file])).toBe(format)
  })

  it('recognises an excerpt of the GDPR text as law text', () => {
    expect(detectImportFormat([{ name: 'gdpr.json', text: gdprExcerpt() }])).toBe('law-text')
  })

  it.skipIf(!gdprFile.present)('recognises the GDPR text in the shared data as law text', () => {
    const text = gdprFile.text()
    expect(detectImportFormat([{ name: 'gdpr.json', text }])).toBe('law-text')
  })

  it.skipIf(!vcdbFile.present || !cmsFile.present)('recognises VCDB and the CMS tracker from the shared data', () => {
    const vcdb = vcdbFile.text()
    const cms = cmsFile.text()
    expect(detectImportFormat([{ name: 'incidents.json', text: vcdb }])).toBe('veris')
    expect(detectImportFormat([{ name: 'cms.json', text: cms }])).toBe('cms')
  })

  it('says nothing for unknown JSON or a mixture of formats', () => {
    expect(detectImportFormat([{ name: 'x.json', text: '{"hello": 1}' }])).toBeUndefined()
    expect(
      detectImportFormat([
        { name: 'kb.json', text: bundleText({}) },
        { name: 'a.csv', text: 'a,b\n' }
      ])
    ).toBeUndefined()
  })
})

describe('readImport', () => {
  it('reads bundles file by file, every candidate and problem naming its file', () => {
    const first = { name: 'one.json', text: bundleText({ organisations: [anOrganisationInput()] }) }
    const second = { name: 'two.json', text: bundleText({ incidents: [anIncidentInput(), anIncidentInput({ id: 'inc-bad', occurredOn: '2015-13' })] }) }

    const reading = readImport('bundle', [first, second], context)

    expect(reading.candidates.map((candidate) => [candidate.origin.file, candidate.typed.record.id])).toEqual([
      ['one.json', 'org-alipay'],
      ['two.json', 'inc-alipay-2018']
    ])
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([expect.objectContaining({ file: 'two.json', field: 'records.incidents[1].occurredOn' })])
  })

  it('refuses a bundle file with a __proto__ key, naming the file', () => {
    const text = '{"format": "precedent-bundle", "version": 1, "__proto__": {"polluted": true}}'
    expect(() => readImport('bundle', [{ name: 'evil.json', text }], context)).toThrow(ImportInputError)
    expect(thrownInEnglish(() => readImport('bundle', [{ name: 'evil.json', text }], context))).toMatch(/^evil\.json: .*__proto__/)
  })

  it('reads an excerpt of the GDPR text as one law with its articles', () => {
    const reading = readImport('law-text', [{ name: 'gdpr.json', text: gdprExcerpt() }], context)
    const laws = reading.candidates.flatMap((candidate) => (candidate.typed.type === 'law' ? [candidate.typed.record] : []))
    expect(laws).toHaveLength(1)
    expect(laws[0]!.provisions.filter((provision) => provision.unit === 'article').map((provision) => provision.number)).toEqual([
      '1',
      '2',
      '3',
      '94',
      '95',
      '96',
      '97',
      '98',
      '99'
    ])
    expect([laws[0]!.adoptedOn, laws[0]!.inForceOn, laws[0]!.appliesFromOn]).toEqual(['2016-04-27', '2016-05-24', '2018-05-25'])
  })

  it.skipIf(!gdprFile.present)('reads the GDPR text as one law with its articles', () => {
    const text = gdprFile.text()
    const reading = readImport('law-text', [{ name: 'gdpr.json', text }], context)
    expect(reading.candidates.filter((candidate) => candidate.typed.type === 'law')).toHaveLength(1)
  })

  it("lists every format with its label, in the picker's order", () => {
    expect(importFormatChoices().map((choice) => choice.format)).toEqual(['bundle', 'csv', 'json', 'veris', 'aiid', 'cms', 'hibp', 'stix', 'law-text'])
    expect(importFormatChoices()[0]).toEqual({ format: 'bundle', label: 'Precedent bundle (JSON)' })
  })
})

describe('readImport of CSV', () => {
  const text = 'title,date\nAlipay annual statement opt-in,2018-01\n'

  it('reads a CSV file through the mapping chosen for it', () => {
    const mapping = guessColumnMapping(['title', 'date'], 'incident')
    const reading = readImport('csv', [{ name: 'list.csv', text }], { ...context, csvMappings: { 'list.csv': mapping } })
    expect(reading.candidates).toHaveLength(1)
    expect(reading.candidates[0]?.typed.record).toMatchObject({ title: 'Alipay annual statement opt-in', occurredOn: '2018-01' })
  })

  it('refuses a CSV file whose columns are not mapped yet, naming the file', () => {
    expect(thrownInEnglish(() => readImport('csv', [{ name: 'list.csv', text }], context))).toContain(
      'list.csv: Choose which column gives which field before importing'
    )
  })

  it('refuses a CSV file with duplicate headers before any mapping, naming file, row and column', () => {
    expect(thrownInEnglish(() => readImport('csv', [{ name: 'dup.csv', text: 'title,title\na,b\n' }], context))).toContain('dup.csv, row 1, field "title"')
  })
})

describe('readImport of STIX', () => {
  it('recognises our own STIX export and reads its records back through the registry, planned as unchanged over the originals', () => {
    const organisation = anOrganisation({ id: 'org-stix', name: 'Stix Test Company' })
    const incident = anIncident({
      id: 'inc-stix',
      title: 'Stix test breach',
      occurredOn: '2019-05',
      organisations: [{ organisationId: 'org-stix', role: 'operator' }]
    })
    const originals: TypedRecord[] = [
      { type: 'organisation', record: organisation },
      { type: 'incident', record: incident }
    ]
    const text = JSON.stringify(exportStixBundle(recordSetOf(originals), { now: '2026-11-29T12:00:00.000Z' }))

    expect(detectImportFormat([{ name: 'export.json', text }])).toBe('stix')
    const reading = readImport('stix', [{ name: 'export.json', text }], context)
    const byId = new Map(originals.map((typed) => [typed.record.id as string, typed]))
    const plan = planImport(reading, { get: (id) => byId.get(id), organisations: [organisation], incidents: [incident] })
    expect(plan.counts).toMatchObject({ new: 0, update: 0, unchanged: 2, rejected: 0 })
  })
})

describe('readImport at scale', () => {
  // Regression (app bench, 100k records): putting a file's readings together with push(...list)
  // passed a whole file's records as arguments and overflowed the stack past about 120k of them.
  it('reads a bundle of 130,000 organisations without overflowing the stack', () => {
    const organisations = Array.from({ length: 130_000 }, (_, index) => anOrganisationInput({ id: `org-scale-${index}`, name: `Company ${index}` }))
    const reading = readImport('bundle', [{ name: 'large.json', text: bundleText({ organisations }) }], context)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    expect(reading.candidates).toHaveLength(130_000)
  }, 120_000)
})
