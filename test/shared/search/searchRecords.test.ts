import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import { searchRecords } from '@shared/search/searchRecords'

function readBundle(path: string, knownIds: ReadonlySet<string> = new Set()) {
  const parsed = parseBundle(JSON.parse(readFileSync(path, 'utf8')), knownIds)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return bundleRecordsInOrder(parsed.bundle.records)
}
const jurisdictions = readBundle('resources/jurisdictions.json')
const records = [...jurisdictions, ...readBundle('resources/sample-knowledge-base.json', new Set(jurisdictions.map((typed) => typed.record.id)))]

describe('searchRecords', () => {
  it('finds records by words in any script, as the app does', () => {
    const titles = searchRecords(records, '支付宝').map((typed) => typed.record.id)
    expect(titles).toContain('org-alipay')
  })

  it('applies jurisdiction filters by code or name', () => {
    const found = searchRecords(records, 'jurisdiction:india type:incident')
    expect(found.map((typed) => typed.type)).toEqual(found.map(() => 'incident'))
    expect(found.length).toBeGreaterThan(0)
  })

  it('applies filters: type and organisation', () => {
    const found = searchRecords(records, 'type:response org:alipay')
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((typed) => typed.type === 'response')).toBe(true)
  })

  it('checks that a phrase’s words stand side by side', () => {
    const phrase = searchRecords(records, '"Sesame Credit"')
    expect(phrase.length).toBeGreaterThan(0)
    expect(searchRecords(records, '"Credit Sesame"')).toEqual([])
  })

  it('matches nothing for an empty query', () => {
    expect(searchRecords(records, '   ')).toEqual([])
  })
})
