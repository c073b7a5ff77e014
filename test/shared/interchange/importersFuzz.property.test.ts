import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import sampleBundle from '../../../resources/sample-knowledge-base.json'
import { guessColumnMapping } from '@shared/interchange/csv/columnMapping'
import { ImportInputError } from '@shared/interchange/importProblem'
import { decodeImportText } from '@shared/interchange/decodeImportText'
import { IMPORT_FORMATS, type ImportFormat, type ImportReading } from '@shared/interchange/importReading'
import { mappingTableOf, needsColumnMapping, readImport, type ImportFile } from '@shared/interchange/importers'
import { sharedData, type SharedFile } from '../../support/sharedData'
import { describedInChinese, describedInEnglish, inChinese, inEnglish } from '../../support/words'

// Every importer, given anything at all, either reads it (each refused row with a one-line reason
// naming its file) or refuses the whole file with one ImportInputError line. Any other exception
// would reach the person as a stack trace, or leave the Import page stuck. Counterexamples found
// here must be kept as fixed cases beside the tests of the importer concerned.

const context = { importedAt: '2026-12-07T00:00:00.000Z', jurisdictionIds: new Set(['CN', 'IN', 'US', 'FR', 'IE']) }

/** A valid-looking file of each format, for mutation: real shapes, made-up values. */
const SEEDS: Record<ImportFormat, { readonly name: string; readonly json?: unknown; readonly text?: string }> = {
  bundle: { name: 'kb.json', json: sampleBundle },
  csv: {
    name: 'list.csv',
    text: 'title,date,organisation,jurisdiction,summary\nWallet app default consent,2018-01-03,Alipay,CN,"A pre-ticked box"\nBrowser data sent abroad,2015-05,UC Browser,IN,Identifiers\n'
  },
  json: {
    name: 'records.json',
    json: [
      { title: 'Wallet app default consent', date: '2018-01-03', company: { name: 'Alipay' }, classes: ['Credit data'] },
      { title: 'Browser data sent abroad', date: '2015-05' }
    ]
  },
  veris: {
    name: 'veris.json',
    json: [
      {
        schema_version: '1.3.4',
        incident_id: '0B4E0E5B-7C5A-4C3E-9B9B-000000000001',
        summary: 'Laptop stolen',
        timeline: { incident: { year: 2013, month: 5 } },
        victim: { victim_id: 'Acme Hospital', country: ['US'], industry: '622110' },
        action: { physical: { variety: ['Theft'] } },
        asset: { assets: [{ variety: 'U - Laptop' }] },
        attribute: { confidentiality: { data_disclosure: 'Yes', data: [{ variety: 'Medical', amount: 2000 }] } },
        reference: 'https://example.org/breach'
      }
    ]
  },
  aiid: {
    name: 'incidents.csv',
    text: '_id,incident_id,date,reports,Alleged deployer of AI system,Alleged developer of AI system,Alleged harmed or nearly harmed parties,description,title\nObjectId(625763db343edc875fe63901),1,2015-05-19,"[2]","[""youtube""]","[""youtube""]","[""children""]",Description.,Incident 1\n'
  },
  cms: {
    name: 'cms.json',
    json: {
      data: [
        [
          'ETid-1',
          'FRANCE',
          'CNIL',
          '2020-01-22',
          '50000000',
          'Google LLC',
          'Telecoms',
          'Art. 6 GDPR',
          'Insufficient legal basis',
          'https://example.org/fine',
          'Summary of the fine'
        ]
      ]
    }
  },
  hibp: {
    name: 'breaches.json',
    json: [
      {
        Name: 'Adobe',
        Title: 'Adobe',
        Domain: 'adobe.com',
        BreachDate: '2013-10-04',
        AddedDate: '2013-12-04T00:00:00Z',
        ModifiedDate: '2022-05-15T23:52:49Z',
        PwnCount: 152445165,
        Description: 'In October 2013, <a href="https://example.org/adobe">153 million accounts</a> were breached.',
        DataClasses: ['Email addresses', 'Passwords'],
        IsVerified: true,
        IsFabricated: false,
        IsSensitive: false,
        IsRetired: false,
        IsSpamList: false
      }
    ]
  },
  stix: {
    name: 'stix.json',
    json: {
      type: 'bundle',
      id: 'bundle--0b4e0e5b-7c5a-4c3e-9b9b-000000000001',
      objects: [
        {
          type: 'identity',
          spec_version: '2.1',
          id: 'identity--0b4e0e5b-7c5a-4c3e-9b9b-000000000002',
          created: '2020-01-01T00:00:00.000Z',
          modified: '2020-01-01T00:00:00.000Z',
          name: 'Acme',
          identity_class: 'organization'
        }
      ]
    }
  },
  'law-text': {
    name: 'gdpr.json',
    json: {
      chapters: [
        {
          number: 'I',
          title: 'General provisions',
          contents: [{ number: 1, title: 'Subject-matter', contents: [{ number: 1, text: 'This Regulation lays down rules.' }] }]
        }
      ]
    }
  }
}

