import { stableHash } from '../csv/stableHash'

/** A name folded for identity: compatibility forms, accents, case and spacing set aside. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * An id-safe slug of a name for a deterministic record id: accents folded, lower case, runs of
 * anything but Latin letters and digits turned into one hyphen, at most `max` characters. A name
 * with letters of other scripts ("ΚΑΠΑ ΛΑΜΔΑ", "WIND Ελλάς") gets a short hash of the folded name
 * appended, so two names differing only outside Latin letters do not collide and a name without
 * Latin letters still has an id. Spellings that differ only in case, accents or spacing
 * ("Private individual", "Private Individual") give the same slug.
 */
export function nameSlug(name: string, max: number): string {
  const folded = foldName(name)
  const latin = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  const hasOtherLetters = /[^\p{Script=Latin}\P{L}]/u.test(folded)
  if (!hasOtherLetters && latin !== '') return latin.slice(0, max).replace(/-+$/, '')
  const hash = stableHash(folded).slice(0, 10)
  const room = max - hash.length - 1
  const prefix = latin.slice(0, Math.max(0, room)).replace(/-+$/, '')
  return prefix === '' ? hash : `${prefix}-${hash}`
}
