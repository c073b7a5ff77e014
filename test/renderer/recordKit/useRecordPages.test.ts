import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, type EffectScope } from 'vue'
import { getDatabase, type ListOrder } from '@renderer/db'
import { repositories } from '../../../src/renderer/recordKit/knowledgeBase'
import { stopKeepingRecordCounts } from '../../../src/renderer/recordKit/recordCounts'
import { RECORD_PAGE_SIZE, useRecordPages } from '../../../src/renderer/recordKit/useRecordPages'
import { aSource } from '../../builders/domain'
import { givenStored } from '../db/testDatabase'

let scope: EffectScope | undefined

afterEach(() => {
  scope?.stop()
  stopKeepingRecordCounts()
  vi.restoreAllMocks()
})

const COUNT = 2 * RECORD_PAGE_SIZE + 7
const titleOf = (index: number): string => `Report ${String(index).padStart(4, '0')}`

async function givenSources(): Promise<void> {
  await getDatabase().sources.clear()
  await givenStored(getDatabase(), ...Array.from({ length: COUNT }, (_, index) => ({ type: 'source' as const, record: aSource({ title: titleOf(index) }) })))
}

function pages(order: ListOrder, matchingIds = ref<readonly string[] | undefined>(undefined)) {
  scope = effectScope()
  const orderRef = ref(order)
  return { orderRef, matchingIds, ...scope.run(() => useRecordPages('source', orderRef, matchingIds))! }
}

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(condition()).toBe(true)
}

describe('useRecordPages', () => {
  it('counts every record and reads the last one when the end of the list is shown', async () => {
    await givenSources()
    const list = pages({ field: 'orderTitle', direction: 'ascending' })
    await until(() => list.total.value === COUNT)

    list.showRange(COUNT - 5, COUNT)
    await until(() => list.recordAt(COUNT - 1) !== undefined)

    expect(list.recordAt(COUNT - 1)?.title).toBe(titleOf(COUNT - 1))
    expect(list.recordAt(COUNT - 5)?.title).toBe(titleOf(COUNT - 5))
  })

  it('counts the table only once the first page has been read, so the count never holds the first rows up', async () => {
    await givenSources()
    const steps: string[] = []
    const readPage = repositories.source.readPage.bind(repositories.source)
    const count = repositories.source.count.bind(repositories.source)
    vi.spyOn(repositories.source, 'readPage').mockImplementation(async (request) => {
      steps.push('page asked')
      const read = await readPage(request)
      steps.push('page read')
      return read
    })
    vi.spyOn(repositories.source, 'count').mockImplementation(() => {
      steps.push('count asked')
      return count()
    })

    const list = pages({ field: 'orderTitle', direction: 'ascending' })
    await until(() => list.total.value === COUNT)

    expect(steps.slice(0, 3)).toEqual(['page asked', 'page read', 'count asked'])
    expect(list.recordAt(0)?.title).toBe(titleOf(0))
  })

  it('opened again while its count is kept, has its length at once and counts nothing', async () => {
    await givenSources()
    const first = pages({ field: 'orderTitle', direction: 'ascending' })
    await until(() => first.total.value === COUNT)
    scope?.stop()
    const count = vi.spyOn(repositories.source, 'count')

    const again = pages({ field: 'orderTitle', direction: 'descending' })
    const lengthAtOnce = again.total.value
    await until(() => again.recordAt(0) !== undefined)

    expect(lengthAtOnce).toBe(COUNT)
    expect(again.recordAt(0)?.title).toBe(titleOf(COUNT - 1))
    expect(count).not.toHaveBeenCalled()
  })

  it('reads the middle of the list after the pages before it, in order', async () => {
    await givenSources()
    const list = pages({ field: 'orderTitle', direction: 'descending' })
    await until(() => list.total.value === COUNT)

    list.showRange(0, 3 * RECORD_PAGE_SIZE)
    await until(() => list.recordAt(COUNT - 1) !== undefined && list.recordAt(RECORD_PAGE_SIZE + 3) !== undefined)

    const titles = Array.from({ length: COUNT }, (_, index) => list.recordAt(index)?.title)
    expect(titles).toEqual(Array.from({ length: COUNT }, (_, index) => titleOf(COUNT - 1 - index)))
  })

  it('shows only the filter matches, in the list order, and follows a change of order', async () => {
    await givenSources()
    const all = pages({ field: 'orderTitle', direction: 'ascending' })
    await until(() => all.recordAt(0) !== undefined)
    const ids = [all.recordAt(9)!.id, all.recordAt(2)!.id, all.recordAt(30)!.id]
    scope?.stop()
    const list = pages({ field: 'orderTitle', direction: 'ascending' })

    list.matchingIds.value = ids
    await until(() => list.total.value === 3 && list.recordAt(2) !== undefined)
    const ascending = [0, 1, 2].map((index) => list.recordAt(index)?.title)
    list.orderRef.value = { field: 'orderTitle', direction: 'descending' }
    await nextTick()
    await until(() => list.recordAt(0)?.title === titleOf(30) && list.recordAt(2) !== undefined)

    expect(ascending).toEqual([titleOf(2), titleOf(9), titleOf(30)])
    expect([0, 1, 2].map((index) => list.recordAt(index)?.title)).toEqual([titleOf(30), titleOf(9), titleOf(2)])
  })

  it('re-reads the shown rows when a record is written', async () => {
    await givenSources()
    const list = pages({ field: 'orderTitle', direction: 'ascending' })
    await until(() => list.total.value === COUNT && list.recordAt(0) !== undefined)

    await givenStored(getDatabase(), { type: 'source', record: aSource({ title: 'Annex first of all' }) })

    await until(() => list.total.value === COUNT + 1 && list.recordAt(0)?.title === 'Annex first of all')
    expect(list.recordAt(1)?.title).toBe(titleOf(0))
  })
})
