import { describe, expect, it } from 'vitest'
import { cleanImportedText, type TextChange } from '@shared/interchange/text/cleanImportedText'
import { sharedData } from '../../../support/sharedData'

const dataFolder = sharedData('.')
const read = (path: string) => sharedData(path).text()

/** Every string value in parsed JSON. */
function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value)
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found)
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsIn(item, found)
  return found
}
const ndjsonStrings = (path: string) =>
  read(path)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => stringsIn(JSON.parse(line)))

function changeCounts(values: readonly string[]): Partial<Record<TextChange, number>> {
  const counts: Partial<Record<TextChange, number>> = {}
  for (const value of values) for (const change of cleanImportedText(value).changes) counts[change] = (counts[change] ?? 0) + 1
  return counts
}

// Genuine text in some twenty scripts (country names, data-protection law narratives in Arabic,
// Greek, Korean, Chinese and Cyrillic, Greek company names, Korean and Cyrillic breach titles):
// nothing in it may look like mojibake to the cleaner.
describe.skipIf(!dataFolder.present)('cleanImportedText on the other real data sets', () => {
  it.each([
    ['countries-mledoze/countries.json (names in ~20 scripts)', () => stringsIn(JSON.parse(read('countries-mledoze/countries.json'))), {}],
    [
      'gdb-2021-data-protection-law (multilingual narratives; one "of \u200B\u200Bconsent")',
      () => ndjsonStrings('gdb-2021-data-protection-law/dpl_by_country.ndjson'),
      { 'control-removed': 1 }
    ],
    ['hibp-breaches-2025 (Cyrillic and Korean titles)', () => stringsIn(JSON.parse(read('hibp-breaches-2025/breaches.json'))), {}],
    ['securitybreach-catalog', () => ndjsonStrings('securitybreach-catalog/breaches.ndjson'), {}],
    ['gdpr-text-en', () => stringsIn(JSON.parse(read('gdpr-text-en/gdpr.json'))), {}],
    [
      'aiid-2026-02 incidents and submissions (lines)',
      () => [...read('aiid-2026-02/incidents.csv').split('\n'), ...read('aiid-2026-02/submissions.csv').split('\n')],
      {}
    ],
    ['country-codes (Arabic, Chinese, Russian names; lines)', () => read('country-codes/country-codes.csv').split('\n'), {}],
    ['hhs-ocr-breaches-2014 (lines; one U+0019)', () => read('hhs-ocr-breaches-2014/breaches.csv').split('\n'), { 'control-removed': 1 }],
    [
      'gdpr-fines-cms-2024 (Greek, NFD accents, CRLF in cells)',
      () => stringsIn(JSON.parse(read('gdpr-fines-cms-2024/enforcementtracker_full_download.json'))),
      { normalised: 51 }
    ]
  ] as const)('%s: only the changes the data needs', (_name, values, expected) => {
    expect(changeCounts(values())).toEqual(expected)
  })
})
