#!/usr/bin/env node
// Generates resources/jurisdictions.json, the built-in jurisdictions bundle, from the
// datasets/country-codes CSV (ODC-PDDL-1.0, public domain).
//
//   node scripts/generateJurisdictions.mjs [path/to/country-codes.csv] [path/to/output.json]
//
// Plain Node, no dependencies. The output is deterministic: records sorted by id, fixed
// bookkeeping timestamps, pretty-printed with two spaces, so re-running on the same CSV gives
// the same file byte for byte.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_CSV = resolve(repoRoot, '../shared/data/country-codes/country-codes.csv')
const DEFAULT_OUTPUT = resolve(repoRoot, 'resources/jurisdictions.json')

/** The generation date: every record's createdAt/updatedAt and the bundle's createdAt. */
const GENERATED_AT = '2026-11-29T00:00:00.000Z'
const BUNDLE_REVISION = 1

export const ATTRIBUTION =
  'Country names and codes from the "datasets/country-codes" data package ' +
  '(https://github.com/datasets/country-codes), which combines ISO 3166, UN M49 (UNTERM), ' +
  'CLDR and other sources, published under the Open Data Commons Public Domain Dedication and ' +
  'License (ODC-PDDL-1.0, https://opendatacommons.org/licenses/pddl/). ' +
  'The EU entry and the CN-ZJ (Zhejiang) subdivision were added by the Precedent project.'

/**
 * CLDR's column in this dataset uses CLDR's abbreviated ("short") forms for a few countries.
 * Where that form is an abbreviation, the full short name is used instead.
 */
const NAME_OVERRIDES = {
  GB: 'United Kingdom', // CLDR short form "UK"
  US: 'United States', // CLDR short form "US"
  BA: 'Bosnia and Herzegovina' // CLDR short form "Bosnia"
}

/** Records added by hand: none of them is in the dataset. */
const EXTRA_JURISDICTIONS = [
  { id: 'EU', kind: 'supranational', code: 'EU', name: 'European Union', nameZh: '欧盟', region: 'Europe' },
  { id: 'CN-ZJ', kind: 'subdivision', code: 'CN-ZJ', name: 'Zhejiang', nameZh: '浙江', parentId: 'CN', region: 'Asia' }
]

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes may
 * hold commas, line breaks and doubled quotes (""). Every value stays a string: nothing is
 * converted, so "NA" (Namibia) stays "NA" and "004" would stay "004".
 */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let inQuotes = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (i < text.length) {
    const char = text[i]
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        inQuotes = false
        i += 1
        continue
      }
      field += char
      i += 1
      continue
    }
    if (char === '"' && field === '') {
      inQuotes = true
      i += 1
    } else if (char === ',') {
      row.push(field)
      field = ''
      i += 1
    } else if (char === '\r' || char === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      field += char
      i += 1
    }
  }
  if (inQuotes) throw new Error('CSV ends inside a quoted field')
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''))
}

/** Rows as objects keyed by the header; a row with a different field count is an error. */
export function csvRecords(text) {
  const [header, ...rows] = parseCsv(text)
  if (header === undefined) throw new Error('CSV is empty')
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${index + 2} has ${row.length} fields, the header has ${header.length}`)
    }
    return Object.fromEntries(header.map((name, column) => [name, row[column]]))
  })
}

/** UNTERM marks some names with trailing asterisks ("Niue **"); they are footnote marks, not name. */
function cleanName(value) {
  return (value ?? '').replace(/\s*\*+\s*$/, '').trim()
}

function requireColumns(record, columns) {
  for (const column of columns) {
    if (!(column in record)) throw new Error(`The CSV has no "${column}" column`)
  }
}

const COLUMNS = {
  alpha2: 'ISO3166-1-Alpha-2',
  alpha3: 'ISO3166-1-Alpha-3',
  numeric: 'ISO3166-1-numeric',
  cldrName: 'CLDR display name',
  officialNameEn: 'official_name_en',
  untermZhShort: 'UNTERM Chinese Short',
  officialNameZh: 'official_name_cn',
  region: 'Region Name'
}

function bookkeeping() {
  return { createdAt: GENERATED_AT, updatedAt: GENERATED_AT, revision: 1 }
}

/** One jurisdiction from one CSV row, or null for a row with no alpha-2 code. */
export function jurisdictionFromRow(record) {
  requireColumns(record, Object.values(COLUMNS))
  const code = record[COLUMNS.alpha2].trim()
  if (code === '') return null
  if (!/^[A-Z]{2}$/.test(code)) throw new Error(`Unexpected alpha-2 code "${code}"`)
  const name = NAME_OVERRIDES[code] ?? (record[COLUMNS.cldrName].trim() || record[COLUMNS.officialNameEn].trim())
  if (name === '') throw new Error(`${code} has no English name`)
  const nameZh = cleanName(record[COLUMNS.untermZhShort]) || record[COLUMNS.officialNameZh].trim()
  const alpha3 = record[COLUMNS.alpha3].trim()
  const numeric = record[COLUMNS.numeric].trim()
  if (numeric !== '' && !/^\d{1,3}$/.test(numeric)) throw new Error(`${code}: unexpected numeric code "${numeric}"`)
  const region = record[COLUMNS.region].trim()
  return {
    id: code,
    kind: 'country',
    code,
    name,
    ...(nameZh ? { nameZh } : {}),
    ...(alpha3 ? { alpha3 } : {}),
    ...(numeric ? { numericCode: numeric.padStart(3, '0') } : {}),
    ...(region ? { region } : {}),
    citations: [],
    ...bookkeeping()
  }
}

export function buildBundle(csvText) {
  const records = csvRecords(csvText)
  const countries = []
  let skipped = 0
  for (const record of records) {
    const jurisdiction = jurisdictionFromRow(record)
    if (jurisdiction === null) skipped += 1
    else countries.push(jurisdiction)
  }
  const extras = EXTRA_JURISDICTIONS.map(({ region, parentId, ...rest }) => ({
    ...rest,
    ...(parentId ? { parentId } : {}),
    ...(region ? { region } : {}),
    citations: [],
    ...bookkeeping()
  }))
  const jurisdictions = [...countries, ...extras].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const ids = new Set()
  for (const jurisdiction of jurisdictions) {
    if (ids.has(jurisdiction.id)) throw new Error(`Duplicate jurisdiction id ${jurisdiction.id}`)
    ids.add(jurisdiction.id)
  }
  const bundle = {
    format: 'precedent-bundle',
    version: 1,
    id: 'precedent-jurisdictions',
    revision: BUNDLE_REVISION,
    title: 'Jurisdictions: ISO 3166-1 countries and territories, the EU and selected subdivisions',
    createdAt: GENERATED_AT,
    attribution: ATTRIBUTION,
    records: { jurisdictions }
  }
  return { bundle, rowCount: records.length, countryCount: countries.length, skipped }
}

function main() {
  const csvPath = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_CSV
  const outputPath = process.argv[3] ? resolve(process.argv[3]) : DEFAULT_OUTPUT
  const { bundle, rowCount, countryCount, skipped } = buildBundle(readFileSync(csvPath, 'utf8'))
  writeFileSync(outputPath, `${JSON.stringify(bundle, null, 2)}\n`, 'utf8')
  console.log(
    `${outputPath}: ${bundle.records.jurisdictions.length} jurisdictions ` +
      `(${countryCount} countries and territories from ${rowCount} CSV rows, ${skipped} rows without an alpha-2 code skipped, ` +
      `${EXTRA_JURISDICTIONS.length} added by hand)`
  )
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
