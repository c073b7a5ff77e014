import type { Citation } from '../domain/citation'
import { incidentKeyDate } from '../domain/incident'
import { recordKeyDate, recordTitle, type TypedRecord } from '../domain/recordTypes'
import type { RecordSet } from '../interchange/recordSet'
import { message } from '../locale/message'
import type { Briefing } from './briefing'
import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import type { FootnoteRegistry } from './briefingFootnotes'
import { dateText, followedBySentence, fullStop, nameOf, paragraphsOf, type BriefingWords } from './briefingText'

/** The words that summarise a record, by type: an incident's summary, a response's description, a law's summary. */
function summaryTextOf(typed: TypedRecord): string {
  switch (typed.type) {
    case 'incident':
      return typed.record.summary
    case 'response':
      return [typed.record.description, typed.record.outcome].filter((text) => text !== undefined && text !== '').join('\n\n')
    case 'law':
      return typed.record.summary ?? ''
    case 'organisation':
      return typed.record.description ?? ''
    case 'jurisdiction':
      return typed.record.notes ?? ''
    case 'source':
      return typed.record.quotedPassage === undefined ? '' : `“${typed.record.quotedPassage}”`
  }
}

/** What follows the title in bold, to the end of the sentence: when, and for a response who acted. */
function leadOf(typed: TypedRecord, set: RecordSet, words: BriefingWords): string {
  switch (typed.type) {
    case 'incident':
      return words.translate(message('briefingDocument.summary.dated', { date: dateText(words, incidentKeyDate(typed.record)) }))
    case 'response':
      return words.translate(
        message('briefingDocument.summary.response', {
          kind: message(`domain.responseKind.${typed.record.kind}`),
          actor: nameOf(set, typed.record.actorId),
          date: dateText(words, typed.record.datedOn)
        })
      )
    default: {
      const date = recordKeyDate(typed)
      return date === undefined ? fullStop(words) : words.translate(message('briefingDocument.summary.dated', { date: dateText(words, date) }))
    }
  }
}

function citationsOf(typed: TypedRecord): readonly Citation[] {
  return typed.type === 'source' ? [] : typed.record.citations
}

/**
 * The summary: the briefing's entries in its order — one numbered paragraph per record (title,
 * date, summary, notes for its sources), the author's headings and commentary in between.
 * Numbering runs on through headings, as in a submission, so "paragraph 4" is unambiguous.
 */
export function composeSummary(
  briefing: Briefing,
  coverage: BriefingCoverage,
  set: RecordSet,
  footnotes: FootnoteRegistry,
  words: BriefingWords
): BriefingBlock[] {
  const blocks: BriefingBlock[] = []
  let number = 0
  for (const item of briefing.items) {
    switch (item.kind) {
      case 'heading':
        blocks.push({ kind: 'heading', level: 3, text: item.text })
        break
      case 'commentary':
        for (const content of paragraphsOf(item.text)) blocks.push({ kind: 'paragraph', content })
        break
      case 'record': {
        const typed = coverage.listed.find((candidate) => candidate.record.id === item.recordId && candidate.type === item.recordType)
        if (typed === undefined) {
          blocks.push({
            kind: 'paragraph',
            style: 'note',
            content: [
              {
                kind: 'text',
                text: words.translate(
                  message('briefingDocument.summary.missingRecord', { type: message(`domain.recordType.${item.recordType}.singular`), id: item.recordId })
                ),
                emphasis: true
              }
            ]
          })
          break
        }
        number += 1
        const paragraphs = paragraphsOf(summaryTextOf(typed))
        const refs = footnotes.refsFor(citationsOf(typed))
        const [first = [], ...rest] = paragraphs
        const lead = leadOf(typed, set, words)
        const firstContent: BriefingInline[] = [
          { kind: 'text', text: recordTitle(typed), strong: true },
          { kind: 'text', text: first.length > 0 ? followedBySentence(words, lead) : lead },
          ...first
        ]
        if (rest.length === 0) {
          blocks.push({ kind: 'numbered-paragraph', number, content: [...firstContent, ...refs] })
          break
        }
        blocks.push({ kind: 'numbered-paragraph', number, content: firstContent })
        rest.forEach((content, index) => {
          blocks.push({ kind: 'paragraph', style: 'continuation', content: index === rest.length - 1 ? [...content, ...refs] : content })
        })
        break
      }
    }
  }
  if (number === 0 && blocks.length === 0) {
    blocks.push({
      kind: 'paragraph',
      style: 'note',
      content: [{ kind: 'text', text: words.translate(message('briefingDocument.summary.noRecords')), emphasis: true }]
    })
  }
  return blocks
}
