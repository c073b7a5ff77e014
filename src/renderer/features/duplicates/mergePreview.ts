import { i18n } from '@renderer/i18n'
import { mergeIncidents, mergeOrganisations } from '@shared/domain/mergeRecords'
import { referencesOf } from '@shared/domain/recordReferences'
import type { TypedRecord } from '@shared/domain/recordTypes'

/** What a merge will do, for the person to check before confirming. */
export interface MergePreview {
  /** Names of the duplicate that the survivor gains as aliases. */
  readonly addedAliases: readonly string[]
  /** Links (other than citations) the survivor gains. */
  readonly addedLinkCount: number
  readonly addedCitationCount: number
  /** Fields the survivor lacks and takes from the duplicate, as labels ("Description"). */
  readonly filledFields: readonly string[]
  /** Records that link to the duplicate and will point to the survivor instead. */
  readonly repointed: readonly TypedRecord[]
}

// The fields a merge may fill in, each with its label's key (duplicates.field.<field>), in the order they are listed.
const FIELD_LABEL_KEYS: Readonly<Record<string, string>> = {
  description: 'duplicates.field.description',
  headquartersJurisdictionId: 'duplicates.field.headquartersJurisdictionId',
  headquartersCity: 'duplicates.field.headquartersCity',
  summary: 'duplicates.field.summary',
  original: 'duplicates.field.original',
  occurredOn: 'duplicates.field.occurredOn',
  disclosedOn: 'duplicates.field.disclosedOn',
  reportedOn: 'duplicates.field.reportedOn',
  affectedUsers: 'duplicates.field.affectedUsers'
}

function combined(survivor: TypedRecord, duplicate: TypedRecord): TypedRecord | undefined {
  if (survivor.type === 'organisation' && duplicate.type === 'organisation') {
    return { type: 'organisation', record: mergeOrganisations(survivor.record, duplicate.record) }
  }
  if (survivor.type === 'incident' && duplicate.type === 'incident') {
    return { type: 'incident', record: mergeIncidents(survivor.record, duplicate.record) }
  }
  return undefined
}

const isEmpty = (value: unknown) => value === undefined || value === ''

/** Describes merging `duplicate` into `survivor`, computed with the same rules the merge applies. */
export function previewMerge(survivor: TypedRecord, duplicate: TypedRecord, duplicateReferrers: readonly TypedRecord[]): MergePreview {
  const merged = combined(survivor, duplicate)
  const referenceKeys = (typed: TypedRecord) =>
    new Set(
      referencesOf(typed)
        .filter((reference) => reference.relation !== 'citation')
        .map((reference) => `${reference.relation}|${reference.targetId}`)
    )
  const before = referenceKeys(survivor)
  const after = merged === undefined ? new Set<string>() : referenceKeys(merged)
  const survivorFields = survivor.record as unknown as Readonly<Record<string, unknown>>
  const mergedFields = (merged?.record ?? survivor.record) as unknown as Readonly<Record<string, unknown>>
  const aliasNames = (typed: TypedRecord | undefined) => (typed?.type === 'organisation' ? typed.record.aliases.map((alias) => alias.name) : [])
  const survivorAliases = new Set(aliasNames(survivor))
  const citationCount = (typed: TypedRecord | undefined) => (typed === undefined || typed.type === 'source' ? 0 : typed.record.citations.length)
  return {
    addedAliases: aliasNames(merged).filter((name) => !survivorAliases.has(name)),
    addedLinkCount: [...after].filter((key) => !before.has(key)).length,
    addedCitationCount: Math.max(0, citationCount(merged) - citationCount(survivor)),
    filledFields: Object.keys(FIELD_LABEL_KEYS)
      .filter((field) => isEmpty(survivorFields[field]) && !isEmpty(mergedFields[field]))
      .map((field) => {
        const key = FIELD_LABEL_KEYS[field]
        return key === undefined ? field : i18n.global.t(key)
      }),
    repointed: duplicateReferrers.filter((typed) => typed.record.id !== survivor.record.id && typed.record.id !== duplicate.record.id)
  }
}
