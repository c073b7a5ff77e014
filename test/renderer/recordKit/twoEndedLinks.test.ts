import { describe, expect, it } from 'vitest'
import { linkChanges } from '../../../src/renderer/recordKit/twoEndedLinks'

describe('linkChanges', () => {
  it('lists a link the form added', () => {
    const changes = linkChanges([], [{ relation: 'parent', otherId: 'org-ucweb' }])

    expect(changes).toEqual({ added: [{ relation: 'parent', otherId: 'org-ucweb' }], removed: [] })
  })

  it('lists a link the form removed', () => {
    const changes = linkChanges([{ relation: 'operator', otherId: 'org-alipay' }], [])

    expect(changes.removed).toEqual([{ relation: 'operator', otherId: 'org-alipay' }])
  })

  it('treats a changed relation to the same record as one removed and one added', () => {
    const changes = linkChanges([{ relation: 'parent', otherId: 'org-a' }], [{ relation: 'affiliate', otherId: 'org-a' }])

    expect(changes).toEqual({ added: [{ relation: 'affiliate', otherId: 'org-a' }], removed: [{ relation: 'parent', otherId: 'org-a' }] })
  })

  it('ignores order and a link chosen twice', () => {
    const before = [
      { relation: 'parent', otherId: 'a' },
      { relation: 'parent', otherId: 'b' }
    ]

    const changes = linkChanges(before, [before[1]!, before[0]!, before[0]!])

    expect(changes).toEqual({ added: [], removed: [] })
  })
})
