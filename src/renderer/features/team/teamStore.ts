import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { getDesktopClient } from '@renderer/desktop/desktopClient'
import type { DesktopTeam } from '@renderer/desktop/teamBridge'
import type { KeptTeamConnection } from '@shared/ipc/contract'
import type { Briefing } from '@shared/briefing/briefing'
import { TeamError, type ResolveOutcome, type ServerRecordState, type TeamBriefing, type TeamConflict, type TeamConnection, type TeamErrorCode, type TeamStatus } from '@shared/team/teamProtocol'
import { resolveConflict, syncKnowledgeBase, TeamSyncCancelledError, type TeamSyncProgress, type TeamSyncResult } from './teamClient'

/** How often an open app syncs on its own while connected (and checks whether an offline server is back). */
export const AUTO_SYNC_INTERVAL_MS = 5 * 60 * 1000

/** What to do next after each kind of failure, said after the server's own line. */
const NEXT_STEP: Record<TeamErrorCode, string> = {
  unreachable: 'Your changes stay on this device and sync when the server can be reached again.',
  'bad-credentials': 'Check the user name and password, then connect again.',
  'permission-denied': "Ask the team's administrator for the role you need (precedent_editor to send changes).",
  'schema-missing': "Ask the team's administrator to run “precedent team init” on this database.",
  'schema-newer': 'Update Precedent to the version your team uses.',
  refused: 'Nothing of it was applied: correct the record it names, then sync again.',
  tls: "The server's certificate could not be verified: ask the team's administrator.",
  failed: 'Try again; if it keeps failing, ask the team’s administrator.'
}

