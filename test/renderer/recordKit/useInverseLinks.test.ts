import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { getDatabase } from '@renderer/db'
import type { Law } from '@shared/domain/law'
import type { Organisation } from '@shared/domain/organisation'
import type { RecordOfType, RecordType } from '@shared/domain/recordTypes'
import type { RecordAmendment } from '../../../src/renderer/recordKit/recordsStore'
import { useInverseLinks } from '../../../src/renderer/recordKit/useInverseLinks'
import { aLaw, anOrganisation } from '../../builders/domain'
import { givenStored } from '../db/testDatabase'

function inverseLinksOf<T extends 'law' | 'organisation'>(type: T) {
  return effectScope().run(() => useInverseLinks(type))!
}

/** What each amendment makes of the record it names, as the save would apply it. */
function applied<T extends RecordType>(amendments: readonly RecordAmendment[], records: readonly RecordOfType[T][]) {
  return Object.fromEntries(
    amendments.map((amendment) => {
      const record = records.find((candidate) => candidate.id === amendment.id)!
      return [amendment.id, (amendment as unknown as RecordAmendment<T>).amend(record)]
    })
  )
}

describe('useInverseLinks', () => {
  it('reads the links other organisations hold to this one, and writes only what the form changed back onto them', async () => {
    const alipay = anOrganisation({ name: 'Alipay' })
    const ant = anOrganisation({
      name: 'Ant',
      links: [
        { relation: 'parent', organisationId: alipay.id },
        { relation: 'affiliate', organisationId: 'org-other' }
      ]
    })
    const ucweb = anOrganisation({
      name: 'UCWeb',
      links: [
        { relation: 'operator', organisationId: alipay.id },
        { relation: 'operator', organisationId: 'org-elsewhere' }
      ]
    })
    const untouched = anOrganisation({ name: 'Tenpay', links: [{ relation: 'affiliate', organisationId: alipay.id }] })
    const newcomer = anOrganisation({ name: 'Newcomer' })
    await givenStored(getDatabase(), ...[alipay, ant, ucweb, untouched, newcomer].map((record) => ({ type: 'organisation' as const, record })))
    const inverse = inverseLinksOf('organisation')

    const loaded = await inverse.load(alipay)

    expect(loaded).toEqual(
      expect.arrayContaining([
        { relation: 'parent', otherId: ant.id },
        { relation: 'operator', otherId: ucweb.id },
        { relation: 'affiliate', otherId: untouched.id }
      ])
    )
    expect(loaded).toHaveLength(3)
    // Ant becomes an affiliate, UCWeb's link is removed, the newcomer operates Alipay; Tenpay stays as it was.
    const edited = loaded
      .filter((link) => link.otherId !== ucweb.id)
      .map((link) => (link.otherId === ant.id ? { ...link, relation: 'affiliate' as const } : link))
      .concat({ relation: 'operator', otherId: newcomer.id })
    const amendments = inverse.amendments(alipay.id, edited)

    expect(amendments.map((amendment) => amendment.type)).toEqual(['organisation', 'organisation', 'organisation'])
    const after = applied<'organisation'>(amendments, [ant, ucweb, newcomer]) as Record<string, Organisation>
    expect(Object.keys(after).sort()).toEqual([ant.id, ucweb.id, newcomer.id].sort())
    expect(after[ant.id]!.links).toEqual([
      { relation: 'affiliate', organisationId: 'org-other' },
      { relation: 'affiliate', organisationId: alipay.id }
    ])
    expect(after[ucweb.id]!.links).toEqual([{ relation: 'operator', organisationId: 'org-elsewhere' }])
    expect(after[newcomer.id]!.links).toEqual([{ relation: 'operator', organisationId: alipay.id }])
    expect(after[ant.id]!.name).toBe('Ant')
  })

  it('changes nothing when the form holds the links as loaded, whatever their order, and leaves the loaded list to the form to edit', async () => {
    const csl = aLaw({ title: 'Cybersecurity Law' })
    const amending = aLaw({ title: 'Amending decision', relations: [{ relation: 'amends', lawId: csl.id }] })
    const implementing = aLaw({ title: 'Implementing rules', relations: [{ relation: 'implements', lawId: csl.id }] })
    await givenStored(getDatabase(), ...[csl, amending, implementing].map((record) => ({ type: 'law' as const, record })))
    const inverse = inverseLinksOf('law')

    const loaded = await inverse.load(csl)
    loaded.reverse()

    expect(inverse.amendments(csl.id, loaded)).toEqual([])
    loaded[0]!.relation = 'replaces'
    expect(inverse.amendments(csl.id, loaded)).toHaveLength(1)
  })

  it('writes a law’s relations with the law’s own field names when one is added', async () => {
    const pipl = aLaw({ title: 'PIPL' })
    const measures = aLaw({ title: 'Measures' })
    await givenStored(getDatabase(), ...[pipl, measures].map((record) => ({ type: 'law' as const, record })))
    const inverse = inverseLinksOf('law')

    expect(await inverse.load(pipl)).toEqual([])
    const amendments = inverse.amendments(pipl.id, [{ relation: 'implements', otherId: measures.id }])

    expect(amendments.map((amendment) => [amendment.type, amendment.id])).toEqual([['law', measures.id]])
    expect((applied<'law'>(amendments, [measures])[measures.id] as Law).relations).toEqual([{ relation: 'implements', lawId: pipl.id }])
  })
})
