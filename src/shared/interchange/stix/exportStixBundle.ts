import type { Citation } from '../../domain/citation'
import { incidentKeyDate, INCIDENT_ROLE_LABELS, type Incident } from '../../domain/incident'
import type { IncidentResponse } from '../../domain/incidentResponse'
import type { Jurisdiction } from '../../domain/jurisdiction'
import { LAW_RELATION_LABELS, type Law } from '../../domain/law'
import { ORGANISATION_RELATION_LABELS, type Organisation } from '../../domain/organisation'
import { earliestDay, type PartialDate } from '../../domain/partialDate'
import type { ProvisionReference } from '../../domain/provisionReference'
import type { RecordType, TypedRecord } from '../../domain/recordTypes'
import type { Source } from '../../domain/source'
import type { RecordSet } from '../recordSet'
import {
  INCIDENT_FIELDS,
  JURISDICTION_FIELDS,
  LAW_FIELDS,
  LAW_REPORT_TYPE,
  ORGANISATION_FIELDS,
  RESPONSE_FIELDS,
  SOURCE_FIELDS,
  PRECEDENT_STIX_NAMESPACE,
  stixIdOfRecord,
  stixRelationshipId,
  type PrecedentRelation,
  type StixBundle,
  type StixExternalReference,
  type StixObject
} from './stixModel'
import { uuidV5 } from './uuidV5'

export interface StixExportOptions {
  /** The export time (ISO 8601); it names the bundle, so exporting the same records at the same time gives the same file. */
  readonly now: string
}

/** A STIX timestamp: UTC with milliseconds, as the 2.1 schema requires of `created` and `modified`. */
function stixTimestamp(iso: string): string {
  return new Date(iso).toISOString()
}

/** The first moment a partial date can mean: the honest exact value for a property that must be a timestamp. */
export function stixTimestampOfPartialDate(date: PartialDate): string {
  return `${earliestDay(date)}T00:00:00.000Z`
}

/**
 * An address as an RFC 3986 URI, as STIX requires of `url`: characters a URI cannot hold (CJK in a
 * path, a space, a quote) are percent-encoded as UTF-8; existing escapes and reserved characters stay.
 * The record keeps the address as it was written.
 */
export function asUri(address: string): string {
  return address.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (character) => encodeURIComponent(character))
}

/** Drops undefined values and empty arrays (STIX forbids empty lists), keeping key order. */
function compact(object: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue
    if (Array.isArray(value) && value.length === 0) continue
    result[key] = value
  }
  return result
}

/**
 * Picks the named fields of a record that are set, under their own names, for `x_precedent_fields`.
 * Empty lists are left out (STIX forbids them); the importer's schemas give them back as defaults.
 */
function fieldsOf<T extends object>(record: T, names: readonly (keyof T & string)[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const name of names) {
    const value = record[name]
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    fields[name] = value
  }
  return fields
}

/** An external_id STIX reserves for CVE and CAPEC entries (its schema then demands source_name "cve" or "capec"). */
const RESERVED_EXTERNAL_ID = /^(CVE-\d{4}-(0\d{3}|[1-9]\d{3,})|CAPEC-\d+)$/

class BundleWriter {
  readonly objects: StixObject[] = []
  private readonly written = new Set<string>()
  // Each record's STIX id is needed by its object and every relationship to it; hashing it once per record keeps large exports quick.
  private readonly stixIds = new Map<string, string>()

  constructor(private readonly set: RecordSet) {}

  stixId(type: RecordType, recordId: string): string {
    let id = this.stixIds.get(recordId)
    if (id === undefined) {
      id = stixIdOfRecord(type, recordId)
      this.stixIds.set(recordId, id)
    }
    return id
  }

  has(id: string): boolean {
    return this.written.has(id)
  }

  add(object: StixObject): void {
    if (this.written.has(object.id)) return
    this.written.add(object.id)
    this.objects.push(object)
  }