/** A failure as the one line the page shows: the server's reason, then what to do. */
export function teamErrorText(error: unknown): string {
  const team = error instanceof TeamError ? error : new TeamError('failed', error instanceof Error ? error.message : String(error))
  const reason = (team.message.split('\n', 1)[0] ?? '').trim().replace(/[.:]?$/, '.')
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)} ${NEXT_STEP[team.code]}`
}

/** The sync was cancelled by the person. */
class SyncCancelled extends Error {}

/**
 * Team sync as the page sees it (issue 13): the connection main keeps, the server's status and
 * whether it answers, a running sync with its progress, and the open conflicts. In web mode there
 * is no team server (`isAvailable` false) and every action does nothing. What waits to be pushed is
 * the engine's state in IndexedDB (`useTeamSyncState`), so it survives restarts.
 */
export const useTeamStore = defineStore('team', () => {
  const team = (): DesktopTeam | undefined => getDesktopClient().team
  const isAvailable = computed(() => team() !== undefined)
  const connection = ref<KeptTeamConnection | null>(null)
  const status = shallowRef<TeamStatus>()
  /** undefined until asked; false after the server could not be reached. */
  const isReachable = ref<boolean>()
  /** The last failure, one line, or '' after a success. */
  const error = ref('')
  const notice = ref('')
  /** What became of the last conflict resolved, for the inbox. */
  const conflictNotice = ref('')
  const isSyncing = ref(false)
  const progress = shallowRef<TeamSyncProgress>()
  const lastResult = shallowRef<TeamSyncResult>()
  const conflicts = shallowRef<readonly TeamConflict[]>()
  /**
   * The server's newer version of a record whose resolution came back `stale`, by conflict: the
   * server keeps a conflict's `theirs` as it was when opened, so the next resolution must be based
   * on this one instead (the page shows it as theirs).
   */
  const newerTheirs = new Map<string, ServerRecordState>()
  /** Briefings on the server: the team's shared ones and this analyst's own. */
  const teamBriefings = shallowRef<readonly TeamBriefing[]>([])
  const isLoaded = ref(false)
  let controller: AbortController | undefined

  const isConnected = computed(() => connection.value !== null)

  function failed(reason: unknown): void {
    if (reason instanceof TeamError && reason.code === 'unreachable') isReachable.value = false
    error.value = teamErrorText(reason)
  }

  /** Reads the kept connection and, when there is one, the server's status. */
  async function load(): Promise<void> {
    const server = team()
    if (server === undefined) return
    try {
      connection.value = await server.keptConnection()
    } catch (reason) {
      failed(reason)
    }
    isLoaded.value = true
    if (connection.value !== null) await refreshStatus()
  }

  async function refreshStatus(): Promise<boolean> {
    const server = team()
    if (server === undefined || connection.value === null) return false
    try {
      status.value = await server.status()
      isReachable.value = true
      return true
    } catch (reason) {
      failed(reason)
      return false
    }
  }

  /** Checks and keeps the connection (main encrypts the password), then syncs. */
  async function connect(details: TeamConnection): Promise<boolean> {
    const server = team()
    if (server === undefined) return false
    error.value = ''
    notice.value = ''
    try {
      status.value = await server.connect(details)
    } catch (reason) {
      failed(reason)
      return false
    }
    const { host, port, database, user } = details
    connection.value = { host, port, database, user }
    isReachable.value = true
    notice.value = `Connected to ${database} on ${host} as ${status.value.user}.`
    await syncNow()
    return true
  }

  async function disconnect(): Promise<void> {
    const server = team()
    if (server === undefined) return
    cancelSync()
    try {
      await server.disconnect()
    } catch (reason) {
      failed(reason)
      return
    }
    connection.value = null
    status.value = undefined
    conflicts.value = undefined
    isReachable.value = undefined
    error.value = ''
    notice.value = 'Disconnected. Your knowledge base stays on this device; changes made from now on are sent when you connect again.'
  }

  /** Pushes what is pending, pulls the team's changes, then reads the status and the conflicts again. */
  async function syncNow(): Promise<TeamSyncResult | undefined> {
    const server = team()
    if (server === undefined || connection.value === null || isSyncing.value) return undefined
    controller = new AbortController()
    const { signal } = controller
    isSyncing.value = true
    progress.value = undefined
    error.value = ''
    try {
      const result = await syncKnowledgeBase(server, { signal, onProgress: (next) => (progress.value = next) })
      if (signal.aborted) throw new SyncCancelled()
      lastResult.value = result
      isReachable.value = true
      notice.value = syncedText(result)
      await refreshStatus()
      await loadConflicts()
      await loadTeamBriefings()
      return result
    } catch (reason) {
      if (reason instanceof TeamSyncCancelledError) notice.value = `Sync cancelled: ${reason.partial.pushed} sent and ${reason.partial.pulled} received before it stopped are kept; the rest goes with the next sync.`
      else if (signal.aborted || reason instanceof SyncCancelled) notice.value = 'Sync cancelled. Nothing is lost: what was not sent stays pending and goes with the next sync.'
      else failed(reason)
      return undefined
    } finally {
      isSyncing.value = false
      progress.value = undefined
      controller = undefined
    }
  }

  function cancelSync(): void {
    controller?.abort()
  }

  /** The team's open conflicts, newest last. */
  async function loadConflicts(): Promise<void> {
    const server = team()
    if (server === undefined || connection.value === null) return
    try {
      const open = await server.conflicts({ includeResolved: false })
      conflicts.value = open.map((conflict) => {
        const newer = newerTheirs.get(conflict.conflictId)
        return newer === undefined || newer.revision <= conflict.theirs.revision ? conflict : { ...conflict, theirs: newer }
      })
    } catch (reason) {
      failed(reason)
    }
  }

  /** Resolves a conflict with `resolved` as the record (`null` deleted, undefined keeps theirs), then reads the conflicts again. */
  async function resolve(conflict: TeamConflict, resolved: object | null | undefined): Promise<ResolveOutcome | undefined> {
    const server = team()
    if (server === undefined) return undefined
    error.value = ''
    try {
      const outcome = await resolveConflict(server, conflict, resolved)
      if (outcome.outcome === 'stale') newerTheirs.set(conflict.conflictId, outcome.current)
      else newerTheirs.delete(conflict.conflictId)
      await loadConflicts()
      await refreshStatus()
      return outcome
    } catch (reason) {
      failed(reason)
      return undefined
    }
  }

  async function loadTeamBriefings(): Promise<void> {
    const server = team()
    if (server === undefined || connection.value === null) return
    try {
      teamBriefings.value = await server.briefings()
    } catch (reason) {
      failed(reason)
    }
  }

  /** Saves a briefing on the server, shared with the team or private; the failure as one line, or ''. */
  async function shareBriefing(briefing: Briefing, shared: boolean): Promise<string> {
    const server = team()
    if (server === undefined || connection.value === null) return 'Connect on the Team page first.'
    try {
      const saved = await server.saveBriefing({ briefing, shared })
      teamBriefings.value = [...teamBriefings.value.filter((kept) => !(kept.briefing.id === saved.briefing.id && kept.owner === saved.owner)), saved]
      return ''
    } catch (reason) {
      return teamErrorText(reason)
    }
  }

  /** One tick of the automatic sync: an offline server is asked first whether it is back. */
  async function autoSync(): Promise<void> {
    if (connection.value === null || isSyncing.value) return
    if (isReachable.value === false && !(await refreshStatus())) return
    await syncNow()
  }

  return {
    isAvailable,
    isLoaded,
    connection,
    isConnected,
    status,
    isReachable,
    error,
    notice,
    conflictNotice,
    isSyncing,
    progress,
    lastResult,
    conflicts,
    teamBriefings,
    loadTeamBriefings,
    shareBriefing,
    load,
    refreshStatus,
    connect,
    disconnect,
    syncNow,
    cancelSync,
    loadConflicts,
    resolve,
    autoSync
  }
})

function syncedText(result: TeamSyncResult): string {
  const parts = [`${result.pushed} sent`, `${result.pulled} received`]
  if (result.conflicts > 0) parts.push(`${result.conflicts} ${result.conflicts === 1 ? 'conflict' : 'conflicts'} to resolve`)
  return `Synced: ${parts.join(', ')}.`
}

/**
 * Loads the team connection, then syncs every `AUTO_SYNC_INTERVAL_MS` while the app is open and
 * connected. Returns the function that stops it. Does nothing in web mode.
 */
export function startTeamSync(): () => void {
  const store = useTeamStore()
  if (!store.isAvailable) return () => {}
  void store.load().then(() => (store.isReachable === true ? store.syncNow() : undefined))
  const timer = setInterval(() => void store.autoSync(), AUTO_SYNC_INTERVAL_MS)
  return () => clearInterval(timer)
}
