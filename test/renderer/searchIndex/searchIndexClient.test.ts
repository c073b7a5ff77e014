import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createJurisdictionRepository, createRecordRepository, saveRecord, seedBundle, type PrecedentDatabase } from '@renderer/db'
import { createSearchIndexClient, followChanges, inThreadPort, type SearchIndexPort } from '@renderer/searchIndex/searchIndexClient'
import type { SearchIndexStatus } from '@renderer/searchIndex/searchIndexProtocol'
import { aFreshDatabase } from '../db/testDatabase'

const resource = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../../../resources', name), 'utf8'))

async function aSampleDatabase(): Promise<PrecedentDatabase> {
  const db = aFreshDatabase()
  await seedBundle(db, resource('jurisdictions.json'), { markerKey: 'reference:jurisdictions' })
  await seedBundle(db, resource('sample-knowledge-base.json'), {
    markerKey: 'sample:knowledge-base',
    knownIds: await createJurisdictionRepository(db).listIds()
  })
  return db
}

function untilReady(client: { onStatus: (listener: (status: SearchIndexStatus) => void) => () => void }): Promise<void> {
  return new Promise((done) => {
    const stop = client.onStatus((status) => {
      if (status.state === 'ready') {
        queueMicrotask(() => stop())
        done()
      }
    })
  })
}

describe('createSearchIndexClient', () => {
  it('answers a search through the protocol, as the worker would', async () => {
    const client = createSearchIndexClient(inThreadPort(await aSampleDatabase(), { snapshotDelayMs: Infinity }))

    const page = await client.search('sesmae', 'full')

    expect(page.items[0]?.title).toBe('Alipay annual-bill consent default enrolled users in Sesame Credit')
  })

  it('answers a filter with every matching id of one record type, the same records the search finds', async () => {
    const client = createSearchIndexClient(inThreadPort(await aSampleDatabase(), { snapshotDelayMs: Infinity }))

    const matches = await client.matchingIds('alipay', 'response')
    const searched = await client.search('alipay', 'as-you-type', 1000)

    const responseIds = searched.items.filter((item) => item.type === 'response').map((item) => item.id)
    expect(matches.isFiltered).toBe(true)
    expect(responseIds.length).toBeGreaterThan(1)
    expect([...matches.ids].sort()).toEqual([...responseIds].sort())
  })

  it('answers an empty filter as no filter at all', async () => {
    const client = createSearchIndexClient(inThreadPort(await aSampleDatabase(), { snapshotDelayMs: Infinity }))

    const matches = await client.matchingIds('  ', 'incident')

    expect(matches).toMatchObject({ isFiltered: false, ids: [] })
  })

  it('reports the index status, ending ready', async () => {
    const client = createSearchIndexClient(inThreadPort(await aSampleDatabase(), { snapshotDelayMs: Infinity }))

    await untilReady(client)

    expect(client.status).toMatchObject({ state: 'ready' })
  })

  it('rejects a request the index failed with its message', async () => {
    const port: SearchIndexPort = {
      post: (request) => queueMicrotask(() => listener?.({ id: request.id, kind: 'failed', message: 'The index is broken' })),
      onReply: (added) => void (listener = added),
      close: () => undefined
    }
    let listener: Parameters<SearchIndexPort['onReply']>[0] | undefined
    const client = createSearchIndexClient(port)

    await expect(client.search('sesame', 'full')).rejects.toThrow('The index is broken')
  })
})

describe('followChanges', () => {
  it('tells the index about a committed edit, which is then found by its new words', async () => {
    const db = await aSampleDatabase()
    const client = createSearchIndexClient(inThreadPort(db, { snapshotDelayMs: Infinity }))
    await untilReady(client)
    let notified = 0
    const stop = followChanges(db, {
      notifyChanged: () => {
        notified += 1
        return client.notifyChanged()
      }
    })
    await expect.poll(() => client.search('sesame', 'full').then((page) => page.total)).toBeGreaterThan(0)
    const incident = (await createRecordRepository(db, 'incident').get('inc-alipay-annual-bill-2018'))!

    await saveRecord(
      db,
      'incident',
      { ...incident, title: 'Echidnaword incident' },
      { now: () => new Date().toISOString(), newId: () => 'x', expectedRevision: incident.revision }
    )

    await expect.poll(() => notified).toBeGreaterThan(0)
    await expect.poll(async () => (await client.search('echidnaword', 'full')).items.map((item) => item.id)).toEqual(['inc-alipay-annual-bill-2018'])
    stop()
  })
})

describe('createSearchIndexClient when the index fails', () => {
  it('rejects waiting and later requests with the reason', async () => {
    let listener: Parameters<SearchIndexPort['onReply']>[0] | undefined
    const port: SearchIndexPort = { post: () => undefined, onReply: (added) => void (listener = added), close: () => undefined }
    const client = createSearchIndexClient(port)
    const waiting = client.search('sesame', 'full')

    listener?.({ kind: 'status', status: { state: 'failed', message: 'The search worker stopped' } })

    await expect(waiting).rejects.toThrow('The search worker stopped')
    await expect(client.search('sesame', 'full')).rejects.toThrow('The search worker stopped')
  })
})
