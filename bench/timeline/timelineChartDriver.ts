import { createApp, defineComponent, h, ref, shallowRef } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { RECORD_TYPES } from '@shared/domain/recordTypes'
import { packingZoom } from '@shared/timeline/timelineLayout'
import { panBy, zoomAbout, type TimelineScale } from '@shared/timeline/timelineScale'
import type { TimelineWindowSource } from '@shared/timeline/timelineWindow'
import TimelineChart from '@renderer/features/timelineChart/TimelineChart.vue'
import { percentile } from '../benchContract'

/** What TimelineChart is given: where its windows come from (the app's views worker; here a layout in this page), a scale. */
export interface ChartInput {
  readonly source: TimelineWindowSource
  readonly scale: TimelineScale
  readonly todayDay: number
}

export interface FrameTimes {
  readonly p50: number
  readonly p95: number
  readonly panP95: number
  readonly zoomP95: number
  /** Zoom steps that crossed a packing level (TimelineChart re-packs every lane's rows), and their median frame. */
  readonly repacks: { readonly count: number; readonly p50: number }
  /** Fewest and most items drawn after a step (a check that the chart drew something, and how much). */
  readonly drawnItems: { readonly min: number; readonly max: number }
  /** p95 of the part of a frame spent in script (the state change and Vue's update), before style, layout and paint. */
  readonly scriptP95: number
  /**
   * After the last step, while the chart packs the rows it put off (lanes off screen) and swaps
   * them in: how long until the rows were exact, and the longest gap between animation frames
   * meanwhile (what a user would see as a stall then; about 16.7 ms when nothing blocks).
   */
  readonly settle: { readonly ms: number; readonly longestFrameGapMs: number }
}

// The main window is 1,280 × 820 (src/main/mainWindow.ts; bench/run.mjs opens the page at that
// size); TimelineView gives the chart the wrapper's width less the lanes' gutter and borders.
export const CHART_WIDTH = 1_280 - 90
const WARM_UP_STEPS = 4
const PAN_PX = 40
const ZOOM_FACTOR = 1.2
const NO_COLLAPSED_LANES: readonly string[] = []

type Step = { readonly kind: 'pan' | 'zoom'; readonly next: (scale: TimelineScale) => TimelineScale }

/**
 * The scripted sequence: 10 zooms in about the middle, 30 pans of 40 px to the left, 10 zooms out,
 * 30 pans back to the right (60 pans, 20 zooms), after a few warm-up steps that are not counted.
 */
function script(): Step[] {
  const zoom = (factor: number): Step => ({ kind: 'zoom', next: (scale) => zoomAbout(scale, factor, CHART_WIDTH / 2) })
  const pan = (dx: number): Step => ({ kind: 'pan', next: (scale) => panBy(scale, dx) })
  return [
    ...Array.from({ length: 10 }, () => zoom(ZOOM_FACTOR)),
    ...Array.from({ length: 30 }, () => pan(-PAN_PX)),
    ...Array.from({ length: 10 }, () => zoom(1 / ZOOM_FACTOR)),
    ...Array.from({ length: 30 }, () => pan(PAN_PX))
  ]
}

/**
 * One frame: in an animation frame callback (where TimelineChart itself emits `update:scale` while
 * the user drags or wheels), the scale changes; Vue re-renders in the microtask after the callback,
 * then the browser recomputes style, lays out and paints. A message posted from the callback is
 * delivered after that rendering, so its arrival ends the frame.
 */
function timeFrame(change: () => void, kind?: Step['kind']): Promise<{ readonly ms: number; readonly scriptMs: number }> {
  const channel = new MessageChannel()
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const start = performance.now()
      let scriptEnd = start
      channel.port1.onmessage = () => {
        const end = performance.now()
        // For a trace of the run (PRECEDENT_BENCH_TRACE): the frame's window, to add up its CPU time.
        if (kind !== undefined) performance.measure(`timeline-frame:${kind}`, { start, end })
        channel.port1.close()
        resolve({ ms: end - start, scriptMs: scriptEnd - start })
      }
      channel.port2.postMessage(null)
      change()
      // Queued after Vue's update (which the change queued first), so it runs when the update is done.
      void Promise.resolve().then(() => (scriptEnd = performance.now()))
    })
  })
}

