import type { RouteRecordRaw } from 'vue-router'

export { graphRoute, type GraphSettings } from './graphRoute'

export const graphRoutes: RouteRecordRaw[] = [
  {
    path: '/graph/:type/:id',
    name: 'relationship-graph',
    component: () => import('./RelationshipGraphView.vue'),
    props: true,
    meta: { title: 'Relationship graph' }
  }
]
