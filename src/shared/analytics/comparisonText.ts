import type { IncidentResponse, Penalty } from '../domain/incidentResponse'
import { findProvision, type Law, type Provision, type ProvisionUnit } from '../domain/law'
import { formatPartialDate, type PartialDate } from '../domain/partialDate'
import { incidentKeyDate } from '../domain/incident'
import type { LanguageWords } from '../locale/languageWords'
import { message, type Message } from '../locale/message'
import { unlistedCount, type ApplyingLaw, type ComparisonColumnTotals, type JurisdictionColumn } from './jurisdictionComparison'

/*
 * The comparison in words, in the language of `words` (src/locales/<language>/comparisonText.json
 * and the domain's code tables): for the exported picture, and the table's plain-text parts.
 */

/** A law's name as a column shows it: its short name when it has one. */
export function lawName(law: Pick<Law, 'title' | 'shortName'>): string {
  return law.shortName ?? law.title
}

/** Items joined as the language lists them: "A, B" / "A、B". */
function listed(words: LanguageWords, items: readonly string[], key: 'comparisonText.list' | 'comparisonText.reasons' = 'comparisonText.list'): string {
  return items.reduce((list, item, index) => (index === 0 ? item : words.translate(message(key, { list, item }))), '')
}

/** A provision by its unit and number, in the catalogue the law pages use: "Article 41" / "第41条". */
function provisionWords(provision: Pick<Provision, 'unit' | 'number'>): Message {
  const values = { number: provision.number }
  const byUnit: Record<ProvisionUnit, Message> = {
    article: message('laws.provision.article', values),
    section: message('laws.provision.section', values),
    rule: message('laws.provision.rule', values),
    clause: message('laws.provision.clause', values),
    paragraph: message('laws.provision.paragraph', values),
    chapter: message('laws.provision.chapter', values),
    schedule: message('laws.provision.schedule', values)
  }
  return byUnit[provision.unit]
}

/**
 * The provisions a column names, in words: "Article 41, Article 42", "Section 69A", plus "the law as
 * a whole" when a link names no provision. A number the law does not record is shown as it is.
 */
export function applyingProvisionsText(entry: ApplyingLaw, words: LanguageWords): string {
  const provisions = entry.provisionNumbers.map((number) => {
    const provision = findProvision(entry.law, number)
    return words.translate(provision === undefined ? message('comparisonText.provisionNotRecorded', { number }) : provisionWords(provision))
  })
  if (entry.isCitedAsWhole && provisions.length > 0) provisions.push(words.translate(message('comparisonText.lawAsWhole')))
  return listed(words, provisions)
}

const APPLICATION_WORDS = {
  'implicated-by-incident': message('comparisonText.implicatedByIncident'),
  'cited-as-legal-basis': message('comparisonText.citedAsLegalBasis')
} as const

/** Why a law is listed, in words: "implicated by the incident; cited as legal basis". */
export function applicationsText(entry: Pick<ApplyingLaw, 'applications'>, words: LanguageWords): string {
  return listed(
    words,
    entry.applications.map((application) => words.translate(APPLICATION_WORDS[application])),
    'comparisonText.reasons'
  )
}

const dateText = (date: PartialDate | undefined, words: LanguageWords): string =>
  date === undefined ? words.translate(message('comparisonText.undated')) : formatPartialDate(date, words.dateWords)

/** "CNY 1,000,000", "amount unknown", with the description after a colon. */
export function penaltyText(penalty: Penalty, words: LanguageWords): string {
  const amount =
    penalty.amount === undefined
      ? words.translate(message('comparisonText.amountUnknown'))
      : `${penalty.currency ?? ''} ${penalty.amount.toLocaleString(words.formatLocale)}`.trim()
  return words.translate(
    penalty.description === undefined
      ? message('comparisonText.penalty', { amount })
      : message('comparisonText.penaltyDescribed', { amount, description: penalty.description })
  )
}

/** "6 January 2018 · Summons · Cyberspace Administration of China: CAC summons Alipay" — a response on one line. */
export function responseLine(response: IncidentResponse, actorNames: ReadonlyMap<string, string>, words: LanguageWords): string {
  return words.translate(
    message('comparisonText.response', {
      date: dateText(response.datedOn, words),
      kind: message(`domain.responseKind.${response.kind}`),
      actor: actorNames.get(response.actorId) ?? response.actorId,
      title: response.title
    })
  )
}

/** A titled part of a column, as plain text lines. */
export interface ComparisonTextSection {
  readonly heading: string
  readonly lines: readonly string[]
}

/** "… and 3 more incidents": what a list cut short leaves out. */
const MORE_WORDS: Readonly<Record<keyof ComparisonColumnTotals, (count: string) => Message>> = {
  incidents: (count) => message('comparisonText.moreIncidents', { count }),
  applyingLaws: (count) => message('comparisonText.moreLaws', { count }),
  matters: (count) => message('comparisonText.moreMatters', { count }),
  responsesWithoutIncident: (count) => message('comparisonText.moreResponses', { count }),
  outcomes: (count) => message('comparisonText.moreOutcomes', { count }),
  otherLaws: (count) => message('comparisonText.moreLaws', { count })
}

/**
 * A column in words, for pictures and other plain-text uses: incidents, the laws that apply, the
 * responses as a matter (steps with their role, the state reached, proposed measures marked as
 * such), outcomes, and — labelled as not applied — the other laws of the jurisdiction. Empty parts
 * say so rather than disappear.
 */
