import type { Penalty } from '../domain/incidentResponse'
import { formatPartialDate, type PartialDate } from '../domain/partialDate'
import { recordTitle } from '../domain/recordTypes'
import type { RecordSet } from '../interchange/recordSet'
import type { LanguageWords } from '../locale/languageWords'
import { message, type Message } from '../locale/message'
import type { BriefingInline } from './briefingDocument'

/**
 * The words a briefing is written in: its language's messages (src/locales/<language>/briefingDocument.json
 * and the domain's code tables), dates and numbers. The page and the command line make them.
 */
export type BriefingWords = LanguageWords

/**
 * Splits text a person wrote into paragraphs (blank lines between them); single line breaks inside
 * a paragraph are kept as line breaks. Empty text gives no paragraphs.
 */
export function paragraphsOf(text: string): BriefingInline[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) =>
      paragraph.split('\n').flatMap((line, index): BriefingInline[] => {
        const text: BriefingInline = { kind: 'text', text: line.trim() }
        return index === 0 ? [text] : [{ kind: 'line-break' }, text]
      })
    )
}

/** A partial date in words at its precision, in the briefing's language. */
export function dateIn(words: BriefingWords, date: PartialDate): string {
  return formatPartialDate(date, words.dateWords)
}

/** A date in words at its precision, or "date not recorded". */
export function dateText(words: BriefingWords, date: PartialDate | undefined): string {
  return date === undefined ? words.translate(message('briefingDocument.dateNotRecorded')) : dateIn(words, date)
}

/**
 * A sentence with the gap its language leaves before the next one ("… 2018. " in English, "…。"
 * in Chinese): for text that another piece of the paragraph follows.
 */
export function followedBySentence(words: BriefingWords, sentence: string): string {
  return words.translate(message('briefingDocument.sentenceFollowed', { sentence }))
}

/** A sentence with the gap its language leaves after the previous one (" Note 1." / "见注1。"). */
export function afterSentence(words: BriefingWords, sentence: string | Message): string {
  return words.translate(message('briefingDocument.nextSentence', { sentence }))
}

/** The full stop that ends a sentence ("." / "。"). */
export function fullStop(words: BriefingWords): string {
  return words.translate(message('briefingDocument.fullStop'))
}

/** Items joined as the language lists them ("A, B, C" / "A，B，C"). */
export function listed(words: BriefingWords, items: readonly string[]): string {
  return items.reduce((list, item, index) => (index === 0 ? item : words.translate(message('briefingDocument.list', { list, item }))), '')
}

/** The name of a linked record, or its id when the set does not hold it. */
export function nameOf(set: RecordSet, id: string): string {
  const typed = set.get(id)
  return typed === undefined ? id : recordTitle(typed)
}

/**
 * A penalty in words: "CNY 500,000", or "amount not known" when no amount was recorded (an unknown
 * amount is never shown as zero), followed by its description.
 */
export function penaltyText(words: BriefingWords, penalty: Penalty | undefined): string {
  const amount =
    penalty?.amount === undefined
      ? words.translate(message('briefingDocument.penalty.amountNotKnown'))
      : `${penalty.currency === undefined ? '' : `${penalty.currency} `}${penalty.amount.toLocaleString(words.formatLocale, { maximumFractionDigits: 2 })}`
  const description = penalty?.description
  return description === undefined || description === '' ? amount : words.translate(message('briefingDocument.penalty.described', { amount, description }))
}
