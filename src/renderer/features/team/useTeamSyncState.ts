import { useLiveQuery } from '@renderer/db'
import { readSyncState, type TeamSyncState } from './teamClient'

/** When this device last synced and how many changes wait to be sent, kept current as records change. */
export function useTeamSyncState() {
  return useLiveQuery<TeamSyncState | undefined>(() => readSyncState(), undefined)
}
