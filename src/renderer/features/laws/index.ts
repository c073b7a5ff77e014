import type { RouteRecordRaw } from 'vue-router'

export const lawRoutes: RouteRecordRaw[] = [
  { path: '/laws', name: 'laws', component: () => import('./LawListView.vue'), meta: { title: 'Laws' } },
  { path: '/laws/new', name: 'law-new', component: () => import('./LawFormView.vue'), meta: { title: 'New law' } },
  { path: '/laws/:id', name: 'law', component: () => import('./LawDetailView.vue'), props: true, meta: { title: 'Law' } },
  { path: '/laws/:id/edit', name: 'law-edit', component: () => import('./LawFormView.vue'), props: true, meta: { title: 'Edit law' } }
]

export { lawStatusPeriodText } from './lawStatusWords'
