import type { FieldChange } from '@shared/domain/recordHistory'
import type { RecordType } from '@shared/domain/recordTypes'
import type { DuplicateMatch, ImportCounts, ImportPlan } from '@shared/interchange/importPlan'
import type { ImportProblem } from '@shared/interchange/importProblem'
import type { ImportFormat } from '@shared/interchange/importReading'

/** Rows of each list the dry run shows; the rest are counted. Long reports stay usable and small. */
export const SHOWN_ROWS = 200

/** A list cut to its first `SHOWN_ROWS` items, with how many there are in all. */
export interface ShownList<T> {
  readonly items: readonly T[]
  readonly total: number
}

export interface RejectionRow extends ImportProblem {
  readonly title?: string
}

export interface UpdateRow {
  readonly id: string
  readonly title: string
  readonly fields: readonly FieldChange['field'][]
}

export interface DuplicateRow {
  readonly id: string
  readonly title: string
  readonly willWrite: boolean
  readonly duplicateOf: Pick<DuplicateMatch, 'title' | 'reasons'>
}

/**
 * What the dry run shows of a plan: counts, the choices made, and the first rows of each list.
 * The plan itself (every record as it would be written) stays in the import worker; only this,
 * a few hundred kilobytes at most, crosses to the page, so the page's heap stays small however
 * large the file.
 */
export interface ImportPlanSummary {
  readonly format: ImportFormat
  readonly counts: ImportCounts
  readonly countsByType: Readonly<Record<RecordType, ImportCounts>>
  /** Records the commit writes (the "Import N records" button). */
  readonly writeCount: number
  /** Rows the reader refused before they became records. */
  readonly unreadRows: number
  readonly updateExisting: boolean
  readonly skippedUpdates: number
  readonly updates: ShownList<UpdateRow>
  readonly flaggedIncidents: ShownList<DuplicateRow>
  readonly mergedOrganisations: ShownList<DuplicateRow>
  readonly rejections: ShownList<RejectionRow>
  readonly notices: ShownList<ImportProblem>
  /** The planned records' size as JSON, for the storage estimate before writing. */
  readonly recordBytes: number
}

function shown<T>(items: readonly T[]): ShownList<T> {
  return { items: items.slice(0, SHOWN_ROWS), total: items.length }
}

/** Sums up a plan for the dry-run report (one pass over its entries). */
export function summariseImportPlan(plan: ImportPlan): ImportPlanSummary {
  let unreadRows = 0
  let skippedUpdates = 0
  const updates: UpdateRow[] = []
  const flaggedIncidents: DuplicateRow[] = []
  const mergedOrganisations: DuplicateRow[] = []
  const rejections: RejectionRow[] = []
  let rejectionTotal = 0
  for (const entry of plan.entries) {
    if (entry.type === undefined) unreadRows += 1
    if (entry.action === 'rejected') {
      for (const problem of entry.problems ?? []) {
        rejectionTotal += 1
        if (rejections.length < SHOWN_ROWS) rejections.push({ ...problem, ...(entry.title === undefined ? {} : { title: entry.title }) })
      }
    } else if (entry.action === 'update') {
      if (!entry.willWrite) skippedUpdates += 1
      updates.push({ id: entry.id ?? '', title: entry.title ?? '', fields: (entry.changes ?? []).map((change) => change.field) })
    } else if (entry.action === 'duplicate' && entry.duplicateOf !== undefined && entry.id !== entry.duplicateOf.id) {
      const row: DuplicateRow = {
        id: entry.id ?? '',
        title: entry.title ?? '',
        willWrite: entry.willWrite,
        duplicateOf: { title: entry.duplicateOf.title, reasons: entry.duplicateOf.reasons }
      }
      if (entry.type === 'incident') flaggedIncidents.push(row)
      else if (entry.type === 'organisation') mergedOrganisations.push(row)
    }
  }
  let recordBytes = 0
  for (const write of plan.writes) recordBytes += JSON.stringify(write.typed.record).length
  return {
    format: plan.format,
    counts: plan.counts,
    countsByType: plan.countsByType,
    writeCount: plan.writes.length,
    unreadRows,
    updateExisting: plan.options.updateExisting,
    skippedUpdates,
    updates: shown(updates),
    flaggedIncidents: shown(flaggedIncidents),
    mergedOrganisations: shown(mergedOrganisations),
    rejections: { items: rejections, total: rejectionTotal },
    notices: shown(plan.notices),
    recordBytes
  }
}
