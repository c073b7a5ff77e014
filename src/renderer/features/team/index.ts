import type { RouteRecordRaw } from 'vue-router'

export { useTeamStore, startTeamSync, teamErrorText, AUTO_SYNC_INTERVAL_MS } from './teamStore'
export { default as TeamSyncIndicator } from './TeamSyncIndicator.vue'
export { default as TeamBriefingShare } from './TeamBriefingShare.vue'
export { default as TeamSharedBriefings } from './TeamSharedBriefings.vue'

export const teamRoutes: RouteRecordRaw[] = [
  { path: '/team', name: 'team', component: () => import('./TeamView.vue'), meta: { title: 'Team' } },
  { path: '/team/conflicts', name: 'team-conflicts', component: () => import('./TeamConflictsView.vue'), meta: { title: 'Conflicts inbox' } },
  {
    path: '/team/conflicts/:conflictId',
    name: 'team-conflict',
    component: () => import('./TeamConflictView.vue'),
    props: (route) => ({ conflictId: String(route.params['conflictId']) }),
    meta: { title: 'Conflict' }
  }
]
