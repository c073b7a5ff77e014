import type { RecordType } from '@shared/domain/recordTypes'
import type { PrecedentDatabase } from './precedentDatabase'
import { UNLOGGED_WRITE_KEY } from './metaKeys'
import { revisionsWrittenNow, revisionTable } from './revisionLog'

// How a background worker (the search index, the duplicate pairs) follows every committed change
// from a mark it stored, reading index counts first and records only when few changed.
//
// NOTE: a change's `at` is taken before its transaction commits, so a slower transaction can
// commit an older `at` after a newer one was applied. Re-reading a margin before the mark catches
// it; applying a change twice is harmless (the record is read as it now is).
export const REVISION_OVERLAP_MS = 60_000

/** Per record type: how many records the follower holds, and the newest `updatedAt` among them. */
export interface TableMark {
  count: number
  newestUpdatedAt: string
}

/** How far a follower has followed the change feed. */
export interface FeedMark {
  readonly lastRevisionAt: string
  /**
   * How many revisions were dated from `lastRevisionAt` less the overlap on: when as many are found
   * again, no slow transaction committed an older change since, and that margin need not be re-read.
   * An import dates all its revisions alike, so without this every one of them would be read again.
   */
  readonly overlapCount?: number | undefined
  readonly tables: Readonly<Partial<Record<RecordType, TableMark>>>
  /**
   * The last write without revisions the follower has taken in (see `noteUnloggedWrite`). Left out,
   * such writes are found only by counts and `updatedAt`, which a table cleared and refilled with as
   * many records stamped alike does not move.
   */
  readonly unloggedWrite?: string | undefined
  /**
   * The mark of the last transaction that added revisions, as the follower last saw it (see
   * `appendRevisions`). When it has not moved, and no write without revisions was stamped, nothing
   * was written since, and nothing is counted; left out (marks saved before it was kept), the feed
   * is counted as before.
   */
  readonly revisionsWritten?: string | undefined
}

/** The newest revision and how many fall in the overlap before it: where a new mark stands. */
export interface FeedPosition {
  readonly at: string
  readonly id: string
  readonly overlapCount: number
  /** The stamp of the last write without revisions ('' when none was made). */
  readonly unloggedWrite: string
  /** The mark of the last transaction that added revisions ('' when none did). */
  readonly revisionsWritten: string
}

export type FeedChanges =
  /**
   * Nothing new in the feed; `countsAgree` false means rows changed without a revision (removed in
   * bulk). Only a mark without a stamp (`unloggedWrite`) has its tables counted: every write without
   * revisions is stamped, so for a stamped mark the counts would say nothing the stamp does not, and
   * counting is O(rows) in Chromium's IndexedDB (over a second at 100k, holding up every request
   * queued behind it), which each follower paid at every start.
   */
  | { readonly kind: 'none'; readonly countsAgree: boolean }
  /** More than the limit changed (an import, a restore), or records were written without revisions: one pass over the tables is cheaper. */
  | { readonly kind: 'many' }
  /** The records changed since the mark, by id, and the feed's position they were read at. */
  | { readonly kind: 'some'; readonly changed: ReadonlyMap<string, RecordType>; readonly position: FeedPosition }

const shiftedTimestamp = (at: string, milliseconds: number): string => {
  const time = Date.parse(at)
  return Number.isNaN(time) ? '' : new Date(time + milliseconds).toISOString()
}

/** How many revisions are dated `since` or later (all of them for ''). */
function countSince(db: PrecedentDatabase, since: string): Promise<number> {
  const revisions = revisionTable(db)
  return since === '' ? revisions.count() : revisions.where('at').aboveOrEqual(since).count()
}

/** A stamp naming one write without revisions; a table cleared and refilled alike still gets a new one. */
interface UnloggedWriteStamp {
  readonly id: string
  readonly at: string
}

async function unloggedWriteNow(db: PrecedentDatabase): Promise<string> {
  const value = (await db.meta.get(UNLOGGED_WRITE_KEY))?.value as UnloggedWriteStamp | undefined
  return typeof value?.id === 'string' ? value.id : ''
}

/**
 * Marks a write of record rows that leaves no revision (loading shipped records, a rolled-back
 * import's records taken out with their history, a test's arrange step), in that write's own
 * transaction, which must include `meta`: every follower of the feed then reads the tables again.
 * Every write that bypasses `writeRecordChanges` calls this.
 */
export async function noteUnloggedWrite(db: PrecedentDatabase, at = new Date().toISOString()): Promise<void> {
  await db.meta.put({ key: UNLOGGED_WRITE_KEY, value: { id: crypto.randomUUID(), at } satisfies UnloggedWriteStamp })
}

