import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { assignLanes } from '@shared/timeline/timelineLanes'
import { packingZoom, packTimeline } from '@shared/timeline/timelineLayout'
import { syntheticTimelineRecords } from '@shared/timeline/timelineBenchmark'
import { SETTLE_MS, useTimelineRows, type TimelineRows } from '../../../../src/renderer/features/timeline/useTimelineRows'

const { lanes } = assignLanes(timelineEvents(syntheticTimelineRecords(3_000), { today: '2026-01-01' }).items, 'jurisdiction')
const options = { labelWidth: () => 120 }
const NONE_COLLAPSED: ReadonlySet<string> = new Set()

function mountRows(startPxPerDay: number) {
  const scale = ref({ startDay: 10_000, pxPerDay: startPxPerDay })
  let rows: TimelineRows | undefined
  const Harness = defineComponent({
    setup() {
      rows = useTimelineRows({ lanes: () => lanes, collapsedLaneKeys: () => NONE_COLLAPSED, scale: () => scale.value, band: () => ({ top: 0, height: 400 }) }, options)
      return () => null
    }
  })
  const wrapper = mount(Harness)
  return { wrapper, scale, rows: rows as TimelineRows }
}

describe('useTimelineRows', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('packs every lane at the view\'s zoom for the first view', () => {
    const { rows } = mountRows(0.1)

    expect(rows.isSettled.value).toBe(true)
    expect(rows.packed.value).toEqual(packTimeline(lanes, packingZoom(0.1), options))
  })

  it('after a zoom across a level, packs the lane on screen at once and the others once the view is still', async () => {
    const { rows, scale } = mountRows(0.1)

    scale.value = { ...scale.value, pxPerDay: 0.4 }
    await nextTick()

    expect(rows.packed.value.lanes[0]?.pxPerDay).toBe(packingZoom(0.4))
    expect(rows.isSettled.value).toBe(false)
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100)
    expect(rows.isSettled.value).toBe(true)
    expect(rows.packed.value).toEqual(packTimeline(lanes, packingZoom(0.4), options))
  })

  it('waits while the view keeps moving, a pan as much as a zoom', async () => {
    const { rows, scale } = mountRows(0.1)
    scale.value = { ...scale.value, pxPerDay: 0.4 }
    await nextTick()

    for (let step = 1; step <= 6; step += 1) {
      await vi.advanceTimersByTimeAsync(SETTLE_MS / 2)
      scale.value = { ...scale.value, startDay: scale.value.startDay + 10 }
      await nextTick()
    }

    expect(rows.isSettled.value).toBe(false)
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100)
    expect(rows.isSettled.value).toBe(true)
  })

  it('stops waiting when unmounted', async () => {
    const { rows, scale, wrapper } = mountRows(0.1)
    scale.value = { ...scale.value, pxPerDay: 0.4 }
    await nextTick()

    wrapper.unmount()
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 100)

    expect(vi.getTimerCount()).toBe(0)
    expect(rows.isSettled.value).toBe(false)
  })
})
