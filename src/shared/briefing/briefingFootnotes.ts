import type { Citation } from '../domain/citation'
import type { Source } from '../domain/source'
import type { RecordSet } from '../interchange/recordSet'
import { message } from '../locale/message'
import type { BriefingFootnote, BriefingInline } from './briefingDocument'
import { dateIn, followedBySentence, fullStop, listed, type BriefingWords } from './briefingText'

/** How a source is named in a note or the source list: publisher, title, date, address. */
export function sourceReference(source: Source, words: BriefingWords): BriefingInline[] {
  const parts: BriefingInline[] = []
  const lead = listed(
    words,
    [source.author, source.publisher].filter((part): part is string => part !== undefined && part !== '')
  )
  if (lead !== '') parts.push({ kind: 'text', text: words.translate(message('briefingDocument.source.lead', { lead })) })
  parts.push({ kind: 'text', text: words.translate(message('briefingDocument.source.title', { title: source.title })), emphasis: true })
  if (source.publishedOn !== undefined)
    parts.push({ kind: 'text', text: words.translate(message('briefingDocument.source.published', { date: dateIn(words, source.publishedOn) })) })
  if (source.url === undefined) parts.push({ kind: 'text', text: fullStop(words) })
  else parts.push({ kind: 'text', text: followedBySentence(words, fullStop(words)) }, { kind: 'link', text: source.url, url: source.url })
  if (source.accessedOn !== undefined)
    parts.push({ kind: 'text', text: words.translate(message('briefingDocument.source.accessed', { date: dateIn(words, source.accessedOn) })) })
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

  constructor(
    private readonly set: RecordSet,
    private readonly words: BriefingWords
  ) {}

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
    this.notes.push({ number, label: this.words.translate(message('briefingDocument.notes.note', { number })), content: this.noteContent(citation) })
    this.sourceNotes.set(citation.sourceId, [...(this.sourceNotes.get(citation.sourceId) ?? []), number])
    return number
  }

  private noteContent(citation: Citation): BriefingInline[] {
    const typed = this.set.get(citation.sourceId)
    const words = this.words
    const content: BriefingInline[] =
      typed?.type === 'source'
        ? sourceReference(typed.record, words)
        : [{ kind: 'text', text: words.translate(message('briefingDocument.source.missing', { id: citation.sourceId })) }]
    if (citation.locator !== undefined && citation.locator !== '')
      content.push({ kind: 'text', text: words.translate(message('briefingDocument.source.locator', { locator: citation.locator })) })
    if (citation.passage !== undefined && citation.passage !== '')
      content.push({ kind: 'text', text: words.translate(message('briefingDocument.source.passage', { passage: citation.passage })) })
    return content
  }
}
