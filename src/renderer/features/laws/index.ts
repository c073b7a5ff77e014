import type { RouteRecordRaw } from 'vue-router'

export const lawRoutes: RouteRecordRaw[] = [
  { path: '/laws', name: 'laws', component: () => import('./LawListView.vue'), meta: { title: 'Laws' } },
  { path: '/laws/:id', name: 'law', component: () => import('./LawDetailView.vue'), props: true, meta: { title: 'Law' } }
]
