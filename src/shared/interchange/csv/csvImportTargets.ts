import { INCIDENT_CATEGORIES, INCIDENT_CATEGORY_LABELS, INCIDENT_STATUSES, INCIDENT_STATUS_LABELS } from '../../domain/incident'
import { RESPONSE_KINDS, RESPONSE_KIND_LABELS } from '../../domain/incidentResponse'
import { LAW_KINDS, LAW_KIND_LABELS, LAW_STATUSES, LAW_STATUS_LABELS } from '../../domain/law'
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS } from '../../domain/organisation'
import type { RecordType } from '../../domain/recordTypes'
import { message, messageList, type Message } from '../../locale/message'
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
  readonly notes: { readonly column: string; readonly message: Message }[]
  readonly jurisdictionIds: ReadonlySet<string>
  /** How this cell's column writes slash dates. */
  readonly dateOrder: SlashDateOrder
  /** Which mark this cell's column puts before decimals (`detectDecimalMark`); unknown when absent. */
  readonly decimalMark?: DecimalMark
}

/** A field a CSV column can be mapped to. */
export interface CsvImportTarget {
  readonly key: string
  /** What the person sees in the column's select (`importFields.<key>`). */
  readonly label: Message
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

const foldForMatch = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')

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

function target(key: string, label: Message, options: TargetOptions, apply: CsvImportTarget['apply']): CsvImportTarget {
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
function textTarget(key: string, label: Message, options: TargetOptions = {}): CsvImportTarget {
  return target(key, label, options, (cell, reading, column) => {
    if (cell.trim() !== '' || options.required === true) setField(reading, key, cell, column)
  })
}

function dateTarget(key: string, label: Message, synonyms: readonly string[]): CsvImportTarget {
  return target(key, label, { synonyms, isDate: true }, (cell, reading, column) => {
    const date = readForeignDate(cell, reading.dateOrder)
    if (date === undefined) return
    setField(reading, key, date.value, column)
    for (const note of date.notes) reading.notes.push({ column, message: note })
  })
}

/**
 * The values a cell of a fixed list may hold, and how the refusal names them: `labels` are the
 * English words a file may use (matched as well as the codes); `table` the catalogue table
 * (`domain.<table>.<code>`) the refusal lists them from, in the reader's language.
 */
interface EnumValues {
  readonly values: readonly string[]
  readonly labels: Readonly<Record<string, string>>
  readonly table: string
  /** What a value is, as the refusal says it ("status"). */
  readonly noun: Message
}

/** `"x" is not a status: use one of Alleged, Under review, …` */
function notOneOf(item: string, list: EnumValues): CsvCellError {
  const options = messageList(
    list.values.map((code) => message(`domain.${list.table}.${code}`)),
    'comma'
  )
  return new CsvCellError(message('importProblems.csv.notOneOf', { item, noun: list.noun, options }))
}

/** A value from a fixed list, matched by its key or its label, ignoring case, spaces and punctuation. */
function enumTarget(key: string, label: Message, list: EnumValues, options: TargetOptions = {}): CsvImportTarget {
  return target(key, label, options, (cell, reading, column) => {
    if (cell.trim() === '') return
    const folded = foldForMatch(cell)
    const value = list.values.find((candidate) => foldForMatch(candidate) === folded || foldForMatch(list.labels[candidate] ?? '') === folded)
    if (value === undefined) throw notOneOf(cell.trim(), list)
    setField(reading, key, value, column)
  })
}

function enumListTarget(key: string, label: Message, list: EnumValues, synonyms: readonly string[]): CsvImportTarget {
  return target(key, label, { repeatable: true, synonyms }, (cell, reading, column) => {
    const items = splitForeignList(cell, true).map((item) => {
      const folded = foldForMatch(item)
      const value = list.values.find((candidate) => foldForMatch(candidate) === folded || foldForMatch(list.labels[candidate] ?? '') === folded)
      if (value === undefined) throw notOneOf(item, list)
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

function labelListTarget(key: string, label: Message, synonyms: readonly string[]): CsvImportTarget {
  return target(key, label, { repeatable: true, synonyms }, (cell, reading, column) => appendList(reading, key, splitForeignList(cell, true), column))
}

/** ISO 3166 codes of jurisdictions that exist; an unknown code refuses the row by name rather than dropping the link. */
function readJurisdictionCodes(cell: string, reading: RowReading): string[] {
  return splitForeignList(cell, true)
    .flatMap((item) => item.split(/\s+/))
    .map((item) => {
      const code = item.toUpperCase()
      if (!reading.jurisdictionIds.has(code)) {
        throw new CsvCellError(message('importProblems.csv.unknownJurisdiction', { item }))
      }
      return code
    })
}

function jurisdictionListTarget(key: string, synonyms: readonly string[]): CsvImportTarget {
  return target(key, message('importFields.jurisdictionIds'), { repeatable: true, synonyms }, (cell, reading, column) =>
    appendList(reading, key, readJurisdictionCodes(cell, reading), column)
  )
}

function jurisdictionTarget(key: string, label: Message, options: TargetOptions): CsvImportTarget {
  return target(key, label, options, (cell, reading, column) => {
    const codes = readJurisdictionCodes(cell, reading)
    if (codes.length > 1) throw new CsvCellError(message('importProblems.csv.oneJurisdiction'))
    if (codes[0] !== undefined) setField(reading, key, codes[0], column)
    else if (options.required === true) setField(reading, key, '', column)
  })
}

/**
 * Organisations named in a cell. Names are split on `;` and `|` only: "Mid America Kidney Stone
 * Association, LLC" is one name. Each becomes an organisation record with an id derived from its
 * name, so every row naming it links the same record.
 */
function organisationNamesTarget(
  key: string,
  label: Message,
  field: string,
  options: TargetOptions & { readonly role?: string; readonly single?: boolean }
): CsvImportTarget {
  return target(key, label, { exportHeader: `${field} (names)`, ...options }, (cell, reading, column) => {
    const names = splitForeignList(cell, false)
    if (options.single === true && names.length > 1) throw new CsvCellError(message('importProblems.csv.oneOrganisation'))
    if (options.required === true && names.length === 0) throw new CsvCellError(message('problems.required', { field: label }))
    for (const name of names) reading.organisations.push({ name, column, field, ...(options.role === undefined ? {} : { role: options.role }) })
    if (names.length > 0) reading.fieldColumns[field] = column
  })
}

function sourceUrlTarget(): CsvImportTarget {
  return target(
    'sourceUrl',
    message('importFields.sourceUrl'),
    { repeatable: true, synonyms: ['url', 'link', 'source', 'source url', 'reference', 'references', 'links'] },
    (cell, reading, column) => {
      // Addresses are separated by spaces, or by "; " as a list cell writes them (a JSON record's list of links).
      for (const url of cell.split(/;?\s+/).filter((item) => item !== '')) reading.sourceUrls.push({ url, column })
      reading.fieldColumns.citations = column
    }
  )
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
    message('importFields.affectedUsers'),
    {
      isNumber: true,
      synonyms: [
        'individuals affected',
        'affected',
        'affected users',
        'people affected',
        'users affected',
        'records',
        'records affected',
        'pwn count',
        'number affected',
        'victims'
      ]
    },
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
  return target(
    'penaltyAmount',
    message('importFields.penaltyAmount'),
    { isNumber: true, exportHeader: 'penalty.amount', synonyms: ['fine', 'penalty', 'amount', 'fine amount', 'penalty amount', 'fine eur'] },
    (cell, reading, column) => {
      const penalty = penaltyOf(reading)
      const rowCurrency = typeof penalty.currency === 'string' ? penalty.currency : currencyNamedInHeader(column)
      const result = parseForeignAmount(cell, {
        decimalMark: reading.decimalMark ?? 'unknown',
        ...(rowCurrency === undefined ? {} : { currency: rowCurrency })
      })
      if (!result.ok) throw new CsvCellError(result.reason)
      if (result.kind === 'absent') return
      if (result.kind === 'amount') {
        penalty.amount = result.amount
        if (result.currency !== undefined) penalty.currency = result.currency
      }
      setField(reading, 'penalty', penalty, column)
    }
  )
}

/** The currency of the row's fine, as an ISO 4217 code or a sign that names one ("€", "元"); it must agree with the amount's own. */
function penaltyCurrencyTarget(): CsvImportTarget {
  return target(
    'penaltyCurrency',
    message('importFields.penaltyCurrency'),
    { exportHeader: 'penalty.currency', synonyms: ['currency'] },
    (cell, reading, column) => {
      const result = parseForeignCurrency(cell)
      if (!result.ok) throw new CsvCellError(result.reason)
      if (result.currency === undefined) return
      const penalty = penaltyOf(reading)
      if (typeof penalty.currency === 'string' && penalty.currency !== result.currency) {
        throw new CsvCellError(message('importProblems.csv.currencyDisagrees', { currency: result.currency, amountCurrency: penalty.currency }))
      }
      penalty.currency = result.currency
      setField(reading, 'penalty', penalty, column)
    }
  )
}

function idTarget(synonyms: readonly string[]): CsvImportTarget {
  return target('id', message('importFields.id'), { synonyms: ['id', 'identifier', 'uuid', 'key', ...synonyms] }, (cell, reading, column) => {
    if (cell.trim() !== '') setField(reading, 'id', cell.trim(), column)
  })
}

const TITLE_SYNONYMS = ['title', 'headline', 'subject', 'incident', 'incident title', 'name of incident']
const SUMMARY_SYNONYMS = ['summary', 'description', 'details', 'notes', 'narrative', 'abstract']
const ORGANISATION_SYNONYMS = [
  'organisation',
  'organization',
  'organisations',
  'organizations',
  'company',
  'companies',
  'entity',
  'entities',
  'name of covered entity',
  'covered entity',
  'victim',
  'controller',
  'controller processor',
  'controller or processor',
  'breached entity'
]

export const CSV_IMPORT_TARGETS: Readonly<Record<CsvImportType, readonly CsvImportTarget[]>> = {
  incident: [
    idTarget(['incident id']),
    textTarget('title', message('importFields.title'), { required: true, synonyms: TITLE_SYNONYMS }),
    textTarget('summary', message('importFields.summary'), { synonyms: SUMMARY_SYNONYMS }),
    dateTarget('occurredOn', message('importFields.occurredOn'), [
      'date',
      'date of breach',
      'breach date',
      'occurred',
      'occurred on',
      'incident date',
      'date of incident',
      'date of decision'
    ]),
    dateTarget('disclosedOn', message('importFields.disclosedOn'), ['disclosed', 'disclosed on', 'date disclosed', 'disclosure date', 'date made public']),
    dateTarget('reportedOn', message('importFields.reportedOn'), [
      'reported',
      'reported on',
      'date reported',
      'date posted',
      'date posted or updated',
      'added date',
      'date added'
    ]),
    enumTarget(
      'status',
      message('importFields.status'),
      { values: INCIDENT_STATUSES, labels: INCIDENT_STATUS_LABELS, table: 'incidentStatus', noun: message('importFields.nouns.status') },
      { synonyms: ['status', 'incident status'] }
    ),
    enumListTarget(
      'categories',
      message('importFields.categories'),
      { values: INCIDENT_CATEGORIES, labels: INCIDENT_CATEGORY_LABELS, table: 'incidentCategory', noun: message('importFields.nouns.categories') },
      ['category', 'categories']
    ),
    labelListTarget('dataCategories', message('importFields.dataCategories'), [
      'data categories',
      'data category',
      'data classes',
      'data types',
      'data affected'
    ]),
    labelListTarget('tags', message('importFields.tags'), ['tags', 'tag', 'keywords', 'labels', 'type of breach', 'breach type', 'type', 'sector']),
    jurisdictionListTarget('jurisdictionIds', [
      'country',
      'countries',
      'country code',
      'jurisdiction',
      'jurisdictions',
      'jurisdiction code',
      'iso',
      'iso code'
    ]),
    organisationNamesTarget('organisations', message('importFields.organisations'), 'organisations', {
      repeatable: true,
      synonyms: ORGANISATION_SYNONYMS,
      role: 'involved'
    }),
    affectedUsersTarget(),
    sourceUrlTarget()
  ],
  organisation: [
    idTarget(['organisation id', 'organization id']),
    textTarget('name', message('importFields.name'), {
      required: true,
      synonyms: ['name', 'organisation', 'organization', 'company', 'entity', ...ORGANISATION_SYNONYMS]
    }),
    enumTarget(
      'kind',
      message('importFields.kind'),
      { values: ORGANISATION_KINDS, labels: ORGANISATION_KIND_LABELS, table: 'organisationKind', noun: message('importFields.nouns.kind') },
      { synonyms: ['kind', 'type', 'organisation type', 'organization type'] }
    ),
    target(
      'aliases',
      message('importFields.aliases'),
      { repeatable: true, synonyms: ['aliases', 'alias', 'other names', 'also known as', 'aka'] },
      (cell, reading, column) => {
        const existing = (reading.draft.aliases as { name: string }[] | undefined) ?? []
        const names = splitForeignList(cell, false).map((name) => ({ name }))
        if (names.length > 0) setField(reading, 'aliases', [...existing, ...names], column)
      }
    ),
    jurisdictionTarget('headquartersJurisdictionId', message('importFields.headquartersJurisdictionId'), {
      synonyms: ['country', 'headquarters', 'headquarters country', 'country code', 'jurisdiction']
    }),
    textTarget('headquartersCity', message('importFields.headquartersCity'), { synonyms: ['city', 'headquarters city'] }),
    textTarget('description', message('importFields.description'), { synonyms: SUMMARY_SYNONYMS }),
    sourceUrlTarget()
  ],
  law: [
    idTarget(['law id']),
    textTarget('title', message('importFields.title'), { required: true, synonyms: ['title', 'law', 'name', 'law title'] }),
    textTarget('shortName', message('importFields.shortName'), { synonyms: ['short name', 'short title', 'abbreviation'] }),
    textTarget('identifier', message('importFields.identifier'), { synonyms: ['identifier', 'reference number', 'official reference', 'citation'] }),
    jurisdictionTarget('jurisdictionId', message('importFields.jurisdictionId'), {
      required: true,
      synonyms: ['jurisdiction', 'country', 'country code', 'jurisdiction code']
    }),
    enumTarget(
      'kind',
      message('importFields.kind'),
      { values: LAW_KINDS, labels: LAW_KIND_LABELS, table: 'lawKind', noun: message('importFields.nouns.kind') },
      { required: true, synonyms: ['kind', 'type', 'law type', 'instrument'] }
    ),
    enumTarget(
      'status',
      message('importFields.status'),
      { values: LAW_STATUSES, labels: LAW_STATUS_LABELS, table: 'lawStatus', noun: message('importFields.nouns.status') },
      { required: true, synonyms: ['status', 'law status'] }
    ),
    dateTarget('adoptedOn', message('importFields.adoptedOn'), ['adopted', 'adopted on', 'date adopted', 'enacted', 'date of adoption']),
    dateTarget('inForceOn', message('importFields.inForceOn'), ['in force', 'in force on', 'entry into force', 'effective', 'effective date', 'commencement']),
    dateTarget('appliesFromOn', message('importFields.appliesFromOn'), ['applies from', 'application date', 'applicable from']),
    dateTarget('repealedOn', message('importFields.repealedOn'), ['repealed', 'repealed on', 'date repealed']),
    textTarget('summary', message('importFields.summary'), { synonyms: SUMMARY_SYNONYMS }),
    sourceUrlTarget()
  ],
  response: [
    idTarget(['response id']),
    textTarget('title', message('importFields.title'), { required: true, synonyms: TITLE_SYNONYMS }),
    enumTarget(
      'kind',
      message('importFields.kind'),
      { values: RESPONSE_KINDS, labels: RESPONSE_KIND_LABELS, table: 'responseKind', noun: message('importFields.nouns.kind') },
      { required: true, synonyms: ['kind', 'type', 'response type', 'measure'] }
    ),
    organisationNamesTarget('actor', message('importFields.actor'), 'actorId', {
      required: true,
      single: true,
      synonyms: ['actor', 'authority', 'regulator', 'responder', 'agency', 'who responded']
    }),
    dateTarget('datedOn', message('importFields.datedOn'), ['date', 'dated', 'date of decision', 'decision date', 'dated on']),
    textTarget('description', message('importFields.description'), { synonyms: SUMMARY_SYNONYMS }),
    organisationNamesTarget('targetOrganisations', message('importFields.targetOrganisations'), 'targetOrganisationIds', {
      repeatable: true,
      synonyms: ['target', 'targets', 'controller', 'controller processor', 'company', 'organisation', 'organization', 'entity']
    }),
    textTarget('outcome', message('importFields.outcome'), { synonyms: ['outcome', 'result'] }),
    penaltyAmountTarget(),
    penaltyCurrencyTarget(),
    sourceUrlTarget()
  ],
  source: [
    idTarget(['source id']),
    textTarget('title', message('importFields.title'), { required: true, synonyms: ['title', 'headline', 'name'] }),
    textTarget('publisher', message('importFields.publisher'), { synonyms: ['publisher', 'outlet', 'publication', 'source name'] }),
    textTarget('author', message('importFields.author'), { synonyms: ['author', 'authors', 'byline'] }),
    dateTarget('publishedOn', message('importFields.publishedOn'), ['date', 'published', 'published on', 'date published', 'publication date']),
    textTarget('url', message('importFields.url'), { synonyms: ['url', 'link', 'address', 'web address'] }),
    dateTarget('accessedOn', message('importFields.accessedOn'), ['accessed', 'accessed on', 'date accessed', 'retrieved']),
    textTarget('language', message('importFields.language'), { synonyms: ['language', 'lang'] }),
    textTarget('quotedPassage', message('importFields.quotedPassage'), { synonyms: ['quote', 'quoted passage', 'passage', 'excerpt'] })
  ]
}
