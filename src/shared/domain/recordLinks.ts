import { INCIDENT_ROLE_LABELS, INCIDENT_ROLES, type IncidentRole } from './incident'
import { LAW_RELATION_LABELS, LAW_RELATIONS, type LawRelation } from './law'
import { ORGANISATION_RELATION_LABELS, ORGANISATION_RELATIONS, type OrganisationRelation } from './organisation'
import { referencesOf } from './recordReferences'
import type { RecordType, TypedRecord } from './recordTypes'

/** A record linked to the one being shown, with what the link means from the shown record's side. */
export interface LinkedRecord {
  readonly linked: TypedRecord
  /** `outgoing`: the shown record points to `linked`; `incoming`: `linked` points to the shown record. */
  readonly direction: 'outgoing' | 'incoming'
  /** The relation as `referencesOf` names it (`organisation:operator`, `citation`), and the type of the record holding it: the codes its words are found by. */
  readonly relation: string
  readonly holderType: RecordType
  /** In English, as `relationLabels` words it from the shown record's side. */
  readonly label: string
}

interface RelationLabels {
  readonly forward: string
  readonly inverse: string
}

const isIncidentRole = (value: string): value is IncidentRole => (INCIDENT_ROLES as readonly string[]).includes(value)
const isOrganisationRelation = (value: string): value is OrganisationRelation => (ORGANISATION_RELATIONS as readonly string[]).includes(value)

const isLawRelation = (value: string): value is LawRelation => (LAW_RELATIONS as readonly string[]).includes(value)

const CITATION: RelationLabels = { forward: 'Cited source', inverse: 'Cites this source' }

/** What a relation (as named by `referencesOf`) means, read from the record that holds it and from its target. */
export function relationLabels(fromType: RecordType, relation: string): RelationLabels {
  if (relation === 'citation') return CITATION
  const [head, detail = ''] = relation.split(':')
  switch (fromType) {
    case 'incident':
      if (head === 'organisation' && isIncidentRole(detail)) {
        return { forward: INCIDENT_ROLE_LABELS[detail], inverse: `Incident (${INCIDENT_ROLE_LABELS[detail].toLowerCase()})` }
      }
      if (head === 'implicates') return { forward: 'Implicates', inverse: 'Incident implicating it' }
      if (head === 'jurisdiction') return { forward: 'Jurisdiction', inverse: 'Incident here' }
      break
    case 'organisation':
      if (head === 'organisation' && isOrganisationRelation(detail)) return ORGANISATION_RELATION_LABELS[detail]
      if (head === 'headquarters') return { forward: 'Headquarters', inverse: 'Headquartered here' }
      break
    case 'jurisdiction':
      if (head === 'parent') return { forward: 'Part of', inverse: 'Subdivision' }
      break
    case 'law':
      if (head === 'jurisdiction') return { forward: 'Jurisdiction', inverse: 'Law here' }
      if (head === 'law' && isLawRelation(detail)) return LAW_RELATION_LABELS[detail]
      break
    case 'response':
      if (head === 'actor') return { forward: 'Taken by', inverse: 'Response taken' }
      if (head === 'target') return { forward: 'Directed at', inverse: 'Response directed at it' }
      if (head === 'answers') return { forward: 'Answers', inverse: 'Response' }
      if (head === 'legal-basis') return { forward: 'Legal basis', inverse: 'Legal basis of a response' }
      break
    case 'source':
      break
  }
  return { forward: relation, inverse: relation }
}

/**
 * Every record linked to `subject`, in both directions, each labelled from the subject's side.
 * `targets` are the records the subject points to and `referrers` the records pointing to it
 * (looked up by the caller); a record related both ways appears once per link.
 */
export function describeLinks(subject: TypedRecord, targets: readonly TypedRecord[], referrers: readonly TypedRecord[]): LinkedRecord[] {
  const targetById = new Map(targets.map((typed) => [typed.record.id as string, typed]))
  const outgoing = referencesOf(subject).flatMap((reference): LinkedRecord[] => {
    const linked = targetById.get(reference.targetId)
    if (linked === undefined) return []
    return [
      { linked, direction: 'outgoing', relation: reference.relation, holderType: subject.type, label: relationLabels(subject.type, reference.relation).forward }
    ]
  })
  const incoming = referrers.flatMap((referrer) =>
    referencesOf(referrer)
      .filter((reference) => reference.targetId === subject.record.id)
      .map((reference): LinkedRecord => ({
        linked: referrer,
        direction: 'incoming',
        relation: reference.relation,
        holderType: referrer.type,
        label: relationLabels(referrer.type, reference.relation).inverse
      }))
  )
  return dedupe([...outgoing, ...incoming])
}

function dedupe(links: LinkedRecord[]): LinkedRecord[] {
  const seen = new Set<string>()
  return links.filter((link) => {
    const key = `${link.direction}|${link.linked.record.id}|${link.label}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
