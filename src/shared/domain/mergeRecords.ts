import type { Citation } from './citation'
import { normaliseOrganisationName } from './duplicates'
import type { Incident } from './incident'
import type { Organisation, OrganisationAlias } from './organisation'
import type { ProvisionReference } from './provisionReference'
import { foldForMatching } from './textFolding'

/** The items of `lists` in order, each kept once by `keyOf` (the first occurrence wins). */
function unionBy<T>(keyOf: (item: T) => string, ...lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>()
  const union: T[] = []
  for (const item of lists.flat()) {
    const key = keyOf(item)
    if (seen.has(key)) continue
    seen.add(key)
    union.push(item)
  }
  return union
}

const citationKey = (citation: Citation) => JSON.stringify([citation.sourceId, citation.passage ?? '', citation.locator ?? ''])
const provisionKey = (reference: ProvisionReference) => JSON.stringify([reference.lawId, reference.provisionNumber ?? ''])

/** Citations of both records, an identical citation (same source, passage and locator) kept once. */
function mergeCitations(survivor: readonly Citation[], duplicate: readonly Citation[]): Citation[] {
  return unionBy(citationKey, survivor, duplicate)
}

/**
 * The organisation that results from merging `duplicate` into `survivor`. The survivor keeps its
 * id, name, kind and bookkeeping; the duplicate's name becomes an alias unless it is the survivor's
 * name after normalising ("ALIPAY Co., Ltd." adds nothing to "Alipay"); aliases, links and
 * citations are united (an alias equal to the name or to another alias once folded is kept once);
 * links between the two are dropped, since they would now be links to itself; a field the survivor
 * lacks (headquarters, city, description) is taken from the duplicate.
 */
export function mergeOrganisations(survivor: Organisation, duplicate: Organisation): Organisation {
  const survivorName = normaliseOrganisationName(survivor.name)
  const duplicateName: OrganisationAlias[] = normaliseOrganisationName(duplicate.name) === survivorName ? [] : [{ name: duplicate.name }]
  const aliases = unionBy(
    (alias: OrganisationAlias) => foldForMatching(alias.name),
    [{ name: survivor.name }],
    survivor.aliases,
    duplicateName,
    duplicate.aliases
  ).slice(1)
  const isBetweenTheTwo = (id: string) => id === survivor.id || id === duplicate.id
  return withoutUndefined({
    ...survivor,
    aliases,
    headquartersJurisdictionId: survivor.headquartersJurisdictionId ?? duplicate.headquartersJurisdictionId,
    headquartersCity: survivor.headquartersCity ?? duplicate.headquartersCity,
    description: survivor.description ?? duplicate.description,
    links: unionBy(
      (link) => `${link.relation}|${link.organisationId}`,
      survivor.links.filter((link) => !isBetweenTheTwo(link.organisationId)),
      duplicate.links.filter((link) => !isBetweenTheTwo(link.organisationId))
    ),
    citations: mergeCitations(survivor.citations, duplicate.citations)
  })
}

/** Removes keys whose value is `undefined`, so a merged record has no keys its schema would not write. */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T
}

/**
 * The incident that results from merging `duplicate` into `survivor`. The survivor keeps its id,
 * title, summary, status and bookkeeping; organisations (by organisation and role), jurisdictions,
 * implicated provisions, citations, categories, data categories and tags are united; a date,
 * original-language text, affected-user count or summary the survivor lacks comes from the duplicate.
 */
export function mergeIncidents(survivor: Incident, duplicate: Incident): Incident {
  const byValue = (value: string) => value
  return withoutUndefined({
    ...survivor,
    summary: survivor.summary !== '' ? survivor.summary : duplicate.summary,
    original: survivor.original ?? duplicate.original,
    occurredOn: survivor.occurredOn ?? duplicate.occurredOn,
    disclosedOn: survivor.disclosedOn ?? duplicate.disclosedOn,
    reportedOn: survivor.reportedOn ?? duplicate.reportedOn,
    affectedUsers: survivor.affectedUsers ?? duplicate.affectedUsers,
    categories: unionBy(byValue, survivor.categories, duplicate.categories),
    dataCategories: unionBy(foldForMatching, survivor.dataCategories, duplicate.dataCategories),
    tags: unionBy(foldForMatching, survivor.tags, duplicate.tags),
    jurisdictionIds: unionBy(byValue, survivor.jurisdictionIds, duplicate.jurisdictionIds),
    organisations: unionBy((link) => `${link.organisationId}|${link.role}`, survivor.organisations, duplicate.organisations),
    implicatedProvisions: unionBy(provisionKey, survivor.implicatedProvisions, duplicate.implicatedProvisions),
    citations: mergeCitations(survivor.citations, duplicate.citations)
  })
}

/** Redirecting links after a merge is read from the link table. */
export { redirectReferences } from './linkFields'
