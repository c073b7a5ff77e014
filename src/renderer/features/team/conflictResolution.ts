import { recordFromChoices, threeWayFieldDiff, type ConflictField } from '@shared/team/threeWayFieldDiff'
import type { TeamConflict } from '@shared/team/teamProtocol'

/** A person's choice for one differing field: either side as it is, or text they wrote. */
export type FieldChoice = { readonly keep: 'theirs' | 'mine' } | { readonly keep: 'edited'; readonly text: string }

/** The fields of a conflict side by side; only those that differ need a choice. */
export function conflictFields(conflict: TeamConflict): ConflictField[] {
  return threeWayFieldDiff(conflict.base.snapshot, conflict.theirs.snapshot, conflict.mine.snapshot)
}

/** Whether a field can be written by hand: text on either side, and not a link to another record (its value is an id). */
export function isEditableText(field: ConflictField): boolean {
  if (field.field === 'id' || /Ids?$/.test(field.field)) return false
  const isText = (value: unknown): boolean => value === undefined || typeof value === 'string'
  return isText(field.theirs) && isText(field.mine) && (typeof field.theirs === 'string' || typeof field.mine === 'string')
}

/** The differing fields still without a choice, for the message that names them. */
export function unchosenFields(fields: readonly ConflictField[], choices: Readonly<Record<string, FieldChoice | undefined>>): string[] {
  return fields.filter((field) => field.differs && choices[field.field] === undefined).map((field) => field.field)
}

/**
 * The record the person chose, field by field: each differing field from the side chosen (text
 * written by hand replaces it; empty text leaves the field out), every other field as both sides
 * have it. The id is the conflict's record's.
 */
export function resolvedRecord(conflict: TeamConflict, choices: Readonly<Record<string, FieldChoice | undefined>>): object {
  const sides: Record<string, 'theirs' | 'mine'> = {}
  for (const [field, choice] of Object.entries(choices)) {
    if (choice !== undefined && choice.keep !== 'edited') sides[field] = choice.keep
  }
  const record: Record<string, unknown> = { ...recordFromChoices(conflict.theirs.snapshot, conflict.mine.snapshot, sides) }
  for (const [field, choice] of Object.entries(choices)) {
    if (choice?.keep !== 'edited') continue
    if (choice.text.trim() === '') delete record[field]
    else record[field] = choice.text
  }
  record['id'] = conflict.recordId
  return record
}
