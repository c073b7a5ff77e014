import { describe, expect, it } from 'vitest'
import { createRecordRepository } from '@renderer/db'
import { aJurisdiction, anIncident, anOrganisation } from '../../../builders/domain'
import { aFreshDatabase, givenStored } from '../testDatabase'

describe('createRecordRepository', () => {
  it('lists incidents by date, a year before the months in it, undated last', async () => {
    const db = aFreshDatabase()
    const undated = anIncident({ occurredOn: undefined })
    const may2015 = anIncident({ occurredOn: '2015-05' })
    const year2015 = anIncident({ occurredOn: '2015' })
    const jan2018 = anIncident({ occurredOn: '2018-01-03' })
    await givenStored(db, ...[undated, jan2018, may2015, year2015].map((record) => ({ type: 'incident' as const, record })))

    const listed = await createRecordRepository(db, 'incident').list()

    expect(listed.map((incident) => incident.id)).toEqual([year2015.id, may2015.id, jan2018.id, undated.id])
  })

  it('places an incident known only by its disclosure date at that date', async () => {
    const db = aFreshDatabase()
    const occurred2016 = anIncident({ occurredOn: '2016-01' })
    const disclosed2015 = anIncident({ occurredOn: undefined, disclosedOn: '2015-06' })
    await givenStored(db, { type: 'incident', record: occurred2016 }, { type: 'incident', record: disclosed2015 })

    const listed = await createRecordRepository(db, 'incident').list()

    expect(listed.map((incident) => incident.id)).toEqual([disclosed2015.id, occurred2016.id])
  })

  it('lists organisations by name, whatever the case', async () => {
    const db = aFreshDatabase()
    const names = ['alibaba Group', 'Ant Financial', 'UCWeb']
    await givenStored(db, ...[names[2], names[0], names[1]].map((name) => ({ type: 'organisation' as const, record: anOrganisation({ name }) })))

    const listed = await createRecordRepository(db, 'organisation').list()

    expect(listed.map((organisation) => organisation.name)).toEqual(names)
  })

  it('returns records as the domain knows them, without index fields', async () => {
    const db = aFreshDatabase()
    const china = aJurisdiction({ id: 'CN' })
    await givenStored(db, { type: 'jurisdiction', record: china })

    const found = await createRecordRepository(db, 'jurisdiction').get('CN')

    expect(found).toStrictEqual(china)
  })

  it('gets many records in the order asked for and skips ids with no record', async () => {
    const db = aFreshDatabase()
    const [first, second] = [anIncident(), anIncident()]
    await givenStored(db, { type: 'incident', record: first }, { type: 'incident', record: second })

    const found = await createRecordRepository(db, 'incident').getMany([second.id, 'inc-missing', first.id])

    expect(found).toEqual([second, first])
  })

  it('counts the records of its type only', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident() }, { type: 'organisation', record: anOrganisation() })

    expect(await createRecordRepository(db, 'incident').count()).toBe(1)
  })

  it('lists the records that link to an id', async () => {
    const db = aFreshDatabase()
    const operator = anOrganisation()
    const involving = anIncident({ organisations: [{ organisationId: operator.id, role: 'operator' }] })
    await givenStored(db, { type: 'organisation', record: operator }, { type: 'incident', record: involving }, { type: 'incident', record: anIncident() })

    const referencing = await createRecordRepository(db, 'incident').listReferencing(operator.id)

    expect(referencing).toEqual([involving])
  })
})
