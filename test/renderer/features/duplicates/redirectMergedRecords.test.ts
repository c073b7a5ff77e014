import { describe, expect, it } from 'vitest'
import { recordTypeOfRoute } from '../../../../src/renderer/features/duplicates/redirectMergedRecords'

describe('recordTypeOfRoute', () => {
  it('reads the record type from a record page and from an action on a record', () => {
    expect(recordTypeOfRoute({ name: 'organisation' })).toBe('organisation')
    expect(recordTypeOfRoute({ name: 'incident-edit' })).toBe('incident')
  })

  it('reads it from the type parameter of the relationship graph, so graph addresses follow merges too', () => {
    expect(recordTypeOfRoute({ name: 'relationship-graph', params: { type: 'organisation', id: 'org-a' } })).toBe('organisation')
    expect(recordTypeOfRoute({ name: 'relationship-graph', params: { type: 'nonsense', id: 'x' } })).toBeUndefined()
  })

  it('finds no record type on other pages', () => {
    expect(recordTypeOfRoute({ name: 'incidents' })).toBeUndefined()
    expect(recordTypeOfRoute({ name: 'duplicates' })).toBeUndefined()
    expect(recordTypeOfRoute({ name: undefined })).toBeUndefined()
  })
})
