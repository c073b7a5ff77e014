import type { RouteRecordRaw } from 'vue-router'

export const jurisdictionRoutes: RouteRecordRaw[] = [
  { path: '/jurisdictions', name: 'jurisdictions', component: () => import('./JurisdictionListView.vue'), meta: { title: 'Jurisdictions' } },
  { path: '/jurisdictions/:id', name: 'jurisdiction', component: () => import('./JurisdictionDetailView.vue'), props: true, meta: { title: 'Jurisdiction' } }
]
