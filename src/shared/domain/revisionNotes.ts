import { message, type Message } from '../locale/message'
import { REVISION_ACTION_LABELS, type RevisionAction } from './recordHistory'
import { RECORD_TYPE_LABELS, type RecordType } from './recordTypes'

/**
 * A note Precedent writes on a change it makes itself (a merge, a restore, a pulled change): in
 * English, as it is stored and as the team's server, backups and older copies of Precedent read it
 * (`text`), and as a message for words in the reader's language (`message`, stored beside it). The
 * two are composed here side by side, so they always say the same. Notes stored before the
 * messages are recognised by their English on the page.
 */
export interface RevisionNote {
  readonly text: string
  readonly message: Message
}

const note = (text: string, noteMessage: Message): RevisionNote => ({ text, message: noteMessage })

// A record type and an action as they read inside a note: "incident", "edited".
const TYPE_WORDS: Readonly<Record<RecordType, Message>> = {
  incident: message('history.noteWords.type.incident'),
  organisation: message('history.noteWords.type.organisation'),
  jurisdiction: message('history.noteWords.type.jurisdiction'),
  law: message('history.noteWords.type.law'),
  response: message('history.noteWords.type.response'),
  source: message('history.noteWords.type.source')
}

const ACTION_WORDS: Readonly<Record<RevisionAction, Message>> = {
  create: message('history.noteWords.action.create'),
  update: message('history.noteWords.action.update'),
  delete: message('history.noteWords.action.delete'),
  restore: message('history.noteWords.action.restore'),
  undo: message('history.noteWords.action.undo'),
  merge: message('history.noteWords.action.merge'),
  unmerge: message('history.noteWords.action.unmerge'),
  import: message('history.noteWords.action.import')
}

const typeText = (type: RecordType): string => RECORD_TYPE_LABELS[type].singular.toLowerCase()

export const REVISION_NOTES = {
  fromTeam: note('From the team', message('history.note.fromTeam')),
  teamConflict: note('Resolved a conflict with the team', message('history.note.teamConflict')),
  teamVersion: note("The team's version", message('history.note.teamVersion')),
  keptTeamVersion: note("Kept the team's version; yours is in the conflicts inbox", message('history.note.keptTeamVersion')),
  fromBackup: note('Restored from a backup', message('history.note.fromBackup')),
  notInBackup: note('Not in the restored backup', message('history.note.notInBackup')),
  restoredVersion: (version: number): RevisionNote => note(`Restored version ${version}`, message('history.note.restoredVersion', { version })),
  undid: (action: RevisionAction, version: number): RevisionNote =>
    note(
      `Undid: ${REVISION_ACTION_LABELS[action].toLowerCase()} (version ${version})`,
      message('history.note.undid', { action: ACTION_WORDS[action], version })
    ),
  linkRemoved: (type: RecordType, id: string): RevisionNote =>
    note(
      `Link to the ${typeText(type)} "${id}" removed because that ${typeText(type)} was deleted`,
      message('history.note.linkRemoved', { type: TYPE_WORDS[type], id })
    ),
  mergedHere: (type: RecordType, title: string, id: string): RevisionNote =>
    note(`Merged ${typeText(type)} "${title}" (${id}) into this record`, message('history.note.mergedHere', { type: TYPE_WORDS[type], title, id })),
  linksMoved: (duplicate: string, survivor: string): RevisionNote =>
    note(`Links to "${duplicate}" now point to "${survivor}", into which it was merged`, message('history.note.linksMoved', { duplicate, survivor })),
  mergedInto: (survivor: string, id: string): RevisionNote =>
    note(`Merged into "${survivor}" (${id}); this id now leads there`, message('history.note.mergedInto', { survivor, id })),
  unmergedThis: (survivor: string): RevisionNote =>
    note(`Restored by undoing its merge into "${survivor}"`, message('history.note.unmergedThis', { survivor })),
  mergeUndone: (duplicate: string, survivor: string): RevisionNote =>
    note(`Undid the merge of "${duplicate}" into "${survivor}"`, message('history.note.mergeUndone', { duplicate, survivor })),
  firstVersion: note('The version first stored, before changes were recorded', message('history.note.firstVersion'))
} as const

const FIXED_NOTES = [
  REVISION_NOTES.fromTeam,
  REVISION_NOTES.teamConflict,
  REVISION_NOTES.teamVersion,
  REVISION_NOTES.keptTeamVersion,
  REVISION_NOTES.fromBackup,
  REVISION_NOTES.notInBackup,
  REVISION_NOTES.firstVersion
]

const TYPES = Object.keys(RECORD_TYPE_LABELS) as RecordType[]
const ACTIONS = Object.keys(REVISION_ACTION_LABELS) as RevisionAction[]
const typeOf = (text: string | undefined): RecordType | undefined => TYPES.find((type) => typeText(type) === text)

/**
 * The message of a note stored in English only: written before notes kept their message, or read
 * back from a backup file or the team's server, which carry the English. The inverse of
 * `REVISION_NOTES`; `undefined` for a note Precedent did not write (shown as it is).
 */
export function readRevisionNote(text: string): Message | undefined {
  const fixed = FIXED_NOTES.find((each) => each.text === text)
  if (fixed !== undefined) return fixed.message
  let match = /^Restored version (\d+)$/.exec(text)
  if (match) return REVISION_NOTES.restoredVersion(Number(match[1])).message
  match = /^Undid: (.+) \(version (\d+)\)$/.exec(text)
  const action = match && ACTIONS.find((code) => REVISION_ACTION_LABELS[code].toLowerCase() === match![1])
  if (match && action) return REVISION_NOTES.undid(action, Number(match[2])).message
  match = /^Link to the (\w+) "(.*)" removed because that (\w+) was deleted$/.exec(text)
  const linked = typeOf(match?.[1])
  if (match && linked && match[3] === match[1]) return REVISION_NOTES.linkRemoved(linked, match[2]!).message
  match = /^Merged (\w+) "(.*)" \(([^()]*)\) into this record$/.exec(text)
  const merged = typeOf(match?.[1])
  if (match && merged) return REVISION_NOTES.mergedHere(merged, match[2]!, match[3]!).message
  match = /^Links to "(.*)" now point to "(.*)", into which it was merged$/.exec(text)
  if (match) return REVISION_NOTES.linksMoved(match[1]!, match[2]!).message
  match = /^Merged into "(.*)" \(([^()]*)\); this id now leads there$/.exec(text)
  if (match) return REVISION_NOTES.mergedInto(match[1]!, match[2]!).message
  match = /^Restored by undoing its merge into "(.*)"$/.exec(text)
  if (match) return REVISION_NOTES.unmergedThis(match[1]!).message
  match = /^Undid the merge of "(.*)" into "(.*)"$/.exec(text)
  if (match) return REVISION_NOTES.mergeUndone(match[1]!, match[2]!).message
  return undefined
}
