import { INCIDENT_CATEGORIES, INCIDENT_CATEGORY_LABELS, INCIDENT_STATUSES, INCIDENT_STATUS_LABELS } from '../../domain/incident'
import { RESPONSE_KINDS, RESPONSE_KIND_LABELS } from '../../domain/incidentResponse'
import { LAW_KINDS, LAW_KIND_LABELS, LAW_STATUSES, LAW_STATUS_LABELS } from '../../domain/law'
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS } from '../../domain/organisation'
import type { RecordType } from '../../domain/recordTypes'
import { currencyNamedInHeader, parseForeignAmount, parseForeignCount, parseForeignCurrency, type DecimalMark } from './foreignAmount'
import { readForeignDate, type SlashDateOrder } from './foreignCsvDate'
import { CsvCellError } from './recordCsvColumns'

/** The record types a foreign CSV can be imported as. Jurisdictions are reference data, not imported from foreign tables. */
export const CSV_IMPORT_TYPES = ['incident', 'organisation', 'law', 'response', 'source'] as const satisfies readonly RecordType[]
export type CsvImportType = (typeof CSV_IMPORT_TYPES)[number]

/** A record that a row names rather than links by id: an organisation by its name, a source by its address. */
export interface NamedRecord {
  readonly type: 'organisation' | 'source'
  readonly key: string
  readonly column: string
}

/** What the cells of one row have said so far; the reader turns it into a draft and the records it names. */
export interface RowReading {
  readonly draft: Record<string, unknown>
  /** The source column behind each top-level record field, for problems. */
  readonly fieldColumns: Record<string, string>
  /** Organisations named in the row, with the role or field they fill. */
  readonly organisations: { readonly name: string; readonly column: string; readonly field: string; readonly role?: string }[]
  readonly sourceUrls: { readonly url: string; readonly column: string }[]
  /** Things the row was read with but changed, such as a date made coarser; they become notices. */
  readonly notes: { readonly column: string; readonly message: string }[]
  readonly jurisdictionIds: ReadonlySet<string>
  /** How this cell's column writes slash dates. */
  readonly dateOrder: SlashDateOrder
  /** Which mark this cell's column puts before decimals (`detectDecimalMark`); unknown when absent. */
  readonly decimalMark?: DecimalMark
}

/** A field a CSV column can be mapped to. */
export interface CsvImportTarget {
  readonly key: string
  /** What the person sees in the column's select. */
  readonly label: string
  readonly required: boolean
  /** Whether several columns may map to it (their values are joined); otherwise one column at most. */
  readonly repeatable: boolean
  /** Header names that suggest this field, normalised by `normaliseHeader`. */
  readonly synonyms: readonly string[]
  readonly isDate: boolean
  /** Whether its cells are amounts or counts, whose decimal mark is decided for the whole column. */
  readonly isNumber: boolean
  /** The app's own CSV export's name for the field (`actorId (names)`), by which the command line's `--map` may name it too. */
  readonly exportHeader: string
  /** @throws CsvCellError */
  apply(cell: string, reading: RowReading, column: string): void
}

/** `Date_of_Breach`, `date-of-breach`, `Date of breach` and `dateOfBreach` all become `date of breach`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const foldForMatch = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/**
 * Items of a list cell from a foreign file: split on `;` and `|`, and on `,` where the values never
 * hold commas, but never inside brackets: "Sutter Health East Bay Region (Alta Bates Summit Medical
 * Center; Sutter Delta Medical Center)" is one name.
 */
function splitForeignList(cell: string, splitOnComma: boolean): string[] {
  const items: string[] = []
  let depth = 0
  let current = ''
  for (const character of cell) {
    if (character === '(' || character === '[') depth += 1
    if ((character === ')' || character === ']') && depth > 0) depth -= 1
    if (depth === 0 && (character === ';' || character === '|' || (splitOnComma && character === ','))) {
      items.push(current)
      current = ''
    } else {
      current += character
    }
  }
  items.push(current)
  return items.map((item) => item.trim()).filter((item) => item !== '')
}

interface TargetOptions {
  readonly required?: boolean
  readonly repeatable?: boolean
  readonly synonyms?: readonly string[]
  readonly isDate?: boolean
  readonly isNumber?: boolean
  /** When the export names the field otherwise than `key`. */
  readonly exportHeader?: string
}

