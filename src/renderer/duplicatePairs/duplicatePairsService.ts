import { z } from '@shared/lib/zod'
import {
  duplicatePairTable,
  DUPLICATES_WATERMARK_KEY,
  readChangesSince,
  readFeedPosition,
  type DuplicatePairRow,
  type DuplicatePairType,
  type PrecedentDatabase
} from '@renderer/db'
import { fromRow, type StoredRow } from '@renderer/db/storedRow'
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  DuplicateBlocks,
  duplicatePairKey,
  incidentDuplicateProfile,
  isLiveBlock,
  MAX_BLOCK_SIZE,
  organisationDuplicateProfile,
  scoreDuplicateProfiles,
  type DuplicateProfile,
  type IncidentDuplicateData,
  type OrganisationDuplicateData
} from '@shared/domain/duplicates'
import type { DuplicatePairsStatus } from './duplicatePairsProtocol'

/** Bump when scoring or blocking changes: stored pairs of another version are computed again. */
// 2: placeholder names ("Unnamed", "(Surname Withheld)") stopped counting as names (migration 6).
// 3: incidents' loose keys are their titles' rarest character pairs (migration 7).
// 4: reasons are stored as messages, for words in the reader's language, not English sentences.
export const DUPLICATE_PAIRS_VERSION = 4

// Pages of a thousand, as the views worker reads: IndexedDB answers one request at a time, and the page's reads wait behind each.
const READ_CHUNK = 1_000
const WRITE_CHUNK = 1_000
const PROGRESS_EVERY = 500
// Past this many changed records, one pass over everything is cheaper than looking each one up.
const INCREMENTAL_LIMIT = 2_000
const TYPES: readonly DuplicatePairType[] = ['organisation', 'incident']
const TABLE = { organisation: 'organisations', incident: 'incidents' } as const

const markSchema = z.object({ count: z.number().int().min(0), newestUpdatedAt: z.string() })
const watermarkSchema = z.object({
  version: z.number(),
  lastRevisionAt: z.string(),
  // Optional: marks stored before it was kept read their overlap once more.
  overlapCount: z.number().int().min(0).optional(),
  // Optional for the same reason; with it, a table cleared and refilled alike without revisions is seen (see noteUnloggedWrite).
  unloggedWrite: z.string().optional(),
  // Optional for the same reason; with it, a look at the feed when nothing was written counts nothing (see appendRevisions).
  revisionsWritten: z.string().optional(),
  tables: z.object({ organisation: markSchema, incident: markSchema })
})
export type DuplicatePairsWatermark = z.infer<typeof watermarkSchema>

type PairRow = StoredRow<'organisation'> | StoredRow<'incident'>

interface ProfiledRecord {
  readonly profile: DuplicateProfile
  readonly title: string
}

function profiled(type: DuplicatePairType, row: PairRow): ProfiledRecord {
  if (type === 'organisation') {
    const record = fromRow(row as StoredRow<'organisation'>)
    const data = row.duplicateData?.kind === 'organisation' ? (row.duplicateData as OrganisationDuplicateData) : undefined
    return { profile: organisationDuplicateProfile(record, data), title: record.name }
  }
  const record = fromRow(row as StoredRow<'incident'>)
  const data = row.duplicateData?.kind === 'incident' ? (row.duplicateData as IncidentDuplicateData) : undefined
  return { profile: incidentDuplicateProfile(record, data), title: record.title }
}

