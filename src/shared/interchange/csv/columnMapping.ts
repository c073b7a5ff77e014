import type { RecordType } from '../../domain/recordTypes'
import { message, messageList, type Message } from '../../locale/message'
import { ImportInputError, type ImportProblem } from '../importProblem'
import { candidateFromDraft, type ImportCandidate, type ImportContext, type ImportReading } from '../importReading'
import type { CsvTable } from '../parseCsvTable'
import { CSV_IMPORT_TARGETS, normaliseHeader, type CsvImportTarget, type CsvImportType, type RowReading } from './csvImportTargets'
import { detectDecimalMark, isIsoCurrency, type DecimalMark } from './foreignAmount'
import { detectSlashDateOrder, type SlashDateOrder } from './foreignCsvDate'
import { readRecordCsvExport } from './readRecordCsvExport'
import { CsvCellError, recogniseRecordCsvExport, recordCsvHeaders } from './recordCsvColumns'
import { stableHash } from './stableHash'
import { cleanImportedField } from '../text/cleanImportedField'
import { sourceIdForWebAddress } from '../text/webAddresses'

export { CSV_IMPORT_TARGETS, CSV_IMPORT_TYPES, type CsvImportTarget, type CsvImportType } from './csvImportTargets'

/**
 * How the columns of a CSV table become records of one type.
 *
 * - `precedent-export`: the table is our own export of `recordType` (recognised by its exact header
 *   row) and is read column for column, exactly; `columns` maps each header to itself.
 * - `columns`: a foreign table; `columns` maps each header to a target field key of
 *   `CSV_IMPORT_TARGETS[recordType]`, or null to ignore the column; `constants` gives a field one
 *   value for every row, read as if a column held it.
 */
export type ColumnMapping =
  | { readonly layout: 'precedent-export'; readonly recordType: RecordType; readonly columns: Readonly<Record<string, string>> }
  | {
      readonly layout: 'columns'
      readonly recordType: CsvImportType
      readonly columns: Readonly<Record<string, string | null>>
      /** Values given once for every row, by target field key (`kind` = `fine`): the command line's `--set`. */
      readonly constants?: Readonly<Record<string, string>>
    }

/**
 * A first mapping for a table's headers, for the person to check: our own export is recognised
 * whatever `type` says; otherwise each header goes to the first target field whose name or
 * synonyms match it once normalised ("Date_of_Breach" → "date of breach" → the incident's date).
 * A field that takes one column is given to the first matching header only.
 */
export function guessColumnMapping(headers: readonly string[], type: CsvImportType): ColumnMapping {
  const ownType = recogniseRecordCsvExport(headers)
  if (ownType !== undefined) {
    return { layout: 'precedent-export', recordType: ownType, columns: Object.fromEntries(headers.map((header) => [header, header])) }
  }
  const targets = CSV_IMPORT_TARGETS[type]
  const taken = new Set<string>()
  const columns: Record<string, string | null> = Object.create(null) as Record<string, string | null>
  for (const header of headers) {
    const normalised = normaliseHeader(header)
    // "Fine (EUR)", "penalty_usd": an amount column named with its currency is still the fine.
    const unit = normalised.split(' ').at(-1) ?? ''
    const withoutCurrency = unit !== normalised && isIsoCurrency(unit.toUpperCase()) ? normalised.slice(0, -unit.length).trim() : undefined
    const match = targets.find(
      (target) =>
        (target.repeatable || !taken.has(target.key)) &&
        (normaliseHeader(target.key) === normalised ||
          target.synonyms.includes(normalised) ||
          (target.isNumber && withoutCurrency !== undefined && target.synonyms.includes(withoutCurrency)))
    )
    columns[header] = match?.key ?? null
    if (match !== undefined) taken.add(match.key)
  }
  return { layout: 'columns', recordType: type, columns }
}

/**
 * A stable key for a set of headers, so the app can remember the mapping a person chose and offer
 * it again for the next file with the same columns, in any order.
 */
export function mappingSignature(headers: readonly string[]): string {
  const sorted = headers.map((header) => header.normalize('NFC').trim()).sort()
  return `csv-columns:${sorted.length}:${stableHash(sorted.join('\u0000'))}`
}

/**
 * The field a person names on the command line (`--map title=Name`, `--set kind=fine`): by its key
 * in the mapping step, or by its column in the app's own CSV export (`actorId (names)`).
 */
export function targetNamed(type: CsvImportType, name: string): CsvImportTarget | undefined {
  return CSV_IMPORT_TARGETS[type].find((target) => target.key === name) ?? CSV_IMPORT_TARGETS[type].find((target) => target.exportHeader === name)
}

function targetOf(type: CsvImportType, key: string): CsvImportTarget | undefined {
  return CSV_IMPORT_TARGETS[type].find((target) => target.key === key)
}

