import type { RouteRecordRaw } from 'vue-router'

export const incidentRoutes: RouteRecordRaw[] = [
  { path: '/incidents', name: 'incidents', component: () => import('./IncidentListView.vue'), meta: { title: 'Incidents' } },
  { path: '/incidents/new', name: 'incident-new', component: () => import('./IncidentFormView.vue'), meta: { title: 'New incident' } },
  { path: '/incidents/:id', name: 'incident', component: () => import('./IncidentDetailView.vue'), props: true, meta: { title: 'Incident' } },
  { path: '/incidents/:id/edit', name: 'incident-edit', component: () => import('./IncidentFormView.vue'), props: true, meta: { title: 'Edit incident' } }
]
