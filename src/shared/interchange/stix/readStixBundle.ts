import { INCIDENT_ROLES, type IncidentRole } from '../../domain/incident'
import { RECORD_TYPES, type RecordType } from '../../domain/recordTypes'
import { removeUnsafeCharacters } from '../../domain/unsafeCharacters'
import { message, type Message } from '../../locale/message'
import { DEFAULT_IMPORT_LIMITS } from '../importLimits'
import { ImportInputError, type ImportLocation, type ImportProblem } from '../importProblem'
import { describeRemovedCharacters } from '../text/cleanImportedText'
import { candidateFromDraft, type ImportCandidate, type ImportContext, type ImportReading } from '../importReading'
import {
  PRECEDENT_FIELDS,
  PRECEDENT_RELATIONS,
  PRECEDENT_STIX_NAMESPACE,
  STIX_TYPE_OF_RECORD,
  stixIdOfRecord,
  stixTypeOfId,
  type PrecedentRelation
} from './stixModel'
import { inferRelation, isAllowedLink } from './stixRelations'
import { uuidV5 } from './uuidV5'

const STIX_TYPE = /^([a-z][a-z0-9]*)+(-[a-z0-9]+)*-?$/
const STIX_IDENTIFIER = /^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/
const STIX_TIMESTAMP = /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/
const RELATIONSHIP_TYPE = /^[a-z0-9-]+$/
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/

/** Which record type a STIX object of a given type becomes when it carries no Precedent type. */
const FOREIGN_RECORD_TYPE: Readonly<Record<string, RecordType>> = {
  incident: 'incident',
  identity: 'organisation',
  'course-of-action': 'response',
  'x-precedent-source': 'source',
  location: 'jurisdiction'
}

type JsonObject = Readonly<Record<string, unknown>>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An own property only: a key like `toString` in a file is data, never something inherited. */
function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

/** One STIX object being read: where it is, what it is, and the record it is becoming. */
interface ObjectEntry {
  readonly index: number
  readonly object: JsonObject
  readonly stixType: string
  readonly stixId: string
  /** Precedent's own export (it carries x_precedent_type), read field for field. */
  readonly isPrecedent: boolean
  readonly recordType: RecordType | undefined
  readonly recordId: string | undefined
  /** The record's fields before links (filled by the type's reader); undefined when not a record. */
  draft: Record<string, unknown> | undefined
  /** Whether a problem already refused the object. */
  refused: boolean
}

class BundleReader {
  readonly rejected: ImportProblem[] = []
  readonly notices: ImportProblem[] = []
  readonly entries: ObjectEntry[] = []
  readonly byStixId = new Map<string, ObjectEntry>()
  private readonly foreignSources = new Map<string, { readonly draft: Record<string, unknown>; readonly origin: ImportLocation }>()

  constructor(private readonly context: ImportContext) {}

  origin(index: number, field?: string): ImportLocation {
    return field === undefined ? { file: this.context.file, row: index + 1 } : { file: this.context.file, row: index + 1, field }
  }

  reject(entry: ObjectEntry | number, field: string | undefined, message: Message): void {
    const index = typeof entry === 'number' ? entry : entry.index
    if (typeof entry !== 'number') entry.refused = true
    this.rejected.push({ ...this.origin(index, field), message })
  }

  notice(index: number | undefined, field: string | undefined, message: Message): void {
    const location: ImportLocation = index === undefined ? { file: this.context.file } : this.origin(index, field)
    this.notices.push({ ...location, message })
  }

