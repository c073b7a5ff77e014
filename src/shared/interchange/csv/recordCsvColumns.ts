import { RECORD_TYPES, recordTitle, type RecordType } from '../../domain/recordTypes'
import { message, messageInCodes, type Message } from '../../locale/message'
import { ImportInputError } from '../importProblem'
import { parseJsonSafely } from '../parseJsonSafely'
import type { RecordSet } from '../recordSet'
import { joinListCell, splitListCell } from './csvListCell'

/**
 * The columns of Precedent's own CSV export, one table per record type. Every field of a record
 * has a column named by its field path (`occurredOn`, `original.title`, `affectedUsers.count`), so
 * the table re-imports to the same records:
 *
 * - text, dates (EDTF, verbatim: "2015-05" stays "2015-05"), enums and ids: the value as stored;
 *   an absent value is an empty cell (so an optional text that is present but empty reads back as
 *   absent, the one thing a spreadsheet cannot tell apart);
 * - lists of labels, ids or dates: one cell, items joined by `; ` (see `csvListCell.ts`);
 * - links with a role: `org-alipay (operator)`; provision references: `law-pipl#41` or `law-pipl`;
 * - a penalty whose amount is unknown: `penalty.amount` is `unknown` (empty means no penalty);
 * - structures a cell cannot show plainly (aliases, citations, a law's provisions): JSON;
 * - beside each link column, a `… (names)` column with the linked records' names for people to read;
 *   it is written, never read;
 * - `createdAt` and `updatedAt` are written for reference; an import stamps its own bookkeeping.
 *
 * Every import makes line ends `\n` before parsing (decodeImportText), inside cells too, so a CR
 * in stored text comes back as LF; nothing else is changed by a round trip.
 */
export interface RecordCsvColumn {
  readonly header: string
  write(record: RecordFields, set: RecordSet): string
  /** Absent for columns written only for people to read. @throws CsvCellError */
  read?(cell: string, draft: RecordFields): void
}

type RecordFields = Record<string, unknown>

/** A cell that cannot be read; the reader reports it under the cell's column. */
export class CsvCellError extends Error {
  override readonly name = 'CsvCellError'
  constructor(readonly reason: Message) {
    super(messageInCodes(reason))
  }
}

/** A JSON file's problem said of a cell: "The cell is not valid JSON at line 1, column 2 (…)". */
function aboutTheCell(reason: Message): Message {
  switch (reason.key) {
    case 'importProblems.input.notJsonAt':
      return message('importProblems.csv.cellNotJsonAt', reason.values)
    case 'importProblems.input.notJson':
      return message('importProblems.csv.cellNotJson')
    case 'importProblems.input.prototypeKey':
      return message('importProblems.csv.cellPrototypeKey')
    default:
      return reason
  }
}

const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/

function readNumber(cell: string): number {
  if (!NUMBER.test(cell)) throw new CsvCellError(message('importProblems.csv.notANumber', { cell }))
  return Number(cell)
}

function writeOptional(value: unknown): string {
  if (value === undefined) return ''
  return typeof value === 'string' ? value : String(value)
}

/** A text, date, enum or id field. A required field is always read, so an empty cell is reported by the schema. */
function field(name: string, options: { readonly required?: boolean } = {}): RecordCsvColumn {
  return {
    header: name,
    write: (record) => writeOptional(record[name]),
    read: (cell, draft) => {
      if (cell !== '' || options.required === true) draft[name] = cell
    }
  }
}

/** A text field of an optional nested object, such as `original.title`. */
function nestedField(parent: string, child: string): RecordCsvColumn {
  return {
    header: `${parent}.${child}`,
    write: (record) => writeOptional((record[parent] as RecordFields | undefined)?.[child]),
    read: (cell, draft) => {
      if (cell === '') return
      const nested = (draft[parent] ??= {}) as RecordFields
      nested[child] = cell
    }
  }
}

function listField(name: string): RecordCsvColumn {
  return {
    header: name,
    write: (record) => joinListCell(record[name] as readonly string[]),
    read: (cell, draft) => {
      draft[name] = splitListCell(cell)
    }
  }
}

function jsonField(name: string): RecordCsvColumn {
  return {
    header: `${name} (JSON)`,
    write: (record) => {
      const value = record[name] as readonly unknown[]
      return value.length === 0 ? '' : JSON.stringify(value)
    },
    read: (cell, draft) => {
      if (cell === '') return
      try {
        // The same guarded parser as any JSON file (a "__proto__" key is refused); the record schema
        // then builds fresh objects and refuses any key it does not know.
        draft[name] = parseJsonSafely(cell, `${name} (JSON)`)
      } catch (error) {
        if (!(error instanceof ImportInputError)) throw error
        throw new CsvCellError(aboutTheCell(error.problem.message))
      }
    }
  }
}

