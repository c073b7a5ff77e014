import type { Incident } from '@shared/domain/incident'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { Organisation } from '@shared/domain/organisation'
import type { Source } from '@shared/domain/source'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { syntheticDocuments, syntheticWorld } from './syntheticKnowledgeBase'
import { seededRandom } from './seededRandom'

// Whole records (not search documents) for the search index's cold-start benchmark, mixed as real
// catalogues mix them: about half incidents, the rest organisations, sources and responses that
// link to them. The text comes from the search bench's synthetic documents, so queries drawn from
// `syntheticQueries(syntheticWorld(n))` find them. Jurisdiction ids are the built-in ISO codes.

const RESPONSE_KINDS = ['statement', 'apology', 'investigation', 'notice', 'fine'] as const

/** `n` records: incidents, organisations, sources and responses; the same for the same `n`. */
export function syntheticRecords(n: number, at = '2026-12-01T00:00:00.000Z'): TypedRecord[] {
  const incidentCount = Math.round(n * 0.5)
  const organisationCount = Math.max(1, Math.round(n * 0.15))
  const sourceCount = Math.max(1, Math.round(n * 0.2))
  const responseCount = Math.max(0, n - incidentCount - organisationCount - sourceCount)
  const world = syntheticWorld(incidentCount)
  const documents = syntheticDocuments(incidentCount, world)
  const random = seededRandom(n + 13)
  const bookkeeping = { createdAt: at, updatedAt: at, revision: 1 }
  const records: TypedRecord[] = []
  const organisationId = (index: number): string => `organisation-${index % organisationCount}`
  for (let index = 0; index < organisationCount; index += 1) {
    const named = world.organisations[index % world.organisations.length]!
    const organisation = {
      id: organisationId(index),
      name: index < world.organisations.length ? named.name : `${named.name} ${index}`,
      aliases: [],
      kind: 'company',
      headquartersJurisdictionId: random.pick(world.jurisdictions).toUpperCase(),
      description: `${named.name} operates in ${random.pick(world.rareWords)} and ${random.pick(world.rareWords)}.`,
      links: [],
      citations: [],
      ...bookkeeping
    } as unknown as Organisation
    records.push({ type: 'organisation', record: organisation })
  }
  for (let index = 0; index < sourceCount; index += 1) {
    const word = random.pick(world.rareWords)
    const source = {
      id: `source-${index}`,
      title: `${word.charAt(0).toUpperCase()}${word.slice(1)} Times report ${index}`,
      publisher: `${random.pick(world.rareWords)} press`,
      publishedOn: `${2000 + random.int(26)}-0${1 + random.int(9)}-1${random.int(10)}`,
      ...bookkeeping
    } as unknown as Source
    records.push({ type: 'source', record: source })
  }
  documents.forEach((document, index) => {
    const year = document.years[0] ?? 2020
    const incident = {
      id: document.id,
      title: document.title,
      summary: document.body,
      ...(document.original === '' ? {} : { original: { language: 'zh', summary: document.original } }),
      categories: ['breach'],
      dataCategories: [],
      occurredOn: `${year}-0${1 + (index % 9)}`,
      status: 'confirmed',
      tags: [...document.tags],
      jurisdictionIds: document.jurisdictionIds.map((id) => id.toUpperCase()),
      organisations: [{ organisationId: organisationId(Number(document.organisationIds[0]!.split('-')[1])), role: 'operator' }],
      implicatedProvisions: [],
      citations: random.chance(0.6) ? [{ sourceId: `source-${random.int(sourceCount)}` }] : [],
      ...bookkeeping
    } as unknown as Incident
    records.push({ type: 'incident', record: incident })
  })
  for (let index = 0; index < responseCount; index += 1) {
    const incident = documents[random.int(documents.length)]!
    const response = {
      id: `response-${index}`,
      title: `${random.pick(RESPONSE_KINDS)} about ${incident.title.slice(0, 60)}`,
      kind: random.pick(RESPONSE_KINDS),
      actorId: organisationId(random.int(organisationCount)),
      datedOn: `${incident.years[0] ?? 2020}`,
      stage: 'enacted',
      description: `The ${random.pick(world.rareWords)} authority acted on the ${random.pick(world.rareWords)} matter.`,
      targetOrganisationIds: [],
      incidentIds: [incident.id],
      legalBasis: [],
      citations: [],
      ...bookkeeping
    } as unknown as IncidentResponse
    records.push({ type: 'response', record: response })
  }
  return records
}
