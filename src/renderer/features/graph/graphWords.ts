import { domainLabel, i18n } from '@renderer/i18n'
import { INCIDENT_ROLES } from '@shared/domain/incident'
import { LAW_RELATIONS } from '@shared/domain/law'
import { ORGANISATION_RELATIONS } from '@shared/domain/organisation'
import type { RecordType } from '@shared/domain/recordTypes'
import type { RelationshipGraph } from '@shared/graph/relationshipGraph'

interface RelationWords {
  readonly forward: string
  readonly inverse: string
}

const includes = (list: readonly string[], value: string) => list.includes(value)

// The relations src/shared/domain/recordLinks.ts names in English, each with its words' name (graph.relation.<name>.forward / .inverse).
const PAIRS: Readonly<Partial<Record<RecordType, Readonly<Record<string, string>>>>> = {
  incident: { implicates: 'implicates', jurisdiction: 'incidentJurisdiction' },
  organisation: { headquarters: 'headquarters' },
  jurisdiction: { parent: 'parent' },
  law: { jurisdiction: 'lawJurisdiction' },
  response: { actor: 'actor', target: 'target', answers: 'answers', 'legal-basis': 'legalBasis' }
}

const pair = (name: string): RelationWords => ({ forward: i18n.global.t(`graph.relation.${name}.forward`), inverse: i18n.global.t(`graph.relation.${name}.inverse`) })

/**
 * What a relation (as `referencesOf` names it, e.g. `organisation:operator`) means in the interface
 * language, read from the record that holds it and from its target: the same words as
 * `relationLabels` in src/shared in English. `undefined` for a relation it does not know.
 */
export function relationWords(fromType: RecordType, relation: string): RelationWords | undefined {
  if (relation === 'citation') return pair('citation')
  const [head = '', detail = ''] = relation.split(':')
  if (fromType === 'incident' && head === 'organisation' && includes(INCIDENT_ROLES, detail)) {
    const role = domainLabel('incidentRole', detail)
    return { forward: role, inverse: i18n.global.t('graph.relation.incidentRole', { role: role.toLowerCase() }) }
  }
  if (fromType === 'organisation' && head === 'organisation' && includes(ORGANISATION_RELATIONS, detail)) {
    return { forward: domainLabel('organisationRelation', `${detail}.forward`), inverse: domainLabel('organisationRelation', `${detail}.inverse`) }
  }
  if (fromType === 'law' && head === 'law' && includes(LAW_RELATIONS, detail)) {
    return { forward: domainLabel('lawRelation', `${detail}.forward`), inverse: domainLabel('lawRelation', `${detail}.inverse`) }
  }
  const name = PAIRS[fromType]?.[head]
  return name === undefined ? undefined : pair(name)
}

/** The graph with its links' meanings in the interface language (the records' names are data, unchanged). */
export function graphInWords(graph: RelationshipGraph): RelationshipGraph {
  const typeOf = new Map(graph.nodes.map((node) => [node.id, node.type]))
  return {
    ...graph,
    edges: graph.edges.map((edge) => {
      const fromType = typeOf.get(edge.from)
      const words = fromType === undefined ? undefined : relationWords(fromType, edge.relation)
      return words === undefined ? edge : { ...edge, label: words.forward, inverseLabel: words.inverse }
    })
  }
}

/** "a, b and c" in the interface language. */
export function listInWords(words: readonly string[]): string {
  const t = i18n.global.t
  if (words.length <= 1) return words.join('')
  return t('graph.view.listLast', { list: words.slice(0, -1).join(t('graph.view.listSeparator')), last: words[words.length - 1] })
}
