import { afterEach, describe, expect, it } from 'vitest'
import { setLocale, translateMessage } from '@renderer/i18n'
import { REVISION_NOTES } from '@shared/domain/revisionNotes'
import { noteText, revisionNoteText } from '../../../../src/renderer/features/history/revisionText'
import { EVERY_NOTE } from '../../../builders/revisionNotes'

afterEach(() => setLocale('en'))

describe('a change’s note on the page', () => {
  it('reads in English exactly as stored, from its message or from its English', () => {
    for (const note of EVERY_NOTE) {
      expect(translateMessage(note.message)).toBe(note.text)
      expect(noteText(note.text)).toBe(note.text)
    }
  })

  it('is written in Chinese from the message stored with it, or from its English when stored before', () => {
    setLocale('zh-CN')
    const merged = REVISION_NOTES.mergedHere('organisation', 'Ant Financial', 'org-ant')

    expect(revisionNoteText({ note: merged.text, noteMessage: merged.message })).toBe('已将组织“Ant Financial”（org-ant）合并到此记录')
    expect(revisionNoteText({ note: REVISION_NOTES.linkRemoved('law', 'law-1').text })).toBe('已移除指向法律“law-1”的链接，因为该法律已被删除')
    expect(revisionNoteText({ note: REVISION_NOTES.keptTeamVersion.text })).toBe('已保留团队的版本；你的版本在冲突收件箱中')
    expect(revisionNoteText({ note: 'Checked with the regulator' })).toBe('Checked with the regulator')
  })
})
