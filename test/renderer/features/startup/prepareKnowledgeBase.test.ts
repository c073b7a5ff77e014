import { describe, expect, it } from 'vitest'
import {
  createIncidentRepository,
  createJurisdictionRepository,
  createLawRepository,
  PrecedentDatabase,
  RECORD_TABLE_NAMES,
  seedBundle,
  type Migration
} from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { prepareKnowledgeBase } from '@renderer/features/startup'
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

  it('loads the full GDPR before the sample, so its record has all 99 articles', async () => {
    const db = new PrecedentDatabase(aFreshDatabaseName())

    const report = await prepareKnowledgeBase(db, noStorage)

    expect(report.builtInLawRecordsAdded).toBe(1)
    const gdpr = await createLawRepository(db).get('law-eu-gdpr' as never)
    expect(gdpr?.provisions.filter((provision) => provision.unit === 'article')).toHaveLength(99)
    expect(gdpr?.appliesFromOn).toBe('2018-05-25')
  })

  it("keeps a GDPR record stored before the full text shipped (the sample's), instead of overwriting it", async () => {
    const name = aFreshDatabaseName()
    const earlier = new PrecedentDatabase(name)
    const jurisdictions = (await import('@resources/jurisdictions.json')).default
    const sample = (await import('@resources/sample-knowledge-base.json')).default
    await seedBundle(earlier, jurisdictions, { markerKey: 'reference:jurisdictions' })
    await seedBundle(earlier, sample, { markerKey: 'sample:knowledge-base', knownIds: await createJurisdictionRepository(earlier).listIds() })
    earlier.close()

    const db = new PrecedentDatabase(name)
    const report = await prepareKnowledgeBase(db, noStorage)

    expect(report).toMatchObject({ builtInLawRecordsAdded: 0, sampleRecordsAdded: 0 })
    expect((await createLawRepository(db).get('law-eu-gdpr' as never))?.provisions).toEqual([])
  })

  it('adds nothing on the next start', async () => {
    const name = aFreshDatabaseName()
    await prepareKnowledgeBase(new PrecedentDatabase(name), noStorage)

    const second = await prepareKnowledgeBase(new PrecedentDatabase(name), noStorage)

    expect(second).toMatchObject({ jurisdictionsAdded: 0, builtInLawRecordsAdded: 0, sampleRecordsAdded: 0 })
  })

  it('opens a database written by a newer version read-only, writing nothing to it', async () => {
    const name = aFreshDatabaseName()
    const newer: Migration = { version: allMigrations.length + 1, description: 'a future version', stores: { futureTable: 'id' } }
    const future = new PrecedentDatabase(name, [...allMigrations, newer])
    await future.open()
    future.close()

    const today = new PrecedentDatabase(name)
    const report = await prepareKnowledgeBase(today, noStorage)

    expect(report).toMatchObject({ isReadOnly: true, jurisdictionsAdded: 0, sampleRecordsAdded: 0 })
    expect(await createIncidentRepository(today).count()).toBe(0)
    expect(await today.meta.count()).toBe(0)
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

describe('silent reset detection', () => {
  function aMarkerStorage() {
    const items = new Map<string, string>()
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) }
  }

  it('says nothing on a first start or a restart of the same knowledge base', async () => {
    const markers = aMarkerStorage()
    const name = aFreshDatabaseName()

    const first = await prepareKnowledgeBase(new PrecedentDatabase(name), noStorage, markers)
    const again = await prepareKnowledgeBase(new PrecedentDatabase(name), noStorage, markers)

    expect(first.silentReset).toBeUndefined()
    expect(again.silentReset).toBeUndefined()
  })

  it('reports how many records were lost when the browser replaced the database with an empty one', async () => {
    const markers = aMarkerStorage()
    const before = new PrecedentDatabase(aFreshDatabaseName())
    await prepareKnowledgeBase(before, noStorage, markers)
    const held = (await Promise.all(RECORD_TABLE_NAMES.map((table) => before[table].count()))).reduce((sum, count) => sum + count, 0)

    // The browser cleared site data: the same profile now opens an empty database.
    const report = await prepareKnowledgeBase(new PrecedentDatabase(aFreshDatabaseName()), noStorage, markers)

    expect(report.silentReset).toMatchObject({ lostRecordCount: held })
    expect(held).toBeGreaterThan(200)
    expect(Date.parse(report.silentReset!.lastSeenAt)).not.toBeNaN()
  })
})
