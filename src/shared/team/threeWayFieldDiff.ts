import { BOOKKEEPING_FIELDS, isSameValue } from '../domain/recordHistory'

/** One top-level field of a conflicted record in its three versions; `undefined` is "absent" (or no record). */
export interface ConflictField {
  readonly field: string
  readonly base: unknown
  readonly theirs: unknown
  readonly mine: unknown
  /** Whether theirs and mine disagree: the fields a person has to choose between. */
  readonly differs: boolean
}

const fieldsOf = (record: object | undefined): Readonly<Record<string, unknown>> => (record === undefined ? {} : { ...record })

/**
 * The fields of a conflict side by side: the common version, the team's and this analyst's, each
 * field once, in a stable order (theirs' fields, then those only mine has, then those only the base
 * had). Bookkeeping (`createdAt`, `updatedAt`, `revision`) is left out: no person changed it.
 * A side that is `undefined` (deleted, or no common version) has every field absent.
 */
export function threeWayFieldDiff(base: object | undefined, theirs: object | undefined, mine: object | undefined): ConflictField[] {
  const [baseFields, theirFields, myFields] = [fieldsOf(base), fieldsOf(theirs), fieldsOf(mine)]
  const names = [...new Set([...Object.keys(theirFields), ...Object.keys(myFields), ...Object.keys(baseFields)])]
  return names
    .filter((field) => !BOOKKEEPING_FIELDS.includes(field))
    .map((field) => ({
      field,
      base: baseFields[field],
      theirs: theirFields[field],
      mine: myFields[field],
      differs: !isSameValue(theirFields[field], myFields[field])
    }))
}

/**
 * The record a person resolved a conflict to, field by field: each field from the side chosen for
 * it (`theirs` when no choice was made), a field absent on the chosen side left out. Bookkeeping
 * comes from theirs (the resolution is a new revision on top of the team's version), or from mine
 * when theirs was deleted.
 */
export function recordFromChoices(theirs: object | undefined, mine: object | undefined, choices: Readonly<Record<string, 'theirs' | 'mine'>>): object {
  const [theirFields, myFields] = [fieldsOf(theirs), fieldsOf(mine)]
  const bookkeepingFrom = theirs !== undefined ? theirFields : myFields
  const resolved: Record<string, unknown> = {}
  for (const field of [...new Set([...Object.keys(theirFields), ...Object.keys(myFields)])]) {
    const value = BOOKKEEPING_FIELDS.includes(field) ? bookkeepingFrom[field] : (choices[field] ?? 'theirs') === 'mine' ? myFields[field] : theirFields[field]
    if (value !== undefined) resolved[field] = value
  }
  return resolved
}
