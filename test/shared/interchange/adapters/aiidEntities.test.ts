import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { organisationIdSchema } from '@shared/domain/ids'
import { aiidEntityName, aiidOrganisationId } from '@shared/interchange/adapters/aiidEntities'

describe('aiidOrganisationId', () => {
  it('keeps a slug that is already a valid id', () => {
    expect(aiidOrganisationId('keolis-north-america')).toBe('org-aiid-keolis-north-america')
    expect(aiidOrganisationId('15.ai')).toBe('org-aiid-15.ai')
  })

  it('makes any other slug a valid id with a hash of the whole slug, so different slugs never share one', () => {
    const slugs = [
      '@pokimane',
      'pokimane',
      "mcdonald's-customers",
      'mcdonald-s-customers',
      'e!-news',
      '"leon"-(pseudonymous-australian-fraud-analyst)',
      '@@@',
      `${'a'.repeat(150)}x`,
      `${'a'.repeat(150)}y`
    ]
    const ids = slugs.map(aiidOrganisationId)
    expect(new Set(ids).size).toBe(slugs.length)
    for (const id of ids) expect(organisationIdSchema.safeParse(id).success, id).toBe(true)
    expect(aiidOrganisationId('@pokimane')).toMatch(/^org-aiid-pokimane-[0-9a-f]{8}$/)
    expect(aiidOrganisationId('@@@')).toMatch(/^org-aiid-[0-9a-f]{8}$/)
  })

  it('gives any slug a valid id, and different slugs different ids', () => {
    const slug = fc.string({ unit: fc.constantFrom('a', 'b', '1', '-', '.', '_', "'", '@', '(', ')', '"', ' ', 'é', '支'), minLength: 1, maxLength: 120 })
    fc.assert(
      fc.property(slug, slug, (first, second) => {
        expect(organisationIdSchema.safeParse(aiidOrganisationId(first)).success).toBe(true)
        if (first !== second) expect(aiidOrganisationId(first)).not.toBe(aiidOrganisationId(second))
      }),
      { numRuns: 2000 }
    )
  })

  it('depends only on the slug', () => {
    expect(aiidOrganisationId("mcdonald's-customers")).toBe(aiidOrganisationId("mcdonald's-customers"))
  })
})

describe('aiidEntityName', () => {
  it.each([
    ['keolis-north-america', 'Keolis North America'],
    ['department-for-work-and-pensions-(dwp)', 'Department for Work and Pensions (DWP)'],
    ['st.-rose-dominican-hospital-(henderson-nevada)', 'St. Rose Dominican Hospital (Henderson Nevada)'],
    ['247-women-in-spain-(unnamed)', '247 Women in Spain (Unnamed)'],
    ['otter.ai', 'otter.ai'],
    ['@pokimane', '@pokimane'],
    ["mcdonald's-customers", "Mcdonald's Customers"],
    ['the-new-york-times', 'The New York Times']
  ])('%s → %s', (slug, name) => {
    expect(aiidEntityName(slug)).toBe(name)
  })
})
