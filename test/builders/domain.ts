import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleRecords } from '@shared/domain/bundle'
import { incidentSchema, type Incident } from '@shared/domain/incident'
import { incidentResponseSchema, type IncidentResponse } from '@shared/domain/incidentResponse'
import { jurisdictionSchema, type Jurisdiction } from '@shared/domain/jurisdiction'
import { lawSchema, type Law } from '@shared/domain/law'
import { organisationSchema, type Organisation } from '@shared/domain/organisation'
import { sourceSchema, type Source } from '@shared/domain/source'

/** Bookkeeping of every built record unless overridden. */
export const BUILT_AT = '2026-01-01T00:00:00.000Z'

const bookkeeping = { createdAt: BUILT_AT, updatedAt: BUILT_AT, revision: 1 }

let sequence = 0
/** A fresh id with a readable prefix, unique within the test run. */
export function nextId(prefix: string): string {
  sequence += 1
  return `${prefix}-${sequence}`
}

/**
 * Builders of valid records: each passes its schema (the builder parses it, so an override that
 * makes it invalid fails loudly here). Links default to `CN` (jurisdiction) and `org-regulator`,
 * which tests that store records must create or override.
 */
export function aJurisdiction(overrides: Partial<Record<keyof Jurisdiction, unknown>> = {}): Jurisdiction {
  return jurisdictionSchema.parse({ id: nextId('jur'), kind: 'country', code: 'CN', name: 'China', ...bookkeeping, ...overrides })
}

export function anOrganisation(overrides: Partial<Record<keyof Organisation, unknown>> = {}): Organisation {
  const id = nextId('org')
  return organisationSchema.parse({ id, name: `Organisation ${id}`, kind: 'company', ...bookkeeping, ...overrides })
}

export function aSource(overrides: Partial<Record<keyof Source, unknown>> = {}): Source {
  const id = nextId('src')
  return sourceSchema.parse({ id, title: `Report ${id}`, publishedOn: '2019-03', ...bookkeeping, ...overrides })
}

export function aLaw(overrides: Partial<Record<keyof Law, unknown>> = {}): Law {
  const id = nextId('law')
  return lawSchema.parse({
    id,
    title: `Law ${id}`,
    jurisdictionId: 'CN',
    kind: 'statute',
    status: 'in-force',
    adoptedOn: '2021-08-20',
    ...bookkeeping,
    ...overrides
  })
}

export function anIncident(overrides: Partial<Record<keyof Incident, unknown>> = {}): Incident {
  const id = nextId('inc')
  return incidentSchema.parse({ id, title: `Incident ${id}`, status: 'alleged', occurredOn: '2015-05', ...bookkeeping, ...overrides })
}

export function aResponse(overrides: Partial<Record<keyof IncidentResponse, unknown>> = {}): IncidentResponse {
  const id = nextId('resp')
  return incidentResponseSchema.parse({
    id,
    title: `Response ${id}`,
    kind: 'statement',
    actorId: 'org-regulator',
    datedOn: '2015-06',
    ...bookkeeping,
    ...overrides
  })
}

/** A valid bundle holding `records` (every collection defaults to empty). */
export function aBundle(records: Partial<BundleRecords> = {}, overrides: Partial<Omit<Bundle, 'records'>> = {}): Bundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: 'test-bundle',
    revision: 1,
    createdAt: BUILT_AT,
    records: { jurisdictions: [], organisations: [], sources: [], laws: [], incidents: [], responses: [], ...records },
    ...overrides
  }
}
