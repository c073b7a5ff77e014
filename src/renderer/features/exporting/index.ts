import type { RouteRecordRaw } from 'vue-router'

export { default as ExportButton } from './ExportButton.vue'
export { default as ExportDialog } from './ExportDialog.vue'
export { buildExportFile, dayOf } from './buildExportFile'
export { EXPORT_FORMATS, EXPORT_FORMAT_IDS, exportFileNameFor, exportFormat, type ExportContext, type ExportFormat, type ExportFormatId } from './exportFormats'

export const exportingRoutes: RouteRecordRaw[] = [
  { path: '/export', name: 'export-selection', component: () => import('./SelectionExportView.vue'), meta: { title: 'Export a selection' } }
]
