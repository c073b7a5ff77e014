import type { Jurisdiction } from '../domain/jurisdiction'
import type { Law } from '../domain/law'
import type { Organisation } from '../domain/organisation'
import type { OrganisationId } from '../domain/ids'
import { familyUnder } from '../domain/organisationFamily'
import { foldForMatching } from '../domain/textFolding'
import type { FilterResolver } from './searchIndexEngine'

/** The records whose names filter values are matched against. Small tables, held in memory. */
export interface FilterVocabulary {
  readonly jurisdictions: readonly Jurisdiction[]
  readonly organisations: readonly Organisation[]
  readonly laws: readonly Law[]
}

interface Named {
  readonly id: string
  readonly names: readonly string[]
}

/**
 * The ids whose names match `value`: an exact name (folded) wins; otherwise any name containing
 * it. So `org:alipay` means Alipay, not every organisation with "Alipay" somewhere in its name,
 * while `law:"cybersecurity"` still finds the Cybersecurity Law.
 */
function matchNames(value: string, entries: readonly Named[], contains: (name: string, wanted: string) => boolean): string[] {
  const wanted = foldForMatching(value).trim()
  if (wanted === '') return []
  const exact = entries.filter((entry) => entry.names.some((name) => name === wanted)).map((entry) => entry.id)
  if (exact.length > 0) return exact
  return entries.filter((entry) => entry.names.some((name) => contains(name, wanted))).map((entry) => entry.id)
}

const includes = (name: string, wanted: string): boolean => name.includes(wanted)
// A jurisdiction's name matches from the start of a word: "jurisdiction:in" must not mean China.
const startsAWord = (name: string, wanted: string): boolean => name.startsWith(wanted) || name.includes(` ${wanted}`)

const folded = (...names: readonly (string | undefined)[]): string[] =>
  names.filter((name): name is string => name !== undefined && name !== '').map((name) => foldForMatching(name))

/**
 * Turns filter values as typed into record ids, from the data itself: jurisdictions by code,
 * alpha-3 code, English or Chinese name (a country includes its subdivisions); organisations by
 * name or alias, with every organisation under them (`org:alibaba` covers Ant Financial, Alipay,
 * UC Browser…); laws by title, short name, native title or identifier.
 */
export function createFilterResolver(vocabulary: FilterVocabulary): FilterResolver {
  const jurisdictions: Named[] = vocabulary.jurisdictions.map((j) => ({ id: j.id, names: folded(j.id, j.code, j.alpha3, j.name, j.nameZh) }))
  const organisations: Named[] = vocabulary.organisations.map((o) => ({ id: o.id, names: folded(o.id, o.name, ...o.aliases.map((alias) => alias.name)) }))
  const laws: Named[] = vocabulary.laws.map((law) => ({ id: law.id, names: folded(law.id, law.title, law.shortName, law.nativeTitle, law.identifier) }))
  const childrenOf = new Map<string, string[]>()
  for (const jurisdiction of vocabulary.jurisdictions) {
    if (jurisdiction.parentId === undefined) continue
    childrenOf.set(jurisdiction.parentId, [...(childrenOf.get(jurisdiction.parentId) ?? []), jurisdiction.id])
  }
  const withDescendants = (ids: readonly string[]): string[] => {
    const all = new Set(ids)
    const frontier = [...ids]
    for (let id = frontier.pop(); id !== undefined; id = frontier.pop()) {
      for (const child of childrenOf.get(id) ?? []) {
        if (!all.has(child)) {
          all.add(child)
          frontier.push(child)
        }
      }
    }
    return [...all]
  }
  return {
    jurisdictions: (value) => withDescendants(matchNames(value, jurisdictions, startsAWord)),
    organisations: (value) => {
      const matched = matchNames(value, organisations, includes)
      const family = matched.flatMap((id) => familyUnder(id as OrganisationId, vocabulary.organisations).map((member) => member.organisation.id as string))
      return [...new Set([...matched, ...family])]
    },
    laws: (value) => matchNames(value, laws, includes)
  }
}