function isMapped(mapping: Extract<ColumnMapping, { layout: 'columns' }>, key: string): boolean {
  return Object.values(mapping.columns).includes(key) || Object.hasOwn(mapping.constants ?? {}, key)
}

/** The column a constant is read from, as problems name it. */
const constantColumn = (key: string): string => `${key} (set for every row)`

/** A mapping's constants as columns of the table, so they are read, checked and reported as cells are. */
function withConstantColumns(
  table: CsvTable,
  mapping: Extract<ColumnMapping, { layout: 'columns' }>
): { table: CsvTable; mapping: Extract<ColumnMapping, { layout: 'columns' }> } {
  const constants = Object.entries(mapping.constants ?? {})
  if (constants.length === 0) return { table, mapping }
  const headers = constants.map(([key]) => constantColumn(key))
  return {
    table: {
      ...table,
      headers: [...table.headers, ...headers],
      rows: table.rows.map((row) => {
        const cells: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, row.cells)
        for (const [key, value] of constants) cells[constantColumn(key)] = value
        return { row: row.row, cells }
      })
    },
    mapping: {
      layout: 'columns',
      recordType: mapping.recordType,
      columns: { ...mapping.columns, ...Object.fromEntries(constants.map(([key]) => [constantColumn(key), key])) }
    }
  }
}

/**
 * Required fields no column maps to. An incident's title may come from its organisations' names
 * instead (breach lists name the entity, not the event), so it is required only without them.
 */
export function unmappedRequiredFields(mapping: ColumnMapping): CsvImportTarget[] {
  if (mapping.layout === 'precedent-export') return []
  return CSV_IMPORT_TARGETS[mapping.recordType].filter((target) => {
    if (!target.required || isMapped(mapping, target.key)) return false
    return !(mapping.recordType === 'incident' && target.key === 'title' && isMapped(mapping, 'organisations'))
  })
}

/** What stops a mapping from being used: unmapped required fields (`importProblems.mapping.required`), a field given two columns, an unknown field. */
export function mappingProblems(mapping: ColumnMapping): Message[] {
  if (mapping.layout === 'precedent-export') return []
  const problems: Message[] = []
  const headersOf = new Map<string, string[]>()
  for (const key of Object.keys(mapping.constants ?? {})) {
    if (targetOf(mapping.recordType, key) === undefined) problems.push(message('importProblems.mapping.unknownConstant', { key }))
    else headersOf.set(key, [constantColumn(key)])
  }
  for (const [header, key] of Object.entries(mapping.columns)) {
    if (key === null) continue
    const target = targetOf(mapping.recordType, key)
    if (target === undefined) {
      problems.push(message('importProblems.mapping.unknownField', { header, key }))
      continue
    }
    headersOf.set(key, [...(headersOf.get(key) ?? []), header])
  }
  for (const [key, headers] of headersOf) {
    const target = targetOf(mapping.recordType, key)!
    if (!target.repeatable && headers.length > 1) {
      problems.push(
        message('importProblems.mapping.oneColumnOnly', {
          field: target.label,
          columns: messageList(
            headers.map((header) => `"${header}"`),
            'and'
          )
        })
      )
    }
  }
  for (const target of unmappedRequiredFields(mapping)) problems.push(message('importProblems.mapping.required', { field: target.label }))
  return problems
}

/** "The column mapping cannot be used: …", every problem listed. */
export function mappingUnusable(problems: readonly Message[]): Message {
  return message('importProblems.mapping.unusable', { problems: messageList(problems, 'semicolon') })
}

/**
 * Reads a CSV table through a column mapping. Our own export is read back exactly. A foreign table
 * is read cell by cell into drafts that go through the record schemas (`candidateFromDraft`); a
 * problem names the row and the SOURCE column. A row with any problem is refused whole.
 *
 * Ids: the id column if mapped; otherwise derived from the row's mapped cells, so importing the same
 * file again plans no change. Organisations named in a row become organisation records (kind
 * "Other") with ids derived from their names; source addresses become source records cited by the
 * row. Cells are text: a formula in a foreign file is imported as the text it is, never stripped
 * or evaluated.
 *
 * @throws ImportInputError when the mapping has problems (`mappingProblems`): the caller shows those first
 */
export function readMappedCsv(table: CsvTable, mapping: ColumnMapping, context: ImportContext): ImportReading {
  const problems = mappingProblems(mapping)
  if (problems.length > 0) throw new ImportInputError({ file: table.file, message: mappingUnusable(problems) })
  if (mapping.layout === 'precedent-export') {
    const expected = recordCsvHeaders(mapping.recordType)
    if (recogniseRecordCsvExport(table.headers) !== mapping.recordType) {
      const problem = {
        file: table.file,
        row: 1,
        message: message('importProblems.csv.notOurExport', { type: mapping.recordType, count: expected.length, first: expected[0] ?? '' })
      }
      return { format: 'csv', candidates: [], rejected: [problem], notices: [] }
    }
    return readRecordCsvExport(table, mapping.recordType, context)
  }
  const expanded = withConstantColumns(table, mapping)
  return readForeignCsv(expanded.table, expanded.mapping, context)
}

