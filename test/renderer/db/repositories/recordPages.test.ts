import { describe, expect, it } from 'vitest'
import { compareListOrderKeys, createRecordRepository, type ListOrder } from '@renderer/db'
import { compareRecordsOfType } from '@renderer/db/recordOrder'
import { anIncident } from '../../../builders/domain'
import { aFreshDatabase, givenStored } from '../testDatabase'

const DATES = ['2015', '2015-05', '2015-05-01', '2016~', undefined, '2014/2016', '2018-01-03']
const TITLES = ['Zeta breach', 'émile fined', 'Alpha leak', 'beta exposure', 'Émile fined', 'alpha leak']

async function givenIncidents(count: number) {
  const db = aFreshDatabase()
  const incidents = Array.from({ length: count }, (_, index) =>
    anIncident({ title: `${TITLES[index % TITLES.length]!} ${index % 4}`, occurredOn: DATES[index % DATES.length] })
  )
  await givenStored(db, ...incidents.map((record) => ({ type: 'incident' as const, record })))
  return { repository: createRecordRepository(db, 'incident'), incidents }
}

/** Reads the whole list page by page, each page starting after the last key of the one before. */
async function readByKeyset(repository: Awaited<ReturnType<typeof givenIncidents>>['repository'], order: ListOrder, limit: number) {
  const ids: string[] = []
  let after
  for (;;) {
    const page = await repository.readPage({ order, limit, ...(after === undefined ? {} : { after }) })
    ids.push(...page.records.map((record) => record.id))
    if (page.records.length < limit) return ids
    after = page.keys.at(-1)
  }
}

describe('paged reads by list order', () => {
  it('pages through incidents by date in the domain order (a year before its months, undated last), ties by id', async () => {
    const { repository, incidents } = await givenIncidents(23)
    const expected = [...incidents].sort((a, b) => compareRecordsOfType('incident')({ ...a, title: '' }, { ...b, title: '' })).map((incident) => incident.id)

    const ids = await readByKeyset(repository, { field: 'orderDate', direction: 'ascending' }, 5)

    expect(ids).toEqual(expected)
  })

  it('reads descending pages as the exact reverse of ascending ones', async () => {
    const { repository } = await givenIncidents(17)

    const ascending = await readByKeyset(repository, { field: 'orderTitle', direction: 'ascending' }, 4)
    const descending = await readByKeyset(repository, { field: 'orderTitle', direction: 'descending' }, 4)

    expect(descending).toEqual([...ascending].reverse())
    expect(new Set(ascending).size).toBe(17)
  })

  it('files Chinese titles by pinyin among the Latin ones, as the whole-list order does', async () => {
    const db = aFreshDatabase()
    const titles = ['支付宝默认勾选', 'Zoom meetings routed via China', '阿里巴巴数据泄露', 'Apple Siri recordings', '百度输入法']
    const incidents = titles.map((title) => anIncident({ title, occurredOn: '2018' }))
    await givenStored(db, ...incidents.map((record) => ({ type: 'incident' as const, record })))

    const page = await createRecordRepository(db, 'incident').readPage({ order: { field: 'orderTitle', direction: 'ascending' }, limit: 10 })

    expect(page.records.map((record) => record.title)).toEqual([
      'Apple Siri recordings',
      '阿里巴巴数据泄露',
      '百度输入法',
      'Zoom meetings routed via China',
      '支付宝默认勾选'
    ])
    expect(page.records.map((record) => record.id)).toEqual([...incidents].sort(compareRecordsOfType('incident')).map((incident) => incident.id))
  })

  it('sorts titles folded for case and accents', async () => {
    const { repository } = await givenIncidents(6)

    const page = await repository.readPage({ order: { field: 'orderTitle', direction: 'ascending' }, limit: 6 })

    expect(page.records.map((record) => record.title.slice(0, 5).toLowerCase())).toEqual(['alpha', 'alpha', 'beta ', 'émile', 'émile', 'zeta '])
    expect(Object.keys(page.records[0]!).some((key) => key.startsWith('order'))).toBe(false)
  })

  it('reads a page counted from the end in the order of the list, the same rows as skipping from the start', async () => {
    const { repository } = await givenIncidents(20)
    const order: ListOrder = { field: 'orderDate', direction: 'descending' }

    const fromStart = await repository.readPage({ order, skip: 12, limit: 5 })
    const fromEnd = await repository.readPage({ order, skip: 3, limit: 5, fromEnd: true })

    expect(fromEnd.records.map((record) => record.id)).toEqual(fromStart.records.map((record) => record.id))
    expect(fromEnd.keys).toEqual(fromStart.keys)
  })

  it('gives the order keys of chosen records, which sort like the index', async () => {
    const { repository } = await givenIncidents(12)
    const all = await readByKeyset(repository, { field: 'orderTitle', direction: 'ascending' }, 50)
    const chosen = [all[7]!, all[2]!, 'inc-missing', all[10]!]

    const keys = await repository.orderKeys(chosen, 'orderTitle')

    expect([...keys].sort(compareListOrderKeys).map((key) => key[1])).toEqual([all[2], all[7], all[10]])
  })
})