/** The `meta` row keeping the overlap count of the position last read (see `readFeedPosition`); never in a backup. */
export const FEED_OVERLAP_KEY = 'feed-overlap-count'

/** The overlap count of the position last read, with what it was counted at. */
interface KeptOverlapCount {
  readonly at: string
  readonly revisionsWritten: string
  readonly unloggedWrite: string
  readonly overlapCount: number
}

const isKeptOverlapCount = (value: unknown): value is KeptOverlapCount => {
  const kept = value as Partial<KeptOverlapCount> | undefined
  return (
    typeof kept?.at === 'string' && typeof kept.revisionsWritten === 'string' && typeof kept.unloggedWrite === 'string' && Number.isInteger(kept.overlapCount)
  )
}

/** The position and whether its overlap was counted just now (rather than taken from `meta`). */
async function positionNow(db: PrecedentDatabase): Promise<{ readonly position: FeedPosition; readonly isCounted: boolean }> {
  const newest = await revisionTable(db).orderBy('at').last()
  const at = newest?.at ?? ''
  const unloggedWrite = await unloggedWriteNow(db)
  const revisionsWritten = await revisionsWrittenNow(db)
  // Kept for the stamps it was counted at: every write that adds or removes revisions moves one of
  // them (the same promise the followers' "nothing written" look relies on), so while both stand
  // the count stands too.
  const kept = (await db.meta.get(FEED_OVERLAP_KEY))?.value
  const isKept =
    revisionsWritten !== '' && isKeptOverlapCount(kept) && kept.at === at && kept.revisionsWritten === revisionsWritten && kept.unloggedWrite === unloggedWrite
  const overlapCount = isKept ? kept.overlapCount : await countSince(db, shiftedTimestamp(at, -REVISION_OVERLAP_MS))
  return { position: { at, id: newest?.id ?? '', overlapCount, unloggedWrite, revisionsWritten }, isCounted: !isKept }
}

/**
 * A token that moves with every committed write of records: the newest revision and the stamp of the
 * last write without revisions (two key reads, no count), for a follower to tell cheaply whether to
 * catch up. Rows removed without a trace (a table cleared by hand) do not move it.
 */
export function readFeedHead(db: PrecedentDatabase): Promise<string> {
  return db.transaction('r', [revisionTable(db), db.meta], async () => {
    const newest = await revisionTable(db).orderBy('at').last()
    return feedHeadOf({ id: newest?.id ?? '', at: newest?.at ?? '', unloggedWrite: await unloggedWriteNow(db) })
  })
}

/** The token `readFeedHead` gives at a position. */
export const feedHeadOf = (position: Pick<FeedPosition, 'id' | 'at' | 'unloggedWrite'>): string => `${position.id}@${position.at}|${position.unloggedWrite}`

/**
 * The feed's position, read in the caller's transaction (which must include `revisions` and `meta`):
 * a read-write transaction reads it before and after its own writes, and no other write can fall
 * between them.
 */
export const readFeedPositionHere = async (db: PrecedentDatabase): Promise<FeedPosition> => (await positionNow(db)).position

/**
 * A token of what others wrote, read inside a bulk write's own transaction, for a write whose own
 * revisions are all dated `ownAt` (an import's chunks): the newest revision, how many revisions
 * dated in the overlap before `ownAt` (so one committed late with an older date is seen), and the
 * stamp of the last write without revisions. Unlike `readFeedPositionHere` it never counts the
 * write's own revisions, which an import of 100,000 records would make a count of that many per read.
 */
export async function readFeedTokenAround(db: PrecedentDatabase, ownAt: string): Promise<string> {
  const newest = await revisionTable(db).orderBy('at').last()
  const since = shiftedTimestamp(ownAt, -REVISION_OVERLAP_MS)
  const olderInOverlap = since === '' ? 0 : await revisionTable(db).where('at').between(since, ownAt, true, false).count()
  return `${feedHeadOf({ id: newest?.id ?? '', at: newest?.at ?? '', unloggedWrite: await unloggedWriteNow(db) })}|${olderInOverlap}`
}

/**
 * Whether nothing was written between two readings of the position: no revision added (the newest
 * is the same, and as many fall in the overlap, so none committed late with an older date) and no
 * write without revisions noted. Rows removed by hand without either are not seen (see `readFeedHead`).
 */
export const isSameFeedPosition = (a: FeedPosition, b: FeedPosition): boolean =>
  a.at === b.at && a.id === b.id && a.overlapCount === b.overlapCount && a.unloggedWrite === b.unloggedWrite && a.revisionsWritten === b.revisionsWritten

