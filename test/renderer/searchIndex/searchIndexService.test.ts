import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  appendRevisions,
  createJurisdictionRepository,
  createRecordRepository,
  deleteRecord,
  noteUnloggedWrite,
  revisionTable,
  saveRecord,
  seedBundle,
  type PrecedentDatabase
} from '@renderer/db'
import { SEARCH_INDEX_VERSION } from '@shared/search/searchIndexEngine'
import type { SearchIndexStatus } from '@renderer/searchIndex/searchIndexProtocol'
import { SNAPSHOT_KEY, SNAPSHOT_PART_KEY_PREFIX, SearchIndexService } from '@renderer/searchIndex/searchIndexService'
import { diffRecords } from '@shared/domain/recordHistory'
import type { Source } from '@shared/domain/source'
import { toRow } from '@renderer/db/storedRow'
import { aFreshDatabase } from '../db/testDatabase'

const resource = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../../../resources', name), 'utf8'))
const jurisdictions = resource('jurisdictions.json')
const sample = resource('sample-knowledge-base.json')

const ALIPAY_INCIDENT = 'inc-alipay-annual-bill-2018'
const INDIA_BLOCK_2020 = 'resp-meity-block-59-apps-2020-06-29'

let clock = Date.parse('2027-03-01T09:00:00.000Z')
const writeOptions = {
  now: () => new Date((clock += 1000)).toISOString(),
  newId: () => crypto.randomUUID()
}

async function aSampleDatabase(): Promise<PrecedentDatabase> {
  const db = aFreshDatabase()
  await seedBundle(db, jurisdictions, { markerKey: 'reference:jurisdictions' })
  await seedBundle(db, sample, { markerKey: 'sample:knowledge-base', knownIds: await createJurisdictionRepository(db).listIds() })
  return db
}

/** A small limit, so a test's "large" import stays small. */
const BULK_LIMIT = 40

async function anOpenService(db: PrecedentDatabase, statuses: SearchIndexStatus[] = [], snapshotPartChars?: number): Promise<SearchIndexService> {
  const service = new SearchIndexService(db, {
    snapshotDelayMs: Infinity,
    bulkChangeLimit: BULK_LIMIT,
    onStatus: (status) => statuses.push(status),
    ...(snapshotPartChars === undefined ? {} : { snapshotPartChars })
  })
  await service.open()
  return service
}

/**
 * Stores `count` new sources in one transaction with an 'import' revision each, all at one moment,
 * as the import writer does. Titles share the word "kookaburra" and a number word.
 */
async function givenImportedSources(db: PrecedentDatabase, count: number, at: string): Promise<void> {
  await db.transaction('rw', [db.sources, revisionTable(db), db.meta], async () => {
    const sources = Array.from(
      { length: count },
      (_, index) =>
        ({ id: `src-imported-${index}`, title: `Kookaburra bulletin number${index % 50}`, createdAt: at, updatedAt: at, revision: 1 }) as unknown as Source
    )
    await db.sources.bulkPut(sources.map((source) => toRow('source', source)))
    await appendRevisions(
      db,
      sources.map((source) => ({
        id: `rev-${source.id}`,
        recordType: 'source' as const,
        recordId: source.id,
        revision: 1,
        at,
        author: '',
        action: 'import' as const,
        changes: diffRecords(undefined, source),
        snapshot: source
      }))
    )
  })
}

/** Everything a few queries find, with totals (as sets: ties may come in another order). */
async function answers(service: SearchIndexService): Promise<unknown[]> {
  const queries = ['kookaburra', 'kookaburra number7', 'number4', 'sesame', 'type:source', 'jurisdiction:CN', '支付']
  return Promise.all(
    queries.map(async (query) => {
      const page = await service.search(query, 'full', 500)
      return { query, total: page.total, ids: page.items.map((item) => item.id).sort() }
    })
  )
}

const ids = async (service: SearchIndexService, query: string): Promise<string[]> => (await service.search(query, 'full', 50)).items.map((item) => item.id)

