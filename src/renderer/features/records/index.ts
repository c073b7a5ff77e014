import type { RouteRecordRaw } from 'vue-router'

export { recordRoute } from './recordRoute'
export { repositories, loadTypedRecord, loadTypedRecords } from './knowledgeBase'
export { useRecord, useRecordList } from './useRecord'
export { useJurisdictionNames } from './useJurisdictionNames'
export { default as RecordDetailFrame } from './RecordDetailFrame.vue'
export { default as RecordLink } from './RecordLink.vue'

export const sourceRoutes: RouteRecordRaw[] = [
  {
    path: '/sources/:id',
    name: 'source',
    component: () => import('./SourceDetailView.vue'),
    props: true,
    meta: { title: 'Source' }
  }
]
