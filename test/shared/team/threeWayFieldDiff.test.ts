import { describe, expect, it } from 'vitest'
import { recordFromChoices, threeWayFieldDiff } from '@shared/team/threeWayFieldDiff'

const base = { id: 'inc-1', title: 'Leak', status: 'alleged', revision: 2, updatedAt: '2026-01-01T00:00:00.000Z' }
const theirs = { id: 'inc-1', title: 'Data leak', status: 'alleged', summary: 'From them', revision: 3, updatedAt: '2026-01-03T00:00:00.000Z' }
const mine = { id: 'inc-1', title: 'Leak', status: 'confirmed', revision: 3, updatedAt: '2026-01-02T00:00:00.000Z' }

describe('three-way field differences', () => {
  it('lists each field once in a stable order with its three versions, bookkeeping left out', () => {
    expect(threeWayFieldDiff(base, theirs, mine)).toEqual([
      { field: 'id', base: 'inc-1', theirs: 'inc-1', mine: 'inc-1', differs: false },
      { field: 'title', base: 'Leak', theirs: 'Data leak', mine: 'Leak', differs: true },
      { field: 'status', base: 'alleged', theirs: 'alleged', mine: 'confirmed', differs: true },
      { field: 'summary', base: undefined, theirs: 'From them', mine: undefined, differs: true }
    ])
  })

  it('counts every field of a deleted side as absent', () => {
    const fields = threeWayFieldDiff(base, theirs, undefined)
    expect(fields.every((field) => field.mine === undefined && field.differs)).toBe(true)
    expect(fields.map((field) => field.field)).toEqual(['id', 'title', 'status', 'summary'])
  })

  it('lists fields only the base had, last', () => {
    expect(threeWayFieldDiff({ ...base, note: 'old' }, theirs, mine).at(-1)).toEqual({
      field: 'note',
      base: 'old',
      theirs: undefined,
      mine: undefined,
      differs: false
    })
  })

  it('compares values as data: key order is not a difference', () => {
    const [field] = threeWayFieldDiff(undefined, { place: { a: 1, b: 2 } }, { place: { b: 2, a: 1 } })
    expect(field?.differs).toBe(false)
  })
})

describe('a record built from per-field choices', () => {
  it('takes each chosen field from its side, theirs where nothing was chosen, bookkeeping from theirs', () => {
    expect(recordFromChoices(theirs, mine, { status: 'mine', summary: 'mine' })).toEqual({
      id: 'inc-1',
      title: 'Data leak',
      status: 'confirmed',
      revision: 3,
      updatedAt: '2026-01-03T00:00:00.000Z'
    })
  })

  it('takes bookkeeping from mine when theirs was deleted', () => {
    expect(recordFromChoices(undefined, mine, { id: 'mine', title: 'mine', status: 'mine' })).toEqual(mine)
  })
})
