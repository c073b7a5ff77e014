import { briefingSchema, type Briefing } from '@shared/briefing/briefing'
import { withoutUnsafeCharactersInside } from '@shared/domain/unsafeCharacters'
import type { PrecedentDatabase } from './precedentDatabase'
import { RecordValidationError, toStorageError } from './storageErrors'

/** The table migration 003 adds. */
const BRIEFINGS_TABLE = 'briefings'

/** What a composer hands in: the briefing without bookkeeping, which the save sets. */
export type BriefingInput = Omit<Briefing, 'createdAt' | 'updatedAt' | 'revision'>

/**
 * The briefing changed since the composer read it (another window saved or deleted it). Nothing
 * was written; `current` is what is stored now (undefined when it was deleted).
 */
export class BriefingConflictError extends Error {
  override readonly name = 'BriefingConflictError'
  constructor(
    readonly current: Briefing | undefined,
    readonly expectedRevision: number | undefined
  ) {
    super(
      current === undefined
        ? 'The briefing was deleted in another window'
        : expectedRevision === undefined
          ? `A briefing with the id "${current.id}" already exists`
          : `The briefing was changed elsewhere: revision ${current.revision} is stored, this edit started from revision ${expectedRevision}`
    )
  }
}

export interface BriefingSaveOptions {
  /** The revision the edit started from; omit only to create a new briefing. */
  readonly expectedRevision?: number
  readonly now?: Date
}

export interface BriefingRepository {
  /** Every briefing, most recently changed first. Rows that no longer validate are skipped. */
  list(): Promise<Briefing[]>
  get(id: string): Promise<Briefing | undefined>
  /**
   * Validates, then in one transaction checks the stored revision and writes. Resolves once the
   * transaction has committed, with the briefing as stored.
   *
   * @throws RecordValidationError a field is not acceptable (nothing written)
   * @throws BriefingConflictError the stored revision is not `expectedRevision` (nothing written)
   * @throws StorageWriteError the browser aborted the write
   */
  save(input: BriefingInput, options?: BriefingSaveOptions): Promise<Briefing>
  /** Deletes a briefing if it is still at `expectedRevision`. @throws BriefingConflictError */
  delete(id: string, expectedRevision: number): Promise<void>
}

function parseStored(row: unknown): Briefing | undefined {
  const parsed = briefingSchema.safeParse(row)
  if (parsed.success) return parsed.data
  // Stored before the text schema refused disguising characters (a right-to-left override in a
  // title): read it without them, rather than hide the briefing.
  const cleaned = briefingSchema.safeParse(withoutUnsafeCharactersInside(row))
  return cleaned.success ? cleaned.data : undefined
}

export function createBriefingRepository(db: PrecedentDatabase): BriefingRepository {
  const table = () => db.table<Briefing, string>(BRIEFINGS_TABLE)
  return {
    async list() {
      const rows = await table().orderBy('updatedAt').reverse().toArray()
      return rows.flatMap((row) => parseStored(row) ?? [])
    },
    async get(id) {
      return parseStored(await table().get(id))
    },
    async save(input, options = {}) {
      const now = (options.now ?? new Date()).toISOString()
      // Validate the content first, outside the transaction, with placeholder bookkeeping.
      const checked = briefingSchema.safeParse({ ...input, createdAt: now, updatedAt: now, revision: 1 })
      if (!checked.success) {
        throw new RecordValidationError(checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))
      }
      try {
        return await db.transaction('rw', table(), async () => {
          const row = await table().get(checked.data.id)
          const exists = row !== undefined
          const stored = parseStored(row)
          if (exists && (stored === undefined || stored.revision !== options.expectedRevision)) {
            throw new BriefingConflictError(stored, options.expectedRevision)
          }
          if (!exists && options.expectedRevision !== undefined) throw new BriefingConflictError(undefined, options.expectedRevision)
          const briefing: Briefing = {
            ...checked.data,
            createdAt: stored?.createdAt ?? now,
            updatedAt: now,
            revision: (stored?.revision ?? 0) + 1
          }
          await table().put(briefing)
          return briefing
        })
      } catch (error) {
        throw toStorageError(error)
      }
    },
    async delete(id, expectedRevision) {
      try {
        await db.transaction('rw', table(), async () => {
          const stored = parseStored(await table().get(id))
          if (stored === undefined || stored.revision !== expectedRevision) throw new BriefingConflictError(stored, expectedRevision)
          await table().delete(id)
        })
      } catch (error) {
        throw toStorageError(error)
      }
    }
  }
}