const foldName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

/** The id an organisation named `name` in a CSV gets: the same for every row and every file that names it alike. */
export function organisationIdForName(name: string): string {
  return `org-csv-${stableHash(foldName(name))}`
}

function readForeignCsv(table: CsvTable, mapping: Extract<ColumnMapping, { layout: 'columns' }>, context: ImportContext): ImportReading {
  const type = mapping.recordType
  const mapped = table.headers
    .filter((header) => mapping.columns[header] !== null && mapping.columns[header] !== undefined)
    .map((header) => ({ header, target: targetOf(type, mapping.columns[header]!)! }))
  const dateOrders = new Map<string, SlashDateOrder>(
    mapped.filter(({ target }) => target.isDate).map(({ header }) => [header, detectSlashDateOrder(table.rows.map((row) => row.cells[header] ?? ''))])
  )
  const decimalMarks = new Map<string, DecimalMark>(
    mapped.filter(({ target }) => target.isNumber).map(({ header }) => [header, detectDecimalMark(table.rows.map((row) => row.cells[header] ?? ''))])
  )
  // The row's currency column is read before its amounts, so an amount written "¥5,000" or "5,000"
  // is read in that currency whichever column comes first.
  const applyOrder = [...mapped.filter(({ target }) => target.key === 'penaltyCurrency'), ...mapped.filter(({ target }) => target.key !== 'penaltyCurrency')]
  const organisationsColumn = mapped.find(({ target }) => target.key === 'organisations')?.header
  const candidates: ImportCandidate[] = []
  const rejected: ImportProblem[] = [...table.problems]
  const notices: ImportProblem[] = [...fileNotices(table.file, mapping)]
  const rowOfId = new Map<string, number>()
  const namedIds = new Set<string>()
  const validNamed = new Map<string, ImportCandidate>()

  for (const row of table.rows) {
    const origin = { file: table.file, row: row.row }
    const reading: RowReading & { dateOrder: SlashDateOrder; decimalMark: DecimalMark } = {
      draft: {},
      fieldColumns: {},
      organisations: [],
      sourceUrls: [],
      notes: [],
      jurisdictionIds: context.jurisdictionIds,
      dateOrder: 'unknown',
      decimalMark: 'unknown'
    }
    const rowProblems: ImportProblem[] = []
    // Foreign spreadsheets carry the quirks of wherever they came from (a control character in a
    // name, mojibake, decomposed accents): cells are cleaned as every importer cleans text, and
    // each visible change is a notice on the row instead of a refusal.
    const cleaningNotices: ImportProblem[] = []
    const cells = new Map(mapped.map(({ header }) => [header, cleanImportedField(row.cells[header] ?? '', { ...origin, field: header }, cleaningNotices)]))
    for (const { header, target } of applyOrder) {
      reading.dateOrder = dateOrders.get(header) ?? 'unknown'
      reading.decimalMark = decimalMarks.get(header) ?? 'unknown'
      try {
        target.apply(cells.get(header) ?? '', reading, header)
      } catch (error) {
        if (!(error instanceof CsvCellError)) throw error
        rowProblems.push({ ...origin, field: header, message: error.reason })
      }
    }
    const named = rowProblems.length === 0 ? namedRecords(reading, origin, context, validNamed) : { candidates: [], problems: [], found: [] }
    rowProblems.push(...named.problems)
    if (rowProblems.length > 0) {
      rejected.push(...rowProblems)
      continue
    }
    // Keyed by field, not by header, so renaming a column does not change the ids.
    completeDraft(
      type,
      reading,
      mapped.map(({ header, target }) => `${target.key}\u0001${cells.get(header) ?? ''}`),
      organisationsColumn
    )
    const result = candidateFromDraft(type, reading.draft, origin, context, reading.fieldColumns)
    if (!result.ok) {
      rejected.push(...result.problems)
      continue
    }
    const id = result.candidate.typed.record.id
    const earlier = rowOfId.get(id)
    if (earlier !== undefined) {
      const isDerived = !isMapped(mapping, 'id')
      const problem = isDerived
        ? { ...origin, message: message('importProblems.csv.repeatedRow', { earlier }) }
        : { ...origin, field: reading.fieldColumns.id ?? 'id', message: message('importProblems.csv.repeatedId', { id, earlier }) }
      ;(isDerived ? notices : rejected).push(problem)
      continue
    }
    rowOfId.set(id, row.row)
    // Remembered only once the row is in, so a named record's origin is always an imported row.
    for (const { key, candidate } of named.found) validNamed.set(key, candidate)
    notices.push(...cleaningNotices, ...reading.notes.map((note) => ({ ...origin, field: note.column, message: note.message })))
    for (const candidate of named.candidates) {
      if (namedIds.has(candidate.typed.record.id)) continue
      namedIds.add(candidate.typed.record.id)
      candidates.push(candidate)
    }
    candidates.push(result.candidate)
  }
  return { format: 'csv', candidates, rejected, notices }
}