/**
 * The feed's position now, read in one transaction: take it before reading the tables, so a change
 * committed meanwhile is applied again, never missed.
 *
 * Its overlap count is kept in `meta` once counted, for the next reader at the same position: after
 * an import every revision of the last minute is the import's (100,000 dated alike), and Chromium
 * counts them row by row in one request, about a second during which every other read of the
 * origin waits — the views worker took a position at every start, and a list opened meanwhile
 * waited with it.
 */
export async function readFeedPosition(db: PrecedentDatabase): Promise<FeedPosition> {
  const { position, isCounted } = await db.transaction('r', [revisionTable(db), db.meta], () => positionNow(db))
  if (isCounted && position.revisionsWritten !== '') {
    const kept: KeptOverlapCount = {
      at: position.at,
      revisionsWritten: position.revisionsWritten,
      unloggedWrite: position.unloggedWrite,
      overlapCount: position.overlapCount
    }
    // Only a saving: when it cannot be written (a full disk), the next reader counts again.
    await db.meta.put({ key: FEED_OVERLAP_KEY, value: kept }).catch(() => undefined)
  }
  return position
}

/**
 * What changed since `mark` among records of `types`. First counts (index counts only, no record
 * read): nothing new on a plain reload; more than `limit` (an import) says so without reading them;
 * otherwise reads the few revisions and the ids of records stamped later than the mark (writes that
 * leave no revision, seeding and bulk loads, still move `updatedAt`). A mark that carries
 * `unloggedWrite` gets `many` when a write without revisions was noted since.
 */
export async function readChangesSince(db: PrecedentDatabase, mark: FeedMark, types: readonly RecordType[], limit: number): Promise<FeedChanges> {
  const revisions = revisionTable(db)
  const tables = [revisions, db.meta, ...types.map((type) => db.recordTable(type))]
  const since = shiftedTimestamp(mark.lastRevisionAt, -REVISION_OVERLAP_MS)
  const newestOf = (type: RecordType): string => mark.tables[type]?.newestUpdatedAt ?? ''
  const look = await db.transaction('r', tables, async () => {
    if (mark.unloggedWrite !== undefined && (await unloggedWriteNow(db)) !== mark.unloggedWrite) return undefined
    // Nothing added to the log since the mark, and no write without revisions: nothing to count.
    if (mark.unloggedWrite !== undefined && mark.revisionsWritten !== undefined && (await revisionsWrittenNow(db)) === mark.revisionsWritten)
      return 'unchanged' as const
    const inOverlapAndAfter = await countSince(db, since)
    const after = mark.lastRevisionAt === '' ? inOverlapAndAfter : await revisions.where('at').above(mark.lastRevisionAt).count()
    // A change committed late with an older date shows as one more revision in the overlap.
    const isOverlapUnchanged = mark.overlapCount !== undefined && inOverlapAndAfter - after === mark.overlapCount
    const newer = await Promise.all(
      types.map((type) => (newestOf(type) === '' ? db.recordTable(type).count() : db.recordTable(type).where('updatedAt').above(newestOf(type)).count()))
    )
    const counts = mark.unloggedWrite === undefined ? await Promise.all(types.map((type) => db.recordTable(type).count())) : undefined
    return { isOverlapUnchanged, toRead: isOverlapUnchanged ? after : inOverlapAndAfter, newer: newer.reduce((sum, count) => sum + count, 0), counts }
  })
  if (look === undefined) return { kind: 'many' }
  if (look === 'unchanged') return { kind: 'none', countsAgree: true }
  if (look.toRead === 0 && look.newer === 0) {
    const counts = look.counts
    return { kind: 'none', countsAgree: counts === undefined || types.every((type, index) => counts[index] === mark.tables[type]?.count) }
  }
  // A record written with a revision counts in both: the larger is the better guess of how many changed.
  if (Math.max(look.toRead, look.newer) > limit) return { kind: 'many' }
  return db.transaction('r', tables, async () => {
    const feedRows = look.isOverlapUnchanged
      ? mark.lastRevisionAt === ''
        ? await revisions.toArray()
        : await revisions.where('at').above(mark.lastRevisionAt).toArray()
      : since === ''
        ? await revisions.toArray()
        : await revisions.where('at').aboveOrEqual(since).toArray()
    const changed = new Map<string, RecordType>()
    for (const revision of feedRows) if (types.includes(revision.recordType)) changed.set(revision.recordId, revision.recordType)
    for (const type of types) {
      const table = db.recordTable(type)
      const ids = (
        newestOf(type) === '' ? await table.toCollection().primaryKeys() : await table.where('updatedAt').above(newestOf(type)).primaryKeys()
      ) as string[]
      for (const id of ids) changed.set(id, type)
    }
    return { kind: 'some', changed, position: (await positionNow(db)).position } as const
  })
}
