import { describe, expect, it } from 'vitest'
import { countRowsInPages, readRowsInPages } from '@renderer/db'
import { aJurisdiction } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'

describe('readRowsInPages', () => {
  it.each([
    [7, 3, [3, 3, 1]],
    [6, 3, [3, 3]],
    [2, 3, [2]],
    [0, 3, []]
  ])('reads %i rows %i at a time, each once, in id order', async (count, perPage, pageSizes) => {
    const db = await aFreshDatabase()
    const ids = Array.from({ length: count }, (_, index) => `X${String(index).padStart(2, '0')}`)
    // Stored in reverse, so the order seen is the key order and not the order written.
    await givenStored(db, ...[...ids].reverse().map((id) => ({ type: 'jurisdiction' as const, record: aJurisdiction({ id, name: id }) })))
    const pages: string[][] = []

    const read = await readRowsInPages(db.recordTable('jurisdiction'), (rows) => pages.push(rows.map((row) => row.id)), perPage)

    expect(read).toBe(count)
    expect(pages.map((page) => page.length)).toEqual(pageSizes)
    expect(pages.flat()).toEqual(ids)
  })
})

describe('countRowsInPages', () => {
  it.each([
    [7, 3],
    [6, 3],
    [2, 3],
    [0, 3]
  ])('counts %i rows reading %i keys at a time, as IndexedDB counts them', async (count, perPage) => {
    const db = await aFreshDatabase()
    await givenStored(
      db,
      ...Array.from({ length: count }, (_, index) => ({ type: 'jurisdiction' as const, record: aJurisdiction({ id: `X${index}`, name: `X${index}` }) }))
    )
    const table = db.recordTable('jurisdiction')

    expect(await countRowsInPages(table, perPage)).toBe(await table.count())
    expect(await countRowsInPages(table, perPage)).toBe(count)
  })
})