/** `org-alipay (operator)`: an id with the role of the link in brackets. Ids never contain spaces or brackets. */
function linkListField(name: string, idKey: string, roleKey: string): RecordCsvColumn {
  return {
    header: name,
    write: (record) => joinListCell((record[name] as readonly RecordFields[]).map((link) => `${String(link[idKey])} (${String(link[roleKey])})`)),
    read: (cell, draft) => {
      draft[name] = splitListCell(cell).map((item) => {
        const match = /^(\S+) \(([^()]*)\)$/.exec(item)
        if (match === null) throw new CsvCellError(message('importProblems.csv.notALink', { item }))
        return { [idKey]: match[1], [roleKey]: match[2] }
      })
    }
  }
}

/** `law-pipl#41` for a provision, `law-pipl` for the law as a whole (ids never contain `#`). */
function provisionListField(name: string): RecordCsvColumn {
  return {
    header: name,
    write: (record) =>
      joinListCell(
        (record[name] as readonly { lawId: string; provisionNumber?: string }[]).map((reference) =>
          reference.provisionNumber === undefined ? reference.lawId : `${reference.lawId}#${reference.provisionNumber}`
        )
      ),
    read: (cell, draft) => {
      draft[name] = splitListCell(cell).map((item) => {
        const hash = item.indexOf('#')
        return hash === -1 ? { lawId: item } : { lawId: item.slice(0, hash), provisionNumber: item.slice(hash + 1) }
      })
    }
  }
}

/** The names of linked records, for people to read beside the ids; never read back. */
function namesOf(header: string, ids: (record: RecordFields) => readonly string[]): RecordCsvColumn {
  return {
    header: `${header} (names)`,
    write: (record, set) =>
      joinListCell(
        ids(record).map((id) => {
          const linked = set.get(id)
          // An empty name would split as no item at all; the id says which record is missing.
          return linked === undefined ? `(${id} not exported)` : recordTitle(linked)
        })
      )
  }
}

const idsAt = (name: string) => (record: RecordFields) => record[name] as readonly string[]
const optionalIdAt = (name: string) => (record: RecordFields) => (record[name] === undefined ? [] : [record[name] as string])
const linkIdsAt = (name: string, idKey: string) => (record: RecordFields) => (record[name] as readonly RecordFields[]).map((link) => link[idKey] as string)

const citations: readonly RecordCsvColumn[] = [jsonField('citations'), namesOf('citations', linkIdsAt('citations', 'sourceId'))]

const original: readonly RecordCsvColumn[] = [nestedField('original', 'language'), nestedField('original', 'title'), nestedField('original', 'summary')]

const bookkeeping: readonly RecordCsvColumn[] = [
  { header: 'createdAt', write: (record) => writeOptional(record.createdAt) },
  { header: 'updatedAt', write: (record) => writeOptional(record.updatedAt) }
]

const affectedUsers: readonly RecordCsvColumn[] = [
  {
    header: 'affectedUsers.count',
    write: (record) => writeOptional((record.affectedUsers as RecordFields | undefined)?.count),
    read: (cell, draft) => {
      if (cell === '') return
      const nested = (draft.affectedUsers ??= {}) as RecordFields
      nested.count = readNumber(cell)
    }
  },
  {
    header: 'affectedUsers.isEstimate',
    write: (record) => writeOptional((record.affectedUsers as RecordFields | undefined)?.isEstimate),
    read: (cell, draft) => {
      if (cell === '') return
      if (cell !== 'true' && cell !== 'false') throw new CsvCellError(message('importProblems.csv.notABoolean', { cell }))
      const nested = (draft.affectedUsers ??= {}) as RecordFields
      nested.isEstimate = cell === 'true'
    }
  }
]

/** An empty `penalty.amount` means no penalty; `unknown` means a penalty whose amount is not known. */
const PENALTY_AMOUNT_UNKNOWN = 'unknown'

