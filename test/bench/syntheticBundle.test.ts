import { describe, expect, it } from 'vitest'
import jurisdictions from '@resources/jurisdictions.json'
import { parseBundle } from '@shared/domain/bundle'
import { recordMix, syntheticAppBundle } from '../../bench/app/syntheticBundle'

// The app benchmark imports this bundle through the Import page: it must be a valid Precedent bundle
// whose links all resolve against the built-in jurisdictions, or the benchmark would measure a refusal.
describe('the app benchmark’s synthetic bundle', () => {
  const knownIds = new Set(jurisdictions.records.jurisdictions.map((jurisdiction) => jurisdiction.id))

  it.each([100, 2000])('is a valid bundle of exactly %i records, mixed as real imports mix them', (n) => {
    const { bundle } = syntheticAppBundle(n)
    const parsed = parseBundle(JSON.parse(JSON.stringify(bundle)), knownIds)
    expect(parsed.ok ? [] : parsed.problems.slice(0, 3)).toEqual([])
    const { organisations, sources, incidents, responses } = bundle.records
    expect(organisations.length + sources.length + incidents.length + responses.length).toBe(n)
    expect({ organisations: organisations.length, sources: sources.length, incidents: incidents.length, responses: responses.length }).toEqual(recordMix(n))
  })

  it('is the same for the same size, so runs compare', () => {
    expect(JSON.stringify(syntheticAppBundle(500).bundle)).toBe(JSON.stringify(syntheticAppBundle(500).bundle))
  })

  it('plants near-duplicate organisations for the Duplicates page to find', () => {
    const { bundle } = syntheticAppBundle(2000)
    const bases = bundle.records.organisations.map((organisation) => organisation.name.replace(/ \S+$/, '').toLowerCase())
    expect(bases.length - new Set(bases).size).toBeGreaterThan(0)
  })
})
