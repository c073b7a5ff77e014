import { describe, expect, it } from 'vitest'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import type { TypedRecord } from '@shared/domain/recordTypes'
import type { ImportCandidate, ImportReading } from '@shared/interchange/importReading'
import { planImport, type ExistingRecords } from '@shared/interchange/importPlan'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/sharedDomain'
import { inEnglish, withReasonInEnglish } from '../../support/words'
import { message } from '@shared/locale/message'

/** A reason given as it is written, for readings made up in a test. */
const asWritten = (text: string) => message('problems.asWritten', { text })

const FILE = 'incidents.csv'

function existingOf(...records: TypedRecord[]): ExistingRecords {
  const byId = new Map(records.map((typed) => [typed.record.id as string, typed]))
  return {
    get: (id) => byId.get(id),
    organisations: records.filter((typed) => typed.type === 'organisation').map((typed) => typed.record as Organisation),
    incidents: records.filter((typed) => typed.type === 'incident').map((typed) => typed.record as Incident)
  }
}

function readingOf(...typed: TypedRecord[]): ImportReading {
  return {
    format: 'csv',
    candidates: typed.map((record, index): ImportCandidate => ({ typed: record, origin: { file: FILE, row: index + 2 } })),
    rejected: [],
    notices: []
  }
}

const china: TypedRecord = { type: 'jurisdiction', record: aJurisdiction() }
const organisation = (overrides: Parameters<typeof anOrganisation>[0] = {}): TypedRecord => ({ type: 'organisation', record: anOrganisation(overrides) })
const incident = (overrides: Parameters<typeof anIncident>[0] = {}): TypedRecord => ({ type: 'incident', record: anIncident(overrides) })