/** Reads `file` as `format`; returns what went wrong if the importer broke its contract, else undefined. */
function contractBroken(format: ImportFormat, file: ImportFile): string | undefined {
  let reading: ImportReading
  try {
    const mapped = needsColumnMapping(format)
    const headers = mapped ? mappingTableOf(format, file).headers : []
    const csvMappings = mapped ? { [file.name]: guessColumnMapping(headers, 'incident') } : undefined
    reading = readImport(format, [file], { ...context, ...(csvMappings === undefined ? {} : { csvMappings }) })
  } catch (error) {
    if (!(error instanceof ImportInputError)) return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
    const said = [describedInEnglish(error.problem), describedInChinese(error.problem)]
    if (said.some((line) => line.includes('\n')) || error.problem.file !== file.name)
      return `refused in more than one line or without the file: ${said.join(' / ')}`
    return undefined
  }
  for (const problem of [...reading.rejected, ...reading.notices]) {
    const said = [inEnglish(problem.message), inChinese(problem.message)]
    if (said.some((reason) => reason.trim() === '' || reason.includes('\n')) || problem.file === '')
      return `a reason that is not one line naming its file: ${JSON.stringify(problem)} (${said.join(' / ')})`
  }
  return undefined
}

/** Replaces the node reached by `turns` (each picks a child) with `replacement`. */
function mutated(value: unknown, turns: readonly number[], replacement: unknown): unknown {
  if (turns.length === 0 || value === null || typeof value !== 'object') return replacement
  const [turn = 0, ...rest] = turns
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement
    const index = turn % value.length
    return value.map((item, at) => (at === index ? mutated(item, rest, replacement) : item))
  }
  const keys = Object.keys(value)
  if (keys.length === 0) return replacement
  const key = keys[turn % keys.length]!
  return { ...(value as Record<string, unknown>), [key]: mutated((value as Record<string, unknown>)[key], rest, replacement) }
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.constantFrom('', '{', '[]', '{}', 'null', '"', ',,,\n,,', '\uFEFF{"data":[[]]}')
)

describe.each(IMPORT_FORMATS)('the %s importer, given anything', (format) => {
  const seed = SEEDS[format]
  const seedText = seed.text ?? JSON.stringify(seed.json)

  it('reads or refuses arbitrary text in one line', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(contractBroken(format, { name: seed.name, text })).toBeUndefined()
      }),
      { numRuns: 150 }
    )
  })

  it('reads or refuses a valid file with a slice cut, repeated or replaced', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 20 }), fc.boolean(), (start, length, inserted, repeat) => {
        const from = start % (seedText.length + 1)
        const to = Math.min(seedText.length, from + (length % 40))
        const text = seedText.slice(0, from) + (repeat ? seedText.slice(from, to).repeat(2) : inserted) + seedText.slice(to)
        expect(contractBroken(format, { name: seed.name, text })).toBeUndefined()
      }),
      { numRuns: 150 }
    )
  })

  // Only the JSON formats have values to replace; CSV files get the slice mutations above.
  if (seed.json !== undefined)
    it('reads or refuses a valid file with any one value replaced by any JSON value', () => {
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), (turns, replacement) => {
          const text = JSON.stringify(mutated(seed.json, turns, replacement))
          expect(contractBroken(format, { name: seed.name, text })).toBeUndefined()
        }),
        { numRuns: 200 }
      )
    })
})

