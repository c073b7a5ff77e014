import { RECORD_TYPE_LABELS, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { message, type Message } from '@shared/locale/message'
import { linkTargetsOf } from './linkTargets'
import type { PrecedentDatabase } from './precedentDatabase'
import { RecordValidationError, type RecordProblem } from './storageErrors'

export interface LinkCheckOptions {
  /** Ids that will exist though not stored yet: the other records of the same write. */
  readonly alsoExisting?: ReadonlySet<string>
  /** How a problem names its place: the n-th record's link path (default: the path alone). */
  readonly pathOf?: (typed: TypedRecord, index: number, linkPath: string) => string
}

/**
 * Refuses records whose links point at records that do not exist, naming every such link. Call
 * inside the write's transaction, so no other window can delete a target in between. One read per
 * record type however many records are checked (an import checks thousands).
 *
 * @throws RecordValidationError one problem per missing target
 */
export async function assertLinksExist(db: PrecedentDatabase, records: readonly TypedRecord[], options: LinkCheckOptions = {}): Promise<void> {
  const alsoExisting = options.alsoExisting ?? new Set<string>()
  const wanted = new Map<RecordType, Set<string>>()
  for (const typed of records) {
    for (const target of linkTargetsOf(typed)) {
      if (alsoExisting.has(target.targetId)) continue
      const ids = wanted.get(target.targetType) ?? new Set<string>()
      ids.add(target.targetId)
      wanted.set(target.targetType, ids)
    }
  }
  const missing = new Set<string>()
  for (const [type, ids] of wanted) {
    const list = [...ids]
    const found = await db.recordTable(type).bulkGet(list)
    list.forEach((id, index) => {
      if (found[index] === undefined) missing.add(`${type}:${id}`)
    })
  }
  if (missing.size === 0) return
  const pathOf = options.pathOf ?? ((_typed: TypedRecord, _index: number, linkPath: string) => linkPath)
  const problems: RecordProblem[] = []
  records.forEach((typed, index) => {
    for (const target of linkTargetsOf(typed)) {
      if (!missing.has(`${target.targetType}:${target.targetId}`)) continue
      problems.push({
        path: pathOf(typed, index, target.path),
        message: `No ${RECORD_TYPE_LABELS[target.targetType].singular.toLowerCase()} with the id "${target.targetId}" exists`,
        problem: missingLinkProblem(target.targetType, target.targetId)
      })
    }
  })
  throw new RecordValidationError(problems)
}

/** "No organisation with the id "org-x" exists", as a message. */
function missingLinkProblem(type: RecordType, id: string): Message {
  switch (type) {
    case 'incident':
      return message('problems.storage.noSuch.incident', { id })
    case 'organisation':
      return message('problems.storage.noSuch.organisation', { id })
    case 'jurisdiction':
      return message('problems.storage.noSuch.jurisdiction', { id })
    case 'law':
      return message('problems.storage.noSuch.law', { id })
    case 'response':
      return message('problems.storage.noSuch.response', { id })
    case 'source':
      return message('problems.storage.noSuch.source', { id })
  }
}
