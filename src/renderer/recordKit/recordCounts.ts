import { effectScope, type EffectScope } from 'vue'
import { useLiveQuery, type LiveQuery } from '@renderer/db'
import type { RecordType } from '@shared/domain/recordTypes'
import { repositories } from './knowledgeBase'

/**
 * How long a type's count keeps following writes after the last list of that type was closed. A
 * list opened again meanwhile (back from a record page) has its count at once, without counting.
 */
export const COUNT_LINGER_MS = 60_000

interface SharedCount {
  readonly live: LiveQuery<number>
  readonly scope: EffectScope
  users: number
  stopTimer: ReturnType<typeof setTimeout> | undefined
}

const counts = new Map<RecordType, SharedCount>()

/** A list's hold on the live count of its type; `release` when the list closes. */
export interface RecordCountHold {
  readonly live: LiveQuery<number>
  release(): void
}

/**
 * The number of records of a type, kept current by a live query that every open list of the type
 * shares. Counting reads every key of the table (hundreds of ms at 100k; see `countRowsInPages`),
 * so lists must not count on every opening: the one count lingers `COUNT_LINGER_MS` after its last
 * list closes, re-counting only when the table is written.
 */
export function holdRecordCount(type: RecordType): RecordCountHold {
  let shared = counts.get(type)
  if (shared === undefined) {
    const scope = effectScope(true)
    const live = scope.run(() => useLiveQuery(() => repositories[type].count(), -1))!
    shared = { live, scope, users: 0, stopTimer: undefined }
    counts.set(type, shared)
  }
  const held = shared
  if (held.stopTimer !== undefined) clearTimeout(held.stopTimer)
  held.stopTimer = undefined
  held.users += 1
  let released = false
  return {
    live: held.live,
    release() {
      if (released) return
      released = true
      held.users -= 1
      if (held.users > 0) return
      held.stopTimer = setTimeout(() => {
        held.scope.stop()
        if (counts.get(type) === held) counts.delete(type)
      }, COUNT_LINGER_MS)
    }
  }
}

/** Whether a type's count is being kept (a list holds it or it lingers): opening a list then costs no count. */
export const isRecordCountKept = (type: RecordType): boolean => counts.has(type)

/** Stops every kept count at once (tests start each case from none). */
export function stopKeepingRecordCounts(): void {
  for (const shared of counts.values()) {
    if (shared.stopTimer !== undefined) clearTimeout(shared.stopTimer)
    shared.scope.stop()
  }
  counts.clear()
}
