import type { RouteRecordRaw } from 'vue-router'

export { useRecordHistory } from './useRecordHistory'
export { fieldLabel, fieldValueText, formatTimestamp } from './revisionText'
export { useHistoryStore, type HistoryActionResult, type SavePreferencesResult } from './historyStore'
export { default as RecordHistoryPanel } from './RecordHistoryPanel.vue'
export { default as RecordUndoButton } from './RecordUndoButton.vue'

export const preferencesRoutes: RouteRecordRaw[] = [
  { path: '/preferences', name: 'preferences', component: () => import('./PreferencesView.vue'), meta: { title: 'Preferences' } }
]
