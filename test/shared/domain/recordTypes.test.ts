import { describe, expect, it } from 'vitest'
import { RECORD_TYPE_LABELS, RECORD_TYPES, recordTitle } from '@shared/domain/recordTypes'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse, aSource } from '../../builders/sharedDomain'

describe('recordTitle', () => {
  it('uses the title of an incident', () => {
    const title = recordTitle({ type: 'incident', record: anIncident({ title: 'Alipay annual statement opt-in' }) })

    expect(title).toBe('Alipay annual statement opt-in')
  })

  it('uses the title of a law', () => {
    const title = recordTitle({ type: 'law', record: aLaw({ title: 'Personal Information Protection Law' }) })

    expect(title).toBe('Personal Information Protection Law')
  })

  it('uses the title of a response', () => {
    const title = recordTitle({ type: 'response', record: aResponse({ title: 'CAC summons Alipay' }) })

    expect(title).toBe('CAC summons Alipay')
  })

  it('uses the title of a source', () => {
    const title = recordTitle({ type: 'source', record: aSource({ title: 'Alipay apologises' }) })

    expect(title).toBe('Alipay apologises')
  })

  it('uses the name of an organisation', () => {
    const title = recordTitle({ type: 'organisation', record: anOrganisation({ name: 'Ant Financial' }) })

    expect(title).toBe('Ant Financial')
  })

  it('uses the name of a jurisdiction', () => {
    const title = recordTitle({ type: 'jurisdiction', record: aJurisdiction({ name: 'China' }) })

    expect(title).toBe('China')
  })
})

describe('RECORD_TYPE_LABELS', () => {
  it('labels every record type', () => {
    expect(Object.keys(RECORD_TYPE_LABELS).sort()).toEqual([...RECORD_TYPES].sort())
  })
})
