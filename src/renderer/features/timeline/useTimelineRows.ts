import { computed, onBeforeUnmount, shallowRef, watch, type ComputedRef } from 'vue'
import type { TimelineLane } from '@shared/timeline/timelineLanes'
import type { TimelineScale } from '@shared/timeline/timelineScale'
import { packingZoom, type PackedTimeline, type TimelineLayoutOptions } from '@shared/timeline/timelineLayout'
import { TimelineRowPacker, type RowBand } from '@shared/timeline/timelineRowPacker'

/** What the chart's rows depend on, read inside a computed (so each is tracked). */
export interface TimelineRowsSource {
  readonly lanes: () => readonly TimelineLane[]
  readonly collapsedLaneKeys: () => ReadonlySet<string>
  readonly scale: () => TimelineScale
  /** The band of lanes on screen: the same one the items are placed in. */
  readonly band: () => RowBand
}

export interface TimelineRows {
  readonly packed: ComputedRef<PackedTimeline>
  /** True once every lane has rows packed at the view's zoom (until the next zoom crosses a level). */
  readonly isSettled: ComputedRef<boolean>
}

/** How long the view must stay still before lanes off screen are packed at its zoom. */
export const SETTLE_MS = 150

interface IdleDeadlineLike {
  timeRemaining(): number
}

// Chromium and Electron have requestIdleCallback; elsewhere a task is the next best thing.
function whenIdle(work: (deadline: IdleDeadlineLike) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work)
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(() => {
    const start = performance.now()
    work({ timeRemaining: () => Math.max(0, 8 - (performance.now() - start)) })
  }, 0)
  return () => clearTimeout(handle)
}

/**
 * The chart's rows: packed by TimelineRowPacker, so a zoom that crosses a packing level packs only
 * the lanes on screen in its frame. Once the view has been still for SETTLE_MS, the lanes drawn with
 * other rows are packed at the view's zoom in idle time (a lane at a time, so a new gesture is not
 * kept waiting), then the rows are swapped in in one update: the same zoom always ends with the
 * same rows, as a bookmark needs.
 */
export function useTimelineRows(source: TimelineRowsSource, options: Omit<TimelineLayoutOptions, 'collapsedLaneKeys'>): TimelineRows {
  let packer = new TimelineRowPacker(options)
  let packerLanes: readonly TimelineLane[] | undefined
  // Bumped when pending lanes have been packed, so the rows are read again.
  const packedPending = shallowRef(0)
  // Changes only when a zoom crosses a level, so a pan does not read the rows again.
  const level = computed(() => packingZoom(source.scale().pxPerDay))

  const rows = computed(() => {
    void packedPending.value
    const lanes = source.lanes()
    // New content: the rows kept for the old lanes can never be asked for again.
    if (lanes !== packerLanes) {
      packer = new TimelineRowPacker(options)
      packerLanes = lanes
    }
    return packer.rowsForView(lanes, level.value, source.band(), source.collapsedLaneKeys())
  })

  let settleTimer: ReturnType<typeof setTimeout> | undefined
  let cancelIdle: (() => void) | undefined
  function stopSettling(): void {
    if (settleTimer !== undefined) clearTimeout(settleTimer)
    settleTimer = undefined
    cancelIdle?.()
    cancelIdle = undefined
  }
  function packPendingWhenIdle(): void {
    cancelIdle = whenIdle((deadline) => {
      cancelIdle = undefined
      const done = packer.packPendingLanes(source.lanes(), level.value, () => deadline.timeRemaining() - 1, source.collapsedLaneKeys())
      if (done) swapInNextFrame()
      else packPendingWhenIdle()
    })
  }
  // The new rows are drawn in an animation frame of their own, not at the end of the idle period
  // the packing has just used up (where the redraw would run into the next frame).
  function swapInNextFrame(): void {
    const handle = requestAnimationFrame(() => {
      cancelIdle = undefined
      packedPending.value += 1
    })
    cancelIdle = () => cancelAnimationFrame(handle)
  }
  // Any change of the view (a pan too) restarts the wait: packing waits for the gesture to end.
  watch(
    [rows, source.scale],
    () => {
      stopSettling()
      if (rows.value.pendingLaneKeys.length === 0) return
      settleTimer = setTimeout(() => {
        settleTimer = undefined
        packPendingWhenIdle()
      }, SETTLE_MS)
    },
    { immediate: true }
  )
  onBeforeUnmount(stopSettling)

  return { packed: computed(() => rows.value.packed), isSettled: computed(() => rows.value.pendingLaneKeys.length === 0) }
}