function pairRow(type: DuplicatePairType, a: ProfiledRecord, b: ProfiledRecord, threshold: number): DuplicatePairRow | undefined {
  // Scored in id order, as a whole table is read, so the reasons read the same whichever record changed.
  const [first, second] = a.profile.id < b.profile.id ? [a, b] : [b, a]
  const { score, reasonMessages } = scoreDuplicateProfiles(first.profile, second.profile)
  if (score < threshold) return undefined
  return {
    key: duplicatePairKey(first.profile.id, second.profile.id),
    type,
    firstId: first.profile.id,
    secondId: second.profile.id,
    firstTitle: first.title,
    secondTitle: second.title,
    score,
    rank: -score,
    reasons: reasonMessages
  }
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

export interface DuplicatePairsServiceOptions {
  readonly onStatus?: (status: DuplicatePairsStatus) => void
  readonly threshold?: number
}

/**
 * Keeps the `duplicatePairs` table equal to the likely duplicates among organisations and among
 * incidents. A cold start (no watermark, or one of another version) reads the records a chunk at a
 * time, blocks them by their stored keys and scores each record against its later block-mates,
 * writing pairs as it goes (never holding all pairs). After that it follows the revision log like
 * the search index: only records changed since the watermark are recomputed, their neighbours found
 * through the `*duplicateKeys` index, their pairs replaced. Operations run one at a time.
 */
export class DuplicatePairsService {
  private queue: Promise<unknown> = Promise.resolve()
  private readonly threshold: number

  constructor(
    private readonly db: PrecedentDatabase,
    private readonly options: DuplicatePairsServiceOptions = {}
  ) {
    this.threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD
  }

  /** Catches up from the stored watermark, or computes every pair when there is none. */
  open(): Promise<void> {
    return this.exclusive(async () => {
      this.report({ state: 'opening' })
      try {
        const watermark = await this.storedWatermark()
        if (watermark === undefined) await this.rebuildNow()
        else await this.catchUp(watermark)
        this.report({ state: 'ready' })
      } catch (error) {
        this.report({ state: 'failed', message: error instanceof Error ? error.message : String(error) })
        throw error
      }
    })
  }

  /** Recomputes the pairs of records changed since the watermark. */
  applyChanges(): Promise<void> {
    return this.exclusive(async () => {
      const watermark = await this.storedWatermark()
      if (watermark === undefined) await this.rebuildNow()
      else await this.catchUp(watermark)
      this.report({ state: 'ready' })
    })
  }

  /** Computes every pair again. */
  rebuild(): Promise<void> {
    return this.exclusive(async () => {
      await this.rebuildNow()
      this.report({ state: 'ready' })
    })
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation)
    this.queue = result.catch(() => undefined)
    return result
  }

  private report(status: DuplicatePairsStatus): void {
    this.options.onStatus?.(status)
  }

  private async storedWatermark(): Promise<DuplicatePairsWatermark | undefined> {
    const parsed = watermarkSchema.safeParse((await this.db.meta.get(DUPLICATES_WATERMARK_KEY))?.value)
    return parsed.success && parsed.data.version === DUPLICATE_PAIRS_VERSION ? parsed.data : undefined
  }

  private async rebuildNow(): Promise<void> {
    // The feed's position first: a change committed while reading is applied again, never missed.
    const feed = await readFeedPosition(this.db)
    const counts = await Promise.all(TYPES.map((type) => this.db.table(TABLE[type]).count()))
    const total = counts.reduce((sum, count) => sum + count, 0)
    let done = 0
    this.report({ state: 'computing', done, total })
    await duplicatePairTable(this.db).clear()
    const tables = {} as Record<DuplicatePairType, { count: number; newestUpdatedAt: string }>
    for (const type of TYPES) {
      const records: ProfiledRecord[] = []
      let newestUpdatedAt = ''
      let after: string | undefined
      for (;;) {
        const table = this.db.table(TABLE[type])
        const rows = (await (after === undefined ? table.orderBy('id') : table.where('id').above(after)).limit(READ_CHUNK).toArray()) as PairRow[]
        if (rows.length === 0) break
        for (const row of rows) {
          records.push(profiled(type, row))
          if (row.updatedAt > newestUpdatedAt) newestUpdatedAt = row.updatedAt
        }
        after = rows[rows.length - 1]?.id
      }
      tables[type] = { count: records.length, newestUpdatedAt }
      const blocks = new DuplicateBlocks(records.map((record) => record.profile))
      let pending: DuplicatePairRow[] = []
      for (let index = 0; index < records.length; index += 1) {
        const record = records[index] as ProfiledRecord
        for (const later of blocks.laterNeighbours(index)) {
          const row = pairRow(type, record, records[later] as ProfiledRecord, this.threshold)
          if (row !== undefined) pending.push(row)
        }
        if (pending.length >= WRITE_CHUNK) {
          await duplicatePairTable(this.db).bulkPut(pending)
          pending = []
        }
        done += 1
        if (done % PROGRESS_EVERY === 0) {
          this.report({ state: 'computing', done, total })
          await nextTask()
        }
      }
      if (pending.length > 0) await duplicatePairTable(this.db).bulkPut(pending)
    }
    await this.saveWatermark({
      version: DUPLICATE_PAIRS_VERSION,
      lastRevisionAt: feed.at,
      overlapCount: feed.overlapCount,
      unloggedWrite: feed.unloggedWrite,
      revisionsWritten: feed.revisionsWritten,
      tables
    })
  }

  private async saveWatermark(watermark: DuplicatePairsWatermark): Promise<void> {
    await this.db.meta.put({ key: DUPLICATES_WATERMARK_KEY, value: watermark })
  }

  private async catchUp(watermark: DuplicatePairsWatermark): Promise<void> {
    const look = await readChangesSince(this.db, watermark, TYPES, INCREMENTAL_LIMIT)
    if (look.kind === 'many' || (look.kind === 'none' && !look.countsAgree)) {
      await this.rebuildNow()
      return
    }
    if (look.kind === 'none') return
    const tables = { ...watermark.tables }
    for (const type of TYPES) {
      const ids = [...look.changed].filter(([, changedType]) => changedType === type).map(([id]) => id)
      const seen = await this.recompute(type, ids)
      // The counts are consulted only for a watermark without a stamp (see readChangesSince), and
      // counting is O(rows) in Chromium (over a second for both tables at 100k, after every edit):
      // a stamped watermark keeps those of its last full read.
      const count = watermark.unloggedWrite === undefined ? await this.db.table(TABLE[type]).count() : tables[type].count
      tables[type] = { count, newestUpdatedAt: seen > tables[type].newestUpdatedAt ? seen : tables[type].newestUpdatedAt }
    }
    const isNewer = look.position.at >= watermark.lastRevisionAt
    await this.saveWatermark({
      version: DUPLICATE_PAIRS_VERSION,
      lastRevisionAt: isNewer ? look.position.at : watermark.lastRevisionAt,
      overlapCount: isNewer ? look.position.overlapCount : watermark.overlapCount,
      unloggedWrite: look.position.unloggedWrite,
      revisionsWritten: isNewer ? look.position.revisionsWritten : watermark.revisionsWritten,
      tables
    })
  }

  /** Replaces the pairs of some records of one type with their pairs as the records now are; returns the newest `updatedAt` seen. */
  private async recompute(type: DuplicatePairType, ids: readonly string[]): Promise<string> {
    if (ids.length === 0) return ''
    const table = this.db.table(TABLE[type])
    const pairs = duplicatePairTable(this.db)
    const cache = new Map<string, ProfiledRecord>()
    const profileOf = (row: PairRow): ProfiledRecord => {
      let known = cache.get(row.id)
      if (known === undefined) {
        known = profiled(type, row)
        cache.set(row.id, known)
      }
      return known
    }
    let newest = ''
    const rows = (await table.bulkGet([...ids])) as (PairRow | undefined)[]
    for (const [index, id] of ids.entries()) {
      const stale = [...(await pairs.where('firstId').equals(id).primaryKeys()), ...(await pairs.where('secondId').equals(id).primaryKeys())]
      const row = rows[index]
      const fresh: DuplicatePairRow[] = []
      if (row !== undefined) {
        if (row.updatedAt > newest) newest = row.updatedAt
        const record = profileOf(row)
        const neighbours = new Map<string, PairRow>()
        for (const key of row.duplicateKeys ?? []) {
          const isExact = key.startsWith('x:')
          const query = table.where('duplicateKeys').equals(key)
          const members = (await (isExact ? query : query.limit(MAX_BLOCK_SIZE + 1)).toArray()) as PairRow[]
          if (!isLiveBlock(isExact ? 'exact' : 'loose', members.length)) continue
          for (const member of members) if (member.id !== id) neighbours.set(member.id, member)
        }
        for (const neighbour of neighbours.values()) {
          const pair = pairRow(type, record, profileOf(neighbour), this.threshold)
          if (pair !== undefined) fresh.push(pair)
        }
      }
      await this.db.transaction('rw', pairs, async () => {
        await pairs.bulkDelete(stale)
        await pairs.bulkPut(fresh)
      })
    }
    return newest
  }
}