describe('planImport', () => {
  it('plans a record whose id is not stored as new, and counts it by type', () => {
    const plan = planImport(readingOf(organisation()), existingOf(china))
    expect(plan.entries.map((entry) => [entry.action, entry.id, entry.willWrite])).toEqual([['new', 'org-alipay', true]])
    expect(plan.counts).toEqual({ new: 1, update: 0, unchanged: 0, duplicate: 0, rejected: 0 })
    expect(plan.countsByType.organisation.new).toBe(1)
    expect(plan.writes).toEqual([{ typed: organisation() }])
  })

  it('plans the same content under a stored id as unchanged, bookkeeping aside: importing a file twice changes nothing', () => {
    const stored = organisation({ revision: 4, updatedAt: '2026-03-01T00:00:00.000Z' })
    const plan = planImport(readingOf(organisation()), existingOf(stored))
    expect(plan.entries.map((entry) => entry.action)).toEqual(['unchanged'])
    expect(plan.writes).toEqual([])
  })

  it('lists changed content under a stored id as an update with its fields, skipped unless updates are chosen', () => {
    const stored = organisation({ revision: 3 })
    const reading = readingOf(organisation({ name: 'Alipay (支付宝)', kind: 'company' }))
    const skipped = planImport(reading, existingOf(stored))
    expect(skipped.entries[0]).toMatchObject({ action: 'update', willWrite: false })
    expect(skipped.entries[0]?.changes?.map((change) => change.field)).toEqual(['name', 'kind'])
    expect(skipped.writes).toEqual([])

    const chosen = planImport(reading, existingOf(stored), { updateExisting: true })
    expect(chosen.entries[0]).toMatchObject({ action: 'update', willWrite: true })
    expect(chosen.writes.map((write) => [write.typed.record.id, write.expectedRevision])).toEqual([['org-alipay', 3]])
  })

  it('merges an organisation stored under another id and another script into the stored one, rewriting links to it', () => {
    const stored = organisation({ id: 'org-alipay', name: 'Alipay', aliases: [{ name: '支付宝' }] })
    const imported = organisation({ id: 'org-zhifubao', name: '支付宝有限公司' })
    const linking = incident({ id: 'inc-1', organisations: [{ organisationId: 'org-zhifubao', role: 'involved' }] })
    const plan = planImport(readingOf(imported, linking), existingOf(stored))
    expect(plan.entries.map((entry) => [entry.id, entry.action, entry.willWrite])).toEqual([
      ['org-zhifubao', 'duplicate', false],
      ['inc-1', 'new', true]
    ])
    expect(plan.entries[0]?.duplicateOf?.id).toBe('org-alipay')
    const written = plan.writes[0]?.typed.record as Incident
    expect(written.organisations).toEqual([{ organisationId: 'org-alipay', role: 'involved' }])
  })

  it('merges a second organisation of the same name within the file into the first, never doubling it', () => {
    const plan = planImport(readingOf(organisation({ id: 'org-a', name: 'Acme Ltd' }), organisation({ id: 'org-b', name: 'ACME limited' })), existingOf())
    expect(plan.entries.map((entry) => [entry.id, entry.action])).toEqual([
      ['org-a', 'new'],
      ['org-b', 'duplicate']
    ])
    expect(plan.entries[1]?.duplicateOf?.id).toBe('org-a')
  })

  it('flags an incident that looks like a stored one and skips it, unless the person chooses it', () => {
    const stored = incident({ id: 'inc-stored', title: 'Alipay annual statement opt-in', occurredOn: '2018-01' })
    const imported = incident({ id: 'inc-new', title: 'Alipay annual statement opt in', occurredOn: '2018-01-03' })
    const skipped = planImport(readingOf(imported), existingOf(stored))
    expect(skipped.entries[0]).toMatchObject({ action: 'duplicate', willWrite: false, duplicateOf: { id: 'inc-stored' } })
    expect(skipped.writes).toEqual([])

    const chosen = planImport(readingOf(imported), existingOf(stored), { importLikelyDuplicates: new Set(['inc-new']) })
    expect(chosen.entries[0]).toMatchObject({ action: 'duplicate', willWrite: true })
    expect(chosen.writes.map((write) => write.typed.record.id)).toEqual(['inc-new'])
  })

  it('gives the same answer when the same reading is planned again with other choices (look-alikes are found once)', () => {
    const stored = existingOf(incident({ id: 'inc-stored', title: 'Alipay annual statement opt-in', occurredOn: '2018-01' }))
    const reading = readingOf(
      incident({ id: 'inc-new', title: 'Alipay annual statement opt in', occurredOn: '2018-01-03' }),
      { type: 'response', record: aResponse({ id: 'resp-1', actorId: 'org-cac', incidentIds: ['inc-new'] }) } as TypedRecord,
      organisation({ id: 'org-cac', name: 'CAC', kind: 'regulator' })
    )
    const skipped = planImport(reading, stored)
    const chosen = planImport(reading, stored, { importLikelyDuplicates: new Set(['inc-new']) })
    const skippedAgain = planImport(reading, stored)

    expect((skipped.writes.find((write) => write.typed.type === 'response')?.typed.record as { incidentIds: string[] }).incidentIds).toEqual(['inc-stored'])
    expect((chosen.writes.find((write) => write.typed.type === 'response')?.typed.record as { incidentIds: string[] }).incidentIds).toEqual(['inc-new'])
    expect(skippedAgain).toEqual(skipped)
  })

  it('rejects a link to a record neither stored nor in the file, naming the file, row and link', () => {
    const plan = planImport(readingOf(incident({ organisations: [{ organisationId: 'org-nowhere', role: 'involved' }] })), existingOf())
    expect(plan.entries[0]?.action).toBe('rejected')
    expect((plan.entries[0]?.problems ?? []).map(withReasonInEnglish)).toEqual([
      { file: FILE, row: 2, field: 'organisation:involved', message: 'Links to "org-nowhere", which is neither stored nor imported' }
    ])
  })

  it('rejects whatever linked to a rejected record, in turn', () => {
    const org = organisation({ id: 'org-x', headquartersJurisdictionId: 'ZZ' })
    const response = { type: 'response', record: aResponse({ actorId: 'org-x' }) } as TypedRecord
    const plan = planImport(readingOf(org, response), existingOf(china))
    expect(plan.entries.map((entry) => entry.action)).toEqual(['rejected', 'rejected'])
    expect(inEnglish(plan.entries[1]?.problems?.[0]?.message ?? '')).toContain('(it was rejected (row 2))')
    expect(plan.writes).toEqual([])
  })

  it('accepts links to records written by the same import', () => {
    const org = organisation({ id: 'org-cac', name: 'CAC', kind: 'regulator' })
    const response = { type: 'response', record: aResponse({ actorId: 'org-cac' }) } as TypedRecord
    const plan = planImport(readingOf(response, org), existingOf())
    expect(plan.entries.map((entry) => entry.action)).toEqual(['new', 'new'])
    expect(plan.writes.map((write) => write.typed.type)).toEqual(['organisation', 'response'])
  })

  it('rejects an id used twice in the file with different content, and counts an identical repeat as a duplicate', () => {
    const plan = planImport(readingOf(organisation(), organisation({ name: 'Other' }), organisation()), existingOf())
    expect(plan.entries.map((entry) => entry.action)).toEqual(['new', 'rejected', 'duplicate'])
    expect(plan.entries[1]?.problems?.[0]).toMatchObject({ file: FILE, row: 3, field: 'id' })
    expect(inEnglish(plan.entries[1]?.problems?.[0]?.message ?? '')).toContain('earlier in the file (row 2)')
  })

  it('rejects an id that belongs to a stored record of another type', () => {
    const plan = planImport(readingOf(incident({ id: 'CN' })), existingOf(china))
    expect(plan.entries[0]?.action).toBe('rejected')
    expect(inEnglish(plan.entries[0]?.problems?.[0]?.message ?? '')).toBe('The id "CN" already belongs to a stored jurisdiction, "China"')
  })

  it('keeps rows the reader refused as one rejected entry per row, with every problem', () => {
    const reading: ImportReading = {
      ...readingOf(),
      rejected: [
        { file: FILE, row: 5, field: 'date', message: asWritten('Not a date') },
        { file: FILE, row: 5, field: 'title', message: asWritten('Required') },
        { file: FILE, row: 9, field: 'title', message: asWritten('Required') }
      ],
      notices: [{ file: FILE, row: 3, message: asWritten('Repaired mojibake') }]
    }
    const plan = planImport(reading, existingOf())
    expect(plan.counts.rejected).toBe(2)
    expect(plan.entries[0]?.problems).toHaveLength(2)
    expect(plan.notices).toEqual(reading.notices)
  })
})
