import { incidentKeyDate } from '../domain/incident'
import { findProvision, type Law, type Provision, type ProvisionUnit } from '../domain/law'
import { inForceSummaryMessage, lawStatusTimeline, type LawStatusDate } from '../domain/lawStatus'
import type { PartialDate } from '../domain/partialDate'
import type { ProvisionReference } from '../domain/provisionReference'
import type { RecordSet } from '../interchange/recordSet'
import { message, type Message } from '../locale/message'
import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import type { FootnoteRegistry } from './briefingFootnotes'
import { dateIn, dateText, listed, nameOf, paragraphsOf, type BriefingWords } from './briefingText'

/** A reference to the law by a record, at the date that record is placed at. */
interface Reliance {
  readonly reference: ProvisionReference
  readonly by: string
  readonly how: 'implicated' | 'relied-on'
  readonly date: PartialDate | undefined
}

function reliancesOn(law: Law, coverage: BriefingCoverage): Reliance[] {
  return [
    ...coverage.incidents.flatMap((incident) =>
      incident.implicatedProvisions
        .filter((reference) => reference.lawId === law.id)
        .map((reference): Reliance => ({ reference, by: incident.title, how: 'implicated', date: incidentKeyDate(incident) }))
    ),
    ...coverage.responses.flatMap((response) =>
      response.legalBasis
        .filter((reference) => reference.lawId === law.id)
        .map((reference): Reliance => ({ reference, by: response.title, how: 'relied-on', date: response.datedOn }))
    )
  ]
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

/** "Article 41 (Collection and use)", "Section 69A", or "The law as a whole", and the provision whose dates count. */
function partOf(law: Law, provisionNumber: string | undefined, words: BriefingWords): { label: string; provision: Provision | undefined } {
  if (provisionNumber === undefined || provisionNumber === '')
    return { label: words.translate(message('briefingDocument.legalBasis.lawAsWhole')), provision: undefined }
  const provision = findProvision(law, provisionNumber)
  if (provision === undefined)
    return { label: words.translate(message('briefingDocument.legalBasis.provisionNotRecorded', { number: provisionNumber })), provision: undefined }
  const label =
    provision.heading === undefined || provision.heading === ''
      ? words.translate(provisionWords(provision))
      : words.translate(message('briefingDocument.legalBasis.provisionHeading', { provision: provisionWords(provision), heading: provision.heading }))
  return { label, provision }
}

/** One recorded step of a law's life, with its date: "adopted 7 November 2016" / "2016年11月7日通过". */
function lawStep(recorded: LawStatusDate, date: string): Message {
  const values = { date }
  const byStep: Record<LawStatusDate, Message> = {
    'draft-published': message('briefingDocument.legalBasis.step.draftPublished', values),
    draft: message('briefingDocument.legalBasis.step.draft', values),
    adopted: message('briefingDocument.legalBasis.step.adopted', values),
    'in-force': message('briefingDocument.legalBasis.step.inForce', values),
    'applies-from': message('briefingDocument.legalBasis.step.appliesFrom', values),
    amended: message('briefingDocument.legalBasis.step.amended', values),
    repealed: message('briefingDocument.legalBasis.step.repealed', values)
  }
  return byStep[recorded]
}

function lawFacts(law: Law, set: RecordSet, words: BriefingWords): string {
  const facts = [words.translate(message(`domain.lawKind.${law.kind}`)), nameOf(set, law.jurisdictionId)]
  if (law.identifier !== undefined && law.identifier !== '') facts.push(law.identifier)
  const steps = lawStatusTimeline(law).map((period) => words.translate(lawStep(period.recorded, dateIn(words, period.from))))
  const history =
    steps.length === 0
      ? words.translate(message('briefingDocument.legalBasis.historyNotRecorded'))
      : steps.reduce((list, step, index) => (index === 0 ? step : words.translate(message('briefingDocument.legalBasis.steps', { list, step }))), '')
  return words.translate(message('briefingDocument.legalBasis.facts', { facts: listed(words, facts), history }))
}

/**
 * The legal basis: each law the covered records rely on, with its kind, jurisdiction and dates, and
 * every provision implicated with whether it was in force on the date of the incident (or response)
 * that invokes it, in words that admit uncertainty ("Uncertain: … known only to the year 2017").
 */
export function composeLegalBasis(coverage: BriefingCoverage, set: RecordSet, footnotes: FootnoteRegistry, words: BriefingWords): BriefingBlock[] {
  if (coverage.laws.length === 0) {
    return [
      { kind: 'paragraph', style: 'note', content: [{ kind: 'text', text: words.translate(message('briefingDocument.legalBasis.none')), emphasis: true }] }
    ]
  }
  return coverage.laws.flatMap((law): BriefingBlock[] => {
    const title =
      law.nativeTitle === undefined || law.nativeTitle === ''
        ? law.title
        : words.translate(message('briefingDocument.legalBasis.nativeTitle', { title: law.title, native: law.nativeTitle }))
    const blocks: BriefingBlock[] = [{ kind: 'heading', level: 3, text: title }]
    const summary = paragraphsOf(law.summary ?? '')
    blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text: lawFacts(law, set, words) }, ...footnotes.refsFor(law.citations)] })
    for (const content of summary) blocks.push({ kind: 'paragraph', content })
    const items = reliancesOn(law, coverage).map((reliance): BriefingInline[] => {
      const part = partOf(law, reliance.reference.provisionNumber, words)
      const values = { record: reliance.by, date: dateText(words, reliance.date), check: inForceSummaryMessage(law, part.provision, reliance.date) }
      const reliedOn =
        reliance.how === 'implicated' ? message('briefingDocument.legalBasis.implicatedBy', values) : message('briefingDocument.legalBasis.reliedOnBy', values)
      return [
        { kind: 'text', text: words.translate(message('briefingDocument.legalBasis.part', { part: part.label })), strong: true },
        { kind: 'text', text: words.translate(reliedOn) }
      ]
    })
    if (items.length > 0) blocks.push({ kind: 'list', items })
    return blocks
  })
}