  /** Checks what every STIX object has (type, id, spec_version, created, modified) and files it by id. */
  readEnvelope(value: unknown, index: number): void {
    if (!isObject(value)) {
      this.reject(index, undefined, message('importProblems.stix.notAnObject'))
      return
    }
    const type = own(value, 'type')
    if (typeof type !== 'string' || !STIX_TYPE.test(type) || type.length < 3 || type.length > 250) {
      this.reject(index, 'type', message('importProblems.stix.badType'))
      return
    }
    const id = own(value, 'id')
    if (typeof id !== 'string' || !STIX_IDENTIFIER.test(id) || stixTypeOfId(id.toLowerCase()) !== type) {
      this.reject(index, 'id', message('importProblems.stix.badId', { type }))
      return
    }
    const specVersion = own(value, 'spec_version')
    if (specVersion !== undefined && specVersion !== '2.1') {
      this.reject(index, 'spec_version', message('importProblems.stix.specVersion', { version: String(specVersion) }))
      return
    }
    for (const property of ['created', 'modified'] as const) {
      const timestamp = own(value, property)
      if (timestamp !== undefined && (typeof timestamp !== 'string' || !STIX_TIMESTAMP.test(timestamp))) {
        this.reject(index, property, message('importProblems.stix.timestamp'))
        return
      }
    }
    const stixId = id.toLowerCase()
    const earlier = this.byStixId.get(stixId)
    if (earlier !== undefined) {
      // STIX keeps every version of an object under one id; the newest one is the object now.
      const isNewer = String(own(value, 'modified') ?? '') > String(own(earlier.object, 'modified') ?? '')
      this.notice(
        index,
        'id',
        isNewer
          ? message('importProblems.stix.repeatedLater', { id, earlier: earlier.index + 1 })
          : message('importProblems.stix.repeatedEarlier', { id, earlier: earlier.index + 1 })
      )
      if (!isNewer) return
      this.entries.splice(this.entries.indexOf(earlier), 1)
    }
    if (own(value, 'revoked') === true) {
      this.notice(index, 'revoked', message('importProblems.stix.revoked', { id }))
      return
    }
    const entry = this.classify(value, index, type, stixId)
    if (entry === undefined) return
    this.entries.push(entry)
    this.byStixId.set(stixId, entry)
  }

  classify(object: JsonObject, index: number, stixType: string, stixId: string): ObjectEntry | undefined {
    const declaredType = own(object, 'x_precedent_type')
    const declaredId = own(object, 'x_precedent_id')
    const base = { index, object, stixType, stixId, draft: undefined, refused: false }
    if (declaredType !== undefined) {
      if (typeof declaredType !== 'string' || !(RECORD_TYPES as readonly string[]).includes(declaredType)) {
        this.reject(index, 'x_precedent_type', message('importProblems.stix.precedentType', { types: RECORD_TYPES.join(', ') }))
        return undefined
      }
      const recordType = declaredType as RecordType
      if (STIX_TYPE_OF_RECORD[recordType] !== stixType) {
        this.reject(
          index,
          'x_precedent_type',
          message('importProblems.stix.wrongStixType', { recordType, expected: STIX_TYPE_OF_RECORD[recordType], stixType })
        )
        return undefined
      }
      if (typeof declaredId !== 'string' || !RECORD_ID.test(declaredId)) {
        this.reject(index, 'x_precedent_id', message('importProblems.stix.precedentId'))
        return undefined
      }
      if (stixIdOfRecord(recordType, declaredId) !== stixId) {
        this.notice(index, 'id', message('importProblems.stix.idMismatch', { id: declaredId }))
      }
      return { ...base, isPrecedent: true, recordType, recordId: declaredId }
    }
    let recordType: RecordType | undefined = FOREIGN_RECORD_TYPE[stixType]
    if (stixType === 'report') recordType = 'source'
    // A foreign object keeps its STIX id as its Precedent id: importing it again finds the same record.
    return { ...base, isPrecedent: false, recordType, recordId: recordType === undefined ? undefined : stixId }
  }

  text(entry: ObjectEntry, property: string, required: boolean): string | undefined {
    const value = own(entry.object, property)
    if (value === undefined) {
      if (required) this.reject(entry, property, message('importProblems.stix.required', { property }))
      return undefined
    }
    if (typeof value !== 'string') {
      this.reject(entry, property, message('importProblems.stix.mustBeText', { property }))
      return undefined
    }
    return this.withoutUnsafeCharacters(entry, property, value)
  }

  /** Removes what the text schema refuses or drops (a right-to-left override in a name), with a notice. */
  withoutUnsafeCharacters(entry: ObjectEntry, property: string, value: string): string {
    const cleaned = removeUnsafeCharacters(value)
    if (cleaned.removed.length > 0) this.notice(entry.index, property, describeRemovedCharacters(cleaned.removed))
    return cleaned.text
  }

