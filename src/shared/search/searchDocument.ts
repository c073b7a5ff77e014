import { assertNever } from '../lib/assertNever'
import { incidentKeyDate, type Incident } from '../domain/incident'
import type { Organisation } from '../domain/organisation'
import { provisionLabel } from '../domain/law'
import { earliestDay, latestDay, type PartialDate } from '../domain/partialDate'
import type { Source } from '../domain/source'
import type { RecordType, TypedRecord } from '../domain/recordTypes'

/**
 * A record flattened for the search index: text fields by weight (title and aliases count most),
 * and the values the query language filters and facets on. Built by a pure function, so the index
 * can be rebuilt from the database at any time.
 */
export interface SearchDocument {
  readonly id: string
  readonly type: RecordType
  /** Title or name, with short names and identifiers. */
  readonly title: string
  /** Other names: aliases in any script, native and original-language titles. */
  readonly aliases: string
  /** Summary, description, outcome. */
  readonly body: string
  /** Original-language summaries. */
  readonly original: string
  /** A law's provisions: "Article 41 …". */
  readonly provisions: string
  /** Titles and quoted passages of the sources the record cites. */
  readonly sources: string
  readonly jurisdictionIds: readonly string[]
  readonly organisationIds: readonly string[]
  readonly lawIds: readonly string[]
  /** Incident categories, response kind, law kind, organisation kind. */
  readonly kinds: readonly string[]
  readonly status: string
  readonly tags: readonly string[]
  /** Every year the record's dates touch, for `year:` filters and facets. */
  readonly years: readonly number[]
}

/** All of a document's text in one string, for checking that a phrase's words stand side by side. */
export function searchDocumentText(document: SearchDocument): string {
  return [document.title, document.aliases, document.body, document.original, document.provisions, document.sources].join('\n')
}

/**
 * Everything outside a record that its document includes: the sources it cites, and for a response
 * the jurisdictions it belongs to (its actor's and its incidents'), so `jurisdiction:IN kind:ban`
 * finds India's block of UC Browser.
 */
export interface SearchDocumentContext {
  readonly sourcesById: ReadonlyMap<string, Source>
  readonly organisationsById: ReadonlyMap<string, Organisation>
  readonly incidentsById: ReadonlyMap<string, Incident>
}

const join = (...parts: readonly (string | undefined)[]): string => parts.filter((part) => part !== undefined && part !== '').join('\n')

function yearsOf(...dates: readonly (PartialDate | undefined)[]): number[] {
  const years = new Set<number>()
  for (const date of dates) {
    if (date === undefined) continue
    const first = Number(earliestDay(date).slice(0, 4))
    const last = Number(latestDay(date).slice(0, 4))
    // A range over many years is rare and bounded by its end; cap it so bad data cannot blow up the index.
    for (let year = first; year <= Math.min(last, first + 200); year += 1) years.add(year)
  }
  return [...years].sort((a, b) => a - b)
}

function citedText(citations: readonly { sourceId: string; passage?: string }[], context: SearchDocumentContext): string {
  return join(
    ...citations.flatMap((citation) => {
      const source = context.sourcesById.get(citation.sourceId)
      return [source?.title, citation.passage ?? source?.quotedPassage]
    })
  )
}

/** Projects any record to its search document. */
export function toSearchDocument(typed: TypedRecord, context: SearchDocumentContext): SearchDocument {
  const base = { id: typed.record.id as string, type: typed.type }
  switch (typed.type) {
    case 'incident': {
      const r = typed.record
      return {
        ...base,
        title: r.title,
        aliases: join(r.original?.title),
        body: r.summary,
        original: join(r.original?.summary),
        provisions: '',
        sources: citedText(r.citations, context),
        jurisdictionIds: r.jurisdictionIds,
        organisationIds: r.organisations.map((link) => link.organisationId),
        lawIds: r.implicatedProvisions.map((reference) => reference.lawId),
        kinds: r.categories,
        status: r.status,
        tags: [...r.tags, ...r.dataCategories],
        years: yearsOf(incidentKeyDate(r), r.disclosedOn, r.reportedOn)
      }
    }
    case 'organisation': {
      const r = typed.record
      return {
        ...base,
        title: r.name,
        aliases: join(...r.aliases.map((alias) => alias.name)),
        body: r.description ?? '',
        original: '',
        provisions: '',
        sources: citedText(r.citations, context),
        jurisdictionIds: r.headquartersJurisdictionId ? [r.headquartersJurisdictionId] : [],
        organisationIds: [r.id, ...r.links.map((link) => link.organisationId)],
        lawIds: [],
        kinds: [r.kind],
        status: '',
        tags: [],
        years: []
      }
    }
    case 'jurisdiction': {
      const r = typed.record
      return {
        ...base,
        title: join(r.name, r.code),
        aliases: join(r.nameZh, r.alpha3),
        body: r.notes ?? '',
        original: '',
        provisions: '',
        sources: citedText(r.citations, context),
        jurisdictionIds: [r.id, ...(r.parentId ? [r.parentId] : [])],
        organisationIds: [],
        lawIds: [],
        kinds: [r.kind],
        status: '',
        tags: [],
        years: []
      }
    }
    case 'law': {
      const r = typed.record
      return {
        ...base,
        title: join(r.title, r.shortName, r.identifier),
        aliases: join(r.nativeTitle),
        body: r.summary ?? '',
        original: '',
        provisions: join(...r.provisions.map((p) => join(provisionLabel(p), p.heading, p.summary))),
        sources: citedText(r.citations, context),
        jurisdictionIds: [r.jurisdictionId],
        organisationIds: [],
        lawIds: [r.id, ...r.relations.map((link) => link.lawId)],
        kinds: [r.kind],
        status: r.status,
        tags: [],
        years: yearsOf(r.adoptedOn, r.inForceOn, r.appliesFromOn, r.repealedOn, ...r.amendedOn)
      }
    }
    case 'response': {
      const r = typed.record
      return {
        ...base,
        title: r.title,
        aliases: join(r.original?.title),
        body: join(r.description, r.outcome, r.penalty?.description),
        original: join(r.original?.summary),
        provisions: '',
        sources: citedText(r.citations, context),
        jurisdictionIds: [
          ...new Set([
            ...[context.organisationsById.get(r.actorId)?.headquartersJurisdictionId].filter((id) => id !== undefined),
            ...r.incidentIds.flatMap((id) => context.incidentsById.get(id)?.jurisdictionIds ?? [])
          ])
        ],
        organisationIds: [r.actorId, ...r.targetOrganisationIds],
        lawIds: r.legalBasis.map((reference) => reference.lawId),
        kinds: [r.kind],
        status: r.stage,
        tags: [],
        years: yearsOf(r.datedOn)
      }
    }
    case 'source': {
      const r = typed.record
      return {
        ...base,
        title: r.title,
        aliases: join(r.publisher, r.author),
        body: join(r.quotedPassage, r.url),
        original: '',
        provisions: '',
        sources: '',
        jurisdictionIds: [],
        organisationIds: [],
        lawIds: [],
        kinds: [],
        status: '',
        tags: [],
        years: yearsOf(r.publishedOn)
      }
    }
    default:
      return assertNever(typed)
  }
}
