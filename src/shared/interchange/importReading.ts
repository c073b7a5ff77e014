import { formatIssuePath } from '../domain/bundle'
import { RECORD_SCHEMAS } from '../domain/recordSchemas'
import { validationProblem } from '../domain/validationProblem'
import { typedRecord, type RecordOfType, type RecordType, type TypedRecord } from '../domain/recordTypes'
import type { ImportLocation, ImportProblem } from './importProblem'

/** The formats the app and the command line import. */
export const IMPORT_FORMATS = ['bundle', 'csv', 'json', 'veris', 'aiid', 'cms', 'hibp', 'stix', 'law-text'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  bundle: 'Precedent bundle (JSON)',
  csv: 'CSV or TSV spreadsheet',
  json: 'JSON records (an array of objects, or NDJSON)',
  veris: 'VERIS JSON (e.g. VCDB)',
  aiid: 'AI Incident Database snapshot (CSV)',
  cms: 'CMS GDPR Enforcement Tracker (JSON)',
  hibp: 'Have I Been Pwned breach list (JSON)',
  stix: 'STIX 2.1 bundle (JSON)',
  'law-text': 'Law with its articles (structured JSON, e.g. GDPRtEXT)'
}

/** A valid record read from a file, with where it came from. */
export interface ImportCandidate {
  readonly typed: TypedRecord
  readonly origin: ImportLocation
}

/**
 * What an importer made of one file (or one set of files): records that passed every schema, rows
 * it refused and why, and notices about rows it imported but changed or doubts (a mojibake repair,
 * a date on the 1st of a month that may mean the month). Importers never touch storage; planning
 * and writing happen afterwards, so the same reading serves the app's dry run and the CLI.
 */
export interface ImportReading {
  readonly format: ImportFormat
  readonly candidates: readonly ImportCandidate[]
  readonly rejected: readonly ImportProblem[]
  readonly notices: readonly ImportProblem[]
}

/** What every importer is told: the file name for messages, and the time to stamp records with. */
export interface ImportContext {
  readonly file: string
  /**
   * Bookkeeping time for new records. Importers must make everything else a pure function of the
   * file (ids included), so that importing the same file twice plans no changes.
   */
  readonly importedAt: string
  /** Jurisdiction ids that exist (the built-in ISO list), so an importer can refuse unknown codes by name. */
  readonly jurisdictionIds: ReadonlySet<string>
}

/** Input for a record before validation: everything but bookkeeping, which is added here. */
export type RecordDraft<T extends RecordType> = Omit<RecordOfType[T], 'createdAt' | 'updatedAt' | 'revision'>

export type CandidateResult = { readonly ok: true; readonly candidate: ImportCandidate } | { readonly ok: false; readonly problems: readonly ImportProblem[] }

/**
 * Validates a draft through the record type's schema (every field, RELIABILITY-SECURITY 34). A
 * problem names the field in the record's terms (`occurredOn`, `organisations[0].role`); pass
 * `fieldNames` to report it under the source column instead (`date` for `occurredOn`).
 */
export function candidateFromDraft<T extends RecordType>(
  type: T,
  draft: RecordDraft<T> | Record<string, unknown>,
  origin: ImportLocation,
  context: Pick<ImportContext, 'importedAt'>,
  fieldNames: Readonly<Record<string, string>> = {}
): CandidateResult {
  const parsed = RECORD_SCHEMAS[type].safeParse({ ...draft, createdAt: context.importedAt, updatedAt: context.importedAt, revision: 1 })
  if (parsed.success) return { ok: true, candidate: { typed: typedRecord(type, parsed.data as RecordOfType[T]), origin } }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const path = formatIssuePath(issue.path)
      const top = String(issue.path[0] ?? '')
      return { ...origin, field: fieldNames[top] ?? (path === '' ? origin.field : path), message: validationProblem(issue) }
    })
  }
}
