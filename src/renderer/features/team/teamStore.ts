import { formatCount, i18n } from '@renderer/i18n'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { getDesktopClient } from '@renderer/desktop/desktopClient'
import type { DesktopTeam } from '@renderer/desktop/teamBridge'
import type { KeptTeamConnection } from '@shared/ipc/contract'
import type { Briefing } from '@shared/briefing/briefing'
import {
  TeamError,
  type ResolveOutcome,
  type ServerRecordState,
  type TeamBriefing,
  type TeamConflict,
  type TeamConnection,
  type TeamErrorCode,
  type TeamStatus
} from '@shared/team/teamProtocol'
import { resolveConflict, syncKnowledgeBase, TeamSyncCancelledError, type TeamSyncProgress, type TeamSyncResult } from './teamClient'

/** How often an open app syncs on its own while connected (and checks whether an offline server is back). */
export const AUTO_SYNC_INTERVAL_MS = 5 * 60 * 1000

/** What to do next after each kind of failure, said after the server's own line. */
const NEXT_STEP: Record<TeamErrorCode, string> = {
  unreachable: 'team.store.nextStep.unreachable',
  'bad-credentials': 'team.store.nextStep.badCredentials',
  'permission-denied': 'team.store.nextStep.permissionDenied',
  'schema-missing': 'team.store.nextStep.schemaMissing',
  'schema-newer': 'team.store.nextStep.schemaNewer',
  refused: 'team.store.nextStep.refused',
  tls: 'team.store.nextStep.tls',
  failed: 'team.store.nextStep.failed'
}

/** A failure as the one line the page shows: the server's reason, then what to do. */
export function teamErrorText(error: unknown): string {
  const team = error instanceof TeamError ? error : new TeamError('failed', error instanceof Error ? error.message : String(error))
  const reason = (team.message.split('\n', 1)[0] ?? '').trim().replace(/[.:]?$/, '.')
  // Two sentences: the server's reason (in English, as the server gives it), then what to do in the interface language.
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)} ${i18n.global.t(NEXT_STEP[team.code])}`
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
    notice.value = i18n.global.t('team.store.connected', { database, host, user: status.value.user })
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
    notice.value = i18n.global.t('team.store.disconnected')
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
      if (reason instanceof TeamSyncCancelledError)
        notice.value = i18n.global.t('team.store.cancelledPartial', { pushed: formatCount(reason.partial.pushed), pulled: formatCount(reason.partial.pulled) })
      else if (signal.aborted || reason instanceof SyncCancelled) notice.value = i18n.global.t('team.store.cancelled')
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
    if (server === undefined || connection.value === null) return i18n.global.t('team.store.connectFirst')
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
  const t = i18n.global.t
  const counts = { pushed: formatCount(result.pushed), pulled: formatCount(result.pulled) }
  if (result.conflicts === 0) return t('team.store.synced', counts)
  return t('team.store.syncedWithConflicts', { ...counts, conflicts: t('team.store.conflicts', { count: formatCount(result.conflicts) }, result.conflicts) })
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
