import type { Citation } from '../../domain/citation'
import type { Law, LawKind } from '../../domain/law'
import { parseKnownPartialDate, type DatePoint, type PartialDate } from '../../domain/partialDate'
import type { ProvisionReference } from '../../domain/provisionReference'
import type { Source } from '../../domain/source'
import type { RecordSet } from '../recordSet'

/** A CSL date: `date-parts` with only the parts known ([[2018]], [[2018, 1]]), two of them for a range. */
export interface CslDate {
  readonly 'date-parts': readonly (readonly number[])[]
  readonly circa?: true
}

export interface CslName {
  /** Names are kept whole: splitting "Zhang Wei" or "Reuters staff" into family and given would be a guess. */
  readonly literal: string
}

/** One CSL-JSON item (the fields Precedent fills; see citationstyles.org's csl-data.json). */
export interface CslItem {
  readonly id: string
  readonly type: 'document' | 'webpage' | 'legislation' | 'bill' | 'treaty' | 'standard'
  readonly title: string
  readonly 'title-short'?: string
  readonly 'original-title'?: string
  readonly author?: readonly CslName[]
  readonly 'container-title'?: string
  readonly publisher?: string
  readonly issued?: CslDate
  readonly accessed?: CslDate
  readonly URL?: string
  readonly language?: string
  readonly number?: string
  readonly jurisdiction?: string
}

function pointParts(point: DatePoint): number[] {
  return [point.year, ...(point.month === undefined ? [] : [point.month]), ...(point.day === undefined ? [] : [point.day])]
}

/** A partial date as CSL: exactly its known parts, `circa` when approximate; never a made-up day. */
export function cslDateOf(date: PartialDate): CslDate {
  const { start, end } = parseKnownPartialDate(date)
  const parts = end === undefined ? [pointParts(start)] : [pointParts(start), pointParts(end)]
  return start.isApproximate || (end?.isApproximate ?? false) ? { 'date-parts': parts, circa: true } : { 'date-parts': parts }
}

/** CSL's types for laws: a bill, treaty and standard have their own; the rest are legislation. */
const CSL_TYPE_OF_LAW: Record<LawKind, CslItem['type']> = {
  statute: 'legislation',
  regulation: 'legislation',
  rules: 'legislation',
  guidance: 'legislation',
  bill: 'bill',
  treaty: 'treaty',
  standard: 'standard'
}

function withoutUndefined<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as T
}

/**
 * A source. Precedent does not record what kind of publication a source is, so it is a `webpage`
 * when it has an address (its publisher is then the site, `container-title`) and a generic
 * `document` otherwise (its publisher is the `publisher`).
 */
function sourceItem(source: Source): CslItem {
  const isWebpage = source.url !== undefined
  return withoutUndefined({
    id: source.id,
    type: isWebpage ? 'webpage' : 'document',
    title: source.title,
    author: source.author === undefined ? undefined : [{ literal: source.author }],
    'container-title': isWebpage ? source.publisher : undefined,
    publisher: isWebpage ? undefined : source.publisher,
    issued: source.publishedOn === undefined ? undefined : cslDateOf(source.publishedOn),
    accessed: source.accessedOn === undefined ? undefined : cslDateOf(source.accessedOn),
    URL: source.url,
    language: source.language
  })
}

function lawItem(law: Law, jurisdictionName: string): CslItem {
  const issued = law.adoptedOn ?? law.inForceOn ?? law.appliesFromOn
  return withoutUndefined({
    id: law.id,
    type: CSL_TYPE_OF_LAW[law.kind],
    title: law.title,
    'title-short': law.shortName,
    'original-title': law.nativeTitle,
    number: law.identifier,
    jurisdiction: jurisdictionName,
    issued: issued === undefined ? undefined : cslDateOf(issued)
  })
}

/**
 * The bibliography of the chosen records as CSL-JSON (for Zotero, pandoc, citeproc): every chosen
 * source and law, and every source and law the chosen records cite or are linked to, each once, in
 * the order first met. Dates carry only their known parts.
 */
export function exportCslJson(set: RecordSet): CslItem[] {
  const items = new Map<string, CslItem>()
  const addSource = (source: Source) => {
    if (!items.has(source.id)) items.set(source.id, sourceItem(source))
  }
  const addLaw = (law: Law) => {
    if (items.has(law.id)) return
    const jurisdiction = set.get(law.jurisdictionId)
    items.set(law.id, lawItem(law, jurisdiction?.type === 'jurisdiction' ? jurisdiction.record.name : law.jurisdictionId))
    citedBy(law.citations)
  }
  const citedBy = (citations: readonly Citation[]) => {
    for (const citation of citations) {
      const typed = set.get(citation.sourceId)
      if (typed?.type === 'source') addSource(typed.record)
    }
  }
  const lawsOf = (references: readonly ProvisionReference[]) => {
    for (const reference of references) {
      const typed = set.get(reference.lawId)
      if (typed?.type === 'law') addLaw(typed.record)
    }
  }
  for (const typed of set.selected) {
    switch (typed.type) {
      case 'source':
        addSource(typed.record)
        break
      case 'law':
        addLaw(typed.record)
        break
      case 'incident':
        citedBy(typed.record.citations)
        lawsOf(typed.record.implicatedProvisions)
        break
      case 'response':
        citedBy(typed.record.citations)
        lawsOf(typed.record.legalBasis)
        break
      case 'organisation':
      case 'jurisdiction':
        citedBy(typed.record.citations)
        break
    }
  }
  return [...items.values()]
}
