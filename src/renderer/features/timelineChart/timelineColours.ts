import type { TimelineItem } from '@shared/timeline/timelineEvents'

/**
 * Fill and outline by what an item is: incidents red, responses blue, laws green; bars (a law in
 * force, a matter open) in a pale wash of their colour so the events on them stay readable.
 * Colours are SVG attributes, not CSS, so an exported drawing looks the same outside the app.
 */
export function timelineItemColours(item: Pick<TimelineItem, 'recordType' | 'shape'>): { readonly fill: string; readonly stroke: string } {
  const isBar = item.shape === 'range'
  switch (item.recordType) {
    case 'incident':
      return isBar ? { fill: '#dbe7fb', stroke: '#6f95d6' } : { fill: '#f4c7c2', stroke: '#b42318' }
    case 'response':
      return { fill: '#c9dbf7', stroke: '#1f5fbf' }
    case 'law':
      return isBar ? { fill: '#d8efe0', stroke: '#5aa777' } : { fill: '#b9e2c8', stroke: '#17663a' }
  }
}
