import type { RouteRecordRaw } from 'vue-router'

export const chartsRoutes: RouteRecordRaw[] = [{ path: '/charts', name: 'charts', component: () => import('./ChartsView.vue'), meta: { title: 'Charts' } }]
