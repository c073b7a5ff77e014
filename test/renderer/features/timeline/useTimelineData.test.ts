import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { getDatabase } from '@renderer/db'
import type { TimelineScope } from '@shared/timeline/timelineViewState'
import type { TimelineArrangement } from '@shared/timeline/timelineWindow'
import { useTimelineData } from '../../../../src/renderer/features/timeline/useTimelineData'
import { givenStored } from '../../db/testDatabase'
import { anIncident, anOrganisation, aResponse } from '../../../builders/domain'

const search = vi.hoisted(() => vi.fn())
vi.mock('@renderer/searchIndex', () => ({ searchIndex: { search } }))

const arrangement = ref<TimelineArrangement>({ grouping: 'jurisdiction', laneOrder: [] })
/** The titles the chart would draw: one window over every day and every lane. */
async function titles(data: ReturnType<typeof useTimelineData>): Promise<string[]> {
  const source = data.source.value
  if (source === undefined) return []
  const window = await source.window({ scale: { startDay: 0, pxPerDay: 0.01 }, width: 1_000_000, top: 0, height: 1_000_000, collapsedLaneKeys: [] })
  return [...new Set(window.items.map((placed) => placed.item.title))]
}

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
    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: '' }), arrangement))!
    await vi.waitFor(() => expect(data.isLoading.value).toBe(false))

    await givenStored(getDatabase(), { type: 'incident', record: anIncident({ title: 'Stored later', occurredOn: '2018-01' }) })

    await vi.waitFor(async () => expect(await titles(data)).toEqual(['Stored later']))
    scope.stop()
  })

  it('keeps only what the search index finds for the query', async () => {
    const kept = anIncident({ title: 'Kept' })
    await givenStored(getDatabase(), { type: 'incident', record: kept }, { type: 'incident', record: anIncident({ title: 'Left out' }) })
    search.mockResolvedValue({ items: [{ id: kept.id }] })
    const scope = effectScope()

    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: 'kept' }), arrangement))!

    await vi.waitFor(async () => expect(await titles(data)).toEqual(['Kept']))
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

    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: '', organisationId: alibaba.id }), arrangement))!

    await vi.waitFor(async () => expect(await titles(data)).toEqual(['Alipay default', 'Summons']))
    expect(data.subjectName.value).toBe('Alibaba Group')
    scope.stop()
  })

  it("filters by a saved search's query, then by the words typed", async () => {
    await getDatabase().meta.put({
      key: 'saved-searches',
      value: [{ id: 's1', name: 'China', query: 'jurisdiction:CN', createdAt: '2026-01-31T12:00:00.000Z' }]
    })
    search.mockResolvedValue({ items: [] })
    const scope = effectScope()

    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: 'alipay', savedSearchId: 's1' }), arrangement))!

    await vi.waitFor(() => expect(data.effectiveQuery.value).toBe('jurisdiction:CN alipay'))
    expect(data.savedSearch.value?.name).toBe('China')
    scope.stop()
  })

  it('says why when the search fails', async () => {
    search.mockRejectedValue(new Error('The search index is unavailable'))
    const scope = effectScope()

    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: 'anything' }), arrangement))!

    await vi.waitFor(() => expect(data.errorMessage.value).toBe('The search index is unavailable'))
    scope.stop()
  })

  it('gives totals and the records shown, and finds where a record is drawn, without the items', async () => {
    const dated = anIncident({ title: 'Dated', occurredOn: '2018-01' })
    const undated = anIncident({ title: 'Undated', occurredOn: undefined })
    await givenStored(getDatabase(), { type: 'incident', record: dated }, { type: 'incident', record: undated })
    const scope = effectScope()
    const data = scope.run(() => useTimelineData(ref<TimelineScope>({ query: '' }), arrangement))!

    await vi.waitFor(() => expect(data.itemCount.value).toBeGreaterThan(0))

    expect(data.undatedRecordCount.value).toBe(1)
    expect(data.laneCount.value).toBe(1)
    expect([...(await data.recordIds())].sort()).toEqual([dated.id, undated.id].sort())
    expect((await data.locate(dated.id, 1, []))?.item.title).toBe('Dated')
    expect(await data.locate(undated.id, 1, [])).toBeUndefined()
    scope.stop()
  })
})
