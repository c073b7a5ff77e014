import type { BenchContext } from '../benchContract'
import { percentile } from '../benchContract'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { assignLanes } from '@shared/timeline/timelineLanes'
import { estimateLabelWidth, layoutTimeline } from '@shared/timeline/timelineLayout'
import { fitDays } from '@shared/timeline/timelineScale'
import { syntheticTimelineRecords } from '@shared/timeline/timelineBenchmark'
import { measureFrames } from '../timeline/timelineFrameDriver'
import { dayNumberOf } from '@shared/timeline/dayNumber'

// The timeline benchmark (issue #5, item 6): for n synthetic events (half incidents at year, month
// or day precision in 1–2 of 30 jurisdictions, half responses to them), the time to extract events,
// assign lanes and lay out a 1,280 × 900 view of the whole period (the work a zoom step repeats),
// and in Chromium the frame time of pan and zoom steps on the app's real TimelineChart.vue
// (frame_*; bench/timeline/timelineChartDriver.ts) and on a plain-DOM stand-in of it (frame_dom_*).

const RUNS = 5
const median = (values: readonly number[]): number => percentile(values, 50)

function time(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}

export async function run(context: BenchContext): Promise<void> {
  for (const n of context.sizes) {
    context.log(`timeline: ${n} events`)
    const records = syntheticTimelineRecords(n)
    const emit = (metric: string, value: number): void => context.emit({ dataset: 'synthetic', n, metric, value, unit: 'ms' })
    const eventTimes: number[] = []
    const laneTimes: number[] = []
    const layoutTimes: number[] = []
    let content = timelineEvents(records, { today: '2026-01-01' })
    let assignment = assignLanes(content.items, 'jurisdiction')
    const start = Math.min(...content.items.map((item) => item.startDay))
    const end = Math.max(...content.items.map((item) => item.endDay))
    const scale = fitDays(start, end, 1_280)
    const labelWidth = (item: { readonly title: string }) => Math.min(estimateLabelWidth(item.title), 260)
    // One untimed pass warms up the JIT; each figure is the median of the timed runs.
    for (let runIndex = 0; runIndex <= RUNS; runIndex += 1) {
      const eventsMs = time(() => (content = timelineEvents(records, { today: '2026-01-01' })))
      const lanesMs = time(() => (assignment = assignLanes(content.items, 'jurisdiction')))
      const layoutMs = time(() => layoutTimeline(assignment.lanes, content.links, scale, { width: 1_280, top: 0, height: 900 }, { labelWidth }))
      if (runIndex === 0) continue
      eventTimes.push(eventsMs)
      laneTimes.push(lanesMs)
      layoutTimes.push(layoutMs)
    }
    emit('events_ms', median(eventTimes))
    emit('lanes_ms', median(laneTimes))
    emit('layout_ms', median(layoutTimes))
    if (context.env === 'chromium' && typeof document !== 'undefined') {
      // Only the page loads the component (and Vue's DOM renderer); Node never runs this branch.
      const { CHART_WIDTH, measureChartFrames } = await import('../timeline/timelineChartDriver')
      // Frames measured after this mark are of n events (bench/timeline/frameCpuFromTrace.mjs reads it).
      performance.mark(`timeline-size:${n}`)
      const { localWindowSource, TimelineLayoutModel } = await import('@shared/timeline/timelineWindow')
      const frames = await measureChartFrames({
        source: localWindowSource(new TimelineLayoutModel(content, { grouping: 'jurisdiction', laneOrder: [] })),
        scale: fitDays(start, end, CHART_WIDTH),
        todayDay: dayNumberOf('2026-01-01')
      })
      context.log(
        `timeline: ${n} events, ${frames.drawnItems.min}–${frames.drawnItems.max} items drawn; ${frames.repacks.count} of 20 zooms crossed a packing level (median frame ${frames.repacks.p50.toFixed(1)} ms); ` +
          `rows exact ${frames.settle.ms.toFixed(0)} ms after the last step, longest frame gap meanwhile ${frames.settle.longestFrameGapMs.toFixed(1)} ms`
      )
      emit('frame_p50_ms', frames.p50)
      emit('frame_p95_ms', frames.p95)
      emit('frame_pan_p95_ms', frames.panP95)
      emit('frame_zoom_p95_ms', frames.zoomP95)
      emit('frame_script_p95_ms', frames.scriptP95)
      emit('settle_ms', frames.settle.ms)
      emit('settle_frame_gap_max_ms', frames.settle.longestFrameGapMs)
      const domFrames = measureFrames(assignment.lanes, content.links, scale)
      emit('frame_dom_p50_ms', domFrames.p50)
      emit('frame_dom_p95_ms', domFrames.p95)
    }
    // Let the page breathe (and progress reach the terminal) between sizes.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}
