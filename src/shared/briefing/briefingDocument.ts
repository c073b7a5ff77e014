import { toPartialDate } from '../domain/partialDate'
import type { RecordSet } from '../interchange/recordSet'
import { message, type Message } from '../locale/message'
import type { Briefing, BriefingSection } from './briefing'
import { composeChronology } from './briefingChronology'
import { coverageOf } from './briefingCoverage'
import { FootnoteRegistry } from './briefingFootnotes'
import { composeLegalBasis } from './briefingLegalBasis'
import { composeResponses } from './briefingResponses'
import { composeSources } from './briefingSources'
import { composeSummary } from './briefingSummary'
import { dateIn, type BriefingWords } from './briefingText'

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
  /** How a reference to it is read out: "Note 3" / "注3". */
  readonly label: string
  readonly content: readonly BriefingInline[]
}

/** The words a renderer adds around the document's own text, in the document's language. */
export interface BriefingFurniture {
  /** The document's language as a BCP 47 tag: an HTML page's `lang`, a Word document's proofing language. */
  readonly language: string
  /** The `Intl` tag of the language ("en-GB", "zh-CN"). */
  readonly formatLocale: string
  /** The heading of the notes at the end ("Notes" / "注释"). */
  readonly notesHeading: string
  /** The timeline picture's short name, its text alternative where it is printed, its description for assistive technology, and its caption. */
  readonly timelineName: string
  readonly timelineAlt: string
  readonly timelineDescription: string
  readonly timelineCaption: string
  /** Why a timeline picture was left out of the HTML ("The timeline picture was left out: …"): the sanitiser's reason, in words. */
  readonly pictureLeftOut: (reason: Message) => string
}

export interface BriefingDocument {
  readonly title: string
  readonly subtitle: string
  /** `YYYY-MM-DD`. */
  readonly asOf: string
  /** "As of 29 November 2026" / "截至2026年11月29日". */
  readonly asOfText: string
  /** Blocks between the title block and the first section (the timeline picture when there is no chronology). */
  readonly preamble: readonly BriefingBlock[]
  readonly sections: readonly BriefingDocumentSection[]
  /** Numbered from 1 in order of first reference; one per cited source and passage. */
  readonly footnotes: readonly BriefingFootnote[]
  readonly furniture: BriefingFurniture
}

/** A section's title in the document's language (the domain's table of sections). */
function sectionTitle(section: BriefingSection, words: BriefingWords): string {
  const titles: Record<BriefingSection, Message> = {
    summary: message('domain.briefingSection.summary'),
    chronology: message('domain.briefingSection.chronology'),
    'legal-basis': message('domain.briefingSection.legal-basis'),
    responses: message('domain.briefingSection.responses'),
    sources: message('domain.briefingSection.sources')
  }
  return words.translate(titles[section])
}

/** The words around a document's text in the language of `words`. */
export function briefingFurniture(words: BriefingWords): BriefingFurniture {
  return {
    language: words.locale,
    formatLocale: words.formatLocale,
    notesHeading: words.translate(message('briefingDocument.notes.heading')),
    timelineName: words.translate(message('briefingDocument.timeline.name')),
    timelineAlt: words.translate(message('briefingDocument.timeline.alt')),
    timelineDescription: words.translate(message('briefingDocument.timeline.description')),
    timelineCaption: words.translate(message('briefingDocument.timeline.caption')),
    pictureLeftOut: (reason) => words.translate(message('briefingDocument.timeline.leftOut', { reason }))
  }
}

/**
 * Lays out a briefing over the records of `set` in the language of `words`: the title block with
 * "As of <date>", then the chosen sections in their fixed order. Records the briefing lists but
 * `set` no longer holds are named in a note rather than dropped silently. Pure: the same briefing,
 * records and words give the same document.
 */
export function composeBriefingDocument(briefing: Briefing, set: RecordSet, words: BriefingWords): BriefingDocument {
  const coverage = coverageOf(briefing, set)
  const footnotes = new FootnoteRegistry(set, words)
  const wantsImage = briefing.includeTimelineImage
  const hasChronology = briefing.sections.includes('chronology')
  const sections = briefing.sections.map((section): BriefingDocumentSection => {
    const blocks = ((): BriefingBlock[] => {
      switch (section) {
        case 'summary':
          return composeSummary(briefing, coverage, set, footnotes, words)
        case 'chronology':
          return [...(wantsImage ? [{ kind: 'timeline-image' } as const] : []), ...composeChronology(coverage, briefing.asOf, footnotes, words)]
        case 'legal-basis':
          return composeLegalBasis(coverage, set, footnotes, words)
        case 'responses':
          return composeResponses(coverage, set, footnotes, words)
        case 'sources':
          return composeSources(coverage, footnotes, words)
      }
    })()
    return { section, title: sectionTitle(section, words), blocks }
  })
  return {
    title: briefing.title,
    subtitle: briefing.subtitle,
    asOf: briefing.asOf,
    asOfText: words.translate(message('briefingDocument.asOf', { date: dateIn(words, toPartialDate(briefing.asOf)) })),
    preamble: wantsImage && !hasChronology ? [{ kind: 'timeline-image' }] : [],
    sections,
    footnotes: footnotes.footnotes(),
    furniture: briefingFurniture(words)
  }
}
