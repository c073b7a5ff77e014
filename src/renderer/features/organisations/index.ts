import type { RouteRecordRaw } from 'vue-router'

export const organisationRoutes: RouteRecordRaw[] = [
  { path: '/organisations', name: 'organisations', component: () => import('./OrganisationListView.vue'), meta: { title: 'Organisations' } },
  { path: '/organisations/:id', name: 'organisation', component: () => import('./OrganisationDetailView.vue'), props: true, meta: { title: 'Organisation' } }
]
