import { describe, expect, it } from 'vitest'
import { readRevisionNote, REVISION_NOTES } from '@shared/domain/revisionNotes'
import { EVERY_NOTE } from '../../builders/revisionNotes'

describe('the notes Precedent writes on its own changes', () => {
  it('keep their English as it always was', () => {
    expect(REVISION_NOTES.undid('update', 3).text).toBe('Undid: edited (version 3)')
    expect(REVISION_NOTES.linkRemoved('organisation', 'org-x').text).toBe('Link to the organisation "org-x" removed because that organisation was deleted')
    expect(REVISION_NOTES.mergedHere('incident', 'Leak', 'inc-2').text).toBe('Merged incident "Leak" (inc-2) into this record')
  })

  it('read back from their English into the same message (notes stored before messages, from a backup file or the team)', () => {
    for (const note of EVERY_NOTE) expect(readRevisionNote(note.text), note.text).toEqual(note.message)
  })

  it('leave a note Precedent did not write unread', () => {
    expect(readRevisionNote('Fixed the date after the call with CAC')).toBeUndefined()
    expect(readRevisionNote('Undid: danced (version 3)')).toBeUndefined()
  })
})
