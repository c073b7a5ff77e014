import { percentile } from '../benchContract'
import { timelineItemLabel, type TimelineItem, type TimelineLink } from '@shared/timeline/timelineEvents'
import type { TimelineLane } from '@shared/timeline/timelineLanes'
import { estimateLabelWidth, fitLabel, packingZoom, packTimeline, placeInView, type PackedTimeline } from '@shared/timeline/timelineLayout'
import { panBy, zoomAbout, type TimelineScale } from '@shared/timeline/timelineScale'

const SVG_NS = 'http://www.w3.org/2000/svg'
const WIDTH = 1_280
const HEIGHT = 900
const STEPS = 60

/**
 * Frame time of pan and zoom in a browser: for each of 60 steps (pans of 40 px and zooms of ±10 %
 * about the middle, alternating), the time to lay out the view as TimelineChart does (rows
 * re-packed only when the zoom crosses a packing level, items in view placed every frame), update
 * an SVG with the items in view (elements kept by key, as Vue's keyed list does) and let the
 * browser recompute style and layout (a forced reflow). A plain-DOM stand-in for TimelineChart,
 * kept as a comparison (`frame_dom_*`): no Vue, no paint, fewer elements per item. The real
 * component's frame time (`frame_*`) is measured by timelineChartDriver.ts.
 */
export function measureFrames(
  lanes: readonly TimelineLane[],
  links: readonly TimelineLink[],
  initial: TimelineScale
): { readonly p95: number; readonly p50: number } {
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('width', String(WIDTH))
  svg.setAttribute('height', String(HEIGHT))
  document.body.append(svg)
  const drawn = new Map<string, { readonly group: SVGGElement; readonly rect: SVGRectElement; readonly text: SVGTextElement }>()
  let scale = initial
  const durations: number[] = []
  const labelWidths = new Map<TimelineItem, number>()
  const labelWidth = (item: TimelineItem): number => {
    let width = labelWidths.get(item)
    if (width === undefined) {
      width = Math.min(estimateLabelWidth(timelineItemLabel(item)), 260) + 12
      labelWidths.set(item, width)
    }
    return width
  }
  let packed: PackedTimeline | undefined
  try {
    for (let step = 0; step < STEPS + 5; step += 1) {
      scale = step % 2 === 0 ? panBy(scale, 40) : zoomAbout(scale, step % 4 === 1 ? 1.1 : 1 / 1.1, WIDTH / 2)
      const start = performance.now()
      const zoom = packingZoom(scale.pxPerDay)
      if (packed?.pxPerDay !== zoom) packed = packTimeline(lanes, zoom, { labelWidth })
      const layout = placeInView(packed, links, scale, { width: WIDTH, top: 0, height: HEIGHT })
      const seen = new Set<string>()
      for (const placed of layout.items) {
        const key = `${placed.laneKey}|${placed.item.key}`
        seen.add(key)
        let entry = drawn.get(key)
        if (entry === undefined) {
          const group = document.createElementNS(SVG_NS, 'g')
          const rect = document.createElementNS(SVG_NS, 'rect')
          const text = document.createElementNS(SVG_NS, 'text')
          text.textContent = fitLabel(timelineItemLabel(placed.item), 260)
          group.append(rect, text)
          svg.append(group)
          entry = { group, rect, text }
          drawn.set(key, entry)
        }
        entry.rect.setAttribute('x', String(placed.x))
        entry.rect.setAttribute('y', String(placed.y + 5))
        entry.rect.setAttribute('width', String(placed.markerWidth))
        entry.rect.setAttribute('height', '14')
        entry.text.setAttribute('x', String(placed.x + placed.markerWidth + 4))
        entry.text.setAttribute('y', String(placed.y + 16))
      }
      for (const [key, entry] of drawn) {
        if (seen.has(key)) continue
        entry.group.remove()
        drawn.delete(key)
      }
      svg.getBoundingClientRect()
      void document.body.offsetHeight
      // The first steps warm up the JIT and create the elements; they are not counted.
      if (step >= 5) durations.push(performance.now() - start)
    }
  } finally {
    svg.remove()
  }
  return { p95: percentile(durations, 95), p50: percentile(durations, 50) }
}
