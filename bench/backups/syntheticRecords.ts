import { incidentSchema } from '@shared/domain/incident'
import { incidentResponseSchema } from '@shared/domain/incidentResponse'
import { organisationSchema } from '@shared/domain/organisation'
import { sourceSchema } from '@shared/domain/source'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { seededRandom } from '../search/seededRandom'
import { syntheticWorld } from '../search/syntheticKnowledgeBase'

const AT = '2026-01-01T00:00:00.000Z'
const bookkeeping = { createdAt: AT, updatedAt: AT, revision: 1 }

/**
 * `n` valid records mixed as imported catalogues mix them (60% incidents, 15% organisations, 15%
 * responses, 10% sources), linked as real ones are: incidents name one or two organisations and
 * cite a source, responses name an actor and the incidents they answer. Every record goes through
 * its schema, so a restore's validation sees exactly what it would see in the app.
 */
export function syntheticRecords(n: number, seed = 5): TypedRecord[] {
  const random = seededRandom(seed + n)
  const world = syntheticWorld(n)
  const words = (count: number): string => Array.from({ length: count }, () => random.pick(world.rareWords)).join(' ')
  const organisationCount = Math.max(1, Math.round(n * 0.15))
  const sourceCount = Math.max(1, Math.round(n * 0.1))
  const responseCount = Math.round(n * 0.15)
  const incidentCount = Math.max(1, n - organisationCount - sourceCount - responseCount)
  const records: TypedRecord[] = []
  for (let index = 0; index < organisationCount; index += 1) {
    const base = world.organisations[index % world.organisations.length]!.name
    records.push({ type: 'organisation', record: organisationSchema.parse({ id: `org-${index}`, name: `${base} ${index}`, kind: 'company', ...bookkeeping }) })
  }
  for (let index = 0; index < sourceCount; index += 1) {
    records.push({
      type: 'source',
      record: sourceSchema.parse({
        id: `src-${index}`,
        title: `Report on ${words(4)}`,
        url: `https://example.org/reports/${index}`,
        publishedOn: `20${10 + random.int(15)}`,
        ...bookkeeping
      })
    })
  }
  for (let index = 0; index < incidentCount; index += 1) {
    const organisations = [{ organisationId: `org-${random.int(organisationCount)}`, role: 'operator' }]
    records.push({
      type: 'incident',
      record: incidentSchema.parse({
        id: `inc-${index}`,
        title: `${words(3)} exposed customer records`,
        summary: `${words(30)}.`,
        status: 'confirmed',
        occurredOn: `20${10 + random.int(15)}-0${1 + random.int(9)}`,
        tags: [random.pick(world.rareWords)],
        organisations,
        citations: [{ sourceId: `src-${random.int(sourceCount)}` }],
        ...bookkeeping
      })
    })
  }
  for (let index = 0; index < responseCount; index += 1) {
    records.push({
      type: 'response',
      record: incidentResponseSchema.parse({
        id: `resp-${index}`,
        title: `Fine for ${words(2)}`,
        kind: 'statement',
        actorId: `org-${random.int(organisationCount)}`,
        incidentIds: [`inc-${random.int(incidentCount)}`],
        datedOn: `20${10 + random.int(15)}-1${random.int(3)}`,
        ...bookkeeping
      })
    })
  }
  return records
}
