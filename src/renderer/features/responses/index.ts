import type { RouteRecordRaw } from 'vue-router'

export const responseRoutes: RouteRecordRaw[] = [
  { path: '/responses', name: 'responses', component: () => import('./ResponseListView.vue'), meta: { title: 'Responses' } },
  { path: '/responses/new', name: 'response-new', component: () => import('./ResponseFormView.vue'), meta: { title: 'New response' } },
  { path: '/responses/:id', name: 'response', component: () => import('./ResponseDetailView.vue'), props: true, meta: { title: 'Response' } },
  { path: '/responses/:id/edit', name: 'response-edit', component: () => import('./ResponseFormView.vue'), props: true, meta: { title: 'Edit response' } }
]

export { default as ResponseSummary } from './ResponseSummary.vue'
export { default as MatterChain } from './MatterChain.vue'
