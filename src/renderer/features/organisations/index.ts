import type { RouteRecordRaw } from 'vue-router'

export const organisationRoutes: RouteRecordRaw[] = [
  { path: '/organisations', name: 'organisations', component: () => import('./OrganisationListView.vue'), meta: { title: 'Organisations' } },
  { path: '/organisations/new', name: 'organisation-new', component: () => import('./OrganisationFormView.vue'), meta: { title: 'New organisation' } },
  { path: '/organisations/:id', name: 'organisation', component: () => import('./OrganisationDetailView.vue'), props: true, meta: { title: 'Organisation' } },
  {
    path: '/organisations/:id/edit',
    name: 'organisation-edit',
    component: () => import('./OrganisationFormView.vue'),
    props: true,
    meta: { title: 'Edit organisation' }
  }
]
