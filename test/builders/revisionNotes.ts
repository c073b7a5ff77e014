import { REVISION_ACTIONS } from '@shared/domain/recordHistory'
import { RECORD_TYPES } from '@shared/domain/recordTypes'
import { REVISION_NOTES, type RevisionNote } from '@shared/domain/revisionNotes'

/** Every note Precedent writes, with awkward titles (quotes, brackets, colons). */
export const EVERY_NOTE: readonly RevisionNote[] = [
  REVISION_NOTES.fromTeam,
  REVISION_NOTES.teamConflict,
  REVISION_NOTES.teamVersion,
  REVISION_NOTES.keptTeamVersion,
  REVISION_NOTES.fromBackup,
  REVISION_NOTES.notInBackup,
  REVISION_NOTES.firstVersion,
  REVISION_NOTES.restoredVersion(12),
  ...REVISION_ACTIONS.map((action) => REVISION_NOTES.undid(action, 3)),
  ...RECORD_TYPES.map((type) => REVISION_NOTES.linkRemoved(type, `${type}-1`)),
  ...RECORD_TYPES.map((type) => REVISION_NOTES.mergedHere(type, 'Alipay "annual" bill (2018): opt-in', 'inc-2')),
  REVISION_NOTES.linksMoved('Ant Financial', 'Ant Group (蚂蚁集团)'),
  REVISION_NOTES.mergedInto('Ant Group', 'org-ant'),
  REVISION_NOTES.unmergedThis('Ant Group'),
  REVISION_NOTES.mergeUndone('Ant Financial', 'Ant Group')
]
