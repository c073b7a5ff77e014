import { getDatabase } from '@renderer/db'
import type { ResolveOutcome, TeamConflict, TeamServer } from '@shared/team/teamProtocol'

// The one place the Team page reaches the sync engine (src/renderer/db/teamSync.ts) on this
// device's knowledge base. PENDING MERGE: filled in once the engine's branch is merged.

export interface TeamSyncProgress {
  readonly phase: 'pushing' | 'pulling'
  readonly done: number
  readonly total?: number
}
export interface TeamSyncResult {
  readonly pushed: number
  readonly conflicts: number
  readonly pulled: number
  readonly headSeq: number
  readonly at: string
}
export interface TeamSyncState {
  readonly lastSyncAt?: string
  readonly lastSeq: number
  readonly pending: number
}

/** Pushes this device's pending changes, then pulls the team's; `signal` cancels between steps. */
export async function syncKnowledgeBase(
  _server: TeamServer,
  _options: { signal?: AbortSignal; onProgress?: (progress: TeamSyncProgress) => void } = {}
): Promise<TeamSyncResult> {
  void getDatabase
  throw new Error('PENDING MERGE')
}

/** When this device last synced, up to which server sequence, and how many changes wait to be pushed. */
export async function readSyncState(): Promise<TeamSyncState> {
  return { lastSeq: 0, pending: 0 }
}

/** Resolves `conflict` on the server and here: `resolved` becomes the record, `null` deletes it, undefined keeps theirs. */
export async function resolveConflict(_server: TeamServer, _conflict: TeamConflict, _resolved: object | null | undefined): Promise<ResolveOutcome> {
  throw new Error('PENDING MERGE')
}
