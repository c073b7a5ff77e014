import type { RouteRecordRaw } from 'vue-router'

export const sourceRoutes: RouteRecordRaw[] = [
  { path: '/sources', name: 'sources', component: () => import('./SourceListView.vue'), meta: { title: 'Sources' } },
  { path: '/sources/new', name: 'source-new', component: () => import('./SourceFormView.vue'), meta: { title: 'New source' } },
  { path: '/sources/:id', name: 'source', component: () => import('./SourceDetailView.vue'), props: true, meta: { title: 'Source' } },
  { path: '/sources/:id/edit', name: 'source-edit', component: () => import('./SourceFormView.vue'), props: true, meta: { title: 'Edit source' } }
]