  /** The common properties of an object standing for a record. */
  base(type: RecordType, stixType: string, record: { readonly id: string; readonly createdAt: string; readonly updatedAt: string }) {
    const created = stixTimestamp(record.createdAt)
    const modified = stixTimestamp(record.updatedAt)
    return {
      type: stixType,
      spec_version: '2.1' as const,
      id: this.stixId(type, record.id),
      created,
      // STIX requires modified ≥ created; a record edited "before" it was made says nothing truer.
      modified: modified < created ? created : modified,
      x_precedent_type: type,
      x_precedent_id: record.id
    }
  }

  externalReferences(citations: readonly Citation[]): StixExternalReference[] {
    return citations.map((citation) => {
      const typed = this.set.get(citation.sourceId)
      const source = typed?.type === 'source' ? typed.record : undefined
      const reference = compact({
        // "The source that the external reference is defined within": the publisher, else Precedent's own source list.
        source_name: source?.publisher ?? 'Precedent',
        description: [source?.title ?? `Source ${citation.sourceId}`, citation.locator].filter((part) => part !== undefined).join(', '),
        url: source?.url === undefined ? undefined : asUri(source.url),
        external_id: RESERVED_EXTERNAL_ID.test(citation.sourceId) ? undefined : citation.sourceId
      })
      return reference as unknown as StixExternalReference
    })
  }

  citationProperties(citations: readonly Citation[]) {
    for (const citation of citations) {
      const typed = this.set.get(citation.sourceId)
      if (typed?.type === 'source') this.addSource(typed.record)
    }
    return {
      external_references: this.externalReferences(citations),
      x_precedent_citations: citations.map((citation) => compact({ ...citation }))
    }
  }

  addSource(source: Source): void {
    const base = this.base('source', 'x-precedent-source', source)
    if (this.has(base.id)) return
    this.add(
      compact({
        ...base,
        name: source.title,
        x_precedent_date: source.publishedOn,
        x_precedent_fields: fieldsOf(source, SOURCE_FIELDS)
      }) as unknown as StixObject
    )
  }

  /** The location a jurisdiction id stands for, written once; its name comes from the set when known. */
  locationRef(jurisdictionId: string): string {
    const id = this.stixId('jurisdiction', jurisdictionId)
    if (!this.has(id)) {
      const typed = this.set.get(jurisdictionId)
      const jurisdiction = typed?.type === 'jurisdiction' ? typed.record : undefined
      this.add(locationOf(jurisdictionId, jurisdiction))
    }
    return id
  }

  relationship(
    sourceType: RecordType,
    sourceId: string,
    relation: PrecedentRelation,
    targetType: RecordType,
    targetId: string,
    options: { readonly description: string; readonly distinction?: string; readonly created: string; readonly extra?: Record<string, unknown> }
  ): void {
    const sourceRef = this.stixId(sourceType, sourceId)
    const targetRef = targetType === 'jurisdiction' ? this.locationRef(targetId) : this.stixId(targetType, targetId)
    this.add(
      compact({
        type: 'relationship',
        spec_version: '2.1',
        id: stixRelationshipId(sourceRef, relation, targetRef, options.distinction ?? ''),
        created: options.created,
        modified: options.created,
        relationship_type: relation === 'jurisdiction' || relation === 'headquarters' ? 'located-at' : 'related-to',
        description: options.description,
        source_ref: sourceRef,
        target_ref: targetRef,
        x_precedent_relation: relation,
        // Both ends by Precedent id, so a link to a record left out of the file still resolves on import.
        x_precedent_source_id: sourceId,
        x_precedent_target_id: targetId,
        ...options.extra
      }) as unknown as StixObject
    )
  }

  provisionRelationships(
    sourceType: RecordType,
    sourceId: string,
    relation: 'implicates' | 'legal-basis',
    references: readonly ProvisionReference[],
    created: string
  ): void {
    references.forEach((reference, index) => {
      this.relationship(sourceType, sourceId, relation, 'law', reference.lawId, {
        description: relation === 'implicates' ? 'Implicates' : 'Legal basis',
        distinction: `${index}:${reference.provisionNumber ?? ''}`,
        created,
        extra: { x_precedent_provision: reference.provisionNumber }
      })
    })
  }

