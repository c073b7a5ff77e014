import { listRevisions, type PrecedentDatabase } from '@renderer/db'
import { linkTargetsOf } from '@renderer/db/linkTargets'
import { fromRow } from '@renderer/db/storedRow'
import { RECORD_TYPES, type TypedRecord } from '@shared/domain/recordTypes'

/**
 * What must hold of a knowledge base whatever failed while it was written, in words (empty when
 * all is well): every link (by the one table of links) points at a stored record of its type, and
 * the revision log agrees with the records: a record with a history is at its newest revision's
 * number, and a record whose newest revision is a deletion, or a merge that left a redirect from
 * its id, is gone; and every redirect a merge left leads to a stored record.
 */
export async function integrityProblems(db: PrecedentDatabase): Promise<string[]> {
  const problems: string[] = []
  const stored = new Map<string, TypedRecord>()
  for (const type of RECORD_TYPES) {
    for (const row of await db.recordTable(type).toArray()) stored.set(row.id, { type, record: fromRow(row) } as TypedRecord)
  }
  for (const typed of stored.values()) {
    for (const link of linkTargetsOf(typed)) {
      const target = stored.get(link.targetId)
      if (target?.type !== link.targetType) problems.push(`${typed.record.id} ${link.path} points at missing ${link.targetType} ${link.targetId}`)
    }
  }
  const redirects = (await db.table('redirects').toArray()) as { fromId: string; toId: string }[]
  const redirected = new Set(redirects.map((redirect) => redirect.fromId))
  const recordIds = new Set((await db.table('revisions').toArray()).map((revision: { recordId: string }) => revision.recordId))
  for (const recordId of recordIds) {
    const [newest] = await listRevisions(db, recordId)
    const record = stored.get(recordId)?.record
    if (newest?.action === 'delete') {
      if (record !== undefined) problems.push(`${recordId} is stored though its history ends with its deletion`)
    } else if (newest?.action === 'merge' && redirected.has(recordId)) {
      if (record !== undefined) problems.push(`${recordId} is stored though it was merged away`)
    } else if (record === undefined) {
      problems.push(`${recordId} has a history but no record`)
    } else if (record.revision !== newest?.revision) {
      problems.push(`${recordId} is at revision ${record.revision} but its history at ${newest?.revision}`)
    }
  }
  for (const redirect of redirects) {
    if (!stored.has(redirect.toId)) problems.push(`the redirect from ${redirect.fromId} leads to ${redirect.toId}, which is not stored`)
  }
  return problems
}
