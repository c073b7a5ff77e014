import type { RouteRecordRaw } from 'vue-router'

export { composeExportSvg, exportOutcomeText, exportView, todayAsDay, type ViewExportFormat, type ViewExportHeading } from './viewExport'

export const chartsRoutes: RouteRecordRaw[] = [{ path: '/charts', name: 'charts', component: () => import('./ChartsView.vue'), meta: { title: 'Charts' } }]