/** Waits until `isDone()` (checked every animation frame), and measures the longest gap between frames meanwhile. */
async function watchFrames(isDone: () => boolean, timeoutMs: number): Promise<{ readonly ms: number; readonly longestFrameGapMs: number }> {
  const start = performance.now()
  let previous = start
  let longest = 0
  while (!isDone() && performance.now() - start < timeoutMs) {
    const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve))
    longest = Math.max(longest, now - previous)
    previous = now
  }
  return { ms: performance.now() - start, longestFrameGapMs: longest }
}

/**
 * Frame time of pan and zoom on the app's real TimelineChart.vue, mounted with createApp (and a
 * router, as its event list holds RouterLinks) at the window's size, on top of the bench page.
 */
export async function measureChartFrames(input: ChartInput): Promise<FrameTimes> {
  const host = document.createElement('div')
  // The app's colours for the chart's borders; on top of the results table so it is in view and painted.
  host.style.cssText = 'position:fixed;inset:0;z-index:10;background:#fff;overflow:hidden;--paper:#fff;--line:#d9dee7;--ink:#1d2330'
  document.body.append(host)
  const scale = shallowRef(input.scale)
  const chart = ref<{ readonly rowsSettled?: boolean }>()
  const Host = defineComponent({
    setup: () => () =>
      h(TimelineChart, {
        ref: chart,
        source: input.source,
        scale: scale.value,
        width: CHART_WIDTH,
        // The same array every render, as TimelineView's view state gives it: a new one would
        // re-pack every row on every frame.
        collapsedLaneKeys: NO_COLLAPSED_LANES,
        todayDay: input.todayDay,
        label: 'Benchmark timeline',
        'onUpdate:scale': (next: TimelineScale) => (scale.value = next)
      })
  })
  // Routes only for RouterLink to resolve record links; nothing is ever shown at them.
  const Empty = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: Empty }, ...RECORD_TYPES.map((type) => ({ path: `/${type}/:id`, name: type, component: Empty }))]
  })
  const app = createApp(Host).use(router)
  try {
    await router.push('/')
    app.mount(host)
    // The first frame draws the whole chart: not a pan or zoom step.
    await timeFrame(() => undefined)
    const steps = script()
    const drawn: number[] = []
    const repacks: number[] = []
    const durations: { readonly kind: Step['kind']; readonly ms: number; readonly scriptMs: number }[] = []
    for (let index = 0; index < WARM_UP_STEPS + steps.length; index += 1) {
      // Warm-up (not counted): pans and zooms back and forth about where the script starts.
      const step: Step =
        index < WARM_UP_STEPS
          ? index % 2 === 0
            ? { kind: 'pan', next: (current) => panBy(current, index % 4 === 0 ? PAN_PX : -PAN_PX) }
            : { kind: 'zoom', next: (current) => zoomAbout(current, index % 4 === 1 ? ZOOM_FACTOR : 1 / ZOOM_FACTOR, CHART_WIDTH / 2) }
          : (steps[index - WARM_UP_STEPS] as Step)
      const before = packingZoom(scale.value.pxPerDay)
      const { ms, scriptMs } = await timeFrame(() => (scale.value = step.next(scale.value)), index < WARM_UP_STEPS ? undefined : step.kind)
      if (index < WARM_UP_STEPS) continue
      if (packingZoom(scale.value.pxPerDay) !== before) repacks.push(ms)
      durations.push({ kind: step.kind, ms, scriptMs })
      drawn.push(host.querySelectorAll('.timeline-item').length)
    }
    // The script ends at the level it started at, whose rows are all kept; so, not counted as
    // frames, zoom in across two more levels and watch the chart settle (a chart that puts nothing
    // off, rowsSettled undefined, is settled at once).
    for (let index = 0; index < 4; index += 1) await timeFrame(() => (scale.value = zoomAbout(scale.value, ZOOM_FACTOR, CHART_WIDTH / 2)))
    const settle = await watchFrames(() => chart.value?.rowsSettled !== false, 5_000)
    const all = durations.map((entry) => entry.ms)
    const of = (kind: Step['kind']) => durations.filter((entry) => entry.kind === kind).map((entry) => entry.ms)
    return {
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      panP95: percentile(of('pan'), 95),
      zoomP95: percentile(of('zoom'), 95),
      repacks: { count: repacks.length, p50: percentile(repacks, 50) },
      drawnItems: { min: Math.min(...drawn), max: Math.max(...drawn) },
      scriptP95: percentile(
        durations.map((entry) => entry.scriptMs),
        95
      ),
      settle
    }
  } finally {
    app.unmount()
    host.remove()
  }
}