function target(key: string, label: string, options: TargetOptions, apply: CsvImportTarget['apply']): CsvImportTarget {
  return {
    key,
    label,
    required: options.required ?? false,
    repeatable: options.repeatable ?? false,
    synonyms: options.synonyms ?? [],
    isDate: options.isDate ?? false,
    isNumber: options.isNumber ?? false,
    exportHeader: options.exportHeader ?? key,
    apply
  }
}

function setField(reading: RowReading, field: string, value: unknown, column: string): void {
  reading.draft[field] = value
  reading.fieldColumns[field] = column
}

/** Plain text, kept as written (the record schema trims and normalises it). An empty cell leaves the field absent. */
function textTarget(key: string, label: string, options: TargetOptions = {}): CsvImportTarget {
  return target(key, label, options, (cell, reading, column) => {
    if (cell.trim() !== '' || options.required === true) setField(reading, key, cell, column)
  })
}

function dateTarget(key: string, label: string, synonyms: readonly string[]): CsvImportTarget {
  return target(key, label, { synonyms, isDate: true }, (cell, reading, column) => {
    const date = readForeignDate(cell, reading.dateOrder)
    if (date === undefined) return
    setField(reading, key, date.value, column)
    for (const message of date.notes) reading.notes.push({ column, message })
  })
}

/** A value from a fixed list, matched by its key or its label, ignoring case, spaces and punctuation. */
function enumTarget(
  key: string,
  label: string,
  values: readonly string[],
  labels: Readonly<Record<string, string>>,
  options: TargetOptions = {}
): CsvImportTarget {
  return target(key, label, options, (cell, reading, column) => {
    if (cell.trim() === '') return
    const folded = foldForMatch(cell)
    const value = values.find((candidate) => foldForMatch(candidate) === folded || foldForMatch(labels[candidate] ?? '') === folded)
    if (value === undefined) {
      throw new CsvCellError(`"${cell.trim()}" is not a ${label.toLowerCase()}: use one of ${values.map((candidate) => labels[candidate]).join(', ')}`)
    }
    setField(reading, key, value, column)
  })
}

function enumListTarget(key: string, label: string, values: readonly string[], labels: Readonly<Record<string, string>>, synonyms: readonly string[]): CsvImportTarget {
  return target(key, label, { repeatable: true, synonyms }, (cell, reading, column) => {
    const items = splitForeignList(cell, true).map((item) => {
      const folded = foldForMatch(item)
      const value = values.find((candidate) => foldForMatch(candidate) === folded || foldForMatch(labels[candidate] ?? '') === folded)
      if (value === undefined) throw new CsvCellError(`"${item}" is not a ${label.toLowerCase()}: use one of ${values.map((candidate) => labels[candidate]).join(', ')}`)
      return value
    })
    appendList(reading, key, items, column)
  })
}

function appendList(reading: RowReading, field: string, items: readonly string[], column: string): void {
  if (items.length === 0) return
  const existing = (reading.draft[field] as string[] | undefined) ?? []
  setField(reading, field, [...existing, ...items], column)
}

function labelListTarget(key: string, label: string, synonyms: readonly string[]): CsvImportTarget {
  return target(key, label, { repeatable: true, synonyms }, (cell, reading, column) => appendList(reading, key, splitForeignList(cell, true), column))
}

/** ISO 3166 codes of jurisdictions that exist; an unknown code refuses the row by name rather than dropping the link. */
function readJurisdictionCodes(cell: string, reading: RowReading): string[] {
  return splitForeignList(cell, true).flatMap((item) => item.split(/\s+/)).map((item) => {
    const code = item.toUpperCase()
    if (!reading.jurisdictionIds.has(code)) {
      throw new CsvCellError(`"${item}" is not a known jurisdiction code: use ISO 3166 codes such as CN, IN, US or CN-ZJ`)
    }
    return code
  })
}

function jurisdictionListTarget(key: string, synonyms: readonly string[]): CsvImportTarget {
  return target(key, 'Jurisdiction codes', { repeatable: true, synonyms }, (cell, reading, column) =>
    appendList(reading, key, readJurisdictionCodes(cell, reading), column)
  )
}

