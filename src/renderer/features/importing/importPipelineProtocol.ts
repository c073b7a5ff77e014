import type { ColumnMapping } from '@shared/interchange/csv/columnMapping'
import type { ImportProblem } from '@shared/interchange/importProblem'
import type { Message } from '@shared/locale/message'
import type { ImportFormat } from '@shared/interchange/importReading'
import type { MappedFormat } from '@shared/interchange/importers'
import type { ImportCommitResult } from '@renderer/db'
import type { ImportPlanSummary } from './importPlanSummary'
import type { ChosenFile } from './readImportFileText'

/** A CSV file's columns, as the mapping step shows them. */
export interface CsvFileColumns {
  readonly file: string
  readonly headers: readonly string[]
  /** `mappingSignature(headers)`: the key the chosen mapping is remembered under. */
  readonly signature: string
  /** The first few rows, so the person can see what each column holds. */
  readonly sampleRows: readonly (readonly string[])[]
}

/** The person's choices on the dry run (a plain array, so it crosses to the worker as is). */
export interface ImportChoices {
  readonly updateExisting: boolean
  readonly importAnyway: readonly string[]
}

/** How far the work has got: bytes read, records read and planned, records written. */
export type ImportPipelineProgress =
  | { readonly stage: 'reading'; readonly done: number; readonly total: number }
  | { readonly stage: 'planning'; readonly records: number }
  | { readonly stage: 'writing'; readonly done: number; readonly total: number }

/**
 * Why a request failed, in kinds the page words differently (errors lose their class crossing to the
 * page). `reason` is the failure as a message the page puts into its language (the worker does not
 * know it); `message` is the error's own text, for what has no message.
 */
export type ImportFailure =
  | { readonly kind: 'input'; readonly message: string; readonly problem: ImportProblem }
  | { readonly kind: 'cancelled'; readonly message: string; readonly rolledBack: number }
  /** What is stored moved on since the dry run (a conflict, a record gone, a link to nothing); `isInvalid`: a record no longer valid. */
  | { readonly kind: 'stale'; readonly message: string; readonly reason?: Message; readonly isInvalid?: boolean }
  | { readonly kind: 'storage'; readonly message: string; readonly reason?: Message }
  | { readonly kind: 'other'; readonly message: string }

export interface PlannedImport {
  readonly summary: ImportPlanSummary
  /** The stored records' size as JSON, for the backup's share of the storage estimate. */
  readonly storedBytes: number
}

export type ImportPipelineRequest =
  | { readonly id: number; readonly kind: 'inspect'; readonly files: readonly ChosenFile[] }
  /** The columns of files read through a mapping: a CSV's, or a JSON catalogue's fields by path. */
  | { readonly id: number; readonly kind: 'csv-columns'; readonly files: readonly ChosenFile[]; readonly format: MappedFormat }
  | {
      readonly id: number
      readonly kind: 'check'
      readonly files: readonly ChosenFile[]
      readonly format: ImportFormat
      readonly csvMappings: Readonly<Record<string, ColumnMapping>>
      readonly choices: ImportChoices
      readonly importedAt: string
    }
  | { readonly id: number; readonly kind: 'replan'; readonly choices: ImportChoices }
  | { readonly id: number; readonly kind: 'commit'; readonly author: string; readonly files: readonly string[] }
  /** Stops the running commit between chunks; what was written is rolled back. */
  | { readonly id: number; readonly kind: 'cancel-commit' }

export type ImportPipelineReply =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: ImportPipelineProgress }
  | { readonly id: number; readonly kind: 'inspected'; readonly detectedFormat: ImportFormat | undefined; readonly csvColumns: readonly CsvFileColumns[] }
  | { readonly id: number; readonly kind: 'csv-columns'; readonly csvColumns: readonly CsvFileColumns[] }
  | { readonly id: number; readonly kind: 'planned'; readonly planned: PlannedImport }
  | { readonly id: number; readonly kind: 'committed'; readonly result: ImportCommitResult }
  | { readonly id: number; readonly kind: 'done' }
  | { readonly id: number; readonly kind: 'failed'; readonly failure: ImportFailure }
