import { formatPartialDate, toPartialDate } from '../domain/partialDate'
import type { RecordSet } from '../interchange/recordSet'
import { BRIEFING_SECTION_LABELS, type Briefing, type BriefingSection } from './briefing'
import { composeChronology } from './briefingChronology'
import { coverageOf } from './briefingCoverage'
import { FootnoteRegistry } from './briefingFootnotes'
import { composeLegalBasis } from './briefingLegalBasis'
import { composeResponses } from './briefingResponses'
import { composeSources } from './briefingSources'
import { composeSummary } from './briefingSummary'

/**
 * A briefing laid out once, independent of any file format: what each renderer (DOCX, Markdown,
 * HTML) turns into its own markup. Every string here is plain text — the author's and the records'
 * words, never markup — and each renderer escapes it for its format.
 */

/** A piece of a paragraph. */
export type BriefingInline =
  | { readonly kind: 'text'; readonly text: string; readonly strong?: boolean; readonly emphasis?: boolean }
  /** A web address; renderers make it a link only when it is https: or mailto:, else show it as text. */
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  | { readonly kind: 'footnote-ref'; readonly number: number }
  | { readonly kind: 'line-break' }

export type BriefingBlock =
  /** A heading inside a section (the section's own title is its level-2 heading). */
  | { readonly kind: 'heading'; readonly level: 3 | 4; readonly text: string }
  /** `note` is a remark about the briefing itself (a record no longer found); `continuation` continues the numbered paragraph above. */
  | { readonly kind: 'paragraph'; readonly content: readonly BriefingInline[]; readonly style?: 'note' | 'continuation' }
  | { readonly kind: 'numbered-paragraph'; readonly number: number; readonly content: readonly BriefingInline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly BriefingInline[])[] }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly (readonly BriefingInline[])[])[] }
  /** Where the timeline picture goes when the renderer is given one. */
  | { readonly kind: 'timeline-image' }

export interface BriefingDocumentSection {
  readonly section: BriefingSection
  readonly title: string
  readonly blocks: readonly BriefingBlock[]
}

export interface BriefingFootnote {
  readonly number: number
  readonly content: readonly BriefingInline[]
}

export interface BriefingDocument {
  readonly title: string
  readonly subtitle: string
  /** `YYYY-MM-DD`. */
  readonly asOf: string
  /** "As of 29 November 2026". */
  readonly asOfText: string
  /** Blocks between the title block and the first section (the timeline picture when there is no chronology). */
  readonly preamble: readonly BriefingBlock[]
  readonly sections: readonly BriefingDocumentSection[]
  /** Numbered from 1 in order of first reference; one per cited source and passage. */
  readonly footnotes: readonly BriefingFootnote[]
}

/**
 * Lays out a briefing over the records of `set`: the title block with "As of <date>", then the
 * chosen sections in their fixed order. Records the briefing lists but `set` no longer holds are
 * named in a note rather than dropped silently. Pure: the same briefing and records give the same document.
 */
export function composeBriefingDocument(briefing: Briefing, set: RecordSet): BriefingDocument {
  const coverage = coverageOf(briefing, set)
  const footnotes = new FootnoteRegistry(set)
  const wantsImage = briefing.includeTimelineImage
  const hasChronology = briefing.sections.includes('chronology')
  const sections = briefing.sections.map((section): BriefingDocumentSection => {
    const blocks = ((): BriefingBlock[] => {
      switch (section) {
        case 'summary':
          return composeSummary(briefing, coverage, set, footnotes)
        case 'chronology':
          return [...(wantsImage ? [{ kind: 'timeline-image' } as const] : []), ...composeChronology(coverage, briefing.asOf, footnotes)]
        case 'legal-basis':
          return composeLegalBasis(coverage, set, footnotes)
        case 'responses':
          return composeResponses(coverage, set, footnotes)
        case 'sources':
          return composeSources(coverage, footnotes)
      }
    })()
    return { section, title: BRIEFING_SECTION_LABELS[section], blocks }
  })
  return {
    title: briefing.title,
    subtitle: briefing.subtitle,
    asOf: briefing.asOf,
    asOfText: `As of ${formatPartialDate(toPartialDate(briefing.asOf))}`,
    preamble: wantsImage && !hasChronology ? [{ kind: 'timeline-image' }] : [],
    sections,
    footnotes: footnotes.footnotes()
  }
}
