import {
  getDatabase,
  TeamSyncCancelledError,
  readTeamSyncState,
  resolveTeamConflict,
  syncWithTeam,
  type TeamSyncProgress,
  type TeamSyncResult,
  type TeamSyncState
} from '@renderer/db'
import type { ResolveOutcome, TeamConflict, TeamServer } from '@shared/team/teamProtocol'
import { readAuthorName } from '@renderer/recordKit'

// The one place the Team page reaches the sync engine (src/renderer/db/teamSync.ts) on this
// device's knowledge base.

export { TeamSyncCancelledError, type TeamSyncProgress, type TeamSyncResult, type TeamSyncState }

/** Pushes this device's pending changes, then pulls the team's; `signal` cancels between two transactions. */
export function syncKnowledgeBase(
  server: TeamServer,
  options: { signal?: AbortSignal; onProgress?: (progress: TeamSyncProgress) => void } = {}
): Promise<TeamSyncResult> {
  return syncWithTeam(getDatabase(), server, options)
}

/** When this device last synced, up to which server sequence, and how many changes wait to be pushed. */
export function readSyncState(): Promise<TeamSyncState> {
  return readTeamSyncState(getDatabase())
}

/** Resolves `conflict` on the server and here: `resolved` becomes the record, `null` deletes it, undefined keeps theirs. */
export async function resolveConflict(server: TeamServer, conflict: TeamConflict, resolved: object | null | undefined): Promise<ResolveOutcome> {
  const author = await readAuthorName()
  return resolveTeamConflict(getDatabase(), server, conflict, resolved, author.trim() === '' ? {} : { author })
}
