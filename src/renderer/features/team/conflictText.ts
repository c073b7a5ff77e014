import { domainLabel, i18n } from '@renderer/i18n'
import { recordTitle, type TypedRecord } from '@shared/domain/recordTypes'
import type { TeamConflict } from '@shared/team/teamProtocol'

/** The conflicted record's name, from whichever side still has it; its id when neither names it. */
export function conflictTitle(conflict: TeamConflict): string {
  const snapshot = conflict.mine.snapshot ?? conflict.theirs.snapshot ?? conflict.base.snapshot
  if (snapshot === undefined) return conflict.recordId
  try {
    const title = recordTitle({ type: conflict.recordType, record: snapshot } as unknown as TypedRecord)
    return typeof title === 'string' && title.trim() !== '' ? title : conflict.recordId
  } catch {
    return conflict.recordId
  }
}

export function conflictTypeLabel(conflict: TeamConflict): string {
  return domainLabel('recordType', `${conflict.recordType}.singular`)
}

/** The team's side: who made it (the server names the author of its current version). */
export function theirAuthor(conflict: TeamConflict): string {
  return conflict.theirs.author ?? i18n.global.t('team.conflict.anotherAnalyst')
}

/** Which side deleted the record, when one did: a delete against an edit. */
export function deletedSide(conflict: TeamConflict): 'theirs' | 'mine' | undefined {
  if (conflict.theirs.snapshot === undefined && conflict.mine.snapshot !== undefined) return 'theirs'
  if (conflict.mine.snapshot === undefined && conflict.theirs.snapshot !== undefined) return 'mine'
  return undefined
}
