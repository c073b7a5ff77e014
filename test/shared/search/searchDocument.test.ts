import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleRecordsInOrder, parseBundle } from '../../../src/shared/domain/bundle'
import type { TypedRecord } from '../../../src/shared/domain/recordTypes'
import { toSearchDocument, type SearchDocumentContext } from '../../../src/shared/search/searchDocument'

const jurisdictions = JSON.parse(readFileSync(resolve(__dirname, '../../../resources/jurisdictions.json'), 'utf8')) as {
  records: { jurisdictions: { id: string }[] }
}
const parsed = parseBundle(
  JSON.parse(readFileSync(resolve(__dirname, '../../../resources/sample-knowledge-base.json'), 'utf8')),
  new Set(jurisdictions.records.jurisdictions.map((j) => j.id))
)
if (!parsed.ok) throw new Error('sample bundle invalid')
const records = bundleRecordsInOrder(parsed.bundle.records)
const context: SearchDocumentContext = {
  sourcesById: new Map(parsed.bundle.records.sources.map((s) => [s.id, s])),
  organisationsById: new Map(parsed.bundle.records.organisations.map((o) => [o.id, o])),
  incidentsById: new Map(parsed.bundle.records.incidents.map((i) => [i.id, i]))
}
const find = (id: string): TypedRecord => {
  const typed = records.find((candidate) => candidate.record.id === id)
  if (!typed) throw new Error(`no ${id}`)
  return typed
}

describe('toSearchDocument', () => {
  it('puts an organisation’s aliases in every script beside its name', () => {
    const document = toSearchDocument(find('org-alipay'), context)

    expect(document.title).toBe('Alipay')
    expect(document.aliases).toContain('支付宝')
  })

  it('includes the titles of the sources an incident cites', () => {
    const document = toSearchDocument(find('inc-alipay-annual-bill-2018'), context)

    expect(document.sources).toContain('China Focus: Ant Financial apologizes for online credit trickery')
  })

  it('lists a law’s provisions by label and summary', () => {
    const document = toSearchDocument(find('law-cn-cybersecurity-law'), context)

    expect(document.provisions).toMatch(/Article 41\n.*consent/s)
    expect(document.aliases).toBe('网络安全法')
  })

  it('gives a response the jurisdictions of its actor and its incidents', () => {
    const document = toSearchDocument(find('resp-meity-block-59-apps-2020-06-29'), context)

    expect(document.jurisdictionIds).toEqual(['IN'])
    expect(document.kinds).toEqual(['block-or-ban'])
    expect(document.years).toEqual([2020])
  })

  it('spans every year a range covers', () => {
    const incident = find('inc-uc-browser-data-transmission')

    expect(toSearchDocument(incident, context).years).toEqual([2015])
  })

  it('keeps the stage of a response as its status', () => {
    expect(toSearchDocument(find('resp-meity-threatened-ban-uc-browser-2017'), context).status).toBe('proposed')
  })
})