/**
 * Organisation and source records a row names, each validated and located at its column. A name
 * or address already imported with an earlier row is not validated again (a breach list names the
 * same few hundred entities over thousands of rows); a refused one is, so each refusal names its row.
 */
function namedRecords(
  reading: RowReading,
  origin: { readonly file: string; readonly row: number },
  context: ImportContext,
  validNamed: Map<string, ImportCandidate>
) {
  const candidates: ImportCandidate[] = []
  const problems: ImportProblem[] = []
  const found: { readonly key: string; readonly candidate: ImportCandidate }[] = []
  const drafts = [
    ...reading.organisations.map((organisation) => ({
      key: `organisation\u0000${organisation.name}`,
      type: 'organisation' as const,
      draft: { id: organisationIdForName(organisation.name), name: organisation.name, kind: 'other' },
      column: organisation.column,
      fieldNames: { name: organisation.column }
    })),
    ...reading.sourceUrls.map((source) => ({
      key: `source\u0000${source.url}`,
      type: 'source' as const,
      draft: { id: sourceIdForWebAddress(source.url), title: source.url, url: source.url },
      column: source.column,
      fieldNames: { title: source.column, url: source.column }
    }))
  ]
  for (const { key, type, draft, column, fieldNames } of drafts) {
    const known = validNamed.get(key)
    if (known !== undefined) {
      candidates.push(known)
      continue
    }
    const result = candidateFromDraft(type, draft, { ...origin, field: column }, context, fieldNames)
    if (!result.ok) {
      problems.push(...result.problems)
      continue
    }
    candidates.push(result.candidate)
    found.push({ key, candidate: result.candidate })
  }
  return { candidates, problems, found }
}

/** Links to named records, defaults for fields no column gave, and the id when none was mapped. */
function completeDraft(type: CsvImportType, reading: RowReading, mappedCells: readonly string[], organisationsColumn: string | undefined): void {
  const { draft } = reading
  const idsFor = (field: string) => [
    ...new Set(reading.organisations.filter((entry) => entry.field === field).map((entry) => organisationIdForName(entry.name)))
  ]
  if (type === 'incident') {
    const involved = reading.organisations.filter((entry) => entry.field === 'organisations')
    if (draft.title === undefined) {
      if (involved.length > 0) {
        draft.title = involved.map((entry) => entry.name).join(', ')
        reading.fieldColumns.title = involved[0]!.column
      } else {
        draft.title = ''
        // A row without organisations has no title either; say so at the column it would come from.
        if (organisationsColumn !== undefined) reading.fieldColumns.title = organisationsColumn
      }
    }
    draft.status ??= 'alleged'
    draft.organisations = idsFor('organisations').map((organisationId) => ({ organisationId, role: 'involved' }))
  }
  if (type === 'organisation') draft.kind ??= 'other'
  if (type === 'response') {
    draft.actorId = idsFor('actorId')[0] ?? ''
    draft.targetOrganisationIds = idsFor('targetOrganisationIds')
  }
  if (reading.sourceUrls.length > 0) {
    draft.citations = [...new Set(reading.sourceUrls.map((source) => sourceIdForWebAddress(source.url)))].map((sourceId) => ({ sourceId }))
  }
  if (draft.id === undefined) {
    draft.id = `csv-${type}-${stableHash([type, ...[...mappedCells].sort()].join('\u0000'))}`
  }
}

/** Said once per file: defaults the import applies because no column gave the field. */
function fileNotices(file: string, mapping: Extract<ColumnMapping, { layout: 'columns' }>): ImportProblem[] {
  const notices: ImportProblem[] = []
  if (mapping.recordType === 'incident' && !isMapped(mapping, 'status')) {
    notices.push({ file, message: message('importProblems.csv.noStatusColumn') })
  }
  if (mapping.recordType === 'incident' && !isMapped(mapping, 'title') && isMapped(mapping, 'organisations')) {
    notices.push({ file, message: message('importProblems.csv.noTitleColumn') })
  }
  if (mapping.recordType === 'organisation' && !isMapped(mapping, 'kind')) {
    notices.push({ file, message: message('importProblems.csv.noKindColumn') })
  }
  return notices
}
