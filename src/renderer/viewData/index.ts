/** The views worker: the timeline, charts and comparison are computed there, from records it keeps in memory. */
export { preloadViewDataWhenIdle, viewData, type ViewDataClient } from './viewDataClient'
export type {
  ChartsViewData,
  ComparisonViewData,
  IncidentChartCounts,
  ResponseChartCounts,
  TimelineJumpChoice,
  TimelineSummary,
  TimelineViewData
} from './viewDataProtocol'
export { STALE_TIMELINE_MESSAGE } from './viewDataService'
