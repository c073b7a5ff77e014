import { i18n } from '@renderer/i18n'
import type { RelationshipGraph } from '@shared/graph/relationshipGraph'
import { relationWords } from '@renderer/recordKit'

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
