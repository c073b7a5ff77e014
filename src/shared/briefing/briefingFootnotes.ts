import type { Citation } from '../domain/citation'
import { formatPartialDate } from '../domain/partialDate'
import type { Source } from '../domain/source'
import type { RecordSet } from '../interchange/recordSet'
import type { BriefingFootnote, BriefingInline } from './briefingDocument'

/** How a source is named in a note or the source list: publisher, title, date, address. */
export function sourceReference(source: Source): BriefingInline[] {
  const parts: BriefingInline[] = []
  const lead = [source.author, source.publisher].filter((part) => part !== undefined && part !== '').join(', ')
  if (lead !== '') parts.push({ kind: 'text', text: `${lead}, ` })
  parts.push({ kind: 'text', text: `“${source.title}”`, emphasis: true })
  if (source.publishedOn !== undefined) parts.push({ kind: 'text', text: `, ${formatPartialDate(source.publishedOn)}` })
  parts.push({ kind: 'text', text: '.' })
  if (source.url !== undefined) parts.push({ kind: 'text', text: ' ' }, { kind: 'link', text: source.url, url: source.url })
  if (source.accessedOn !== undefined) parts.push({ kind: 'text', text: ` (accessed ${formatPartialDate(source.accessedOn)})` })
  return parts
}

/**
 * Hands out footnote numbers in order of first reference, one per source and quoted passage (and
 * locator, when one is given): citing the same passage twice points at the same note; the same
 * source with another passage gets its own note, so each note shows the words it relies on.
 */
export class FootnoteRegistry {
  private readonly numbers = new Map<string, number>()
  private readonly notes: BriefingFootnote[] = []
  private readonly sourceNotes = new Map<string, number[]>()

  constructor(private readonly set: RecordSet) {}

  /** The footnote references for a statement backed by `citations`, in ascending order, each once. */
  refsFor(citations: readonly Citation[]): BriefingInline[] {
    const numbers = new Set<number>()
    for (const citation of citations) numbers.add(this.numberFor(citation))
    return [...numbers].sort((a, b) => a - b).map((number) => ({ kind: 'footnote-ref', number }))
  }

  /** The note numbers that cite a source, in ascending order. */
  notesCiting(sourceId: string): readonly number[] {
    return this.sourceNotes.get(sourceId) ?? []
  }

  footnotes(): BriefingFootnote[] {
    return [...this.notes]
  }

  private numberFor(citation: Citation): number {
    const key = JSON.stringify([citation.sourceId, citation.passage ?? '', citation.locator ?? ''])
    const known = this.numbers.get(key)
    if (known !== undefined) return known
    const number = this.notes.length + 1
    this.numbers.set(key, number)
    this.notes.push({ number, content: this.noteContent(citation) })
    this.sourceNotes.set(citation.sourceId, [...(this.sourceNotes.get(citation.sourceId) ?? []), number])
    return number
  }

  private noteContent(citation: Citation): BriefingInline[] {
    const typed = this.set.get(citation.sourceId)
    const content: BriefingInline[] =
      typed?.type === 'source' ? sourceReference(typed.record) : [{ kind: 'text', text: `Source ${citation.sourceId} (no longer in the knowledge base).` }]
    if (citation.locator !== undefined && citation.locator !== '') content.push({ kind: 'text', text: ` ${citation.locator}.` })
    if (citation.passage !== undefined && citation.passage !== '') content.push({ kind: 'text', text: ` Passage: “${citation.passage}”` })
    return content
  }
}
