import type { RouteRecordRaw } from 'vue-router'

export { recoverInterruptedImport } from './recoverInterruptedImport'

export const importRoutes: RouteRecordRaw[] = [{ path: '/import', name: 'import', component: () => import('./ImportView.vue'), meta: { title: 'Import' } }]
