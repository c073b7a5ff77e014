import { describe, expect, it } from 'vitest'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { loadRecordSet } from '../../../src/renderer/recordKit/loadRecordSet'
import { aJurisdiction, anIncident, anOrganisation, aResponse, aSource } from '../../builders/domain'

function loaderOver(records: readonly TypedRecord[]) {
  const calls: string[][] = []
  const byId = new Map(records.map((typed) => [typed.record.id as string, typed]))
  const load = async (ids: readonly string[]) => {
    calls.push([...ids])
    return ids.flatMap((id) => byId.get(id) ?? [])
  }
  return { load, calls }
}

describe('loadRecordSet', () => {
  const china = aJurisdiction({ id: 'CN' })
  const regulator = anOrganisation({ id: 'org-regulator', headquartersJurisdictionId: 'CN' })
  const report = aSource({ id: 'src-report' })
  const incident = anIncident({ id: 'inc-a', jurisdictionIds: ['CN'], citations: [{ sourceId: 'src-report' }] })
  const summons = aResponse({ id: 'resp-summons', actorId: 'org-regulator', incidentIds: ['inc-a'] })
  const all: TypedRecord[] = [
    { type: 'jurisdiction', record: china },
    { type: 'organisation', record: regulator },
    { type: 'source', record: report },
    { type: 'incident', record: incident },
    { type: 'response', record: summons }
  ]

  it('keeps the chosen records in the order given, skipping ids with no record', async () => {
    const { load } = loaderOver(all)

    const set = await loadRecordSet(['resp-summons', 'gone', 'inc-a'], load)

    expect(set.selected.map((typed) => typed.record.id)).toEqual(['resp-summons', 'inc-a'])
  })

  it('looks up everything the chosen records link to, link by link (actor, then its jurisdiction)', async () => {
    const { load, calls } = loaderOver(all)

    const set = await loadRecordSet(['resp-summons'], load)

    expect(set.get('inc-a')?.type).toBe('incident')
    expect(set.get('org-regulator')?.type).toBe('organisation')
    expect(set.get('src-report')?.type).toBe('source')
    expect(set.get('CN')?.type).toBe('jurisdiction')
    expect(set.selected).toHaveLength(1)
    // Each id is asked for once, even the missing ones.
    expect(calls.flat().filter((id) => id === 'CN')).toHaveLength(1)
  })

  it('stops at links to records that do not exist', async () => {
    const { load, calls } = loaderOver([{ type: 'incident', record: anIncident({ id: 'inc-b', jurisdictionIds: ['XX'] }) }])

    const set = await loadRecordSet(['inc-b'], load)

    expect(set.get('XX')).toBeUndefined()
    expect(calls).toEqual([['inc-b'], ['XX']])
  })
})
