import type { RecordType } from '../../domain/recordTypes'
import type { PrecedentRelation } from './stixModel'

/** What a relationship between two foreign objects means in Precedent, when anything. */
export function inferRelation(relationshipType: string, from: RecordType, to: RecordType): PrecedentRelation | undefined {
  if (to === 'jurisdiction') {
    // Where it happened or whom it hit; "originates-from" and the like say something else.
    if (from === 'incident' && ['located-at', 'targets', 'related-to'].includes(relationshipType)) return 'jurisdiction'
    if (from === 'organisation' && relationshipType === 'located-at') return 'headquarters'
    return undefined
  }
  if (from === 'incident' && to === 'organisation') return 'organisation'
  if (from === 'response' && to === 'incident') return 'responds-to'
  if (from === 'response' && to === 'organisation') return 'target'
  return undefined
}

/** The record types at each end of every link a relationship can stand for, from the source end. */
const LINK_ENDS: Readonly<Record<PrecedentRelation, readonly [RecordType, RecordType]>> = {
  jurisdiction: ['incident', 'jurisdiction'],
  organisation: ['incident', 'organisation'],
  implicates: ['incident', 'law'],
  headquarters: ['organisation', 'jurisdiction'],
  parent: ['organisation', 'organisation'],
  affiliate: ['organisation', 'organisation'],
  operator: ['organisation', 'organisation'],
  amends: ['law', 'law'],
  replaces: ['law', 'law'],
  implements: ['law', 'law'],
  actor: ['response', 'organisation'],
  target: ['response', 'organisation'],
  'responds-to': ['response', 'incident'],
  'legal-basis': ['response', 'law']
}

/** Whether a relationship may carry this link between these two kinds of record (a file may say anything). */
export function isAllowedLink(relation: PrecedentRelation, from: RecordType, to: RecordType): boolean {
  const [source, target] = LINK_ENDS[relation]
  return source === from && target === to
}