  /** A chosen jurisdiction: its location with the record's own fields, so notes and citations travel. */
  addJurisdiction(jurisdiction: Jurisdiction): void {
    this.add(
      compact({
        ...locationOf(jurisdiction.id, jurisdiction),
        ...this.citationProperties(jurisdiction.citations),
        x_precedent_fields: fieldsOf(jurisdiction, JURISDICTION_FIELDS)
      }) as unknown as StixObject
    )
  }

  addIncident(incident: Incident): void {
    const base = this.base('incident', 'incident', incident)
    this.add(
      compact({
        ...base,
        name: incident.title,
        description: incident.summary === '' ? undefined : incident.summary,
        labels: incident.tags,
        ...this.citationProperties(incident.citations),
        x_precedent_date: incidentKeyDate(incident),
        x_precedent_fields: fieldsOf(incident, INCIDENT_FIELDS)
      }) as unknown as StixObject
    )
    incident.jurisdictionIds.forEach((jurisdictionId, index) => {
      this.relationship('incident', incident.id, 'jurisdiction', 'jurisdiction', jurisdictionId, {
        description: 'Jurisdiction',
        distinction: String(index),
        created: base.created
      })
    })
    incident.organisations.forEach((link, index) => {
      this.relationship('incident', incident.id, 'organisation', 'organisation', link.organisationId, {
        description: INCIDENT_ROLE_LABELS[link.role],
        distinction: `${index}:${link.role}`,
        created: base.created,
        extra: { x_precedent_role: link.role }
      })
    })
    this.provisionRelationships('incident', incident.id, 'implicates', incident.implicatedProvisions, base.created)
  }

  addOrganisation(organisation: Organisation): void {
    const base = this.base('organisation', 'identity', organisation)
    this.add(
      compact({
        ...base,
        name: organisation.name,
        description: organisation.description,
        identity_class: 'organization',
        ...this.citationProperties(organisation.citations),
        x_precedent_fields: fieldsOf(organisation, ORGANISATION_FIELDS)
      }) as unknown as StixObject
    )
    if (organisation.headquartersJurisdictionId !== undefined) {
      this.relationship('organisation', organisation.id, 'headquarters', 'jurisdiction', organisation.headquartersJurisdictionId, {
        description: 'Headquarters',
        created: base.created
      })
    }
    organisation.links.forEach((link, index) => {
      this.relationship('organisation', organisation.id, link.relation, 'organisation', link.organisationId, {
        description: ORGANISATION_RELATION_LABELS[link.relation].forward,
        distinction: String(index),
        created: base.created
      })
    })
  }

  addLaw(law: Law): void {
    const base = this.base('law', 'report', law)
    const publishedOn = law.adoptedOn ?? law.inForceOn ?? law.appliesFromOn ?? law.draftOn
    this.add(
      compact({
        ...base,
        name: law.title,
        description: law.summary,
        report_types: [LAW_REPORT_TYPE],
        // A report must have a publication time: the law's adoption (or first known) date at its
        // first moment, with the EDTF date beside it; failing any date, when our record was written.
        published: publishedOn === undefined ? base.created : stixTimestampOfPartialDate(publishedOn),
        object_refs: [this.locationRef(law.jurisdictionId)],
        ...this.citationProperties(law.citations),
        x_precedent_date: publishedOn,
        x_precedent_jurisdiction_id: law.jurisdictionId,
        x_precedent_fields: fieldsOf(law, LAW_FIELDS)
      }) as unknown as StixObject
    )
    law.relations.forEach((link, index) => {
      this.relationship('law', law.id, link.relation, 'law', link.lawId, {
        description: LAW_RELATION_LABELS[link.relation].forward,
        distinction: String(index),
        created: base.created
      })
    })
  }

