import { describe, expect, it } from 'vitest'
import { readImportNeighbours, readJurisdictionIds, type PrecedentDatabase } from '@renderer/db'
import { fromRow } from '@renderer/db/storedRow'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import { RECORD_TYPES, type TypedRecord } from '@shared/domain/recordTypes'
import { planImport, type ExistingRecords } from '@shared/interchange/importPlan'
import type { ImportReading } from '@shared/interchange/importReading'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'

/** Every stored record, as planning read them before issue 10: the reference the subset must agree with. */
async function everythingStored(db: PrecedentDatabase): Promise<ExistingRecords> {
  const byId = new Map<string, TypedRecord>()
  for (const type of RECORD_TYPES) for (const row of await db.recordTable(type).toArray()) byId.set(row.id, { type, record: fromRow(row) } as TypedRecord)
  const all = [...byId.values()]
  return {
    get: (id) => byId.get(id),
    organisations: all.flatMap((typed) => (typed.type === 'organisation' ? [typed.record as Organisation] : [])),
    incidents: all.flatMap((typed) => (typed.type === 'incident' ? [typed.record as Incident] : []))
  }
}

const readingOf = (records: readonly TypedRecord[]): ImportReading => ({
  format: 'bundle',
  candidates: records.map((typed, index) => ({ typed, origin: { file: 'kb.json', row: index + 1 } })),
  rejected: [],
  notices: []
})

const organisation = (fields: Record<string, unknown>): TypedRecord => ({ type: 'organisation', record: anOrganisation(fields) })
const incident = (fields: Record<string, unknown>): TypedRecord => ({ type: 'incident', record: anIncident(fields) })

/** A knowledge base with look-alikes, and 60 breach incidents whose common character pairs fill blocks past the cap. */
async function aStoredKnowledgeBase(): Promise<PrecedentDatabase> {
  const db = aFreshDatabase()
  await givenStored(
    db,
    { type: 'jurisdiction', record: aJurisdiction({ id: 'CN' }) },
    organisation({ id: 'org-regulator', name: 'Cyberspace Administration', kind: 'regulator' }),
    organisation({ id: 'org-b-alipay', name: 'Alipay' }),
    // Same name once normalised, and first by id: the one an imported "ALIPAY" is merged into.
    organisation({ id: 'org-a-alipay', name: 'ALIPAY Co., Ltd.' }),
    organisation({ id: 'org-ant', name: 'Ant Group', aliases: [{ name: '蚂蚁集团' }] }),
    ...Array.from({ length: 60 }, (_, index) => organisation({ id: `org-firm-${index}`, name: `Firm number ${index}` })),
    incident({ id: 'inc-alipay-bill', title: 'Alipay annual bill consent default', occurredOn: '2018-01-03', jurisdictionIds: ['CN'] }),
    ...Array.from({ length: 60 }, (_, index) =>
      incident({ id: `inc-breach-${String(index).padStart(2, '0')}`, title: `Data breach at firm number ${index}`, occurredOn: `2020-0${1 + (index % 9)}` })
    )
  )
  return db
}

/** An import that merges, skips look-alikes, updates, and links to stored records. */
function anIncomingReading(): ImportReading {
  return readingOf([
    organisation({ id: 'org-new-alipay', name: 'ALIPAY' }),
    organisation({ id: 'org-new-ant', name: '蚂蚁集团' }),
    organisation({ id: 'org-new-unrelated', name: 'Quite Unrelated Bakery' }),
    incident({
      id: 'inc-new-alipay',
      title: 'Alipay annual-bill consent default',
      occurredOn: '2018-01',
      organisations: [{ organisationId: 'org-new-alipay', role: 'operator' }]
    }),
    incident({ id: 'inc-new-breach', title: 'Data breach at firm number 7', occurredOn: '2020-08' }),
    incident({ id: 'inc-new-breech', title: 'Data breech at firm numbre 42', occurredOn: '2020-07' }),
    incident({ id: 'inc-new-other', title: 'Kindergarten camera footage leaked', occurredOn: '2019-04' }),
    incident({ id: 'inc-breach-03', title: 'Data breach at firm number 3, corrected', occurredOn: '2020-04' }),
    {
      type: 'response',
      record: aResponse({ id: 'resp-new', title: 'Regulator fines the firm', actorId: 'org-regulator', incidentIds: ['inc-new-breach', 'inc-alipay-bill'] })
    }
  ])
}

describe('readImportNeighbours', () => {
  it('gives the same plan as planning against every stored record', async () => {
    const db = await aStoredKnowledgeBase()
    const reading = anIncomingReading()

    const subset = await readImportNeighbours(db, reading)
    const full = await everythingStored(db)

    for (const updateExisting of [false, true]) {
      const options = { updateExisting, importLikelyDuplicates: new Set(['inc-new-breech']) }
      expect(planImport(reading, subset, options)).toEqual(planImport(reading, full, options))
    }
    const plan = planImport(reading, subset)
    const entry = (id: string) => plan.entries.find((candidate) => candidate.id === id)
    expect(entry('org-new-alipay')).toMatchObject({ action: 'duplicate', duplicateOf: { id: 'org-a-alipay' } })
    expect(entry('org-new-ant')).toMatchObject({ action: 'duplicate', duplicateOf: { id: 'org-ant' } })
    expect(entry('inc-new-alipay')).toMatchObject({ action: 'duplicate', duplicateOf: { id: 'inc-alipay-bill' } })
    expect(entry('inc-new-breach')).toMatchObject({ action: 'duplicate', duplicateOf: { id: 'inc-breach-07' } })
    expect(entry('inc-breach-03')?.action).toBe('update')
    expect(entry('resp-new')?.action).toBe('new')
  })

  it('reads only the records the import touches and their look-alikes, not the whole tables', async () => {
    const db = await aStoredKnowledgeBase()

    const subset = await readImportNeighbours(db, anIncomingReading())

    expect(subset.organisations.map((stored) => stored.id)).toEqual(['org-a-alipay', 'org-ant', 'org-b-alipay', 'org-regulator'])
    // The breach incidents share blocks of more than 50: at most 51 of them are read to see that.
    expect(subset.incidents.length).toBeLessThanOrEqual(52)
    expect(subset.incidents.map((stored) => stored.id)).toEqual(expect.arrayContaining(['inc-alipay-bill', 'inc-breach-03', 'inc-breach-07', 'inc-breach-42']))
    expect(subset.get('CN')).toBeUndefined()
    expect(await readJurisdictionIds(db)).toEqual(new Set(['CN']))
  })
})
