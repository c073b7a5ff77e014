import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { getDatabase } from '@renderer/db'
import type { TimelineScope } from '@shared/timeline/timelineViewState'
import { useTimelineData } from '../../../../src/renderer/features/timeline/useTimelineData'
import { givenStored } from '../../db/testDatabase'
import { anIncident, anOrganisation, aResponse } from '../../../builders/domain'

const search = vi.hoisted(() => vi.fn())
vi.mock('@renderer/searchIndex', () => ({ searchIndex: { search } }))

const titles = (data: ReturnType<typeof useTimelineData>) => [...new Set(data.content.value.items.map((item) => item.title))]

async function clearDatabase(): Promise<void> {
  const db = getDatabase()
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear()
  })
}

describe('useTimelineData', () => {
  afterEach(clearDatabase)

  it('draws a record as soon as it is stored', async () => {
    const scope = effectScope()
    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: '' })))!
    await vi.waitFor(() => expect(data.isLoading.value).toBe(false))

    await givenStored(getDatabase(), { type: 'incident', record: anIncident({ title: 'Stored later', occurredOn: '2018-01' }) })

    await vi.waitFor(() => expect(titles(data)).toEqual(['Stored later']))
    scope.stop()
  })

  it('keeps only what the search index finds for the query', async () => {
    const kept = anIncident({ title: 'Kept' })
    await givenStored(getDatabase(), { type: 'incident', record: kept }, { type: 'incident', record: anIncident({ title: 'Left out' }) })
    search.mockResolvedValue({ items: [{ id: kept.id }] })
    const scope = effectScope()

    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: 'kept' })))!

    await vi.waitFor(() => expect(titles(data)).toEqual(['Kept']))
    expect(search).toHaveBeenCalledWith('kept', 'full', Number.POSITIVE_INFINITY)
    scope.stop()
  })

  it("shows an organisation's incidents and the responses to them, and names the organisation", async () => {
    const alibaba = anOrganisation({ name: 'Alibaba Group' })
    const alipay = anOrganisation({ name: 'Alipay', links: [{ relation: 'parent', organisationId: alibaba.id }] })
    const incident = anIncident({ title: 'Alipay default', organisations: [{ organisationId: alipay.id, role: 'operator' }] })
    const summons = aResponse({ title: 'Summons', actorId: 'org-cac', incidentIds: [incident.id] })
    await givenStored(
      getDatabase(),
      { type: 'organisation', record: alibaba },
      { type: 'organisation', record: alipay },
      { type: 'incident', record: incident },
      { type: 'response', record: summons },
      { type: 'incident', record: anIncident({ title: 'Unrelated' }) }
    )
    const scope = effectScope()

    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: '', organisationId: alibaba.id })))!

    await vi.waitFor(() => expect(titles(data)).toEqual(['Alipay default', 'Summons']))
    expect(data.subjectName.value).toBe('Alibaba Group')
    scope.stop()
  })

  it("filters by a saved search's query, then by the words typed", async () => {
    await getDatabase().meta.put({ key: 'saved-searches', value: [{ id: 's1', name: 'China', query: 'jurisdiction:CN', createdAt: '2026-01-31T12:00:00.000Z' }] })
    search.mockResolvedValue({ items: [] })
    const scope = effectScope()

    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: 'alipay', savedSearchId: 's1' })))!

    await vi.waitFor(() => expect(data.effectiveQuery.value).toBe('jurisdiction:CN alipay'))
    expect(data.savedSearch.value?.name).toBe('China')
    scope.stop()
  })

  it('says why when the search fails', async () => {
    search.mockRejectedValue(new Error('The search index is unavailable'))
    const scope = effectScope()

    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: 'anything' })))!

    await vi.waitFor(() => expect(data.errorMessage.value).toBe('The search index is unavailable'))
    scope.stop()
  })
})
