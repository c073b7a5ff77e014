import type { RouteRecordRaw } from 'vue-router'

export { comparisonQueryOf, comparisonSubjectFrom } from './comparisonRoute'

export const comparisonRoutes: RouteRecordRaw[] = [
  { path: '/compare', name: 'compare', component: () => import('./JurisdictionComparisonView.vue'), meta: { title: 'Compare jurisdictions' } }
]
