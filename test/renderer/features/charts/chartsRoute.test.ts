import { describe, expect, it } from 'vitest'
import { chartsQueryOf, chartsSettingsFrom } from '../../../../src/renderer/features/charts/chartsRoute'

describe('chartsSettingsFrom', () => {
  it('reads the grouping and both filters from the address', () => {
    expect(chartsSettingsFrom({ by: 'category', incidents: 'jurisdiction:CN', responses: 'kind:fine' })).toEqual({
      incidentGrouping: 'category',
      incidentFilter: 'jurisdiction:CN',
      responseFilter: 'kind:fine'
    })
  })

  it('falls back to grouping by jurisdiction and no filters for anything unknown', () => {
    expect(chartsSettingsFrom({ by: 'colour', incidents: ['a', 'b'] })).toEqual({ incidentGrouping: 'jurisdiction', incidentFilter: '', responseFilter: '' })
  })
})

describe('chartsQueryOf', () => {
  it('leaves defaults out so plain /charts stays plain', () => {
    expect(chartsQueryOf({ incidentGrouping: 'jurisdiction', incidentFilter: '', responseFilter: '' })).toEqual({})
  })

  it('round-trips through the address', () => {
    const settings = { incidentGrouping: 'category', incidentFilter: 'year:2018', responseFilter: '' } as const

    expect(chartsSettingsFrom(chartsQueryOf(settings) as never)).toEqual(settings)
  })
})