describe('SearchIndexService', () => {
  it('builds the index from every table when there is no snapshot, reporting progress', async () => {
    const statuses: SearchIndexStatus[] = []
    const db = await aSampleDatabase()

    const service = await anOpenService(db, statuses)

    expect(statuses.some((status) => status.state === 'indexing')).toBe(true)
    expect(statuses.at(-1)).toEqual({ state: 'ready', documentCount: service.documentCount })
    expect((await ids(service, 'sesame'))[0]).toBe(ALIPAY_INCIDENT)
  })

  it('finds the 2020 block with jurisdiction:IN kind:ban', async () => {
    const service = await anOpenService(await aSampleDatabase())

    expect(await ids(service, 'jurisdiction:IN kind:ban')).toContain(INDIA_BLOCK_2020)
  })

  it('counts an organisation’s family under org:, so org:alibaba finds both incidents', async () => {
    const service = await anOpenService(await aSampleDatabase())

    expect((await ids(service, 'org:alibaba type:incident')).sort()).toEqual([ALIPAY_INCIDENT, 'inc-uc-browser-data-transmission'])
  })

  it('narrows by law and by a range of years', async () => {
    const service = await anOpenService(await aSampleDatabase())

    const underLaw = await service.search('law:"cybersecurity law"', 'full', 50)
    const in2020 = await service.search('type:response year:2020..2020', 'full', 50)

    expect(underLaw.total).toBeGreaterThan(0)
    expect(in2020.items.map((item) => item.id)).toEqual([INDIA_BLOCK_2020])
  })

  it('checks phrases against the stored text', async () => {
    const service = await anOpenService(await aSampleDatabase())

    expect(await ids(service, '"sesame credit" type:organisation')).toContain('org-sesame-credit')
    expect(await ids(service, 'credit sesame type:organisation')).toContain('org-sesame-credit')
    expect(await ids(service, '"credit sesame" type:organisation')).toEqual([])
  })

  it('answers bad syntax with a hint, never an exception', async () => {
    const service = await anOpenService(await aSampleDatabase())

    const page = await service.search('year:soon', 'full', 50)

    expect(page.hints).toEqual([{ key: 'search.hints.notAYear', values: { value: 'soon' } }])
    expect(page.items).toEqual([])
  })

  it('gives each result its title, date and a snippet, and labels facets with the filter that narrows to them', async () => {
    const service = await anOpenService(await aSampleDatabase())

    const page = await service.search('sesame', 'full', 50)

    const first = page.items[0]!
    expect(first.title).toBe('Alipay annual-bill consent default enrolled users in Sesame Credit')
    expect(first.keyDate).toBeDefined()
    expect(first.snippet.length).toBeGreaterThan(0)
    expect(page.facets.jurisdiction).toContainEqual(expect.objectContaining({ label: 'China', filter: 'jurisdiction:CN' }))
    expect(page.facets.type).toContainEqual(expect.objectContaining({ label: 'Incidents', filter: 'type:incident' }))
  })

  it('finds a record by its new words once the change is applied, and forgets a deleted one', async () => {
    const db = await aSampleDatabase()
    const service = await anOpenService(db)
    const incidents = createRecordRepository(db, 'incident')
    const incident = (await incidents.get(ALIPAY_INCIDENT))!

    await saveRecord(db, 'incident', { ...incident, title: 'Zhimaxinyong opt-in scandal' }, { ...writeOptions, expectedRevision: incident.revision })
    await deleteRecord(db, 'source', 'src-ecns-2018-01-11', writeOptions)
    await service.applyChanges()

    expect(await ids(service, 'zhimaxinyong')).toEqual([ALIPAY_INCIDENT])
    expect(await ids(service, 'type:source ecns')).toEqual([])
  })

  it('indexes again the records that cite a source whose title changed', async () => {
    const db = await aSampleDatabase()
    const service = await anOpenService(db)
    const sources = createRecordRepository(db, 'source')
    const source = (await sources.get('src-xinhua-2018-01-04'))!

    await saveRecord(db, 'source', { ...source, title: 'Quokkaword report' }, { ...writeOptions, expectedRevision: source.revision })
    await service.applyChanges()

    expect(await ids(service, 'quokkaword type:incident')).toEqual([ALIPAY_INCIDENT])
  })

  it('notices records stored without a revision, stamped as seeding stamps them', async () => {
    const db = await aSampleDatabase()
    const service = await anOpenService(db)
    const organisation = (await createRecordRepository(db, 'organisation').get('org-alipay'))!

    await db.transaction('rw', [db.organisations, db.meta], async () => {
      await db.organisations.put(
        toRow('organisation', { ...organisation, id: 'org-new-wallet' as never, name: 'Wombatpay', updatedAt: '2030-01-01T00:00:00.000Z' })
      )
      await noteUnloggedWrite(db)
    })
    await service.applyChanges()

    expect(await ids(service, 'wombatpay')).toEqual(['org-new-wallet'])
  })

  it('sees a record rewritten without a revision when counts and timestamps stay as they were (noteUnloggedWrite)', async () => {
    const db = await aSampleDatabase()
    const service = await anOpenService(db)
    const source = (await createRecordRepository(db, 'source').get('src-ecns-2018-01-11'))!

    // As a restore or a test's arrange step writes: same id, same updatedAt, new words, no history.
    await db.transaction('rw', [db.sources, db.meta], async () => {
      await db.sources.put(toRow('source', { ...source, title: 'Numbatword bulletin' }))
      await noteUnloggedWrite(db)
    })
    await service.applyChanges()

    expect((await ids(service, 'numbatword'))[0]).toBe('src-ecns-2018-01-11')
    expect(service.currentWatermark().unloggedWrite).not.toBe('')
  })

  it('rebuilds after a removal the change feed did not describe, stamped as every write without revisions is', async () => {
    const db = await aSampleDatabase()
    const service = await anOpenService(db)

    await db.transaction('rw', [db.sources, db.meta], async () => {
      await db.sources.delete('src-ecns-2018-01-11' as never)
      await noteUnloggedWrite(db)
    })
    await service.applyChanges()

    expect(await ids(service, 'type:source ecns')).toEqual([])
    expect(service.currentWatermark().tables.source.count).toBe(await db.sources.count())
  })

  it('puts off saving its snapshot while queries keep coming, and saves it once they pause', async () => {
    const db = await aSampleDatabase()
    const delay = 400
    const service = new SearchIndexService(db, { snapshotDelayMs: delay, bulkChangeLimit: BULK_LIMIT })
    await service.open()
    const saved = async (): Promise<boolean> => (await db.meta.get(SNAPSHOT_KEY)) !== undefined

    // Built from the tables, so a snapshot is due; a query every 50 ms for three times the delay.
    const queriesEnd = Date.now() + 3 * delay
    while (Date.now() < queriesEnd) {
      await service.search('alipay', 'as-you-type', 5)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const savedWhileQuerying = await saved()
    for (let tries = 0; tries < 100 && !(await saved()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 50))

    expect(savedWhileQuerying).toBe(false)
    expect(await saved()).toBe(true)
  })

  it('opens from its snapshot without indexing again, and answers the same', async () => {
    const db = await aSampleDatabase()
    const first = await anOpenService(db)
    await first.applyChanges()
    await first.saveSnapshot()
    const statuses: SearchIndexStatus[] = []

    const second = await anOpenService(db, statuses)

    expect(statuses.some((status) => status.state === 'indexing')).toBe(false)
    expect(await ids(second, '支付')).toEqual(await ids(first, '支付'))
    expect(second.documentCount).toBe(first.documentCount)
  })

  it('catches up from the snapshot with changes made after it', async () => {
    const db = await aSampleDatabase()
    const first = await anOpenService(db)
    await first.saveSnapshot()
    const incident = (await createRecordRepository(db, 'incident').get(ALIPAY_INCIDENT))!
    await saveRecord(db, 'incident', { ...incident, title: 'Platypusword incident' }, { ...writeOptions, expectedRevision: incident.revision })
    const statuses: SearchIndexStatus[] = []

    const second = await anOpenService(db, statuses)

    expect(statuses.some((status) => status.state === 'indexing')).toBe(false)
    expect(await ids(second, 'platypusword')).toEqual([ALIPAY_INCIDENT])
  })

  it('keeps the index in parts, each its own row, and opens from them without indexing again', async () => {
    const db = await aSampleDatabase()
    const first = await anOpenService(db, [], 10_000)
    await first.saveSnapshot()
    const parts = await db.meta.where('key').startsWith(SNAPSHOT_PART_KEY_PREFIX).toArray()
    const head = (await db.meta.get(SNAPSHOT_KEY))!.value as { parts: number; json?: string }
    const statuses: SearchIndexStatus[] = []

    const second = await anOpenService(db, statuses)

    expect(parts.length).toBeGreaterThan(3)
    expect(head.parts).toBe(parts.length)
    expect(head.json).toBeUndefined()
    expect(parts.every((part) => typeof part.value === 'string' && part.value.length <= 10_000)).toBe(true)
    expect(statuses.some((status) => status.state === 'indexing')).toBe(false)
    expect(await ids(second, 'sesame')).toEqual(await ids(first, 'sesame'))
    expect(await ids(second, '支付')).toEqual(await ids(first, '支付'))
  })

  it('removes the parts of an older, longer snapshot when it saves, and rebuilds when a part is missing', async () => {
    const db = await aSampleDatabase()
    await (await anOpenService(db, [], 5_000)).saveSnapshot()
    const before = await db.meta.where('key').startsWith(SNAPSHOT_PART_KEY_PREFIX).count()
    const fewer = await anOpenService(db, [], 50_000)
    await fewer.applyChanges()
    const incident = (await createRecordRepository(db, 'incident').get(ALIPAY_INCIDENT))!
    await saveRecord(db, 'incident', { ...incident, title: 'Platypusword incident' }, { ...writeOptions, expectedRevision: incident.revision })
    await fewer.applyChanges()
    await fewer.saveSnapshot()
    const after = await db.meta.where('key').startsWith(SNAPSHOT_PART_KEY_PREFIX).count()
    await db.meta.delete(`${SNAPSHOT_PART_KEY_PREFIX}0`)
    const statuses: SearchIndexStatus[] = []

    const reopened = await anOpenService(db, statuses)

    expect(after).toBe(((await db.meta.get(SNAPSHOT_KEY))!.value as { parts: number }).parts)
    expect(after).toBeLessThan(before)
    expect(statuses.some((status) => status.state === 'indexing')).toBe(true)
    expect(await ids(reopened, 'platypusword')).toEqual([ALIPAY_INCIDENT])
  })

  it('still opens a snapshot kept whole in its head, as snapshots were kept before', async () => {
    const db = await aSampleDatabase()
    const first = await anOpenService(db)
    await first.saveSnapshot()
    const head = (await db.meta.get(SNAPSHOT_KEY))!.value as Record<string, unknown>
    const parts = await db.meta.where('key').startsWith(SNAPSHOT_PART_KEY_PREFIX).sortBy('key')
    const json = parts
      .sort((a, b) => Number(a.key.slice(SNAPSHOT_PART_KEY_PREFIX.length)) - Number(b.key.slice(SNAPSHOT_PART_KEY_PREFIX.length)))
      .map((part) => part.value as string)
      .join('')
    await db.meta.where('key').startsWith(SNAPSHOT_PART_KEY_PREFIX).delete()
    await db.meta.put({ key: SNAPSHOT_KEY, value: { indexVersion: head.indexVersion, watermark: head.watermark, json } })
    const statuses: SearchIndexStatus[] = []

    const second = await anOpenService(db, statuses)

    expect(statuses.some((status) => status.state === 'indexing')).toBe(false)
    expect(await ids(second, 'sesame')).toEqual(await ids(first, 'sesame'))
  })

  it('ignores a snapshot made by another index version and rebuilds', async () => {
    const db = await aSampleDatabase()
    const first = await anOpenService(db)
    await first.saveSnapshot()
    const stored = (await db.meta.get(SNAPSHOT_KEY))!.value as Record<string, unknown>
    await db.meta.put({ key: SNAPSHOT_KEY, value: { ...stored, indexVersion: SEARCH_INDEX_VERSION + 1 } })
    const statuses: SearchIndexStatus[] = []

    await anOpenService(db, statuses)

    expect(statuses.some((status) => status.state === 'indexing')).toBe(true)
  })

  it('rebuilds from a damaged snapshot instead of failing', async () => {
    const db = await aSampleDatabase()
    await db.meta.put({ key: SNAPSHOT_KEY, value: { indexVersion: SEARCH_INDEX_VERSION, watermark: { nonsense: true }, json: '{' } })

    const service = await anOpenService(db)

    expect((await ids(service, 'sesame'))[0]).toBe(ALIPAY_INCIDENT)
  })

  it('catches up with a large import by building again from the tables, answering as a fresh build does', async () => {
    const db = await aSampleDatabase()
    const first = await anOpenService(db)
    await first.saveSnapshot()
    await givenImportedSources(db, BULK_LIMIT + 10, '2027-04-01T10:00:00.000Z')
    const statuses: SearchIndexStatus[] = []

    const reopened = await anOpenService(db, statuses)
    await db.meta.delete(SNAPSHOT_KEY)
    const fresh = await anOpenService(db)

    expect(statuses.some((status) => status.state === 'indexing')).toBe(true)
    expect(reopened.documentCount).toBe(fresh.documentCount)
    expect(await answers(reopened)).toEqual(await answers(fresh))
    expect((await reopened.search('kookaburra', 'full', 5)).total).toBe(BULK_LIMIT + 10)
  })

  it('follows a smaller import change by change, answering as a fresh build does', async () => {
    const db = await aSampleDatabase()
    const statuses: SearchIndexStatus[] = []
    const service = await anOpenService(db, statuses)
    await givenImportedSources(db, BULK_LIMIT - 10, '2027-04-01T10:00:00.000Z')
    statuses.length = 0

    await service.applyChanges()
    await db.meta.delete(SNAPSHOT_KEY)
    const fresh = await anOpenService(db)

    expect(statuses.some((status) => status.state === 'indexing')).toBe(false)
    expect(service.documentCount).toBe(fresh.documentCount)
    expect(await answers(service)).toEqual(await answers(fresh))
  })

  it('answers from the snapshot while a large catch-up is still building', async () => {
    const db = await aSampleDatabase()
    const first = await anOpenService(db)
    await first.saveSnapshot()
    await givenImportedSources(db, BULK_LIMIT + 10, '2027-04-01T10:00:00.000Z')
    const order: string[] = []

    const reopened = new SearchIndexService(db, { snapshotDelayMs: Infinity, bulkChangeLimit: BULK_LIMIT })
    const opening = reopened.open().then(() => order.push('caught up'))
    const answer = await reopened.search('sesame', 'full', 5)
    order.push('answered')
    await opening

    expect(order).toEqual(['answered', 'caught up'])
    expect(answer.items[0]?.id).toBe(ALIPAY_INCIDENT)
    expect((await reopened.search('kookaburra', 'full', 5)).total).toBe(BULK_LIMIT + 10)
  })

  it('applies a change committed late with a date older than the last one it followed', async () => {
    const db = await aSampleDatabase()
    await givenImportedSources(db, 10, '2027-04-01T10:00:00.000Z')
    const service = await anOpenService(db)
    const late = {
      id: 'src-late',
      title: 'Wallaby dispatch',
      createdAt: '2027-04-01T09:59:30.000Z',
      updatedAt: '2027-04-01T09:59:30.000Z',
      revision: 1
    } as unknown as Source
    // Older than what the index has seen, as a slow transaction that committed after a newer one would be.
    await db.transaction('rw', [db.sources, revisionTable(db), db.meta], async () => {
      await db.sources.put(toRow('source', late))
      await appendRevisions(db, [
        { id: 'rev-late', recordType: 'source', recordId: late.id, revision: 1, at: late.updatedAt, author: '', action: 'create', changes: [], snapshot: late }
      ])
    })

    await service.applyChanges()

    expect(await ids(service, 'wallaby')).toEqual(['src-late'])
  })

  it('keeps answering from the snapshot on a reload with nothing new, after an import', async () => {
    const db = await aSampleDatabase()
    await givenImportedSources(db, BULK_LIMIT + 10, '2027-04-01T10:00:00.000Z')
    const first = await anOpenService(db)
    await first.saveSnapshot()
    const statuses: SearchIndexStatus[] = []

    const reopened = await anOpenService(db, statuses)

    expect(statuses.map((status) => status.state)).toEqual(['opening', 'ready'])
    expect(reopened.currentWatermark()).toEqual(first.currentWatermark())
    expect(await answers(reopened)).toEqual(await answers(first))
  })
})
