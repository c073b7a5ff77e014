import type { RouteRecordRaw } from 'vue-router'

export { useBackupsStore, backupFileName } from './backupsStore'
export { takeBackup, type TakenBackup } from './takeBackup'
export { estimatedImportBytes, shortOfRoomFor } from './storageRoom'

export const backupRoutes: RouteRecordRaw[] = [
  { path: '/backups', name: 'backups', component: () => import('./BackupsView.vue'), meta: { title: 'Backups' } }
]