const penalty: readonly RecordCsvColumn[] = [
  {
    header: 'penalty.amount',
    write: (record) => {
      const value = record.penalty as RecordFields | undefined
      if (value === undefined) return ''
      return value.amount === undefined ? PENALTY_AMOUNT_UNKNOWN : String(value.amount)
    },
    read: (cell, draft) => {
      if (cell === '') return
      const nested = (draft.penalty ??= {}) as RecordFields
      if (cell !== PENALTY_AMOUNT_UNKNOWN) nested.amount = readNumber(cell)
    }
  },
  nestedField('penalty', 'currency'),
  nestedField('penalty', 'description')
]

export const RECORD_CSV_COLUMNS: Readonly<Record<RecordType, readonly RecordCsvColumn[]>> = {
  incident: [
    field('id', { required: true }),
    field('title', { required: true }),
    field('summary'),
    ...original,
    listField('categories'),
    listField('dataCategories'),
    field('occurredOn'),
    field('disclosedOn'),
    field('reportedOn'),
    field('status', { required: true }),
    ...affectedUsers,
    listField('tags'),
    listField('jurisdictionIds'),
    namesOf('jurisdictionIds', idsAt('jurisdictionIds')),
    linkListField('organisations', 'organisationId', 'role'),
    namesOf('organisations', linkIdsAt('organisations', 'organisationId')),
    provisionListField('implicatedProvisions'),
    namesOf('implicatedProvisions', linkIdsAt('implicatedProvisions', 'lawId')),
    ...citations,
    ...bookkeeping
  ],
  organisation: [
    field('id', { required: true }),
    field('name', { required: true }),
    jsonField('aliases'),
    field('kind', { required: true }),
    field('headquartersJurisdictionId'),
    namesOf('headquartersJurisdictionId', optionalIdAt('headquartersJurisdictionId')),
    field('headquartersCity'),
    field('description'),
    linkListField('links', 'organisationId', 'relation'),
    namesOf('links', linkIdsAt('links', 'organisationId')),
    ...citations,
    ...bookkeeping
  ],
  jurisdiction: [
    field('id', { required: true }),
    field('kind', { required: true }),
    field('code', { required: true }),
    field('name', { required: true }),
    field('nameZh'),
    field('alpha3'),
    field('numericCode'),
    field('parentId'),
    namesOf('parentId', optionalIdAt('parentId')),
    field('region'),
    field('notes'),
    ...citations,
    ...bookkeeping
  ],
  law: [
    field('id', { required: true }),
    field('title', { required: true }),
    field('shortName'),
    field('nativeTitle'),
    field('nativeLanguage'),
    field('identifier'),
    field('jurisdictionId', { required: true }),
    namesOf('jurisdictionId', optionalIdAt('jurisdictionId')),
    field('kind', { required: true }),
    field('status', { required: true }),
    field('draftOn'),
    field('adoptedOn'),
    field('inForceOn'),
    field('appliesFromOn'),
    listField('amendedOn'),
    field('repealedOn'),
    field('summary'),
    jsonField('provisions'),
    linkListField('relations', 'lawId', 'relation'),
    namesOf('relations', linkIdsAt('relations', 'lawId')),
    ...citations,
    ...bookkeeping
  ],
  response: [
    field('id', { required: true }),
    field('title', { required: true }),
    field('kind', { required: true }),
    field('actorId', { required: true }),
    namesOf('actorId', optionalIdAt('actorId')),
    field('datedOn'),
    field('stage', { required: true }),
    field('matterEffect'),
    field('description'),
    ...original,
    listField('targetOrganisationIds'),
    namesOf('targetOrganisationIds', idsAt('targetOrganisationIds')),
    listField('incidentIds'),
    namesOf('incidentIds', idsAt('incidentIds')),
    provisionListField('legalBasis'),
    namesOf('legalBasis', linkIdsAt('legalBasis', 'lawId')),
    field('outcome'),
    ...penalty,
    ...citations,
    ...bookkeeping
  ],
  source: [
    field('id', { required: true }),
    field('title', { required: true }),
    field('publisher'),
    field('author'),
    field('publishedOn'),
    field('url'),
    field('accessedOn'),
    field('language'),
    field('quotedPassage'),
    ...bookkeeping
  ]
}

/** The header row of our export of one record type. */
export function recordCsvHeaders(type: RecordType): string[] {
  return RECORD_CSV_COLUMNS[type].map((column) => column.header)
}

/** The record type whose export has exactly these headers, in this order; undefined for any other table. */
export function recogniseRecordCsvExport(headers: readonly string[]): RecordType | undefined {
  return RECORD_TYPES.find((type) => {
    const expected = RECORD_CSV_COLUMNS[type]
    return expected.length === headers.length && expected.every((column, index) => column.header === headers[index])
  })
}
