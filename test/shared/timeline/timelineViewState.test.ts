import { describe, expect, it } from 'vitest'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import { readTimelineViewState, writeTimelineViewState, type TimelineViewState } from '@shared/timeline/timelineViewState'

describe('timeline view state in the address', () => {
  it('restores what it wrote: scope, grouping, zoom window, collapsed lanes and lane order', () => {
    const state: TimelineViewState = {
      scope: { query: 'jurisdiction:CN', organisationId: 'org-alibaba' },
      grouping: 'organisation',
      scale: { startDay: dayNumberOf('2017-06-01') + 0.25, pxPerDay: 2.5 },
      collapsedLaneKeys: ['organisation:org-cac'],
      laneOrder: ['organisation:org-alipay', 'organisation:org-cac']
    }

    expect(readTimelineViewState(writeTimelineViewState(state))).toEqual(state)
  })

  it('writes the start as a readable day, with a time only when it falls within a day', () => {
    const query = writeTimelineViewState({
      scope: { query: '' },
      grouping: 'jurisdiction',
      scale: { startDay: dayNumberOf('2018-01-01'), pxPerDay: 10 },
      collapsedLaneKeys: [],
      laneOrder: []
    })

    expect(query).toEqual({ group: 'jurisdiction', from: '2018-01-01', zoom: '10' })
  })

  it('falls back to the defaults for a grouping, start or zoom it cannot read', () => {
    const state = readTimelineViewState({ group: 'colour', from: 'yesterday', zoom: 'big' })

    expect(state).toEqual({ scope: { query: '' }, grouping: 'jurisdiction', collapsedLaneKeys: [], laneOrder: [] })
  })

  it('reads a law, a jurisdiction or a saved search as the scope', () => {
    expect(readTimelineViewState({ law: 'law-cn-pipl', jurisdiction: 'CN', saved: 's1' }).scope).toEqual({
      query: '',
      lawId: 'law-cn-pipl',
      jurisdictionId: 'CN',
      savedSearchId: 's1'
    })
  })
})
