import { domainLabel, i18n } from '@renderer/i18n'
import { INCIDENT_ROLES } from '@shared/domain/incident'
import { LAW_RELATIONS } from '@shared/domain/law'
import type { LinkedRecord } from '@shared/domain/recordLinks'
import { ORGANISATION_RELATIONS } from '@shared/domain/organisation'
import type { RecordType } from '@shared/domain/recordTypes'

/** What a relation means read from the record that holds it (`forward`) and from its target (`inverse`). */
export interface RelationWords {
  readonly forward: string
  readonly inverse: string
}

const includes = (list: readonly string[], value: string) => list.includes(value)

// The relations `referencesOf` names by code, each with its words' name (records.relation.<name>.forward / .inverse).
const PAIRS: Readonly<Partial<Record<RecordType, Readonly<Record<string, string>>>>> = {
  incident: { implicates: 'implicates', jurisdiction: 'incidentJurisdiction' },
  organisation: { headquarters: 'headquarters' },
  jurisdiction: { parent: 'parent' },
  law: { jurisdiction: 'lawJurisdiction' },
  response: { actor: 'actor', target: 'target', answers: 'answers', 'legal-basis': 'legalBasis' }
}

const pair = (name: string): RelationWords => ({
  forward: i18n.global.t(`records.relation.${name}.forward`),
  inverse: i18n.global.t(`records.relation.${name}.inverse`)
})

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
    return { forward: role, inverse: i18n.global.t('records.relation.incidentRole', { role: role.toLowerCase() }) }
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

/** A linked record's relation to the record shown, from the shown record's side, in the interface language. */
export function linkRelationText(link: Pick<LinkedRecord, 'holderType' | 'relation' | 'direction' | 'label'>): string {
  const words = relationWords(link.holderType, link.relation)
  if (words === undefined) return link.label
  return link.direction === 'outgoing' ? words.forward : words.inverse
}