function jurisdictionTarget(key: string, label: string, options: TargetOptions): CsvImportTarget {
  return target(key, label, options, (cell, reading, column) => {
    const codes = readJurisdictionCodes(cell, reading)
    if (codes.length > 1) throw new CsvCellError('Only one jurisdiction can be given here')
    if (codes[0] !== undefined) setField(reading, key, codes[0], column)
    else if (options.required === true) setField(reading, key, '', column)
  })
}

/**
 * Organisations named in a cell. Names are split on `;` and `|` only: "Mid America Kidney Stone
 * Association, LLC" is one name. Each becomes an organisation record with an id derived from its
 * name, so every row naming it links the same record.
 */
function organisationNamesTarget(key: string, label: string, field: string, options: TargetOptions & { readonly role?: string; readonly single?: boolean }): CsvImportTarget {
  return target(key, label, { exportHeader: `${field} (names)`, ...options }, (cell, reading, column) => {
    const names = splitForeignList(cell, false)
    if (options.single === true && names.length > 1) throw new CsvCellError('Only one organisation can be named here')
    if (options.required === true && names.length === 0) throw new CsvCellError(`${label} is required`)
    for (const name of names) reading.organisations.push({ name, column, field, ...(options.role === undefined ? {} : { role: options.role }) })
    if (names.length > 0) reading.fieldColumns[field] = column
  })
}

function sourceUrlTarget(): CsvImportTarget {
  return target('sourceUrl', 'Source address (URL)', { repeatable: true, synonyms: ['url', 'link', 'source', 'source url', 'reference', 'references', 'links'] }, (cell, reading, column) => {
    // Addresses are separated by spaces, or by "; " as a list cell writes them (a JSON record's list of links).
    for (const url of cell.split(/;?\s+/).filter((item) => item !== '')) reading.sourceUrls.push({ url, column })
    reading.fieldColumns.citations = column
  })
}

/**
 * A count of people from a foreign cell (`parseForeignCount`): "1,272", "1.272", "~3800", "500+",
 * "1.2 million"; "unknown", "n/a" or "—" is no count at all, never zero.
 *
 * @throws CsvCellError saying why the cell is not a count
 */
export function readForeignCount(cell: string, decimalMark: DecimalMark = 'unknown'): { readonly count: number; readonly isEstimate: boolean } | undefined {
  const result = parseForeignCount(cell, decimalMark)
  if (!result.ok) throw new CsvCellError(result.reason)
  return result.count
}

function affectedUsersTarget(): CsvImportTarget {
  return target(
    'affectedUsers',
    'People affected (count)',
    { isNumber: true, synonyms: ['individuals affected', 'affected', 'affected users', 'people affected', 'users affected', 'records', 'records affected', 'pwn count', 'number affected', 'victims'] },
    (cell, reading, column) => {
      const value = readForeignCount(cell, reading.decimalMark)
      if (value !== undefined) setField(reading, 'affectedUsers', value, column)
    }
  )
}

const penaltyOf = (reading: RowReading) => (reading.draft.penalty as Record<string, unknown> | undefined) ?? {}

/**
 * A fine in the currency written (`parseForeignAmount`): "€3m", "1.234.567,89 EUR", "CHF 1'234'567".
 * A cell without a currency takes the row's currency column, else a code in the column's header
 * ("Fine (EUR)"). An empty cell is no penalty; "unknown", "n/a" or "—" a penalty of unknown amount.
 */
function penaltyAmountTarget(): CsvImportTarget {
  return target('penaltyAmount', 'Penalty amount', { isNumber: true, exportHeader: 'penalty.amount', synonyms: ['fine', 'penalty', 'amount', 'fine amount', 'penalty amount', 'fine eur'] }, (cell, reading, column) => {
    const penalty = penaltyOf(reading)
    const rowCurrency = typeof penalty.currency === 'string' ? penalty.currency : currencyNamedInHeader(column)
    const result = parseForeignAmount(cell, { decimalMark: reading.decimalMark ?? 'unknown', ...(rowCurrency === undefined ? {} : { currency: rowCurrency }) })
    if (!result.ok) throw new CsvCellError(result.reason)
    if (result.kind === 'absent') return
    if (result.kind === 'amount') {
      penalty.amount = result.amount
      if (result.currency !== undefined) penalty.currency = result.currency
    }
    setField(reading, 'penalty', penalty, column)
  })
}

