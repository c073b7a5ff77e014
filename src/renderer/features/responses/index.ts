import type { RouteRecordRaw } from 'vue-router'

export const responseRoutes: RouteRecordRaw[] = [
  { path: '/responses', name: 'responses', component: () => import('./ResponseListView.vue'), meta: { title: 'Responses' } },
  { path: '/responses/:id', name: 'response', component: () => import('./ResponseDetailView.vue'), props: true, meta: { title: 'Response' } }
]

export { default as ResponseSummary } from './ResponseSummary.vue'
export { default as MatterChain } from './MatterChain.vue'