  textList(entry: ObjectEntry, property: string): string[] | undefined {
    const value = own(entry.object, property)
    if (value === undefined) return undefined
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.reject(entry, property, message('importProblems.stix.mustBeTexts', { property }))
      return undefined
    }
    return (value as string[]).map((item) => this.withoutUnsafeCharacters(entry, property, item))
  }

  /** Copies `x_precedent_fields` through an allowlist into a fresh object; an unknown field refuses the object. */
  precedentFields(entry: ObjectEntry, recordType: RecordType): Record<string, unknown> {
    const fields: Record<string, unknown> = {}
    const value = own(entry.object, 'x_precedent_fields')
    if (value === undefined) return fields
    if (!isObject(value)) {
      this.reject(entry, 'x_precedent_fields', message('importProblems.stix.fieldsObject'))
      return fields
    }
    const allowed = PRECEDENT_FIELDS[recordType]
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.reject(entry, `x_precedent_fields.${key}`, message('importProblems.stix.notAField', { key, record: withArticle(recordType) }))
        continue
      }
      fields[key] = value[key]
    }
    return fields
  }

  /** Citations: Precedent's own list when present, else one source per external reference. */
  citations(entry: ObjectEntry): unknown[] {
    if (entry.isPrecedent) {
      const value = own(entry.object, 'x_precedent_citations')
      if (value === undefined) return []
      if (!Array.isArray(value)) {
        this.reject(entry, 'x_precedent_citations', message('importProblems.stix.citationsList'))
        return []
      }
      // Fresh objects with the three citation fields only; anything else in the file is not carried over.
      return value.map((citation) =>
        isObject(citation)
          ? withoutUndefined({ sourceId: own(citation, 'sourceId'), passage: own(citation, 'passage'), locator: own(citation, 'locator') })
          : citation
      )
    }
    const references = own(entry.object, 'external_references')
    if (references === undefined) return []
    if (!Array.isArray(references)) {
      this.reject(entry, 'external_references', message('importProblems.stix.referencesList'))
      return []
    }
    const citations: unknown[] = []
    references.forEach((reference, position) => {
      const field = `external_references[${position}]`
      if (!isObject(reference)) {
        this.reject(entry, field, message('importProblems.stix.referenceObject'))
        return
      }
      const sourceName = own(reference, 'source_name')
      const description = own(reference, 'description')
      const externalId = own(reference, 'external_id')
      let url = own(reference, 'url')
      if (typeof sourceName !== 'string' || sourceName.trim() === '') {
        this.reject(entry, `${field}.source_name`, message('importProblems.stix.referenceSourceName'))
        return
      }
      for (const [name, part] of [
        ['description', description],
        ['external_id', externalId],
        ['url', url]
      ] as const) {
        if (part !== undefined && typeof part !== 'string') {
          this.reject(entry, `${field}.${name}`, message('importProblems.stix.mustBeText', { property: name }))
          return
        }
      }
      if (typeof url === 'string' && !/^https?:\/\//i.test(url.trim())) {
        this.notice(entry.index, `${field}.url`, message('importProblems.stix.notHttp', { url }))
        url = undefined
      }
      const title = (description as string | undefined) ?? (externalId as string | undefined) ?? (url as string | undefined) ?? sourceName
      const sourceId = `ref-${uuidV5(PRECEDENT_STIX_NAMESPACE, `external-reference:${sourceName}|${String(externalId ?? '')}|${String(url ?? '')}|${String(description ?? '')}`)}`
      if (!this.foreignSources.has(sourceId)) {
        this.foreignSources.set(sourceId, {
          draft: { id: sourceId, title, publisher: sourceName, ...(url === undefined ? {} : { url }) },
          origin: this.origin(entry.index, field)
        })
      }
      citations.push({ sourceId, ...(externalId === undefined || externalId === title ? {} : { locator: externalId }) })
    })
    return citations
  }

  /** Builds the draft of every object that becomes a record (links are added from relationships later). */
  readRecord(entry: ObjectEntry): void {
    const { recordType } = entry
    if (recordType === undefined) return
    const id = entry.recordId
    if (recordType === 'jurisdiction') {
      // A location is a record only when Precedent wrote the jurisdiction whole; otherwise it just names a known one.
      if (entry.isPrecedent && own(entry.object, 'x_precedent_fields') !== undefined) {
        entry.draft = { id, name: this.text(entry, 'name', true), ...this.precedentFields(entry, recordType), citations: this.citations(entry) }
      }
      return
    }
    if (entry.isPrecedent) {
      const fields = this.precedentFields(entry, recordType)
      const name = this.text(entry, 'name', true)
      const description = this.text(entry, 'description', false)
      const citations = recordType === 'source' ? undefined : this.citations(entry)
      const common = { id, ...fields, ...(citations === undefined ? {} : { citations }) }
      switch (recordType) {
        case 'incident':
          entry.draft = {
            ...common,
            title: name,
            ...(description === undefined ? {} : { summary: description }),
            jurisdictionIds: [],
            organisations: [],
            implicatedProvisions: []
          }
          break
        case 'organisation':
          entry.draft = { ...common, name, description, links: [] }
          break
        case 'law': {
          // The law's jurisdiction by id, else the location its report refers to (a tool that drops custom properties keeps object_refs).
          const jurisdictionId = own(entry.object, 'x_precedent_jurisdiction_id') ?? this.jurisdictionOfReport(entry)
          if (jurisdictionId === undefined) {
            this.reject(entry, 'x_precedent_jurisdiction_id', message('importProblems.stix.lawJurisdiction'))
            return
          }
          entry.draft = { ...common, title: name, summary: description, jurisdictionId, relations: [] }
          break
        }
        case 'response':
          entry.draft = { ...common, title: name, description, targetOrganisationIds: [], incidentIds: [], legalBasis: [] }
          break
        case 'source':
          entry.draft = { ...common, title: name }
          break
      }
      return
    }
    const name = this.text(entry, 'name', entry.stixType !== 'x-precedent-source')
    const description = this.text(entry, 'description', false)
    switch (recordType) {
      case 'incident': {
        const labels = this.textList(entry, 'labels')
        entry.draft = {
          id,
          title: name,
          ...(description === undefined ? {} : { summary: description }),
          // A STIX incident says nothing of how sure it is; "alleged" claims the least.
          status: 'alleged',
          tags: labels ?? [],
          ...this.occurredOnFromFirstSeen(entry),
          citations: this.citations(entry),
          jurisdictionIds: [],
          organisations: [],
          implicatedProvisions: []
        }
        return
      }
      case 'organisation': {
        const sectors = this.textList(entry, 'sectors') ?? []
        const identityClass = own(entry.object, 'identity_class')
        if (typeof identityClass === 'string' && identityClass !== 'organization' && identityClass !== 'group') {
          this.notice(entry.index, 'identity_class', message('importProblems.stix.identityClass', { identityClass }))
        }
        entry.draft = {
          id,
          name,
          description,
          kind: sectors.some((sector) => sector.startsWith('government')) ? 'government-body' : 'other',
          citations: this.citations(entry),
          links: []
        }
        return
      }
      case 'response': {
        const creator = own(entry.object, 'created_by_ref')
        const actor = typeof creator === 'string' ? this.byStixId.get(creator.toLowerCase()) : undefined
        if (actor?.recordType !== 'organisation') {
          this.reject(entry, 'created_by_ref', message('importProblems.stix.courseOfAction'))
          return
        }
        entry.draft = {
          id,
          title: name,
          description,
          kind: 'other',
          actorId: actor.recordId,
          citations: this.citations(entry),
          targetOrganisationIds: [],
          incidentIds: [],
          legalBasis: []
        }
        return
      }
      case 'source': {
        // A foreign report is a publication: its title, date (STIX gives the exact moment, so the day is known), creator and first link.
        const published = own(entry.object, 'published')
        const creator = own(entry.object, 'created_by_ref')
        const publisher = typeof creator === 'string' ? this.byStixId.get(creator.toLowerCase()) : undefined
        const publisherName = publisher === undefined ? undefined : own(publisher.object, 'name')
        const references = own(entry.object, 'external_references')
        const firstUrl = Array.isArray(references)
          ? references
              .map((reference) => (isObject(reference) ? own(reference, 'url') : undefined))
              .find((url) => typeof url === 'string' && /^https?:\/\//i.test(url))
          : undefined
        if (published !== undefined && (typeof published !== 'string' || !STIX_TIMESTAMP.test(published))) {
          this.reject(entry, 'published', message('importProblems.stix.published'))
          return
        }
        entry.draft = {
          id,
          title: name,
          ...(typeof published === 'string' ? { publishedOn: published.slice(0, 10) } : {}),
          ...(typeof publisherName === 'string' ? { publisher: publisherName } : {}),
          ...(typeof firstUrl === 'string' ? { url: firstUrl } : {}),
          ...(typeof own(entry.object, 'lang') === 'string' ? { language: own(entry.object, 'lang') } : {})
        }
        return
      }
      case 'law':
        return
    }
  }

  jurisdictionOfReport(entry: ObjectEntry): string | undefined {
    const refs = own(entry.object, 'object_refs')
    if (!Array.isArray(refs)) return undefined
    for (const ref of refs) {
      const target = typeof ref === 'string' ? this.byStixId.get(ref.toLowerCase()) : undefined
      const jurisdictionId = target?.recordType === 'jurisdiction' ? this.jurisdictionOf(target) : undefined
      if (jurisdictionId !== undefined) return jurisdictionId
    }
    return undefined
  }

  occurredOnFromFirstSeen(entry: ObjectEntry): { occurredOn?: string } {
    const firstSeen = own(entry.object, 'first_seen')
    if (typeof firstSeen === 'string' && STIX_TIMESTAMP.test(firstSeen)) return { occurredOn: firstSeen.slice(0, 10) }
    return {}
  }

  /** The jurisdiction a location stands for: its Precedent id, or a known ISO code (subdivision first). */
  jurisdictionOf(entry: ObjectEntry): string | undefined {
    if (entry.draft !== undefined && !entry.refused) return entry.recordId
    const candidates = entry.isPrecedent
      ? [entry.recordId]
      : [own(entry.object, 'administrative_area'), own(entry.object, 'country')].map((code) => (typeof code === 'string' ? code.toUpperCase() : undefined))
    return candidates.find((code): code is string => code !== undefined && this.context.jurisdictionIds.has(code))
  }

  /** A relationship end: an object in the file, else the Precedent id the relationship names (checked against the ref). */
  endOf(ref: string, declaredId: unknown): { readonly recordType: RecordType; readonly recordId: string; readonly entry?: ObjectEntry } | undefined {
    const entry = this.byStixId.get(ref)
    // A refused object is reported once; links to it still name it by id, like links to records outside the file.
    if (entry !== undefined && !entry.refused) {
      if (entry.recordType === 'jurisdiction') {
        const jurisdictionId = this.jurisdictionOf(entry)
        return jurisdictionId === undefined ? undefined : { recordType: 'jurisdiction', recordId: jurisdictionId }
      }
      if (entry.recordType === undefined || entry.recordId === undefined) return undefined
      if (entry.stixType === 'report' && !entry.isPrecedent) return undefined
      return { recordType: entry.recordType, recordId: entry.recordId, entry }
    }
    if (typeof declaredId !== 'string' || !RECORD_ID.test(declaredId)) return undefined
    const recordType = RECORD_TYPES.find((type) => STIX_TYPE_OF_RECORD[type] === stixTypeOfId(ref))
    if (recordType === undefined || stixIdOfRecord(recordType, declaredId) !== ref) return undefined
    if (recordType === 'jurisdiction' && !this.context.jurisdictionIds.has(declaredId)) return undefined
    return { recordType, recordId: declaredId }
  }

  readRelationship(entry: ObjectEntry): void {
    const relationshipType = own(entry.object, 'relationship_type')
    if (typeof relationshipType !== 'string' || !RELATIONSHIP_TYPE.test(relationshipType)) {
      this.reject(entry, 'relationship_type', message('importProblems.stix.relationshipType'))
      return
    }
    const ends: string[] = []
    for (const property of ['source_ref', 'target_ref'] as const) {
      const ref = own(entry.object, property)
      if (typeof ref !== 'string' || !STIX_IDENTIFIER.test(ref)) {
        this.reject(entry, property, message('importProblems.stix.mustBeId', { property }))
        return
      }
      ends.push(ref.toLowerCase())
    }
    const relationValue = own(entry.object, 'x_precedent_relation')
    if (relationValue !== undefined && !(PRECEDENT_RELATIONS as readonly string[]).includes(String(relationValue))) {
      this.reject(entry, 'x_precedent_relation', message('importProblems.stix.precedentRelation', { relations: PRECEDENT_RELATIONS.join(', ') }))
      return
    }
    const from = this.endOf(ends[0]!, own(entry.object, 'x_precedent_source_id'))
    const to = this.endOf(ends[1]!, own(entry.object, 'x_precedent_target_id'))
    if (from === undefined || to === undefined) {
      this.notice(
        entry.index,
        from === undefined ? 'source_ref' : 'target_ref',
        from === undefined
          ? message('importProblems.stix.sourceUnknown', { relationshipType })
          : message('importProblems.stix.targetUnknown', { relationshipType })
      )
      return
    }
    const relation = (relationValue as PrecedentRelation | undefined) ?? inferRelation(relationshipType, from.recordType, to.recordType)
    if (relation === undefined) {
      this.notice(
        entry.index,
        'relationship_type',
        message(/^[aeiou]/.test(relationshipType) ? 'importProblems.stix.noCounterpartVowel' : 'importProblems.stix.noCounterpart', {
          relationshipType,
          from: withArticle(from.recordType),
          to: withArticle(to.recordType)
        })
      )
      return
    }
    const draft = from.entry?.draft
    if (draft === undefined) {
      this.notice(entry.index, 'source_ref', message('importProblems.stix.linkSourceUnknown', { relation }))
      return
    }
    if (!isAllowedLink(relation, from.recordType, to.recordType)) {
      this.reject(
        entry,
        'x_precedent_relation',
        message('importProblems.stix.relationNotAllowed', { relation, from: withArticle(from.recordType), to: withArticle(to.recordType) })
      )
      return
    }
    const provision = own(entry.object, 'x_precedent_provision')
    if (provision !== undefined && typeof provision !== 'string') {
      this.reject(entry, 'x_precedent_provision', message('importProblems.stix.provision'))
      return
    }
    const push = (field: string, value: unknown): void => {
      ;(draft[field] as unknown[]).push(value)
    }
    switch (relation) {
      case 'jurisdiction':
        return push('jurisdictionIds', to.recordId)
      case 'organisation': {
        const role = own(entry.object, 'x_precedent_role') ?? 'involved'
        if (!(INCIDENT_ROLES as readonly unknown[]).includes(role)) {
          this.reject(entry, 'x_precedent_role', message('importProblems.stix.role', { roles: INCIDENT_ROLES.join(', ') }))
          return
        }
        return push('organisations', { organisationId: to.recordId, role: role as IncidentRole })
      }
      case 'implicates':
        return push('implicatedProvisions', { lawId: to.recordId, ...(provision === undefined ? {} : { provisionNumber: provision }) })
      case 'legal-basis':
        return push('legalBasis', { lawId: to.recordId, ...(provision === undefined ? {} : { provisionNumber: provision }) })
      case 'headquarters':
        draft.headquartersJurisdictionId = to.recordId
        return
      case 'parent':
      case 'affiliate':
      case 'operator':
        return push('links', { relation, organisationId: to.recordId })
      case 'amends':
      case 'replaces':
      case 'implements':
        return push('relations', { relation, lawId: to.recordId })
      case 'actor':
        draft.actorId = to.recordId
        return
      case 'target':
        return push('targetOrganisationIds', to.recordId)
      case 'responds-to':
        return push('incidentIds', to.recordId)
    }
  }

  /** A foreign report's object_refs: every record it refers to cites it. */
  readReportReferences(entry: ObjectEntry): void {
    const refs = own(entry.object, 'object_refs')
    if (refs === undefined) return
    if (!Array.isArray(refs)) {
      this.reject(entry, 'object_refs', message('importProblems.stix.objectRefs'))
      return
    }
    for (const ref of refs) {
      const target = typeof ref === 'string' ? this.byStixId.get(ref.toLowerCase()) : undefined
      const citations = target?.draft?.citations
      if (Array.isArray(citations) && target?.recordType !== 'source') citations.push({ sourceId: entry.recordId })
    }
  }

  candidates(): ImportCandidate[] {
    const candidates: ImportCandidate[] = []
    for (const entry of this.entries) {
      if (entry.refused || entry.draft === undefined || entry.recordType === undefined) continue
      if (entry.recordType === 'response' && entry.draft.actorId === undefined) {
        this.reject(entry, 'relationships', message('importProblems.stix.responseActor'))
        continue
      }
      const result = candidateFromDraft(entry.recordType, withoutUndefined(entry.draft), this.origin(entry.index), this.context)
      if (result.ok) candidates.push(result.candidate)
      else this.rejected.push(...result.problems.map((problem) => ({ ...problem, field: stixPropertyOf(entry, problem.field) })))
    }
    for (const { draft, origin } of this.foreignSources.values()) {
      const result = candidateFromDraft('source', draft, origin, this.context)
      if (result.ok) candidates.push(result.candidate)
      else this.rejected.push(...result.problems.map((problem) => ({ ...problem, field: origin.field })))
    }
    return candidates
  }
}

