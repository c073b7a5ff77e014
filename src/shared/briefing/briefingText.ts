import type { Penalty } from '../domain/incidentResponse'
import { formatPartialDate, type PartialDate } from '../domain/partialDate'
import { recordTitle } from '../domain/recordTypes'
import type { RecordSet } from '../interchange/recordSet'
import type { BriefingInline } from './briefingDocument'

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

/** A date in words at its precision, or "date not recorded". */
export function dateText(date: PartialDate | undefined): string {
  return date === undefined ? 'date not recorded' : formatPartialDate(date)
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
export function penaltyText(penalty: Penalty | undefined): string {
  const amount =
    penalty?.amount === undefined
      ? 'amount not known'
      : `${penalty.currency === undefined ? '' : `${penalty.currency} `}${penalty.amount.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`
  const description = penalty?.description
  return description === undefined || description === '' ? amount : `${amount} (${description})`
}
