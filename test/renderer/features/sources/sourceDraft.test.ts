import { describe, expect, it } from 'vitest'
import { emptySourceDraft, inputFromSourceDraft, validateSourceDraft } from '../../../../src/renderer/features/sources/sourceDraft'

describe('source draft', () => {
  it('refuses an address that is not a full web address, under the address field', () => {
    expect(validateSourceDraft({ ...emptySourceDraft(), title: 'Report', url: 'xinhuanet.com/x' }).url).toMatch(/full http/)
  })

  it('keeps a month-precision publication date as typed', () => {
    expect(inputFromSourceDraft({ ...emptySourceDraft(), title: 'Report', publishedOn: '2018-01' }).publishedOn).toBe('2018-01')
  })

  it('leaves empty fields out', () => {
    expect(inputFromSourceDraft({ ...emptySourceDraft(), title: 'Report' }).publisher).toBeUndefined()
  })
})
