import { stableHash } from '../csv/stableHash'

/*
 * AIID names the deployers, developers and harmed parties of an incident by entity slugs:
 * `keolis-north-america`, `@pokimane`, `st.-rose-dominican-hospital-(henderson-nevada)`. The slug
 * is the entity's identity in AIID, so it is the organisation's identity here too.
 */

const PREFIX = 'org-aiid-'
const MAX_ID = 100
/** A slug that is already a valid id tail (ids allow letters, digits and `-_.:`). */
const SAFE_SLUG = /^[a-z0-9][a-z0-9._-]*$/
const HASH_DIGITS = 8

/**
 * `org-aiid-<slug>` for a slug that can stand in an id as it is; otherwise the slug's unsafe
 * characters become `-` and a 32-bit hash of the whole slug is added, so that `@pokimane` and
 * `pokimane` (or two long slugs cut to the same length) do not share an id. A pure function of the slug: the
 * same entity gets the same id from every snapshot.
 */
export function aiidOrganisationId(slug: string): string {
  if (SAFE_SLUG.test(slug) && PREFIX.length + slug.length <= MAX_ID) return `${PREFIX}${slug}`
  const hash = stableHash(slug).slice(0, HASH_DIGITS)
  const room = MAX_ID - PREFIX.length - HASH_DIGITS - 1
  const readable = slug
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .slice(0, room)
    .replace(/^[-._]+|[-._]+$/g, '')
  return readable === '' ? `${PREFIX}${hash}` : `${PREFIX}${readable}-${hash}`
}

/** Short words left lower-case inside a name, as English titles write them. */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'de', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'with'])

/**
 * A display name made from the slug, since the snapshot has no other: `keolis-north-america` →
 * "Keolis North America", `department-for-work-and-pensions-(dwp)` → "Department for Work and
 * Pensions (DWP)". Handles (`@pokimane`) and web names (`otter.ai`) are kept as written, and a
 * short word in parentheses is taken for an abbreviation.
 */
export function aiidEntityName(slug: string): string {
  if (slug.startsWith('@')) return slug
  const words = slug.split('-').filter((word) => word !== '')
  return words.map((word, index) => displayWord(word, index === 0)).join(' ')
}

function displayWord(word: string, isFirst: boolean): string {
  if (/^[a-z0-9-]+\.[a-z]{2,}$/.test(word) && !/^[a-z]\.$/.test(word)) return word
  const abbreviation = /^\(([a-z]{2,4})\)$/.exec(word)
  if (abbreviation?.[1] !== undefined && !/[aeiou]/.test(abbreviation[1].slice(1))) return `(${abbreviation[1].toUpperCase()})`
  if (!isFirst && MINOR_WORDS.has(word)) return word
  return word.replace(/\p{Ll}/u, (letter) => letter.toUpperCase())
}
