import { describe, expect, it } from 'vitest'
import { graphQuery, readGraphSettings } from '../../../../src/renderer/features/graph/graphRoute'

describe('readGraphSettings', () => {
  it('reads 2 hops and sources from the address', () => {
    expect(readGraphSettings({ hops: '2', sources: '1' })).toEqual({ hops: 2, includeSources: true })
  })

  it('falls back to 1 hop without sources for a missing or unexpected value', () => {
    expect(readGraphSettings({ hops: '7', sources: 'yes' })).toEqual({ hops: 1, includeSources: false })
  })
})

describe('graphQuery', () => {
  it('leaves the defaults out of the address', () => {
    expect(graphQuery({ hops: 1, includeSources: false })).toEqual({})
  })

  it('gives back the same settings when read again', () => {
    const settings = { hops: 2, includeSources: true } as const

    expect(readGraphSettings(graphQuery(settings) as Record<string, string>)).toEqual(settings)
  })
})