/**
 * Excerpts of the real data sets (a few records each, cut from the shared data sets when they are there), so
 * the mutations start from what real files hold — their quirks, nesting and lengths — and not only
 * from the small synthetic seeds above.
 */
const firstLines = (text: string, count: number): string => text.split('\n').slice(0, count).join('\n')
const REAL_EXCERPTS: readonly {
  readonly format: ImportFormat
  readonly file: SharedFile
  readonly name: string
  readonly excerpt: (text: string) => { readonly text: string; readonly json?: unknown }
}[] = [
  {
    format: 'veris',
    file: sharedData('vcdb-2013/incidents.json'),
    name: 'incidents.json',
    excerpt: (text) => jsonExcerpt((JSON.parse(text) as unknown[]).slice(0, 12))
  },
  {
    format: 'cms',
    file: sharedData('gdpr-fines-cms-2024/enforcementtracker_full_download.json'),
    name: 'cms.json',
    excerpt: (text) => jsonExcerpt({ data: (JSON.parse(text) as { data: unknown[] }).data.slice(0, 12) })
  },
  {
    format: 'hibp',
    file: sharedData('hibp-breaches-2025/breaches.json'),
    name: 'breaches.json',
    excerpt: (text) => jsonExcerpt((JSON.parse(text) as unknown[]).slice(0, 12))
  },
  {
    format: 'law-text',
    file: sharedData('gdpr-text-en/gdpr.json'),
    name: 'gdpr.json',
    excerpt: (text) => {
      const law = JSON.parse(text) as { chapters: unknown[]; recitals?: unknown[] }
      return jsonExcerpt({ ...law, chapters: law.chapters.slice(0, 1), recitals: (law.recitals ?? []).slice(0, 3) })
    }
  },
  { format: 'json', file: sharedData('securitybreach-catalog/breaches.ndjson'), name: 'breaches.ndjson', excerpt: (text) => ({ text: firstLines(text, 25) }) },
  { format: 'csv', file: sharedData('hhs-ocr-breaches-2014/breaches.csv'), name: 'breaches.csv', excerpt: (text) => ({ text: firstLines(text, 25) }) },
  { format: 'aiid', file: sharedData('aiid-2026-02/incidents.csv'), name: 'incidents.csv', excerpt: (text) => ({ text: text.slice(0, 20_000) }) }
]
function jsonExcerpt(json: unknown): { readonly text: string; readonly json: unknown } {
  return { text: JSON.stringify(json), json }
}

describe.each(REAL_EXCERPTS)('the $format importer, given a mutated excerpt of a real file ($name)', ({ format, file, name, excerpt }) => {
  it.skipIf(!file.present)('reads or refuses it with a slice cut, repeated or replaced, and with any one value replaced', () => {
    const real = excerpt(file.text())
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 20 }), fc.boolean(), (start, length, inserted, repeat) => {
        const from = start % (real.text.length + 1)
        const to = Math.min(real.text.length, from + (length % 200))
        const text = real.text.slice(0, from) + (repeat ? real.text.slice(from, to).repeat(2) : inserted) + real.text.slice(to)
        expect(contractBroken(format, { name, text })).toBeUndefined()
      }),
      { numRuns: 40 }
    )
    if (real.json !== undefined) {
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), (turns, replacement) => {
          expect(contractBroken(format, { name, text: JSON.stringify(mutated(real.json, turns, replacement)) })).toBeUndefined()
        }),
        { numRuns: 60 }
      )
    }
  })
})

describe('decoding a file, given any bytes', () => {
  it('gives text or refuses the file in one line naming it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          expect(typeof decodeImportText(bytes, 'any.csv')).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(ImportInputError)
          expect(describedInEnglish((error as ImportInputError).problem)).not.toContain('\n')
          expect((error as ImportInputError).problem.file).toBe('any.csv')
        }
      }),
      { numRuns: 300 }
    )
  })
})
