// The timeline chart, below the timeline view, the briefings and the exports that all draw it.
export { default as TimelineChart } from './TimelineChart.vue'
export { default as BriefingTimelinePicture } from './BriefingTimelinePicture.vue'
export { laneLabel } from './timelineWords'
