import { message } from '../locale/message'
import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import { sourceReference, type FootnoteRegistry } from './briefingFootnotes'
import { afterSentence, listed, type BriefingWords } from './briefingText'

/**
 * The sources: every source the covered records cite or the briefing lists, in order of first note
 * (sources cited by no note follow in the order met), each with the notes that cite it.
 */
export function composeSources(coverage: BriefingCoverage, footnotes: FootnoteRegistry, words: BriefingWords): BriefingBlock[] {
  if (coverage.sources.length === 0) {
    return [{ kind: 'paragraph', style: 'note', content: [{ kind: 'text', text: words.translate(message('briefingDocument.sources.none')), emphasis: true }] }]
  }
  const firstNote = (id: string): number => footnotes.notesCiting(id)[0] ?? Number.POSITIVE_INFINITY
  const ordered = coverage.sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => firstNote(a.source.id) - firstNote(b.source.id) || a.index - b.index)
  const items = ordered.map(({ source }): BriefingInline[] => {
    const notes = footnotes.notesCiting(source.id)
    const citedBy = message('briefingDocument.sources.citedBy', { count: notes.length, notes: listed(words, notes.map(String)) })
    const cited: BriefingInline[] = notes.length === 0 ? [] : [{ kind: 'text', text: afterSentence(words, citedBy) }]
    return [...sourceReference(source, words), ...cited]
  })
  return [{ kind: 'list', items }]
}