export function comparisonColumnText(column: JurisdictionColumn, actorNames: ReadonlyMap<string, string>, words: LanguageWords): ComparisonTextSection[] {
  const say = (key: Message): string => words.translate(key)
  const orNone = (lines: string[], none: Message): string[] => (lines.length > 0 ? lines : [say(none)])
  const proposed = (response: IncidentResponse): string => say(message('comparisonText.proposed', { line: responseLine(response, actorNames, words) }))
  const responses = column.matters.flatMap((matter) => [
    ...(column.matters.length > 1 ? [say(message('comparisonText.matter', { title: matter.incident.title }))] : []),
    ...matter.chain.steps.map((step) =>
      say(message('comparisonText.step', { line: responseLine(step.response, actorNames, words), role: message(`domain.matterStepRole.${step.role}`) }))
    ),
    ...matter.chain.proposed.map(proposed),
    say(message('comparisonText.state', { state: message(`domain.matterState.${matter.chain.state}`) }))
  ])
  const more = (list: keyof ComparisonColumnTotals): string[] => {
    const left = unlistedCount(column, list)
    return left === 0 ? [] : [say(MORE_WORDS[list](left.toLocaleString(words.formatLocale)))]
  }
  const joined = (parts: readonly string[]): string =>
    parts.reduce((text, part, index) => (index === 0 ? part : say(message('comparisonText.then', { first: text, second: part }))), '')
  return [
    {
      heading: say(message('comparisonText.incidents')),
      lines: [...column.incidents.map((incident) => `${dateText(incidentKeyDate(incident), words)} · ${incident.title}`), ...more('incidents')]
    },
    {
      heading: say(message('comparisonText.lawsThatApply')),
      lines: orNone(
        column.applyingLaws.map((entry) => {
          const provisions = applyingProvisionsText(entry, words)
          return provisions === '' ? lawName(entry.law) : joined([lawName(entry.law), provisions])
        }),
        message('comparisonText.noneLinked')
      ).concat(more('applyingLaws'))
    },
    { heading: say(message('comparisonText.responsesInOrder')), lines: [...responses, ...more('matters')] },
    ...(column.responsesWithoutIncident.length === 0
      ? []
      : [
          {
            heading: say(message('comparisonText.responsesWithoutIncident')),
            lines: [
              ...column.responsesWithoutIncident.map((response) =>
                response.stage === 'proposed' ? proposed(response) : responseLine(response, actorNames, words)
              ),
              ...more('responsesWithoutIncident')
            ]
          }
        ]),
    {
      heading: say(message('comparisonText.outcomes')),
      lines: orNone(
        column.outcomes.map((entry) =>
          joined(
            [
              `${dateText(entry.response.datedOn, words)} · ${say(message(`domain.responseKind.${entry.response.kind}`))}`,
              entry.outcome,
              entry.penalty && penaltyText(entry.penalty, words)
            ].filter((part): part is string => typeof part === 'string' && part !== '')
          )
        ),
        message('comparisonText.noneRecorded')
      ).concat(more('outcomes'))
    },
    {
      heading: say(message('comparisonText.otherLaws')),
      lines: orNone(column.otherLaws.map(lawName), message('comparisonText.noneRecorded')).concat(more('otherLaws'))
    }
  ]
}

/**
 * Breaks text into lines of at most `width` characters at spaces; a word longer than a line is cut.
 * Chinese and other text without spaces is cut at the width. Used where no text layout engine is
 * at hand (an exported SVG), so widths are counted in characters.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    let rest = word
    while (rest.length > width) {
      if (line !== '') {
        lines.push(line)
        line = ''
      }
      lines.push(rest.slice(0, width))
      rest = rest.slice(width)
    }
    if (line === '') line = rest
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/** A line of a text column placed on a picture. */
export interface PlacedTextLine {
  readonly text: string
  readonly x: number
  readonly y: number
  readonly role: 'column-heading' | 'section-heading' | 'text'
}

/** Sizes for `layOutTextColumns`, in pixels and characters. */
export interface TextColumnsMetrics {
  readonly columnWidth: number
  readonly gap: number
  readonly charactersPerLine: number
  readonly lineHeight: number
}

/**
 * Places columns of titled sections side by side for a picture: each column's heading, then its
 * sections' headings and wrapped lines (continuation lines indented by two characters' worth),
 * top to bottom. The height is that of the tallest column.
 */
export function layOutTextColumns(
  columns: readonly { readonly heading: string; readonly sections: readonly ComparisonTextSection[] }[],
  metrics: TextColumnsMetrics
): { readonly width: number; readonly height: number; readonly lines: readonly PlacedTextLine[] } {
  const lines: PlacedTextLine[] = []
  let height = 0
  columns.forEach((column, index) => {
    const x = index * (metrics.columnWidth + metrics.gap)
    let y = metrics.lineHeight
    lines.push({ text: column.heading, x, y, role: 'column-heading' })
    y += metrics.lineHeight * 1.5
    for (const section of column.sections) {
      lines.push({ text: section.heading, x, y, role: 'section-heading' })
      y += metrics.lineHeight
      for (const line of section.lines) {
        wrapText(line, metrics.charactersPerLine).forEach((part, partIndex) => {
          lines.push({ text: part, x: partIndex === 0 ? x : x + metrics.lineHeight, y, role: 'text' })
          y += metrics.lineHeight
        })
      }
      y += metrics.lineHeight / 2
    }
    height = Math.max(height, y)
  })
  const width = columns.length === 0 ? 0 : columns.length * metrics.columnWidth + (columns.length - 1) * metrics.gap
  return { width, height, lines }
}
