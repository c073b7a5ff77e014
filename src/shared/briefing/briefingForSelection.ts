import { compareOptionalPartialDates } from '../domain/partialDate'
import { recordKeyDate } from '../domain/recordTypes'
import type { RecordSet } from '../interchange/recordSet'
import { BRIEFING_SECTIONS, briefingSchema, type Briefing } from './briefing'

export interface SelectionBriefingOptions {
  readonly title: string
  /** `YYYY-MM-DD`. */
  readonly asOf: string
  /** An ISO timestamp for the briefing's bookkeeping. */
  readonly now: string
}

/**
 * The default briefing for "export this selection": every section, and one entry per selected
 * record in date order (undated records last, in the order chosen). Throws a zod error when the
 * title or day is not valid, as any briefing would.
 */
export function briefingForSelection(set: RecordSet, options: SelectionBriefingOptions): Briefing {
  const ordered = set.selected
    .map((typed, index) => ({ typed, index }))
    .sort((a, b) => compareOptionalPartialDates(recordKeyDate(a.typed), recordKeyDate(b.typed)) || a.index - b.index)
  return briefingSchema.parse({
    id: 'selection',
    title: options.title,
    asOf: options.asOf,
    sections: [...BRIEFING_SECTIONS],
    includeTimelineImage: true,
    items: ordered.map(({ typed }) => ({ kind: 'record', recordType: typed.type, recordId: typed.record.id })),
    createdAt: options.now,
    updatedAt: options.now,
    revision: 1
  })
}
