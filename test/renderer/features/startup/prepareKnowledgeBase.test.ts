import { describe, expect, it } from 'vitest'
import { createIncidentRepository, createJurisdictionRepository, PrecedentDatabase, type Migration } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { NewerKnowledgeBaseError, prepareKnowledgeBase } from '@renderer/features/startup'
import { aFreshDatabaseName } from '../../db/testDatabase'

const noStorage = undefined
const persistentStorage = { persisted: async () => false, persist: async () => true }

describe('prepareKnowledgeBase', () => {
  it('loads the jurisdictions and the sample knowledge base on first run', async () => {
    const db = new PrecedentDatabase(aFreshDatabaseName())

    const report = await prepareKnowledgeBase(db, noStorage)

    expect(report.jurisdictionsAdded).toBeGreaterThan(240)
    expect(report.sampleRecordsAdded).toBeGreaterThan(30)
    expect((await createJurisdictionRepository(db).get('NA' as never))?.name).toBe('Namibia')
    expect((await createIncidentRepository(db).list()).map((incident) => incident.id).sort()).toEqual([
      'inc-alipay-annual-bill-2018',
      'inc-uc-browser-data-transmission'
    ])
  })

  it('adds nothing on the next start', async () => {
    const name = aFreshDatabaseName()
    await prepareKnowledgeBase(new PrecedentDatabase(name), noStorage)

    const second = await prepareKnowledgeBase(new PrecedentDatabase(name), noStorage)

    expect(second).toMatchObject({ jurisdictionsAdded: 0, sampleRecordsAdded: 0 })
  })

  it('refuses a database written by a newer version, writing nothing to it', async () => {
    const name = aFreshDatabaseName()
    const newer: Migration = { version: allMigrations.length + 1, description: 'a future version', stores: { futureTable: 'id' } }
    const future = new PrecedentDatabase(name, [...allMigrations, newer])
    await future.open()
    future.close()

    const today = new PrecedentDatabase(name)
    await expect(prepareKnowledgeBase(today, noStorage)).rejects.toBeInstanceOf(NewerKnowledgeBaseError)

    expect(await createIncidentRepository(today).count()).toBe(0)
  })

  it('asks the browser to keep the data and reports whether it agreed', async () => {
    const report = await prepareKnowledgeBase(new PrecedentDatabase(aFreshDatabaseName()), persistentStorage)

    expect(report.isStoragePersisted).toBe(true)
  })

  it('reports non-persistent storage when the browser refuses', async () => {
    const refusing = { persisted: async () => false, persist: async () => false }

    const report = await prepareKnowledgeBase(new PrecedentDatabase(aFreshDatabaseName()), refusing)

    expect(report.isStoragePersisted).toBe(false)
  })
})
