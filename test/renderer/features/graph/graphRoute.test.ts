import { describe, expect, it } from 'vitest'
import { graphQuery, readGraphSettings } from '../../../../src/renderer/features/graph/graphRoute'

describe('readGraphSettings', () => {
  it('shows 1 hop with sources hidden when the address says nothing', () => {
    expect(readGraphSettings({})).toEqual({ hops: 1, hiddenTypes: ['source'] })
  })

  it('reads 2 hops and the hidden types from the address', () => {
    expect(readGraphSettings({ hops: '2', hide: 'source,jurisdiction' })).toEqual({ hops: 2, hiddenTypes: ['jurisdiction', 'source'] })
  })

  it('hides nothing when the address lists no types', () => {
    expect(readGraphSettings({ hide: '' }).hiddenTypes).toEqual([])
  })

  it('ignores an unknown reach and unknown types', () => {
    expect(readGraphSettings({ hops: '7', hide: 'planet,law' })).toEqual({ hops: 1, hiddenTypes: ['law'] })
  })
})

describe('graphQuery', () => {
  it('leaves the defaults out of the address', () => {
    expect(graphQuery({ hops: 1, hiddenTypes: ['source'] })).toEqual({})
  })

  it('keeps "hide nothing" in the address, since it is not the default', () => {
    expect(graphQuery({ hops: 1, hiddenTypes: [] })).toEqual({ hide: '' })
  })

  it('gives back the same settings when read again', () => {
    const settings = { hops: 2, hiddenTypes: ['jurisdiction', 'law'] } as const

    expect(readGraphSettings(graphQuery(settings) as Record<string, string>)).toEqual(settings)
  })
})
