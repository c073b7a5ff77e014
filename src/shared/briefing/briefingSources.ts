import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import { sourceReference, type FootnoteRegistry } from './briefingFootnotes'

/**
 * The sources: every source the covered records cite or the briefing lists, in order of first note
 * (sources cited by no note follow in the order met), each with the notes that cite it.
 */
export function composeSources(coverage: BriefingCoverage, footnotes: FootnoteRegistry): BriefingBlock[] {
  if (coverage.sources.length === 0) {
    return [{ kind: 'paragraph', style: 'note', content: [{ kind: 'text', text: 'No source is cited by the records in this briefing.', emphasis: true }] }]
  }
  const firstNote = (id: string): number => footnotes.notesCiting(id)[0] ?? Number.POSITIVE_INFINITY
  const ordered = coverage.sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => firstNote(a.source.id) - firstNote(b.source.id) || a.index - b.index)
  const items = ordered.map(({ source }): BriefingInline[] => {
    const notes = footnotes.notesCiting(source.id)
    const cited: BriefingInline[] = notes.length === 0 ? [] : [{ kind: 'text', text: ` ${notes.length === 1 ? 'Note' : 'Notes'} ${notes.join(', ')}.` }]
    return [...sourceReference(source), ...cited]
  })
  return [{ kind: 'list', items }]
}