  addResponse(response: IncidentResponse): void {
    const base = this.base('response', 'course-of-action', response)
    this.add(
      compact({
        ...base,
        name: response.title,
        description: response.description,
        ...this.citationProperties(response.citations),
        x_precedent_date: response.datedOn,
        x_precedent_fields: fieldsOf(response, RESPONSE_FIELDS)
      }) as unknown as StixObject
    )
    this.relationship('response', response.id, 'actor', 'organisation', response.actorId, { description: 'Taken by', created: base.created })
    response.targetOrganisationIds.forEach((organisationId, index) => {
      this.relationship('response', response.id, 'target', 'organisation', organisationId, {
        description: 'Directed at',
        distinction: String(index),
        created: base.created
      })
    })
    response.incidentIds.forEach((incidentId, index) => {
      this.relationship('response', response.id, 'responds-to', 'incident', incidentId, {
        description: 'Responds to',
        distinction: String(index),
        created: base.created,
        extra: {
          start_time: response.datedOn === undefined ? undefined : stixTimestampOfPartialDate(response.datedOn),
          x_precedent_date: response.datedOn
        }
      })
    })
    this.provisionRelationships('response', response.id, 'legal-basis', response.legalBasis, base.created)
  }

  addRecord(typed: TypedRecord): void {
    switch (typed.type) {
      case 'incident':
        return this.addIncident(typed.record)
      case 'organisation':
        return this.addOrganisation(typed.record)
      case 'law':
        return this.addLaw(typed.record)
      case 'response':
        return this.addResponse(typed.record)
      case 'source':
        return this.addSource(typed.record)
      case 'jurisdiction':
        return this.addJurisdiction(typed.record)
    }
  }
}

/** A jurisdiction as a STIX location (country code, subdivision as administrative area). */
function locationOf(jurisdictionId: string, jurisdiction: Jurisdiction | undefined): StixObject {
  const id = stixIdOfRecord('jurisdiction', jurisdictionId)
  const created = stixTimestamp(jurisdiction?.createdAt ?? '1970-01-01T00:00:00.000Z')
  const code = jurisdiction?.code ?? jurisdictionId
  const isCountryCode = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(code) && jurisdiction?.kind !== 'supranational'
  return compact({
    type: 'location',
    spec_version: '2.1',
    id,
    created,
    modified: created,
    name: jurisdiction?.name ?? jurisdictionId,
    // A location needs a country or a region: the ISO code when there is one, else the name (the EU).
    country: isCountryCode ? code.slice(0, 2) : undefined,
    administrative_area: isCountryCode && code.length > 2 ? code : undefined,
    region: isCountryCode ? undefined : (jurisdiction?.name ?? jurisdictionId),
    x_precedent_type: 'jurisdiction',
    x_precedent_id: jurisdictionId
  }) as unknown as StixObject
}

/**
 * Writes the chosen records as a STIX 2.1 bundle (see stixModel.ts for the mapping). Every chosen
 * record becomes one object; the sources its citations name and the jurisdictions it is placed in
 * are added so the bundle is readable on its own; links to other records become relationships whose
 * target may lie outside the bundle (its Precedent id travels with the relationship).
 */
export function exportStixBundle(set: RecordSet, options: StixExportOptions): StixBundle {
  const writer = new BundleWriter(set)
  // Chosen jurisdictions first: a location is written once, and theirs carry the full record.
  for (const typed of set.selected) if (typed.type === 'jurisdiction') writer.addRecord(typed)
  for (const typed of set.selected) if (typed.type !== 'jurisdiction') writer.addRecord(typed)
  const ids = writer.objects.map((object) => object.id)
  return {
    type: 'bundle',
    id: `bundle--${uuidV5(PRECEDENT_STIX_NAMESPACE, `bundle:${stixTimestamp(options.now)}:${ids.join(',')}`)}`,
    ...(writer.objects.length > 0 ? { objects: writer.objects } : {})
  }
}