/** The currency of the row's fine, as an ISO 4217 code or a sign that names one ("€", "元"); it must agree with the amount's own. */
function penaltyCurrencyTarget(): CsvImportTarget {
  return target('penaltyCurrency', 'Penalty currency (ISO 4217)', { exportHeader: 'penalty.currency', synonyms: ['currency'] }, (cell, reading, column) => {
    const result = parseForeignCurrency(cell)
    if (!result.ok) throw new CsvCellError(result.reason)
    if (result.currency === undefined) return
    const penalty = penaltyOf(reading)
    if (typeof penalty.currency === 'string' && penalty.currency !== result.currency) {
      throw new CsvCellError(`The currency ${result.currency} disagrees with the amount, which is in ${penalty.currency}`)
    }
    penalty.currency = result.currency
    setField(reading, 'penalty', penalty, column)
  })
}

function idTarget(synonyms: readonly string[]): CsvImportTarget {
  return target('id', 'Id (kept as is)', { synonyms: ['id', 'identifier', 'uuid', 'key', ...synonyms] }, (cell, reading, column) => {
    if (cell.trim() !== '') setField(reading, 'id', cell.trim(), column)
  })
}

const TITLE_SYNONYMS = ['title', 'headline', 'subject', 'incident', 'incident title', 'name of incident']
const SUMMARY_SYNONYMS = ['summary', 'description', 'details', 'notes', 'narrative', 'abstract']
const ORGANISATION_SYNONYMS = [
  'organisation', 'organization', 'organisations', 'organizations', 'company', 'companies', 'entity', 'entities',
  'name of covered entity', 'covered entity', 'victim', 'controller', 'controller processor', 'controller or processor', 'breached entity'
]

