import type { RouteRecordRaw } from 'vue-router'

export { useBackupsStore, backupFileName } from './backupsStore'
export { takeBackup, type TakenBackup } from './takeBackup'
export { BACKUP_REASONS } from './backupReasons'
export { backUpIfDue, startScheduledBackups, SCHEDULED_BACKUP_AGE_MS, SCHEDULED_BACKUP_CHECK_MS } from './scheduledBackup'
export { estimatedImportBytes, shortOfRoomFor } from './storageRoom'

export const backupRoutes: RouteRecordRaw[] = [
  // `?restore=latest` (the silent-reset notice's action) opens the restore of the newest kept backup.
  {
    path: '/backups',
    name: 'backups',
    component: () => import('./BackupsView.vue'),
    props: (route) => ({ offerLatest: route.query['restore'] === 'latest' }),
    meta: { title: 'Backups' }
  }
]
