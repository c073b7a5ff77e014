/** The views worker: the timeline, charts and comparison are computed there, from records it keeps in memory. */
export { preloadViewDataWhenIdle, viewData, type ViewDataClient } from './viewDataClient'
export type { ChartsViewData, ComparisonViewData, IncidentChartCounts, ResponseChartCounts, TimelineJumpChoice, TimelineViewData } from './viewDataProtocol'
