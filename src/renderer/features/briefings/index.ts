import type { RouteRecordRaw } from 'vue-router'

export { default as AddToBriefingButton } from './AddToBriefingButton.vue'
export { briefingExportFile, briefingFileStem, briefingHtml, type BriefingFileFormat } from './briefingFiles'

export const briefingRoutes: RouteRecordRaw[] = [
  { path: '/briefings', name: 'briefings', component: () => import('./BriefingListView.vue'), meta: { title: 'Briefings' } },
  { path: '/briefings/:id', name: 'briefing', component: () => import('./BriefingComposerView.vue'), props: true, meta: { title: 'Briefing' } }
]
