import type { RouteRecordRaw } from 'vue-router'

export { redirectMergedRecords } from './redirectMergedRecords'
export { default as MergeNotice } from './MergeNotice.vue'

export const duplicateRoutes: RouteRecordRaw[] = [
  { path: '/duplicates', name: 'duplicates', component: () => import('./DuplicatesView.vue'), meta: { title: 'Possible duplicates' } },
  {
    path: '/merge/:type(organisation|incident)/:firstId/:secondId',
    name: 'merge',
    component: () => import('./MergeView.vue'),
    props: true,
    meta: { title: 'Compare and merge' }
  }
]
