import type { OrganisationId } from './ids'
import { ORGANISATION_RELATION_LABELS, type Organisation, type OrganisationRelation } from './organisation'

/** An organisation that belongs under another, with the chain of links that puts it there. */
export interface FamilyMember {
  readonly organisation: Organisation
  /** Names from the root down to this member, e.g. ["Alibaba Group", "Ant Financial", "Alipay"]. */
  readonly path: readonly string[]
  /** How the member relates to the one above it in `path`, as a code (words at the edge) and in English, e.g. "Operates". */
  readonly relation: OrganisationRelation
  readonly relationLabel: string
}

/**
 * Everything that sits under `rootId`: the organisations whose parent, affiliate or operator is the
 * root, then theirs, and so on (Alibaba → Ant Financial → Alipay, Sesame Credit; Alibaba → UCWeb →
 * UC Browser). Cycles in user data are tolerated: each organisation is visited once.
 */
export function familyUnder(rootId: OrganisationId, organisations: readonly Organisation[]): FamilyMember[] {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]))
  const root = byId.get(rootId)
  if (root === undefined) return []
  const members: FamilyMember[] = []
  const visited = new Set<OrganisationId>([rootId])
  let frontier: { id: OrganisationId; path: readonly string[] }[] = [{ id: rootId, path: [root.name] }]
  while (frontier.length > 0) {
    const next: typeof frontier = []
    for (const { id, path } of frontier) {
      for (const organisation of organisations) {
        if (visited.has(organisation.id)) continue
        const link = organisation.links.find((candidate) => candidate.organisationId === id)
        if (link === undefined) continue
        visited.add(organisation.id)
        const memberPath = [...path, organisation.name]
        members.push({ organisation, path: memberPath, relation: link.relation, relationLabel: ORGANISATION_RELATION_LABELS[link.relation].inverse })
        next.push({ id: organisation.id, path: memberPath })
      }
    }
    frontier = next
  }
  return members
}