/** "an incident", "a law". */
function withArticle(type: RecordType): Message {
  switch (type) {
    case 'incident':
      return message('importProblems.stix.aRecord.incident')
    case 'organisation':
      return message('importProblems.stix.aRecord.organisation')
    case 'jurisdiction':
      return message('importProblems.stix.aRecord.jurisdiction')
    case 'law':
      return message('importProblems.stix.aRecord.law')
    case 'response':
      return message('importProblems.stix.aRecord.response')
    case 'source':
      return message('importProblems.stix.aRecord.source')
  }
}

/** A draft without keys whose value is undefined, so an absent STIX property leaves the field absent, not present and empty. */
function withoutUndefined(draft: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined))
}

/** Names a record field by the STIX property it was read from, so a problem points into the file. */
function stixPropertyOf(entry: ObjectEntry, field: string | undefined): string | undefined {
  if (field === undefined) return undefined
  const top = /^[A-Za-z]+/.exec(field)?.[0] ?? field
  const rest = field.slice(top.length)
  const direct: Record<string, string> = {
    id: entry.isPrecedent ? 'x_precedent_id' : 'id',
    title: 'name',
    name: 'name',
    summary: 'description',
    description: 'description',
    citations: entry.isPrecedent ? 'x_precedent_citations' : 'external_references',
    jurisdictionId: 'x_precedent_jurisdiction_id',
    tags: entry.isPrecedent ? 'x_precedent_fields.tags' : 'labels'
  }
  if (direct[top] !== undefined) return `${direct[top]}${rest}`
  if (entry.recordType !== undefined && PRECEDENT_FIELDS[entry.recordType].includes(top)) {
    return entry.isPrecedent ? `x_precedent_fields.${field}` : field
  }
  // Links come from relationship objects; the message says which link.
  return `relationships (${field})`
}