export const CSV_IMPORT_TARGETS: Readonly<Record<CsvImportType, readonly CsvImportTarget[]>> = {
  incident: [
    idTarget(['incident id']),
    textTarget('title', 'Title', { required: true, synonyms: TITLE_SYNONYMS }),
    textTarget('summary', 'Summary', { synonyms: SUMMARY_SYNONYMS }),
    dateTarget('occurredOn', 'Date it happened', ['date', 'date of breach', 'breach date', 'occurred', 'occurred on', 'incident date', 'date of incident', 'date of decision']),
    dateTarget('disclosedOn', 'Date it became known', ['disclosed', 'disclosed on', 'date disclosed', 'disclosure date', 'date made public']),
    dateTarget('reportedOn', 'Date reported', ['reported', 'reported on', 'date reported', 'date posted', 'date posted or updated', 'added date', 'date added']),
    enumTarget('status', 'Status', INCIDENT_STATUSES, INCIDENT_STATUS_LABELS, { synonyms: ['status', 'incident status'] }),
    enumListTarget('categories', 'Categories', INCIDENT_CATEGORIES, INCIDENT_CATEGORY_LABELS, ['category', 'categories']),
    labelListTarget('dataCategories', 'Data categories', ['data categories', 'data category', 'data classes', 'data types', 'data affected']),
    labelListTarget('tags', 'Tags', ['tags', 'tag', 'keywords', 'labels', 'type of breach', 'breach type', 'type', 'sector']),
    jurisdictionListTarget('jurisdictionIds', ['country', 'countries', 'country code', 'jurisdiction', 'jurisdictions', 'jurisdiction code', 'iso', 'iso code']),
    organisationNamesTarget('organisations', 'Organisations involved (names)', 'organisations', { repeatable: true, synonyms: ORGANISATION_SYNONYMS, role: 'involved' }),
    affectedUsersTarget(),
    sourceUrlTarget()
  ],
  organisation: [
    idTarget(['organisation id', 'organization id']),
    textTarget('name', 'Name', { required: true, synonyms: ['name', 'organisation', 'organization', 'company', 'entity', ...ORGANISATION_SYNONYMS] }),
    enumTarget('kind', 'Kind', ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, { synonyms: ['kind', 'type', 'organisation type', 'organization type'] }),
    target('aliases', 'Other names (aliases)', { repeatable: true, synonyms: ['aliases', 'alias', 'other names', 'also known as', 'aka'] }, (cell, reading, column) => {
      const existing = (reading.draft.aliases as { name: string }[] | undefined) ?? []
      const names = splitForeignList(cell, false).map((name) => ({ name }))
      if (names.length > 0) setField(reading, 'aliases', [...existing, ...names], column)
    }),
    jurisdictionTarget('headquartersJurisdictionId', 'Headquarters country (code)', { synonyms: ['country', 'headquarters', 'headquarters country', 'country code', 'jurisdiction'] }),
    textTarget('headquartersCity', 'Headquarters city', { synonyms: ['city', 'headquarters city'] }),
    textTarget('description', 'Description', { synonyms: SUMMARY_SYNONYMS }),
    sourceUrlTarget()
  ],
  law: [
    idTarget(['law id']),
    textTarget('title', 'Title', { required: true, synonyms: ['title', 'law', 'name', 'law title'] }),
    textTarget('shortName', 'Short name', { synonyms: ['short name', 'short title', 'abbreviation'] }),
    textTarget('identifier', 'Official reference', { synonyms: ['identifier', 'reference number', 'official reference', 'citation'] }),
    jurisdictionTarget('jurisdictionId', 'Jurisdiction (code)', { required: true, synonyms: ['jurisdiction', 'country', 'country code', 'jurisdiction code'] }),
    enumTarget('kind', 'Kind', LAW_KINDS, LAW_KIND_LABELS, { required: true, synonyms: ['kind', 'type', 'law type', 'instrument'] }),
    enumTarget('status', 'Status', LAW_STATUSES, LAW_STATUS_LABELS, { required: true, synonyms: ['status', 'law status'] }),
    dateTarget('adoptedOn', 'Date adopted', ['adopted', 'adopted on', 'date adopted', 'enacted', 'date of adoption']),
    dateTarget('inForceOn', 'Date in force', ['in force', 'in force on', 'entry into force', 'effective', 'effective date', 'commencement']),
    dateTarget('appliesFromOn', 'Applies from', ['applies from', 'application date', 'applicable from']),
    dateTarget('repealedOn', 'Date repealed', ['repealed', 'repealed on', 'date repealed']),
    textTarget('summary', 'Summary', { synonyms: SUMMARY_SYNONYMS }),
    sourceUrlTarget()
  ],
  response: [
    idTarget(['response id']),
    textTarget('title', 'Title', { required: true, synonyms: TITLE_SYNONYMS }),
    enumTarget('kind', 'Kind', RESPONSE_KINDS, RESPONSE_KIND_LABELS, { required: true, synonyms: ['kind', 'type', 'response type', 'measure'] }),
    organisationNamesTarget('actor', 'Who responded (name)', 'actorId', {
      required: true,
      single: true,
      synonyms: ['actor', 'authority', 'regulator', 'responder', 'agency', 'who responded']
    }),
    dateTarget('datedOn', 'Date', ['date', 'dated', 'date of decision', 'decision date', 'dated on']),
    textTarget('description', 'Description', { synonyms: SUMMARY_SYNONYMS }),
    organisationNamesTarget('targetOrganisations', 'Organisations it targets (names)', 'targetOrganisationIds', {
      repeatable: true,
      synonyms: ['target', 'targets', 'controller', 'controller processor', 'company', 'organisation', 'organization', 'entity']
    }),
    textTarget('outcome', 'Outcome', { synonyms: ['outcome', 'result'] }),
    penaltyAmountTarget(),
    penaltyCurrencyTarget(),
    sourceUrlTarget()
  ],
  source: [
    idTarget(['source id']),
    textTarget('title', 'Title', { required: true, synonyms: ['title', 'headline', 'name'] }),
    textTarget('publisher', 'Publisher', { synonyms: ['publisher', 'outlet', 'publication', 'source name'] }),
    textTarget('author', 'Author', { synonyms: ['author', 'authors', 'byline'] }),
    dateTarget('publishedOn', 'Date published', ['date', 'published', 'published on', 'date published', 'publication date']),
    textTarget('url', 'Address (URL)', { synonyms: ['url', 'link', 'address', 'web address'] }),
    dateTarget('accessedOn', 'Date accessed', ['accessed', 'accessed on', 'date accessed', 'retrieved']),
    textTarget('language', 'Language (e.g. en, zh)', { synonyms: ['language', 'lang'] }),
    textTarget('quotedPassage', 'Quoted passage', { synonyms: ['quote', 'quoted passage', 'passage', 'excerpt'] })
  ]
}
