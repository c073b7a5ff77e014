import type { z } from '@shared/lib/zod'
import { formatIssuePath } from '@shared/domain/bundle'
import { validationProblem } from '@shared/domain/validationProblem'
import type { RecordType, TypedRecord } from '@shared/domain/recordTypes'
import { assertLinksExist } from './linkCheck'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES } from './recordTables'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import type { RecordInput, SaveRecordOptions } from './recordWriter'
import { bumped, readForChange, writeRecordChanges, type RecordChange } from './recordChanges'
import { lastRecordedRevision, revisionTable } from './revisionLog'
import { RecordValidationError, toStorageError, type RecordProblem } from './storageErrors'

/** One record to store as part of a batch: its type, its input (no `id` creates it) and the revision the edit started from. */
export type RecordWrite = {
  [T in RecordType]: { readonly type: T; readonly input: RecordInput<T>; readonly expectedRevision?: number }
}[RecordType]

export type BatchOptions = Omit<SaveRecordOptions, 'expectedRevision'>

function problemsOf(error: z.ZodError, index: number): RecordProblem[] {
  return error.issues.map((issue) => ({ path: `[${index}].${formatIssuePath(issue.path)}`, message: issue.message, problem: validationProblem(issue) }))
}

function stripIndex(problem: RecordProblem, index: number): RecordProblem {
  const prefix = `[${index}].`
  return problem.path.startsWith(prefix) ? { ...problem, path: problem.path.slice(prefix.length) } : problem
}

/**
 * Stores several records together, all or nothing: a relationship kept on the other record
 * ("Alipay operates Alipay Wallet" is stored on Alipay Wallet as `operator: Alipay`) is saved
 * with the record the person was editing. Every record is validated first; then one read-write
 * transaction checks each stored revision, writes them all, checks every link (so a batch may
 * create a record and link another to it) and adds each change to the history.
 *
 * Problems of the first write keep their paths as `saveRecord` reports them; those of later
 * writes are prefixed with their index (`[1].links[0].organisationId`).
 *
 * @returns the stored records, in the order of `writes`
 * @throws RecordValidationError a schema problem or a link to a record that does not exist; nothing was written
 * @throws RevisionConflictError one of the records changed since its edit started; nothing was written
 * @throws RecordNotFoundError an update of a record that no longer exists; nothing was written
 * @throws StorageWriteError the browser aborted the transaction; nothing was written
 */
export async function saveRecords(db: PrecedentDatabase, writes: readonly RecordWrite[], options: BatchOptions): Promise<TypedRecord[]> {
  // Validate before the transaction: inside it, awaiting anything but IndexedDB would commit it early.
  const timestamp = options.now()
  const problems: RecordProblem[] = []
  const candidates = writes.map((write, index) => {
    const parsed = RECORD_SCHEMAS[write.type].safeParse({
      ...write.input,
      id: write.input.id ?? options.newId(),
      createdAt: timestamp,
      updatedAt: timestamp,
      revision: 1
    })
    if (!parsed.success) {
      problems.push(...problemsOf(parsed.error, index).map((problem) => (index === 0 ? stripIndex(problem, 0) : problem)))
      return undefined
    }
    return { type: write.type, record: parsed.data } as TypedRecord
  })
  if (problems.length > 0) throw new RecordValidationError(problems)
  const valid = candidates.filter((candidate): candidate is TypedRecord => candidate !== undefined)
  const tables = [...RECORD_TABLE_NAMES.map((name) => db[name]), revisionTable(db), db.meta]
  try {
    return await db.transaction('rw', tables, async () => {
      const changes: RecordChange[] = []
      for (const [index, candidate] of valid.entries()) {
        const previous = await readForChange(db, candidate.type, candidate.record.id, writes[index]?.expectedRevision)
        const revision = previous === undefined ? (await lastRecordedRevision(db, candidate.record.id)) + 1 : previous.record.revision + 1
        const after = bumped(
          { type: candidate.type, record: { ...candidate.record, createdAt: previous?.record.createdAt ?? candidate.record.createdAt } } as TypedRecord,
          revision,
          timestamp
        )
        changes.push({ action: previous === undefined ? 'create' : 'update', before: previous, after })
      }
      await writeRecordChanges(db, changes, { ...options, at: timestamp })
      const stored = changes.map((change) => change.after as TypedRecord)
      // Checked once the whole batch is written, so a batch may create a record and link another to it; a failure aborts it all.
      await assertLinksExist(db, stored, { pathOf: (_typed, index, path) => (index === 0 ? path : `[${index}].${path}`) })
      return stored
    })
  } catch (error) {
    throw toStorageError(error)
  }
}