/**
 * Reads a STIX 2.1 bundle (already parsed by `parseJsonSafely`): Precedent's own exports field for
 * field (round trip), and other tools' incidents, identities, courses of action (with the identity
 * that created them as actor), reports (as sources cited by the objects they refer to), locations
 * (as known jurisdictions) and relationships between them. Other types, and relationships Precedent
 * has no link for, become notices. Each problem names the object's position in `objects` (as its
 * row, from 1) and the property.
 *
 * @throws ImportInputError when the value is not a STIX bundle at all, or has too many objects
 */
export function readStixBundle(json: unknown, context: ImportContext): ImportReading {
  const { file } = context
  if (!isObject(json) || own(json, 'type') !== 'bundle') {
    throw new ImportInputError({ file, field: 'type', message: message('importProblems.stix.notABundle') })
  }
  const objects = own(json, 'objects') ?? []
  if (!Array.isArray(objects)) throw new ImportInputError({ file, field: 'objects', message: message('importProblems.stix.objectsList') })
  if (objects.length > DEFAULT_IMPORT_LIMITS.maxRows) {
    throw new ImportInputError({
      file,
      field: 'objects',
      message: message('importProblems.stix.tooManyObjects', { count: objects.length, max: DEFAULT_IMPORT_LIMITS.maxRows })
    })
  }
  const reader = new BundleReader(context)
  objects.forEach((object, index) => reader.readEnvelope(object, index))
  if (reader.entries.some((entry) => own(entry.object, 'spec_version') === undefined)) {
    reader.notice(undefined, undefined, message('importProblems.stix.noSpecVersion'))
  }
  for (const entry of reader.entries) reader.readRecord(entry)
  for (const entry of reader.entries) {
    if (entry.refused) continue
    if (entry.stixType === 'relationship') reader.readRelationship(entry)
    else if (entry.stixType === 'report' && !entry.isPrecedent) reader.readReportReferences(entry)
    else if (entry.recordType === undefined) reader.notice(entry.index, 'type', message('importProblems.stix.unsupportedType', { stixType: entry.stixType }))
    else if (entry.recordType === 'jurisdiction') {
      if (reader.jurisdictionOf(entry) === undefined) reader.notice(entry.index, 'country', message('importProblems.stix.unknownLocation'))
    }
  }
  const candidates = reader.candidates()
  return { format: 'stix', candidates, rejected: reader.rejected, notices: reader.notices }
}
